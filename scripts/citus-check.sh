#!/bin/bash
# scripts/citus-check.sh: `make citus-check` (docs/scale-out.md), not part
# of `make test`.  pg_ims distributed by organization on Citus, against
# the same data on one plain server, in one run:
#
#   - Citus built and installed from ../shared/vendor when missing
#     (../shared/tools/build-citus.sh); skipped, with a message, when
#     neither Citus nor the vendored source is there;
#   - a coordinator and two workers (scripts/citus-cluster.sh) and a plain
#     server, both from a private copy of the server with this checkout's
#     pg_ims; CREATE EXTENSION pg_ims, ims.distribute() (twice: the second
#     does nothing);
#   - on both: the sample organization (scripts/sample_organization.sql)
#     and 200 generated ones (bench/record.sql, bench/generate.sql);
#   - checks, each printing "citus-check NAME ... PASS" or "... FAIL: why":
#     ids unique wherever rows are inserted; the same findings as on one
#     server, organization by organization, and every rule and report view
#     that fails on Citus by name; tenant isolation for a non-superuser;
#     one organization's validation and reports on one shard (EXPLAIN's
#     Task Count, remote commands per validation, time against the plain
#     server); approval by ims.approve_soa and no approval by UPDATE;
#     error messages without shard names; a dump of the coordinator
#     restored; a third worker added and the shards rebalanced, findings
#     unchanged and the extension's definitions on the new node.
#
# Exits 0 when every check passed, 1 otherwise.  Runs as root like
# scripts/test.sh.
set -u
cd "$(dirname "$0")/.."
top=$(pwd)

. scripts/cluster.sh
. scripts/citus-cluster.sh

failed=0
passed=0
# check NAME PASS|FAIL [WHY]
check()
{
	echo "citus-check $1 ... $2${3:+: $3}"
	if [ "$2" = PASS ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}
finish()
{
	echo "citus-check: $passed passed, $failed failed"
	[ "$failed" = 0 ] && exit 0
	exit 1
}

scripts/deps.sh >/dev/null || exit 1
pgbin_init
citus_require
case $? in
0) ;;
2) echo "citus-check: SKIP (Citus is not installed and ../shared/vendor has no source to build it from)"; exit 0 ;;
*) echo "citus-check: FAIL (Citus could not be built)"; exit 1 ;;
esac

citus_start 2 || { echo "citus-check: FAIL (the cluster did not start)"; exit 1; }
plain_start || { echo "citus-check: FAIL (the plain server did not start)"; exit 1; }
log=$CITUS_DIR/check
mkdir -p "$log"
C() { citus_psql "$CITUS_PORT" "$@"; }
S() { citus_psql "$PLAIN_PORT" "$@"; }
first_error() { grep -m1 -E 'ERROR' "$1" | sed 's/^psql:[^:]*:[0-9]*: //'; }

C -c 'CREATE EXTENSION pg_ims' && S -c 'CREATE EXTENSION pg_ims' || finish

# ---------------------------------------------------------------- distribute
policies_dropped=""
if C -c 'SELECT ims.distribute()' >"$log/distribute.out" 2>&1; then
	check distribute PASS
elif grep -q 'policies on distributed tables' "$log/distribute.out"; then
	check distribute FAIL "$(first_error "$log/distribute.out") (the policies of item 1, branch tenancy-roles, not merged yet)"
	# So that the checks below say something, the policies are dropped
	# here, in this throwaway cluster only; tenant isolation then fails.
	C -q <<'SQL'
DO $$
DECLARE p record;
BEGIN
	FOR p IN SELECT schemaname, tablename, policyname FROM pg_catalog.pg_policies WHERE schemaname = 'ims' LOOP
		EXECUTE format('DROP POLICY %I ON %I.%I', p.policyname, p.schemaname, p.tablename);
	END LOOP;
END
$$;
SQL
	policies_dropped=yes
	C -c 'SELECT ims.distribute()' >"$log/distribute.out" 2>&1 ||
		{ check distribute-without-policies FAIL "$(first_error "$log/distribute.out")"; finish; }
else
	check distribute FAIL "$(first_error "$log/distribute.out")"
	finish
fi
if C -c 'SELECT ims.distribute()' 2>&1 | grep -q 'already distributed'; then
	check distribute-again PASS
