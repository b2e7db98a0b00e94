-- Cohorts (issue 18): a published course run together by a group of
-- members between two dates, with a closed discussion group made for it,
-- a deadline, and a weekly reminder to those behind. The teacher is who
-- made the cohort; she alone sees each member's progress.
CREATE TABLE course_cohorts (
    cohort_id  uuid PRIMARY KEY,
    course_id  uuid NOT NULL REFERENCES courses ON DELETE CASCADE,
    title      text NOT NULL,
    starts_on  date NOT NULL,
    ends_on    date NOT NULL,
    -- After it no reminder goes out (it may be later than the end: a
    -- grace period to finish).
    deadline   date NOT NULL,
    group_id   uuid NOT NULL REFERENCES groups,
    teacher_id uuid REFERENCES users ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT course_cohorts_dates_check CHECK (starts_on < ends_on AND deadline >= ends_on)
);
CREATE INDEX course_cohorts_course_idx ON course_cohorts (course_id, starts_on DESC);

CREATE TABLE cohort_members (
    cohort_id   uuid NOT NULL REFERENCES course_cohorts ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    joined_at   timestamptz NOT NULL,
    -- The last reminder: set in the statement that claims the next one, so
    -- two schedulers never both send it, and none goes within 7 days.
    reminded_at timestamptz,
    PRIMARY KEY (cohort_id, user_id)
);
CREATE INDEX cohort_members_user_idx ON cohort_members (user_id);
