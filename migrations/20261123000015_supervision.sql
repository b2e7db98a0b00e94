-- Supervision: a secret group with one supervisor (its owner) and a few
-- supervisees; case dilemmas submitted to a meeting's agenda through a
-- de-identifying form, the supervisor's notes after it, a log of every
-- read, and deletion after a retention period.

ALTER TABLE groups
    ADD COLUMN supervision boolean NOT NULL DEFAULT false,
    ADD COLUMN member_limit integer CHECK (member_limit BETWEEN 1 AND 50),
    ADD COLUMN retention_months integer NOT NULL DEFAULT 12 CHECK (retention_months BETWEEN 1 AND 120);

CREATE TABLE supervision_cases (
    case_id      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id     uuid NOT NULL REFERENCES events ON DELETE CASCADE,
    author_id    uuid REFERENCES users ON DELETE SET NULL,
    -- De-identified by design: bands, not dates or names.
    age_band     text NOT NULL CHECK (age_band IN ('0-5', '6-11', '12-17', '18-25', '26-64', '65plus')),
    municipality_size text NOT NULL CHECK (municipality_size IN ('village', 'small', 'medium', 'city')),
    situation    text NOT NULL,
    question     text NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX supervision_cases_event_idx ON supervision_cases (event_id);

CREATE TABLE supervision_notes (
    event_id     uuid PRIMARY KEY REFERENCES events ON DELETE CASCADE,
    author_id    uuid REFERENCES users ON DELETE SET NULL,
    body         text NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- Who read which case or note, and when; the supervisor sees it.
CREATE TABLE supervision_reads (
    supervision_read_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id     uuid NOT NULL REFERENCES groups ON DELETE CASCADE,
    event_id     uuid REFERENCES events ON DELETE SET NULL,
    reader_id    uuid REFERENCES users ON DELETE SET NULL,
    what         text NOT NULL CHECK (what IN ('cases', 'notes')),
    read_at      timestamptz NOT NULL
);
CREATE INDEX supervision_reads_group_idx ON supervision_reads (group_id, read_at DESC);

-- The retention warning is sent once per meeting.
ALTER TABLE events ADD COLUMN retention_warned_at timestamptz;
