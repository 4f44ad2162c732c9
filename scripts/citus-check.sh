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
#     server, organization by organization, and the same documents, and every rule and report view
#     that fails on Citus by name; every view the same for four
#     organizations at once, and whole; tenant isolation for a non-superuser;
#     one organization's validation and reports on one shard (EXPLAIN's
#     Task Count, remote commands per validation, time against the plain
#     server); approval by ims.approve_soa and no approval by UPDATE;
#     error messages without shard names; a dump of the coordinator
#     restored; a third worker added and the shards rebalanced, findings
#     unchanged and the extension's definitions on the new node; an update
#     by ALTER EXTENSION on the coordinator.
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

# ---------------------------------------------------------------------- load
# The data is made on the plain server, and moved to the coordinator as a
# DBA moves a database that outgrew its server: pg_dump, pg_restore into
# the coordinator (where Citus is), then ims.distribute().  Both then hold
# the same rows, ids and times, so their findings can be compared line by
# line.  The sample is loaded once more on both after distributing: that
# runs init_soa, the record functions and the triggers on Citus.
generate_orgs()
{
	"$@" -v ON_ERROR_STOP=1 <<'SQL'
SET client_min_messages = warning;
\i bench/record.sql
CREATE TEMP VIEW bench_org AS SELECT org_id AS n, org_id FROM ims.organization;
\i bench/generate.sql
CALL pg_temp.generate(1001, 1200);
SQL
}
if S -c 'CREATE EXTENSION pg_ims' >"$log/load-plain.out" 2>&1 &&
	S -v ON_ERROR_STOP=1 -f scripts/sample_organization.sql >>"$log/load-plain.out" 2>&1 &&
	generate_orgs S >>"$log/load-plain.out" 2>&1; then
	check load-plain PASS "$(S -Atc "SELECT count(*) FROM ims.organization") organizations, $(S -Atc "SELECT count(*) FROM ims.soa_entry") SoA entries"
else
	check load-plain FAIL "$(first_error "$log/load-plain.out")"
	finish
fi
"$CITUS_BIN/pg_dump" -h "$CITUS_DIR/node$PLAIN_PORT" -p "$PLAIN_PORT" -U postgres -Fc -f "$log/plain.dump" "$CITUS_DB" &&
	"$CITUS_BIN/pg_restore" -h "$CITUS_DIR/node$CITUS_PORT" -p "$CITUS_PORT" -U postgres -d "$CITUS_DB" \
		--exit-on-error "$log/plain.dump" >"$log/restore-coordinator.out" 2>&1 &&
	C -q -c 'SELECT ims.sync_access()' >>"$log/restore-coordinator.out" 2>&1
if [ $? = 0 ]; then
	check move-to-coordinator PASS "pg_dump of the plain server restored on the coordinator"
else
	check move-to-coordinator FAIL "$(first_error "$log/restore-coordinator.out")"
	finish
fi

# ---------------------------------------------------------------- distribute
if C -c 'SELECT ims.distribute()' >"$log/distribute.out" 2>&1; then
	check distribute PASS "$(C -Atc "SELECT count(*) FILTER (WHERE partmethod = 'h') || ' distributed tables, ' || count(*) FILTER (WHERE partmethod = 'n') || ' reference tables'
		FROM pg_dist_partition WHERE logicalrelid::text LIKE 'ims.%'")"
else
	check distribute FAIL "$(grep -m2 -E 'ERROR|DETAIL' "$log/distribute.out" | tr '\n' ' ')"
	finish
fi
if C -c 'SELECT ims.distribute()' 2>&1 | grep -q 'already distributed'; then
	check distribute-again PASS
else
	check distribute-again FAIL "a second call did not say it had nothing to do"
fi
S -c "SELECT ims.distribute()" >"$log/distribute-plain.out" 2>&1
if grep -q 'Citus is not installed' "$log/distribute-plain.out" && grep -q 'HINT' "$log/distribute-plain.out"; then
	check distribute-without-citus PASS "$(grep -m1 ERROR "$log/distribute-plain.out")"
