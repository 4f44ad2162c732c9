#!/bin/bash
# bench/history.sh: what the history of the record (36_history.sql) costs.
#
# 1. Writes: bench/load.sh (8 clients, row-level security) with the history
#    and without it (LOAD_HISTORY=off disables the triggers), alternating,
#    HISTORY_ROUNDS times each (default 1) of LOAD_SECONDS (default 30), in
#    two mixes: the writes alone (LOAD_MIX=writes: SoA edits and evidence
#    inserts) and load.sh's whole mix (validator calls included).
#    Target: write tps with history at least 0.7 times tps without.
# 2. Single-backend write cost: 5,000 single-row SoA edits, a transaction
#    each (one history entry each), with the triggers on and off.
# 3. ims.verify_history at N and 4N entries against a peer in the same
#    run: a bare SHA-256 of each entry's jsonb text over the same rows (the
#    floor of any recomputation).  Linear when verify(4N)/verify(N) is
#    about 4 and the ratio to the peer stays put.
#
# The figures are ratios measured in one run, so they mean something on
# any machine; this is a measurement, not a test, and exits 0 once it ran
# (bench/load.sh's own PASS/FAIL lines are printed with it).  It builds and
# installs like scripts/test.sh: run it under the lock the others take,
#   flock /tmp/pg_ims_install.lock bench/history.sh
set -eu -o pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

rounds=${HISTORY_ROUNDS:-1}
export LOAD_SECONDS=${LOAD_SECONDS:-30}
log=$(mktemp -d /tmp/pg_ims_history_bench.XXXXXX)

# 1. the load, alternating which side goes first
for mix in writes all; do
	for round in $(seq 1 "$rounds"); do
		if [ $((round % 2)) = 1 ]; then sides="off on"; else sides="on off"; fi
		for side in $sides; do
			LOAD_MIX=$mix LOAD_HISTORY=$side bench/load.sh >"$log/load.$mix.$side.$round" 2>&1 || true
			tps=$(sed -n 's/^tps = \([0-9.]*\) (without.*/\1/p' "$log/load.$mix.$side.$round")
			echo "mix $mix, round $round, history $side: tps ${tps:-?}, $(tail -1 "$log/load.$mix.$side.$round")"
			echo "${tps:-0}" >>"$log/tps.$mix.$side"
		done
	done
	awk -v mix=$mix -v on="$log/tps.$mix.on" -v off="$log/tps.$mix.off" 'BEGIN {
		while ((getline x < on) > 0) { son += x; non++ }
		while ((getline x < off) > 0) { soff += x; noff++ }
		if (non && noff && soff > 0)
			printf "load (%s) tps with history %.1f, without %.1f: ratio %.2f (target >= 0.70)\n", mix, son / non, soff / noff, (son / non) / (soff / noff)
	}'
done

# 2 and 3 in one backend of a cluster of their own
. scripts/cluster.sh
cluster_setup
psql -At -F ' ' <<'SQL'
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION pg_ims;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE timings (what text, n bigint, ms float8);
CREATE PROCEDURE pg_temp.timed(what text, n bigint, stmt text)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	EXECUTE stmt;
	INSERT INTO timings VALUES (what, n, extract(epoch FROM clock_timestamp() - t0) * 1000);
END $$;
CREATE PROCEDURE pg_temp.history(enabled boolean)
LANGUAGE plpgsql AS $$
DECLARE t regclass;
BEGIN
	FOR t IN SELECT tgrelid::regclass FROM pg_trigger WHERE tgname = 'history_log' LOOP
		EXECUTE format('ALTER TABLE %s %s TRIGGER history_log', t, CASE WHEN enabled THEN 'ENABLE' ELSE 'DISABLE' END);
	END LOOP;
END $$;

-- an organization with a draft of 131 entries, edited row by row
SELECT ims.create_organization('Bench') AS org \gset
SELECT ims.init_soa(:org) AS soa \gset

