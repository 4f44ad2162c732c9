#!/bin/bash
# bench/tenancy.sh: what row-level security costs a member, as the ratio of
# its throughput to the superuser's under the same load (bench/load.sh).
#
# bench/load.sh runs four times, alternating LOAD_USER=postgres (whom
# row-level security does not apply to) and LOAD_USER=ims_load (a role
# granted edit on every organization), LOAD_SECONDS each (default 30), so
# that a change in the machine's load falls on both alike.  Prints each
# run's tps, then "ratio member/superuser throughput: R (target >= 0.9)".
# Every run must also pass load.sh's own checks.
set -euo pipefail
cd "$(dirname "$0")/.."
export LOAD_SECONDS=${LOAD_SECONDS:-30}
log=$(mktemp -d /tmp/pg_ims_bench_tenancy.XXXXXX)
trap 'rm -rf "$log"' EXIT
for round in 1 2; do
	for user in postgres ims_load; do
		LOAD_USER=$user bench/load.sh >"$log/$user.$round" 2>&1 || { tail -n 20 "$log/$user.$round"; exit 1; }
		tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$log/$user.$round")
		echo "round $round, $user: tps $tps"
		echo "$tps" >>"$log/$user.tps"
	done
done
awk 'FNR == 1 { f++ } f == 1 { su += $1 } f == 2 { m += $1 }
	END { printf "ratio member/superuser throughput: %.2f (target >= 0.9)\n", m / su }' \
	"$log/postgres.tps" "$log/ims_load.tps"
