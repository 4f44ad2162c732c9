#!/bin/bash
# scripts/test-clients.sh: `make test-clients`.  What pg_ims gives a
# spreadsheet, a BI tool and a browser, checked with the real clients, which
# are large Debian packages (LibreOffice, psqlODBC, Chromium): so apart from
# `make test`, and run after it by .ci/run.  Like make test it installs what
# is missing (require_packages), builds, installs and starts a throwaway
# cluster.
#
#   1. LibreOffice: the SoA CSV, converted headless to xlsx, has the
#      justification "=HYPERLINK(...)" as a text cell, not a formula, and
#      a non-ASCII name intact (the byte-order mark);
#   2. psqlODBC (tools/odbc_bound_fetch.c binds the size the driver
#      describes, as BI tools do): a risk's 300-character control list is
#      not truncated (the text column controls_text), while the text[]
#      column is cut at its described 255 characters (SQLSTATE 01004), the
#      witness that the check can fail; and the readiness shares and weeks
#      are described with their precision and scale;
#   3. Chromium: the HTML SoA fits a 760 px and a 1280 px window (and,
#      the witness, overflows 760 px without its narrow layout).
#
# The last line is "N passed, N failed", as make test's.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
. scripts/cluster.sh
require_packages test-clients libreoffice-calc-nogui odbc-postgresql unixodbc unixodbc-dev unzip chromium
# Against a server of one's own when PGHOST names it (pg_ims installed
# there); otherwise a throwaway cluster, as make test's.
if [ -z "${PGHOST:-}" ]; then
	cluster_setup
fi

db=regress_pg_ims_clients
work=$(mktemp -d /tmp/pg_ims_clients.XXXXXX)
trap 'rm -rf "$work"; "$PGBIN/dropdb" --if-exists $db 2>/dev/null; cluster_stop' EXIT
passed=0
failed=0
result()
{
	if [ "$2" = ok ]; then
		echo "test $1 ... ok"
		passed=$((passed + 1))
	else
		echo "test $1 ... FAILED: $2"
		failed=$((failed + 1))
	fi
}

"$PGBIN/createdb" $db
psql -d $db -c "CREATE EXTENSION pg_ims" >/dev/null
psql -d $db -f scripts/sample_organization.sql >/dev/null
org=$(psql -d $db -At -c "SELECT min(org_id) FROM ims.organization")
# a justification a spreadsheet would run, and an owner with an umlaut
psql -d $db >/dev/null <<SQL
UPDATE ims.soa_entry SET justification = '=HYPERLINK("http://example.org/","Klick")', owner = 'Jürgen Bäcker'
WHERE org_id = $org AND standard = 'iso27001:2022' AND control_id = 'A.5.1';
-- a risk treated by 20 controls: its control list is over 300 characters
INSERT INTO ims.risk_control (org_id, risk_id, standard, control_id)
SELECT $org, (SELECT min(risk_id) FROM ims.risk WHERE org_id = $org), c.standard, c.control_id
FROM ims.control c WHERE c.standard = 'iso27001:2022' AND c.control_id LIKE 'A.8.%'
ON CONFLICT DO NOTHING;
SQL

# 1. LibreOffice
psql -d $db -At -c "SELECT ims.soa_document($org, 'csv')" | head -c -1 >"$work/soa.csv"
# a profile of its own, so that nothing of the caller's is read or written
if timeout 120 soffice --headless -env:UserInstallation=file://$work/lo \
	--infilter='CSV:44,34,76,1' --convert-to xlsx --outdir "$work" "$work/soa.csv" >"$work/soffice.log" 2>&1 &&
	[ -s "$work/soa.xlsx" ]; then
	(cd "$work" && unzip -q -o soa.xlsx xl/worksheets/sheet1.xml xl/sharedStrings.xml)
	out=$(python3 - "$work" <<'PY'
import re, sys, xml.etree.ElementTree as ET
d = sys.argv[1]
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
strings = ["".join(t.text or "" for t in si.iter("{%s}t" % ns["m"]))
           for si in ET.parse(d + "/xl/sharedStrings.xml").getroot().findall("m:si", ns)]
cells = {}
for c in ET.parse(d + "/xl/worksheets/sheet1.xml").getroot().iter("{%s}c" % ns["m"]):
    v = c.find("m:v", ns)
    cells[c.get("r")] = (c.get("t"), c.find("m:f", ns) is not None,
                         strings[int(v.text)] if c.get("t") == "s" and v is not None else (v.text if v is not None else None))
# row 2 is ISO 27001 A.5.1; J the justification, L the owner
j, l = cells.get("J2"), cells.get("L2")
print("justification", j)
print("owner", l)
formulas = [r for r, (t, f, v) in cells.items() if f]
print("formulas", len(formulas))
ok = j is not None and j[0] == "s" and not j[1] and "HYPERLINK" in (j[2] or "") and l is not None and l[2] == "Jürgen Bäcker" and not formulas
print("verdict", "ok" if ok else "bad")
PY
)
	echo "$out" | sed 's/^/  /'
	case "$out" in
		*"verdict ok"*) result libreoffice-csv ok ;;
		*) result libreoffice-csv "the justification or the owner is not the text cell it must be" ;;
	esac
else
	cat "$work/soffice.log"
	result libreoffice-csv "soffice could not convert the CSV"
