#!/bin/bash
# scripts/check-postgresql-common.sh: /etc/postgresql-common is as Debian's
# postgresql-common left it.  make test must not change the system's
# PostgreSQL configuration (scripts/deps.sh installs packages, nothing
# more), so that clusters a DBA creates later get Debian's defaults.
#
# Two checks:
#   - nothing under /etc/postgresql-common changed during the run (test.sh
#     takes a snapshot before it installs anything: PG_IMS_CONF_SNAPSHOT),
#     but for the packages' own files, judged by the second check; where
#     postgresql-common was not installed before, what its installation
#     writes is expected, except a createcluster.d of ours;
#   - every file of it that the packages manage (ucf's createcluster.conf,
#     the dpkg conffiles of postgresql-common and postgresql-client-common)
#     has the content they registered.  A file that already differed
#     before the run, and that the run left as it was, is somebody's own
#     edit: it is named, and not held against us.
# Run by scripts/test.sh; `scripts/check-postgresql-common.sh --snapshot`
# prints the snapshot.
set -eu
conf=/etc/postgresql-common

snapshot()
{
	if dpkg-query -W -f='${Status}' postgresql-common 2>/dev/null | grep -q "ok installed"; then
		echo "# postgresql-common installed"
	else
		echo "# postgresql-common absent"
	fi
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

# What the packages registered: ucf's files (createcluster.conf) and dpkg's
# conffiles (user_clusters, supported_versions of postgresql-client-common),
# each with its md5.
declare -A shipped
while read -r f; do
	shipped[$f]=$(awk -v f="$f" '$2 == f { print $1 }' /var/lib/ucf/hashfile)
done < <(awk '$1 ~ /^postgresql-/ { print $2 }' /var/lib/ucf/registry 2>/dev/null)
while read -r f md5; do
	shipped[$f]=$md5
done < <(dpkg-query -W -f='${Conffiles}\n' postgresql-common postgresql-client-common 2>/dev/null |
	awk 'NF >= 2 && $3 != "obsolete" { print $1, $2 }')
md5_of() { md5sum <"$1" | cut -d' ' -f1; }

status=0
before=${PG_IMS_CONF_SNAPSHOT:-}
if [ -n "$before" ]; then
	# A file the packages registered is judged below, against the package.
	# Any other change is make test's, unless postgresql-common was not
	# installed before the run: then its installation made the directory
	# (root.crt is written by its postinst).
	changed=0
	fresh=""
	grep -qx '# postgresql-common absent' "$before" && fresh=yes
	while read -r f; do
		[ -z "${shipped[$f]:-}" ] || continue
		case $f in $conf/createcluster.d | $conf/createcluster.d/*) ;; *) [ -z "$fresh" ] || continue ;; esac
		echo "changed during the run: $f"
		changed=1
	done < <(diff <(grep -v '^#' "$before") <(snapshot | grep -v '^#') | sed -n 's/^[<>] .* //p' | LC_ALL=C sort -u)
	if [ $changed = 0 ]; then
		echo "nothing changed during the run under $conf, but for the packages' own files (below)"
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
