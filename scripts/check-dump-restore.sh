#!/bin/bash
# scripts/check-dump-restore.sh: user rows of every table survive pg_dump and
# pg_restore into a fresh database, and the shipped catalogs are not
# duplicated.  Run by scripts/test.sh against its cluster (PGHOST is set).
set -eu
cd "$(dirname "$0")/.."
. scripts/cluster.sh			# PGBIN, psql
src=regress_pg_ims_dump_src
dst=regress_pg_ims_dump_dst
dump=$(mktemp /tmp/pg_ims_dump.XXXXXX)
trap 'rm -f "$dump"; "$PGBIN/dropdb" --if-exists $src 2>/dev/null; "$PGBIN/dropdb" --if-exists $dst 2>/dev/null' EXIT

"$PGBIN/dropdb" --if-exists $src 2>/dev/null
"$PGBIN/dropdb" --if-exists $dst 2>/dev/null
"$PGBIN/createdb" $src
psql -d $src -c "CREATE EXTENSION pg_ims"

# The state of scripts/fill_checked_database.sql, the sample's AI Act
# classification, and evidence of the kind of one's own after the approval.
psql -d $src -v catalog="$(cat data/catalog_good.json)" -v mapping="$(cat data/mapping_good.json)" \
	-v reader=regress_ims_dump_reader -f scripts/fill_checked_database.sql
psql -d $src -f scripts/sample_ai_act.sql >/dev/null
# An imported OSCAL catalog (enhancements refer to their controls) and a
# regulation of one's own with its crosswalk to ISO 42001.
psql -d $src >/dev/null <<'SQL'
\set oscal `cat data/oscal/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json`
SELECT ims.import_oscal_catalog(:'oscal', 'nist800-53r5:low');
SELECT ims.import_catalog('{"format": "pg_ims/catalog", "format_version": 1,
  "standard": {"code": "acme-act:2026", "title": "ACME AI Act 2026", "kind": "regulation"},
  "clauses": [{"number": "Art. 1", "title": "Logging"}, {"number": "Art. 2", "title": "Registration"}],
  "controls": []}');
SELECT ims.import_crosswalk('{"format": "pg_ims/crosswalk", "format_version": 1,
  "regulation": "acme-act:2026", "standard": "iso42001:2023",
  "obligations": [{"ref": "Art. 1", "roles": ["provider"], "risk_classes": ["high"], "coverage": "partial",
                   "clauses": ["9.1"], "controls": ["A.6.2.8"], "rationale": "Event logs.",
                   "not_covered": "Retention periods.", "provenance": "test"},
                  {"ref": "Art. 2", "roles": ["provider"], "risk_classes": ["high"], "coverage": "none",
                   "rationale": "Nothing supports it.", "not_covered": "Registration.", "provenance": "test"}]}');
