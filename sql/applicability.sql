--
-- applicability: decisions, reasons, canonical output, order, operators,
-- indexes, hashing, casts, COPY round trips, and every rejected input.
--
SET search_path = public, ims;

-- the three decisions, and every reason alone
SELECT input, input::applicability AS value, is_applicable(input::applicability),
       decision(input::applicability), reasons(input::applicability)
FROM (VALUES ('applicable'), ('not_applicable'), ('undecided'),
             ('applicable(risk)'), ('applicable(legal)'), ('applicable(contract)'),
             ('applicable(business)'), ('applicable(interested_party)'),
             ('applicable(impact)')) AS v(input);

-- any case, blanks anywhere, reasons in any order, duplicates collapse,
-- spaces and hyphens as underscores; output is canonical
SELECT input, input::applicability AS value
FROM (VALUES ('APPLICABLE'), ('  Not Applicable '), ('not-applicable'), (E'\tundecided\n'),
             ('applicable(legal,risk)'), ('applicable ( risk , legal )'),
             ('Applicable(Impact, RISK, impact, risk)'),
             ('applicable(interested party)'), ('applicable(Interested-Party)'),
             ('applicable(impact,interested_party,business,contract,legal,risk)')) AS v(input);

-- documented reason aliases
SELECT input, input::applicability AS value
FROM (VALUES ('applicable(law)'), ('applicable(regulation)'), ('applicable(regulatory)'),
             ('applicable(contractual)'), ('applicable(good practice)'),
             ('applicable(best_practice)'), ('applicable(risk treatment)'),
             ('applicable(interested parties)'), ('applicable(impact assessment)')) AS v(input);

-- order: decision first, then the set of reasons
SELECT a FROM unnest('{undecided,not_applicable,applicable(legal),applicable,applicable(risk),"applicable(risk,legal)"}'::applicability[]) AS a
ORDER BY a;
-- in an array, a value with several reasons is quoted, and reads back
SELECT ARRAY['applicable(legal,risk)'::applicability, 'undecided'] AS arr,
       ARRAY['applicable(legal,risk)'::applicability, 'undecided']::text::applicability[] AS round_trip;
SELECT a, applicability_rank(a)
FROM unnest('{undecided,not_applicable,applicable}'::applicability[]) AS a ORDER BY 2;
SELECT min(a), max(a)
FROM unnest('{undecided,applicable(risk),not_applicable}'::applicability[]) AS a;
SELECT 'applicable(risk,legal)'::applicability = 'applicable(legal, risk)' AS eq,
       'applicable'::applicability <> 'applicable(risk)' AS ne,
       'applicable(impact)'::applicability < 'not_applicable' AS lt,
       'undecided'::applicability > 'not_applicable' AS gt,
       'undecided'::applicability >= 'undecided' AS ge,
       'applicable'::applicability <= 'applicable(risk)' AS le;

SELECT typlen, typbyval, typalign FROM pg_type WHERE oid = 'ims.applicability'::regtype;

-- casts
SELECT 'applicable(risk)'::text::applicability, 'not_applicable'::applicability::text,
       'undecided'::varchar::applicability, 'applicable(legal)'::applicability::varchar;

-- indexes, GROUP BY by hashing, hash join
CREATE TABLE soa_sample (id serial PRIMARY KEY, a applicability NOT NULL);
INSERT INTO soa_sample (a)
SELECT (ARRAY['undecided', 'not_applicable', 'applicable', 'applicable(risk)',
              'applicable(risk,legal)', 'applicable(impact)'])[1 + i % 6]::applicability
FROM generate_series(1, 6000) AS i;
CREATE INDEX soa_sample_a ON soa_sample (a);
ANALYZE soa_sample;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM soa_sample WHERE a = 'applicable(legal,risk)';
SELECT count(*) FROM soa_sample WHERE a = 'applicable(legal,risk)';
DROP INDEX soa_sample_a;
CREATE INDEX soa_sample_a_hash ON soa_sample USING hash (a);
EXPLAIN (COSTS OFF) SELECT count(*) FROM soa_sample WHERE a = 'undecided';
SELECT count(*) FROM soa_sample WHERE a = 'undecided';
RESET enable_seqscan;
RESET enable_bitmapscan;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT a, count(*) FROM soa_sample GROUP BY a;
RESET enable_sort;
SELECT a, count(*) FROM soa_sample GROUP BY a ORDER BY a;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF)
SELECT count(*) FROM soa_sample s JOIN (SELECT DISTINCT a FROM soa_sample) d ON s.a = d.a;
SELECT count(*) FROM soa_sample s JOIN (SELECT DISTINCT a FROM soa_sample) d ON s.a = d.a;
RESET enable_mergejoin;
RESET enable_nestloop;
SELECT applicability_hash('applicable(risk,legal)') = applicability_hash('applicable(legal,risk)') AS same_hash,
       applicability_hash_extended('applicable', 7) <> applicability_hash_extended('applicable', 8) AS seeded;

-- COPY round trips, text and binary, through files in the data directory
SELECT setting AS datadir FROM pg_settings WHERE name = 'data_directory' \gset
\set soa_txt :datadir/pg_ims_soa.txt
\set soa_bin :datadir/pg_ims_soa.bin
\set soa_bad_bin :datadir/pg_ims_soa_bad.bin
COPY soa_sample (a) TO :'soa_txt';
COPY soa_sample (a) TO :'soa_bin' (FORMAT binary);
CREATE TABLE soa_copy_text (a applicability);
CREATE TABLE soa_copy_binary (a applicability);
COPY soa_copy_text FROM :'soa_txt';
COPY soa_copy_binary FROM :'soa_bin' (FORMAT binary);
SELECT NOT EXISTS (SELECT a, count(*) FROM soa_sample GROUP BY a
                   EXCEPT SELECT a, count(*) FROM soa_copy_text GROUP BY a) AS text_same,
       NOT EXISTS (SELECT a, count(*) FROM soa_sample GROUP BY a
                   EXCEPT SELECT a, count(*) FROM soa_copy_binary GROUP BY a) AS binary_same,
       (SELECT count(*) FROM soa_copy_binary) AS binary_rows;
-- binary input is checked like text input
COPY (SELECT 'not_applicable(risk)'::text) TO :'soa_bad_bin' (FORMAT binary);
COPY soa_copy_binary FROM :'soa_bad_bin' (FORMAT binary);

-- rejected input
SELECT ''::applicability;
SELECT '  '::applicability;
SELECT 'maybe'::applicability;
SELECT 'applicable(risk'::applicability;
SELECT 'applicable(risk,'::applicability;
SELECT 'applicable('::applicability;
SELECT 'applicable()'::applicability;
SELECT 'applicable(risk,)'::applicability;
SELECT 'applicable(,risk)'::applicability;
SELECT 'applicable(risk))'::applicability;
SELECT 'applicable)'::applicability;
SELECT '(risk)'::applicability;
SELECT 'applicable((risk))'::applicability;
SELECT 'applicable(risk) extra'::applicability;
SELECT 'applicable(risk;legal)'::applicability;
SELECT 'applicable(hunch)'::applicability;
SELECT 'not_applicable(risk)'::applicability;
SELECT 'undecided(legal)'::applicability;
SELECT 'not_applicable()'::applicability;
SELECT repeat('applicable', 26)::applicability;
SELECT U&'applicable(risk\00A0)'::applicability;
SELECT U&'appl\0131cable'::applicability;
SELECT NULL::applicability IS NULL AS is_null, reasons(NULL) IS NULL AS reasons_null;

DROP TABLE soa_sample, soa_copy_text, soa_copy_binary;
