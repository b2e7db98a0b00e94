-- Events: webinars, supervision meetings, regional meetings, round tables,
-- trainings and conferences; registration with capacity and a waitlist;
-- reminders; private calendar feeds.

CREATE TABLE events (
    event_id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind            text NOT NULL CHECK (kind IN ('webinar', 'supervision', 'regional_meeting',
                                                  'round_table', 'training', 'conference')),
    title           text NOT NULL,
    description     text NOT NULL DEFAULT '',
    -- Stored in UTC; entered and shown in Europe/Belgrade.
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    language        text NOT NULL DEFAULT 'sr',
    -- Speakers who are not members, as free text ("dr Ana Petrović, UNICEF").
    speakers        text NOT NULL DEFAULT '',
    audience        text NOT NULL CHECK (audience IN ('public', 'members', 'group')),
    group_id        uuid REFERENCES groups ON DELETE CASCADE,
    -- NULL: no limit.
    capacity        integer CHECK (capacity > 0),
    registration_deadline timestamptz,
    -- Shown only to registered participants and organisers.
    online_link     text NOT NULL DEFAULT '',
    place_address   text NOT NULL DEFAULT '',
    city            text NOT NULL DEFAULT '',
    -- Licence-renewal (CPD) points for attending.
    points          integer NOT NULL DEFAULT 0 CHECK (points >= 0),
    created_by      uuid REFERENCES users ON DELETE SET NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    -- Raised on every change of time or place, so calendars apply it.
    sequence        integer NOT NULL DEFAULT 0,
    cancelled_at    timestamptz,
    cancel_reason   text NOT NULL DEFAULT '',
    CONSTRAINT events_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT events_group_audience CHECK ((audience = 'group') = (group_id IS NOT NULL))
);
CREATE INDEX events_starts_idx ON events (starts_at);
CREATE INDEX events_group_idx ON events (group_id) WHERE group_id IS NOT NULL;

-- Members who organise or speak at an event (besides the free-text speakers).
CREATE TABLE event_people (
    event_id    uuid NOT NULL REFERENCES events ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    role        text NOT NULL CHECK (role IN ('organiser', 'speaker')),
    PRIMARY KEY (event_id, user_id, role)
);
CREATE INDEX event_people_user_idx ON event_people (user_id);

CREATE TABLE event_registrations (
    event_id       uuid NOT NULL REFERENCES events ON DELETE CASCADE,
    user_id        uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    status         text NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
    -- The waitlist is served in the order people joined it.
    registered_at  timestamptz NOT NULL,
    cancelled_at   timestamptz,
    -- Each reminder is claimed once by setting its time (see events::reminders).
    reminded_day_at  timestamptz,
    reminded_hour_at timestamptz,
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX event_registrations_user_idx ON event_registrations (user_id, status);
CREATE INDEX event_registrations_waitlist_idx ON event_registrations (event_id, registered_at)
    WHERE status = 'waitlisted';

-- A member's private calendar feed: /calendar/<token>.ics.
CREATE TABLE calendar_feeds (
    user_id     uuid PRIMARY KEY REFERENCES users ON DELETE CASCADE,
    token       text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL
);

-- One attachment per message (the confirmation's .ics).
ALTER TABLE outbox_messages
    ADD COLUMN attachment_name text,
    ADD COLUMN attachment_type text,
    ADD COLUMN attachment_body text;
