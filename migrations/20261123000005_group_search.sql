-- Full-text search over posts. The document is built by the application
-- from text normalised to lower-case Latin without diacritics (the first
-- post carries its thread's title too), so "nasilje u porodici" and
-- "насиље у породици" match the same posts.
ALTER TABLE posts ADD COLUMN search tsvector NOT NULL DEFAULT ''::tsvector;
CREATE INDEX posts_search_idx ON posts USING gin (search);
CREATE INDEX posts_recent_idx ON posts (created_at DESC);
