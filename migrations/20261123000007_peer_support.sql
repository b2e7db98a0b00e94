-- "Pomoć pomagačima": confidential requests for support, answered by peer
-- supporters whom a moderator designates. Only the requester and the
-- supporter who takes a request ever see it.
ALTER TABLE users ADD COLUMN peer_supporter boolean NOT NULL DEFAULT false;

CREATE TABLE support_requests (
    support_request_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    requester_id  uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    supporter_id  uuid REFERENCES users ON DELETE SET NULL,
    status        text NOT NULL CHECK (status IN ('open', 'taken', 'closed')),
    created_at    timestamptz NOT NULL,
    taken_at      timestamptz,
    -- When the team was last told about it (re-sent after 24 hours unanswered).
    team_notified_at timestamptz NOT NULL
);
CREATE INDEX support_requests_open_idx ON support_requests (team_notified_at) WHERE status = 'open';

CREATE TABLE support_messages (
    support_message_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    support_request_id uuid NOT NULL REFERENCES support_requests ON DELETE CASCADE,
    author_id   uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    body        text NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX support_messages_request_idx ON support_messages (support_request_id, created_at);
