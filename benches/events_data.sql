-- The events part of the `cargo bench` data set: 5,000 events with
-- 200,000 registrations over the 50,000 bench members.
--
-- * 4,999 ordinary events, one every 5 hours: 4,000 in the past (about
--   two years back) and 999 upcoming (about seven months ahead); webinars
--   (online, with a link), regional meetings, round tables, trainings and
--   conferences (in a city); 50% public, 30% for members, 20% of a group
--   (a fifth of those in closed groups); a quarter without a limit, the
--   others for 30, 100 or 300 people. 38 registrations each (190,000),
--   one of them cancelled, the ones over a limit of 30 on the waitlist,
--   70% of the places of past events attended.
-- * One big public webinar three days ahead with 10,000 registrations,
--   for the event-page measurement (`load.rs` moves every bench event so it
--   stays three days ahead however old the data set is).
--
-- Every event is created by a bench member (that is how they are found
-- again: rerunning this file replaces them). Reminders are marked as sent,
-- so the server's reminder job does not queue thousands of mails while it
-- is being measured. Recorded in `bench_data` (part 'events', version 1).

DELETE FROM events
WHERE created_by IN (SELECT user_id FROM users WHERE email LIKE '%@bench.example');

CREATE TEMP TABLE ev_vocabulary (n int PRIMARY KEY, word text);
INSERT INTO ev_vocabulary
SELECT row_number() OVER (), w FROM unnest(string_to_array(
  'hraniteljstvo nasilje zaštita procena rizika supervizija sagorevanje saradnja usvojenje starateljstvo ' ||
  'alimentacija maloletnici smernice protokol beskućništvo siromaštvo invaliditet migranti starije', ' ')) AS w;

CREATE TEMP TABLE ev_members AS
SELECT user_id, row_number() OVER (ORDER BY created_at) AS n FROM users WHERE email LIKE '%@bench.example';
CREATE INDEX ON ev_members (n);
CREATE TEMP TABLE ev_groups AS
SELECT group_id, row_number() OVER (ORDER BY slug) AS n FROM groups WHERE slug LIKE 'grupa-%';
CREATE INDEX ON ev_groups (n);

CREATE TEMP TABLE ev_kinds (n int PRIMARY KEY, kind text, label text, hours int, points int);
INSERT INTO ev_kinds VALUES
  (0, 'webinar', 'Vebinar', 2, 2), (1, 'webinar', 'Vebinar', 2, 2), (2, 'webinar', 'Vebinar', 2, 2),
  (3, 'regional_meeting', 'Regionalni sastanak', 4, 0), (4, 'round_table', 'Okrugli sto', 3, 0),
  (5, 'training', 'Obuka', 6, 8), (6, 'training', 'Obuka', 6, 8), (7, 'conference', 'Konferencija', 8, 12);

CREATE TEMP TABLE ev_new AS
SELECT i, k.kind, k.label, k.hours, k.points,
       date_trunc('hour', now()) + (((i - 4000) * 5 + 9) || ' hours')::interval AS starts_at,
       CASE WHEN i % 10 IN (0, 1) THEN 'group' WHEN i % 10 IN (2, 3, 4) THEN 'members' ELSE 'public' END AS audience,
       w1.word AS w1, w2.word AS w2
FROM generate_series(1, 4999) AS i
JOIN ev_kinds k ON k.n = i % 8
JOIN ev_vocabulary w1 ON w1.n = 1 + i % (SELECT count(*)::int FROM ev_vocabulary)
JOIN ev_vocabulary w2 ON w2.n = 1 + (i * 7) % (SELECT count(*)::int FROM ev_vocabulary);

INSERT INTO events (kind, title, description, starts_at, ends_at, language, speakers, audience, group_id, capacity,
                    registration_deadline, online_link, place_address, city, points, created_by, created_at, updated_at)
SELECT e.kind, e.label || ': ' || e.w1 || ' i ' || e.w2 || ' (' || e.i || ')',
       'Razgovaramo o temi **' || e.w1 || '** i o tome kako se ' || e.w2 || ' vidi u praksi centara za socijalni rad.' || E'\n\n'
         || 'Program: uvod, primeri iz prakse, pitanja učesnika. Materijali se šalju prijavljenima posle događaja.',
       e.starts_at, e.starts_at + (e.hours || ' hours')::interval,
       (ARRAY['sr', 'sr', 'sr', 'cnr', 'bs', 'mk'])[1 + e.i % 6],
       CASE WHEN e.i % 3 = 0 THEN 'dr Ana Petrović, Republički zavod za socijalnu zaštitu' ELSE '' END,
       e.audience, CASE WHEN e.audience = 'group' THEN g.group_id END,
       (ARRAY[NULL, 30, 100, 300])[1 + e.i % 4],
       CASE WHEN e.kind = 'training' THEN e.starts_at - interval '1 day' END,
       CASE WHEN e.kind = 'webinar' THEN 'https://meet.example.org/kolega-' || e.i ELSE '' END,
       CASE WHEN e.kind = 'webinar' THEN '' ELSE 'Kralja Milana ' || (1 + e.i % 90) END,
       CASE WHEN e.kind = 'webinar' THEN ''
            ELSE (ARRAY['Beograd', 'Niš', 'Novi Sad', 'Kragujevac', 'Podgorica', 'Banja Luka', 'Skoplje', 'Sarajevo'])[1 + e.i % 8] END,
       e.points, m.user_id, e.starts_at - interval '30 days', e.starts_at - interval '30 days'
