#!/bin/bash
# scripts/deps.sh: install the Debian packages that building and testing
# pg_ims need, if any is missing.  Runs as root on a fresh Debian 12.
set -eu

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

packages="make gcc postgresql-15 postgresql-server-dev-15 libcjson-dev clang-14 libclang-rt-14-dev"
missing=""
for p in $packages; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
# Node.js and npm run ajv-cli, which validates the OSCAL export against
# NIST's JSON schema (scripts/check-oscal-ssp.sh); any npm on the PATH will do.
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "pg_ims: missing Debian packages:$missing (run as root, or install them)" >&2
	exit 1
fi
echo "pg_ims: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# Installing postgresql-15 makes Debian create and start a "main" cluster;
# pg_ims only ever uses throwaway clusters.  For the length of this apt-get
# run, and only then, a drop-in file in the directory that Debian's own
# createcluster.conf includes says create_main_cluster = false.  It is
# removed when apt-get is done, so /etc/postgresql-common stays as the
# package ships it (scripts/check-postgresql-common.sh checks that).
dropin=/etc/postgresql-common/createcluster.d
made=""
[ -d /etc/postgresql-common ] || made="/etc/postgresql-common"
[ -d $dropin ] || made="$dropin $made"
mkdir -p $dropin
cleanup()
{
	rm -f $dropin/zz-pg_ims-deps.conf
	[ -z "$made" ] || rmdir $made 2>/dev/null || true
}
trap cleanup EXIT
echo 'create_main_cluster = false' >$dropin/zz-pg_ims-deps.conf
apt-get install -y -qq --no-install-recommends $missing >/dev/null
