-- New members' first post in a group can wait for a moderator's approval
-- (groups.first_post_approval); until then only its author and the group's
-- moderators see it.
ALTER TABLE posts ADD COLUMN pending boolean NOT NULL DEFAULT false;
CREATE INDEX posts_pending_idx ON posts (thread_id) WHERE pending;
