-- Courses (issue 18, first slice): a course written by a teacher or a site
-- moderator, reviewed like a library resource, with ordered modules and
-- ordered lessons; members enrol, mark lessons done and pick up where they
-- left off. Statuses and vocabularies are text with CHECKs naming the words
-- of `courses::vocabulary`.
CREATE TABLE courses (
    course_id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug             text NOT NULL UNIQUE,
    title            text NOT NULL,
    summary          text NOT NULL DEFAULT '',
    description      text NOT NULL DEFAULT '',
    description_html text NOT NULL DEFAULT '',
    language         text NOT NULL,
    level            text NOT NULL CHECK (level IN ('introductory', 'intermediate', 'advanced')),
    estimated_hours  integer NOT NULL CHECK (estimated_hours BETWEEN 1 AND 500),
    licence_points   integer NOT NULL DEFAULT 0 CHECK (licence_points BETWEEN 0 AND 100),
    topics           text[] NOT NULL DEFAULT '{}',
    audience         text NOT NULL DEFAULT 'open' CHECK (audience IN ('open', 'members')),
    status           text NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
    -- Why a moderator returned it to draft (shown to the author until sent again).
    return_reason    text NOT NULL DEFAULT '',
    author_id        uuid REFERENCES users ON DELETE SET NULL,
    -- Title, summary and description through `text::search::normalize`, so
    -- a word in either script, with or without diacritics, finds the course.
    search_text      text NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    published_at     timestamptz
);
CREATE INDEX courses_catalogue_idx ON courses (published_at DESC, course_id) WHERE status = 'published';
CREATE INDEX courses_author_idx ON courses (author_id);

-- Positions are swapped by "move up / down"; the uniqueness is checked at
-- commit so that one statement can swap two rows.
CREATE TABLE course_modules (
    module_id  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    course_id  uuid NOT NULL REFERENCES courses ON DELETE CASCADE,
    position   integer NOT NULL,
    title      text NOT NULL,
    CONSTRAINT course_modules_position_key UNIQUE (course_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE lessons (
    lesson_id  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    module_id  uuid NOT NULL REFERENCES course_modules ON DELETE CASCADE,
    course_id  uuid NOT NULL REFERENCES courses ON DELETE CASCADE,
    position   integer NOT NULL,
    title      text NOT NULL,
    body       text NOT NULL DEFAULT '',
    body_html  text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT lessons_position_key UNIQUE (module_id, position) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX lessons_course_idx ON lessons (course_id);

-- Every status change: who, when, from what to what, and why.
CREATE TABLE course_log (
    entry_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id   uuid NOT NULL REFERENCES courses ON DELETE CASCADE,
    actor_id    uuid REFERENCES users ON DELETE SET NULL,
    from_status text NOT NULL,
    to_status   text NOT NULL,
    reason      text NOT NULL DEFAULT '',
    at          timestamptz NOT NULL
);
CREATE INDEX course_log_course_idx ON course_log (course_id, at);

CREATE TABLE enrolments (
    course_id      uuid NOT NULL REFERENCES courses ON DELETE CASCADE,
    user_id        uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    enrolled_at    timestamptz NOT NULL,
    -- Where "continue" leads: the lesson last opened or marked done.
    last_lesson_id uuid REFERENCES lessons ON DELETE SET NULL,
    completed_at   timestamptz,
    PRIMARY KEY (course_id, user_id)
);
CREATE INDEX enrolments_user_idx ON enrolments (user_id, enrolled_at DESC);

CREATE TABLE lesson_progress (
    lesson_id uuid NOT NULL REFERENCES lessons ON DELETE CASCADE,
    user_id   uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    done_at   timestamptz NOT NULL,
    PRIMARY KEY (user_id, lesson_id)
);
