#!/bin/bash
# bench/load.sh: pg_ims under concurrent load, with pgbench.
#
# 100 organizations, each with a realistic record and a consolidated SoA
# draft (bench/load/setup.sql), are edited and validated at once by
# 8 clients for LOAD_SECONDS (default 60), with a weighted mix of three
# scripts:
#   soa_edit.sql         @5  one SoA decision changed in a random draft
#   evidence_insert.sql  @3  one piece of evidence for a random control
#   findings.sql         @2  count(*) of ims.integration_findings(org)
# Edits and evidence are what a team does all day; the validator is the
# dashboard they look at.  Weights are relative: half the transactions
# edit, and a findings call costs many edits.
#
# The clients log in as ims_load, an ordinary role granted edit on every
# organization with ims.grant_access (docs/tenancy.md: it needs no other
# privilege), so every statement goes through row-level security and the
# extension's triggers, as an application's would.  One organization in
# ten has an approved SoA and a second draft being edited.
#
# While the load runs, a ninth session (as ims_load too) checks three
# times, inside one repeatable-read snapshot, that every draft's digest is
# stable and equals a plain-SQL recomputation (bench/load/snapshot_check.sql).
#
# Afterwards the run passes only if:
#   - pgbench exits 0 and reports 0 failed transactions (no client aborted);
#   - the server log has no "deadlock detected" and no ERROR line;
#   - every organization has one draft of exactly the 131 controls, every
#     committed edit is in place (none lost), every committed evidence
#     insert left its row (bench/load/check.sql);
#   - the versions approved before the load still carry the digest
#     ims.approve_soa returned, and it recomputes both ways;
#   - the digests of every live version, computed twice by the superuser in
#     separate transactions and once by ims_load, are identical and agree
#     with the SQL recomputation (bench/load/digests.sql);
#   - ims.integration_findings as ims_load gives, organization by
#     organization, exactly the findings ims.evaluate_findings gives the
#     superuser.
# Lock waits over deadlock_timeout (1 s) are reported, not failed.
#
# Prints the tps (without initial connection time), each script's latency,
# and ends with "load: PASS" or "load: FAIL (reasons)"; exits 0 or 1.
# Runs as root like scripts/test.sh: the cluster is scripts/cluster.sh's
# throwaway one.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

seconds=${LOAD_SECONDS:-60}
# LOAD_USER=postgres runs the clients as the superuser instead, which
# row-level security does not apply to: the same load without its cost,
# for comparison.  The checks run as both roles either way.
load_user=${LOAD_USER:-ims_load}
# LOAD_HISTORY=off runs it with the history triggers disabled (below).
# LOAD_MIX=writes leaves the validator calls out: only SoA edits and
# evidence inserts, the writes the history costs (bench/history.sh).
findings_script="-f bench/load/findings.sql@2"
[ "${LOAD_MIX:-all}" = writes ] && findings_script=
clients=8
threads=2
orgs=100

. scripts/cluster.sh

# Whatever stops the script, say so in the last line: the stage it was in.
# cluster_start replaces the EXIT trap with its own cluster_stop, so it is
# set again after cluster_setup.
stage="build, install and cluster start (cluster_setup)"
checker_pid=
on_exit()
{
	local rc=$?
	# the snapshot checker runs in the background: stop it before the cluster
	if [ -n "$checker_pid" ]; then
		kill "$checker_pid" 2>/dev/null || true
	fi
	cluster_stop
	if [ "$stage" != done ]; then
		echo "load: FAIL ($stage failed, exit status $rc)"
		[ "$rc" != 0 ] || exit 1
	fi
}
trap on_exit EXIT
cluster_setup
trap on_exit EXIT

# pgbench ships in the postgresql-15 package on Debian 12 (contrib is part
# of it), which deps.sh installs.
PGBENCH=$PGBIN/pgbench
if [ ! -x "$PGBENCH" ]; then
	stage="finding pgbench at $PGBENCH"
	exit 1
fi

work=$CLUSTER_DIR/load
mkdir -p "$work"

psql_su() { psql -At "$@"; }
psql_load() { psql -At -U ims_load "$@"; }

