-- The member directory matches any part of a name, institution or city
-- (LIKE '%…%'); trigrams let PostgreSQL find a rare name among 50,000
-- members without reading every one. pg_trgm is a trusted extension:
-- a database owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX users_search_trgm_idx ON users USING gin (search_text gin_trgm_ops);
