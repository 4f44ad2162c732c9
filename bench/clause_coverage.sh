#!/bin/bash
# bench/clause_coverage.sh: ims.clause_coverage over 1,000 synthetic
# organizations against a bare scan of the rows it reads, then over 2,000.
#
# The organizations are those of bench/findings.sh (bench/record.sql: ten
# documents each), plus what ims.document_clause adds: about two in three
# organizations keep management review minutes (a record) that declare 5.1
# for the standards they cover, and their competence procedure declares 7.3.
#
# Sides, timed in the same backend, alternating in order:
#   coverage_all      ims.clause_coverage(org_ids) with every organization
#                     in one call, planned as a finding rule would be (the
#                     array a parameter, a generic plan), its status and
#                     documents read;
#   coverage_status   the same, only the status read (what a rule on
#                     missing clauses reads; the documents are not built);
#   coverage_per_org  ims.clause_coverage(ARRAY[org_id]) once per
#                     organization (LATERAL);
#   view_all          ims.report_clause_mapping, its status and documents;
#   topic_lateral     the method of report_clause_mapping before 1.2: per
#                     pair and organization, a lateral look-up of the
#                     documents on the clause's topic (no declarations, no
#                     records rule): the peer;
#   scan              count(*) of the rows it reads: the organizations
#                     times the clause pairs, the documents, the
#                     declarations.
# Each side is timed in wall-clock time and in the CPU time of the backend
# (from /proc, in ticks of 10 ms, so summed over rounds): on a machine
# shared with other work, the CPU time is the steadier figure.  Target:
# coverage_status within a small multiple of the topic_lateral peer (which
# computes less: no declarations, no records rule), and linear growth
# (2,000 organizations about twice 1,000).  A measurement, not a test; it
# exits 0 once it has run.
# Run as the superuser: row-level security is measured by bench/load.sh.
set -eu -o pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

. scripts/cluster.sh
cluster_setup

rounds=5

# What each side returns: its integrated pairs and the length of its
# document lists, so that no side can skip computing them (count(*) alone
# lets the planner drop a LEFT JOIN whose columns it does not need).
digest="count(*) FILTER (WHERE status = 'integrated') * 100000000 + sum(length(documents))"
scan_stmt="SELECT (SELECT count(*) FROM ims.organization o JOIN ims.clause_mapping m ON m.target_standard = ANY (o.standards))
	+ (SELECT count(*) FROM ims.document) + (SELECT count(*) FROM ims.document_clause)"
# report_clause_mapping as 1.1 computed it: its documents and status only
peer_stmt="SELECT count(*) FILTER (WHERE CASE WHEN m.relation = 'no_counterpart' THEN 'new_artifact'
	WHEN d.integrated THEN 'integrated' WHEN d.documents IS NOT NULL THEN 'extend' ELSE 'missing' END = 'integrated')
	* 100000000 + sum(length(d.documents)) FROM ims.organization o
	JOIN ims.clause_mapping m ON m.target_standard = ANY (o.standards)
	 AND (m.source_standard = ANY (o.standards) OR m.relation = 'no_counterpart')
	LEFT JOIN ims.clause_topic t ON t.clause = m.target_clause
	LEFT JOIN LATERAL (
		SELECT string_agg(x.title || ' (' || array_to_string(x.covers, ', ') || ')', '; ' ORDER BY x.title) AS documents,
			   bool_or(x.covers @> ARRAY[m.source_standard, m.target_standard]
					   OR (m.relation = 'no_counterpart' AND m.target_standard = ANY (x.covers))) AS integrated
		FROM ims.document x WHERE x.org_id = o.org_id AND x.topic = t.topic) AS d ON true"

timings()
{
	local orgs=$1 round sides side stmt
	for round in $(seq 1 $rounds); do
		if [ $((round % 2)) = 1 ]; then
			sides="coverage_all coverage_status coverage_per_org view_all topic_lateral scan"
		else
			sides="scan topic_lateral view_all coverage_per_org coverage_status coverage_all"
		fi
		for side in $sides; do
			case $side in
			coverage_all) stmt="SELECT $digest FROM ims.clause_coverage(\$1)" ;;
			coverage_status) stmt="SELECT count(*) FILTER (WHERE status = 'missing') FROM ims.clause_coverage(\$1)" ;;
			coverage_per_org) stmt="SELECT $digest FROM ims.organization o, ims.clause_coverage(ARRAY[o.org_id])" ;;
			view_all) stmt="SELECT $digest FROM ims.report_clause_mapping" ;;
			topic_lateral) stmt=$peer_stmt ;;
			scan) stmt=$scan_stmt ;;
			esac
			echo "CALL pg_temp.timed('$side', $orgs, \$s\$$stmt\$s\$);"
		done
	done
}

# Untimed runs first, six of the parameterized call, so that the plan cache
# has settled on the generic plan a long-lived session uses.
warmup()
{
	local orgs=$1 i
	for i in 1 2 3 4 5 6; do
		echo "CALL pg_temp.timed('warmup', $orgs, \$s\$SELECT $digest FROM ims.clause_coverage(\$1)\$s\$);"
	done
}

{
cat <<'SQL'
CREATE EXTENSION pg_ims;
SET max_parallel_workers_per_gather = 0;

CREATE TEMP TABLE timings (what text, orgs integer, ms float8, cpu_ticks bigint, result bigint, n serial);
-- The backend's user and system CPU time so far, in clock ticks (fields 14
-- and 15 of /proc/PID/stat; 12 and 13 after the command name).
CREATE FUNCTION pg_temp.cpu_ticks() RETURNS bigint LANGUAGE sql AS $$
	SELECT f[12]::bigint + f[13]::bigint
	FROM (SELECT regexp_split_to_array(split_part(pg_read_file('/proc/' || pg_backend_pid() || '/stat'), ') ', 2), ' ') AS f) s
