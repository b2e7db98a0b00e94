-- Kolega foundation: members (the minimum every feature refers to) and the
-- mail outbox that the worker drains.

CREATE TABLE users (
    user_id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email          text NOT NULL,
    name           text NOT NULL,
    handle         text NOT NULL,
    role           text NOT NULL CHECK (role IN ('practitioner', 'student', 'teacher', 'moderator', 'admin')),
    password_hash  text NOT NULL,
    locale         text NOT NULL DEFAULT 'sr-Latn' CHECK (locale IN ('sr-Latn', 'sr-Cyrl', 'en')),
    email_verified_at timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_handle_key UNIQUE (handle),
    CONSTRAINT users_email_lowercase CHECK (email = lower(email))
);

-- Mail is never sent inside a request: the change that causes a message
-- inserts it here in the same transaction, and a worker sends it.
CREATE TABLE outbox_messages (
    outbox_message_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          text NOT NULL,
    recipient     text NOT NULL,
    language      text NOT NULL,
    subject       text NOT NULL,
    body_text     text NOT NULL,
    body_html     text NOT NULL,
    status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts      integer NOT NULL DEFAULT 0,
    send_after    timestamptz NOT NULL DEFAULT now(),
    -- A claimed message is leased to one worker until this time.
    claimed_until timestamptz,
    claim_token   uuid,
    last_error    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    sent_at       timestamptz
);

CREATE INDEX outbox_messages_due_idx ON outbox_messages (send_after) WHERE status = 'pending';
