--
-- oscal_catalog: ims.import_oscal_catalog() on NIST's own OSCAL catalogs,
-- checked against counts and titles this test computes from the files, and
-- every way a document can be refused.
--
\getenv abs_srcdir PG_ABS_SRCDIR
\set VERBOSITY default
\set SHOW_CONTEXT never

-- Every control of an OSCAL catalog, independently of the C reader: walk
-- the JSON tree; an element of an array carries the array's key, so the
-- objects under the key "controls" are the controls and enhancements.
CREATE TEMP TABLE oscal_doc (standard text PRIMARY KEY, doc jsonb);
CREATE TEMP VIEW oscal_expected AS
WITH RECURSIVE walk(standard, node, key, parent_id) AS (
	SELECT standard, doc, NULL::text, NULL::text FROM oscal_doc
	UNION ALL
	SELECT w.standard, c.value, c.key, c.parent_id
	FROM walk w,
	LATERAL (SELECT e.key, e.value,
	                CASE WHEN w.key = 'controls' THEN w.node->>'id' END AS parent_id
	         FROM jsonb_each(CASE jsonb_typeof(w.node) WHEN 'object' THEN w.node END) AS e
	         UNION ALL
	         SELECT w.key, a.value, w.parent_id
	         FROM jsonb_array_elements(CASE jsonb_typeof(w.node) WHEN 'array' THEN w.node END) AS a) AS c
)
SELECT standard, node->>'id' AS control_id, node->>'title' AS title, parent_id AS parent,
       (SELECT p->>'value' FROM jsonb_array_elements(node->'props') AS p
        WHERE p->>'name' = 'label' AND NOT p ? 'class' LIMIT 1) AS display_id
FROM walk
WHERE key = 'controls' AND jsonb_typeof(node) = 'object';

-- the catalog tables, to show that refused documents leave them as they were
CREATE TEMP VIEW catalog_state AS
SELECT (SELECT count(*) FROM ims.standard) AS standards,
       (SELECT count(*) FROM ims.control) AS controls,
       (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM ims.control t) AS digest;
CREATE TEMP TABLE catalog_before AS SELECT * FROM catalog_state;

\set f :abs_srcdir/data/oscal/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json
\set low `cat :f`
\set f :abs_srcdir/data/oscal/NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog.json
\set moderate `cat :f`
\set f :abs_srcdir/data/oscal/basic-catalog.json
\set basic `cat :f`
INSERT INTO oscal_doc VALUES
	('nist800-53r5:low', :'low'),
	('nist800-53r5:moderate', :'moderate'),
	('oscal:basic-example', :'basic');

-- the counts of the files: LOW 149, MODERATE 287, the example 4
SELECT standard, count(*) AS controls, count(parent) AS enhancements
FROM oscal_expected GROUP BY standard ORDER BY standard;

SELECT ims.import_oscal_catalog(:'low', 'nist800-53r5:low');
SELECT ims.import_oscal_catalog(:'moderate', 'nist800-53r5:moderate');
SELECT ims.import_oscal_catalog(:'basic', 'oscal:basic-example');

SELECT code, title, kind, builtin FROM ims.standard
WHERE code IN (SELECT standard FROM oscal_doc) ORDER BY code;

-- ids, titles (exactly), parents and labels: no difference either way
SELECT e.standard, count(*) AS expected,
       (SELECT count(*) FROM ims.control c WHERE c.standard = e.standard) AS loaded
FROM oscal_expected e GROUP BY e.standard ORDER BY 1;
(SELECT standard, control_id, title, parent, display_id FROM oscal_expected
 EXCEPT
 SELECT standard, control_id, title, parent, display_id FROM ims.control)
UNION ALL
(SELECT standard, control_id, title, parent, display_id FROM ims.control
 WHERE standard IN (SELECT standard FROM oscal_doc)
 EXCEPT
 SELECT standard, control_id, title, parent, display_id FROM oscal_expected);

-- groups become areas; enhancements stay in their control's group
SELECT area, area_title, count(*) AS controls, count(parent) AS enhancements
FROM ims.control WHERE standard = 'nist800-53r5:moderate'
GROUP BY area, area_title ORDER BY min(ordinal) LIMIT 5;
SELECT control_id, display_id, parent, area, title
FROM ims.control WHERE standard = 'nist800-53r5:moderate' AND control_id LIKE 'ac-2%'
ORDER BY ordinal LIMIT 4;
-- nested groups: the innermost one is the area
SELECT control_id, display_id, area, area_title, title
FROM ims.control WHERE standard = 'oscal:basic-example' ORDER BY ordinal;

