-- A completed course: its certificate (a public verification code, like an
-- event's) on the enrolment, and its licence points in the ledger under
-- their own source.

-- Set once, with completed_at, by `courses::completion`; every completed
-- course has one, with points or without.
ALTER TABLE enrolments ADD COLUMN certificate_code text UNIQUE;

-- The ledger now holds two sources: an attended event or a completed
-- course, exactly one of them named. `source` defaults to 'event' so the
-- ledger's existing writers stay as they are.
--
-- A course's entry goes with the course (CASCADE), as an event's does: the
-- product archives courses and never deletes them, and were one deleted by
-- hand its enrolments (the completion and the certificate that backs the
-- entry) would go too; an entry left with no course could be neither named
-- on /me/points nor verified at /certificates/<code>.
ALTER TABLE points_entries
    ALTER COLUMN event_id DROP NOT NULL,
    ADD COLUMN course_id uuid REFERENCES courses ON DELETE CASCADE,
    ADD COLUMN source text NOT NULL DEFAULT 'event' CHECK (source IN ('event', 'course')),
    ADD CONSTRAINT points_entries_one_source CHECK (
        (source = 'event' AND event_id IS NOT NULL AND course_id IS NULL)
        OR (source = 'course' AND course_id IS NOT NULL AND event_id IS NULL)),
    -- A course's points are given once, however the completion races.
    ADD CONSTRAINT points_entries_course_once UNIQUE (user_id, course_id);

CREATE INDEX points_entries_course_idx ON points_entries (course_id) WHERE course_id IS NOT NULL;