else
	check distribute-without-citus FAIL "$(head -n 1 "$log/distribute-plain.out")"
fi
C -q -c 'ANALYZE' 2>/dev/null
S -q -c 'ANALYZE'

# ---------------------------------------------------------- ids stay unique
# Rows inserted through a worker (Citus keeps a range per node for bigint
# sequences) and through the coordinator.
# (An organization cannot be made on a worker: its roles are made with
# it, and Citus makes roles only on the coordinator.)  Risks of one
# organization, one through each node.
ins="INSERT INTO ims.risk (org_id, title, risk_type) VALUES (1001, 'Inserted through a node', 'privacy') RETURNING risk_id"
C -Atc "$ins" >"$log/ids.out" 2>&1
citus_psql $((CITUS_PORT + 1)) -Atc "$ins" >>"$log/ids.out" 2>&1
citus_psql $((CITUS_PORT + 2)) -Atc "$ins" >>"$log/ids.out" 2>&1
dup=$(C -Atc "SELECT count(*) - count(DISTINCT risk_id) FROM ims.risk" 2>&1)
if [ "$dup" = 0 ] && ! grep -q ERROR "$log/ids.out"; then
	check ids-unique PASS "risk_ids $(grep -v ERROR "$log/ids.out" | grep -E '^[0-9]+$' | tr '\n' ' ')through the coordinator and each worker"
else
	check ids-unique FAIL "$(first_error "$log/ids.out") duplicates: $dup"
fi
C -q -c "DELETE FROM ims.risk WHERE org_id = 1001 AND title = 'Inserted through a node'" 2>/dev/null

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
# The sample once more, on both, now through Citus: init_soa, the record
# functions, the triggers; then the findings again.
S -v ON_ERROR_STOP=1 -f scripts/sample_organization.sql >"$log/sample-plain.out" 2>&1
if C -v ON_ERROR_STOP=1 -f scripts/sample_organization.sql >"$log/sample-citus.out" 2>&1; then
	S -Atc "$findings" >"$log/findings-plain.txt"
	C -Atc "$findings" >"$log/findings-citus.txt" 2>"$log/findings-citus.err"
	if cmp -s "$log/findings-plain.txt" "$log/findings-citus.txt"; then
		check load-sample-on-citus PASS "the sample loaded through Citus; findings still the same"
	else
		check load-sample-on-citus FAIL "the sample loaded, but the findings differ: $(diff "$log/findings-plain.txt" "$log/findings-citus.txt" | grep '^[<>]' | cut -d'|' -f1,2 | sort | uniq -c | head -n 5 | tr -s ' ' | tr '\n' ',')"
	fi
else
	check load-sample-on-citus FAIL "$(first_error "$log/sample-citus.out") at $(grep -m1 -A3 ERROR "$log/sample-citus.out" | grep -m1 -E 'statement|function' | head -c 200)"
fi

# The documents of one organization, on both: the same text but for the
# time they were generated.  (Organization 1002: the ids check above wrote
# to 1001 on Citus only, which moved its history head.)
documents=""
for doc in "soa_json(1002)::text" "soa_document(1002)" "soa_document(1002, 'html')"; do
	q="SELECT md5(regexp_replace(ims.$doc, '(Generated on</th><td>|Generated on:? )[^<\n]*', '', 'g'))"
	d_plain=$(S -Atc "$q" 2>&1)
	d_citus=$(C -Atc "$q" 2>&1)
	if [ "$d_plain" != "$d_citus" ]; then
		documents="$documents ${doc%%(*}$(case $doc in *html*) echo '(html)';; esac): $(echo "$d_citus" | grep -m1 ERROR || echo 'differs');"
	fi
done
if [ -z "$documents" ]; then
	check same-documents PASS "organization 1002's SoA as JSON, Markdown and HTML the same on Citus as on one server"
else
	check same-documents FAIL "$documents"
fi

