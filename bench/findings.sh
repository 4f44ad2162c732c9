#!/bin/bash
# bench/findings.sh: the validator over 1,000 synthetic organizations
# against a bare scan of the same rows, then again over 2,000 (SPEC §9).
#
# Each organization has the record of a mid-sized company extending its
# ISMS to ISO 42001: 131 SoA entries, about 20 risks, 3 AI systems, 50
# evidence rows, ten documents, impact assessments, audits, reviews and a
# certification body, with the gaps such companies have, so that every
# organization yields some findings and none yields all.
#
# Three sides, timed in the same backend, alternating in order:
#   findings_all      ims.evaluate_findings(NULL, false): every organization
#                     in one call, one set-based query per rule (what
#                     ims.report_findings does);
#   findings_per_org  ims.integration_findings(org_id) called once per
#                     organization;
#   scan              count(*) of every table the validator reads, summed
#                     in one statement: the floor any validator pays.
# Target: findings_all at most 10x the scan, and linear growth (time at
# 2,000 organizations about twice the time at 1,000).  The figures are
# ratios measured in one run, so they mean something on any machine; this
# is a measurement, not a test, and always exits 0 once it has run.
#
# Everything runs as the superuser, which row-level security does not
# apply to: the bench measures the validator, not the RLS policies
# (has_org_access per row would be a cost of its own, measured elsewhere).
set -eu -o pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

. scripts/cluster.sh
cluster_setup

rounds=3

# The tables the validator reads, each counted once.
tables="organization document ai_system risk risk_control impact_assessment soa soa_entry evidence
	internal_audit auditor management_review certification_body finding_waiver
	risk_criteria risk_treatment_action risk_acceptance objective objective_measurement"
scan_stmt="SELECT 0"
for t in $tables; do
	scan_stmt="$scan_stmt + (SELECT count(*) FROM ims.$t)"
done

# Rounds alternate the order of the three sides, so that none always runs
# first after the previous one filled the cache.
timings()
{
	local orgs=$1 round sides side stmt
	for round in $(seq 1 $rounds); do
		if [ $((round % 2)) = 1 ]; then
			sides="findings_all findings_per_org scan"
		else
			sides="scan findings_per_org findings_all"
		fi
		for side in $sides; do
			case $side in
			findings_all) stmt='SELECT count(*) FROM ims.evaluate_findings(NULL, false)' ;;
			findings_per_org) stmt='SELECT count(*) FROM ims.organization o, ims.integration_findings(o.org_id)' ;;
			scan) stmt=$scan_stmt ;;
			esac
			echo "CALL pg_temp.timed('$side', $orgs, \$s\$$stmt\$s\$);"
		done
	done
}

# Untimed runs first: the validator prepares its plans on first use, and
# after five executions the plan cache settles on generic plans (planned
# for an array of unknown length), as in any long-lived session; the timed
# rounds measure those.
warmup()
{
	local orgs=$1
	echo "CALL pg_temp.timed('warmup', $orgs, \$s\$SELECT count(*) FROM ims.evaluate_findings(NULL, false)\$s\$);"
	echo "CALL pg_temp.timed('warmup', $orgs, \$s\$SELECT count(*) FROM ims.organization o, ims.integration_findings(o.org_id)\$s\$);"
	echo "CALL pg_temp.timed('warmup', $orgs, \$s\$$scan_stmt\$s\$);"
}

