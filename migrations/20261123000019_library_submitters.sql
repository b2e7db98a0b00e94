-- "My submissions" on /library: a member's open drafts, without reading
-- the whole library to find them.
CREATE INDEX resources_submitter_idx ON resources (submitted_by, updated_at DESC)
    WHERE status IN ('draft', 'submitted', 'returned');
