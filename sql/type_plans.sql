--
-- type_plans: joins and aggregations on risk_type and applicability give
-- the same answers whatever the plan: nested loop, hash join and merge
-- join; hash and sort aggregation; hashed and sorted DISTINCT.  The hash
-- paths use the hash opclass, the sort and merge paths the btree opclass,
-- so a hash that disagrees with equality, or an order that disagrees with
-- it, gives a different answer.  work_mem is small, so the hash join runs
-- in batches and the hash aggregation spills, both by hash bits.
--
-- expected/type_plans_1.out: the plans of PostgreSQL 17 and 18, whose
-- planner sorts the input of an ordered aggregate below it and implements
-- a sorted UNION with a Merge Append; the answers are the same.
--
SET search_path = public, ims;
SELECT setseed(0.15);

CREATE TABLE plans_value AS
SELECT v, row_number() OVER () AS n
FROM (SELECT label::risk_type AS v FROM risk_types()) AS r;
CREATE TABLE plans_app AS
SELECT v, row_number() OVER (ORDER BY v) AS n
FROM unnest(ARRAY['undecided', 'not_applicable', 'applicable', 'applicable(risk)', 'applicable(legal)',
                  'applicable(risk,legal)', 'applicable(contract,business)', 'applicable(impact)',
                  'applicable(interested_party,impact)', 'applicable(risk,legal,contract,business,interested_party,impact)']
            ::applicability[]) AS v;

-- two tables with random values of both types; the inputs are written in
-- varied spellings, which must compare equal
CREATE TABLE plans_left (id int PRIMARY KEY, risk risk_type, app applicability);
CREATE TABLE plans_right (id int PRIMARY KEY, risk risk_type, app applicability);
INSERT INTO plans_left
SELECT g, (ARRAY(SELECT v FROM plans_value ORDER BY n))[1 + floor(17 * random())::int],
       (ARRAY(SELECT v FROM plans_app ORDER BY n))[1 + floor(10 * random() ^ 2)::int]
FROM generate_series(1, 1500) AS g;
INSERT INTO plans_right
SELECT g, upper(replace((ARRAY(SELECT v FROM plans_value ORDER BY n))[1 + floor(17 * random())::int]::text, '_', ' ')),
       (ARRAY(SELECT v FROM plans_app ORDER BY n))[1 + floor(10 * random())::int]
FROM generate_series(1, 1000) AS g;
INSERT INTO plans_right VALUES (1001, 'bias', 'applicable(legal, risk, risk)'), (1002, NULL, NULL),
	(1003, 'c', 'Applicable ( Risk_Treatment )');
INSERT INTO plans_left VALUES (1501, NULL, 'UNDECIDED');
ANALYZE plans_left, plans_right;

-- the queries, and what each answers
CREATE TABLE plans_query (name text PRIMARY KEY, query text NOT NULL);
INSERT INTO plans_query VALUES
	('join risk', 'SELECT count(*) || '' '' || sum(l.id::bigint * 10000 + r.id) FROM plans_left l JOIN plans_right r ON l.risk = r.risk'),
	('join app', 'SELECT count(*) || '' '' || sum(l.id::bigint * 10000 + r.id) FROM plans_left l JOIN plans_right r ON l.app = r.app'),
	('join both', 'SELECT count(*) || '' '' || sum(l.id::bigint * 10000 + r.id) FROM plans_left l JOIN plans_right r ON l.risk = r.risk AND l.app = r.app'),
	('left join app', 'SELECT count(*) || '' '' || count(r.id) FROM plans_left l LEFT JOIN plans_right r ON l.app = r.app'),
	('semijoin risk', 'SELECT count(*)::text FROM plans_left l WHERE l.risk IN (SELECT r.risk FROM plans_right r WHERE r.id % 5 = 0)'),
	('group risk', 'SELECT string_agg(x, '';'' ORDER BY x) FROM (SELECT risk || '':'' || count(*) || '':'' || sum(id) AS x FROM plans_left GROUP BY risk) s'),
	('group app', 'SELECT string_agg(x, '';'' ORDER BY x) FROM (SELECT app || '':'' || count(*) || '':'' || sum(id) AS x FROM plans_right GROUP BY app) s'),
	('group both', 'SELECT string_agg(x, '';'' ORDER BY x) FROM (SELECT risk || '' '' || app || '':'' || count(*) AS x FROM plans_left GROUP BY risk, app) s'),
	('distinct app', 'SELECT string_agg(app::text, '';'' ORDER BY app::text) FROM (SELECT DISTINCT app FROM plans_right) d'),
	('union risk', 'SELECT count(*)::text FROM (SELECT risk FROM plans_left UNION SELECT risk FROM plans_right) u');

-- the plan of a query, without costs
CREATE FUNCTION plans_explain(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		-- PostgreSQL 18 marks the nodes an enable_* setting disables
		CONTINUE WHEN line ~ '^\s*Disabled: true$';
		RETURN NEXT line;
	END LOOP;
END
$$;
CREATE TABLE plans_answer (plan text, name text, answer text);
CREATE FUNCTION plans_run(plan text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	q record;
	a text;
BEGIN
	FOR q IN SELECT * FROM plans_query LOOP
		EXECUTE q.query INTO a;
		INSERT INTO plans_answer VALUES (plan, q.name, a);
	END LOOP;
END
$$;
SET work_mem = '64kB';
SET max_parallel_workers_per_gather = 0;

-- nested loops and sorting: the reference
SET enable_hashjoin = off;
SET enable_mergejoin = off;
SET enable_hashagg = off;
SELECT plans_explain(query) FROM plans_query WHERE name IN ('join app', 'group risk');
SELECT plans_run('nested loop, sort');
RESET enable_hashjoin;
RESET enable_mergejoin;
RESET enable_hashagg;

-- hash joins, hash aggregation, hashed DISTINCT and UNION
SET enable_mergejoin = off;
SET enable_nestloop = off;
SET enable_sort = off;
SELECT plans_explain(query) FROM plans_query WHERE name IN ('join risk', 'join both', 'group app', 'distinct app', 'union risk');
SELECT plans_run('hash');
RESET enable_mergejoin;
RESET enable_nestloop;
RESET enable_sort;

-- merge joins, sort aggregation, sorted DISTINCT and UNION
SET enable_hashjoin = off;
SET enable_nestloop = off;
SET enable_hashagg = off;
SELECT plans_explain(query) FROM plans_query WHERE name IN ('join risk', 'join both', 'group app', 'distinct app', 'union risk');
SELECT plans_run('merge, sort');
RESET enable_hashjoin;
RESET enable_nestloop;
RESET enable_hashagg;
RESET work_mem;
RESET max_parallel_workers_per_gather;

-- every plan answers every query as the reference does
-- (the reference answer, or its MD5 when it is long)
SELECT r.name, CASE WHEN length(r.answer) <= 40 THEN r.answer ELSE md5(r.answer) END AS reference,
       bool_and(p.answer = r.answer) AS same, count(p.plan) AS plans
FROM plans_answer r JOIN plans_answer p ON p.name = r.name AND p.plan <> r.plan
WHERE r.plan = 'nested loop, sort'
GROUP BY r.name, r.answer ORDER BY r.name;

DROP FUNCTION plans_run(text);
DROP FUNCTION plans_explain(text);
DROP TABLE plans_answer, plans_query, plans_left, plans_right, plans_value, plans_app;
