-- Who hears about new replies in a thread: its author and repliers are
-- subscribed automatically; anyone may subscribe or mute.
CREATE TABLE thread_subscriptions (
    user_id    uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    thread_id  uuid NOT NULL REFERENCES threads ON DELETE CASCADE,
    mode       text NOT NULL CHECK (mode IN ('subscribed', 'muted')),
    PRIMARY KEY (user_id, thread_id)
);
CREATE INDEX thread_subscriptions_thread_idx ON thread_subscriptions (thread_id) WHERE mode = 'subscribed';
