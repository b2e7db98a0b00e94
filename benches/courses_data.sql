-- The courses part of the `cargo bench` data set: 1,000 published courses,
-- 100,000 enrolments and 1,000,000 lesson-progress rows over the 50,000
-- bench members (issue 18's figures).
--
-- * Each course: 5 modules of 4 lessons (20,000 lessons) and a quiz per
--   module of 4 single-choice questions with 4 answers (5,000 quizzes), by a
--   bench member, in one of four topics and three levels.
-- * 100 members enrolled in each course (100,000), each with the first 10
--   lessons done (1,000,000 rows).
-- * The measured member, clan3001, and the quiz members clan3001..clan3016
--   are enrolled in every course; each quiz member has one open attempt on
--   every quiz (80,000), which the quiz-submission measurement submits
--   (`load.rs` reopens them before each run).
--
-- Rerunning the file replaces what it made (courses by bench authors).
-- Recorded in `bench_data` (part 'courses', version 1).

DELETE FROM courses
WHERE author_id IN (SELECT user_id FROM users WHERE email LIKE '%@bench.example');

CREATE TEMP TABLE co_members AS
SELECT user_id, substring(email FROM '^clan(\d+)@')::int AS n
FROM users WHERE email ~ '^clan\d+@bench\.example$';
CREATE UNIQUE INDEX ON co_members (n);

CREATE TEMP TABLE co_words (n int PRIMARY KEY, word text);
INSERT INTO co_words
SELECT row_number() OVER (), w FROM unnest(string_to_array(
  'hraniteljstvo nasilje zastita procena rizika supervizija sagorevanje saradnja usvojenje starateljstvo ' ||
  'alimentacija maloletnici smernice protokol beskucnistvo siromastvo invaliditet migranti starije', ' ')) AS w;

CREATE TEMP TABLE co_new AS
SELECT i, 'bench-kurs-' || i AS slug,
       'Kurs ' || i || ': ' || w1.word || ' i ' || w2.word AS title,
       w1.word AS w1, w2.word AS w2,
       (ARRAY['child-protection', 'foster-care', 'domestic-violence', 'elderly-care'])[1 + i % 4] AS topic,
       (ARRAY['introductory', 'intermediate', 'advanced'])[1 + i % 3] AS level,
       (ARRAY['sr', 'sr', 'sr', 'en'])[1 + i % 4] AS language,
       (SELECT user_id FROM co_members WHERE n = 1 + (i * 37) % 50000) AS author_id,
       now() - (i || ' hours')::interval AS published_at
FROM generate_series(1, 1000) AS i
JOIN co_words w1 ON w1.n = 1 + i % (SELECT count(*)::int FROM co_words)
JOIN co_words w2 ON w2.n = 1 + (i * 7) % (SELECT count(*)::int FROM co_words);

INSERT INTO courses (slug, title, summary, description, description_html, language, level, estimated_hours,
                     licence_points, topics, audience, status, author_id, search_text, created_at, updated_at, published_at)
SELECT slug, title,
       'Samostalno učenje o temi ' || w1 || ' za stručnjake u centrima za socijalni rad.',
       'Kurs vodi kroz temu **' || w1 || '** i pokazuje kako se ' || w2 || ' vidi u praksi.',
       '<p>Kurs vodi kroz temu <strong>' || w1 || '</strong> i pokazuje kako se ' || w2 || ' vidi u praksi.</p>',
       language, level, 2 + i % 10, (i % 5) * 2, ARRAY[topic], CASE WHEN i % 3 = 0 THEN 'members' ELSE 'open' END,
       'published', author_id,
       lower(title) || ' samostalno ucenje o temi ' || w1 || ' za strucnjake u centrima za socijalni rad',
       published_at - interval '30 days', published_at, published_at
FROM co_new;

INSERT INTO course_modules (course_id, position, title)
SELECT c.course_id, m, 'Modul ' || m || ': ' || n.w1
FROM co_new n JOIN courses c USING (slug), generate_series(1, 5) AS m;

INSERT INTO lessons (module_id, course_id, position, title, body, body_html, created_at, updated_at)
SELECT cm.module_id, cm.course_id, l, 'Lekcija ' || cm.position || '.' || l,
       repeat('Tekst lekcije o praksi centra za socijalni rad, sa primerima i pitanjima za razmišljanje. ', 30),
       '<p>' || repeat('Tekst lekcije o praksi centra za socijalni rad, sa primerima i pitanjima za razmišljanje. ', 30) || '</p>',
       now() - interval '40 days', now() - interval '40 days'
FROM course_modules cm JOIN courses c USING (course_id), generate_series(1, 4) AS l
WHERE c.slug LIKE 'bench-kurs-%';

INSERT INTO quizzes (module_id, course_id, pass_mark, max_attempts, cooldown_hours)
SELECT cm.module_id, cm.course_id, 50, NULL, 0
FROM course_modules cm JOIN courses c USING (course_id)
WHERE c.slug LIKE 'bench-kurs-%';

INSERT INTO quiz_questions (module_id, position, kind, prompt, feedback)
SELECT q.module_id, p, 'single', 'Pitanje ' || p || ': šta je prvi korak?', 'Prvi korak je procena.'
FROM quizzes q JOIN courses c USING (course_id), generate_series(1, 4) AS p
WHERE c.slug LIKE 'bench-kurs-%';

-- Without statistics on the new rows the joins below are planned as
-- nested loops over everything (half a minute for the answers alone).
ANALYZE courses, course_modules, lessons, quizzes, quiz_questions;

-- The first answer is right in odd questions, so a submission of every
-- first answer scores 50 % and passes.
INSERT INTO quiz_answers (question_id, position, text, correct)
SELECT qq.question_id, a, 'Odgovor ' || a, (qq.position % 2 = 1 AND a = 1) OR (qq.position % 2 = 0 AND a = 2)
FROM quiz_questions qq JOIN quizzes q USING (module_id) JOIN courses c USING (course_id), generate_series(1, 4) AS a
WHERE c.slug LIKE 'bench-kurs-%';

-- Enrolments: 100 members per course (k * 499 differs for every k < 100,
-- so no member twice), then the measured and quiz members in every course.
CREATE TEMP TABLE co_enrolled AS
SELECT c.course_id, m.user_id, c.published_at + ((k % 20) || ' days')::interval AS enrolled_at
FROM co_new n JOIN courses c USING (slug) CROSS JOIN generate_series(0, 99) AS k
JOIN co_members m ON m.n = 1 + (n.i * 100 + k * 499) % 50000;
INSERT INTO co_enrolled
SELECT c.course_id, m.user_id, c.published_at + interval '1 day'
FROM courses c JOIN co_members m ON m.n BETWEEN 3001 AND 3016
WHERE c.slug LIKE 'bench-kurs-%'
  AND NOT EXISTS (SELECT 1 FROM co_enrolled e WHERE e.course_id = c.course_id AND e.user_id = m.user_id);

INSERT INTO enrolments (course_id, user_id, enrolled_at)
SELECT course_id, user_id, enrolled_at FROM co_enrolled;

-- The first ten lessons (modules 1–2 and half of 3) of every enrolment but
-- the quiz members' (clan3001 keeps his progress in the first course).
CREATE TEMP TABLE co_first_lessons AS
SELECT l.course_id, l.lesson_id
FROM lessons l JOIN course_modules cm USING (module_id) JOIN courses c ON c.course_id = l.course_id
WHERE c.slug LIKE 'bench-kurs-%' AND (cm.position - 1) * 4 + l.position <= 10;
CREATE INDEX ON co_first_lessons (course_id);

INSERT INTO lesson_progress (lesson_id, user_id, done_at)
SELECT f.lesson_id, e.user_id, e.enrolled_at + interval '2 days'
FROM co_enrolled e JOIN co_first_lessons f USING (course_id)
WHERE e.user_id NOT IN (SELECT user_id FROM co_members WHERE n BETWEEN 3002 AND 3016)
  AND (e.user_id <> (SELECT user_id FROM co_members WHERE n = 3001)
       OR e.course_id = (SELECT course_id FROM courses WHERE slug = 'bench-kurs-1'));

-- "Continue" leads to the tenth lesson.
UPDATE enrolments e SET last_lesson_id = t.lesson_id
FROM (SELECT DISTINCT ON (f.course_id) f.course_id, f.lesson_id
      FROM co_first_lessons f JOIN lessons l USING (lesson_id) JOIN course_modules cm USING (module_id)
      ORDER BY f.course_id, cm.position DESC, l.position DESC) AS t
WHERE e.course_id = t.course_id;

-- One open attempt per quiz member and quiz, in the syllabus's order (each
-- quiz's orders made once, not per attempt).
CREATE TEMP TABLE co_orders AS
SELECT qq.module_id,
       array_agg(qq.question_id ORDER BY qq.position) FILTER (WHERE a.position = 1) AS question_order,
       array_agg(a.answer_id ORDER BY qq.position, a.position) AS answer_order
FROM quiz_questions qq JOIN quiz_answers a USING (question_id)
JOIN quizzes q USING (module_id) JOIN courses c USING (course_id)
WHERE c.slug LIKE 'bench-kurs-%'
GROUP BY qq.module_id;

INSERT INTO quiz_attempts (attempt_id, module_id, user_id, started_at, question_order, answer_order)
SELECT gen_random_uuid(), o.module_id, m.user_id, now(), o.question_order, o.answer_order
FROM co_orders o CROSS JOIN co_members m
WHERE m.n BETWEEN 3001 AND 3016;

ANALYZE courses, course_modules, lessons, enrolments, lesson_progress, quizzes, quiz_questions, quiz_answers, quiz_attempts;

INSERT INTO bench_data (part, version, loaded_at) VALUES ('courses', 1, now())
ON CONFLICT (part) DO UPDATE SET version = EXCLUDED.version, loaded_at = EXCLUDED.loaded_at;
