--
-- ai_act: the shipped EU AI Act catalog and its crosswalk to ISO 42001,
-- the AI Act role and risk class of AI systems, ims.report_ai_act_gap, and
-- every way ims.import_crosswalk() refuses a document.
--
\getenv abs_srcdir PG_ABS_SRCDIR
\set SHOW_CONTEXT never
SET search_path = public, ims;

-- The regulation: articles and annexes under chapters and sections
SELECT code, title, kind, builtin FROM standard WHERE code = 'eu-ai-act:2024';
SELECT count(*) AS clauses, count(*) FILTER (WHERE number LIKE 'Art.%') AS articles,
       count(*) FILTER (WHERE number LIKE 'Annex%') AS annexes,
       count(*) FILTER (WHERE number LIKE 'Chapter%') AS chapters_and_sections
FROM clause WHERE standard = 'eu-ai-act:2024';
-- the crosswalk: obligations are articles or annexes, never chapters; every
-- one says what ISO 42001 does not cover; none claims full coverage
SELECT coverage, count(*) FROM obligation WHERE regulation = 'eu-ai-act:2024' GROUP BY coverage ORDER BY coverage;
SELECT count(*) FILTER (WHERE ref LIKE 'Chapter%') AS chapters,
       count(*) FILTER (WHERE btrim(not_covered) = '') AS without_gap,
       count(*) FILTER (WHERE standard <> 'iso42001:2023') AS other_standard
FROM obligation WHERE regulation = 'eu-ai-act:2024';
-- coverage none exactly when nothing of ISO 42001 supports the obligation
SELECT o.ref, o.coverage,
       (SELECT count(*) FROM obligation_clause c WHERE (c.regulation, c.standard, c.ref) = (o.regulation, o.standard, o.ref)) AS clauses,
       (SELECT count(*) FROM obligation_control c WHERE (c.regulation, c.standard, c.ref) = (o.regulation, o.standard, o.ref)) AS controls
FROM obligation o
WHERE (o.coverage = 'none') <> NOT EXISTS (SELECT 1 FROM obligation_clause c WHERE (c.regulation, c.standard, c.ref) = (o.regulation, o.standard, o.ref)
                                           UNION ALL
                                           SELECT 1 FROM obligation_control c WHERE (c.regulation, c.standard, c.ref) = (o.regulation, o.standard, o.ref));
-- what ISO 42001 does not give: conformity assessment, technical
-- documentation's content, declaration, CE marking, registration
SELECT o.ref, cl.title, o.coverage, o.roles
FROM obligation o JOIN clause cl ON cl.standard = o.regulation AND cl.number = o.ref
WHERE o.ref IN ('Art. 43', 'Annex IV', 'Art. 47', 'Art. 48', 'Art. 49') ORDER BY o.ordinal;
-- who is bound: deployers by Art. 26, importers by Art. 23, distributors by Art. 24
SELECT o.ref, o.roles, o.risk_classes FROM obligation o
WHERE o.ref IN ('Art. 4', 'Art. 16', 'Art. 23', 'Art. 24', 'Art. 26', 'Art. 50') ORDER BY o.ordinal;

-- AI systems carry their AI Act roles and risk class
\i :abs_srcdir/sql/include/load_sample.sql
SELECT name, ai_act_roles, ai_act_risk_class FROM ai_system WHERE org_id = :org ORDER BY system_id;
UPDATE ai_system SET ai_act_roles = '{manufacturer}' WHERE org_id = :org AND name = 'Support assistant';
UPDATE ai_system SET ai_act_roles = '{}' WHERE org_id = :org AND name = 'Support assistant';
UPDATE ai_system SET ai_act_risk_class = 'unacceptable' WHERE org_id = :org AND name = 'Support assistant';
UPDATE ai_system SET ai_act_roles = '{provider,NULL}' WHERE org_id = :org AND name = 'Support assistant';
-- the check constraints stand behind the trigger (a disabled trigger, a restore with --disable-triggers)
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
WHERE conname IN ('ai_system_ai_act_roles_check', 'ai_system_ai_act_risk_class_check') ORDER BY 1;

-- The gap report lists the high-risk systems only, one row per obligation
-- that binds one of the system's roles
SELECT ai_system, ai_act_roles, count(*) AS obligations,
       count(*) FILTER (WHERE not_covered_by_iso42001) AS not_covered
