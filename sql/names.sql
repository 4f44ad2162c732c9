--
-- names: what a name may hold (docs/security.md), the refusals, and how
-- every document format writes what is allowed: hostile names and free
-- text in Markdown, HTML, CSV, JSON and the OSCAL plan.
--
\getenv abs_srcdir PG_ABS_SRCDIR
SET search_path = public, ims;

-- The policy, one verdict per kind of fault (NULL: allowed).  Invisible
-- format characters (zero width, bidirectional) show as <U+XXXX>: a reader
-- cannot see them, and psql counts their width differently from 17 on.
SELECT (SELECT string_agg(CASE WHEN c ~ U&'[\200B-\200F\202A-\202E\2060-\2069\FEFF]'
                               THEN '<U+' || upper(to_hex(ascii(c))) || '>' ELSE c END, '' ORDER BY n)
        FROM unnest(string_to_array(v, NULL)) WITH ORDINALITY AS x(c, n)) AS value,
       name_fault(v) AS fault
FROM (VALUES ('Acme GmbH'), (U&'M\00FCller\00A0& S\00F6hne'), ('=1+2 | # <b>'), (''), (E' \t\n'),
             (' Acme'), (E'\tAcme'), (U&'\200BAcme'), (U&'Acme\00A0'), (U&'Acme\3000'), (E'Acme\n'),
             (E'Acme\n| Status | approved |'), (E'Ac\rme'), (U&'Ac\2028me'), (E'Ac\tme'), (E'Ac\x07me'),
             (U&'Ac\0085me'), (U&'Acme \202Eevil')) AS t(v);

-- create_organization refuses a name or owner the policy refuses
SELECT create_organization(NULL);
SELECT create_organization('');
SELECT create_organization(E'\t\n');
SELECT create_organization(E'Acme\n\n| Status | approved |');
SELECT create_organization(U&'Acme\00A0');
SELECT create_organization('Acme', E'Dana\tSmith');
SELECT create_organization('Acme', '');
-- approve_soa refuses such an approver before anything else
SELECT approve_soa(0, NULL);
SELECT approve_soa(0, E'\r\n');
SELECT approve_soa(0, E'Board\n# approved');

