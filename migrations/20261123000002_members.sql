-- Members: profiles, sessions, one-time e-mail tokens, sign-in throttling,
-- site settings and presence ("who's online").

ALTER TABLE users
    ADD COLUMN profession text NOT NULL DEFAULT 'practitioner'
        CHECK (profession IN ('practitioner', 'student', 'teacher')),
    ADD COLUMN country text NOT NULL DEFAULT 'RS',
    ADD COLUMN city text NOT NULL DEFAULT '',
    ADD COLUMN institution text NOT NULL DEFAULT '',
    ADD COLUMN bio text NOT NULL DEFAULT '',
    ADD COLUMN expertise text NOT NULL DEFAULT '',
    ADD COLUMN listed_in_directory boolean NOT NULL DEFAULT true,
    -- Script- and diacritic-free name, institution and city for the directory search.
    ADD COLUMN search_text text NOT NULL DEFAULT '',
    ADD COLUMN approval text NOT NULL DEFAULT 'approved'
        CHECK (approval IN ('approved', 'pending', 'declined')),
    ADD COLUMN blocked_at timestamptz,
    ADD COLUMN deleted_at timestamptz,
    ADD COLUMN guidelines_accepted_at timestamptz;

CREATE INDEX users_directory_idx ON users (name, user_id) WHERE deleted_at IS NULL;

-- Sessions live here, not in a cookie, so "sign out everywhere" and
-- blocking end them at once. Only a hash of the cookie's token is stored.
CREATE TABLE sessions (
    session_hash  bytea PRIMARY KEY,
    user_id       uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    remember      boolean NOT NULL,
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- One-time links sent by e-mail (verification, password reset).
CREATE TABLE account_tokens (
    token_hash  bytea PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    purpose     text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    email       text NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose);

-- Failed sign-ins, counted per e-mail address (existing or not) and per IP.
CREATE TABLE login_failures (
    login_failure_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      text NOT NULL,
    ip         text NOT NULL,
    failed_at  timestamptz NOT NULL
);
CREATE INDEX login_failures_email_idx ON login_failures (email, failed_at);
CREATE INDEX login_failures_ip_idx ON login_failures (ip, failed_at);

CREATE TABLE site_settings (
    key    text PRIMARY KEY,
    value  jsonb NOT NULL
);
INSERT INTO site_settings (key, value) VALUES ('require_account_approval', 'false');

-- Recently active visitors: a member by id, a guest by a hash of their
-- CSRF cookie (only returning browsers, so bots without cookies do not count).
CREATE TABLE presence (
    visitor_key   text PRIMARY KEY,
    user_id       uuid REFERENCES users ON DELETE CASCADE,
    last_seen_at  timestamptz NOT NULL
);
CREATE INDEX presence_seen_idx ON presence (last_seen_at);
