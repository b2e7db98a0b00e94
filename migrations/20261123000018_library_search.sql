-- Resources numbered in the order they were added, so search can look at
-- the newest first in growing windows (as posts are searched), and indexes
-- for browsing without words in each order offered.
ALTER TABLE resources ADD COLUMN resource_no bigint GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX resources_no_idx ON resources (resource_no);
CREATE INDEX resources_browse_idx ON resources (featured DESC, published_at DESC, resource_no DESC)
    WHERE status = 'published';
CREATE INDEX resources_downloads_idx ON resources (downloads DESC, published_at DESC, resource_no DESC)
    WHERE status = 'published';