# Every view with an org_id, read on both for four organizations at once:
# the sample (its AI systems, suppliers, datasets, audits) and three
# generated ones, each on a shard of its own; a filter Citus cannot route
# to one shard, as a dashboard over several organizations reads.  The same
# rows on Citus as on one server, and rows there to compare: the four were
# moved by pg_dump with their ids and times and written by no check before
# this one.  Read whole as well, but for the views that validate, the
# number of rows (the sample loaded since has other ids on each).  Views
# are read as count(v.*), so that every column is computed.
orgs=$(C -Atc "SELECT string_agg(org_id::text, ',' ORDER BY org_id) FROM (
                (SELECT min(org_id) AS org_id FROM ims.organization WHERE name = 'Nimbus Analytics GmbH')
                UNION ALL
                (SELECT DISTINCT ON (get_shard_id_for_distribution_column('ims.organization', org_id)) org_id
                 FROM ims.organization WHERE org_id > 1002 AND name LIKE 'Synthetic organization %'
                 ORDER BY get_shard_id_for_distribution_column('ims.organization', org_id), org_id LIMIT 3)) AS x" 2>&1)
views_bad=""
views_read=0
# same_on_both WHAT QUERY: QUERY's result on both servers, in $compared;
# fails, and says why in views_bad, when either errs or they differ
same_on_both()
{
	local p c
	p=$(S -Atc "$2" 2>&1)
	c=$(C -Atc "$2" 2>&1)
	compared=$p
	[[ $p$c != *ERROR* ]] && [ "$p" = "$c" ] && return 0
	views_bad="$views_bad $1: $(echo "$c" | grep -m1 ERROR || echo "$c") on Citus, $(echo "$p" | grep -m1 ERROR || echo "$p") on one server;"
	return 1
}
if ! [[ $orgs =~ ^[0-9]+,[0-9]+,[0-9]+,[0-9]+$ ]]; then
	views_bad="not four organizations to read: $orgs"
else
	for view in $(S -Atc "SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id'
	                      WHERE c.relnamespace = 'ims'::regnamespace AND c.relkind = 'v' ORDER BY c.relname COLLATE \"C\""); do
		if same_on_both "$view (four organizations)" \
			"SELECT count(v.*), md5(coalesce(string_agg(v::text, E'\n' ORDER BY v::text COLLATE \"C\"), '')) FROM ims.$view v WHERE v.org_id IN ($orgs)" &&
			[[ $compared == 0\|* ]]; then
			views_bad="$views_bad $view: no rows for the four organizations, nothing compared;"
		fi
		case $view in
		report_findings | report_nonconformities | report_readiness | report_ai_systems) ;;
		*) same_on_both "$view (whole)" "SELECT count(v.*) FROM ims.$view v" || true ;;
		esac
		views_read=$((views_read + 1))
	done
	[ "$views_read" -gt 0 ] || views_bad="no view with an org_id"
fi
if [ -z "$views_bad" ]; then
	check views-several-organizations PASS "$views_read views the same on Citus as on one server for organizations $orgs at once, and whole"
else
	check views-several-organizations FAIL "$views_bad"
fi

# ----------------------------------------------------- (b) tenant isolation
{
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
}

# ---------------------------------------------------- (c) one org, one shard
org=1001
# every rule, report view and per-organization function, by the routing
# check of the rule-routing work (scripts/check-citus-routing.sh)
if PGHOST=$CITUS_DIR/node$CITUS_PORT PGPORT=$CITUS_PORT PGUSER=postgres PGDATABASE=$CITUS_DB \
	ROUTING_ORG=$org CITUS_ROUTING_REQUIRED=1 PATH=$CITUS_BIN:$PATH \
	scripts/check-citus-routing.sh >"$log/routing.out" 2>&1; then
	check routing PASS "every rule, report view and function of organization $org on one shard (scripts/check-citus-routing.sh)"
else
	check routing FAIL "$(grep -ciE 'fail|error|not routed$' "$log/routing.out") lines of scripts/check-citus-routing.sh failing:"
	grep -iE 'fail|error|not routed$' "$log/routing.out" | head -n 30 | sed 's/^/  /'
