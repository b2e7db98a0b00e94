-- After the event: attendance (by the organisers' list or by self check-in
-- with a code shown during the event), licence points with verifiable
-- certificates, the recording and materials, and feedback.

ALTER TABLE events
    -- Shown to organisers; participants type it to check themselves in.
    ADD COLUMN checkin_code text NOT NULL DEFAULT upper(substr(md5(random()::text), 1, 6)),
    ADD COLUMN recording_url text NOT NULL DEFAULT '',
    ADD COLUMN materials text NOT NULL DEFAULT '';

ALTER TABLE event_registrations ADD COLUMN attended_at timestamptz;

-- The member's licence is valid for six years from this date; points are
-- summed per such period on /me/points.
ALTER TABLE users ADD COLUMN licence_since date;

-- One entry per attended accredited event: the points ledger, whose code
-- verifies the certificate at /certificates/<code>.
CREATE TABLE points_entries (
    points_entry_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    event_id    uuid NOT NULL REFERENCES events ON DELETE CASCADE,
    points      integer NOT NULL CHECK (points > 0),
    certificate_code text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    CONSTRAINT points_entries_once UNIQUE (user_id, event_id)
);

CREATE TABLE event_feedback (
    event_id    uuid NOT NULL REFERENCES events ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    rating      smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (event_id, user_id)
);