SQL
# Every array of standard codes names an imported standard, as docs/oscal.md
# recommends: pg_dump restores these tables before ims.standard's rows.
psql -d $src >/dev/null <<'SQL'
UPDATE ims.organization SET standards = standards || 'nist800-53r5:low'::text;
UPDATE ims.document SET covers = covers || 'nist800-53r5:low'::text WHERE doc_id = (SELECT min(doc_id) FROM ims.document);
UPDATE ims.auditor SET competence = competence || 'acme-act:2026'::text;
UPDATE ims.internal_audit SET covers = covers || 'nist800-53r5:low'::text;
UPDATE ims.management_review SET covers = covers || 'nist800-53r5:low'::text;
UPDATE ims.certification_body SET accredited_for = accredited_for || 'nist800-53r5:low'::text;
SQL
[ "$(psql -d $src -At -c "SELECT (SELECT count(*) FROM ims.organization WHERE 'nist800-53r5:low' = ANY (standards))
	+ (SELECT count(*) FROM ims.document WHERE 'nist800-53r5:low' = ANY (covers))
	+ (SELECT count(*) FROM ims.auditor WHERE 'acme-act:2026' = ANY (competence))
	+ (SELECT count(*) FROM ims.internal_audit WHERE 'nist800-53r5:low' = ANY (covers))
	+ (SELECT count(*) FROM ims.management_review WHERE 'nist800-53r5:low' = ANY (covers))
	+ (SELECT count(*) FROM ims.certification_body WHERE 'nist800-53r5:low' = ANY (accredited_for))")" -ge 6 ] || {
	echo "the sample lacks a row in one of the tables with standard codes"
	exit 1
}
# A declaration of a clause of the imported catalog (fill_checked_database.sql):
# its trigger reads the document's covers, so the restore must load the
# document and the imported clause first.
[ "$(psql -d $src -At -c "SELECT count(*) FROM ims.document_clause WHERE standard = 'acme:2025'")" -ge 1 ] || {
	echo "the filled database lacks a clause declaration for the imported catalog"
	exit 1
}
psql -d $src >/dev/null <<'SQL'
INSERT INTO ims.evidence (org_id, standard, control_id, kind, title, collected_on)
SELECT org_id, 'iso42001:2023', 'A.6.2.4', 'red_team_report', 'Red-team exercise of the assistant', '2026-11-20'
FROM ims.organization;
SQL
# Documented information under control, and a history of more than the
# fill's inserts: changes, a deletion, an application user.
psql -d $src >/dev/null <<'SQL'
UPDATE ims.document SET status = 'approved', approved_on = '2026-01-10', next_review = '2027-01-10', retention = '3 years'
WHERE approved_by IS NOT NULL;
UPDATE ims.evidence SET file_sha256 = encode(sha256(convert_to(title, 'UTF8')), 'hex'), collected_by = 'Dana', reviewed_by = 'Eve';
SET ims.application_user = 'dana@example.org';
UPDATE ims.risk SET asset = coalesce(asset || ' ', '') || '(reviewed)';
INSERT INTO ims.risk (org_id, title, risk_type) SELECT org_id, 'Temporary', 'integrity' FROM ims.organization;
DELETE FROM ims.risk WHERE title = 'Temporary';
SQL
[ "$(psql -d $src -At -c "SELECT count(DISTINCT operation) = 3 AND bool_or(application_user IS NOT NULL)
	AND (SELECT count(*) FROM ims.evidence WHERE file_sha256 IS NOT NULL) > 0
	FROM ims.history WHERE operation IN ('INSERT', 'UPDATE', 'DELETE')")" = t ] || {
	echo "the filled database lacks history entries of each operation, or evidence with a hash"
	exit 1
}

# A grant, so that the ledger has rows to restore: the role reads every
# organization through the organizations' roles of the source database.
psql -d $src >/dev/null <<'SQL'
CREATE ROLE ims_dump_reader;
SELECT ims.grant_access(org_id, 'ims_dump_reader', 'read') FROM ims.organization;
SQL

