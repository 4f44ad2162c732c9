# scripts/citus-cluster.sh: a throwaway Citus cluster on this machine,
# sourced by scripts/citus-check.sh (after scripts/cluster.sh, whose PGBIN,
# psql and run_as_postgres it uses).  docs/scale-out.md.
#
# citus_private_tree   copies Debian's PostgreSQL 15 (binaries, libraries,
#                      share directory) into a temporary tree and installs
#                      pg_ims there (make install DESTDIR=...), so that the
#                      check runs the pg_ims of this checkout whatever other
#                      checkouts install into the system server meanwhile;
#                      PostgreSQL finds its share and lib directories
#                      relative to its binary, so the copy is self-contained.
#                      Citus must be in the system server first
#                      (citus_require: ../shared/tools/build-citus.sh).
# citus_start N        a coordinator on port CITUS_PORT (5491) and N workers
#                      on the next ports, each initdb'd as postgres in a
#                      temporary directory, listening on 127.0.0.1 only,
#                      fsync off, shared_preload_libraries = 'citus,pg_ims'
#                      (pg_ims: error messages without shard names); CREATE
#                      EXTENSION citus in database CITUS_DB on each, the
#                      coordinator registered (citus_set_coordinator_host)
#                      and the workers added (citus_add_node).
# citus_add_worker     initdb and start one more worker, without adding it
#                      (the caller does, to test what a late node gets).
# citus_stop           stops every node and removes the directory; set as
#                      the EXIT trap by citus_start.
# plain_start          one plain server (no Citus) from the same tree, on a
#                      Unix socket only (port CITUS_PORT + 4, no TCP): the
#                      single-server peer of the comparisons.
#
# After citus_start: citus_psql PORT ... runs psql against a node, as the
# superuser postgres, in CITUS_DB.

CITUS_PORT=${CITUS_PORT:-5491}
CITUS_DB=${CITUS_DB:-ims}
PLAIN_PORT=$((CITUS_PORT + 4))
CITUS_NODES=""		# the ports started by this shell
CITUS_DIR=""
CITUS_BIN=""

# Citus in the system server, built from ../shared/vendor when missing.
# Returns 2 (and says why) when it cannot be had: no vendored source.
citus_require()
{
	local libdir build vendor
	libdir=$("$PG_CONFIG" --pkglibdir)
	build=$top/../shared/tools/build-citus.sh
	vendor=$top/../shared/vendor
	if [ -f "$libdir/citus.so" ] && grep -qs "default_version = '13.2-1'" "$("$PG_CONFIG" --sharedir)/extension/citus.control"; then
		return 0
	fi
	if [ ! -f "$vendor/citus-13.2.2.tar.gz" ] || [ ! -x "$build" ]; then
		echo "citus: not installed in $("$PG_CONFIG" --version) and no vendored source in $vendor: skipped" >&2
		return 2
	fi
	echo "citus: not installed; building it from $vendor (10 to 20 minutes)"
	"$build" "$PG_CONFIG"
}

citus_private_tree()
{
	local bindir libdir sharedir
	CITUS_DIR=$(mktemp -d /tmp/pg_ims_citus.XXXXXX)
	chmod 755 "$CITUS_DIR"
	bindir=$("$PG_CONFIG" --bindir)
	libdir=$("$PG_CONFIG" --pkglibdir)
	sharedir=$("$PG_CONFIG" --sharedir)
	# the same layout as the system's: share is found relative to bin
	mkdir -p "$CITUS_DIR/root$(dirname "$bindir")" "$CITUS_DIR/root$(dirname "$sharedir")"
	cp -a "$(dirname "$bindir")/." "$CITUS_DIR/root$(dirname "$bindir")/"
	cp -a "$sharedir" "$CITUS_DIR/root$(dirname "$sharedir")/"
	rm -f "$CITUS_DIR/root$libdir/pg_ims.so" "$CITUS_DIR/root$sharedir/extension/pg_ims"*
	make -s -C "$top" all >/dev/null
	make -s -C "$top" install DESTDIR="$CITUS_DIR/root" >/dev/null
	CITUS_BIN=$CITUS_DIR/root$bindir
	chown -R postgres: "$CITUS_DIR" 2>/dev/null || true
}

