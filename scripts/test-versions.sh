#!/bin/bash
# scripts/test-versions.sh: `make test-versions`.  The whole of `make test`
# (every regression and isolation test and the scripted checks) against
# each PostgreSQL of PG_IMS_VERSIONS (17 and 18 by default), each built
# from Debian's source package once and cached outside the checkout
# (scripts/build-postgresql.sh).  pg_ims is built in a copy of the tree per
# version, so the objects of the checkout (built for 15) are left alone,
# and installed into that version's private prefix: no lock is needed, and
# the system's PostgreSQL is not touched.  The logs of each version are in
# build/versions/MAJOR/; the last line counts per version.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
versions=${PG_IMS_VERSIONS:-17 18}

rm -rf build/versions
mkdir -p build/versions
work=$(mktemp -d /tmp/pg_ims_versions.XXXXXX)
trap 'rm -rf "$work"' EXIT

summary=""
status=0
for major in $versions; do
	start=$(date +%s)
	if ! pg_config=$(scripts/build-postgresql.sh "$major"); then
		echo "test-versions: PostgreSQL $major could not be built" >&2
		summary="$summary; $major: not built"
		status=1
		continue
	fi
	echo "== PostgreSQL $("$pg_config" --version | sed 's/^PostgreSQL //') ($pg_config)"
	tree=$work/$major
	mkdir -p "$tree"
	tar --exclude=./build --exclude=./.git --exclude='*.o' --exclude='*.so' --exclude='*.bc' \
		-cf - . | tar -C "$tree" -xf -
	set +e
	(cd "$tree" && PG_CONFIG=$pg_config scripts/test.sh) 2>&1 | tee "build/versions/$major.log"
	set -e
	cp -r "$tree/build" "build/versions/$major"
	last=$(tail -n 1 "build/versions/$major.log")
	case $last in
	*" passed, 0 failed") ;;
	*" passed, "*" failed") status=1 ;;
	*) last="did not finish (see build/versions/$major.log)"; status=1 ;;
	esac
	echo "PostgreSQL $major: $last, in $(($(date +%s) - start)) s"
	summary="$summary; $major: $last"
done
echo "${summary#; }"
exit $status
