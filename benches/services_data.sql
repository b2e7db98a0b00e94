-- The service-map part of the `cargo bench` data set: 20,000 published
-- services (marked by e-mail addresses @bench.example) over every
-- municipality of the reference data, of all kinds with their usual target
-- groups, from 2,000 organizations. `search` and `sort_name` are built the
-- way `store::create` builds them (text::search::normalize: lower case,
-- Latin, no diacritics, "đ" as "dj"; to_tsvector('simple', …)), kind names
-- in Serbian and English included. "centar" is the broadest word (a third
-- of the services); "hipoterapija" is in ten.

CREATE FUNCTION pg_temp.bench_normalize(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT trim(regexp_replace(translate(replace(lower($1), 'đ', 'dj'), 'čćšžëç', 'ccszec'), '[^[:alnum:]]+', ' ', 'g'))
$$;

CREATE TEMP TABLE bench_kinds (n int PRIMARY KEY, kind text, label_sr text, label_en text, title text,
                               groups text[], about text);
INSERT INTO bench_kinds VALUES
  (0, 'social-work-centre', 'Centar za socijalni rad', 'Centre for social work', 'Centar za socijalni rad',
      '{children,families,older-people,disability,violence-victims}', 'Prijem i procena, zaštita dece i porodice, starateljstvo i novčana pomoć.'),
  (1, 'day-care', 'Dnevni boravak', 'Day care', 'Dnevni centar za starije',
      '{older-people}', 'Druženje, radionice i obrok za starije sugrađane.'),
  (2, 'home-care', 'Pomoć u kući', 'Home care', 'Pomoć i nega u kući',
      '{older-people,disability}', 'Gerontodomaćice pomažu u nabavci, higijeni i pripremi obroka.'),
  (3, 'shelter', 'Sigurna kuća / prihvatilište', 'Shelter', 'Sigurna kuća za žene i decu',
      '{violence-victims,children}', 'Privremeni smeštaj i podrška za žene i decu žrtve nasilja.'),
  (4, 'sos-line', 'SOS linija', 'SOS line', 'SOS linija za žrtve nasilja',
      '{violence-victims,children,families}', 'Poverljiv razgovor i upućivanje na pomoć, 0–24.'),
  (5, 'counselling', 'Savetovalište', 'Counselling', 'Savetovalište za brak i porodicu',
      '{families,children,youth}', 'Savetovanje parova i porodica u krizi.'),
  (6, 'foster-care-support', 'Podrška hraniteljstvu', 'Foster care support', 'Centar za porodični smeštaj',
      '{children,families}', 'Obuka i podrška hraniteljskim porodicama.'),
  (7, 'supported-housing', 'Stanovanje uz podršku', 'Supported housing', 'Stanovanje uz podršku za mlade',
      '{youth,disability}', 'Stan i podrška stručnog radnika za mlade koji se osamostaljuju.'),
  (8, 'personal-assistance', 'Personalna asistencija', 'Personal assistance', 'Personalna asistencija',
      '{disability}', 'Asistenti za svakodnevne aktivnosti osoba sa invaliditetom.'),
  (9, 'soup-kitchen', 'Narodna kuhinja', 'Soup kitchen', 'Narodna kuhinja Crvenog krsta',
      '{homeless,older-people,roma,families}', 'Topli obrok i paketi hrane za ugrožene porodice.');

CREATE TEMP TABLE bench_places AS
SELECT row_number() OVER (ORDER BY municipality_id) - 1 AS n, municipality_id, name, latitude, longitude
FROM municipalities;

INSERT INTO organizations (name, description, email, phone, legal_status, created_at, updated_at)
SELECT 'Organizacija ' || o || ' ' || p.name, '', 'org' || o || '@bench.example', '+381 11 300 00' || lpad((o % 100)::text, 2, '0'),
       'udruženje građana', now(), now()
FROM generate_series(1, 2000) AS o
JOIN bench_places p ON p.n = o % (SELECT count(*) FROM bench_places);

CREATE TEMP TABLE bench_orgs AS
SELECT row_number() OVER (ORDER BY organization_id) - 1 AS n, organization_id, name
FROM organizations WHERE email LIKE '%@bench.example';

INSERT INTO services (organization_id, name, description, kind, target_groups, languages, hours, email, phone,
                      address, municipality_id, address_confidential, latitude, longitude, status,
                      last_verified_at, search, sort_name, created_at, updated_at)
SELECT o.organization_id, t.name, t.description, k.kind, k.groups, '{sr}', 'radnim danima 8–16',
       's' || i || '@bench.example', '+381 11 300 00' || lpad((i % 100)::text, 2, '0'),
       CASE WHEN k.kind = 'shelter' THEN '' ELSE 'Glavna ' || (1 + i % 90) END,
       p.municipality_id, k.kind = 'shelter',
       CASE WHEN k.kind = 'shelter' THEN p.latitude ELSE p.latitude + ((abs(hashtext('a' || i)) % 1000) - 500) / 10000.0 END,
       CASE WHEN k.kind = 'shelter' THEN p.longitude ELSE p.longitude + ((abs(hashtext('o' || i)) % 1000) - 500) / 10000.0 END,
       'published', now() - ((i % 540) || ' days')::interval,
       to_tsvector('simple', pg_temp.bench_normalize(t.name || ' ' || t.description || ' ' || o.name || ' ' || p.name || ' '
                                             || k.label_sr || ' ' || k.label_en)),
       pg_temp.bench_normalize(t.name), now() - ((20000 - i) || ' minutes')::interval, now()
FROM generate_series(1, 20000) AS i
-- Kinds weighted roughly as in life: many centres, counselling and home care, few shelters.
JOIN bench_kinds k ON k.n = (ARRAY[0,0,0,1,1,2,2,2,3,4,5,5,5,6,7,8,9,9])[1 + i % 18]
JOIN bench_places p ON p.n = (i * 7919) % (SELECT count(*) FROM bench_places)
JOIN bench_orgs o ON o.n = i % 2000
CROSS JOIN LATERAL (
    SELECT k.title || ' ' || p.name || CASE WHEN i > 500 THEN ' ' || (i % 40 + 1) ELSE '' END AS name,
           k.about || CASE WHEN i % 2000 = 0 THEN ' Hipoterapija za decu sa smetnjama u razvoju.' ELSE '' END AS description
) AS t;

ANALYZE organizations;
ANALYZE services;
