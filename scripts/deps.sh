#!/bin/bash
# scripts/deps.sh: install the Debian packages that building and testing
# pg_ims need, if any is missing.  Runs as root on a fresh Debian 12.
set -eu
cd "$(dirname "$0")/.."
. scripts/cluster.sh			# require_packages

# Earlier versions of this script wrote create_main_cluster = false into
# /etc/postgresql-common/createcluster.conf: appended to Debian's file, or
# as the whole file when it did not exist yet.  Where the file is exactly
# that, and ucf knows Debian's version (/var/lib/ucf/hashfile) to be the
# template postgresql-common ships, Debian's version is put back.
undo_earlier_edit()
{
	local conf=/etc/postgresql-common/createcluster.conf
	local template=/usr/share/postgresql-common/createcluster.conf
	local debian
	[ "$(id -u)" = 0 ] && [ -f "$conf" ] && [ -f "$template" ] || return 0
	[ "$(tail -n 1 "$conf")" = "create_main_cluster = false" ] || return 0
	debian=$(awk -v f="$conf" '$2 == f { print $1 }' /var/lib/ucf/hashfile 2>/dev/null)
	[ "$(md5sum <"$template" | cut -d' ' -f1)" = "$debian" ] || return 0
	if [ "$(wc -l <"$conf")" = 1 ] || cmp -s <(head -n -1 "$conf") "$template"; then
		echo "pg_ims: restoring Debian's $conf (an earlier pg_ims added create_main_cluster = false)"
		cp "$template" "$conf"
	fi
}
undo_earlier_edit

# The server is the one PG_CONFIG names (scripts/cluster.sh): Debian's
# packages of it when it is Debian's (/usr/lib/postgresql/N), nothing when
# it is a build of its own (make test-versions), which must be there.
packages="make gcc libcjson-dev clang-14 libclang-rt-14-dev"
case $PG_CONFIG in
/usr/lib/postgresql/*/bin/pg_config)
	major=${PG_CONFIG#/usr/lib/postgresql/}
	major=${major%%/*}
	packages="$packages postgresql-$major postgresql-server-dev-$major" ;;
*)
	if [ ! -x "$PG_CONFIG" ]; then
		echo "pg_ims: PG_CONFIG=$PG_CONFIG is not an executable pg_config" >&2
		exit 1
	fi ;;
esac
# Node.js and npm run ajv-cli, which validates the OSCAL exports against
# NIST's JSON schemas (scripts/check-oscal-ssp.sh, check-oscal-assessment.sh);
# any npm on the PATH will do.
command -v npm >/dev/null 2>&1 || packages="$packages npm"
require_packages pg_ims $packages
