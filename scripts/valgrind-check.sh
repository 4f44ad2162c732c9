#!/bin/bash
# scripts/valgrind-check.sh: `make valgrind-check`.  Runs the regression
# suite (REGRESS of the Makefile, through pg_regress as `make test` does)
# against a PostgreSQL server under valgrind (memcheck), and fails on any
# valgrind error whose stack passes through pg_ims code, or on a failed
# test.  Errors outside pg_ims are counted, for information only.
#
# The module is built a second time, out of tree, with cJSON on malloc
# (`make PG_IMS_JSON_MALLOC=1`, see src/json_memory.c): Debian's server is
# not built with USE_VALGRIND, so valgrind cannot see inside palloc's
# blocks.  That build is installed with DESTDIR into a private
# installation in a temporary directory, next to a copy of the postgres
# binary: PostgreSQL finds its lib and share directories relative to its
# own executable, so the copy loads the valgrind build, while the system's
# installation, the objects of the tree and anybody's `make test` are left
# as they are.  Nothing is installed system-wide, nothing needs restoring.
#
# Like scripts/cluster.sh, the server runs as the postgres user in a
# temporary directory, on a Unix socket only, and a trap stops it.  What
# stays, in build/valgrind/: regress/ (pg_regress's output), server.log,
# the valgrind log of every process that reported something (logs/), and
# errors-pg_ims.txt / errors-other.txt, each error with its process and test.
#
# Environment: VALGRIND_PORT (default 5499; only names the socket file),
# VALGRIND_EXTRA_OPTS (added to valgrind's options).
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
. scripts/cluster.sh			# PGBIN, PG_CONFIG, run_as_postgres, require_packages

port=${VALGRIND_PORT:-5499}
out=$top/build/valgrind
started=$(date +%s)

scripts/deps.sh
pgbin_init
# libc6-dbg: names in libc's frames, and valgrind's own suppressions for ld.so.
require_packages valgrind-check valgrind libc6-dbg

VG_DIR=$(mktemp -d /tmp/pg_ims_valgrind.XXXXXX)
chmod 755 "$VG_DIR"
run=$VG_DIR/run					# the postgres user's: data, socket, logs
server_pid=""

vg_stop()
{
	if [ -f "$run/data/postmaster.pid" ]; then
		run_as_postgres "$PGBIN/pg_ctl" -D "$run/data" -m fast -t 300 -w stop >/dev/null 2>&1 ||
			run_as_postgres "$PGBIN/pg_ctl" -D "$run/data" -m immediate -t 60 -w stop >/dev/null 2>&1 || true
	fi
	if [ -n "$server_pid" ]; then
		wait "$server_pid" 2>/dev/null || true
		server_pid=""
	fi
	rm -rf "$VG_DIR"
}
trap vg_stop EXIT
trap 'exit 130' INT TERM

# 1. The valgrind build, out of tree, installed into a private installation.
# The whole tree is copied (the tests read data/, scripts/, catalogs/), so
# that build and tests are of the same moment of a tree others may be editing.
echo "valgrind-check: building pg_ims with PG_IMS_JSON_MALLOC=1 in $VG_DIR"
build=$VG_DIR/build
root=$VG_DIR/root
mkdir -p "$build"
tar --exclude=./build --exclude=./.git --exclude='*.o' --exclude='*.so' --exclude='*.bc' \
	-cf - . | tar -C "$build" -xf -
make -C "$build" -s PG_IMS_JSON_MALLOC=1 all >/dev/null
make -C "$build" -s PG_IMS_JSON_MALLOC=1 DESTDIR="$root" install >/dev/null

bindir=$PGBIN
pkglibdir=$("$PG_CONFIG" --pkglibdir)
sharedir=$("$PG_CONFIG" --sharedir)
[ -f "$root$pkglibdir/pg_ims.so" ] || { echo "valgrind-check: DESTDIR install did not produce $root$pkglibdir/pg_ims.so" >&2; exit 1; }
nm "$root$pkglibdir/pg_ims.so" | grep -q JsonMalloc ||
	{ echo "valgrind-check: $root$pkglibdir/pg_ims.so is not the PG_IMS_JSON_MALLOC build" >&2; exit 1; }

