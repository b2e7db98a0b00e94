-- Quizzes (issue 18): at most one per module, with single- or multiple-
-- choice questions of 2–8 answers. An attempt keeps the order its questions
-- and answers were shown in (shuffled per attempt), so a reload or a lost
-- connection continues the same attempt; the answers chosen and the score
-- are kept once it is submitted.
CREATE TABLE quizzes (
    module_id      uuid PRIMARY KEY REFERENCES course_modules ON DELETE CASCADE,
    course_id      uuid NOT NULL REFERENCES courses ON DELETE CASCADE,
    pass_mark      integer NOT NULL CHECK (pass_mark BETWEEN 1 AND 100),
    -- NULL: as many attempts as the member likes.
    max_attempts   integer CHECK (max_attempts BETWEEN 1 AND 100),
    cooldown_hours integer NOT NULL DEFAULT 0 CHECK (cooldown_hours BETWEEN 0 AND 8760)
);
CREATE INDEX quizzes_course_idx ON quizzes (course_id);

CREATE TABLE quiz_questions (
    question_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    module_id   uuid NOT NULL REFERENCES quizzes ON DELETE CASCADE,
    position    integer NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('single', 'multiple')),
    prompt      text NOT NULL,
    feedback    text NOT NULL DEFAULT ''
);
CREATE INDEX quiz_questions_module_idx ON quiz_questions (module_id, position);

CREATE TABLE quiz_answers (
    answer_id   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    question_id uuid NOT NULL REFERENCES quiz_questions ON DELETE CASCADE,
    position    integer NOT NULL,
    text        text NOT NULL,
    correct     boolean NOT NULL
);
CREATE INDEX quiz_answers_question_idx ON quiz_answers (question_id, position);

CREATE TABLE quiz_attempts (
    attempt_id     uuid PRIMARY KEY,
    module_id      uuid NOT NULL REFERENCES quizzes ON DELETE CASCADE,
    user_id        uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    started_at     timestamptz NOT NULL,
    question_order uuid[] NOT NULL,
    answer_order   uuid[] NOT NULL,
    submitted_at   timestamptz,
    chosen         uuid[] NOT NULL DEFAULT '{}',
    -- Percent of the questions answered exactly right.
    score          integer,
    passed         boolean NOT NULL DEFAULT false
);
CREATE INDEX quiz_attempts_member_idx ON quiz_attempts (module_id, user_id, started_at);
-- One open attempt per member and quiz: starting twice continues the first.
CREATE UNIQUE INDEX quiz_attempts_open_idx ON quiz_attempts (module_id, user_id)
    WHERE submitted_at IS NULL;
