--
-- risk_type: labels, aliases, canonical output, order, operators, indexes,
-- hashing, casts, COPY round trips, and every rejected input.
--
-- The operators live in schema ims, so they are found through the search
-- path (README: add ims to it) or written OPERATOR(ims.=).
SELECT 'fairness'::ims.risk_type OPERATOR(ims.=) 'bias'::ims.risk_type AS qualified;
SET search_path = public, ims;

-- every label reads back as itself, in rank order, with its domain
SELECT label, label::ims.risk_type AS value, ims.risk_domain(label::ims.risk_type) AS domain,
       ims.risk_type_rank(label::ims.risk_type) AS rank
FROM ims.risk_types();

-- input is case-insensitive, trims blanks, treats spaces and hyphens as underscores
SELECT input, input::ims.risk_type AS value
FROM (VALUES ('CONFIDENTIALITY'), ('  integrity  '), (E'\tavailability\n'),
             ('harm to individuals'), ('Harm-To-Groups'), ('harm  to -- society'),
             ('Human Rights'), ('AI-Security'), ('data quality'), ('ai_security')) AS v(input);

-- documented aliases
SELECT input, input::ims.risk_type AS value
FROM (VALUES ('c'), ('I'), ('A'), ('bias'), ('Bias'), ('explainability')) AS v(input);

-- ordering follows the rank, not the text
SELECT r FROM unnest('{maintainability,fairness,availability,confidentiality,privacy,integrity}'::ims.risk_type[]) AS r
ORDER BY r;
SELECT 'confidentiality'::ims.risk_type < 'availability'::ims.risk_type AS cia_order,
       'availability'::ims.risk_type < 'harm_to_individuals'::ims.risk_type AS cia_before_ai,
       'fairness'::ims.risk_type = 'bias'::ims.risk_type AS alias_equal,
       'fairness'::ims.risk_type <> 'privacy'::ims.risk_type AS ne,
       'safety'::ims.risk_type <= 'safety'::ims.risk_type AS le,
       'robustness'::ims.risk_type >= 'privacy'::ims.risk_type AS ge,
       'robustness'::ims.risk_type > 'privacy'::ims.risk_type AS gt;
SELECT min(r), max(r), ims.risk_type_smaller('bias', 'c'), ims.risk_type_larger('bias', 'c')
FROM unnest('{privacy,integrity,safety}'::ims.risk_type[]) AS r;

-- storage: two bytes, passed by value, like int2
SELECT typlen, typbyval, typalign, typstorage
FROM pg_type WHERE oid = 'ims.risk_type'::regtype;
SELECT pg_column_size('fairness'::ims.risk_type);

-- casts to and from text and varchar, and assignment from a text column
SELECT 'bias'::text::ims.risk_type, 'fairness'::ims.risk_type::text,
       'c'::varchar::ims.risk_type, 'privacy'::ims.risk_type::varchar;
CREATE TABLE risk_sample (id serial PRIMARY KEY, r ims.risk_type NOT NULL);
INSERT INTO risk_sample (r) SELECT t FROM (VALUES ('bias'::text), ('c')) AS v(t);
SELECT id, r FROM risk_sample ORDER BY id;

-- a realistic table: a btree index is used, a hash index is used
INSERT INTO risk_sample (r)
SELECT (ARRAY(SELECT label FROM ims.risk_types()))[1 + i % 17]::ims.risk_type
FROM generate_series(1, 17000) AS i;
CREATE INDEX risk_sample_r_btree ON risk_sample (r);
ANALYZE risk_sample;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM risk_sample WHERE r = 'fairness';
SELECT count(*) FROM risk_sample WHERE r = 'fairness';
EXPLAIN (COSTS OFF) SELECT count(*) FROM risk_sample WHERE r < 'harm_to_individuals';
SELECT count(*) FROM risk_sample WHERE r < 'harm_to_individuals';
DROP INDEX risk_sample_r_btree;
CREATE INDEX risk_sample_r_hash ON risk_sample USING hash (r);
EXPLAIN (COSTS OFF) SELECT count(*) FROM risk_sample WHERE r = 'bias';
SELECT count(*) FROM risk_sample WHERE r = 'bias';
RESET enable_seqscan;
RESET enable_bitmapscan;

-- the btree opclass declares equal images: deduplication is allowed
SELECT amproc::regproc FROM pg_amproc
WHERE amprocfamily = (SELECT opcfamily FROM pg_opclass WHERE opcname = 'risk_type_ops') AND amprocnum = 4;

