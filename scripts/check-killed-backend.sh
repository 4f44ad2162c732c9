#!/bin/bash
# scripts/check-killed-backend.sh: a backend killed (SIGKILL) in the middle
# of ims.import_catalog, ims.init_soa and ims.approve_soa leaves nothing
# half-written.  Each call is paused mid-way by a trigger that waits for an
# advisory lock another session holds, after it has written rows into
# several tables; the three backends are then killed at once, the
# postmaster restarts every backend and recovers from the WAL, and the
# check reconnects and compares the record with what it was before.  At the
# end the same calls, unpaused, succeed and change what was compared.
#
# A SIGKILL makes the postmaster log "terminated by signal 9", which the
# server-log check of scripts/test.sh counts as a crash; so this check runs
# in a throwaway cluster of its own.
set -eu
cd "$(dirname "$0")/.."
. scripts/cluster.sh
cluster_start
db=regress_pg_ims_killed
victims=()
trap 'for p in "${victims[@]}"; do kill "$p" 2>/dev/null || true; done; cluster_stop' EXIT

fail() { echo "FAILED: $*"; exit 1; }

"$PGBIN/createdb" $db
export PGDATABASE=$db			# for the psql of scripts/cluster.sh
psql -c "CREATE EXTENSION pg_ims"
# An organization with an approved SoA and a draft after it (the draft
# approves: its findings are those of the approved version), and one
# without any SoA.
psql -v catalog="$(cat data/catalog_good.json)" -v mapping="$(cat data/mapping_good.json)" \
	-v reader=regress_pg_ims_killed_reader -f scripts/fill_checked_database.sql
psql >/dev/null <<'SQL'
SELECT ims.create_organization('Killed Mid-Call Ltd') AS fresh \gset
UPDATE ims.organization SET standards = '{iso27001:2022}' WHERE org_id = :fresh;
-- The pause: wait for the advisory lock (2026, 20), held by another session.
CREATE FUNCTION public.killed_pause() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_advisory_lock(2026, 20);
	RETURN NULL;
END
$$;
-- import_catalog: after standard and clause, at the insert of the controls
CREATE TRIGGER killed_pause AFTER INSERT ON ims.control
	FOR EACH STATEMENT EXECUTE FUNCTION public.killed_pause();
-- init_soa: after the new version and its entries
CREATE TRIGGER killed_pause AFTER INSERT ON ims.soa_entry
	FOR EACH STATEMENT EXECUTE FUNCTION public.killed_pause();
-- approve_soa: after superseding the approved version and approving the draft
CREATE TRIGGER killed_pause AFTER UPDATE ON ims.soa
	FOR EACH ROW WHEN (NEW.status = 'approved') EXECUTE FUNCTION public.killed_pause();
SQL
approved_org=$(psql -At -c "SELECT org_id FROM ims.soa WHERE status = 'draft' AND version = 2")
fresh_org=$(psql -At -c "SELECT org_id FROM ims.organization WHERE name = 'Killed Mid-Call Ltd'")
[ -n "$approved_org" ] && [ -n "$fresh_org" ] || fail "the set-up made no draft to approve"

# What must not change: every SoA version and entry, and the catalogs.
state_sql="SELECT concat_ws(' | ',
	(SELECT string_agg(concat_ws(':', org_id, soa_id, version, status, approved_by, approved_at, digest), ',' ORDER BY org_id, soa_id) FROM ims.soa),
	(SELECT count(*) || ' entries ' || md5(string_agg(concat_ws(':', org_id, soa_id, standard, control_id, applicability, justification), ',' ORDER BY org_id, soa_id, standard, control_id)) FROM ims.soa_entry),
	(SELECT count(*) || ' standards' FROM ims.standard), (SELECT count(*) || ' clauses' FROM ims.clause),
	(SELECT count(*) || ' controls' FROM ims.control))"
before=$(psql -At -c "$state_sql")

catalog='{"format": "pg_ims/catalog", "format_version": 1,
  "standard": {"code": "killed:2026", "title": "Killed Mid-Call Standard", "kind": "control_catalog"},
  "clauses": [{"number": "4", "title": "Context"}, {"number": "5", "title": "Leadership"}],
  "controls": [{"id": "K.1", "title": "First control"}, {"id": "K.2", "title": "Second control"}]}'

# The session that holds the lock; then the three calls, each in its own
# session, named so that pg_stat_activity finds them.
psql -c "SELECT pg_advisory_lock(2026, 20), pg_sleep(60)" >/dev/null 2>&1 &
victims+=($!)
for i in $(seq 50); do
	[ "$(psql -At -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")" = 1 ] && break
	sleep 0.1