fi
# One validation, on both: remote commands (citus.log_remote_commands),
# the shard groups they read, and the mean time of five calls.
timed_ms()
{
	"$@" -c "SELECT count(*) FROM $call" -c "DO \$\$ DECLARE t0 timestamptz := clock_timestamp(); BEGIN
		FOR i IN 1..5 LOOP PERFORM count(*) FROM $call; END LOOP;
		RAISE NOTICE 'ms=%', round((extract(epoch FROM clock_timestamp() - t0) * 1000 / 5)::numeric, 1); END \$\$" 2>&1 |
		sed -n 's/.*ms=//p'
}
for fn in validate_soa integration_findings; do
	call="ims.$fn($org)"
	remote=$(C -c "SET citus.log_remote_commands = on" -c "SET client_min_messages = log" \
		-c "SELECT count(*) FROM $call" 2>&1 | tee "$log/remote.out" | grep -c 'issuing' || true)
	ms_citus=$(timed_ms C)
	ms_plain=$(timed_ms S)
	echo "citus-check: $call: $remote remote commands; ${ms_citus:-error} ms on Citus, ${ms_plain:-error} ms on one server"
	if grep -q ERROR "$log/remote.out"; then
		check "$fn-one-shard" FAIL "$(first_error "$log/remote.out")"
	elif [ "$remote" = 0 ]; then
		check "$fn-one-shard" FAIL "no remote command logged: the check cannot tell"
	else
		# the shards named, by shard group: one organization's are one group
		ids=$(grep 'issuing' "$log/remote.out" | grep -oE '_[0-9]{6,}\b' | tr -d _ | sort -u | paste -sd, -)
		groups=$(C -Atc "SELECT count(DISTINCT s.shardminvalue) FROM pg_dist_shard s JOIN pg_dist_partition p USING (logicalrelid)
			WHERE p.partmethod = 'h' AND s.shardid = ANY ('{${ids}}'::bigint[])")
		if [ "${groups:-0}" -le 1 ]; then
			check "$fn-one-shard" PASS "$remote remote commands, one shard group"
		else
			check "$fn-one-shard" FAIL "$remote remote commands on $groups shard groups"
		fi
	fi
done

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
forced=$(C -Atc "SELECT org_id, soa_id FROM ims.soa WHERE status = 'draft' AND org_id >= 1001 ORDER BY 1 LIMIT 1" 2>&1)
f_org=$(echo "$forced" | cut -d'|' -f1)
f_soa=$(echo "$forced" | cut -d'|' -f2)
f_digest=$(C -Atc "SELECT ims.soa_digest($f_org, $f_soa, 'Board')" 2>&1)
out=$(C -c "UPDATE ims.soa SET status = 'approved', approved_by = 'Board', digest = '$f_digest' WHERE org_id = $f_org AND soa_id = $f_soa" 2>&1)
if echo "$out" | grep -q ERROR; then
	check approval-not-by-update PASS "$(echo "$out" | grep -m1 ERROR)"
else
	check approval-not-by-update FAIL "a hand-written UPDATE approved version $f_soa of organization $f_org"
fi

# ------------------------------------------------- error messages, no shard
out=$(C -c "INSERT INTO ims.organization (org_id, name) VALUES (1001, 'Duplicate')" 2>&1)
if echo "$out" | grep -qE '_[0-9]{6}\b'; then
	check errors-without-shard-names FAIL "$(echo "$out" | grep -m1 -E '_[0-9]{6}')"
else
	if echo "$out" | grep -q ERROR; then
		check errors-without-shard-names PASS "$(echo "$out" | grep -m1 ERROR)"
	else
		check errors-without-shard-names FAIL "the duplicate organization was not refused"
	fi
fi

# -------------------------------------------------------- dump and restore
# The coordinator's dump, restored into a plain server: the extension, the
# organizations and their findings (the Citus objects of the dump fail
# there, which pg_restore reports and passes).
"$CITUS_BIN/pg_dump" -h "$CITUS_DIR/node$CITUS_PORT" -p "$CITUS_PORT" -U postgres -Fc -f "$log/coordinator.dump" "$CITUS_DB" 2>"$log/dump.err"
S -q -c "CREATE DATABASE restored" 2>/dev/null
"$CITUS_BIN/pg_restore" -h "$CITUS_DIR/node$PLAIN_PORT" -p "$PLAIN_PORT" -U postgres -d restored "$log/coordinator.dump" >"$log/restore.out" 2>&1
# the rows of the main tables, restored against the coordinator's
rows="SELECT string_agg(t || ' ' || n || ' ' || h, ', ' ORDER BY t) FROM (
	SELECT 'organization' AS t, count(*) AS n, md5(string_agg(o::text, '' ORDER BY o.org_id)) AS h FROM ims.organization o
	UNION ALL SELECT 'soa', count(*), md5(string_agg(s::text, '' ORDER BY s.org_id, s.soa_id)) FROM ims.soa s
	UNION ALL SELECT 'soa_entry', count(*), md5(string_agg(e::text, '' ORDER BY e.org_id, e.soa_id, e.standard, e.control_id)) FROM ims.soa_entry e
	UNION ALL SELECT 'risk', count(*), md5(string_agg(r::text, '' ORDER BY r.org_id, r.risk_id)) FROM ims.risk r
	UNION ALL SELECT 'evidence', count(*), md5(string_agg(v::text, '' ORDER BY v.org_id, v.evidence_id)) FROM ims.evidence v
	UNION ALL SELECT 'history', count(*), md5(string_agg(h.hash, '' ORDER BY h.org_id, h.seq)) FROM ims.history h) x"