FROM ev_new e
JOIN ev_groups g ON g.n = 1 + (e.i / 10) % 200
JOIN ev_members m ON m.n = 1 + (e.i * 37) % 50000;

-- The big webinar.
INSERT INTO events (kind, title, description, starts_at, ends_at, language, speakers, audience, capacity,
                    online_link, points, created_by, created_at, updated_at)
SELECT 'webinar', 'Veliki vebinar: nova pravila hraniteljstva',
       'Sve o izmenama pravilnika o hraniteljstvu: šta se menja u proceni, obuci i podršci hraniteljskim porodicama.'
         || E'\n\n' || 'Posle izlaganja odgovaramo na pitanja učesnika.',
       date_trunc('hour', now()) + interval '3 days', date_trunc('hour', now()) + interval '3 days 2 hours', 'sr',
       'dr Ana Petrović, Republički zavod za socijalnu zaštitu', 'public', NULL,
       'https://meet.example.org/kolega-veliki', 4, m.user_id, now() - interval '20 days', now() - interval '20 days'
FROM ev_members m WHERE m.n = 2;

CREATE TEMP TABLE ev_list AS
SELECT e.event_id, e.created_by, e.starts_at, e.ends_at, e.capacity, e.created_at,
       row_number() OVER (ORDER BY e.starts_at, e.event_id) AS n
FROM events e
WHERE e.created_by IN (SELECT user_id FROM ev_members) AND e.title <> 'Veliki vebinar: nova pravila hraniteljstva';
CREATE INDEX ON ev_list (n);

INSERT INTO event_people (event_id, user_id, role)
SELECT event_id, created_by, 'organiser' FROM events
WHERE created_by IN (SELECT user_id FROM ev_members);
INSERT INTO event_people (event_id, user_id, role)
SELECT e.event_id, m.user_id, 'speaker'
FROM ev_list e JOIN ev_members m ON m.n = 1 + (e.n * 101) % 50000
WHERE e.n % 3 = 1;

-- 38 registrations of each ordinary event: event 1 + r % 4999, member
-- 1 + (r * 7919) % 50000 (7919 and 4999 are primes, so no member twice).
INSERT INTO event_registrations (event_id, user_id, status, registered_at, cancelled_at,
                                 reminded_day_at, reminded_hour_at, attended_at)
SELECT e.event_id, m.user_id, s.status,
       e.created_at + (r.k || ' hours')::interval,
       CASE WHEN s.status = 'cancelled' THEN e.created_at + ((r.k + 24) || ' hours')::interval END,
       CASE WHEN s.status = 'registered' THEN e.starts_at - interval '1 day' END,
       CASE WHEN s.status = 'registered' THEN e.starts_at - interval '1 hour' END,
       CASE WHEN s.status = 'registered' AND e.ends_at < now() AND r.k % 10 < 7 THEN e.starts_at + interval '5 minutes' END
FROM (SELECT r, 1 + r % 4999 AS event_n, r / 4999 AS k, 1 + (r * 7919) % 50000 AS member_n
      FROM generate_series(0, 189999) AS r) AS r
JOIN ev_list e ON e.n = r.event_n
JOIN ev_members m ON m.n = r.member_n
CROSS JOIN LATERAL (
    SELECT CASE WHEN r.k % 20 = 19 THEN 'cancelled'
                WHEN e.capacity IS NOT NULL AND r.k >= e.capacity THEN 'waitlisted'
                ELSE 'registered' END AS status
) AS s;

-- 10,000 members registered for the big webinar.
INSERT INTO event_registrations (event_id, user_id, status, registered_at, reminded_day_at, reminded_hour_at)
SELECT e.event_id, m.user_id, 'registered', e.created_at + (m.n || ' minutes')::interval,
       e.starts_at - interval '1 day', e.starts_at - interval '1 hour'
FROM events e CROSS JOIN ev_members m
WHERE e.title = 'Veliki vebinar: nova pravila hraniteljstva' AND m.n <= 10000;

CREATE TABLE IF NOT EXISTS bench_data (part text PRIMARY KEY, version integer NOT NULL, loaded_at timestamptz NOT NULL);
INSERT INTO bench_data (part, version, loaded_at) VALUES ('events', 1, now())
ON CONFLICT (part) DO UPDATE SET version = EXCLUDED.version, loaded_at = EXCLUDED.loaded_at;

ANALYZE events;
ANALYZE event_people;
ANALYZE event_registrations;
