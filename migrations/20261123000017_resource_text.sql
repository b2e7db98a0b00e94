-- When the text of a resource's file was extracted (NULL: not yet); the
-- background job picks up files without it.
ALTER TABLE resources ADD COLUMN text_extracted_at timestamptz;
CREATE INDEX resources_extract_idx ON resources (created_at)
    WHERE file_id IS NOT NULL AND text_extracted_at IS NULL;
