-- Notifications: an in-app entry for everything Kolega tells a member, the
-- member's choice per kind (e-mail at once, in the daily digest, or not by
-- e-mail), the digest hour, unsubscribe links, and addresses that bounce.

-- One entry per thing a member was told. `title` is the e-mail's subject in
-- the member's language at the time, so it carries no more than the mail
-- (no thread titles of closed groups, supervision meetings by kind only).
CREATE TABLE notifications (
    notification_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    kind         text NOT NULL,
    title        text NOT NULL,
    -- A path on the site (never an absolute URL from user input).
    link         text NOT NULL CHECK (link LIKE '/%'),
    group_id     uuid REFERENCES groups ON DELETE CASCADE,
    created_at   timestamptz NOT NULL,
    read_at      timestamptz,
    -- Waiting for the member's daily digest (the setting said "digest").
    digest_pending boolean NOT NULL DEFAULT false
);
CREATE INDEX notifications_user_idx ON notifications (user_id, notification_id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX notifications_digest_idx ON notifications (user_id, created_at) WHERE digest_pending;

-- Only choices that differ from a kind's default are stored.
CREATE TABLE notification_settings (
    user_id   uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    kind      text NOT NULL,
    delivery  text NOT NULL CHECK (delivery IN ('immediately', 'digest', 'never')),
    PRIMARY KEY (user_id, kind)
);

ALTER TABLE users
    -- The Belgrade hour at which the daily digest leaves.
    ADD COLUMN digest_hour smallint NOT NULL DEFAULT 7 CHECK (digest_hour BETWEEN 0 AND 23);

-- Keys for tokens Kolega signs (unsubscribe links), made once per database
-- so every instance of one installation signs alike.
CREATE TABLE signing_keys (
    name  text PRIMARY KEY,
    key   bytea NOT NULL CHECK (length(key) >= 32)
);
INSERT INTO signing_keys (name, key)
VALUES ('unsubscribe', decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- Addresses that bounced or that the mail server kept refusing. A row with
-- `suppressed_at` set stops every non-critical mail to the address.
CREATE TABLE email_suppressions (
    address         text PRIMARY KEY CHECK (address = lower(address)),
    refusals        integer NOT NULL DEFAULT 0,
    last_error      text NOT NULL DEFAULT '',
    last_refusal_at timestamptz NOT NULL,
    suppressed_at   timestamptz
);

-- Which notification a queued mail belongs to: a mail with a kind carries
-- the unsubscribe headers and is held back from a suppressed address;
-- account-critical mails have none.
ALTER TABLE outbox_messages
    ADD COLUMN notification_kind text,
    ADD COLUMN unsubscribe_url text;