else
	check distribute-again FAIL "a second call did not say it had nothing to do"
fi
tables=$(C -Atc "SELECT count(*) FILTER (WHERE partmethod = 'h') || ' distributed, ' || count(*) FILTER (WHERE partmethod = 'n') || ' reference'
	FROM pg_dist_partition WHERE logicalrelid::text LIKE 'ims.%'")
echo "citus-check: tables: $tables"
S -c "SELECT ims.distribute()" >"$log/distribute-plain.out" 2>&1
if grep -q 'Citus is not installed' "$log/distribute-plain.out" && grep -q 'HINT' "$log/distribute-plain.out"; then
	check distribute-without-citus PASS
else
	check distribute-without-citus FAIL "$(head -n 1 "$log/distribute-plain.out")"
fi

# ---------------------------------------------------------------------- load
load()
{
	local who=$1
	shift
	"$@" -v ON_ERROR_STOP=1 -f scripts/sample_organization.sql >"$log/sample-$who.out" 2>&1 || return 1
	"$@" -v ON_ERROR_STOP=1 >"$log/generate-$who.out" 2>&1 <<'SQL' || return 2
SET client_min_messages = warning;
\i bench/record.sql
CREATE TEMP VIEW bench_org AS SELECT org_id AS n, org_id FROM ims.organization;
\i bench/generate.sql
CALL pg_temp.generate(1001, 1200);
SQL
}
S -c "SELECT 1" >/dev/null
load plain S || { check load-plain FAIL "$(first_error "$log/sample-plain.out")$(first_error "$log/generate-plain.out")"; finish; }
load citus C
case $? in
0) check load-sample PASS; check load-generated PASS ;;
1) check load-sample FAIL "$(first_error "$log/sample-citus.out")"
   # the generated organizations need no init_soa: load them anyway
   C -v ON_ERROR_STOP=1 >"$log/generate-citus.out" 2>&1 <<'SQL' && check load-generated PASS || check load-generated FAIL "$(first_error "$log/generate-citus.out")"
SET client_min_messages = warning;
\i bench/record.sql
CREATE TEMP VIEW bench_org AS SELECT org_id AS n, org_id FROM ims.organization;
\i bench/generate.sql
CALL pg_temp.generate(1001, 1200);
SQL
   ;;
2) check load-sample PASS; check load-generated FAIL "$(first_error "$log/generate-citus.out")" ;;
esac
C -q -c 'ANALYZE' 2>/dev/null
S -q -c 'ANALYZE'

# ---------------------------------------------------------- ids stay unique
# Rows inserted through a worker (Citus keeps a range per node for bigint
# sequences) and through the coordinator.
C -Atc "SELECT ims.create_organization('Through the coordinator')" >"$log/ids.out" 2>&1
citus_psql $((CITUS_PORT + 1)) -Atc "SELECT ims.create_organization('Through worker 1')" >>"$log/ids.out" 2>&1
citus_psql $((CITUS_PORT + 2)) -Atc "SELECT ims.create_organization('Through worker 2')" >>"$log/ids.out" 2>&1
dup=$(C -Atc "SELECT count(*) - count(DISTINCT org_id) FROM ims.organization" 2>&1)
if [ "$dup" = 0 ] && ! grep -q ERROR "$log/ids.out"; then
	check ids-unique PASS "org_ids $(grep -v ERROR "$log/ids.out" | tr '\n' ' ')"
else
	check ids-unique FAIL "$(first_error "$log/ids.out") duplicates: $dup"
fi
C -q -c "DELETE FROM ims.organization WHERE name LIKE 'Through %'" 2>/dev/null

# ------------------------------------------------- (a) the same findings
findings="SELECT org_id, code, grade, standard, ref, message FROM ims.evaluate_findings(NULL, false) ORDER BY 1, 2, 3, 4, 5, 6"
S -Atc "$findings" >"$log/findings-plain.txt"
if C -Atc "$findings" >"$log/findings-citus.txt" 2>"$log/findings-citus.err"; then
	if diff "$log/findings-plain.txt" "$log/findings-citus.txt" >"$log/findings.diff"; then
		check same-findings PASS "$(wc -l <"$log/findings-plain.txt") findings in $(cut -d'|' -f1 "$log/findings-plain.txt" | sort -u | wc -l) organizations"
	else
		check same-findings FAIL "$(grep -c '^<' "$log/findings.diff") missing, $(grep -c '^>' "$log/findings.diff") extra on Citus; codes: $(grep '^[<>]' "$log/findings.diff" | cut -d'|' -f2 | sort | uniq -c | tr -s ' ' | tr '\n' ',')"
	fi