-- 2. 5,000 single-row UPDATE statements, each its own transaction (the
-- shape of an application's edits), with the history and without,
-- alternating
CREATE PROCEDURE pg_temp.edits(org bigint, n integer, what text DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
	i integer;
	t0 timestamptz := clock_timestamp();
BEGIN
	FOR i IN 1..n LOOP
		UPDATE ims.soa_entry SET justification = format('edit %s', i)
		WHERE org_id = org AND (standard, control_id) = (SELECT standard, control_id FROM ims.soa_entry
			WHERE org_id = org ORDER BY standard, control_id OFFSET i % 131 LIMIT 1);
		COMMIT;
	END LOOP;
	IF what IS NOT NULL THEN
		INSERT INTO timings VALUES (what, n, extract(epoch FROM clock_timestamp() - t0) * 1000);
	END IF;
END $$;
CALL pg_temp.edits(:org, 500);
CALL pg_temp.history(false);
CALL pg_temp.edits(:org, 5000, 'edits_without');
CALL pg_temp.history(true);
CALL pg_temp.edits(:org, 5000, 'edits_with');
CALL pg_temp.history(false);
CALL pg_temp.edits(:org, 5000, 'edits_without');
CALL pg_temp.history(true);
CALL pg_temp.edits(:org, 5000, 'edits_with');
SELECT 'single-backend edits: with history ' || round(avg(ms) FILTER (WHERE what = 'edits_with')::numeric / 5) ||
	' us, without ' || round(avg(ms) FILTER (WHERE what = 'edits_without')::numeric / 5) ||
	' us per statement: throughput ratio ' ||
	round((avg(ms) FILTER (WHERE what = 'edits_without') / avg(ms) FILTER (WHERE what = 'edits_with'))::numeric, 2)
FROM timings WHERE what LIKE 'edits%';

-- 3. verify_history at N and 4N entries, against the peer
CREATE PROCEDURE pg_temp.verify_round(org bigint)
LANGUAGE plpgsql AS $$
DECLARE n bigint := (SELECT count(*) FROM ims.history h WHERE h.org_id = org);
BEGIN
	FOR r IN 1..3 LOOP
		CALL pg_temp.timed('verify', n, format('SELECT * FROM ims.verify_history(%s)', org));
		CALL pg_temp.timed('peer', n, format('SELECT sum(length(sha256(convert_to(to_jsonb(h)::text, ''UTF8'')))) FROM ims.history h WHERE h.org_id = %s', org));
	END LOOP;
END $$;
SELECT ims.create_organization('Verify') AS vorg \gset
SELECT ims.init_soa(:vorg) AS vsoa \gset
CALL pg_temp.edits(:vorg, 10000 - 133);
CALL pg_temp.verify_round(:vorg);
CALL pg_temp.edits(:vorg, 30000);
CALL pg_temp.verify_round(:vorg);
SELECT 'verify_history valid: ' || bool_and(valid) FROM (SELECT (ims.verify_history(o)).valid FROM (VALUES (:org), (:vorg)) v(o)) s;
WITH m AS (SELECT what, n, min(ms) AS ms FROM timings WHERE what IN ('verify', 'peer') GROUP BY 1, 2)
SELECT format('verify_history at %s entries: %s ms (%s us per entry), peer %s ms: ratio to the peer %s',
			  v.n, round(v.ms::numeric), round((v.ms * 1000 / v.n)::numeric, 1), round(p.ms::numeric), round((v.ms / p.ms)::numeric, 2))
FROM m v JOIN m p ON p.n = v.n AND p.what = 'peer' WHERE v.what = 'verify' ORDER BY v.n;
WITH m AS (SELECT n, min(ms) AS ms FROM timings WHERE what = 'verify' GROUP BY 1)
SELECT format('verify_history growth: %s times the entries, %s times the time', round(max(n)::numeric / min(n), 2),
			  round(((array_agg(ms ORDER BY n DESC))[1] / (array_agg(ms ORDER BY n))[1])::numeric, 2))
FROM m;
SQL
rm -rf "$log"
