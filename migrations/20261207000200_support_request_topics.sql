-- The peer-support queue shows a supporter only what she needs to decide
-- to take a request: a topic the author picks and the language she wants
-- to talk in (with how long it has waited). The text itself opens only to
-- the colleague who takes it. Earlier requests keep "other" and Serbian.
ALTER TABLE support_requests
    ADD COLUMN topic text NOT NULL DEFAULT 'other'
        CHECK (topic IN ('stress', 'burnout', 'difficult-case', 'workplace', 'safety', 'personal', 'other')),
    ADD COLUMN language text NOT NULL DEFAULT 'sr'
        CHECK (language IN ('sr', 'en', 'mk', 'sq'));
