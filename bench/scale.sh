#!/bin/bash
# bench/scale.sh: how far one server goes (docs/scale-out.md).  SCALE_ORGS
# (default 10,000) synthetic organizations (bench/record.sql,
# bench/generate.sql: 131 SoA entries, about 20 risks, 50 evidence rows
# and the rest of a mid-sized company's record each) on one throwaway
# server, then, in one backend:
#   validator_one    ims.integration_findings(org) for one organization
#                    (the mean over 20 organizations spread over the ids);
#   validator_all    ims.evaluate_findings(NULL, false): every organization
#                    in one call (ims.report_findings calls it per
#                    organization);
#   nonconformities_one, soa_json_one  ims.nonconformities(ARRAY[org]) and
#                    ims.soa_json(org) (the mean over the same 20);
#   VIEW_one         SELECT * FROM ims.VIEW WHERE org_id = org, for the main
#                    report views, the findings views and report_ai_systems
#                    (the mean over the same 20 organizations);
#   VIEW_all         the view over every organization;
#   scan             count(*) of every table the validator reads: the peer
#                    the figures are divided by, measured in the same run.
# Prints each time in ms and as a ratio to the scan, and the database's
# size.  A measurement, not a test: it always exits 0 once it has run.
set -eu -o pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
orgs=${SCALE_ORGS:-10000}

. scripts/cluster.sh
cluster_setup

tables="organization document ai_system risk risk_control impact_assessment soa soa_entry evidence
	internal_audit auditor management_review certification_body finding_waiver
	risk_criteria risk_treatment_action risk_acceptance objective objective_measurement"
scan_stmt="SELECT 0"
for t in $tables; do
	scan_stmt="$scan_stmt + (SELECT count(*) FROM ims.$t)"
done
# the views read for one organization (WHERE org_id = org) and whole; the
# findings views and report_ai_systems validate the organizations their
# filter leaves, one call each (ims.organization_list()), so whole they are
# the peer of validator_all.  Each is read as count(v.*), which needs every
# column: count(*) would let the planner drop the view's left joins whose
# columns it does not return (report_ai_systems' findings among them).
views="report_soa report_readiness report_risk_register report_findings report_nonconformities report_ai_systems"

{
cat <<'SQL'
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION pg_ims;
SET max_parallel_workers_per_gather = 0;
\i bench/record.sql
CREATE TEMP VIEW bench_org AS SELECT org_id AS n, org_id FROM ims.organization;
\i bench/generate.sql
SQL
# in slices of 1,000, so that no one statement holds everything
for first in $(seq 1 1000 "$orgs"); do
	last=$((first + 999))
	[ "$last" -le "$orgs" ] || last=$orgs
	echo "CALL pg_temp.generate($first, $last);"
done
cat <<SQL
VACUUM ANALYZE;
CHECKPOINT;
-- twenty organizations spread over the ids, among those with an SoA (about
-- one in a hundred has none, and ims.soa_json refuses it)
CREATE TEMP TABLE sample_org AS
	SELECT x.org_id FROM (SELECT o.org_id, row_number() OVER (ORDER BY o.org_id) AS r, count(*) OVER () AS n
						  FROM ims.organization o WHERE EXISTS (SELECT FROM ims.soa s WHERE s.org_id = o.org_id)) AS x
	WHERE (x.r - 1) % greatest(x.n / 20, 1) = 0 ORDER BY x.org_id LIMIT 20;
CREATE TEMP TABLE timings (what text, ms float8);
CREATE PROCEDURE pg_temp.timed(what text, stmt text, per_org boolean)
LANGUAGE plpgsql AS \$\$
DECLARE
	t0 timestamptz;
	o bigint;
	n bigint;
	k integer := 0;
BEGIN
	-- per organization once untimed first: plans prepared, pages in the
	-- cache; a statement over every organization once (at 10,000 the
	-- validator's takes minutes, and it reads the whole record anyway)
	IF per_org THEN
		FOR o IN SELECT org_id FROM sample_org LOOP EXECUTE stmt INTO n USING o; END LOOP;
		t0 := clock_timestamp();
		FOR o IN SELECT org_id FROM sample_org LOOP EXECUTE stmt INTO n USING o; k := k + 1; END LOOP;
	ELSE
		t0 := clock_timestamp();
		EXECUTE stmt INTO n;
		k := 1;
	END IF;
	INSERT INTO timings VALUES (what, extract(epoch FROM clock_timestamp() - t0) * 1000 / k);
END \$\$;
CALL pg_temp.timed('scan', \$s\$$scan_stmt\$s\$, false);
CALL pg_temp.timed('validator_one', 'SELECT count(*) FROM ims.integration_findings(\$1)', true);
CALL pg_temp.timed('validator_all', 'SELECT count(*) FROM ims.evaluate_findings(NULL, false)', false);
SQL
echo "CALL pg_temp.timed('nonconformities_one', 'SELECT count(*) FROM ims.nonconformities(ARRAY[\$1]::bigint[])', true);"
echo "CALL pg_temp.timed('soa_json_one', 'SELECT length(ims.soa_json(\$1)::text)', true);"
for v in $views; do
	echo "CALL pg_temp.timed('${v}_one', 'SELECT count(v.*) FROM (SELECT * FROM ims.$v WHERE org_id = \$1) v', true);"
done
for v in $views; do
	echo "CALL pg_temp.timed('${v}_all', 'SELECT count(v.*) FROM (SELECT * FROM ims.$v) v', false);"
done
cat <<'SQL'
\pset footer off
SELECT format('scale: %s organizations, %s SoA entries, %s evidence rows, %s findings; database %s',
	(SELECT count(*) FROM ims.organization), (SELECT count(*) FROM ims.soa_entry),
	(SELECT count(*) FROM ims.evidence), (SELECT count(*) FROM ims.evaluate_findings(NULL, false)),
	pg_size_pretty(pg_database_size(current_database()))) AS summary;
SELECT t.what, round(t.ms::numeric, 1) AS ms,
	round((t.ms / s.ms)::numeric, 2) AS "x scan"
FROM timings t, (SELECT ms FROM timings WHERE what = 'scan') s
ORDER BY t.what = 'scan' DESC, t.what;
SQL
} | psql -v ON_ERROR_STOP=1