-- a group without an id gives no area code, only its title; a control
-- whose labels all carry a class shows the first of them
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "Labels"},
	"groups": [{"title": "Untitled group", "controls": [
		{"id": "l-1", "title": "Classed labels only",
		 "props": [{"name": "sort-id", "value": "l-01"}, {"name": "label", "value": "L-01", "class": "zero-padded"},
		           {"name": "label", "value": "L.1", "class": "other"}]},
		{"id": "l-2", "title": "No label"}]}]}}', 'oscal:labels');
SELECT control_id, display_id, area, area_title FROM ims.control WHERE standard = 'oscal:labels' ORDER BY ordinal;
DELETE FROM ims.control WHERE standard = 'oscal:labels';
DELETE FROM ims.standard WHERE code = 'oscal:labels';

-- a baseline is a subset of the larger one, title for title
SELECT count(*) AS low_not_in_moderate
FROM ims.control l
WHERE l.standard = 'nist800-53r5:low'
  AND NOT EXISTS (SELECT 1 FROM ims.control m
                  WHERE m.standard = 'nist800-53r5:moderate'
                    AND m.control_id = l.control_id AND m.title = l.title);

-- the loaded catalogs are part of the state the refusals below must keep
DELETE FROM catalog_before;
INSERT INTO catalog_before SELECT * FROM catalog_state;

-- A standard is loaded once; shipped codes are taken too (42710)
\set VERBOSITY sqlstate
SELECT ims.import_oscal_catalog(:'basic', 'oscal:basic-example');
\set VERBOSITY default
SELECT ims.import_oscal_catalog(:'basic', 'iso27001:2022');
-- the code must be one ims.standard accepts (22023)
SELECT ims.import_oscal_catalog(:'basic', 'NIST 800-53');
SELECT ims.import_oscal_catalog(:'basic', '');
-- STRICT: null in, null out, nothing loaded
SELECT ims.import_oscal_catalog(NULL, 'x') IS NULL AS null_doc,
       ims.import_oscal_catalog(:'basic', NULL) IS NULL AS null_code;

-- Not JSON (22032), and JSON that is not an OSCAL catalog (22023)
\set VERBOSITY sqlstate
SELECT ims.import_oscal_catalog('{"catalog": {', 'x');
SELECT ims.import_oscal_catalog('[]', 'x');
\set VERBOSITY default
SELECT ims.import_oscal_catalog('', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {}} trailing', 'x');
SELECT ims.import_oscal_catalog('[]', 'x');
\set f :abs_srcdir/data/oscal/ssp-example.json
\set doc `cat :f`
SELECT ims.import_oscal_catalog(:'doc', 'x');
\set f :abs_srcdir/catalogs/iso42001-2023.json
\set doc `cat :f`
SELECT ims.import_oscal_catalog(:'doc', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {}, "profile": {}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": [], "$schema": "x"}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"metadata": {"title": "t"}}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "not-a-uuid", "metadata": {"title": "t"}}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724"}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": ""}}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"}}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"groups": [{"title": "g", "controls": []}]}}', 'x');
-- the detail gives the path of the offending object
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"groups": [{"id": "g1", "title": "G1", "controls": [{"id": "c-1", "title": "C1"}]},
	           {"id": "g2", "title": "G2", "groups": [{"title": "G2a", "controls": [
	              {"id": "c-2", "title": "C2", "controls": [{"id": "c-2.1"}]}]}]}]}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"controls": [{"id": "c 1", "title": "C1"}]}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"controls": [{"id": "c-1", "title": 7}]}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"controls": [{"id": "c-1", "title": "C1", "title": "C2"}]}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"groups": {"title": "g"}, "controls": [{"id": "c-1", "title": "C1"}]}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"controls": ["c-1"]}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"controls": [{"id": "c-1", "title": "C1", "props": [{"name": "label", "value": 1}]}]}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"controls": [{"id": "c-1", "title": "C1", "props": {"name": "label"}}]}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"controls": [{"id": "c-1", "title": "C1\u0007"}]}}', 'x');
-- a control id used twice, here by a control and another's enhancement
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"groups": [{"id": "a", "title": "A", "controls": [{"id": "c-1", "title": "C1", "controls": [{"id": "c-2", "title": "E"}]}]},
	           {"id": "b", "title": "B", "controls": [{"id": "c-2", "title": "C2"}]}]}}', 'x');
-- control ids must be OSCAL tokens (the ASCII ones): not a section sign,
-- a zero-width space, a no-break space, a digit first, nor an id that the
-- plan's control-id would merge with another (AC 1, AC/1 and AC-1)
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"controls": [{"id": "c-1", "title": "C1"}, {"id": "c-\u00a72", "title": "C2"}]}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"groups": [{"id": "g", "title": "G", "controls": [{"id": "c-1\u200b", "title": "C1"}]}]}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"controls": [{"id": "c-1", "title": "C1", "controls": [{"id": "c\u00a01.1", "title": "E"}]}]}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"controls": [{"id": "1-ac", "title": "C1"}]}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"controls": [{"id": "\u00e9-1", "title": "C1"}]}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"controls": [{"id": "AC-1", "title": "C1"}, {"id": "AC 1", "title": "C2"}, {"id": "AC/1", "title": "C3"}]}}', 'x');
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724", "metadata": {"title": "t"},
	"groups": [{"id": "g\u00a7", "title": "G", "controls": [{"id": "c-1", "title": "C1"}]}]}}', 'x');