$$;
-- stmt may use $1: the ids of every organization, as a parameter
CREATE PROCEDURE pg_temp.timed(what text, orgs integer, stmt text)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	c0 bigint;
	result bigint;
	ids bigint[] := ARRAY(SELECT org_id FROM ims.organization ORDER BY org_id);
BEGIN
	c0 := pg_temp.cpu_ticks();
	t0 := clock_timestamp();
	EXECUTE stmt INTO result USING ids;
	INSERT INTO timings VALUES (what, orgs,
		extract(epoch FROM clock_timestamp() - t0) * 1000, pg_temp.cpu_ticks() - c0, result);
END $$;

\i bench/record.sql
CREATE TEMP VIEW bench_org AS SELECT org_id AS n, org_id FROM ims.organization;

CREATE PROCEDURE pg_temp.generate(first_org bigint, last_org bigint)
LANGUAGE plpgsql AS $gen$
BEGIN
	INSERT INTO ims.organization (org_id, name, integration_model, ims_owner)
	SELECT i, format('Synthetic organization %s', i), 'structural_extension', format('IMS owner %s', i)
	FROM generate_series(first_org, last_org) AS i;
	PERFORM setval('ims.organization_org_id_seq', last_org);
	CALL pg_temp.generate_record(first_org::integer, last_org::integer);
	-- minutes, as a record, in two organizations of three
	INSERT INTO ims.document (org_id, kind, topic, title, covers)
	SELECT i, 'record', 'management_review', 'Management review minutes',
		CASE WHEN pg_temp.pct(70, i) < 10 THEN '{iso27001:2022}' ELSE '{iso27001:2022,iso42001:2023}' END::text[]
	FROM generate_series(first_org, last_org) AS i WHERE pg_temp.pct(71, i) < 67;
	INSERT INTO ims.document_clause (org_id, doc_id, standard, clause)
	SELECT d.org_id, d.doc_id, c.standard, v.clause
	FROM ims.document d
	JOIN (VALUES ('Management review minutes', '5.1'), ('Competence and awareness', '7.3')) AS v(title, clause)
	  ON v.title = d.title
	CROSS JOIN LATERAL unnest(d.covers) AS c(standard)
	WHERE d.org_id BETWEEN first_org AND last_org;
END
$gen$;
SQL

echo "CALL pg_temp.generate(1, 1000);"
echo "VACUUM ANALYZE;"
cat <<'SQL'
SELECT format('data at 1000 orgs: %s documents, %s declarations, %s clause pairs',
	(SELECT count(*) FROM ims.document), (SELECT count(*) FROM ims.document_clause),
	(SELECT count(*) FROM ims.clause_coverage(ARRAY(SELECT org_id FROM ims.organization))));
SELECT format('  status %-12s %6s', status, count(*))
	FROM ims.report_clause_mapping GROUP BY status, status_rank ORDER BY status_rank;
SQL
warmup 1000
timings 1000
echo "CALL pg_temp.generate(1001, 2000);"
echo "VACUUM ANALYZE;"
warmup 2000
timings 2000

cat <<'SQL'
SELECT format('%-16s %4s orgs ms: %s  median %s  cpu ms per run %s  (result %s)', what, orgs,
		string_agg(round(ms::numeric, 1)::text, ', ' ORDER BY n),
		round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1),
		round(sum(cpu_ticks) * 10.0 / count(*), 1),
		string_agg(DISTINCT result::text, ', '))
	FROM timings WHERE what <> 'warmup' GROUP BY what, orgs ORDER BY orgs, what;
SELECT format('coverage at %s orgs: the per-organization calls and the view %s the one call (result %s)', orgs,
		CASE WHEN count(DISTINCT result) = 1 THEN 'agree with' ELSE 'DISAGREE with' END,
		string_agg(DISTINCT result::text, ', '))
	FROM timings WHERE what IN ('coverage_all', 'coverage_per_org', 'view_all') GROUP BY orgs ORDER BY orgs;
SELECT 'ratios and growth below are of CPU time per run';
-- ms: the CPU time per run, the steadier figure here (see the top)
CREATE TEMP VIEW medians AS
	SELECT what, orgs, greatest(sum(cpu_ticks) * 10.0 / count(*), 0.1) AS ms
	FROM timings WHERE what <> 'warmup' GROUP BY what, orgs;
SELECT format('ratio %s/scan at %s orgs = %s', f.what, f.orgs, round((f.ms / s.ms)::numeric, 1))
	FROM medians f JOIN medians s ON s.orgs = f.orgs AND s.what = 'scan'
	WHERE f.what <> 'scan' ORDER BY f.orgs, f.what;
SELECT format('ratio %s/topic_lateral at %s orgs = %s', f.what, f.orgs, round((f.ms / s.ms)::numeric, 2))
	FROM medians f JOIN medians s ON s.orgs = f.orgs AND s.what = 'topic_lateral'
	WHERE f.what IN ('coverage_all', 'coverage_status', 'view_all') ORDER BY f.orgs, f.what;
SELECT format('growth %s 1000->2000 = %s', a.what, round((b.ms / a.ms)::numeric, 2))
	FROM medians a JOIN medians b ON b.what = a.what AND b.orgs = 2000
	WHERE a.orgs = 1000 ORDER BY a.what;
SELECT 'target: coverage_status a small multiple of topic_lateral; growth about 2.0 (linear)';
SQL
} | psql -At 2>&1 | sed 's/^NOTICE:  //'
