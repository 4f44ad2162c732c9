#!/bin/bash
# scripts/fuzz-sqlsmith.sh [QUERIES]: the sqlsmith part of `make fuzz`.
# Builds and installs pg_ims, starts a throwaway cluster, loads the sample
# organization (scripts/sample_organization.sql) and runs sqlsmith for
# QUERIES random queries (default 3000) as a login role with edit on it,
# so that the queries see its rows and call the functions and operators of
# both types (ims is on the role's search_path).  The server logs every
# error verbosely; this script reports how many queries ran and the
# distinct errors raised inside pg_ims, and fails on a backend crash or on
# any internal error (XX000) raised inside pg_ims.  build/fuzz/sqlsmith.log
# keeps sqlsmith's output, build/fuzz/sqlsmith-server.log the server's.
set -eu
cd "$(dirname "$0")/.."
queries=${1:-3000}
seed=${SQLSMITH_SEED:-20}
out=build/fuzz
mkdir -p "$out"

. scripts/cluster.sh
cluster_setup
db=pg_ims_sqlsmith
role=regress_pg_ims_smith

"$PGBIN/createdb" $db
psql -d $db -c "CREATE EXTENSION pg_ims"
psql -d $db -f scripts/sample_organization.sql >/dev/null
psql -d $db -f scripts/sample_ai_act.sql >/dev/null
psql -d $db >/dev/null <<SQL
CREATE ROLE $role LOGIN;
SELECT ims.grant_access(org_id, '$role', 'edit') FROM ims.organization;
ALTER ROLE $role SET search_path = public, ims;
-- a query that waits (pg_sleep, a lock) must not stall the run
ALTER ROLE $role SET statement_timeout = '2s';
ALTER SYSTEM SET log_error_verbosity = verbose;
ALTER SYSTEM SET log_line_prefix = '%p %e ';
ALTER SYSTEM SET log_min_messages = error;
SELECT pg_reload_conf();
SQL
log_start=$(wc -l <"$CLUSTER_LOG")

echo "sqlsmith: $queries queries, seed $seed"
status=0
timeout 600 sqlsmith --target="host=$PGHOST port=$PGPORT dbname=$db user=$role" \
	--max-queries="$queries" --seed="$seed" --exclude-catalog --verbose >"$out/sqlsmith.log" 2>&1 || status=$?
tail -n +"$((log_start + 1))" "$CLUSTER_LOG" >"$out/sqlsmith-server.log"
ran=$(sed -n 's/^queries: \([0-9]*\).*/\1/p' "$out/sqlsmith.log" | tail -n 1)
echo "sqlsmith: ${ran:-0} queries ran (exit status $status)"
[ -n "$ran" ] && [ "$ran" -gt 0 ] || { tail -n 20 "$out/sqlsmith.log"; exit 1; }

# One line per error: SQLSTATE, whether pg_ims raised it, the message with
# quoted values and numbers blanked.  An error is pg_ims's when it was raised
# in one of its C files (LOCATION) or inside one of its SQL functions
# (CONTEXT names a function of schema ims).
sources=$(cd src && ls *.c | paste -sd'|')
awk -v sources="$sources" '
	BEGIN { code = "[0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z]"; p = "^[0-9]+ " code " " }
	function flush() {
		if (state != "") {
			ours = (location ~ ("(^|[ ,])(" sources ")(:|$)") || context ~ /function ims\./) ? "pg_ims" : "other"
			gsub(/"[^"]*"/, "\"…\"", message); gsub(/[0-9]+/, "N", message)
			print state "\t" ours "\t" message
		}
		state = ""; location = ""; context = ""
	}
	$0 ~ (p "(ERROR|FATAL|PANIC): ") {
		flush(); state = $2; message = $0
		sub(p "[A-Z]+: +", "", message); sub("^" code ": ", "", message); sub(/ at character [0-9]+$/, "", message)
		next
	}
	$0 ~ (p "LOCATION: ") { location = $0; next }
	$0 ~ (p "CONTEXT: ") { context = context $0; next }
	$0 ~ (p "(LOG|STATEMENT|WARNING): ") { flush() }
	END { flush() }
' "$out/sqlsmith-server.log" >"$out/sqlsmith-errors.tsv"

echo "sqlsmith: $(wc -l <"$out/sqlsmith-errors.tsv") errors, $(grep -c $'\tpg_ims\t' "$out/sqlsmith-errors.tsv" || true) of them raised in pg_ims; distinct pg_ims errors:"
awk -F'\t' '$2 == "pg_ims" { print $1 "  " $3 }' "$out/sqlsmith-errors.tsv" | sort | uniq -c | sort -rn

failed=0
if grep -qE 'terminated by signal|was terminated|PANIC' "$out/sqlsmith-server.log"; then
	echo "sqlsmith: FAILED: a backend crashed"
	grep -E -A3 'terminated by signal|was terminated|PANIC' "$out/sqlsmith-server.log" | head -n 20
	failed=1
fi
if awk -F'\t' '$1 == "XX000" && $2 == "pg_ims"' "$out/sqlsmith-errors.tsv" | grep -q .; then
	echo "sqlsmith: FAILED: internal errors (XX000) raised in pg_ims:"
	awk -F'\t' '$1 == "XX000" && $2 == "pg_ims" { print "  " $3 }' "$out/sqlsmith-errors.tsv" | sort | uniq -c
	grep -B1 -A6 ' XX000 ERROR:' "$out/sqlsmith-server.log" | head -n 40
	failed=1
fi
other_internal=$(awk -F'\t' '$1 == "XX000" && $2 == "other"' "$out/sqlsmith-errors.tsv" | wc -l)
[ "$other_internal" = 0 ] || echo "sqlsmith: $other_internal internal errors raised outside pg_ims (PostgreSQL's own; see $out/sqlsmith-server.log)"
[ "$failed" = 0 ] && echo "sqlsmith: ok"
exit $failed
