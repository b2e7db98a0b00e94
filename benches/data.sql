-- The large data set for `cargo bench`: 50,000 members, 200 groups,
-- 100,000 threads with 10 posts each (1,000,000 posts), and one thread of
-- 60 posts for the thread-page measurement. Text comes from a vocabulary
-- of the domain, so full-text search has broad and narrow words.

CREATE TEMP TABLE vocabulary (n int PRIMARY KEY, word text);
INSERT INTO vocabulary
SELECT row_number() OVER (), w FROM unnest(string_to_array(
  'dete deca porodica roditelji centar socijalni rad hraniteljstvo nasilje zaštita procena rizika plan usluga ' ||
  'dnevni boravak pomoć kući starije osobe invaliditet migranti izbeglice supervizija sagorevanje stres ' ||
  'škola policija sud tužilaštvo zdravstvo saradnja mreža opština grad selo zajednica podrška savetovanje ' ||
  'smeštaj usvojenje starateljstvo alimentacija razvod mladi maloletnici prestup vaspitna mera obuka ' ||
  'licenca akreditacija protokol smernice zakon pravilnik izveštaj evidencija slučaj intervencija kriza ' ||
  'romska siromaštvo prihod nezaposlenost stanovanje beskućništvo hrana narodna kuhinja volonteri udruženje', ' ')) AS w;

INSERT INTO users (email, name, handle, role, password_hash, locale, email_verified_at, profession, country, city,
                   institution, search_text, created_at)
SELECT 'clan' || i || '@bench.example', 'Član Broj ' || i, 'clan-broj-' || i,
       CASE WHEN i % 50 = 0 THEN 'teacher' WHEN i % 3 = 0 THEN 'student' ELSE 'practitioner' END,
       '!', 'sr-Latn', now(), CASE WHEN i % 50 = 0 THEN 'teacher' WHEN i % 3 = 0 THEN 'student' ELSE 'practitioner' END,
       (ARRAY['RS','ME','BA','MK'])[1 + i % 4], (ARRAY['Niš','Vranje','Čačak','Novi Sad','Podgorica','Banja Luka'])[1 + i % 6],
       'Centar za socijalni rad ' || i % 300,
       'clan broj ' || i || ' centar za socijalni rad ' || i % 300 || ' '
         || (ARRAY['nis','vranje','cacak','novi sad','podgorica','banja luka'])[1 + i % 6],
       now() - (i || ' minutes')::interval
FROM generate_series(1, 50000) AS i;

INSERT INTO groups (slug, name, description, visibility, language, topics, created_at, last_activity_at, member_count, thread_count)
SELECT 'grupa-' || i, 'Grupa ' || i, 'Grupa za razgovor o temi ' || i, CASE WHEN i % 5 = 0 THEN 'closed' ELSE 'public' END,
       'sr', ARRAY['zaštita dece'], now() - interval '1 year', now(), 0, 0
FROM generate_series(1, 200) AS i;

-- Every member belongs to three groups.
INSERT INTO group_members (group_id, user_id, role, status, created_at)
SELECT g.group_id, u.user_id, 'member', 'active', now()
FROM (SELECT user_id, row_number() OVER (ORDER BY created_at) AS n FROM users WHERE email LIKE '%@bench.example') AS u
JOIN (SELECT group_id, row_number() OVER (ORDER BY slug) AS n FROM groups WHERE slug LIKE 'grupa-%') AS g
  ON g.n IN (1 + u.n % 200, 1 + (u.n + 67) % 200, 1 + (u.n + 131) % 200);
UPDATE groups g SET member_count = (SELECT count(*) FROM group_members m WHERE m.group_id = g.group_id);

CREATE TEMP TABLE bench_members AS
SELECT user_id, row_number() OVER (ORDER BY created_at) AS n FROM users WHERE email LIKE '%@bench.example';
CREATE INDEX ON bench_members (n);
CREATE TEMP TABLE bench_groups AS
SELECT group_id, row_number() OVER (ORDER BY slug) AS n FROM groups WHERE slug LIKE 'grupa-%';
CREATE INDEX ON bench_groups (n);

INSERT INTO threads (group_id, author_id, title, created_at, last_post_at, post_count)
SELECT g.group_id, m.user_id, 'Tema ' || i || ': ' || (SELECT word FROM vocabulary WHERE n = 1 + i % (SELECT count(*)::int FROM vocabulary)) || ' i '
       || (SELECT word FROM vocabulary WHERE n = 1 + (i * 7) % (SELECT count(*)::int FROM vocabulary)),
       now() - ((100000 - i) || ' minutes')::interval, now() - ((100000 - i) || ' minutes')::interval, 10
FROM generate_series(1, 100000) AS i
JOIN bench_groups g ON g.n = 1 + i % 200
JOIN bench_members m ON m.n = 1 + (i * 13) % 50000;

INSERT INTO posts (thread_id, group_id, seq, author_id, body, body_html, created_at, search)
SELECT t.thread_id, t.group_id, s, m.user_id, body, '<p>' || body || '</p>', t.created_at + (s || ' minutes')::interval,
       to_tsvector('simple', lower(translate(body, 'čćšžđ', 'ccszd')))
FROM threads t
CROSS JOIN generate_series(1, 10) AS s
JOIN bench_members m ON m.n = 1 + (abs(hashtext(t.thread_id::text)) + s * 31) % 50000
CROSS JOIN LATERAL (
    SELECT string_agg(v.word, ' ') AS body
    FROM generate_series(1, 25) AS k
    JOIN vocabulary v ON v.n = 1 + abs(hashtext(t.thread_id::text || s || k)) % (SELECT count(*)::int FROM vocabulary)
) AS text;

UPDATE groups g SET thread_count = (SELECT count(*) FROM threads t WHERE t.group_id = g.group_id);

-- One long thread, for the 50-post page.
WITH big AS (
    INSERT INTO threads (group_id, author_id, title, created_at, last_post_at, post_count)
    SELECT (SELECT group_id FROM bench_groups WHERE n = 1), (SELECT user_id FROM bench_members WHERE n = 1),
           'Duga tema sa mnogo odgovora', now(), now(), 60
    RETURNING thread_id
)
INSERT INTO posts (thread_id, group_id, seq, author_id, body, body_html, created_at, search)
SELECT big.thread_id, (SELECT group_id FROM bench_groups WHERE n = 1), s, (SELECT user_id FROM bench_members WHERE n = 1 + s), 'Odgovor broj ' || s || ' o hraniteljstvu i podršci porodici.',
       '<p>Odgovor broj ' || s || ' o hraniteljstvu i podršci porodici.</p>', now() - ((60 - s) || ' minutes')::interval,
       to_tsvector('simple', 'odgovor broj ' || s || ' o hraniteljstvu i podrsci porodici')
FROM big, generate_series(1, 60) AS s;

ANALYZE;
