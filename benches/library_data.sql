-- The library part of the `cargo bench` data set: 100,000 published
-- resources with 60 words of "extracted text" each, from the same
-- vocabulary as the posts, so the broadest one-word queries are broad.

CREATE TEMP TABLE lib_vocabulary (n int PRIMARY KEY, word text);
INSERT INTO lib_vocabulary
SELECT row_number() OVER (), w FROM unnest(string_to_array(
  'dete deca porodica roditelji centar socijalni rad hraniteljstvo nasilje zaštita procena rizika plan usluga ' ||
  'dnevni boravak pomoć kući starije osobe invaliditet migranti izbeglice supervizija sagorevanje stres ' ||
  'škola policija sud tužilaštvo zdravstvo saradnja mreža opština grad selo zajednica podrška savetovanje ' ||
  'smeštaj usvojenje starateljstvo alimentacija razvod mladi maloletnici prestup vaspitna mera obuka ' ||
  'licenca akreditacija protokol smernice zakon pravilnik izveštaj evidencija slučaj intervencija kriza ' ||
  'romska siromaštvo prihod nezaposlenost stanovanje beskućništvo hrana narodna kuhinja volonteri udruženje', ' ')) AS w;

INSERT INTO resources (title, summary, kind, topics, language, script, audiences, source_org, authors, year,
                       licence, external_url, status, created_at, updated_at, published_at, downloads,
                       extracted_text, text_extracted_at, search)
SELECT 'Resurs ' || i || ': ' || w1.word || ' i ' || w2.word,
       'Sažetak o temi ' || w1.word,
       (ARRAY['protocol','guideline','brochure','research','training','translation','form','recording'])[1 + i % 8],
       ARRAY[(ARRAY['child-protection','domestic-violence','disability','older-people','migrants',
                    'mental-health','foster-care','juvenile-justice','poverty'])[1 + i % 9]],
       (ARRAY['sr','sr','sr','cnr','bs','mk','en'])[1 + i % 7], 'latin',
       ARRAY[(ARRAY['professionals','students','citizens'])[1 + i % 3]],
       'Organizacija ' || i % 50, 'Autor ' || i % 500, 2000 + i % 27, 'CC BY 4.0', 'https://example.org/r/' || i,
       'published', now() - ((100000 - i) || ' minutes')::interval, now() - ((100000 - i) || ' minutes')::interval,
       now() - ((100000 - i) || ' minutes')::interval, i % 97, text.body, now(),
       to_tsvector('simple', lower(translate('resurs ' || i || ' ' || w1.word || ' ' || w2.word || ' ' || text.body,
                                               'čćšžđ', 'ccszd')))
FROM generate_series(1, 100000) AS i
JOIN lib_vocabulary w1 ON w1.n = 1 + i % (SELECT count(*)::int FROM lib_vocabulary)
JOIN lib_vocabulary w2 ON w2.n = 1 + (i * 7) % (SELECT count(*)::int FROM lib_vocabulary)
CROSS JOIN LATERAL (
    SELECT string_agg(v.word, ' ') AS body
    FROM generate_series(1, 60) AS k
    JOIN lib_vocabulary v ON v.n = 1 + abs(hashtext(i::text || '-' || k)) % (SELECT count(*)::int FROM lib_vocabulary)
) AS text;

-- A few resources with a rare word, for the narrow query.
UPDATE resources SET search = search || to_tsvector('simple', 'prosjacenje')
WHERE resource_no % 20000 = 0;

ANALYZE resources;