# One line per table and sequence of the extension: name, row count, digest.
# Not ims.approval_key: every CREATE EXTENSION makes its own secret, and
# it is not dumped (an approval's seal is used in its own transaction).
snapshot() {
	local query=""
	local rel kind
	for rel in $(psql -d "$1" -At -c "SELECT relname || ':' || relkind::text FROM pg_class
			WHERE relnamespace = 'ims'::regnamespace AND relkind IN ('r', 'S')
			  AND relname <> 'approval_key' ORDER BY relname"); do
		kind=${rel#*:}
		rel=${rel%:*}
		[ -n "$query" ] && query="$query UNION ALL "
		if [ "$kind" = r ]; then
			query="$query SELECT '$rel', count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM ims.$rel t"
		else
			query="$query SELECT '$rel', 1, md5(last_value::text || is_called::text) FROM ims.$rel"
		fi
	done
	psql -d "$1" -At -F ' ' -c "$query ORDER BY 1"
}
snapshot $src >"$dump.before"
psql -d $src -At -c "SELECT org_id, ims.history_head(org_id) FROM ims.history_chain ORDER BY 1" >"$dump.heads.before"

# pg_dump warns that ims.clause and ims.control refer to themselves (a
# clause's parent, an enhancement's control); the rows of one table are
# restored by one COPY, so that is harmless here.
"$PGBIN/pg_dump" -Fc -f "$dump" $src 2>"$dump.err"
grep -v -e 'circular foreign-key constraints' -e '^pg_dump: detail: \(clause\|control\)$' -e '^pg_dump: hint:' "$dump.err" >&2 || true
"$PGBIN/createdb" $dst
"$PGBIN/pg_restore" --exit-on-error -d $dst "$dump"
snapshot $dst >"$dump.after"
# The restore's inserts into the ledger made the restored database's own
# roles and memberships (its name differs, so do its roles' names): the
# reader reads every organization there, and sync_access has nothing to do.
access=$(psql -d $dst -At -c "SET ROLE ims_dump_reader; SELECT count(*) FROM ims.organization; RESET ROLE;
	SELECT count(*) FROM ims.organization; SELECT count(*) FROM ims.sync_access()" | tr '\n' ' ')
echo "organizations the reader sees after the restore, organizations, memberships sync_access changed: $access"
read -r seen orgs changed <<<"$access"
if [ "$seen" != "$orgs" ] || [ "$orgs" = 0 ] || [ "$changed" != 0 ]; then
	echo "the restore did not give the ledger's grants back as memberships of the restored database's roles"
	exit 1
fi

echo "tables and sequences compared: $(wc -l <"$dump.before")"
echo "rows before: $(awk '{s += $2} END {print s}' "$dump.before"), after: $(awk '{s += $2} END {print s}' "$dump.after")"
status=0
diff -u "$dump.before" "$dump.after" || status=1
# the shipped catalogs came back once, from CREATE EXTENSION
psql -d $dst -At -c "SELECT standard || ' ' || count(*) FROM ims.control GROUP BY standard ORDER BY 1"
[ "$(psql -d $dst -At -c "SELECT count(*) FROM ims.control WHERE standard IN ('iso27001:2022', 'iso42001:2023')")" = 131 ] || status=1
# the shipped crosswalk came back once too, beside the imported one
psql -d $dst -At -c "SELECT 'obligations ' || regulation || ' ' || count(*) FROM ims.obligation GROUP BY regulation ORDER BY 1"
[ "$(psql -d $dst -At -c "SELECT count(*) FROM ims.obligation WHERE regulation = 'eu-ai-act:2024'")" = 34 ] || status=1
# the digest of each approved version matches its restored content
[ "$(psql -d $dst -At -c "SELECT bool_and(digest = ims.soa_digest(org_id, soa_id, approved_by)) FROM ims.soa WHERE status <> 'draft'")" = t ] || {
	echo "a digest does not match its restored content"
	status=1
}
psql -d $dst -At -c "SELECT 'approved digest ' || digest FROM ims.soa WHERE status = 'approved'"
# the restored approved version is still immutable
if psql -d $dst -c "UPDATE ims.soa_entry SET owner = 'x' WHERE soa_id IN (SELECT soa_id FROM ims.soa WHERE status = 'approved')" 2>/dev/null; then
	echo "an approved SoA could be changed after the restore"
	status=1
fi
# the history came back as it was, not logged a second time by the
# restore's COPY (the snapshot compares its rows), with the same heads, and
# every chain verifies; a change after the restore extends it
psql -d $dst -At -c "SELECT org_id, ims.history_head(org_id) FROM ims.history_chain ORDER BY 1" >"$dump.heads.after"
echo "history chains: $(wc -l <"$dump.heads.after"), entries: $(psql -d $dst -At -c "SELECT count(*) FROM ims.history")"
diff -u "$dump.heads.before" "$dump.heads.after" || status=1
[ -s "$dump.heads.after" ] || status=1
psql -d $dst -c "UPDATE ims.risk SET asset = coalesce(asset || ' ', '') || '(reviewed)'" >/dev/null
verified=$(psql -d $dst -At -c "SELECT count(*) || ' ' || count(*) FILTER (WHERE (ims.verify_history(org_id)).valid) FROM ims.history_chain")
echo "chains verified after the restore and a change: $verified"
[ "${verified% *}" = "${verified#* }" ] || {
	echo "a restored history chain does not verify"
	psql -d $dst -c "SELECT org_id, v.* FROM ims.history_chain, ims.verify_history(org_id) v WHERE NOT v.valid"
	status=1
}
rm -f "$dump.before" "$dump.after" "$dump.err" "$dump.heads.before" "$dump.heads.after"
exit $status
