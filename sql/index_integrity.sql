--
-- index_integrity: B-tree indexes on risk_type and applicability stay
-- consistent with their heap and with the types' order after random
-- inserts, updates and deletes (amcheck: bt_index_check and
-- bt_index_parent_check, with heapallindexed), and an index scan, a
-- bitmap scan and a sequential scan find the same rows.  Many duplicates,
-- so B-tree deduplication (btequalimage) makes posting lists.
--
SET search_path = public, ims;
CREATE EXTENSION amcheck;
SELECT setseed(0.2026);

-- every value of each type: 17 risk types; 2 + 64 applicabilities
CREATE TABLE integrity_risk_value AS
SELECT row_number() OVER (ORDER BY label::risk_type) AS n, label::risk_type AS v FROM risk_types();
CREATE TABLE integrity_app_value AS
SELECT row_number() OVER (ORDER BY v) AS n, v
FROM (SELECT 'undecided'::applicability AS v
      UNION ALL SELECT 'not_applicable'
      UNION ALL
      SELECT ('applicable' || coalesce('(' || string_agg(reason, ',') || ')', ''))::applicability
      FROM generate_series(0, 63) AS bits
      LEFT JOIN LATERAL (SELECT reason FROM unnest(ARRAY['risk', 'legal', 'contract', 'business',
                                                         'interested_party', 'impact']) WITH ORDINALITY AS r(reason, i)
                         WHERE bits & (1 << (i::int - 1)) <> 0) AS r ON true
      GROUP BY bits) AS v;
SELECT (SELECT count(*) FROM integrity_risk_value) AS risk_values,
       (SELECT count(DISTINCT v) FROM integrity_app_value) AS applicability_values;

CREATE TABLE integrity_item (
	id bigint PRIMARY KEY,
	risk risk_type NOT NULL,
	app applicability NOT NULL,
	note text
);
CREATE INDEX integrity_item_risk_idx ON integrity_item (risk);
CREATE INDEX integrity_item_app_idx ON integrity_item (app);
CREATE INDEX integrity_item_risk_app_idx ON integrity_item (risk DESC, app, id);
CREATE UNIQUE INDEX integrity_item_app_id_idx ON integrity_item (app, id) WHERE note IS NULL;
CREATE INDEX integrity_item_risk_hash_idx ON integrity_item USING hash (risk);
CREATE INDEX integrity_item_app_hash_idx ON integrity_item USING hash (app);

-- random values, skewed so that some are frequent and some rare
CREATE FUNCTION integrity_random_risk() RETURNS risk_type LANGUAGE sql VOLATILE AS $$
	SELECT v FROM integrity_risk_value ORDER BY n OFFSET floor(17 * random() ^ 2) LIMIT 1
$$;
CREATE FUNCTION integrity_random_app() RETURNS applicability LANGUAGE sql VOLATILE AS $$
	SELECT v FROM integrity_app_value ORDER BY n OFFSET floor(66 * random() ^ 3) LIMIT 1
$$;

-- three rounds of inserts, updates of both columns, and deletes
DO $$
BEGIN
	FOR round IN 1..3 LOOP
		INSERT INTO integrity_item (id, risk, app, note)
		SELECT (round - 1) * 5000 + g, integrity_random_risk(), integrity_random_app(),
		       CASE WHEN random() < 0.3 THEN 'noted' END
		FROM generate_series(1, 5000) AS g;
		UPDATE integrity_item SET risk = integrity_random_risk() WHERE random() < 0.2;
		UPDATE integrity_item SET app = integrity_random_app(), note = NULL WHERE random() < 0.2;
		DELETE FROM integrity_item WHERE random() < 0.15;
	END LOOP;
END
$$;
VACUUM integrity_item;
UPDATE integrity_item SET risk = integrity_random_risk(), app = integrity_random_app() WHERE id % 7 = 0;
DELETE FROM integrity_item WHERE id % 11 = 0;
SELECT count(*) > 8000 AS many_rows, count(DISTINCT risk) AS risks, count(DISTINCT app) > 40 AS many_apps
FROM integrity_item;

