#!/bin/bash
# bench/risk_type_copy.sh: COPY of 1,000,000 rows into an ims.risk_type
# column against a native enum column with the same labels (SPEC §9).
#
# Target: risk_type no slower and no larger than the enum.  The figures are
# ratios against the enum measured in the same run and the same backend, so
# they mean something on any machine; this is a measurement, not a test, and
# always exits 0 once it has run.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

. scripts/cluster.sh
cluster_setup

rounds=3
datafile="$CLUSTER_DIR/risk_1m.txt"

# Alternate which side goes first, so neither always pays for a cold cache
# or inherits the other's dirty buffers.
loads=""
for round in $(seq 1 $rounds); do
	if [ $((round % 2)) = 1 ]; then sides="enum risk"; else sides="risk enum"; fi
	for side in $sides; do
		# The checkpoint flushes the previous load, so no COPY is timed
		# while the checkpointer writes the other side's pages.
		loads="$loads
TRUNCATE t_$side;
CHECKPOINT;
CALL pg_temp.timed('copy', '$side', 'COPY t_$side FROM ' || quote_literal(:'datafile'));"
	done
done
scans=""
for round in $(seq 1 $rounds); do
	if [ $((round % 2)) = 1 ]; then sides="enum risk"; else sides="risk enum"; fi
	for side in $sides; do
		# sum(length(r::text)) forces the output function on every row;
		# count(*) over a subquery would let the planner skip it.
		scans="$scans
CALL pg_temp.timed('text', '$side', 'SELECT sum(length(r::text)) FROM t_$side');"
	done
done

psql -At -v datafile="$datafile" <<EOF
CREATE EXTENSION pg_ims;
-- One backend, no parallel workers: both sides run the same code path.
SET max_parallel_workers_per_gather = 0;

-- The enum is built from the type's own label list, so the two sides
-- cannot drift apart when a label is added.
DO \$\$ BEGIN
	EXECUTE (SELECT format('CREATE TYPE bench_risk_enum AS ENUM (%s)',
			string_agg(quote_literal(label), ', ' ORDER BY n))
		FROM ims.risk_types() WITH ORDINALITY AS l(label, domain, description, n));
END \$\$;
-- Autovacuum would wake up on a freshly loaded table during the other
-- side's COPY.
CREATE TABLE t_enum (r bench_risk_enum) WITH (autovacuum_enabled = off);
CREATE TABLE t_risk (r ims.risk_type) WITH (autovacuum_enabled = off);

CREATE TEMP TABLE timings (what text, side text, ms float8, n serial);
CREATE PROCEDURE pg_temp.timed(what text, side text, stmt text)
LANGUAGE plpgsql AS \$\$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	EXECUTE stmt;
	INSERT INTO timings VALUES (what, side,
		extract(epoch FROM clock_timestamp() - t0) * 1000);
END \$\$;

-- A realistic register: mostly confidentiality/integrity/availability, AI
-- harms less often, every label present; canonical lowercase so that the
-- enum accepts it too.  hashint4 keeps the input the same on every run.
COPY (
	WITH pool AS (
		SELECT array_agg(label ORDER BY n, k) AS p
		FROM ims.risk_types() WITH ORDINALITY AS l(label, domain, description, n),
			generate_series(1, CASE domain WHEN 'information_security' THEN 20 ELSE 3 END) AS k)
	SELECT p[1 + (hashint4(i) & 2147483647) % cardinality(p)]
	FROM pool, generate_series(1, 1000000) AS i
) TO :'datafile';
-- Untimed warm-up of each side: the first loads of a fresh cluster also
-- create WAL segments, which later loads recycle.
COPY t_enum FROM :'datafile';
COPY t_risk FROM :'datafile';
$loads

SELECT format('rows: %s enum, %s risk_type, %s distinct labels, %s%% information security',
	(SELECT count(*) FROM t_enum), (SELECT count(*) FROM t_risk),
	(SELECT count(DISTINCT r) FROM t_risk),
	(SELECT round(100.0 * count(*) FILTER (WHERE ims.risk_domain(r) = 'information_security') / count(*))
	 FROM t_risk));
-- Sizes right after the load, before VACUUM adds the FSM and VM forks.
CREATE TEMP TABLE sizes AS
	SELECT pg_relation_size('t_enum') AS enum_heap, pg_total_relation_size('t_enum') AS enum_total,
		pg_relation_size('t_risk') AS risk_heap, pg_total_relation_size('t_risk') AS risk_total;
-- Set hint bits now, so the first timed scan does not pay for writing them.
VACUUM t_enum;
VACUUM t_risk;
$scans

SELECT CASE WHEN (SELECT sum(length(r::text)) FROM t_enum) = (SELECT sum(length(r::text)) FROM t_risk)
	THEN 'contents: both tables hold the same labels'
	ELSE 'contents: DIFFER between the tables' END;
SELECT format('%-4s %-9s ms: %s  median %s', what, side,
		string_agg(round(ms::numeric, 1)::text, ', ' ORDER BY n),
		round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1))
	FROM timings GROUP BY what, side ORDER BY what, side;
SELECT format('size enum: heap %s, total %s; risk_type: heap %s, total %s (bytes)',
		enum_heap, enum_total, risk_heap, risk_total) FROM sizes;

CREATE TEMP VIEW medians AS
	SELECT what, side, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms
	FROM timings GROUP BY what, side;
SELECT format('ratio text_output_time risk_type/enum = %s',
	round(((SELECT ms FROM medians WHERE what = 'text' AND side = 'risk') /
		(SELECT ms FROM medians WHERE what = 'text' AND side = 'enum'))::numeric, 2));
SELECT format('ratio copy_time risk_type/enum = %s',
	round(((SELECT ms FROM medians WHERE what = 'copy' AND side = 'risk') /
		(SELECT ms FROM medians WHERE what = 'copy' AND side = 'enum'))::numeric, 2));
SELECT format('ratio table_size risk_type/enum = %s',
	round(risk_total::numeric / enum_total, 2)) FROM sizes;
EOF
