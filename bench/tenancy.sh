#!/bin/bash
# bench/tenancy.sh: what row-level security costs a member, as the ratio of
# its throughput to the superuser's under the same load.
#
# One throwaway cluster holds bench/load.sh's 100 organizations
# (bench/load/setup.sql); pgbench then runs bench/load.sh's mix (SoA edits
# @5, evidence inserts @3, findings @2; 8 clients) for ROUND_SECONDS
# (default 10) at a time, alternating the superuser postgres (whom
# row-level security does not apply to) and ims_load (a role granted edit
# on every organization), ROUNDS times each (default 4).  Alternating short
# rounds on one cluster lets a change in the machine's load fall on both
# alike.  Prints each round's tps, then
#   ratio member/superuser throughput: R (target >= 0.9)
# bench/load.sh itself checks the load's results; this only measures.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
seconds=${ROUND_SECONDS:-10}
rounds=${ROUNDS:-4}

. scripts/cluster.sh
cluster_setup
trap cluster_stop EXIT

psql -q -f bench/load/setup.sql >/dev/null
read -r org_lo org_hi <<<"$(psql -At -F ' ' -c 'SELECT min(org_id), max(org_id) FROM load.org')"
out=$CLUSTER_DIR/pgbench.out
for round in $(seq "$rounds"); do
	for user in postgres ims_load; do
		"$PGBIN/pgbench" -n -c 8 -j 2 -T "$seconds" -U "$user" -D org_lo="$org_lo" -D org_hi="$org_hi" \
			-f bench/load/soa_edit.sql@5 -f bench/load/evidence_insert.sql@3 -f bench/load/findings.sql@2 \
			>"$out" 2>&1 || { tail -n 5 "$out"; exit 1; }
		tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$out")
		echo "round $round, $user: tps $tps"
		echo "$user $tps" >>"$CLUSTER_DIR/tps"
	done
done
awk '$1 == "postgres" { su += $2 } $1 == "ims_load" { m += $2 }
	END { printf "ratio member/superuser throughput: %.2f (target >= 0.9)\n", m / su }' "$CLUSTER_DIR/tps"