-- amcheck on every B-tree index of the table: structure, order (the
-- types' comparison function against what is on disk), and every heap
-- tuple found in the index
SELECT c.relname AS index,
       (SELECT 'ok' FROM bt_index_check(c.oid, true)) AS checked,
       (SELECT 'ok' FROM bt_index_parent_check(c.oid, true, true)) AS parent_checked
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
WHERE i.indrelid = 'integrity_item'::regclass AND am.amname = 'btree'
ORDER BY c.relname;
REINDEX TABLE integrity_item;
SELECT c.relname AS index, (SELECT 'ok' FROM bt_index_parent_check(c.oid, true, true)) AS checked_after_reindex
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
WHERE i.indrelid = 'integrity_item'::regclass AND am.amname = 'btree'
ORDER BY c.relname;

-- the answers of each access path, per value, are the same as a
-- sequential scan's; the B-tree index returns rows in the types' order
CREATE TABLE integrity_answer (path text, kind text, value text, rows bigint, ids bigint);
CREATE FUNCTION integrity_answers(path text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO integrity_answer
	SELECT path, 'risk', v.v::text, count(t.id), sum(t.id)
	FROM integrity_risk_value v LEFT JOIN LATERAL (SELECT id FROM integrity_item t WHERE t.risk = v.v) t ON true
	GROUP BY v.v;
	INSERT INTO integrity_answer
	SELECT path, 'app', v.v::text, count(t.id), sum(t.id)
	FROM integrity_app_value v LEFT JOIN LATERAL (SELECT id FROM integrity_item t WHERE t.app = v.v) t ON true
	GROUP BY v.v;
	INSERT INTO integrity_answer
	SELECT path, 'risk<', v.v::text, count(t.id), sum(t.id)
	FROM integrity_risk_value v LEFT JOIN LATERAL (SELECT id FROM integrity_item t WHERE t.risk < v.v) t ON true
	GROUP BY v.v;
	INSERT INTO integrity_answer
	SELECT path, 'app>=', v.v::text, count(t.id), sum(t.id)
	FROM integrity_app_value v LEFT JOIN LATERAL (SELECT id FROM integrity_item t WHERE t.app >= v.v) t ON true
	GROUP BY v.v;
END
$$;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT integrity_answers('seqscan');
-- with the hash indexes: equality goes to them, ranges to the B-trees
SET enable_seqscan = off;
SET enable_indexscan = on;
EXPLAIN (COSTS OFF) SELECT id FROM integrity_item WHERE risk = 'fairness';
EXPLAIN (COSTS OFF) SELECT id FROM integrity_item WHERE app < 'applicable(risk,legal)';
SELECT integrity_answers('indexscan');
SET enable_indexscan = off;
SET enable_bitmapscan = on;
EXPLAIN (COSTS OFF) SELECT id FROM integrity_item WHERE app = 'applicable(risk)';
SELECT integrity_answers('bitmapscan');
-- without them: equality on the B-trees too
DROP INDEX integrity_item_risk_hash_idx, integrity_item_app_hash_idx;
SET enable_indexscan = on;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM integrity_item WHERE risk = 'fairness';
EXPLAIN (COSTS OFF) SELECT id FROM integrity_item WHERE app = 'applicable(risk)';
SELECT integrity_answers('btree indexscan');
RESET enable_seqscan;
RESET enable_indexscan;
RESET enable_bitmapscan;
-- no path differs from the sequential scan
SELECT path, count(*) AS answers, sum(rows) AS rows,
       count(*) FILTER (WHERE (kind, value, rows, ids) NOT IN
                        (SELECT s.kind, s.value, s.rows, s.ids FROM integrity_answer s WHERE s.path = 'seqscan')) AS differ
FROM integrity_answer GROUP BY path ORDER BY path;

-- a full index scan in the order of the index: ordered by rank
SET enable_seqscan = off;
SET enable_bitmapscan = off;
SELECT count(*) AS out_of_order
FROM (SELECT app, lag(app) OVER () AS before FROM (SELECT app FROM integrity_item ORDER BY app) AS s) AS o
WHERE applicability_rank(before) > applicability_rank(app);
SELECT count(*) AS out_of_order
FROM (SELECT risk, lag(risk) OVER () AS before FROM (SELECT risk FROM integrity_item ORDER BY risk DESC, app, id) AS s) AS o
WHERE risk_type_rank(before) < risk_type_rank(risk);
RESET enable_seqscan;
RESET enable_bitmapscan;

DROP FUNCTION integrity_answers(text);
DROP FUNCTION integrity_random_risk();
DROP FUNCTION integrity_random_app();
DROP TABLE integrity_answer, integrity_item, integrity_risk_value, integrity_app_value;
DROP EXTENSION amcheck;
