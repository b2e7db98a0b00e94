-- When a resource was last featured, so the home page shows the newest
-- featured first (updated_at moves with every edit, so it cannot say).
ALTER TABLE resources ADD COLUMN featured_at timestamptz;
UPDATE resources SET featured_at = updated_at WHERE featured;
CREATE INDEX resources_featured_idx ON resources (featured_at DESC, resource_id)
    WHERE featured AND status = 'published';