done
PGAPPNAME=killed_import psql -v doc="$catalog" >/dev/null 2>&1 <<<"SELECT ims.import_catalog(:'doc');" &
victims+=($!)
PGAPPNAME=killed_init psql -c "SELECT ims.init_soa($fresh_org)" >/dev/null 2>&1 &
victims+=($!)
PGAPPNAME=killed_approve psql -c "SELECT ims.approve_soa($approved_org, 'Management board')" >/dev/null 2>&1 &
victims+=($!)
waiting=0
for i in $(seq 100); do
	waiting=$(psql -At -c "SELECT count(*) FROM pg_stat_activity
		WHERE application_name LIKE 'killed_%' AND wait_event_type = 'Lock' AND wait_event = 'advisory'")
	[ "$waiting" = 3 ] && break
	sleep 0.1
done
[ "$waiting" = 3 ] || { psql -c "SELECT application_name, state, wait_event_type, wait_event, left(query, 60) FROM pg_stat_activity WHERE application_name LIKE 'killed_%'"; fail "only $waiting of the three calls reached the pause"; }

# Mid-call: each has written into the tables it writes (it holds their
# row-exclusive locks), and nothing of it is visible yet.
written=$(psql -At -F ' ' -c "SELECT a.application_name,
		string_agg(DISTINCT l.relation::regclass::text, ',' ORDER BY l.relation::regclass::text)
	FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
	WHERE a.application_name LIKE 'killed_%' AND l.mode = 'RowExclusiveLock' AND l.locktype = 'relation'
	  AND l.relation::regclass::text IN ('ims.standard', 'ims.clause', 'ims.control', 'ims.soa', 'ims.soa_entry')
	GROUP BY a.application_name ORDER BY 1")
echo "$written"
[ "$written" = "killed_approve ims.soa
killed_import ims.clause,ims.control,ims.standard
killed_init ims.soa,ims.soa_entry" ] || fail "the calls were not paused where expected"

pids=$(psql -At -c "SELECT string_agg(pid::text, ' ') FROM pg_stat_activity WHERE application_name LIKE 'killed_%'")
echo "killing backends $pids with SIGKILL"
# shellcheck disable=SC2086
kill -KILL $pids
for p in "${victims[@]}"; do wait "$p" 2>/dev/null || true; done
victims=()

# The postmaster restarts every backend and replays the WAL; reconnect.
up=""
for i in $(seq 100); do
	if psql -At -c "SELECT 1" >/dev/null 2>&1; then up=yes; break; fi
	sleep 0.1
done
[ -n "$up" ] || fail "the server did not come back after the kill"

after=$(psql -At -c "$state_sql")
if [ "$after" != "$before" ]; then
	echo "before: $before"
	echo "after:  $after"
	fail "the killed calls left rows behind"
fi
[ "$(psql -At -c "SELECT count(*) FROM ims.standard WHERE code = 'killed:2026'")" = 0 ] ||
	fail "the killed import left its standard"
echo "after the restart: $after"
grep -q "terminated by signal 9" "$CLUSTER_LOG" || fail "no backend was killed (server log)"
grep -q "all server processes terminated; reinitializing" "$CLUSTER_LOG" || fail "the postmaster did not restart"

# Unpaused, the same calls succeed, and the state changes.
psql -c "DROP FUNCTION public.killed_pause() CASCADE" 2>/dev/null
psql -v doc="$catalog" >/dev/null <<<"SELECT ims.import_catalog(:'doc');"
psql -c "SELECT ims.init_soa($fresh_org)" >/dev/null
psql -c "SELECT ims.approve_soa($approved_org, 'Management board')" >/dev/null
done_state=$(psql -At -c "$state_sql")
[ "$done_state" != "$before" ] || fail "the calls changed nothing even when not killed"
[ "$(psql -At -c "SELECT count(*) FROM ims.control WHERE standard = 'killed:2026'")" = 2 ] ||
	fail "the import did not load its controls"
[ "$(psql -At -c "SELECT status FROM ims.soa WHERE org_id = $approved_org AND version = 2")" = approved ] ||
	fail "the approval did not approve"
[ "$(psql -At -c "SELECT count(*) > 0 FROM ims.soa_entry WHERE org_id = $fresh_org")" = t ] ||
	fail "init_soa wrote no entries"
echo "unpaused: $done_state"
echo "ok"