-- The constraints refuse them from a direct INSERT or UPDATE too (the
-- failing row's detail, with its time, left out)
\set VERBOSITY terse
INSERT INTO organization (name) VALUES (E'Acme\n');
INSERT INTO organization (name, ims_owner) VALUES ('Acme', U&'\FEFFDana');
\set ECHO none
\i :abs_srcdir/sql/include/load_sample.sql
UPDATE organization SET name = E' Acme' WHERE org_id = :org;
UPDATE organization SET ims_owner = E'Dana\x01' WHERE org_id = :org;
UPDATE soa_entry SET owner = E'Lee\n' WHERE org_id = :org AND control_id = 'A.5.1';
\set VERBOSITY default
SELECT conrelid::regclass AS "table", conname, convalidated FROM pg_constraint
WHERE conname IN ('organization_name_check', 'organization_ims_owner_check', 'soa_approved_by_check', 'soa_entry_owner_check')
ORDER BY conname;

-- A hostile name the policy allows, and hostile free text
UPDATE organization SET name = $$=HYPERLINK("x") | # <b>Acme</b> & 'Co' \*_[x](y)`~ ##$$,
       ims_owner = '@dana' WHERE org_id = :org;
UPDATE soa_entry SET applicability = 'applicable(business)', justification = 'Good practice.'
WHERE org_id = :org AND decision(applicability) = 'undecided';
UPDATE soa_entry SET justification = 'No secure areas of our own.'
WHERE org_id = :org AND justification IS NULL AND decision(applicability) = 'not_applicable';
UPDATE soa_entry SET justification = E'=cmd|'' /C calc''!A0\n## Forged heading\n| Status | approved |\r\n<script>alert(1)</script>\x01\x7f',
       owner = '+Lee <lee@example.org>' WHERE org_id = :org AND control_id = 'A.5.1';
UPDATE soa_entry SET justification = '-2+3', owner = '-Kim' WHERE org_id = :org AND control_id = 'A.5.2';
UPDATE soa_entry SET justification = E'\tTab first', owner = '@Sam' WHERE org_id = :org AND control_id = 'A.5.3';
UPDATE soa_entry SET justification = E'\rCR first' WHERE org_id = :org AND control_id = 'A.5.4';
SELECT approve_soa(:org, U&'Board "A" | <i>B</i> \00A0& C') IS NOT NULL AS approved;

-- Markdown: every heading is the document's own, the header table is
-- the one it writes, and each hostile value stays in its cell
CREATE TEMP TABLE md AS
SELECT n, line FROM regexp_split_to_table(soa_document(:org), E'\n') WITH ORDINALITY AS t(line, n);
SELECT line FROM md WHERE line ~ '^#' ORDER BY n;
SELECT regexp_replace(line, '\d{4}-\d{2}-\d{2} \d\d:\d\d', 'YYYY-MM-DD HH:MI', 'g') AS line
FROM md WHERE n BETWEEN 1 AND 12 ORDER BY n;
SELECT line FROM md WHERE line ~ '^\| ISO 27001 A\.5\.[1-4] \|' ORDER BY n;
SELECT count(*) AS status_rows FROM md WHERE line ~ '^\| *Status *\|';

-- HTML: &<>"' escaped, control characters replaced, line breaks kept as text
SELECT soa_document(:org, 'html') AS html \gset
SELECT position(E'\x01' IN :'html') = 0 AND position(E'\x7f' IN :'html') = 0 AND position(E'\r' IN :'html') = 0
       AS no_control_characters,
       position('<script>' IN :'html') = 0 AND position('<b>Acme' IN :'html') = 0 AND position('<i>B' IN :'html') = 0
       AS no_foreign_tags;
SELECT line FROM regexp_split_to_table(:'html', E'\n') AS line
WHERE line ~ '^<title>|^<h1>|Approved by|A\.5\.[12]</td>|^## Forged|^\| Status|^&lt;script';

-- CSV: a cell a spreadsheet would run starts with a single quote
SELECT line FROM regexp_split_to_table(ltrim(soa_document(:org, 'csv'), U&'\FEFF'), E'\r\n') AS line
WHERE line ~ '^"iso27001:2022","A\.5\.[1-4]"|^[^"]';

-- JSON keeps the text as it is: JSON's own escaping is enough
SELECT soa_json(:org) ->> 'organization' AS organization,
       soa_json(:org) #>> '{soa,approved_by}' AS approved_by,
       (SELECT e ->> 'justification' FROM jsonb_array_elements(soa_json(:org) -> 'entries') e
        WHERE e ->> 'control_id' = 'A.5.1') = E'=cmd|'' /C calc''!A0\n## Forged heading\n| Status | approved |\r\n<script>alert(1)</script>\x01\x7f'
       AS justification_intact;

-- OSCAL: the names are one-line strings NIST's StringDatatype accepts
SELECT export_oscal_ssp(:org) -> 'system-security-plan' AS ssp \gset
SELECT x ->> 'name' AS party FROM jsonb_array_elements(:'ssp'::jsonb #> '{metadata,parties}') AS x;
SELECT x ->> 'value' AS approved_by FROM jsonb_array_elements(:'ssp'::jsonb #> '{metadata,props}') AS x
WHERE x ->> 'name' = 'soa-approved-by';
SELECT x ->> 'title' AS user_title FROM jsonb_array_elements(:'ssp'::jsonb #> '{system-implementation,users}') AS x
ORDER BY x ->> 'title' COLLATE "C";

-- Two controls whose ids become one OSCAL control-id (a pg_ims catalog
-- may have ids that are no tokens): the export refuses an ambiguous plan
SELECT import_catalog($$
{"format": "pg_ims/catalog", "format_version": 1,
 "standard": {"code": "odd:2", "title": "Colliding ids", "kind": "control_catalog"},
 "clauses": [{"number": "1", "title": "Scope", "parent": null}],
 "controls": [{"id": "AC 1", "title": "Space"}, {"id": "AC-1", "title": "Hyphen"}, {"id": "AC-\u00a72", "title": "Section sign"}]}
$$) AS code;
SELECT create_organization('Colliding ids') AS odd \gset
UPDATE organization SET standards = ARRAY['odd:2'] WHERE org_id = :odd;
SELECT init_soa(:odd) IS NOT NULL AS draft;
UPDATE soa_entry SET applicability = 'applicable(business)' WHERE org_id = :odd AND control_id <> 'AC 1';
SELECT r ->> 'control-id' AS control_id, r #>> '{props,1,value}' AS control
FROM jsonb_array_elements(export_oscal_ssp(:odd) #> '{system-security-plan,control-implementation,implemented-requirements}') AS r;
UPDATE soa_entry SET applicability = 'applicable(business)' WHERE org_id = :odd;
SELECT export_oscal_ssp(:odd);

-- A legacy row the constraints no longer allow (a 1.1 database) still
-- gives a plan whose strings NIST's pattern accepts
BEGIN;
ALTER TABLE organization DROP CONSTRAINT organization_name_check;
UPDATE organization SET name = U&' Acme\000A\2028Ltd\00A0\0009' WHERE org_id = :org;
SELECT x ->> 'name' AS party,
       x ->> 'name' !~ U&'[\000A\000D\2028\2029]|^[\0009-\000D\0020\00A0\1680\2000-\200A\202F\205F\3000\FEFF]|[\0009-\000D\0020\00A0\1680\2000-\200A\202F\205F\3000\FEFF]$'
       AS string_datatype
FROM jsonb_array_elements(export_oscal_ssp(:org) #> '{system-security-plan,metadata,parties}') AS x;
ROLLBACK;

-- A 1.1 database with names the policy refuses: the update keeps the
-- rows, leaves those constraints NOT VALID with a warning, and validates
-- the others; the constraints still hold every new or updated row
CREATE DATABASE regress_pg_ims_names;
\c regress_pg_ims_names
SET client_min_messages = warning;
CREATE EXTENSION pg_ims VERSION '1.1';
SELECT ims.create_organization(E'Legacy\tGmbH', 'Dana') AS legacy \gset
SELECT ims.init_soa(:legacy) IS NOT NULL AS draft;
UPDATE ims.soa_entry SET owner = E'Lee\n' WHERE org_id = :legacy AND control_id = 'A.5.1';
ALTER EXTENSION pg_ims UPDATE;
SELECT conname, convalidated FROM pg_constraint
WHERE conname IN ('organization_name_check', 'organization_ims_owner_check', 'soa_approved_by_check', 'soa_entry_owner_check')
ORDER BY conname;
\set VERBOSITY terse
UPDATE ims.organization SET ims_owner = 'Dana Keller' WHERE org_id = :legacy;
UPDATE ims.organization SET name = 'Legacy GmbH', ims_owner = 'Dana Keller' WHERE org_id = :legacy;
ALTER TABLE ims.organization VALIDATE CONSTRAINT organization_name_check;
UPDATE ims.soa_entry SET implementation = 'planned' WHERE org_id = :legacy AND control_id = 'A.5.1';
\set VERBOSITY default
UPDATE ims.soa_entry SET owner = 'Lee' WHERE org_id = :legacy AND control_id = 'A.5.1';
ALTER TABLE ims.soa_entry VALIDATE CONSTRAINT soa_entry_owner_check;
SELECT conname, convalidated FROM pg_constraint
WHERE conname IN ('organization_name_check', 'soa_entry_owner_check') ORDER BY conname;
\c contrib_regression
DROP DATABASE regress_pg_ims_names;