# citus_initdb PORT [preload]: one node's data directory and server, started.
citus_initdb()
{
	local port=$1 preload=${2-citus,pg_ims} listen=${3-127.0.0.1} dir=$CITUS_DIR/node$1
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres: "$dir"
	run_as_postgres "$CITUS_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
		>"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
	cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '$listen'
port = $port
unix_socket_directories = '$dir'
fsync = off
full_page_writes = off
synchronous_commit = off
shared_preload_libraries = '$preload'
max_connections = 200
log_min_messages = warning
log_line_prefix = '%m [%p] '
CONF
	run_as_postgres "$CITUS_BIN/pg_ctl" -D "$dir/data" -w -l "$dir/server.log" start >/dev/null ||
		{ cat "$dir/server.log" >&2; return 1; }
	CITUS_NODES="$CITUS_NODES $port"
	citus_psql_db "$port" postgres -c "CREATE DATABASE $CITUS_DB"
}

citus_psql_db()
{
	local port=$1 db=$2
	shift 2
	command "$CITUS_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$CITUS_DIR/node$port" -p "$port" -U postgres -d "$db" "$@"
}

citus_psql()
{
	local port=$1
	shift
	citus_psql_db "$port" "$CITUS_DB" "$@"
}

citus_stop()
{
	local dir
	[ -n "$CITUS_DIR" ] && [ -d "$CITUS_DIR" ] || return 0
	# every node's directory: citus_add_worker runs in a subshell, whose
	# CITUS_NODES the caller does not see
	for dir in "$CITUS_DIR"/node*; do
		[ -f "$dir/data/postmaster.pid" ] || continue
		run_as_postgres "$CITUS_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
	done
	rm -rf "$CITUS_DIR"
	CITUS_DIR=""
}

citus_start()
{
	local workers=$1 i port
	# CITUS_KEEP=1 leaves the cluster running at the end, for a developer
	# to look into (docs/development.md); stop it with citus_stop's pg_ctl
	if [ "${CITUS_KEEP:-0}" = 1 ]; then
		trap 'echo "citus: the cluster is left running in $CITUS_DIR (ports $CITUS_NODES)" >&2' EXIT
	else
		trap citus_stop EXIT
	fi
	trap 'exit 130' INT TERM
	[ -n "$CITUS_DIR" ] || citus_private_tree
	citus_initdb "$CITUS_PORT"
	citus_psql "$CITUS_PORT" -c 'CREATE EXTENSION citus'
	citus_psql "$CITUS_PORT" -c "SELECT citus_set_coordinator_host('127.0.0.1', $CITUS_PORT)" >/dev/null
	for i in $(seq 1 "$workers"); do
		port=$((CITUS_PORT + i))
		citus_initdb "$port"
		citus_psql "$port" -c 'CREATE EXTENSION citus'
		citus_psql "$CITUS_PORT" -c "SELECT citus_add_node('127.0.0.1', $port)" >/dev/null
	done
}

# citus_add_worker: the next port after the last node, started with Citus
# created, not yet added; prints the port.
citus_add_worker()
{
	local port
	port=$(( $(echo $CITUS_NODES | tr ' ' '\n' | grep -v "^$PLAIN_PORT\$" | sort -n | tail -n 1) + 1 ))
	citus_initdb "$port" >&2
	citus_psql "$port" -c 'CREATE EXTENSION citus' >&2
	echo "$port"
}

# plain_start: the single server, no Citus, on a Unix socket only.
plain_start()
{
	[ -n "$CITUS_DIR" ] || citus_private_tree
	citus_initdb "$PLAIN_PORT" '' ''
}
