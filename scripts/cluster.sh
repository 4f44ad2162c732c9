# scripts/cluster.sh: what every script of scripts/ and bench/ shares,
# sourced by each: where PostgreSQL's programs are (PGBIN), the psql they
# call, the Debian packages they need (require_packages), and a throwaway
# PostgreSQL cluster of the server PG_CONFIG names (Debian 12's 15 by default).
#
# PGBIN comes from pg_config: PG_CONFIG names it, as for the Makefile.  On
# a fresh machine pg_config (postgresql-client-15) is not there yet; then
# PGBIN is set once require_packages or cluster_setup has installed it.
#
# PostgreSQL refuses to run as root, so the cluster belongs to the postgres
# user and lives in a temporary directory; it listens on a Unix socket only
# and a trap stops it and removes the directory on any exit.  After
# cluster_start, PGHOST/PGPORT/PGUSER point at it.

PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}

# Set PGBIN from pg_config, if pg_config is there yet.
pgbin_init()
{
	if [ -x "$PG_CONFIG" ]; then
		PGBIN=$("$PG_CONFIG" --bindir)
	else
		PGBIN=""
	fi
}
pgbin_init

# psql as every script calls it: no psqlrc, quiet, stop at the first error.
psql()
{
	command "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"
}

# require_packages WHO PACKAGE...: install the Debian packages of the list
# that are missing.  Needs root when one is; otherwise says which and fails.
#
# Installing postgresql-15 makes Debian create and start a "main" cluster;
# these scripts only ever use throwaway clusters.  For the length of the
# apt-get run, and only then, a drop-in file in the directory Debian's own
# createcluster.conf includes (/etc/postgresql-common/createcluster.d) says
# create_main_cluster = false; it is removed when apt-get is done, so the
# system's PostgreSQL configuration stays as Debian ships it
# (scripts/check-postgresql-common.sh checks that).
require_packages()
{
	local who=$1 p missing="" dropin=/etc/postgresql-common/createcluster.d made="" log status
	shift
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
	done
	[ -n "$missing" ] || return 0
	if [ "$(id -u)" != 0 ]; then
		echo "$who: missing Debian packages:$missing (run as root, or install them)" >&2
		return 1
	fi
	echo "$who: installing$missing"
	log=$(mktemp /tmp/pg_ims_apt.XXXXXX)
	status=0
	(
		[ -d /etc/postgresql-common ] || made=/etc/postgresql-common
		[ -d $dropin ] || made="$dropin $made"
		trap 'rm -f $dropin/zz-pg_ims-deps.conf; [ -z "$made" ] || rmdir $made 2>/dev/null || true' EXIT
		mkdir -p $dropin
		echo 'create_main_cluster = false' >$dropin/zz-pg_ims-deps.conf
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq && apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends $missing
	) >"$log" 2>&1 || status=$?
	if [ "$status" != 0 ]; then
		cat "$log" >&2
		rm -f "$log"
		echo "$who: apt-get could not install$missing (its output is above)" >&2
		return 1
	fi
	rm -f "$log"
	pgbin_init
}

cluster_stop()
{
	if [ -n "${CLUSTER_DIR:-}" ] && [ -d "$CLUSTER_DIR" ]; then
		run_as_postgres "$PGBIN/pg_ctl" -D "$CLUSTER_DIR/data" -m immediate stop >/dev/null 2>&1 || true
		rm -rf "$CLUSTER_DIR"
	fi
}

# Run a command as the postgres user (as the caller when not root), from
# the root directory: PostgreSQL's programs look at their working
# directory, and the postgres user may not enter the caller's (a checkout
# under /root); they would say "could not change directory".  Arguments
# must therefore be absolute paths.
run_as_postgres()
{
	if [ "$(id -u)" = 0 ]; then
		(cd / && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

cluster_start()
{
	CLUSTER_DIR=$(mktemp -d /tmp/pg_ims_cluster.XXXXXX)
	trap cluster_stop EXIT
	trap 'exit 130' INT TERM
	[ "$(id -u)" = 0 ] && chown postgres: "$CLUSTER_DIR"
	chmod 755 "$CLUSTER_DIR"
	run_as_postgres "$PGBIN/initdb" -D "$CLUSTER_DIR/data" -U postgres -A trust \
		-E UTF8 --locale=C.UTF-8 >"$CLUSTER_DIR/initdb.log" 2>&1 || {
		cat "$CLUSTER_DIR/initdb.log" >&2
		return 1
	}
	run_as_postgres "$PGBIN/pg_ctl" -D "$CLUSTER_DIR/data" -w -l "$CLUSTER_DIR/server.log" \
		-o "-c listen_addresses='' -k $CLUSTER_DIR -c port=5432 -c fsync=off -c log_min_messages=warning" \
		start >/dev/null || {
		cat "$CLUSTER_DIR/server.log" >&2
		return 1
	}
	export PGHOST="$CLUSTER_DIR" PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
	CLUSTER_LOG="$CLUSTER_DIR/server.log"
}

# What every driver does first, from the top of the tree: install missing
# Debian packages, build and install pg_ims, start the throwaway cluster.
cluster_setup()
{
	scripts/deps.sh
	pgbin_init
	make -s all >/dev/null
	make -s install >/dev/null
	cluster_start
}
