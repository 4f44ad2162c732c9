#!/bin/bash
# scripts/check-postgresql-common.sh: /etc/postgresql-common is as Debian's
# postgresql-common left it.  make test must not change the system's
# PostgreSQL configuration (scripts/deps.sh installs packages, nothing
# more), so that clusters a DBA creates later get Debian's defaults.
#
# Two checks:
#   - nothing under /etc/postgresql-common changed during the run, except
#     a file put back to the package's version: test.sh takes a snapshot
#     before it installs anything (PG_IMS_CONF_SNAPSHOT);
#   - every file of it that the package manages (ucf's createcluster.conf,
#     dpkg's conffiles) has the content the package registered.  A file
#     that already differed before the run, and that the run left as it
#     was, is somebody's own edit: it is named, and not held against us.
# Run by scripts/test.sh; `scripts/check-postgresql-common.sh --snapshot`
# prints the snapshot.
set -eu
conf=/etc/postgresql-common

snapshot()
{
	[ -d $conf ] || return 0
	find $conf -printf '%y %m %u:%g %p\n' | LC_ALL=C sort
	find $conf -type f -exec md5sum {} + | LC_ALL=C sort -k2
}
if [ "${1:-}" = --snapshot ]; then
	snapshot
	exit 0
fi
if ! dpkg-query -W -f='${Status}' postgresql-common 2>/dev/null | grep -q "ok installed"; then
	echo "postgresql-common is not installed"
	exit 1
fi

# What the package registered: ucf's files (createcluster.conf) and dpkg's
# conffiles, each with its md5.
declare -A shipped
while read -r f; do
	shipped[$f]=$(awk -v f="$f" '$2 == f { print $1 }' /var/lib/ucf/hashfile)
done < <(awk '$1 == "postgresql-common" { print $2 }' /var/lib/ucf/registry 2>/dev/null)
while read -r f md5; do
	shipped[$f]=$md5
done < <(dpkg-query -W -f='${Conffiles}\n' postgresql-common | awk 'NF >= 2 && $3 != "obsolete" { print $1, $2 }')
md5_of() { md5sum <"$1" | cut -d' ' -f1; }

status=0
before=${PG_IMS_CONF_SNAPSHOT:-}
if [ -n "$before" ]; then
	changed=0
	while read -r line; do
		f=${line##* }
		if [ -f "$f" ] && [ -n "${shipped[$f]:-}" ] && [ "$(md5_of "$f")" = "${shipped[$f]}" ]; then
			continue			# put back to the package's version
		fi
		echo "changed during the run: ${line##* }"
		changed=1
	done < <(diff <(cat "$before") <(snapshot) | sed -n 's/^[<>] //p' | awk '{ print $NF " " $0 }' |
		LC_ALL=C sort -u -k1,1 | cut -d' ' -f2-)
	if [ $changed = 0 ]; then
		echo "unchanged during the run: $conf ($(grep -c '^[dfl] ' "$before" || true) entries)"
	else
		status=1
	fi
else
	echo "no snapshot from before the run (PG_IMS_CONF_SNAPSHOT): only the package's own record is compared"
fi

for f in "${!shipped[@]}"; do
	case $f in $conf/*) ;; *) continue ;; esac
	if [ ! -e "$f" ]; then
		echo "missing: $f"
		status=1
	elif [ "$(md5_of "$f")" = "${shipped[$f]}" ]; then
		echo "as the package shipped it: $f"
	elif [ -n "$before" ] && grep -qx "$(md5_of "$f")  $f" "$before"; then
		echo "differs from the package, but did so before this run (a local edit, not make test's): $f"
	else
		echo "differs from what the package shipped: $f"
		status=1
	fi
done
exit $status
