-- Members propose a webinar or a topic; others support a proposal with one
-- vote each; organisers turn one into an event or close it with a reason.
CREATE TABLE event_proposals (
    proposal_id  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    author_id    uuid REFERENCES users ON DELETE SET NULL,
    kind         text NOT NULL CHECK (kind IN ('webinar', 'topic')),
    title        text NOT NULL,
    description  text NOT NULL DEFAULT '',
    status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'scheduled', 'closed')),
    close_reason text NOT NULL DEFAULT '',
    event_id     uuid REFERENCES events ON DELETE SET NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX event_proposals_open_idx ON event_proposals (created_at) WHERE status = 'open';

CREATE TABLE proposal_votes (
    proposal_id uuid NOT NULL REFERENCES event_proposals ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (proposal_id, user_id)
);
