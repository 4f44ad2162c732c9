#!/bin/bash
# scripts/check-private-checkout.sh: the regression suite passes from a
# checkout the postgres user cannot read, as where root clones on a fresh
# Debian (/root/pg_ims, mode 0700).  The server runs as postgres, so a test
# that makes the server read a file of the checkout (COPY FROM a path or a
# program, pg_read_file, lo_import) fails here; tests pass such content
# through psql instead (\set x `cat file`, COPY FROM STDIN).
#
# The tree as it is, uncommitted changes included, is copied into a mode
# 0700 directory of root's, and its regression tests (REGRESS of the
# Makefile, through pg_regress as test.sh runs them) run there against
# test.sh's cluster (in contrib_regression: catalog_encoding connects back to it by name).  Only meaningful as root,
# when the server runs as another user; otherwise it says so and passes.
set -eu
cd "$(dirname "$0")/.."
. scripts/cluster.sh			# run_as_postgres
if [ "$(id -u)" != 0 ]; then
	echo "not root: the server runs as $(id -un), who can read the checkout; nothing to check"
	exit 0
fi

private=$(mktemp -d /tmp/pg_ims_private.XXXXXX)
trap 'rm -rf "$private"' EXIT
tar --exclude=./build --exclude=./.git --exclude='*.o' --exclude='*.so' --exclude='*.bc' \
	-cf - . | tar -C "$private" -xf -
chmod 700 "$private"			# after tar, which gives it the mode of .
if run_as_postgres test -r "$private/sql/install.sql"; then
	echo "the postgres user can read $private; the check would prove nothing"
	exit 1
fi
echo "checkout copied to $private (mode 0700, unreadable by postgres)"

# REGRESS_OPTS given on the command line drops what PGXS adds to it, hence
# --dbname.
mkdir -p "$private/build/regress"
status=0
make -C "$private" -s installcheck ISOLATION= \
	REGRESS_OPTS="--inputdir=. --outputdir=$private/build/regress --dbname=contrib_regression" \
	>"$private/build/regress.log" 2>&1 || status=$?
grep -E '\.\.\. +(ok|FAILED|failed)|^(not )?ok [0-9]+|tests (passed|failed)' "$private/build/regress.log" || true
if [ "$status" != 0 ]; then
	grep -vE '\.\.\. +(ok|FAILED|failed)' "$private/build/regress.log" | tail -n 20
	[ -s "$private/build/regress/regression.diffs" ] && head -n 60 "$private/build/regress/regression.diffs"
	exit 1
fi