r_restored=$(citus_psql_db "$PLAIN_PORT" restored -Atc "$rows" 2>&1)
r_coord=$(C -Atc "$rows" 2>&1)
if [ "$r_restored" = "$r_coord" ] && ! echo "$r_coord" | grep -q ERROR; then
	check dump-restore PASS "the coordinator's dump restored into a plain server holds its rows: $(echo "$r_coord" | sed 's/ [0-9a-f]\{32\}//g')"
else
	check dump-restore FAIL "$(first_error "$log/dump.err") restored: $(echo "$r_restored" | head -c 300); coordinator: $(echo "$r_coord" | head -c 300)"
fi

# ------------------------------------------------- a third worker, rebalanced
# the rows of the main tables, and the SoA findings of five organizations
# (validate_soa routes; the findings of every rule do not yet: above)
state()
{
	C -Atc "$rows" 2>&1
	for o in 1001 1002 1003 1004 1005; do
		C -Atc "SELECT $o || ' ' || count(*) || ' ' || md5(string_agg(v::text, '' ORDER BY v::text)) FROM ims.validate_soa($o) v" 2>&1
	done
}
before=$(state)
port=$(citus_add_worker)
C -c "SELECT citus_add_node('127.0.0.1', $port)" >"$log/add.out" 2>&1 &&
	C -c "SELECT rebalance_table_shards(shard_transfer_mode := 'block_writes')" >>"$log/add.out" 2>&1 &&
	C -c "SELECT ims.distribute()" >>"$log/add.out" 2>&1
