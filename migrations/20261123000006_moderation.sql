-- Flags on posts, handled in the moderation queue, and hidden posts.
ALTER TABLE posts
    ADD COLUMN hidden_at timestamptz,
    ADD COLUMN hidden_by uuid REFERENCES users;

CREATE TABLE flags (
    flag_id      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    post_id      uuid NOT NULL REFERENCES posts ON DELETE CASCADE,
    reporter_id  uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    reason       text NOT NULL CHECK (reason IN ('spam', 'personal_data', 'harassment', 'other')),
    note         text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL,
    resolved_at  timestamptz,
    resolved_by  uuid REFERENCES users,
    outcome      text CHECK (outcome IN ('hidden', 'kept')),
    moderator_note text NOT NULL DEFAULT '',
    CONSTRAINT flags_one_per_reporter UNIQUE (post_id, reporter_id)
);
CREATE INDEX flags_open_idx ON flags (created_at) WHERE resolved_at IS NULL;

-- Who looked at the author of an anonymous post, and when (for safety reviews).
CREATE TABLE anonymity_reveals (
    anonymity_reveal_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    thread_id   uuid NOT NULL REFERENCES threads ON DELETE CASCADE,
    viewer_id   uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    viewed_at   timestamptz NOT NULL
);
