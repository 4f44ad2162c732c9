#!/bin/bash
# scripts/check-upgrade.sh: ALTER EXTENSION pg_ims UPDATE from 1.0 gives the
# same extension as a fresh install of the current version, and keeps every
# row.  Run by scripts/test.sh against its cluster (PGHOST is set).
#
# One database installs 1.0 and is filled by scripts/fill_checked_database.sql
# (a user catalog and mapping, a kind of evidence, the sample organization,
# an access grant and an approved SoA); it is updated; another installs the
# current version.  The
# two are compared by scripts/schema_fingerprint.sql (members, columns,
# constraints, indexes, triggers, policies, functions, views, comments,
# privileges, the shipped catalogs' rows).  Every user row of 1.0 must
# still be there, unchanged in the columns 1.0 has, and the approved SoA's
# digest must still verify.  Shipped rows (builtin) belong to the version:
# they may change, and must end up as a fresh install has them.
#
# The install script of 1.0 loads the shipped files of the tree, not those
# 1.0 shipped; so the old database is first given the shipped mapping as
# 1.0 and 1.1 had it (scripts/shipped_mapping_1.1.sql), which the update
# to 1.2 must replace.
set -eu
cd "$(dirname "$0")/.."
. scripts/cluster.sh			# PGBIN, psql
old=regress_pg_ims_upgrade_old
new=regress_pg_ims_upgrade_new
work=$(mktemp -d /tmp/pg_ims_upgrade.XXXXXX)
trap 'rm -rf "$work"; "$PGBIN/dropdb" --if-exists $old 2>/dev/null; "$PGBIN/dropdb" --if-exists $new 2>/dev/null' EXIT
current=$(make -s print-version)

status=0
for db in $old $new; do
	"$PGBIN/dropdb" --if-exists $db 2>/dev/null
	"$PGBIN/createdb" $db
done
psql -d $old -c "CREATE EXTENSION pg_ims VERSION '1.0'"
psql -d $new -c "CREATE EXTENSION pg_ims"
echo "installed: $(psql -d $old -At -c "SELECT extversion FROM pg_extension WHERE extname = 'pg_ims'") and $(psql -d $new -At -c "SELECT extversion FROM pg_extension WHERE extname = 'pg_ims'")"

psql -d $old -v catalog="$(cat data/catalog_good.json)" -v mapping="$(cat data/mapping_good.json)" \
	-v reader=regress_pg_ims_upgrade_reader -f scripts/fill_checked_database.sql
psql -d $old -f scripts/shipped_mapping_1.1.sql
echo "shipped control pairs before the update: $(psql -d $old -At -c "SELECT count(*) FROM ims.control_mapping WHERE builtin")"

# Before the update, a mapping that states strengths is refused (1.1 has no
# column for them); one that states none loaded above.
if out=$(echo "SELECT ims.import_mapping(:'doc');" |
	psql -d $old -v doc="$(cat data/mapping_strength.json)" -At 2>&1); then
	echo "a mapping with strengths loaded into a database without the column: $out"
	status=1
else
	echo "$out" | head -1
	echo "$out" | grep -q 'ERROR:  the strength of control pairs needs version 1.2 or later of extension "pg_ims"' || status=1
fi

# Before the update, the validator says the database must be updated
# (its rules are in the extension since 1.2), rather than find nothing.
if out=$(psql -d $old -At -c "SELECT count(*) FROM ims.evaluate_findings(NULL)" 2>&1); then
	echo "the validator of a 1.0 database ran under the current library: $out"
	status=1
else
	echo "$out" | head -3
	echo "$out" | grep -q 'ERROR:  the validator needs version 1.2 or later of extension "pg_ims"' || status=1
fi

# Every row of every table of 1.0, by the columns 1.0 has, before and after
# the update: none may be lost or changed.  The update adds rows (the
# shipped regulation and its crosswalk), never removes one; except the
# shipped rows of a table with a builtin column, which the fingerprint
# compares with a fresh install instead (1.2 replaces the shipped mapping).
rows() {
	local rel cols where
	while IFS='|' read -r rel cols where; do
		psql -d $old -At -c "SELECT '$rel ' || t::text FROM (SELECT $cols FROM ims.$rel $where) t"
	done <"$work/columns" | LC_ALL=C sort
}
psql -d $old -At -c "SELECT c.relname, string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum),
		CASE WHEN bool_or(a.attname = 'builtin') THEN 'WHERE NOT builtin' ELSE '' END
	FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	WHERE c.relnamespace = 'ims'::regnamespace AND c.relkind = 'r' GROUP BY c.relname ORDER BY 1" >"$work/columns"
rows >"$work/rows.before"

psql -d $old -c "ALTER EXTENSION pg_ims UPDATE"
echo "updated to: $(psql -d $old -At -c "SELECT extversion FROM pg_extension WHERE extname = 'pg_ims'") (current $current)"
rows >"$work/rows.after"

echo "tables of 1.0 compared: $(wc -l <"$work/columns"), rows before: $(wc -l <"$work/rows.before"), after: $(wc -l <"$work/rows.after")"
LC_ALL=C comm -23 "$work/rows.before" "$work/rows.after" >"$work/rows.lost"
if [ -s "$work/rows.lost" ]; then
	echo "rows lost or changed by the update:"
	head -20 "$work/rows.lost"
	status=1
