#!/bin/bash
# scripts/test.sh: `make test`.  Installs what is missing, builds with
# -Werror, installs, starts a throwaway cluster and runs every regression
# and isolation test plus the checks below.  The last line is always
# "N passed, N failed"; the exit status is non-zero when anything failed.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)

# What /etc/postgresql-common holds before anything is installed, for
# scripts/check-postgresql-common.sh.
mkdir -p build
scripts/check-postgresql-common.sh --snapshot >build/postgresql-common.before
export PG_IMS_CONF_SNAPSHOT=$top/build/postgresql-common.before

. scripts/cluster.sh
cluster_setup

passed=0
failed=0

# The fuzzers' smoke run needs no server: it runs beside the suites, on
# the core the single backend of pg_regress leaves idle, and is counted
# with the scripted checks below.
scripts/check-fuzz-smoke.sh >build/fuzz-smoke.log 2>&1 &
fuzz_smoke_pid=$!
# stopped if make test ends before it is waited for
stop_fuzz_smoke() { [ -z "$fuzz_smoke_pid" ] || kill "$fuzz_smoke_pid" 2>/dev/null || true; }
trap 'stop_fuzz_smoke; cluster_stop' EXIT
count_results()
{
	local log=$1
	local ok bad
	ok=$(grep -cE '\.\.\. ok|^ok [0-9]+' "$log" || true)
	bad=$(grep -cE '\.\.\. FAILED|\.\.\. failed|^not ok [0-9]+' "$log" || true)
	passed=$((passed + ok))
	failed=$((failed + bad))
}

rm -rf build/regress build/isolation
mkdir -p build/regress build/isolation
# The suites run from a copy of the tree (uncommitted changes included) in
# a directory the postgres user cannot read, as where root clones on a
# fresh Debian (/root/pg_ims, mode 0700): the server runs as postgres, so a
# test that makes it read a file of the checkout (COPY FROM a path or a
# program, pg_read_file) fails here.  Tests pass such content through
# psql.  Their results are copied back to build/.
suite_dir=$top
if [ "$(id -u)" = 0 ]; then
	suite_dir=$(mktemp -d /tmp/pg_ims_suite.XXXXXX)
	trap 'stop_fuzz_smoke; rm -rf "$suite_dir"; cluster_stop' EXIT
	tar --exclude=./build --exclude=./.git --exclude='*.o' --exclude='*.so' --exclude='*.bc' \
		-cf - . | tar -C "$suite_dir" -xf -
	chmod 700 "$suite_dir"		# after tar, which gives it the mode of .
	if run_as_postgres test -r "$suite_dir/sql/install.sql"; then
		echo "test private-checkout ... FAILED: the postgres user can read $suite_dir"
		exit 1
	fi
	mkdir -p "$suite_dir/build/regress" "$suite_dir/build/isolation"
fi
# Regression and isolation suites run separately, so that a failure in
# one does not keep the other from running.  The log shows the test lines
# and pg_regress's summary, not its database set-up chatter.
set +e
for suite in regress isolation; do
	if [ $suite = regress ]; then
		make -C "$suite_dir" -s installcheck ISOLATION=
	else
		make -C "$suite_dir" -s installcheck REGRESS=
	fi 2>&1 | tee build/$suite.log |
		grep -vE '^(\(using|=+|$|SET$|CREATE DATABASE|DROP DATABASE|ALTER DATABASE|\+\+\+ |make: )'
	[ "$suite_dir" = "$top" ] || cp -r "$suite_dir/build/$suite/." "build/$suite/"
	count_results build/$suite.log
	# pg_regress stops early if it cannot set up, or when a test has no
	# expected output; every test it did not finish counts as failed.
	if [ $suite = regress ]; then
		listed=$(make -s print-REGRESS | wc -w)
	else
		listed=$(make -s print-ISOLATION | wc -w)
	fi
	ran=$(grep -cE '\.\.\. +(ok|FAILED|failed)|^(not )?ok [0-9]+' build/$suite.log || true)
	if [ "$ran" -lt "$listed" ]; then
		echo "test $suite-suite ... FAILED: $((listed - ran)) of $listed tests did not finish"
		failed=$((failed + listed - ran))
	fi
done
set -e

# Scripted checks: each prints one "test NAME ... ok|FAILED" line.
# run_check SCRIPT NAME: its status; the fuzzers' smoke run, started
# above, is waited for.
run_check()
{
	if [ "$2" = fuzz-smoke ]; then
		local pid=$fuzz_smoke_pid
		fuzz_smoke_pid=""
		wait "$pid"
	else
		"$1" >"build/$2.log" 2>&1
	fi
}
for check in scripts/check-*.sh; do
	[ -e "$check" ] || continue
	name=$(basename "$check" .sh)
	name=${name#check-}
	if run_check "$check" "$name"; then
		echo "test $name ... ok"
		passed=$((passed + 1))
	else
		echo "test $name ... FAILED (see build/$name.log)"
		tail -n 20 "build/$name.log"
		failed=$((failed + 1))
	fi
done

# No backend may die, whatever the input: the server log is the witness.
if grep -qE 'terminated by signal|was terminated|PANIC' "$CLUSTER_LOG"; then
	echo "test server-log ... FAILED: a backend died"
	grep -E 'terminated by signal|was terminated|PANIC' "$CLUSTER_LOG"
	failed=$((failed + 1))
else
	echo "test server-log ... ok"
	passed=$((passed + 1))
fi

for diffs in build/regress/regression.diffs build/isolation/regression.diffs; do
	[ -s "$diffs" ] && echo "differences: $top/$diffs"
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
