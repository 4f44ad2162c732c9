#!/bin/bash
# scripts/test-package.sh: `make test-package`.  Builds the Debian package
# postgresql-15-pg-ims from debian/ (`dpkg-buildpackage -us -uc`, in a copy
# of the tree, so nothing is written beside the checkout), installs it into
# a fresh Debian 12 root made with debootstrap, and there, as a DBA would,
# creates the extension in a throwaway cluster of Debian's postgresql-15
# that apt installed as the package's dependency.  Runs as root; needs
# Debian's registry (deb.debian.org) for debootstrap and apt.
#
# The packages debootstrap fetches are kept as a tarball in the cache
# (PG_IMS_CACHE, /var/cache/pg_ims), so later runs unpack instead of
# downloading; every run still starts from a fresh root.  The .deb is left
# in build/package/.  The last line is "test package ... ok" or FAILED.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
. scripts/cluster.sh			# require_packages

if [ "$(id -u)" != 0 ]; then
	echo "test-package: debootstrap and chroot need root" >&2
	exit 1
fi
require_packages test-package dpkg-dev debhelper postgresql-server-dev-all libcjson-dev \
	debootstrap make gcc jq

cache=${PG_IMS_CACHE:-/var/cache/pg_ims}
mirror=http://deb.debian.org/debian
work=$(mktemp -d /tmp/pg_ims_package.XXXXXX)
root=$work/root
cleanup()
{
	# Nothing is removed while anything is still mounted in the root.
	if [ -d "$root/proc" ] && mountpoint -q "$root/proc"; then
		umount "$root/proc" || { echo "test-package: could not unmount $root/proc; left $work" >&2; return; }
	fi
	rm -rf "$work"
}
trap cleanup EXIT
fail()
{
	echo "$@" >&2
	echo "test package ... FAILED"
	exit 1
}

# The debian/changelog's version is the control file's (the one source).
version=$(make -s print-version)
deb_version=$(dpkg-parsechangelog -l debian/changelog -S Version)
[ "$deb_version" = "$version" ] ||
	fail "test-package: debian/changelog says $deb_version, extension/pg_ims.control $version"

# And so is META.json's (PGXN's semantic version: 1.2 is 1.2.0).
meta_versions=$(jq -r '.version, .provides.pg_ims.version' META.json | sort -u)
[ "$meta_versions" = "$version.0" ] ||
	fail "test-package: META.json says $(echo $meta_versions), extension/pg_ims.control $version"

# The package, from a copy of the tree.
mkdir -p "$work/src/pg-ims-$version" build/package
tar --exclude=./build --exclude=./.git --exclude='*.o' --exclude='*.so' --exclude='*.bc' \
	-cf - . | tar -C "$work/src/pg-ims-$version" -xf -
echo "test-package: dpkg-buildpackage -us -uc (log: build/package/build.log)"
(cd "$work/src/pg-ims-$version" && nice -n 19 dpkg-buildpackage -us -uc -j2) >build/package/build.log 2>&1 ||
	{ tail -n 30 build/package/build.log >&2; fail "test-package: dpkg-buildpackage failed (the end of build/package/build.log is above)"; }
rm -f build/package/*.deb
cp "$work"/src/*.deb build/package/
deb=$(ls build/package/postgresql-15-pg-ims_"$version"_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "test-package: dpkg-buildpackage made no postgresql-15-pg-ims package"
echo "test-package: built $deb"
dpkg-deb -c "$deb" >build/package/contents.txt

# A fresh Debian 12 root.
tarball=$cache/debootstrap-bookworm-minbase.tar.gz
mkdir -p "$cache"
if [ ! -s "$tarball" ]; then
	echo "test-package: debootstrap: fetching Debian 12's base packages into $tarball"
	debootstrap --variant=minbase --make-tarball="$tarball.tmp" bookworm "$work/tarball-root" "$mirror" \
		>build/package/debootstrap.log 2>&1 ||
		{ tail -n 20 build/package/debootstrap.log >&2; fail "test-package: debootstrap --make-tarball failed"; }
	mv "$tarball.tmp" "$tarball"
	rm -rf "$work/tarball-root"
fi
echo "test-package: debootstrap: a fresh Debian 12 root in $root"
debootstrap --variant=minbase --unpack-tarball="$tarball" bookworm "$root" "$mirror" \
	>>build/package/debootstrap.log 2>&1 ||
	{ tail -n 20 build/package/debootstrap.log >&2; fail "test-package: debootstrap failed"; }

# In the root, apt installs the package and what it depends on, from
# Debian 12 with its updates and security updates, as a Debian 12 server
# has them (the package needs the postgresql-15 it was built against or a
# later one).  No service starts there (policy-rc.d), and Debian creates
# no main cluster.
cp /etc/resolv.conf "$root/etc/resolv.conf"
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
mkdir -p "$root/etc/postgresql-common/createcluster.d"
echo 'create_main_cluster = false' >"$root/etc/postgresql-common/createcluster.d/no-main.conf"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/"
echo "test-package: apt-get install ./$(basename "$deb") in the root (log: build/package/install.log)"
chroot "$root" /bin/sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	apt-get install -y -qq --no-install-recommends /tmp/$(basename "$deb")" >build/package/install.log 2>&1 ||
	{ tail -n 20 build/package/install.log >&2; fail "test-package: the package did not install in the fresh root"; }

# CREATE EXTENSION, as the postgres user, in a throwaway cluster.
cat >"$root/tmp/create.sh" <<'EOF'
set -eu
bin=/usr/lib/postgresql/15/bin
dir=$(mktemp -d /tmp/pg_ims_cluster.XXXXXX)
$bin/initdb -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
$bin/pg_ctl -D "$dir/data" -w -l "$dir/server.log" \
	-o "-c listen_addresses='' -k $dir -c port=5432" start >/dev/null
trap '$bin/pg_ctl -D "$dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$dir"' EXIT
$bin/psql -X -q -v ON_ERROR_STOP=1 -h "$dir" -p 5432 -d postgres -At <<'SQL'
CREATE EXTENSION pg_ims;
SELECT 'extension ' || extname || ' ' || extversion FROM pg_extension WHERE extname = 'pg_ims';
SELECT 'standards ' || count(*) FROM ims.standard;
SELECT 'controls ' || count(*) FROM ims.control;
SQL
EOF
chroot "$root" runuser -u postgres -- /bin/sh /tmp/create.sh >build/package/create.log 2>&1 ||
	{ cat build/package/create.log >&2; fail "test-package: CREATE EXTENSION pg_ims failed in the fresh root"; }
cat build/package/create.log
grep -qx "extension pg_ims $version" build/package/create.log ||
	fail "test-package: the fresh root does not have pg_ims $version"
echo "test package ... ok"
