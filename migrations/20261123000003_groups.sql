-- Discussion groups: groups, memberships, threads and posts.

CREATE TABLE groups (
    group_id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug            text NOT NULL,
    name            text NOT NULL,
    description     text NOT NULL DEFAULT '',
    visibility      text NOT NULL CHECK (visibility IN ('public', 'closed', 'secret')),
    language        text NOT NULL DEFAULT 'sr',
    topics          text[] NOT NULL DEFAULT '{}',
    allow_anonymous boolean NOT NULL DEFAULT false,
    first_post_approval boolean NOT NULL DEFAULT false,
    -- Class groups: a student who enters the code joins at once.
    join_code       text,
    created_by      uuid REFERENCES users,
    created_at      timestamptz NOT NULL,
    last_activity_at timestamptz NOT NULL,
    member_count    integer NOT NULL DEFAULT 0,
    thread_count    integer NOT NULL DEFAULT 0,
    CONSTRAINT groups_slug_key UNIQUE (slug),
    CONSTRAINT groups_join_code_key UNIQUE (join_code)
);

CREATE TABLE group_members (
    group_id    uuid NOT NULL REFERENCES groups ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    role        text NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'moderator', 'member')),
    status      text NOT NULL CHECK (status IN ('active', 'requested', 'invited', 'banned')),
    message     text NOT NULL DEFAULT '',
    following   boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user_idx ON group_members (user_id, status);

CREATE TABLE threads (
    thread_id     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    group_id      uuid NOT NULL REFERENCES groups ON DELETE CASCADE,
    author_id     uuid NOT NULL REFERENCES users,
    anonymous     boolean NOT NULL DEFAULT false,
    title         text NOT NULL,
    pinned        boolean NOT NULL DEFAULT false,
    locked        boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    last_post_at  timestamptz NOT NULL,
    post_count    integer NOT NULL DEFAULT 0
);
-- The group page: pinned first, then by last activity (keyset pagination).
CREATE INDEX threads_group_order_idx ON threads (group_id, pinned DESC, last_post_at DESC, thread_id DESC);

CREATE TABLE posts (
    post_id     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    thread_id   uuid NOT NULL REFERENCES threads ON DELETE CASCADE,
    -- Position in the thread, for pages of 50 and "first unread".
    seq         integer NOT NULL,
    author_id   uuid NOT NULL REFERENCES users,
    anonymous   boolean NOT NULL DEFAULT false,
    body        text NOT NULL,
    body_html   text NOT NULL,
    quote_of    uuid REFERENCES posts,
    created_at  timestamptz NOT NULL,
    edited_at   timestamptz,
    deleted_at  timestamptz,
    CONSTRAINT posts_thread_seq_key UNIQUE (thread_id, seq)
);

-- Earlier versions of edited posts, for moderators.
CREATE TABLE post_revisions (
    post_revision_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id     uuid NOT NULL REFERENCES posts ON DELETE CASCADE,
    body        text NOT NULL,
    replaced_at timestamptz NOT NULL
);

-- How far a member has read each thread.
CREATE TABLE thread_reads (
    user_id     uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    thread_id   uuid NOT NULL REFERENCES threads ON DELETE CASCADE,
    last_read_seq integer NOT NULL,
    PRIMARY KEY (user_id, thread_id)
);
