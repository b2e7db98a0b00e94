-- Warnings a moderator gave a member about a post, kept per group so the
-- next moderator sees how many came before (and can decide on a ban).
CREATE TABLE group_warnings (
    group_warning_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id     uuid NOT NULL REFERENCES groups ON DELETE CASCADE,
    user_id      uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    post_id      uuid REFERENCES posts ON DELETE SET NULL,
    moderator_id uuid REFERENCES users ON DELETE SET NULL,
    note         text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL
);
CREATE INDEX group_warnings_member_idx ON group_warnings (group_id, user_id);