else
	check same-findings FAIL "$(first_error "$log/findings-citus.err")"
fi
# Rule by rule, so that a failing rule is named: each rule's function over
# every organization on Citus, and its rows against the plain server's.
for code in $(S -Atc "SELECT code FROM ims.finding_rule ORDER BY code"); do
	fn="ims.rule_$(echo "$code" | tr 'A-Z' 'a-z')"
	q="SELECT org_id, grade, standard, requirement, ref, arg1, arg2 FROM $fn(NULL) ORDER BY 1, 2, 3, 4, 5, 6, 7"
	S -Atc "$q" >"$log/rule-plain.txt" 2>/dev/null || continue
	if ! C -Atc "$q" >"$log/rule-citus.txt" 2>"$log/rule-citus.err"; then
		echo "  rule $code fails on Citus: $(first_error "$log/rule-citus.err")"
		rules_failing="${rules_failing:-} $code"
	elif ! cmp -s "$log/rule-plain.txt" "$log/rule-citus.txt"; then
		echo "  rule $code gives other rows on Citus: $(wc -l <"$log/rule-plain.txt") on one server, $(wc -l <"$log/rule-citus.txt") on Citus"
		rules_failing="${rules_failing:-} $code"
	fi
done
if [ -z "${rules_failing:-}" ]; then
	check rules PASS "every rule gives the rows it gives on one server"
else
	check rules FAIL "rules failing or different on Citus:${rules_failing}"
fi

# ----------------------------------------------------- (b) tenant isolation
if [ -n "$policies_dropped" ]; then
	check tenant-isolation FAIL "not checked: the policies had to be dropped to distribute (tenancy-roles not merged)"
else
	C -q -c "CREATE ROLE citus_check_member LOGIN" -c "SELECT ims.grant_access(1001, 'citus_check_member', 'read')" >"$log/tenant.out" 2>&1
	seen=$(citus_psql_db "$CITUS_PORT" "$CITUS_DB" -U citus_check_member -Atc \
		"SELECT string_agg(DISTINCT org_id::text, ',') FROM ims.soa_entry" 2>>"$log/tenant.out")
	findings_other=$(citus_psql_db "$CITUS_PORT" "$CITUS_DB" -U citus_check_member -Atc \
		"SELECT count(*) FROM ims.integration_findings(1002)" 2>&1)
	if [ "$seen" = 1001 ] && echo "$findings_other" | grep -q 'permission denied'; then
		check tenant-isolation PASS "a member of organization 1001 sees its rows only and is refused another's findings"
	else
		check tenant-isolation FAIL "the member sees organizations '$seen'; another's findings: $(echo "$findings_other" | head -n 1) $(first_error "$log/tenant.out")"
	fi
fi

