--
-- catalog_errors: malformed catalogs and mappings.  Each fixture under data/
-- is refused with SQLSTATE 22032 (not JSON) or 22023 (wrong shape), a detail
-- naming the entry and the key, and leaves every catalog table as it was.
--
\getenv abs_srcdir PG_ABS_SRCDIR
\set VERBOSITY default
\set SHOW_CONTEXT never

-- the state of every catalog table, to compare after the failures
CREATE TEMP VIEW catalog_state AS
SELECT 'standard' AS tab, count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ims.standard t
UNION ALL SELECT 'clause', count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) FROM ims.clause t
UNION ALL SELECT 'control', count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) FROM ims.control t
UNION ALL SELECT 'reference_item', count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) FROM ims.reference_item t
UNION ALL SELECT 'clause_mapping', count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) FROM ims.clause_mapping t
UNION ALL SELECT 'control_mapping', count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) FROM ims.control_mapping t
UNION ALL SELECT 'evidence_kind', count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) FROM ims.evidence_kind t;
CREATE TEMP TABLE catalog_snapshot AS SELECT * FROM catalog_state;
SELECT tab, n FROM catalog_snapshot ORDER BY tab;

-- SQLSTATEs are shown: 22032 for text that is not JSON, 22023 for a shape error
\set VERBOSITY sqlstate
\set f :abs_srcdir/data/not_json.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/wrong_type_title.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set VERBOSITY default

-- catalogs that are not JSON, or not a catalog, or of the wrong shape
\set f :abs_srcdir/data/not_json.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/empty.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/truncated.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/trailing_garbage.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/too_deep.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/not_object.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/wrong_format.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/wrong_version.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/wrong_type_title.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/wrong_type_controls.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/wrong_type_entry.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/missing_title.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/missing_standard.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/null_code.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/bad_code.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/bad_kind.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/empty_id.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/padded_id.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/duplicate_control.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/duplicate_clause.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/bad_parent.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/unknown_parent.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/unknown_key.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/duplicate_key.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/unknown_evidence_kind.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/bad_evidence_kind.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/duplicate_item.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/long_title.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/long_id.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/control_char.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/nul_escape.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');

\set f :abs_srcdir/data/form_feed.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/wrong_case_kind.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/null_evidence_kind.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/repeated_evidence_kind.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/duplicate_control_unicode.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/long_unknown_key.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');

-- a catalog with an acceptable shape, and a mapping, given to the wrong function
\set f :abs_srcdir/data/mapping_good.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\set f :abs_srcdir/data/catalog_good.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');

-- mappings need their standards loaded first
\set f :abs_srcdir/data/mapping_good.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');

-- a failure in the middle of a load (here a trigger refuses the third
-- control, after the standard and its clauses were written) undoes it all
CREATE FUNCTION refuse_ai_control() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.control_id = 'AI-1' THEN
		RAISE EXCEPTION 'refused by the test trigger';
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER refuse_ai_control BEFORE INSERT ON ims.control
	FOR EACH ROW EXECUTE FUNCTION refuse_ai_control();
\set f :abs_srcdir/data/catalog_good.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
DROP TRIGGER refuse_ai_control ON ims.control;
DROP FUNCTION refuse_ai_control();

-- and inside a transaction that goes on, the failed call leaves nothing
BEGIN;
SAVEPOINT before_import;
\set f :abs_srcdir/data/unknown_evidence_kind.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
ROLLBACK TO SAVEPOINT before_import;
SELECT count(*) FROM ims.standard WHERE code = 'acme:2025';
COMMIT;

-- nothing of the failures above is left behind
SELECT s.tab, s.n AS before, c.n AS after, s.digest = c.digest AS unchanged
FROM catalog_snapshot s JOIN catalog_state c USING (tab)
ORDER BY s.tab;