FROM report_ai_act_gap WHERE org_id = :org GROUP BY 1, 2;
SELECT obligation, binding_roles, coverage, status, supporting_clauses, supporting_controls
FROM report_ai_act_gap WHERE org_id = :org
  AND obligation IN ('Art. 9', 'Art. 14', 'Art. 18', 'Art. 26', 'Art. 43', 'Art. 47')
ORDER BY obligation_rank;
-- the report says, per obligation, that ISO 42001 does not satisfy it
SELECT DISTINCT coverage, regexp_replace(iso42001_statement, '(Art\. \d+|Annex [IVX]+)', 'REF') AS statement
FROM report_ai_act_gap WHERE org_id = :org ORDER BY 1;
SELECT count(*) AS says_satisfied FROM report_ai_act_gap
WHERE iso42001_statement NOT LIKE '%does not satisfy%' AND iso42001_statement NOT LIKE '%does not cover%';
-- no status says more than that the supporting controls are evidenced
SELECT status, count(*) FROM report_ai_act_gap WHERE org_id = :org GROUP BY status ORDER BY status;
-- the deprecated count columns are the supporting_controls_ ones
SELECT count(*) AS differ FROM report_ai_act_gap
WHERE (controls_applicable, controls_implemented, controls_evidenced)
      IS DISTINCT FROM (supporting_controls_applicable, supporting_controls_implemented, supporting_controls_evidenced);
-- the counts follow the SoA: deciding and implementing a supporting control moves the status
SELECT status, controls_supporting, supporting_controls_applicable, supporting_controls_implemented, supporting_controls_evidenced
FROM report_ai_act_gap WHERE org_id = :org AND obligation = 'Art. 14';
UPDATE soa_entry SET applicability = 'applicable(risk)', justification = 'Human oversight of the ranking.', implementation = 'implemented'
WHERE org_id = :org AND standard = 'iso42001:2023' AND control_id IN ('A.6.2.2', 'A.8.2');
SELECT status, controls_supporting, supporting_controls_applicable, supporting_controls_implemented, supporting_controls_evidenced
FROM report_ai_act_gap WHERE org_id = :org AND obligation = 'Art. 14';
-- a deployer only sees deployers' obligations; a system whose roles are not
-- recorded sees every role's; one outside the AIMS scope is flagged
UPDATE ai_system SET ai_act_roles = '{deployer}' WHERE org_id = :org AND name = 'CV screening model';
SELECT count(*) AS obligations, bool_or(obligation = 'Art. 26') AS has_art_26, bool_or(obligation = 'Art. 16') AS has_art_16
FROM report_ai_act_gap WHERE org_id = :org;
UPDATE ai_system SET ai_act_roles = NULL WHERE org_id = :org AND name = 'CV screening model';
SELECT count(*) AS obligations, min(ai_act_roles) AS roles FROM report_ai_act_gap WHERE org_id = :org;
UPDATE ai_system SET in_scope = false WHERE org_id = :org AND name = 'CV screening model';
SELECT status, count(*) FROM report_ai_act_gap WHERE org_id = :org GROUP BY status ORDER BY status;
UPDATE ai_system SET ai_act_roles = '{provider,deployer}', in_scope = true WHERE org_id = :org AND name = 'CV screening model';
-- a system that is not high-risk has no row
UPDATE ai_system SET ai_act_risk_class = 'limited' WHERE org_id = :org AND name = 'CV screening model';
SELECT count(*) AS rows_for_limited FROM report_ai_act_gap WHERE org_id = :org;
UPDATE ai_system SET ai_act_risk_class = 'high' WHERE org_id = :org AND name = 'CV screening model';
-- row-level security: a role without access sees nothing
CREATE ROLE regress_pg_ims_ai_act;
SET SESSION AUTHORIZATION regress_pg_ims_ai_act;
SELECT count(*) AS visible FROM ims.report_ai_act_gap;
RESET SESSION AUTHORIZATION;
DROP ROLE regress_pg_ims_ai_act;

-- ims.import_crosswalk: a regulation of one's own and its crosswalk
CREATE TEMP VIEW crosswalk_state AS
SELECT (SELECT count(*) FROM obligation) AS obligations, (SELECT count(*) FROM obligation_clause) AS clauses,
       (SELECT count(*) FROM obligation_control) AS controls;
SELECT import_catalog('{"format": "pg_ims/catalog", "format_version": 1,
  "standard": {"code": "acme-act:2026", "title": "ACME AI Act 2026", "kind": "regulation"},
  "clauses": [{"number": "Art. 1", "title": "Logging"}, {"number": "Art. 2", "title": "Registration"}],
  "controls": []}');