stage="setup (bench/load/setup.sql)"
psql_su -f bench/load/setup.sql
# LOAD_HISTORY=off disables the history triggers after the setup (the
# load without the history of the record, for bench/history.sh's ratio).
if [ "${LOAD_HISTORY:-on}" = off ]; then
	psql_su -c "DO \$\$DECLARE t regclass; BEGIN
		FOR t IN SELECT tgrelid::regclass FROM pg_trigger WHERE tgname = 'history_log' LOOP
			EXECUTE format('ALTER TABLE %s DISABLE TRIGGER history_log', t);
		END LOOP; END\$\$"
fi
echo "history: $(psql_su -c "SELECT CASE WHEN bool_and(tgenabled = 'O') THEN 'on' WHEN bool_or(tgenabled = 'O') THEN 'partly on' ELSE 'off' END
	|| ', ' || count(*) || ' tables' FROM pg_trigger WHERE tgname = 'history_log'")"

# pgbench draws organizations from random(org_lo, org_hi): that is only the
# 100 organizations if their ids are contiguous, as a fresh sequence gives.
read -r org_lo org_hi org_count <<<"$(psql_su -F ' ' -c 'SELECT min(org_id), max(org_id), count(*) FROM load.org')"
if [ "$org_count" != "$orgs" ] || [ $((org_hi - org_lo + 1)) != "$orgs" ]; then
	stage="checking for $orgs contiguous organization ids (got $org_lo..$org_hi, $org_count)"
	exit 1
fi
evidence_before=$(psql_su -c 'SELECT count(*) FROM ims.evidence')

# The snapshot checks, spread over the run (a quarter, half and three
# quarters in).
(
	for i in 1 2 3; do
		sleep $((seconds / 4))
		psql_load -f bench/load/snapshot_check.sql || echo "snapshot check: psql failed"
	done
) >"$work/snapshot.out" 2>&1 &
checker_pid=$!

stage="the load"
echo "pgbench: $clients clients, $threads threads, $seconds s, as $load_user, organizations $org_lo..$org_hi"
pgbench_rc=0
"$PGBENCH" -n -c "$clients" -j "$threads" -T "$seconds" -r -U "$load_user" \
	-D org_lo="$org_lo" -D org_hi="$org_hi" \
	-f bench/load/soa_edit.sql@5 \
	-f bench/load/evidence_insert.sql@3 \
	$findings_script \
	>"$work/pgbench.out" 2>"$work/pgbench.err" || pgbench_rc=$?
wait "$checker_pid" || true
checker_pid=

stage="the checks after the load"
failures=()

# What pgbench measured: tps, failures, and per script its share, latency
# and (with -r) the latency of its statement.
grep -E '^(number of (transactions actually processed|failed transactions)|latency average|tps = .*without)' "$work/pgbench.out" || true
awk '/^SQL script/ { s = $0; sub(/^SQL script [0-9]+: /, "", s); sub(/.*\//, "", s); next }
	s != "" && /^ - [0-9]+ transactions/ { tx = $2; tps = $0; sub(/.*tps = /, "", tps); sub(/\).*/, "", tps) }
	s != "" && /^ - number of failed/ { failed = $6 }
	s != "" && /^ - latency average/ { lat = $5 }
	s != "" && /^ - latency stddev/ { printf "  %-20s %7s transactions  tps %8.2f  failed %s  latency average %8.3f ms, stddev %8.3f ms\n", s, tx, tps, failed, lat, $5; s = "" }' \
	"$work/pgbench.out"
if [ -s "$work/pgbench.err" ]; then
	# client aborts and errors land here; show the first few
	head -n 5 "$work/pgbench.err" | sed 's/^/  pgbench: /'
fi
[ "$pgbench_rc" = 0 ] || failures+=("pgbench exited $pgbench_rc")
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$work/pgbench.out")
[ "${failed:-missing}" = 0 ] || failures+=("${failed:-unknown} failed transactions")
# Per-script counts of committed transactions, for the row checks.
script_tx()
{
	awk -v f="$1" '/^SQL script/ { on = index($0, f) > 0; next }
		on && /^ - [0-9]+ transactions/ { print $2; exit }' "$work/pgbench.out"
}
edits=$(script_tx soa_edit.sql)
inserts=$(script_tx evidence_insert.sql)