-- a role that may not write the catalogs cannot import
CREATE ROLE regress_pg_ims_reader;
SET ROLE regress_pg_ims_reader;
\set f :abs_srcdir/data/catalog_good.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
SELECT count(*) > 0 AS can_read_catalogs FROM ims.control;
RESET ROLE;
DROP ROLE regress_pg_ims_reader;

-- the good catalog loads whole, Unicode intact
\set f :abs_srcdir/data/catalog_good.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
SELECT code, title, kind, builtin FROM ims.standard WHERE code = 'acme:2025';
SELECT number, title, parent, ordinal FROM ims.clause WHERE standard = 'acme:2025' ORDER BY ordinal;
SELECT control_id, title, area, area_title, theme, evidence_kinds, ordinal
FROM ims.control WHERE standard = 'acme:2025' ORDER BY ordinal;
SELECT list, item_id, title FROM ims.reference_item WHERE standard = 'acme:2025' ORDER BY ordinal;

-- a standard is loaded once
SELECT ims.import_catalog(:'doc');

-- mappings that name what the standards do not have, or break the rules

\set f :abs_srcdir/data/mapping_unknown_control.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');
\set f :abs_srcdir/data/mapping_unknown_source_control.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');
\set f :abs_srcdir/data/mapping_unknown_clause.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');
\set f :abs_srcdir/data/mapping_unknown_standard.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');
\set f :abs_srcdir/data/mapping_same_standard.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');
\set f :abs_srcdir/data/mapping_bad_relation.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');
\set f :abs_srcdir/data/mapping_counterpart_with_source.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');
\set f :abs_srcdir/data/mapping_missing_source.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');
\set f :abs_srcdir/data/mapping_duplicate_pair.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');
\set f :abs_srcdir/data/mapping_duplicate_target.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');
\set f :abs_srcdir/data/mapping_empty.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');
-- a strength, when given, is strong, moderate or weak, spelt so
\set f :abs_srcdir/data/mapping_bad_strength.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');
\set f :abs_srcdir/data/mapping_wrong_case_strength.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');
\set f :abs_srcdir/data/mapping_strength_not_string.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');
\set f :abs_srcdir/data/mapping_empty_strength.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');

-- none of them wrote anything
SELECT (SELECT count(*) FROM ims.clause_mapping WHERE source_standard = 'acme:2025') AS clause_pairs,
       (SELECT count(*) FROM ims.control_mapping WHERE source_standard = 'acme:2025') AS control_pairs;

-- now its mapping loads, once
\set f :abs_srcdir/data/mapping_good.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');
SELECT source_clause, target_clause, relation, action, builtin FROM ims.clause_mapping WHERE source_standard = 'acme:2025';
-- it states no strength: its pair gets the default, moderate
SELECT source_control, target_control, relation, rationale, provenance, builtin, strength FROM ims.control_mapping WHERE source_standard = 'acme:2025';
SELECT ims.import_mapping(:'doc');

-- a mapping to another standard, its strengths stated, left out and null
-- (rolled back: later tests put acme:2025 into an organization's scope)
BEGIN;
\set f :abs_srcdir/data/mapping_strength.json
\set doc `cat :f`
SELECT ims.import_mapping(:'doc');
SELECT source_control, target_control, strength FROM ims.control_mapping
WHERE source_standard = 'acme:2025' AND target_standard = 'iso42001:2023'
ORDER BY source_control, target_control;
ROLLBACK;
-- the table refuses any other word
UPDATE ims.control_mapping SET strength = 'high'
WHERE source_standard = 'acme:2025' AND source_control = 'AC-1' AND target_control = 'A.5.15';

-- the six characters \u0000 written with an escaped backslash are text, not NUL
\set f :abs_srcdir/data/escaped_backslash_u0000.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
SELECT title FROM ims.control WHERE standard = 'acme:2025b' AND control_id = 'AC-2';

-- NULL in, NULL out
SELECT ims.import_catalog(NULL) IS NULL AS catalog_null, ims.import_mapping(NULL) IS NULL AS mapping_null;