fi
echo "rows added by the update, by table:"
LC_ALL=C comm -13 "$work/rows.before" "$work/rows.after" | cut -d' ' -f1 | uniq -c

# The shipped mapping is the current one: none of the pairs 1.2 dropped is
# left, the pair it restored is there (the fingerprint compares every row),
# and the pairs of the mapping imported into 1.0 have the default strength.
psql -d $old -At >"$work/mapping.txt" <<'SQL'
SELECT 'shipped control pairs after the update: ' || count(*) FROM ims.control_mapping WHERE builtin;
SELECT 'dropped pairs left: ' || count(*) FROM ims.control_mapping
WHERE builtin AND (source_control, target_control) IN (('A.5.33', 'A.5.3'), ('A.8.29', 'A.6.2.5'), ('A.5.9', 'A.7.2'));
SELECT 'imported pairs by strength: ' || string_agg(strength || ' ' || n, ', ' ORDER BY strength)
FROM (SELECT strength, count(*) AS n FROM ims.control_mapping WHERE NOT builtin GROUP BY 1) s;
SQL
cat "$work/mapping.txt"
grep -qx 'dropped pairs left: 0' "$work/mapping.txt" || status=1
grep -qx 'imported pairs by strength: moderate 1' "$work/mapping.txt" || status=1

# The history starts at the update (36_history.sql): a BASELINE entry for
# every row of every per-organization table, chains that verify, and a
# change made after the update in the history.  A document with an
# approver became approved.
psql -d $old -At >"$work/history.txt" <<'SQL'
-- the rows of a table (not query_to_xml: a server built without libxml,
-- as make test-versions builds them, has none)
CREATE FUNCTION pg_temp.rows_of(t regclass) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
	EXECUTE format('SELECT count(*) FROM %s', t) INTO n;
	RETURN n;
END $$;
SELECT 'baseline entries missing: ' || (
	SELECT sum(pg_temp.rows_of(c.oid::regclass))
	FROM pg_class c WHERE c.relnamespace = 'ims'::regnamespace AND c.relkind = 'r'
	  AND EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'history_log'))
	- (SELECT count(*) FROM ims.history WHERE operation = 'BASELINE');
SELECT 'baseline entries: ' || count(*) FROM ims.history WHERE operation = 'BASELINE';
UPDATE ims.risk SET likelihood = coalesce(likelihood, 1) % 5 + 1
WHERE (org_id, risk_id) = (SELECT org_id, risk_id FROM ims.risk ORDER BY 1, 2 LIMIT 1);
SELECT 'updates logged: ' || count(*) FROM ims.history WHERE operation = 'UPDATE' AND table_name = 'risk';
SELECT 'chains that do not verify: ' || count(*) FILTER (WHERE NOT (ims.verify_history(org_id)).valid) FROM ims.history_chain;
SELECT 'documents with an approver not approved: ' || count(*) FROM ims.document WHERE approved_by IS NOT NULL AND status <> 'approved';
SQL
cat "$work/history.txt"
grep -qx 'baseline entries missing: 0' "$work/history.txt" || status=1
grep -qx 'baseline entries: 0' "$work/history.txt" && status=1
grep -qx 'updates logged: 1' "$work/history.txt" || status=1
grep -qx 'chains that do not verify: 0' "$work/history.txt" || status=1
grep -qx 'documents with an approver not approved: 0' "$work/history.txt" || status=1

psql -d $old -f scripts/schema_fingerprint.sql >"$work/updated"
psql -d $new -f scripts/schema_fingerprint.sql >"$work/fresh"
echo "schema lines compared: $(wc -l <"$work/fresh")"
diff -u "$work/fresh" "$work/updated" || status=1

# the approved SoA still verifies, and the new features work on old rows
psql -d $old -At >"$work/after.txt" <<'SQL'
SELECT 'digest ' || (s.digest = ims.soa_digest(s.org_id, s.soa_id, s.approved_by))
FROM ims.soa s WHERE s.status = 'approved';
\i scripts/sample_ai_act.sql
SELECT 'ai act rows ' || (count(*) > 0) FROM ims.report_ai_act_gap;
SELECT 'ssp ' || jsonb_typeof(ims.export_oscal_ssp(org_id)) FROM ims.organization;
-- the impacts a 1.1 assessment wrote as text are rows of ims.impact, one
-- per subject written, unrated harms whose text is the assessment's
SELECT 'impacts from text ' || (count(*) > 0 AND bool_and(m.impact_id IS NOT NULL AND m.nature = 'harm'
									AND m.likelihood IS NULL AND m.severity IS NULL)
								AND count(*) = (SELECT count(*) FROM ims.impact))
FROM ims.impact_assessment i
	 CROSS JOIN LATERAL (VALUES ('individuals', i.individuals), ('groups', i.groups), ('society', i.society)) AS t(subject, txt)
	 LEFT JOIN ims.impact m ON m.org_id = i.org_id AND m.assessment_id = i.assessment_id
		AND m.subject = t.subject AND m.description = btrim(t.txt)
WHERE btrim(t.txt) <> '';
SQL
cat "$work/after.txt"
grep -qx 'impacts from text true' "$work/after.txt" || status=1
grep -qx 'digest true' "$work/after.txt" && ! grep -q 'digest false' "$work/after.txt" || status=1
grep -qx 'ai act rows true' "$work/after.txt" || status=1
grep -qx 'ssp object' "$work/after.txt" || status=1
exit $status