{
cat <<'SQL'
CREATE EXTENSION pg_ims;
-- One backend, no parallel workers: the validator's queries run through
-- SPI, which plans without parallelism, so the scan does too.
SET max_parallel_workers_per_gather = 0;

CREATE TEMP TABLE timings (what text, orgs integer, ms float8, result bigint, n serial);
CREATE PROCEDURE pg_temp.timed(what text, orgs integer, stmt text)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
	result bigint;
BEGIN
	EXECUTE stmt INTO result;
	INSERT INTO timings VALUES (what, orgs,
		extract(epoch FROM clock_timestamp() - t0) * 1000, result);
END $$;

-- pg_temp.rnd, pg_temp.pct and pg_temp.generate_record, shared with
-- bench/load/setup.sql; the organizations are numbered by their ids.
\i bench/record.sql
CREATE TEMP VIEW bench_org AS SELECT org_id AS n, org_id FROM ims.organization;

-- pg_temp.soa_shape and pg_temp.generate(first_org, last_org).
\i bench/generate.sql

-- The data, and what the validator makes of it, so a reader can judge
-- whether it looks like real organizations.
CREATE PROCEDURE pg_temp.describe(orgs integer)
LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	SELECT format('data at %s orgs: %s rows; per organization %s SoA entries, %s risks (%s%% of an AI type), '
			'%s AI systems, %s impact assessments, %s evidence rows, %s documents', orgs,
		(SELECT count(*) FROM ims.organization) + (SELECT count(*) FROM ims.document)
			+ (SELECT count(*) FROM ims.ai_system) + (SELECT count(*) FROM ims.risk)
			+ (SELECT count(*) FROM ims.impact_assessment) + (SELECT count(*) FROM ims.soa)
			+ (SELECT count(*) FROM ims.soa_entry) + (SELECT count(*) FROM ims.evidence)
			+ (SELECT count(*) FROM ims.internal_audit) + (SELECT count(*) FROM ims.auditor)
			+ (SELECT count(*) FROM ims.management_review) + (SELECT count(*) FROM ims.certification_body),
		round((SELECT count(*) FROM ims.soa_entry)::numeric / orgs, 1),
		round((SELECT count(*) FROM ims.risk)::numeric / orgs, 1),
		(SELECT round(100.0 * count(*) FILTER (WHERE ims.risk_domain(risk_type) = 'ai') / count(*)) FROM ims.risk),
		round((SELECT count(*) FROM ims.ai_system)::numeric / orgs, 1),
		round((SELECT count(*) FROM ims.impact_assessment)::numeric / orgs, 1),
		round((SELECT count(*) FROM ims.evidence)::numeric / orgs, 1),
		round((SELECT count(*) FROM ims.document)::numeric / orgs, 1))
	INTO line;
	RAISE NOTICE '%', line;
END $$;
SQL

echo "CALL pg_temp.generate(1, 1000);"
cat <<'SQL'
VACUUM ANALYZE;
CHECKPOINT;
CALL pg_temp.describe(1000);
CREATE TEMP TABLE findings_1000 AS SELECT org_id, code, grade FROM ims.evaluate_findings(NULL, false);
SELECT format('findings at 1000 orgs: %s; per organization min %s, median %s, max %s; organizations without any: %s',
		(SELECT count(*) FROM findings_1000), min(n), percentile_disc(0.5) WITHIN GROUP (ORDER BY n), max(n),
		1000 - count(*))
	FROM (SELECT org_id, count(*) AS n FROM findings_1000 GROUP BY org_id) AS per_org;
SELECT format('  %s %-11s %6s findings in %4s organizations', code, grade, count(*), count(DISTINCT org_id))
	FROM findings_1000 GROUP BY code, grade ORDER BY code, grade;
SELECT format('  codes that never fired: %s', coalesce(string_agg(r.code, ', ' ORDER BY r.code), 'none'))
	FROM ims.finding_rule r WHERE r.code NOT IN (SELECT code FROM findings_1000);
SQL
warmup 1000
timings 1000

echo "CALL pg_temp.generate(1001, 2000);"
cat <<'SQL'
VACUUM ANALYZE;
CHECKPOINT;
CALL pg_temp.describe(2000);
SQL
warmup 2000
timings 2000

cat <<'SQL'
SELECT format('%-16s %4s orgs ms: %s  median %s  (%s rows)', what, orgs,
		string_agg(round(ms::numeric, 1)::text, ', ' ORDER BY n),
		round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1),
		string_agg(DISTINCT result::text, ', '))
	FROM timings WHERE what <> 'warmup' GROUP BY what, orgs ORDER BY orgs, what;
SELECT format('findings at %s orgs: the per-organization calls %s the one call (%s)', orgs,
		CASE WHEN count(DISTINCT result) = 1 THEN 'agree with' ELSE 'DISAGREE with' END,
		string_agg(DISTINCT result::text, ', '))
	FROM timings WHERE what IN ('findings_all', 'findings_per_org') GROUP BY orgs ORDER BY orgs;

CREATE TEMP VIEW medians AS
	SELECT what, orgs, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms
	FROM timings WHERE what <> 'warmup' GROUP BY what, orgs;
SELECT format('ratio %s/scan at %s orgs = %s', f.what, f.orgs, round((f.ms / s.ms)::numeric, 1))
	FROM medians f JOIN medians s ON s.orgs = f.orgs AND s.what = 'scan'
	WHERE f.what <> 'scan' ORDER BY f.orgs, f.what;
SELECT format('growth %s 1000->2000 = %s', a.what, round((b.ms / a.ms)::numeric, 2))
	FROM medians a JOIN medians b ON b.what = a.what AND b.orgs = 2000
	WHERE a.orgs = 1000 ORDER BY a.what;
SELECT 'target: findings_all/scan at most 10; growth about 2.0 (linear)';
SQL
} | psql -At 2>&1 | sed 's/^NOTICE:  //'
