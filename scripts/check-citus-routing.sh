#!/bin/bash
# scripts/check-citus-routing.sh: on a Citus cluster where pg_ims is
# distributed by org_id (docs/findings.md, "Routing"), checks that one
# organization's validation and reports touch one shard.
#
# The coordinator is PGHOST/PGPORT/PGDATABASE (PGUSER: a superuser); the
# organization is ROUTING_ORG (default: the one with the most SoA entries).
# Each finding rule runs as ims.evaluate_findings runs it
# (ims.finding_rule_query, prepared with $1 = '{org}'); each report view with
# WHERE org_id = org; each per-organization function with org.  Each is
# executed with citus.log_remote_commands on: "tasks" counts the commands
# sent to workers, "shards" the shard groups (organizations hashing to one
# shard of every colocated table) they read; reference tables are not
# counted.  One line per rule, view or function; the exit status is 1 when
# a rule or view has more than one task (but for the views of runs_only
# below, which need only run), anything reads more than one shard
# group, or fails (a function runs several queries, one task each).  On a
# server without Citus (make test runs every scripts/check-*.sh) it says it
# skipped and exits 0, unless CITUS_ROUTING_REQUIRED=1.  Not part of make test
# (it needs a cluster); make citus-check runs it.
set -u -o pipefail

q() { psql -X -At -v ON_ERROR_STOP=1 "$@"; }

# make test runs every scripts/check-*.sh against its single server: there
# is nothing to route there.  make citus-check sets CITUS_ROUTING_REQUIRED=1,
# so that a coordinator without Citus fails instead of passing unchecked.
if [ "$(q -c "SELECT count(*) FROM pg_extension WHERE extname = 'citus'" 2>/dev/null)" != 1 ]; then
	if [ "${CITUS_ROUTING_REQUIRED:-0}" = 1 ]; then
		echo "check-citus-routing: no extension citus in database ${PGDATABASE:-} on ${PGHOST:-}:${PGPORT:-5432}" >&2
		exit 2
	fi
	echo "skipped: not a Citus coordinator (extension citus is not in database ${PGDATABASE:-})"
	exit 0
fi

org=${ROUTING_ORG:-$(q -c "SELECT org_id FROM ims.soa_entry GROUP BY org_id ORDER BY count(*) DESC, org_id LIMIT 1")}
if [ -z "$org" ]; then
	echo "check-citus-routing: no organization with an SoA to check" >&2
	exit 2
fi
if [ "$(q -c "SELECT count(*) FROM pg_dist_partition WHERE logicalrelid = 'ims.organization'::regclass")" != 1 ]; then
	echo "check-citus-routing: ims.organization is not distributed on $PGHOST:${PGPORT:-5432}" >&2
	exit 2
fi
echo "organization $org"

failed=0

# measure KIND NAME SQL...: runs the statements (the last one measured) with
# remote commands logged, prints the line and counts a failure.
measure()
{
	local kind=$1 name=$2 out rc tasks shards ids err
	shift 2
	out=$( { printf '%s\n' "SET client_min_messages = warning;" "$@" | sed '$i SET citus.log_remote_commands = on; SET client_min_messages = log;'; } \
		| psql -X -At -v ON_ERROR_STOP=1 -o /dev/null 2>&1)
	rc=$?
	if [ $rc != 0 ]; then
		err=$(printf '%s\n' "$out" | grep -m1 '^\(psql:[^ ]* \)\?ERROR:' | sed 's/^.*ERROR:  //')
		printf '%-6s %-34s error: %s\n' "$(case $kind:$name in runs:*\(*) echo func;; runs:*) echo view;; *) echo $kind;; esac)" "$name" "$err"
		failed=1
		return
	fi
	tasks=$(printf '%s\n' "$out" | grep -c "\(LOG\|NOTICE\):  issuing " | tr -d ' ')
	tasks=$((tasks - $(printf '%s\n' "$out" | grep -c "\(LOG\|NOTICE\):  issuing \(BEGIN\|COMMIT\|ROLLBACK\|PREPARE TRANSACTION\|SELECT assign_distributed_transaction_id\)")))
	ids=$(printf '%s\n' "$out" | grep -o 'ims\.[a-z0-9_]*_[0-9]\{6,\}' | sed 's/.*_//' | sort -u | paste -sd, -)
	shards=0
	if [ -n "$ids" ]; then
		shards=$(q -c "SELECT count(DISTINCT shardminvalue) FROM pg_dist_shard WHERE shardid IN ($ids) AND shardminvalue IS NOT NULL")
	fi
	if [ "$kind" = runs ]; then
		printf '%-6s %-34s tasks=%s shards=%s  runs, not routed: %s\n' "$(case $name in *\(*) echo func;; *) echo view;; esac)" "$name" "$tasks" "$shards" "$reason"
	elif { [ "$kind" != func ] && [ "$tasks" -gt 1 ]; } || [ "$shards" -gt 1 ]; then
		printf '%-6s %-34s tasks=%s shards=%s  NOT ROUTED\n' "$kind" "$name" "$tasks" "$shards"
		failed=1
	else
		printf '%-6s %-34s tasks=%s shards=%s\n' "$kind" "$name" "$tasks" "$shards"
	fi
}

for code in $(q -c "SELECT code FROM ims.finding_rule ORDER BY code COLLATE \"C\""); do
	sql=$(q -c "SELECT ims.finding_rule_query('$code')") || { echo "rule   $code error: no query"; failed=1; continue; }
	measure rule "$code" "PREPARE r(bigint[]) AS $sql;" "EXECUTE r('{$org}');"
done

# Views measured as "runs": no error, any number of tasks.  They read the
# organizations of every shard (ims.organization_list()), then run their
# per-organization function (the validator, ims.nonconformities,
# ims.readiness) for those the filter leaves, on the coordinator; each of
# its statements goes to the organization's shard.  The per-organization
# entry points are the functions below, which route.
declare -A runs_only=(
	[report_ai_systems]="ims.organization_list() reads every shard's organizations, so that the validator runs on the coordinator, for the organization"
	[report_findings]="ims.organization_list() reads every shard's organizations, so that the validator runs on the coordinator, for the organization"
	[report_nonconformities]="ims.organization_list() reads every shard's organizations, so that ims.nonconformities runs on the coordinator, for the organization"
	[report_readiness]="ims.organization_list() reads every shard's organizations, so that ims.readiness runs on the coordinator, for the organization"
)
reason=

for view in $(q -c "SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id'
                    WHERE c.relnamespace = 'ims'::regnamespace AND c.relkind = 'v' ORDER BY c.relname COLLATE \"C\""); do
	reason=${runs_only[$view]:-}
	if [ -n "$reason" ]; then
		measure runs "$view" "SELECT * FROM ims.$view WHERE org_id = $org;"
	else
		measure view "$view" "SELECT * FROM ims.$view WHERE org_id = $org;"
	fi
done

# the per-organization functions that read without writing
for f in "evaluate_findings(ARRAY[$org]::bigint[])" "integration_findings($org)" "validate_soa($org)" \
	"readiness($org)" "management_review_agenda($org)" "soa_document($org)" "soa_document($org, 'html')" \
	"soa_json($org)" "export_oscal_ssp($org)" "nonconformities(ARRAY[$org]::bigint[])"; do
	measure func "${f%%(*}$( [ "${f#*html}" != "$f" ] && echo '(html)')" "SELECT * FROM ims.$f;"
done


exit $failed