-- GROUP BY by hashing, and a hash join
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT r, count(*) FROM risk_sample GROUP BY r;
SELECT r, count(*) FROM risk_sample GROUP BY r ORDER BY r;
RESET enable_sort;
CREATE TABLE risk_weight (r ims.risk_type PRIMARY KEY, weight integer NOT NULL);
INSERT INTO risk_weight SELECT label::ims.risk_type, ims.risk_type_rank(label::ims.risk_type) FROM ims.risk_types();
ANALYZE risk_weight;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT sum(w.weight) FROM risk_sample s JOIN risk_weight w ON s.r = w.r;
SELECT sum(w.weight) FROM risk_sample s JOIN risk_weight w ON s.r = w.r;
RESET enable_mergejoin;
RESET enable_nestloop;
-- and a merge join, which needs the btree opclass
SET enable_hashjoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT sum(w.weight) FROM risk_sample s JOIN risk_weight w ON s.r = w.r;
SELECT sum(w.weight) FROM risk_sample s JOIN risk_weight w ON s.r = w.r;
RESET enable_hashjoin;
RESET enable_nestloop;

-- the hash functions agree with equality, and the seed changes the extended hash
SELECT ims.risk_type_hash('bias') = ims.risk_type_hash('fairness') AS same_hash,
       ims.risk_type_hash_extended('bias', 0) = ims.risk_type_hash_extended('fairness', 0) AS same_ext,
       ims.risk_type_hash_extended('bias', 0) <> ims.risk_type_hash_extended('bias', 1) AS seeded;

-- COPY round trips, text and binary, through files in the data directory
SELECT setting AS datadir FROM pg_settings WHERE name = 'data_directory' \gset
\set risk_txt :datadir/pg_ims_risk.txt
\set risk_bin :datadir/pg_ims_risk.bin
\set risk_alias_bin :datadir/pg_ims_risk_alias.bin
\set risk_bad_bin :datadir/pg_ims_risk_bad.bin
\set risk_bad_txt :datadir/pg_ims_risk_bad.txt
COPY risk_sample (r) TO :'risk_txt';
COPY risk_sample (r) TO :'risk_bin' (FORMAT binary);
CREATE TABLE risk_copy_text (r ims.risk_type);
CREATE TABLE risk_copy_binary (r ims.risk_type);
COPY risk_copy_text FROM :'risk_txt';
COPY risk_copy_binary FROM :'risk_bin' (FORMAT binary);
SELECT (SELECT count(*) FROM risk_copy_text) AS text_rows,
       (SELECT count(*) FROM risk_copy_binary) AS binary_rows,
       NOT EXISTS (SELECT r, count(*) FROM risk_sample GROUP BY r
                   EXCEPT SELECT r, count(*) FROM risk_copy_text GROUP BY r) AS text_same,
       NOT EXISTS (SELECT r, count(*) FROM risk_sample GROUP BY r
                   EXCEPT SELECT r, count(*) FROM risk_copy_binary GROUP BY r) AS binary_same;
-- binary input applies the same checks as text input: the binary form of a
-- risk_type is its label, as for text, so a text column's binary copy is one
COPY (SELECT 'Bias'::text) TO :'risk_alias_bin' (FORMAT binary);
COPY risk_copy_binary FROM :'risk_alias_bin' (FORMAT binary);
SELECT r FROM risk_copy_binary WHERE r = 'fairness' LIMIT 1;
COPY (SELECT 'security'::text) TO :'risk_bad_bin' (FORMAT binary);
COPY risk_copy_binary FROM :'risk_bad_bin' (FORMAT binary);
-- a bad row in text COPY names its line, and nothing of the COPY is kept
COPY (VALUES ('fairness'), ('privacy'), ('unknown harm')) TO :'risk_bad_txt';
TRUNCATE risk_copy_text;
COPY risk_copy_text FROM :'risk_bad_txt';
SELECT count(*) FROM risk_copy_text;

-- rejected input: empty, blank, unknown, ambiguous, overlong, odd Unicode
SELECT ''::ims.risk_type;
SELECT '   '::ims.risk_type;
SELECT 'confidential'::ims.risk_type;
SELECT 'security'::ims.risk_type;
SELECT 'Security'::ims.risk_type;
SELECT 'harm'::ims.risk_type;
SELECT 'fairness, privacy'::ims.risk_type;
SELECT 'cia'::ims.risk_type;
SELECT repeat('x', 65)::ims.risk_type;
SELECT repeat('é', 40)::ims.risk_type;
-- a dotless i (U+0131), a no-break space (U+00A0), a zero-width space
-- (U+200B), a Cyrillic a (U+0430): lookalikes are refused, never guessed at
SELECT U&'confidential\0131ty'::ims.risk_type;
SELECT U&'fairness\00A0'::ims.risk_type;
SELECT U&'fair\200Bness'::ims.risk_type;
SELECT U&'avail\0430bility'::ims.risk_type;
SELECT E'fair\x01ness'::ims.risk_type;
-- NULL stays NULL
SELECT NULL::ims.risk_type IS NULL AS is_null, ims.risk_domain(NULL) IS NULL AS domain_null;

DROP TABLE risk_sample, risk_weight, risk_copy_text, risk_copy_binary;
