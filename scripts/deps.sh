#!/bin/sh
# scripts/deps.sh: install the Debian packages that building and testing
# pg_ims need, if any is missing.  Runs as root on a fresh Debian 12.
set -eu

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
# postgresql-common would create and start a "main" cluster; we only ever use
# throwaway clusters, so skip that.
mkdir -p /etc/postgresql-common
if [ ! -f /etc/postgresql-common/createcluster.conf ] || ! grep -q '^create_main_cluster' /etc/postgresql-common/createcluster.conf; then
	echo 'create_main_cluster = false' >>/etc/postgresql-common/createcluster.conf
fi
apt-get install -y -qq --no-install-recommends $missing >/dev/null
