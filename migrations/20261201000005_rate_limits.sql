-- Rate limits shared by every instance: one row per counted action, by
-- limit ("posting", "registration", …) and key (a member, an address, an IP).
-- Rows older than a day are pruned by the scheduler.
CREATE TABLE rate_events (
    bucket  text NOT NULL,
    key     text NOT NULL,
    at      timestamptz NOT NULL
);
CREATE INDEX rate_events_lookup_idx ON rate_events (bucket, key, at);
CREATE INDEX rate_events_age_idx ON rate_events (at);