-- a title of more than 1000 bytes
SELECT ims.import_oscal_catalog(json_build_object('catalog', json_build_object(
	'uuid', '74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724', 'metadata', json_build_object('title', 't'),
	'controls', json_build_array(json_build_object('id', 'c-1', 'title', repeat('x', 1001)))))::text, 'x');

-- nothing of the refused documents was written
SELECT s.standards = b.standards AS same_standards, s.controls = b.controls AS same_controls,
       s.digest = b.digest AS same_rows
FROM catalog_state s, catalog_before b;

-- leave the catalogs as the later tests expect them
DELETE FROM ims.control WHERE standard IN (SELECT standard FROM oscal_doc);
DELETE FROM ims.standard WHERE code IN (SELECT standard FROM oscal_doc);

-- withdrawn controls (NIST's prop status = withdrawn) are kept, marked, and
-- left out of a new SoA draft; the catalog is recorded as OSCAL's, so that
-- a plan keeps its ids
SELECT ims.import_oscal_catalog($${"catalog": {"uuid": "6a3c1f2e-0b7d-4c58-9e21-2f4d8a7b5c10",
  "metadata": {"title": "Withdrawn example"},
  "groups": [{"id": "ac", "title": "Access Control", "controls": [
    {"id": "ac-1", "title": "Policy and Procedures", "props": [{"name": "label", "value": "AC-1"}]},
    {"id": "ac-2", "title": "Account Management", "props": [{"name": "label", "value": "AC-2"}],
     "controls": [{"id": "ac-2.10", "title": "Shared and Group Account Credential Change",
                   "props": [{"name": "label", "value": "AC-2(10)"}, {"name": "sort-id", "value": "ac-02.10"},
                             {"name": "status", "value": "withdrawn"}],
                   "links": [{"href": "#ac-2", "rel": "incorporated-into"}]}]},
    {"id": "ac-13", "title": "Supervision and Review — Access Control",
     "props": [{"name": "status", "value": "withdrawn"}, {"name": "label", "value": "AC-13"}]},
    {"id": "ac-14", "title": "Not withdrawn: another namespace's status",
     "props": [{"name": "status", "ns": "https://example.org/ns", "value": "withdrawn"}]}]}]}}$$,
  'oscal:withdrawn');
SELECT control_id, display_id, parent, withdrawn FROM ims.control
WHERE standard = 'oscal:withdrawn' ORDER BY ordinal;
SELECT standard, catalog_uuid FROM ims.oscal_catalog WHERE standard = 'oscal:withdrawn';
SELECT ims.create_organization('Withdrawn GmbH', 'Dana Keller') AS worg \gset
UPDATE ims.organization SET standards = ARRAY['oscal:withdrawn'] WHERE org_id = :worg;
SELECT ims.init_soa(:worg) IS NOT NULL AS draft;
SELECT control_id FROM ims.soa_entry WHERE org_id = :worg ORDER BY control_id;
-- no finding says the withdrawn controls are missing from the SoA
SELECT code, ref FROM ims.evaluate_findings(ARRAY[:worg::bigint], true)
WHERE ref ~ 'ac-2.10|ac-13';
DELETE FROM ims.soa_entry WHERE org_id = :worg;
DELETE FROM ims.soa WHERE org_id = :worg;
DELETE FROM ims.org_access WHERE org_id = :worg;
DELETE FROM ims.organization WHERE org_id = :worg;
DELETE FROM ims.control WHERE standard = 'oscal:withdrawn' AND parent IS NOT NULL;
DELETE FROM ims.control WHERE standard = 'oscal:withdrawn';
DELETE FROM ims.standard WHERE code = 'oscal:withdrawn';
SELECT count(*) AS oscal_catalogs_left FROM ims.oscal_catalog;

-- OSCAL's other formats and a profile: the hint says what to do
SELECT ims.import_oscal_catalog('<?xml version="1.0"?><catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0"/>', 'x');
SELECT ims.import_oscal_catalog(E'---\ncatalog:\n  uuid: 6a3c1f2e-0b7d-4c58-9e21-2f4d8a7b5c10\n', 'x');
SELECT ims.import_oscal_catalog(E'catalog:\n  uuid: 6a3c1f2e-0b7d-4c58-9e21-2f4d8a7b5c10\n', 'x');
SELECT ims.import_oscal_catalog('{"profile": {"uuid": "6a3c1f2e-0b7d-4c58-9e21-2f4d8a7b5c10"}}', 'x');