rc=$?
placed=$(C -Atc "SELECT count(*) FROM pg_dist_placement p JOIN pg_dist_node n USING (groupid) JOIN pg_dist_shard s USING (shardid)
	JOIN pg_dist_partition d USING (logicalrelid) WHERE n.nodeport = $port AND d.partmethod = 'h'" 2>&1)
after=$(state)
if [ "$rc" = 0 ] && [ "$placed" -gt 0 ] 2>/dev/null && [ "$before" = "$after" ] && ! echo "$after" | grep -q ERROR; then
	check add-worker-rebalance PASS "$placed shards of distributed tables moved to the new worker; rows and SoA findings unchanged"
else
	check add-worker-rebalance FAIL "$(first_error "$log/add.out") shards on the new worker: $placed; state before: $(echo "$before" | head -c 200); after: $(echo "$after" | head -c 200)"
fi
def_new=$(citus_psql "$port" -Atc "SELECT md5(pg_get_functiondef('ims.approve_soa(bigint,text)'::regprocedure)) || ' ' || (SELECT extversion FROM pg_extension WHERE extname = 'pg_ims')" 2>&1)
def_coord=$(C -Atc "SELECT md5(pg_get_functiondef('ims.approve_soa(bigint,text)'::regprocedure)) || ' ' || (SELECT extversion FROM pg_extension WHERE extname = 'pg_ims')" 2>&1)
if [ "$def_new" = "$def_coord" ]; then
	check new-node-definitions PASS "the new worker has pg_ims $(echo "$def_new" | cut -d' ' -f2) with the coordinator's definitions"
else
	check new-node-definitions FAIL "new worker: $def_new; coordinator: $def_coord"
fi

# ------------------------------------------- an update, on the cluster
# ALTER EXTENSION pg_ims UPDATE on the coordinator, as docs/scale-out.md
# says to update: Citus runs the update script on every node and forwards
# the script's changes of distributed tables to their shards.  The update
# is one made for the check, from this version to "<version>.update-check",
# written the way docs/development.md asks an update to be written: the
# existing tables changed first, with IF NOT EXISTS (each worker's own run
# of the script has changed them there already), then a new table, a
# function; then ims.distribute() distributes the new table.  Written
# into the check's private server tree, which every node reads.
v=$(C -Atc "SELECT extversion FROM pg_extension WHERE extname = 'pg_ims'")
ext=$CITUS_DIR/root$("$PG_CONFIG" --sharedir)/extension
cat >"$ext/pg_ims--$v--$v.update-check.sql" <<'UPDATE'
ALTER TABLE @extschema@.risk ADD COLUMN IF NOT EXISTS update_check text;
COMMENT ON COLUMN @extschema@.risk.update_check IS 'made by make citus-check''s update';
CREATE TABLE @extschema@.update_check (
	org_id bigint NOT NULL REFERENCES @extschema@.organization,
	n integer NOT NULL,
	PRIMARY KEY (org_id, n)
);
COMMENT ON TABLE @extschema@.update_check IS 'made by make citus-check''s update';
CREATE OR REPLACE FUNCTION @extschema@.update_check() RETURNS text LANGUAGE sql AS $$SELECT 'updated'$$;
UPDATE
chmod 644 "$ext/pg_ims--$v--$v.update-check.sql"
# the SoA findings of five organizations (the rows of ims.risk gain a column)
before=$(state | tail -n 5)
C -c "ALTER EXTENSION pg_ims UPDATE TO '$v.update-check'" >"$log/update.out" 2>&1 &&
	C -c "SELECT ims.distribute()" >>"$log/update.out" 2>&1 &&
	C -c "INSERT INTO ims.update_check VALUES (1001, 1), (1002, 1)" -c "UPDATE ims.risk SET update_check = 'x' WHERE org_id = 1003" >>"$log/update.out" 2>&1
rc=$?
nodes=$(C -Atc "SELECT string_agg(DISTINCT result, ',') FROM run_command_on_workers(\$\$SELECT extversion || ' ' || ims.update_check() FROM pg_extension WHERE extname = 'pg_ims'\$\$)" 2>&1)
shards=$(C -Atc "SELECT count(*) FILTER (WHERE result = '1') || ' of ' || count(*) FROM run_command_on_shards('ims.risk', \$\$SELECT count(*) FROM pg_attribute WHERE attrelid = '%s'::regclass AND attname = 'update_check'\$\$)" 2>&1)
new_table=$(C -Atc "SELECT partmethod FROM pg_dist_partition WHERE logicalrelid = 'ims.update_check'::regclass" 2>&1)
after=$(state | tail -n 5)
if [ "$rc" = 0 ] && [ "$nodes" = "$v.update-check updated" ] && [ "${shards%% of *}" = "${shards##* of }" ] &&
	[ "$new_table" = h ] && [ "$before" = "$after" ]; then
	check update-on-cluster PASS "ALTER EXTENSION pg_ims UPDATE on the coordinator: every worker at $v.update-check, the new column in $shards shards of ims.risk, the new table distributed by ims.distribute(); SoA findings unchanged"
else
	check update-on-cluster FAIL "$(first_error "$log/update.out") workers: $nodes; shards with the column: $shards; new table: $new_table"
fi

finish