# A copy, not a symlink: PostgreSQL resolves symlinks to find its directories.
mkdir -p "$root$bindir"
cp "$bindir/postgres" "$root$bindir/postgres"
# Everything else of the system's installation, except pg_ims's own files.
link_missing()
{
	local from=$1 to=$2 f
	mkdir -p "$to"
	for f in "$from"/*; do
		case $(basename "$f") in pg_ims | pg_ims.* | pg_ims--*) continue ;; esac
		[ -e "$to/$(basename "$f")" ] || ln -s "$f" "$to/"
	done
}
link_missing "$pkglibdir" "$root$pkglibdir"
link_missing "$sharedir" "$root$sharedir"
link_missing "$sharedir/extension" "$root$sharedir/extension"

# 2. The cluster, and the server under valgrind.
mkdir -p "$run"
cp scripts/valgrind.supp "$VG_DIR/valgrind.supp"
[ "$(id -u)" = 0 ] && chown postgres: "$run"
run_as_postgres "$PGBIN/initdb" -D "$run/data" -U postgres -A trust \
	-E UTF8 --locale=C.UTF-8 >"$VG_DIR/initdb.log" 2>&1 || {
	cat "$VG_DIR/initdb.log" >&2
	exit 1
}

# --fullpath-after: frames of pg_ims show as (src/file.c:line), which is how
# the errors are told apart below.  Leak checking of a backend is noise:
# memory contexts are freed wholesale or at exit, never block by block.
# jit=off: LLVM under valgrind is slow and has nothing to do with pg_ims;
# autovacuum=off: fewer processes competing for the CPU.
echo "valgrind-check: starting the server under valgrind (port $port)"
run_as_postgres valgrind --quiet --trace-children=yes --track-origins=yes --read-var-info=no \
	--num-callers=30 --error-limit=no --leak-check=no \
	--fullpath-after="$build/" \
	--suppressions="$VG_DIR/valgrind.supp" \
	--log-file="$run/valgrind.%p.log" \
	${VALGRIND_EXTRA_OPTS:-} \
	"$root$bindir/postgres" -D "$run/data" \
	-c listen_addresses='' -k "$run" -c port="$port" -c fsync=off \
	-c log_min_messages=warning -c log_connections=on \
	-c jit=off -c autovacuum=off \
	>"$run/server.log" 2>&1 &
server_pid=$!
export PGHOST="$run" PGPORT="$port" PGUSER=postgres PGDATABASE=postgres
for _ in $(seq 600); do
	"$PGBIN/pg_isready" -q && break
	kill -0 "$server_pid" 2>/dev/null || break
	sleep 1
done
if ! "$PGBIN/pg_isready" -q; then
	echo "valgrind-check: the server did not start" >&2
	cat "$run/server.log" >&2
	exit 1
fi
# The server must be the copy, loading the valgrind build.
libdir=$("$PGBIN/psql" -XAtc "SELECT setting FROM pg_config WHERE name = 'PKGLIBDIR'")
if [ "$libdir" != "$root$pkglibdir" ]; then
	echo "valgrind-check: the server's lib directory is $libdir, not $root$pkglibdir" >&2
	exit 1
fi
echo "valgrind-check: server ready after $(($(date +%s) - started)) s"

# 3. The regression suite, REGRESS of the Makefile, into build/valgrind/regress.
# REGRESS_OPTS given on the command line drops what PGXS adds to it, hence
# --dbname.  `make valgrind-check REGRESS="install catalog_errors"` runs a
# subset (a test that relies on the rows of earlier ones then differs).
rm -rf "$out"
mkdir -p "$out/regress"
set +e
make -C "$build" -s installcheck ISOLATION= \
	REGRESS_OPTS="--inputdir=. --outputdir=$out/regress --dbname=contrib_regression" 2>&1 |
	tee "$out/regress.log" |
	grep --line-buffered -vE '^(\(using|=+|$|SET$|CREATE DATABASE|DROP DATABASE|ALTER DATABASE|\+\+\+ |make(\[[0-9]+\])?: )'
set -e
passed=$(grep -cE '\.\.\. ok|^ok [0-9]+' "$out/regress.log" || true)
failed=$(grep -cE '\.\.\. FAILED|\.\.\. failed|^not ok [0-9]+' "$out/regress.log" || true)
if ! grep -qE '\.\.\. (ok|FAILED)' "$out/regress.log"; then
	echo "valgrind-check: pg_regress ran no test"
	failed=$((failed + 1))
fi

# 4. Stop the server, so that every process has written its log.
run_as_postgres "$PGBIN/pg_ctl" -D "$run/data" -m fast -t 300 -w stop >/dev/null
wait "$server_pid" 2>/dev/null || true
server_pid=""
cp "$run/server.log" "$out/server.log"
mkdir -p "$out/logs"
for f in "$run"/valgrind.*.log; do
	[ -s "$f" ] && cp "$f" "$out/logs/"
done

# 5. The errors.  A valgrind error is a header line followed by indented
# lines (its stacks); "Warning:" lines are not errors.  An error is
# pg_ims's when a frame is in a pg_ims source file (src/NAME.c, thanks to
# --fullpath-after) or in pg_ims.so.  The process of each log is named by
# the test whose connection it served (pg_regress sets application_name).
awk -v pg_ims_out="$out/errors-pg_ims.txt" -v other_out="$out/errors-other.txt" '
	FNR == 1 && NR == 1 {
		printf "" >pg_ims_out
		printf "" >other_out
	}
	FILENAME ~ /server\.log$/ {
		if (match($0, /\[[0-9]+\] LOG:  connection authorized: .*application_name=[^ ]+/)) {
			pid = $0
			sub(/^[^[]*\[/, "", pid)
			sub(/\].*/, "", pid)
			app = $0
			sub(/.*application_name=/, "", app)
			sub(/ .*/, "", app)
			test_of[pid] = app
		}
		next
	}
	function flush() {
		if (block != "" && header !~ /^Warning:/) {
			where = "process " pid_of_block (pid_of_block in test_of ? " (" test_of[pid_of_block] ")" : "")
			if (block ~ /\(src\/[A-Za-z0-9_]+\.c:[0-9]+\)|pg_ims\.so/) {
				n_pg_ims++
				printf "--- %s\n%s\n", where, block >>pg_ims_out
			} else {
				n_other++
				printf "--- %s\n%s\n", where, block >>other_out
			}
		}
		block = ""
		header = ""
	}
	FNR == 1 {
		flush()
	}
	{
		# the process of a line is in its prefix, whatever file it is in
		if (match($0, /^==[0-9]+==/)) {
			pid = substr($0, 3, RLENGTH - 4)
			if (pid != pid_of_block)
				flush()
			pid_of_block = pid
		}
		line = $0
		sub(/^==[0-9]+== ?/, "", line)
		if (line == "") {
			flush()
		} else if (line ~ /^ /) {
			if (block != "")
				block = block "\n" line
		} else {
			flush()
			header = line
			block = line
		}
	}
	END {
		flush()
		printf "%d %d\n", n_pg_ims, n_other
	}
