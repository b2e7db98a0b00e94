-- Lesson attachments (issue 18, authoring): besides its Markdown, a lesson
-- may carry, in the author's order, a library resource, an event's
-- recording, or an uploaded audio/video file. Exactly one target column is
-- set, the one the kind names (`courses::vocabulary::AttachmentKind`).
-- Uploaded media lives in the file store and has its `stored_files` row
-- like a library file (so the crash sweep keeps it); removing the
-- attachment removes the row and the file.
CREATE TABLE lesson_attachments (
    attachment_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    lesson_id     uuid NOT NULL REFERENCES lessons ON DELETE CASCADE,
    position      integer NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('resource', 'recording', 'media')),
    -- The author's words beside it ("Watch from minute 12"); may be empty.
    caption       text NOT NULL DEFAULT '',
    resource_id   uuid REFERENCES resources ON DELETE CASCADE,
    event_id      uuid REFERENCES events ON DELETE CASCADE,
    file_id       uuid REFERENCES stored_files ON DELETE CASCADE,
    created_at    timestamptz NOT NULL,
    CONSTRAINT lesson_attachments_target CHECK (
        (kind = 'resource') = (resource_id IS NOT NULL)
        AND (kind = 'recording') = (event_id IS NOT NULL)
        AND (kind = 'media') = (file_id IS NOT NULL)),
    -- Swapped by "move up / down" in one statement: checked at commit.
    CONSTRAINT lesson_attachments_position_key UNIQUE (lesson_id, position) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX lesson_attachments_file_idx ON lesson_attachments (file_id) WHERE file_id IS NOT NULL;
