-- The resource library: protocols, guides, brochures and more, submitted by
-- members and curated by moderators.

CREATE TABLE library_topics (
    slug     text PRIMARY KEY,
    name_sr  text NOT NULL,
    name_en  text NOT NULL
);
INSERT INTO library_topics (slug, name_sr, name_en) VALUES
    ('child-protection', 'Zaštita dece', 'Child protection'),
    ('domestic-violence', 'Nasilje u porodici', 'Domestic violence'),
    ('disability', 'Invaliditet', 'Disability'),
    ('older-people', 'Starije osobe', 'Older people'),
    ('migrants', 'Migranti i izbeglice', 'Migrants and refugees'),
    ('mental-health', 'Mentalno zdravlje i sagorevanje', 'Mental health and burnout'),
    ('foster-care', 'Hraniteljstvo', 'Foster care'),
    ('juvenile-justice', 'Maloletničko pravosuđe', 'Juvenile justice'),
    ('poverty', 'Siromaštvo', 'Poverty');

-- Stored files, found by key in the file store ($KOLEGA_DATA_DIR/files).
CREATE TABLE stored_files (
    file_id      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    storage_key  text NOT NULL UNIQUE,
    file_name    text NOT NULL,
    content_type text NOT NULL,
    size_bytes   bigint NOT NULL,
    sha256       text NOT NULL,
    created_at   timestamptz NOT NULL
);

CREATE TABLE resources (
    resource_id   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title         text NOT NULL,
    summary       text NOT NULL DEFAULT '',
    kind          text NOT NULL CHECK (kind IN ('protocol', 'guideline', 'brochure', 'research', 'training',
                                                'translation', 'form', 'recording')),
    topics        text[] NOT NULL DEFAULT '{}',
    language      text NOT NULL,
    script        text NOT NULL DEFAULT 'latin' CHECK (script IN ('latin', 'cyrillic')),
    audiences     text[] NOT NULL DEFAULT '{professionals}',
    source_org    text NOT NULL DEFAULT '',
    authors       text NOT NULL DEFAULT '',
    year          integer CHECK (year BETWEEN 1900 AND 2100),
    licence       text NOT NULL DEFAULT '',
    file_id       uuid REFERENCES stored_files ON DELETE SET NULL,
    external_url  text NOT NULL DEFAULT '',
    translation_of uuid REFERENCES resources ON DELETE SET NULL,
    superseded_by uuid REFERENCES resources ON DELETE SET NULL,
    status        text NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'submitted', 'returned', 'published', 'archived')),
    members_only  boolean NOT NULL DEFAULT false,
    featured      boolean NOT NULL DEFAULT false,
    return_reason text NOT NULL DEFAULT '',
    submitted_by  uuid REFERENCES users ON DELETE SET NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    published_at  timestamptz,
    downloads     bigint NOT NULL DEFAULT 0,
    -- Text extracted from the file in the background (see library::extract).
    extracted_text text NOT NULL DEFAULT '',
    -- Normalised (lower-case Latin without diacritics) title, summary,
    -- authors, source and extracted text, as for group search.
    search        tsvector NOT NULL DEFAULT ''::tsvector
);
CREATE INDEX resources_search_idx ON resources USING gin (search);
CREATE INDEX resources_published_idx ON resources (published_at DESC, resource_id) WHERE status = 'published';
CREATE INDEX resources_review_idx ON resources (updated_at) WHERE status = 'submitted';

-- Who changed what in a resource, and when.
CREATE TABLE resource_changes (
    resource_change_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resource_id  uuid NOT NULL REFERENCES resources ON DELETE CASCADE,
    user_id      uuid REFERENCES users ON DELETE SET NULL,
    change       text NOT NULL,
    changed_at   timestamptz NOT NULL
);
CREATE INDEX resource_changes_resource_idx ON resource_changes (resource_id, changed_at);