' "$out/server.log" $(ls "$out"/logs/valgrind.*.log 2>/dev/null) >"$out/counts"
read -r n_pg_ims n_other <"$out/counts"

if [ "$n_pg_ims" -gt 0 ]; then
	echo
	echo "valgrind errors in pg_ims code:"
	cat "$out/errors-pg_ims.txt"
fi
if [ "$n_other" -gt 0 ]; then
	echo "valgrind errors outside pg_ims (informational): by first line"
	grep -A1 '^--- ' "$out/errors-other.txt" | grep -vE '^(--- |--$)' | sort | uniq -c | sort -rn
fi
if grep -qE 'terminated by signal|was terminated|PANIC' "$out/server.log"; then
	echo "valgrind-check: a backend died:"
	grep -E 'terminated by signal|was terminated|PANIC' "$out/server.log"
	failed=$((failed + 1))
fi
[ -s "$out/regress/regression.diffs" ] && echo "differences: $out/regress/regression.diffs"

elapsed=$(($(date +%s) - started))
echo "valgrind-check: $passed passed, $failed failed; $n_pg_ims valgrind errors in pg_ims, $n_other outside pg_ims (informational); $((elapsed / 60)) min $((elapsed % 60)) s"
echo "valgrind-check: details in $out/"
[ "$failed" = 0 ] && [ "$n_pg_ims" = 0 ]