# ---------------------------------------------------- (c) one org, one shard
org=1001
max_tasks()
{
	C -Atc "EXPLAIN $1" 2>&1 | awk '/Task Count:/ { n = $NF; if (n + 0 > max) max = n + 0; seen = 1 } /ERROR/ { print "error"; exit } END { if (seen) print max; else print 0 }'
}
wide=""
for view in $(S -Atc "SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id'
		WHERE c.relnamespace = 'ims'::regnamespace AND c.relkind = 'v' AND c.relname LIKE 'report_%' ORDER BY 1"); do
	n=$(max_tasks "SELECT * FROM ims.$view WHERE org_id = $org")
	if [ "$n" = error ]; then
		echo "  view $view fails on Citus: $(C -Atc "SELECT * FROM ims.$view WHERE org_id = $org" 2>&1 | grep -m1 ERROR)"
		wide="$wide $view(error)"
	elif [ "$n" -gt 1 ]; then
		echo "  view $view for one organization: Task Count $n"
		wide="$wide $view($n)"
	fi
done
if [ -z "$wide" ]; then
	check reports-one-shard PASS "every report view filtered to one organization runs as one task"
else
	check reports-one-shard FAIL "views filtered to one organization that touch more than one shard or fail:$wide"
fi
remote=$(C -c "SET citus.log_remote_commands = on" -c "SET client_min_messages = log" \
	-c "SELECT count(*) FROM ims.integration_findings($org)" 2>&1 | tee "$log/remote.out" | grep -c 'issuing' || true)
ms_citus=$(C -c "SELECT count(*) FROM ims.integration_findings($org)" -c "DO \$\$ DECLARE t0 timestamptz := clock_timestamp(); BEGIN FOR i IN 1..5 LOOP PERFORM count(*) FROM ims.integration_findings($org); END LOOP; RAISE NOTICE 'ms=%', round((extract(epoch FROM clock_timestamp() - t0) * 1000 / 5)::numeric, 1); END \$\$" 2>&1 | sed -n 's/.*ms=//p')
ms_plain=$(S -c "SELECT count(*) FROM ims.integration_findings($org)" -c "DO \$\$ DECLARE t0 timestamptz := clock_timestamp(); BEGIN FOR i IN 1..5 LOOP PERFORM count(*) FROM ims.integration_findings($org); END LOOP; RAISE NOTICE 'ms=%', round((extract(epoch FROM clock_timestamp() - t0) * 1000 / 5)::numeric, 1); END \$\$" 2>&1 | sed -n 's/.*ms=//p')
echo "citus-check: validation of organization $org (ims.integration_findings): $remote remote commands; ${ms_citus:-error} ms on Citus, ${ms_plain:-error} ms on one server"
if grep -q ERROR "$log/remote.out"; then
	check validation-one-shard FAIL "$(first_error "$log/remote.out")"
else
	# the shards named, by shard group: one organization's are one group
	ids=$(grep 'issuing' "$log/remote.out" | grep -oE '_[0-9]{6,}\b' | tr -d _ | sort -u | paste -sd, -)
	groups=$(C -Atc "SELECT count(DISTINCT s.shardminvalue) FROM pg_dist_shard s JOIN pg_dist_partition p USING (logicalrelid)
		WHERE p.partmethod = 'h' AND s.shardid = ANY ('{${ids}}'::bigint[])")
	if [ "${groups:-0}" -le 1 ]; then
		check validation-one-shard PASS "$remote remote commands, one shard group"
	else
		check validation-one-shard FAIL "$remote remote commands on $groups shard groups"
	fi
fi

# ----------------------------------------------------------- (d) approval
# An organization whose draft has no finding that blocks approval, on the
# plain server; approved on both, the digests must agree.
approvable=$(S -Atc "SELECT s.org_id FROM ims.soa s WHERE s.status = 'draft' AND s.org_id >= 1001
	AND NOT EXISTS (SELECT 1 FROM ims.validate_soa(s.org_id) v WHERE v.blocks_approval) ORDER BY 1 LIMIT 1")
if [ -z "$approvable" ]; then
	check approval FAIL "no generated organization's draft is free of findings that block approval"
else
	d_plain=$(S -Atc "SELECT ims.approve_soa($approvable, 'Management board')" 2>&1)
	d_citus=$(C -Atc "SELECT ims.approve_soa($approvable, 'Management board')" 2>&1)
	if [ "$d_plain" = "$d_citus" ] && [ ${#d_citus} = 64 ]; then
		check approval PASS "organization $approvable approved on both with the same digest"
	else
		check approval FAIL "one server: $(echo "$d_plain" | head -n 1); Citus: $(echo "$d_citus" | grep -m1 ERROR || echo "$d_citus")"
	fi
fi
# A draft approved by UPDATE, with its true digest, is refused.
forced=$(C -Atc "SELECT org_id, soa_id, ims.soa_digest(org_id, soa_id, 'Board') FROM ims.soa WHERE status = 'draft' AND org_id >= 1001 ORDER BY 1 LIMIT 1" 2>&1)
f_org=$(echo "$forced" | cut -d'|' -f1)
f_soa=$(echo "$forced" | cut -d'|' -f2)
f_digest=$(echo "$forced" | cut -d'|' -f3)
out=$(C -c "UPDATE ims.soa SET status = 'approved', approved_by = 'Board', digest = '$f_digest' WHERE org_id = $f_org AND soa_id = $f_soa" 2>&1)
if echo "$out" | grep -q ERROR; then
	check approval-not-by-update PASS "$(echo "$out" | grep -m1 ERROR)"
else
	check approval-not-by-update FAIL "a hand-written UPDATE approved version $f_soa of organization $f_org"
fi

# ------------------------------------------------- error messages, no shard
out=$(C -c "INSERT INTO ims.soa (org_id, soa_id, version) SELECT org_id, soa_id, version FROM ims.soa WHERE org_id = 1001 LIMIT 1" 2>&1)
if echo "$out" | grep -qE '_[0-9]{6}\b'; then
	check errors-without-shard-names FAIL "$(echo "$out" | grep -m1 -E '_[0-9]{6}')"
else
	check errors-without-shard-names PASS "$(echo "$out" | grep -m1 ERROR)"
fi

# -------------------------------------------------------- dump and restore
# The coordinator's dump, restored into a plain server: the extension, the
# organizations and their findings (the Citus objects of the dump fail
# there, which pg_restore reports and passes).
"$CITUS_BIN/pg_dump" -h "$CITUS_DIR/node$CITUS_PORT" -p "$CITUS_PORT" -U postgres -Fc -f "$log/coordinator.dump" "$CITUS_DB" 2>"$log/dump.err"
S -q -c "CREATE DATABASE restored" 2>/dev/null
"$CITUS_BIN/pg_restore" -h "$CITUS_DIR/node$PLAIN_PORT" -p "$PLAIN_PORT" -U postgres -d restored "$log/coordinator.dump" >"$log/restore.out" 2>&1
citus_psql_db "$PLAIN_PORT" restored -Atc "$findings" >"$log/findings-restored.txt" 2>"$log/restored.err"
C -Atc "$findings" >"$log/findings-citus2.txt" 2>/dev/null
if [ -s "$log/findings-restored.txt" ] && cmp -s "$log/findings-restored.txt" "$log/findings-citus2.txt"; then
	check dump-restore PASS "$(wc -l <"$log/findings-restored.txt") findings after restore, as on the coordinator"
else
	check dump-restore FAIL "$(first_error "$log/dump.err")$(first_error "$log/restored.err") restored $(wc -l <"$log/findings-restored.txt") findings, coordinator $(wc -l <"$log/findings-citus2.txt")"
fi

# ------------------------------------------------- a third worker, rebalanced
before=$(C -Atc "SELECT md5(string_agg(f::text, '' ORDER BY f::text)) FROM ims.evaluate_findings(NULL, false) f" 2>&1)
port=$(citus_add_worker)
C -c "SELECT citus_add_node('127.0.0.1', $port)" >"$log/add.out" 2>&1 &&
	C -c "SELECT rebalance_table_shards(shard_transfer_mode := 'block_writes')" >>"$log/add.out" 2>&1
rc=$?
placed=$(C -Atc "SELECT count(*) FROM citus_shards WHERE nodeport = $port" 2>&1)
after=$(C -Atc "SELECT md5(string_agg(f::text, '' ORDER BY f::text)) FROM ims.evaluate_findings(NULL, false) f" 2>&1)
if [ "$rc" = 0 ] && [ "$placed" -gt 0 ] 2>/dev/null && [ "$before" = "$after" ] && ! echo "$after" | grep -q ERROR; then
	check add-worker-rebalance PASS "$placed shards moved to the new worker, findings unchanged"
else
	check add-worker-rebalance FAIL "$(first_error "$log/add.out") shards on the new worker: $placed; findings before $before, after $(echo "$after" | head -n 1)"
fi
def_new=$(citus_psql "$port" -Atc "SELECT md5(pg_get_functiondef('ims.approve_soa(bigint,text)'::regprocedure)) || ' ' || (SELECT extversion FROM pg_extension WHERE extname = 'pg_ims')" 2>&1)
def_coord=$(C -Atc "SELECT md5(pg_get_functiondef('ims.approve_soa(bigint,text)'::regprocedure)) || ' ' || (SELECT extversion FROM pg_extension WHERE extname = 'pg_ims')" 2>&1)
if [ "$def_new" = "$def_coord" ]; then
	check new-node-definitions PASS "the new worker has pg_ims $(echo "$def_new" | cut -d' ' -f2) with the coordinator's definitions"
else
	check new-node-definitions FAIL "new worker: $def_new; coordinator: $def_coord"
fi

finish
