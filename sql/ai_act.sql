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

-- AI systems carry their AI Act roles, risk class and the facts the scope
-- of Art. 27, 50, 60 and 61 turns on
\i :abs_srcdir/sql/include/load_sample.sql
SELECT name, ai_act_roles, ai_act_risk_class, ai_act_transparency, ai_act_annex_iii,
       ai_act_public_service, ai_act_real_world_testing
FROM ai_system WHERE org_id = :org ORDER BY system_id;
UPDATE ai_system SET ai_act_roles = '{manufacturer}' WHERE org_id = :org AND name = 'Support assistant';
UPDATE ai_system SET ai_act_roles = '{}' WHERE org_id = :org AND name = 'Support assistant';
UPDATE ai_system SET ai_act_risk_class = 'unacceptable' WHERE org_id = :org AND name = 'Support assistant';
UPDATE ai_system SET ai_act_roles = '{provider,NULL}' WHERE org_id = :org AND name = 'Support assistant';
UPDATE ai_system SET ai_act_transparency = '{chatbot}' WHERE org_id = :org AND name = 'Support assistant';
UPDATE ai_system SET ai_act_transparency = '{deep_fake,NULL}' WHERE org_id = :org AND name = 'Support assistant';
UPDATE ai_system SET ai_act_annex_iii = '4' WHERE org_id = :org AND name = 'CV screening model';
UPDATE ai_system SET ai_act_annex_iii = '2(a)' WHERE org_id = :org AND name = 'CV screening model';
-- the risk class and the Art. 50 cases must agree: a limited-risk system
-- falls under Art. 50, a minimal-risk one does not (whichever column moves)
UPDATE ai_system SET ai_act_risk_class = 'minimal' WHERE org_id = :org AND name = 'Support assistant';
UPDATE ai_system SET ai_act_transparency = '{deep_fake}' WHERE org_id = :org AND name = 'Fraud scoring model';
UPDATE ai_system SET ai_act_transparency = '{}' WHERE org_id = :org AND name = 'Support assistant';
UPDATE ai_system SET ai_act_risk_class = 'limited' WHERE org_id = :org AND name = 'CV screening model';
-- a high-risk system may fall under Art. 50 or not; an unknown set of cases
-- agrees with every class
UPDATE ai_system SET ai_act_transparency = NULL WHERE org_id = :org AND name = 'CV screening model';
UPDATE ai_system SET ai_act_transparency = '{}' WHERE org_id = :org AND name = 'CV screening model';
-- the check constraints stand behind the trigger (a disabled trigger, a restore with --disable-triggers)
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
WHERE conname LIKE 'ai_system_ai_act%' ORDER BY 1;
-- (terse: the failing row would show the sample's dates, which move with the day)
ALTER TABLE ai_system DISABLE TRIGGER ai_system_ai_act_check;
\set VERBOSITY terse
UPDATE ai_system SET ai_act_transparency = '{chatbot}' WHERE org_id = :org AND name = 'Support assistant';
UPDATE ai_system SET ai_act_transparency = '{}' WHERE org_id = :org AND name = 'Support assistant';
UPDATE ai_system SET ai_act_annex_iii = '4' WHERE org_id = :org AND name = 'CV screening model';
\set VERBOSITY default
ALTER TABLE ai_system ENABLE TRIGGER ai_system_ai_act_check;

-- The gap report: every classified system, one row per obligation that
-- binds one of its roles.  The high-risk CV screening model has 29
-- (Art. 27 binds no private deployer of an Annex III, point 4 system;
-- it falls under no case of Art. 50), two of them to be determined;
-- the limited-risk support assistant has Art. 4 and Art. 50; the
-- minimal-risk fraud scoring model Art. 4 only
SELECT ai_system, ai_act_risk_class, ai_act_roles, count(*) AS obligations,
       count(*) FILTER (WHERE applies = 'to_be_determined') AS to_be_determined,
       count(*) FILTER (WHERE not_covered_by_iso42001) AS not_covered,
       string_agg(obligation, ', ' ORDER BY obligation_rank) FILTER (WHERE ai_act_risk_class <> 'high') AS obligations_not_high
FROM report_ai_act_gap WHERE org_id = :org GROUP BY system_id, 1, 2, 3 ORDER BY system_id;
SELECT ai_system, obligation, applies, binding_roles, status, scope_basis
FROM report_ai_act_gap WHERE org_id = :org AND (ai_act_risk_class <> 'high' OR scope_basis IS NOT NULL)
ORDER BY system_id, obligation_rank;
SELECT obligation, binding_roles, coverage, status, supporting_clauses, supporting_controls
FROM report_ai_act_gap WHERE org_id = :org AND ai_system = 'CV screening model'
  AND obligation IN ('Art. 9', 'Art. 14', 'Art. 18', 'Art. 26', 'Art. 43', 'Art. 47')
ORDER BY obligation_rank;
-- the report says, per obligation, that ISO 42001 does not satisfy it, and
-- no status says more than that the supporting controls are evidenced
SELECT DISTINCT coverage, regexp_replace(iso42001_statement, '(Art\. \d+|Annex [IVX]+)', 'REF') AS statement
FROM report_ai_act_gap WHERE org_id = :org ORDER BY 1;
SELECT count(*) AS says_satisfied FROM report_ai_act_gap
WHERE iso42001_statement NOT LIKE '%does not satisfy%' AND iso42001_statement NOT LIKE '%does not cover%';
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
-- recorded sees every role's, each to be determined; one outside the AIMS
-- scope is flagged, and the Act binds it all the same
UPDATE ai_system SET ai_act_roles = '{deployer}' WHERE org_id = :org AND name = 'CV screening model';
SELECT count(*) AS obligations, string_agg(obligation, ', ' ORDER BY obligation_rank) AS articles
FROM report_ai_act_gap WHERE org_id = :org AND ai_system = 'CV screening model';
UPDATE ai_system SET ai_act_roles = NULL WHERE org_id = :org AND name = 'CV screening model';
SELECT ai_act_roles, applies, count(*) AS obligations, min(scope_basis) AS first_basis, max(scope_basis) AS last_basis
FROM report_ai_act_gap WHERE org_id = :org AND ai_system = 'CV screening model' GROUP BY 1, 2;
UPDATE ai_system SET in_scope = false WHERE org_id = :org AND name = 'CV screening model';
SELECT status, count(*) FROM report_ai_act_gap WHERE org_id = :org AND ai_system = 'CV screening model' GROUP BY status ORDER BY status;
UPDATE ai_system SET ai_act_roles = '{provider,deployer}', in_scope = true WHERE org_id = :org AND name = 'CV screening model';

-- Every branch of the scope, one AI system a case, in an organization of
-- their own (no SoA: the status is beside the point here).  Their ids are
-- given, so that the sequences, and the ids later tests see, do not move.
\set cases 900100
INSERT INTO organization (org_id, name) VALUES (:cases, 'AI Act scope cases');
INSERT INTO ai_system (org_id, system_id, name, ai_act_roles, ai_act_risk_class, ai_act_transparency, ai_act_annex_iii,
                       ai_act_public_service, ai_act_real_world_testing)
SELECT :cases, :cases + row_number() OVER (), c.name, c.roles::text[], c.risk_class, c.transparency::text[], c.annex_iii, c.public_service, c.testing
FROM (VALUES
    -- the class: unknown makes every obligation to be determined
    ('class unknown', '{provider,deployer}', NULL, NULL, NULL, NULL, NULL),
    ('prohibited', '{provider}', 'prohibited', NULL, NULL, NULL, NULL),
    ('minimal, unknown cases', '{provider,deployer}', 'minimal', NULL, NULL, NULL, NULL),
    ('high, importer', '{importer}', 'high', '{}', '4(a)', NULL, NULL),
    ('high, distributor', '{distributor}', 'high', '{}', '4(a)', NULL, NULL),
    -- Art. 50: each case binds providers (1, 2) or deployers (3, 4)
    ('limited, cases unknown', '{provider,deployer}', 'limited', NULL, NULL, NULL, NULL),
    ('chatbot, deployer', '{deployer}', 'limited', '{interacts_with_persons,synthetic_content}', NULL, NULL, NULL),
    ('emotion recognition, provider', '{provider}', 'limited', '{emotion_recognition}', NULL, NULL, NULL),
    ('emotion recognition, deployer', '{deployer}', 'limited', '{emotion_recognition}', NULL, NULL, NULL),
    ('deep fake and news text, roles unknown', NULL, 'limited', '{deep_fake,public_interest_text}', NULL, NULL, NULL),
    ('high, biometric categorisation', '{provider,deployer}', 'high', '{biometric_categorisation}', '1(b)', true, false),
    -- Art. 27: deployers of Annex III systems but point 2 that are public
    -- bodies or provide public services, and all deployers of 5(b), 5(c)
    ('deployer, 4(a), public service', '{deployer}', 'high', '{}', '4(a)', true, NULL),
    ('deployer, 4(a), private', '{deployer}', 'high', '{}', '4(a)', false, NULL),
    ('deployer, 4(a), public service unknown', '{deployer}', 'high', '{}', '4(a)', NULL, NULL),
    ('deployer, 5(b), private', '{deployer}', 'high', '{}', '5(b)', false, NULL),
    ('deployer, 5(c), public service unknown', '{deployer}', 'high', '{}', '5(c)', NULL, NULL),
    ('deployer, 2, public body', '{deployer}', 'high', '{}', '2', true, NULL),
    ('deployer, not in Annex III, public body', '{deployer}', 'high', '{}', 'not_listed', true, NULL),
    ('deployer, Annex III point unknown, private', '{deployer}', 'high', '{}', NULL, false, NULL),
    ('deployer, nothing known', '{deployer}', 'high', '{}', NULL, NULL, NULL),
    ('provider, 5(b), private', '{provider}', 'high', '{}', '5(b)', false, false),
    ('deployer, 4(a), not high-risk', '{deployer}', 'minimal', '{}', '4(a)', true, NULL),
    -- Art. 60 and 61: providers that test in real world conditions
    ('provider, tests in real world', '{provider}', 'high', '{}', '4(a)', NULL, true),
    ('provider, does not test', '{provider}', 'high', '{}', '4(a)', NULL, false),
    ('provider, testing unknown', '{provider}', 'high', '{}', '4(a)', NULL, NULL),
    ('deployer, tests in real world', '{deployer}', 'high', '{}', '4(a)', false, true))
    AS c(name, roles, risk_class, transparency, annex_iii, public_service, testing);
-- what each system gets of the four obligations whose scope turns on facts,
-- and of the others
SELECT s.name,
       count(g.*) AS obligations,
       count(g.*) FILTER (WHERE g.applies = 'to_be_determined') AS to_be_determined,
       coalesce(max(g.applies) FILTER (WHERE g.obligation = 'Art. 4'), '-') AS art_4,
       coalesce(max(g.applies) FILTER (WHERE g.obligation = 'Art. 27'), '-') AS art_27,
       coalesce(max(g.applies || ' ' || g.binding_roles) FILTER (WHERE g.obligation = 'Art. 50'), '-') AS art_50,
       coalesce(max(g.applies) FILTER (WHERE g.obligation = 'Art. 60'), '-') AS art_60,
       coalesce(max(g.applies) FILTER (WHERE g.obligation = 'Art. 61'), '-') AS art_61,
       count(g.*) FILTER (WHERE g.obligation NOT IN ('Art. 4', 'Art. 27', 'Art. 50', 'Art. 60', 'Art. 61')) AS others
FROM ai_system s LEFT JOIN report_ai_act_gap g ON g.org_id = s.org_id AND g.system_id = s.system_id
WHERE s.org_id = :cases GROUP BY s.system_id, s.name ORDER BY s.system_id;
-- the others: those of the system's class and roles
SELECT g.ai_system, string_agg(g.obligation, ', ' ORDER BY g.obligation_rank) AS obligations
FROM report_ai_act_gap g
WHERE g.org_id = :cases AND g.ai_system IN ('prohibited', 'high, importer', 'high, distributor', 'deployer, 4(a), private')
GROUP BY g.system_id, g.ai_system ORDER BY g.system_id;
-- why each conditional row is there, or what is not recorded
SELECT ai_system, obligation, applies, scope_basis
FROM report_ai_act_gap
WHERE org_id = :cases AND (obligation IN ('Art. 27', 'Art. 50', 'Art. 60', 'Art. 61') OR ai_system = 'class unknown')
  AND (ai_system = 'class unknown' OR obligation <> 'Art. 4')
  AND (ai_system <> 'class unknown' OR obligation IN ('Art. 4', 'Art. 9', 'Art. 27', 'Art. 50', 'Art. 60'))
ORDER BY system_id, obligation_rank;
DELETE FROM ai_system WHERE org_id = :cases;
DELETE FROM organization WHERE org_id = :cases;
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
