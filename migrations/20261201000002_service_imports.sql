-- A moderator's uploaded directory file between its preview and its
-- confirmation: the confirm step imports exactly this text (checked by its
-- SHA-256, which the preview page carries), never a second upload. Only
-- files that passed every check are kept; after the import the text is
-- dropped and the row stays as a record of who imported what and when.
CREATE TABLE service_imports (
    import_id       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    uploaded_by     uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    file_name       text NOT NULL DEFAULT '',
    format          text NOT NULL CHECK (format IN ('csv', 'hsds-json')),
    content         text NOT NULL,
    sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    created_at      timestamptz NOT NULL,
    imported_at     timestamptz,
    created_count   integer,
    updated_count   integer
);
-- Unconfirmed uploads are cleared after a day.
CREATE INDEX service_imports_pending_idx ON service_imports (created_at) WHERE imported_at IS NULL;
