-- Browsing the library newest first pages by keyset on
-- (published_at, resource_no), the order's own columns: an index in that
-- order starts each page at its cursor (the older resources_published_idx
-- ends in resource_id, so it would sort every run of equal dates again).
CREATE INDEX resources_newest_idx ON resources (published_at DESC, resource_no DESC)
    WHERE status = 'published';
