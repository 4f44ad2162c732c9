# scripts/cluster.sh: a throwaway PostgreSQL 15 cluster, sourced by test.sh
# and demo.sh.
#
# PostgreSQL refuses to run as root, so the cluster belongs to the postgres
# user and lives in a temporary directory; it listens on a Unix socket only
# and a trap stops it and removes the directory on any exit.  After
# cluster_start, PGHOST/PGPORT/PGUSER point at it.

PGBIN=/usr/lib/postgresql/15/bin

cluster_stop()
{
	if [ -n "${CLUSTER_DIR:-}" ] && [ -d "$CLUSTER_DIR" ]; then
		run_as_postgres "$PGBIN/pg_ctl" -D "$CLUSTER_DIR/data" -m immediate stop >/dev/null 2>&1 || true
		rm -rf "$CLUSTER_DIR"
	fi
}

run_as_postgres()
{
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
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
	make -s all >/dev/null
	make -s install >/dev/null
	cluster_start
}
