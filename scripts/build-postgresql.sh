#!/bin/bash
# scripts/build-postgresql.sh MAJOR: build PostgreSQL MAJOR (17, 18) from
# Debian's source package, once, into a cache directory outside the
# checkout, and print the path of its pg_config.  `make test-versions`
# calls it; later runs find the build there and reuse it.
#
# Debian 12 has no package of these versions, so the source comes from
# Debian's newer suites: postgresql-17 from trixie, postgresql-18 from
# forky.  apt-get runs with a private configuration (APT_CONFIG) holding
# its own sources.list, state and cache under the cache directory; the
# system's apt sources are not changed.
#
# What is built is what pg_ims needs: the server, the client programs,
# PGXS with pg_regress and the isolation tester, and contrib/amcheck
# (sql/index_integrity.sql); no documentation, no other contrib.  The
# build runs under `nice -n 19` with `make -j2` at most (PG_IMS_BUILD_JOBS).
#
# The cache: PG_IMS_CACHE, /var/cache/pg_ims by default; it is where the
# postgres user can run the server from (not under /root).  The prefix of
# version MAJOR is $PG_IMS_CACHE/postgresql-MAJOR; remove it to rebuild.
set -eu
cd "$(dirname "$0")/.."
. scripts/cluster.sh			# require_packages

major=${1:?usage: scripts/build-postgresql.sh MAJOR}
# The suites apt-get source takes it from, and a known version of it, with
# the SHA-256 of its .dsc, for when the mirror's index names a version its
# pool does not hold yet (as deb.debian.org here, whose trixie index says
# 17.12 while its pool has 17.11): then the pinned .dsc is fetched with
# apt's own downloader, checked against that hash, and the .dsc's own
# checksums check the tarballs.
case $major in
17) suite="trixie trixie-security"
    pinned=postgresql-17_17.11-0+deb13u1.dsc
    pinned_sha256=bf148ae423a982707c3f60672c3a072ef62b701bd9f5df847d9f4b8c9b3e3b18 ;;
18) suite=forky
    pinned=postgresql-18_18.6-3.dsc
    pinned_sha256=a4254c4548ebeea683832de193460ee8a9f1271418e884803b44ded1aead1776 ;;
*) echo "build-postgresql: no Debian source suite known for PostgreSQL $major (17 or 18)" >&2; exit 2 ;;
esac
cache=${PG_IMS_CACHE:-/var/cache/pg_ims}
prefix=$cache/postgresql-$major
jobs=${PG_IMS_BUILD_JOBS:-2}
[ "$jobs" -le 2 ] 2>/dev/null || jobs=2

# A build is complete when its stamp is there: the stamp is written last.
if [ -f "$prefix/pg_ims-build.stamp" ] && [ -x "$prefix/bin/pg_config" ]; then
	echo "$prefix/bin/pg_config"
	exit 0
fi

require_packages build-postgresql dpkg-dev bison flex pkg-config libicu-dev zlib1g-dev \
	libreadline-dev gcc make perl >&2

# The private apt configuration.  The release files of forky and sid are
# valid for a week only; a mirror that lags (or a clock that runs ahead)
# would make apt refuse them, and the .dsc and tarballs are still checked
# against the hashes of the signed release file, so the date is not.
apt=$cache/apt
mkdir -p "$apt/etc/sources.list.d" "$apt/etc/apt.conf.d" "$apt/etc/preferences.d" \
	"$apt/state/lists/partial" "$apt/cache/archives/partial"
: >"$apt/etc/sources.list"
for s in $suite; do
	case $s in
	*-security) url=http://deb.debian.org/debian-security ;;
	*) url=http://deb.debian.org/debian ;;
	esac
	echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $url $s main" >>"$apt/etc/sources.list"
done
cat >"$apt/etc/apt.conf" <<EOF
Dir::Etc::SourceList "$apt/etc/sources.list";
Dir::Etc::SourceParts "$apt/etc/sources.list.d";
Dir::Etc::Parts "$apt/etc/apt.conf.d";
Dir::Etc::Preferences "$apt/etc/preferences";
Dir::Etc::PreferencesParts "$apt/etc/preferences.d";
Dir::State "$apt/state";
Dir::State::status "/var/lib/dpkg/status";
Dir::Cache "$apt/cache";
Acquire::Check-Valid-Until "false";
APT::Sandbox::User "root";
EOF
export APT_CONFIG=$apt/etc/apt.conf

src=$cache/src-$major
rm -rf "$src"
mkdir -p "$src"
log=$cache/build-$major.log
: >"$log"
echo "build-postgresql: fetching postgresql-$major from Debian $suite (log: $log)" >&2
# fetch_pinned: the pinned .dsc and the files it lists, into $src.
fetch_pinned()
{
	local pool=http://deb.debian.org/debian/pool/main/p/postgresql-$major sum size file
	/usr/lib/apt/apt-helper download-file "$pool/$pinned" "$src/$pinned" "SHA256:$pinned_sha256" || return 1
	sed -n '/^Checksums-Sha256:/,/^[^ ]/{/^ /p}' "$src/$pinned" | while read -r sum size file; do
		/usr/lib/apt/apt-helper download-file "$pool/$file" "$src/$file" "SHA256:$sum" || exit 1
	done || return 1
	(cd "$src" && dpkg-source -x "$pinned")
}
if ! apt-get update >>"$log" 2>&1; then
	cat "$log" >&2
	echo "build-postgresql: apt-get update failed for Debian $suite (private configuration in $apt)" >&2
	exit 1
fi
if ! (cd "$src" && apt-get source "postgresql-$major") >>"$log" 2>&1; then
	echo "build-postgresql: the newest postgresql-$major of the index is not in the pool; fetching $pinned" >&2
	rm -rf "${src:?}"/*
	if ! fetch_pinned >>"$log" 2>&1; then
		cat "$log" >&2
		echo "build-postgresql: could not fetch the source package postgresql-$major from Debian $suite" >&2
		exit 1
	fi
fi
tree=$(find "$src" -mindepth 1 -maxdepth 1 -type d -name "postgresql-$major-*" | head -n 1)
[ -n "$tree" ] || { echo "build-postgresql: apt-get source left no source tree in $src" >&2; exit 1; }
version=$(cd "$tree" && dpkg-parsechangelog -S Version)

echo "build-postgresql: building PostgreSQL $version into $prefix (nice -n 19, make -j$jobs)" >&2
rm -rf "$prefix"
start=$(date +%s)
# PostgreSQL's makefiles generate their headers at the top make level
# only: the make that runs this script (make test-versions) must not look
# like an outer level to them.
unset MAKELEVEL MAKEFLAGS MFLAGS
if ! (
	cd "$tree" &&
	nice -n 19 ./configure --prefix="$prefix" --without-readline --without-llvm \
		--with-icu --with-system-tzdata=/usr/share/zoneinfo &&
	nice -n 19 make -j"$jobs" -C src &&
	nice -n 19 make -C src install &&
	nice -n 19 make -C config install &&
	nice -n 19 make -j"$jobs" -C contrib/amcheck &&
	nice -n 19 make -C contrib/amcheck install
) >>"$log" 2>&1; then
	tail -n 40 "$log" >&2
	echo "build-postgresql: the build of PostgreSQL $version failed (the end of $log is above)" >&2
	exit 1
fi
rm -rf "$src"
echo "postgresql $version from Debian $suite, built in $(($(date +%s) - start)) s" >"$prefix/pg_ims-build.stamp"
echo "build-postgresql: PostgreSQL $version built in $(($(date +%s) - start)) s" >&2
echo "$prefix/bin/pg_config"
