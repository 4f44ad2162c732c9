#!/bin/bash
# scripts/check-module-magic.sh: from PostgreSQL 18 the module's magic
# block names it and its version (PG_MODULE_MAGIC_EXT, src/pg_ims.c), and
# pg_get_loaded_modules() shows them: the version must be the control
# file's.  Before 18 there is no such block and the check says so.
set -eu
cd "$(dirname "$0")/.."
. scripts/cluster.sh			# PGBIN, psql
db=regress_pg_ims_magic
trap '"$PGBIN/dropdb" --if-exists $db 2>/dev/null' EXIT

version=$(make -s print-version)
server=$(psql -d postgres -Atc "SHOW server_version_num")
if [ "$server" -lt 180000 ]; then
	echo "PostgreSQL $server has no module name and version in the magic block; nothing to check"
	exit 0
fi
"$PGBIN/dropdb" --if-exists $db 2>/dev/null
"$PGBIN/createdb" $db
got=$(psql -d $db -At <<'SQL'
CREATE EXTENSION pg_ims;
SELECT 'confidentiality'::ims.risk_type;
SELECT module_name || ' ' || version FROM pg_get_loaded_modules() WHERE file_name = 'pg_ims.so';
SQL
)
echo "$got"
[ "$(echo "$got" | tail -n 1)" = "pg_ims $version" ] || {
	echo "FAILED: pg_get_loaded_modules() does not show pg_ims $version"
	exit 1
}