cat "$work/snapshot.out"
bad=$(grep -c -v -E '^snapshot check: [0-9]+ drafts; 0 differ from the SQL recomputation, 0 changed within the snapshot, 0 without their 131 entries$' "$work/snapshot.out" || true)
runs=$(grep -c '^snapshot check:' "$work/snapshot.out" || true)
[ "$bad" = 0 ] && [ "$runs" = 3 ] || failures+=("snapshot checks under load")

if [ -n "$edits" ] && [ -n "$inserts" ]; then
	psql_su -v edits="$edits" -v inserts="$inserts" -v evidence_before="$evidence_before" -v clients="$clients" \
		-f bench/load/check.sql | tee "$work/check.out"
	while read -r line; do
		failures+=("${line#FAIL }")
	done < <(grep '^FAIL' "$work/check.out" || true)
else
	failures+=("no per-script transaction counts from pgbench")
fi

# Digests of every live version, by three sessions in three transactions.
psql_su -f bench/load/digests.sql >"$work/digests.su1"
psql_su -f bench/load/digests.sql >"$work/digests.su2"
psql_load -f bench/load/digests.sql >"$work/digests.load"
versions=$(wc -l <"$work/digests.su1")
disagree=$(awk -F'|' '$4 != $5 || $4 == "" || ($3 == "draft" && $6 != 131)' "$work/digests.su1" | wc -l)
if cmp -s "$work/digests.su1" "$work/digests.su2" && cmp -s "$work/digests.su1" "$work/digests.load" \
	&& [ "$disagree" = 0 ] && [ "$versions" = $((orgs + orgs / 10)) ]; then
	echo "ok digests: $versions live versions, the same in three sessions (superuser twice, ims_load), ims.soa_digest = SQL recomputation"
else
	echo "FAIL digests: $versions live versions, $disagree where ims.soa_digest and the SQL recomputation disagree or a draft lacks entries"
	diff "$work/digests.su1" "$work/digests.su2" | head -n 5 || true
	diff "$work/digests.su1" "$work/digests.load" | head -n 5 || true
	failures+=("digests inconsistent")
fi

# The validator sees the same through row-level security as the superuser
# sees without it.
psql_load -c "SELECT g.org_id, f.code, f.severity, f.ref, f.message
	FROM load.org g, ims.integration_findings(g.org_id) f
	ORDER BY g.org_id, f.code, f.severity, f.ref COLLATE \"C\", f.message COLLATE \"C\"" >"$work/findings.load"
psql_su -c "SELECT f.org_id, f.code, f.grade, f.ref, f.message FROM ims.evaluate_findings(NULL, false) f
	ORDER BY f.org_id, f.code, f.grade, f.ref COLLATE \"C\", f.message COLLATE \"C\"" >"$work/findings.su"
findings=$(wc -l <"$work/findings.su")
if cmp -s "$work/findings.load" "$work/findings.su" && [ "$findings" -gt 0 ]; then
	echo "ok findings: $findings findings after the load, the same through row-level security as for the superuser"
else
	echo "FAIL findings: ims_load sees $(wc -l <"$work/findings.load") findings, the superuser $findings"
	failures+=("findings differ under row-level security")
fi

# The server log: deadlocks and errors fail the run; lock waits are
# worth knowing.
deadlocks=$(grep -c 'deadlock detected' "$CLUSTER_LOG" || true)
errors=$(grep -c -E '(ERROR|FATAL|PANIC):' "$CLUSTER_LOG" || true)
waits=$(grep -c 'still waiting for' "$CLUSTER_LOG" || true)
echo "server log: $deadlocks deadlocks, $errors ERROR/FATAL/PANIC lines, $waits lock waits over deadlock_timeout"
grep -E '(ERROR|FATAL|PANIC):|still waiting for' "$CLUSTER_LOG" | head -n 10 | sed 's/^/  /' || true
[ "$deadlocks" = 0 ] || failures+=("$deadlocks deadlocks")
[ "$errors" = 0 ] || failures+=("$errors errors in the server log")

stage=done
if [ ${#failures[@]} = 0 ]; then
	echo "load: PASS"
	exit 0
fi
reasons=$(printf '%s; ' "${failures[@]}")
echo "load: FAIL (${reasons%; })"
exit 1
