-- The service map: who provides which social service, where. Field names
-- follow Open Referral HSDS 3 where they fit (organization, service,
-- location, accessibility, phones, last verified).

-- Reference data, loaded at start from src/directory/reference/municipalities.csv
-- (directory::reference), so corrections there reach every database.
CREATE TABLE municipalities (
    municipality_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    country_code    text NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
    region          text NOT NULL DEFAULT '',
    name            text NOT NULL,
    name_cyrl       text NOT NULL DEFAULT '',
    latitude        double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude       double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    UNIQUE (country_code, name)
);

CREATE TABLE organizations (
    organization_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name            text NOT NULL,
    description     text NOT NULL DEFAULT '',
    website         text NOT NULL DEFAULT '',
    email           text NOT NULL DEFAULT '',
    phone           text NOT NULL DEFAULT '',
    legal_status    text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- One service at one location (HSDS's service_at_location is written out
-- on export); `location_id` keeps the location's identity across export
-- and import.
CREATE TABLE services (
    service_id      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    service_no      bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    organization_id uuid NOT NULL REFERENCES organizations ON DELETE CASCADE,
    name            text NOT NULL,
    description     text NOT NULL DEFAULT '',
    kind            text NOT NULL,
    target_groups   text[] NOT NULL DEFAULT '{}',
    eligibility     text NOT NULL DEFAULT '',
    fees            text NOT NULL DEFAULT '',
    languages       text[] NOT NULL DEFAULT '{}',
    hours           text NOT NULL DEFAULT '',
    application_process text NOT NULL DEFAULT '',
    email           text NOT NULL DEFAULT '',
    phone           text NOT NULL DEFAULT '',
    url             text NOT NULL DEFAULT '',
    contact_name    text NOT NULL DEFAULT '',
    location_id     uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    location_name   text NOT NULL DEFAULT '',
    address         text NOT NULL DEFAULT '',
    postal_code     text NOT NULL DEFAULT '',
    municipality_id integer NOT NULL REFERENCES municipalities,
    -- A shelter's address is not published: its point is the town's centre.
    address_confidential boolean NOT NULL DEFAULT false,
    latitude        double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude       double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    accessibility   text NOT NULL DEFAULT '',
    status          text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'withdrawn')),
    is_demo         boolean NOT NULL DEFAULT false,
    last_verified_at timestamptz,
    last_verified_by uuid REFERENCES users ON DELETE SET NULL,
    -- Normalised name, description, organization, kind and place
    -- (text::search), and the normalised name the list is ordered by (in
    -- byte order, so ORDER BY and the keyset comparison agree exactly).
    search          tsvector NOT NULL DEFAULT ''::tsvector,
    sort_name       text COLLATE "C" NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX services_search_idx ON services USING gin (search);
CREATE INDEX services_municipality_idx ON services (municipality_id, kind) WHERE status = 'published';
CREATE INDEX services_kind_idx ON services (kind, sort_name, service_no) WHERE status = 'published';
CREATE INDEX services_sort_idx ON services (sort_name, service_no) WHERE status = 'published';
CREATE INDEX services_organization_idx ON services (organization_id);
CREATE INDEX services_verified_idx ON services (last_verified_at NULLS FIRST) WHERE status = 'published';
-- "Near me": a box of latitudes first, then the exact distance.
CREATE INDEX services_latitude_idx ON services (latitude) WHERE status = 'published';

-- New services and corrections suggested by members, reviewed by moderators.
CREATE TABLE service_suggestions (
    suggestion_id   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    service_id      uuid REFERENCES services ON DELETE CASCADE,
    suggested_by    uuid REFERENCES users ON DELETE SET NULL,
    fields          jsonb NOT NULL,
    note            text NOT NULL DEFAULT '',
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'refused')),
    reason          text NOT NULL DEFAULT '',
    decided_by      uuid REFERENCES users ON DELETE SET NULL,
    decided_at      timestamptz,
    created_at      timestamptz NOT NULL
);
CREATE INDEX service_suggestions_pending_idx ON service_suggestions (created_at) WHERE status = 'pending';
CREATE INDEX service_suggestions_by_idx ON service_suggestions (suggested_by, created_at DESC);
