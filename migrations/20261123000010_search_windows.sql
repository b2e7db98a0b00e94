-- Posts numbered in the order they were written, so search can look at the
-- newest posts first in growing windows ("the last 4,000 posts", then
-- 32,000, …) and stop as soon as it has enough matches: the work per query
-- stays bounded however common the searched word is.
ALTER TABLE posts ADD COLUMN post_no bigint GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX posts_no_idx ON posts (post_no);

-- The post's group, copied from its thread (and moved with it), so search
-- can decide who may read a match without looking up its thread.
ALTER TABLE posts ADD COLUMN group_id uuid REFERENCES groups ON DELETE CASCADE;
UPDATE posts p SET group_id = t.group_id FROM threads t WHERE t.thread_id = p.thread_id;
ALTER TABLE posts ALTER COLUMN group_id SET NOT NULL;