fi

# The witness that the check can fail: the same justification without the
# quote in front, converted the same way, is a formula.
printf '\xef\xbb\xbfstandard,justification\r\n"iso27001:2022","=HYPERLINK(""http://example.org/"",""Klick"")"\r\n' >"$work/raw.csv"
mkdir -p "$work/raw"
if timeout 120 soffice --headless -env:UserInstallation=file://$work/lo \
	--infilter='CSV:44,34,76,1' --convert-to xlsx --outdir "$work/raw" "$work/raw.csv" >"$work/soffice-raw.log" 2>&1 &&
	(cd "$work/raw" && unzip -q -o raw.xlsx xl/worksheets/sheet1.xml) &&
	grep -q '<c r="B2"[^>]*><f[ >]' "$work/raw/xl/worksheets/sheet1.xml"; then
	result libreoffice-formula-witness ok
else
	result libreoffice-formula-witness "a raw =HYPERLINK cell did not become a formula: the CSV check proves nothing"
fi

# 2. psqlODBC, through a client that binds the size the driver describes
cat >"$work/odbcinst.ini" <<EOF
[PostgreSQL Unicode]
Driver = $(dpkg -L odbc-postgresql | grep -m1 '/psqlodbcw.so$')
EOF
export ODBCSYSINI=$work ODBCINI=$work/odbc.ini
: >"$work/odbc.ini"
cc -Wall -Werror -o "$work/odbc_bound_fetch" tools/odbc_bound_fetch.c -lodbc
conn="DRIVER={PostgreSQL Unicode};Servername=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$db"
risk="FROM ims.report_risk_register WHERE org_id = $org ORDER BY length(controls_text) DESC NULLS LAST LIMIT 1"
held=$(psql -d $db -At -c "SELECT length(controls_text) $risk")
"$work/odbc_bound_fetch" "$conn" "SELECT controls_text $risk" >"$work/text.out" 2>&1 || true
"$work/odbc_bound_fetch" "$conn" "SELECT controls $risk" >"$work/array.out" 2>&1 || true
sed 's/^/  text column: /' "$work/text.out"
sed 's/^/  text[] column: /' "$work/array.out"
if [ "$held" -ge 300 ] && grep -q "^value 1 held $held fetched $held$" "$work/text.out" &&
	! grep -q '^truncated' "$work/text.out"; then
	result psqlodbc-bound-fetch ok
else
	result psqlodbc-bound-fetch "the $held-character control list is truncated or not fetched"
fi
# the witness that the check can fail: the array, bound at its described size, is cut
if grep -q '^truncated 01004' "$work/array.out"; then
	result psqlodbc-array-truncated ok
else
	result psqlodbc-array-truncated "the text[] column was not truncated: the check of controls_text proves nothing"
fi
"$work/odbc_bound_fetch" "$conn" "SELECT decided_pct, implemented_pct, evidenced_pct, weeks_low, weeks_high
	FROM ims.report_readiness WHERE org_id = $org LIMIT 1" >"$work/numeric.out" 2>&1 || true
sed 's/^/  readiness: /' "$work/numeric.out"
if [ "$(grep -c '^column [a-z_]*_pct type 2 size 3 digits 0$' "$work/numeric.out")" = 3 ] &&
	[ "$(grep -c '^column weeks_[a-z]* type 2 size 7 digits 1$' "$work/numeric.out")" = 2 ]; then
	result psqlodbc-numeric-precision ok
else
	result psqlodbc-numeric-precision "report_readiness's numeric columns are not described with their precision"
fi

# 3. Chromium: the HTML SoA does not run off the right edge of a 760 px
# window, nor of a 1280 px one (the page's width, measured by a script added
# to a copy; the document itself has none); the witness: the same document
# without its narrow layout (its @media rule made unreachable) overflows
# at 760 px.
psql -d $db -At -c "SELECT ims.soa_document($org, 'html')" >"$work/soa.html"
measure()
{
	sed "s|@media screen and (max-width: 820px)|$2|; s|</body>|<script>document.body.setAttribute('data-scroll-width', document.documentElement.scrollWidth)</script></body>|" \
		"$work/soa.html" >"$work/measure.html"
	timeout 120 chromium --headless=new --no-sandbox --disable-gpu --user-data-dir="$work/chromium" \
		--window-size="$1",1000 --dump-dom "file://$work/measure.html" 2>/dev/null |
		grep -o 'data-scroll-width="[0-9]*"' | grep -o '[0-9]*'
}
for width in 760 1280; do
	scroll=$(measure $width '@media screen and (max-width: 820px)')
	echo "  html at $width px: page width ${scroll:-unknown} px"
	if [ -n "$scroll" ] && [ "$scroll" -le "$width" ]; then
		result html-$width-px ok
	else
		result html-$width-px "the document is ${scroll:-an unknown number of} px wide in a $width px window"
	fi
done
scroll=$(measure 760 '@media screen and (max-width: 1px)')
echo "  html at 760 px without the narrow layout: page width ${scroll:-unknown} px"
if [ -n "$scroll" ] && [ "$scroll" -gt 760 ]; then
	result html-overflow-witness ok
else
	result html-overflow-witness "the tables fit 760 px even without the narrow layout: the check proves nothing"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