CREATE TEMP TABLE state_before AS SELECT * FROM crosswalk_state;
\set good '{"format": "pg_ims/crosswalk", "format_version": 1, "regulation": "acme-act:2026", "standard": "iso42001:2023", "obligations": [{"ref": "Art. 1", "roles": ["provider"], "risk_classes": ["high"], "coverage": "partial", "clauses": ["9.1"], "controls": ["A.6.2.8"], "rationale": "Event logs.", "not_covered": "Retention periods.", "provenance": "test"}, {"ref": "Art. 2", "roles": ["provider", "deployer"], "risk_classes": ["high", "limited"], "coverage": "none", "rationale": "Nothing supports it.", "not_covered": "Registration in a public database.", "provenance": "test"}]}'
-- not JSON (22032) and wrong shapes (22023), with the entry and key named
\set VERBOSITY sqlstate
SELECT import_crosswalk('{"format": ');
\set VERBOSITY default
SELECT import_crosswalk(jsonb_set(:'good'::jsonb, '{format}', '"pg_ims/mapping"')::text);
SELECT import_crosswalk(jsonb_set(:'good'::jsonb, '{obligations,0,roles}', '["manufacturer"]')::text);
SELECT import_crosswalk(jsonb_set(:'good'::jsonb, '{obligations,0,roles}', '[]')::text);
SELECT import_crosswalk(jsonb_set(:'good'::jsonb, '{obligations,0,risk_classes}', '["high", "high"]')::text);
SELECT import_crosswalk(jsonb_set(:'good'::jsonb, '{obligations,0,coverage}', '"full"')::text);
SELECT import_crosswalk(jsonb_set(:'good'::jsonb, '{obligations,0,coverage}', '"none"')::text);
SELECT import_crosswalk(jsonb_set(:'good'::jsonb, '{obligations,1,coverage}', '"weak"')::text);
SELECT import_crosswalk(jsonb_set(:'good'::jsonb, '{obligations,1,ref}', '"Art. 1"')::text);
SELECT import_crosswalk(jsonb_set(:'good'::jsonb, '{obligations,0,scope}', '"x"')::text);
SELECT import_crosswalk((:'good'::jsonb #- '{obligations,0,not_covered}')::text);
SELECT import_crosswalk(jsonb_set(:'good'::jsonb, '{obligations,0,controls}', '["A.6.2.8", 7]')::text);
SELECT import_crosswalk(jsonb_set(:'good'::jsonb, '{standard}', '"acme-act:2026"')::text);
SELECT import_crosswalk(jsonb_set(:'good'::jsonb, '{obligations}', '[]')::text);
-- against what is loaded: unknown standards (42704), a standard that is no
-- regulation, unknown articles, clauses and controls (22023)
SELECT import_crosswalk(jsonb_set(:'good'::jsonb, '{regulation}', '"nowhere:2026"')::text);
SELECT import_crosswalk(jsonb_set(:'good'::jsonb, '{regulation}', '"iso27001:2022"')::text);
SELECT import_crosswalk(jsonb_set(:'good'::jsonb, '{obligations,1,ref}', '"Art. 3"')::text);
SELECT import_crosswalk(jsonb_set(:'good'::jsonb, '{obligations,0,clauses}', '["9.1", "6.1.9"]')::text);
SELECT import_crosswalk(jsonb_set(:'good'::jsonb, '{obligations,0,controls}', '["A.5.19"]')::text);
-- nothing was written
SELECT s = b AS unchanged FROM crosswalk_state s, state_before b;
-- the good document loads, once (42710 after)
SELECT import_crosswalk(:'good');
SELECT ref, roles, risk_classes, coverage, not_covered FROM obligation WHERE regulation = 'acme-act:2026' ORDER BY ordinal;
SELECT ref, clause FROM obligation_clause WHERE regulation = 'acme-act:2026';
SELECT ref, control_id FROM obligation_control WHERE regulation = 'acme-act:2026';
SELECT import_crosswalk(:'good');
SELECT import_crosswalk(NULL) IS NULL AS strict;
-- a crosswalk is not a catalog, nor a mapping
SELECT import_catalog(:'good');
SELECT import_mapping(:'good');
-- leave the catalogs as the later tests expect them
DELETE FROM obligation_control WHERE regulation = 'acme-act:2026';
DELETE FROM obligation_clause WHERE regulation = 'acme-act:2026';
DELETE FROM obligation WHERE regulation = 'acme-act:2026';
DELETE FROM clause WHERE standard = 'acme-act:2026';
DELETE FROM standard WHERE code = 'acme-act:2026';
