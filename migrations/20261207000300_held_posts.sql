-- Posts held for a moderator's approval (a group's "first post needs
-- approval") are a queue of their own beside the flags: moderators see them
-- at /moderation, with a count in the header, and may approve or decline
-- them with a reason mailed to the author. A declined post stays held —
-- invisible to everyone but its author, who keeps her text and reads why.
ALTER TABLE posts
    ADD COLUMN declined_at timestamptz,
    ADD COLUMN declined_by uuid REFERENCES users ON DELETE SET NULL,
    ADD COLUMN decline_reason text NOT NULL DEFAULT '';
CREATE INDEX posts_held_idx ON posts (group_id, created_at)
    WHERE pending AND declined_at IS NULL AND deleted_at IS NULL;

-- What waits for one moderator (open flags and held posts of the groups
-- she moderates, or of every group for a site moderator), counted up to
-- 100 for the header. A function, so the page header (drawn from the
-- signed-in member) asks the groups' tables one question without knowing
-- their shape.
-- Most members moderate nothing: for them the answer is 0 at the cost of
-- one index probe.
CREATE FUNCTION moderation_waiting(viewer uuid, site_moderator boolean) RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN NOT site_moderator AND NOT EXISTS (
            SELECT 1 FROM group_members
            WHERE user_id = viewer AND status = 'active' AND role IN ('owner', 'moderator'))
        THEN 0
        ELSE (SELECT count(*) FROM (
            SELECT 1 FROM (
                SELECT p.group_id FROM flags f JOIN posts p USING (post_id)
                WHERE f.resolved_at IS NULL
                UNION ALL
                SELECT p.group_id FROM posts p
                WHERE p.pending AND p.declined_at IS NULL AND p.deleted_at IS NULL
            ) waiting
            WHERE site_moderator OR EXISTS (
                SELECT 1 FROM group_members m
                WHERE m.group_id = waiting.group_id AND m.user_id = viewer
                  AND m.status = 'active' AND m.role IN ('owner', 'moderator'))
            LIMIT 100
        ) counted)
    END
$$;
