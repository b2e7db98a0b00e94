-- The library topics a member follows: the home page shows new resources
-- in them (chosen at /settings/topics). Topics are never deleted, only
-- renamed, so the slug is a stable key.
CREATE TABLE member_topics (
    user_id     uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    topic_slug  text NOT NULL REFERENCES library_topics ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (user_id, topic_slug)
);

-- The home page's "new in my groups": threads of the member's groups with
-- activity in the last weeks (the group page's index has `pinned` between
-- the group and the time, so it cannot start at a date).
CREATE INDEX threads_group_activity_idx ON threads (group_id, last_post_at DESC);
