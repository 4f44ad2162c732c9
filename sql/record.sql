--
-- record: the tables of an organization's management system, and every
-- constraint that refuses bad rows.
--
SET search_path = public, ims;
SELECT create_organization('Constraint Test Ltd', 'Olga Owner') AS org \gset
SELECT create_organization('Other Org Ltd') AS other \gset
SELECT name, integration_model, ims_owner, standards FROM organization WHERE org_id = :org;

-- create_organization refuses an empty name
SELECT create_organization('  ');
SELECT create_organization(NULL);

-- plain CHECK and key violations: the message names the constraint
\set VERBOSITY terse
UPDATE organization SET integration_model = 'hybrid' WHERE org_id = :org;
UPDATE organization SET standards = '{}' WHERE org_id = :org;
UPDATE organization SET name = '' WHERE org_id = :org;

INSERT INTO document (org_id, kind, topic, title, covers) VALUES (:org, 'memo', 'incident', 'Memo', '{iso27001:2022}');
INSERT INTO document (org_id, kind, topic, title, covers) VALUES (:org, 'procedure', 'Incident Handling', 'Incidents', '{iso27001:2022}');
INSERT INTO document (org_id, kind, topic, title, covers) VALUES (:org, 'procedure', 'incident', ' ', '{iso27001:2022}');
INSERT INTO document (org_id, kind, topic, title, covers) VALUES (:org, 'procedure', 'incident', 'Incidents', '{}');
INSERT INTO document (org_id, kind, topic, title, covers) VALUES (999999, 'procedure', 'incident', 'Incidents', '{iso27001:2022}');

INSERT INTO ai_system (org_id, name, lifecycle_stage) VALUES (:org, 'Chatbot', 'beta');
INSERT INTO ai_system (org_id, name) VALUES (:org, '');
INSERT INTO ai_system (org_id, name) VALUES (:org, 'Chatbot') RETURNING name, lifecycle_stage, in_scope;
SELECT system_id AS chatbot FROM ai_system WHERE org_id = :org AND name = 'Chatbot' \gset
INSERT INTO ai_system (org_id, name) VALUES (:org, 'Chatbot');
-- the same name in another organization is another system
INSERT INTO ai_system (org_id, name) VALUES (:other, 'Chatbot') RETURNING name;

INSERT INTO risk (org_id, title, risk_type, likelihood) VALUES (:org, 'Data leak', 'confidentiality', 6);
INSERT INTO risk (org_id, title, risk_type, impact) VALUES (:org, 'Data leak', 'confidentiality', 0);
INSERT INTO risk (org_id, title, risk_type, cvss) VALUES (:org, 'Data leak', 'confidentiality', 10.5);
INSERT INTO risk (org_id, title, risk_type, treatment) VALUES (:org, 'Data leak', 'confidentiality', 'ignore');
INSERT INTO risk (org_id, title, risk_type, register) VALUES (:org, 'Data leak', 'confidentiality', 'AI Register');
INSERT INTO risk (org_id, title, risk_type) VALUES (:org, '', 'confidentiality');
INSERT INTO risk (org_id, title, risk_type) VALUES (:org, 'Data leak', 'security');
-- a risk may name only an AI system of its own organization
SELECT system_id AS foreign_chatbot FROM ai_system WHERE org_id = :other \gset
INSERT INTO risk (org_id, title, risk_type, ai_system_id) VALUES (:org, 'Bias', 'fairness', :foreign_chatbot);
\set VERBOSITY default

-- a CVSS score on an AI risk is refused, and the error says why
INSERT INTO risk (org_id, title, risk_type, ai_system_id, cvss) VALUES (:org, 'Chatbot treats dialects unequally', 'bias', :chatbot, 7.0);
-- a CIA risk may carry one
INSERT INTO risk (org_id, title, risk_type, cvss, likelihood, impact, treatment, owner)
VALUES (:org, 'Data leak', 'C', 8.1, 2, 5, 'mitigate', 'CISO') RETURNING title, risk_type, cvss;
INSERT INTO risk (org_id, title, risk_type, ai_system_id, likelihood, impact, treatment, owner)
VALUES (:org, 'Chatbot treats dialects unequally', 'bias', :chatbot, 3, 3, 'mitigate', 'Head of AI')
RETURNING title, risk_type, risk_domain(risk_type);
-- and turning a scored CIA risk into an AI risk is refused the same way
UPDATE risk SET risk_type = 'robustness' WHERE org_id = :org AND title = 'Data leak';
-- the constraint holds even where the trigger is not consulted
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'risk_cvss_domain_check';

\set VERBOSITY terse
SELECT risk_id AS leak FROM risk WHERE org_id = :org AND title = 'Data leak' \gset
INSERT INTO risk_control (org_id, risk_id, standard, control_id) VALUES (:org, :leak, 'iso27001:2022', 'A.99');
INSERT INTO risk_control (org_id, risk_id, standard, control_id) VALUES (:org, 999999, 'iso27001:2022', 'A.5.1');
INSERT INTO risk_control (org_id, risk_id, standard, control_id) VALUES (:org, :leak, 'iso27001:2022', 'A.8.12');

INSERT INTO impact_assessment (org_id, system_id, assessed_on, severity) VALUES (:org, :chatbot, '2026-01-01', 'severe');
INSERT INTO impact_assessment (org_id, system_id, assessed_on, next_review) VALUES (:org, :chatbot, '2026-01-01', '2025-12-31');
INSERT INTO impact_assessment (org_id, system_id, assessed_on) VALUES (:org, :foreign_chatbot, '2026-01-01');
INSERT INTO impact_assessment (org_id, system_id) VALUES (:org, :chatbot);

INSERT INTO soa (org_id, version, status) VALUES (:org, 0, 'draft');
INSERT INTO soa (org_id, version, status, approved_by, approved_at, digest)
VALUES (:org, 1, 'final', 'Board', now(), repeat('a', 64));
INSERT INTO soa (org_id, version, status, approved_by, approved_at, digest)
VALUES (:org, 1, 'approved', 'Board', now(), 'not a digest');
INSERT INTO soa (org_id, version, status, digest) VALUES (:org, 1, 'draft', 'abc');
INSERT INTO soa (org_id, version, status, approved_by) VALUES (:org, 1, 'draft', 'Somebody');
INSERT INTO soa (org_id, version, status, approved_by, approved_at, digest)
VALUES (:org, 1, 'approved', 'Board', now(), NULL);

INSERT INTO evidence (org_id, standard, control_id, kind, title, collected_on) VALUES (:org, 'iso27001:2022', 'A.8.8', 'screenshot', 'Scan', '2026-01-01');
INSERT INTO evidence (org_id, standard, control_id, kind, title, collected_on) VALUES (:org, 'iso42001:2023', 'A.99', 'model_card', 'Card', '2026-01-01');
INSERT INTO evidence (org_id, standard, control_id, kind, title, collected_on, valid_until) VALUES (:org, 'iso27001:2022', 'A.8.8', 'vulnerability_scan', 'Scan', '2026-01-01', '2025-01-01');
INSERT INTO evidence (org_id, standard, control_id, kind, title, collected_on) VALUES (:org, 'iso27001:2022', 'A.8.8', 'vulnerability_scan', ' ', '2026-01-01');

INSERT INTO auditor (org_id, name) VALUES (:org, '');
INSERT INTO internal_audit (org_id, cycle, performed_on, covers) VALUES (:org, '2026', '2026-05-01', '{}');
INSERT INTO internal_audit (org_id, cycle, performed_on, covers, lead_auditor_id) VALUES (:org, '2026', '2026-05-01', '{iso27001:2022}', 999999);
INSERT INTO management_review (org_id, held_on, covers) VALUES (:org, '2026-05-01', '{}');
INSERT INTO certification_body (org_id, name) VALUES (:org, ' ');
\set VERBOSITY default

-- arrays of standards name loaded standards only, each refusal names the column
UPDATE organization SET standards = '{iso27001:2022,iso9001:2015}' WHERE org_id = :org;
INSERT INTO document (org_id, kind, topic, title, covers) VALUES (:org, 'procedure', 'incident', 'Incidents', '{iso27001:2022,ISO 42001}');
INSERT INTO auditor (org_id, name, competence) VALUES (:org, 'Ann Auditor', '{iso42001}');
INSERT INTO internal_audit (org_id, cycle, performed_on, covers) VALUES (:org, '2026', '2026-05-01', '{iso27001}');
INSERT INTO management_review (org_id, held_on, covers) VALUES (:org, '2026-05-01', '{iso42001:2022}');
INSERT INTO certification_body (org_id, name, accredited_for) VALUES (:org, 'CB', '{iso27001:2013}');

-- a null array is refused by its NOT NULL constraint, not by the trigger
\set VERBOSITY terse
INSERT INTO document (org_id, kind, topic, title) VALUES (:org, 'procedure', 'incident', 'Incidents');
\set VERBOSITY default

-- A restore (a record administrator with row_security off, as pg_restore
-- sets it) loads organizations before the imported standards they name, so
-- its inserts pass; its updates, and inserts with row_security on, do not.
BEGIN;
SET LOCAL row_security = off;
INSERT INTO certification_body (org_id, name, accredited_for) VALUES (:org, 'Restored CB', '{restored:2026}') RETURNING name, accredited_for;
UPDATE certification_body SET accredited_for = '{restored:2027}' WHERE name = 'Restored CB';
ROLLBACK;
BEGIN;
SET LOCAL row_security = on;
INSERT INTO certification_body (org_id, name, accredited_for) VALUES (:org, 'Restored CB', '{restored:2026}');
ROLLBACK;
-- a member cannot write as a restore does: with row_security off, row-level
-- security refuses the statement instead of bypassing it
CREATE ROLE regress_record_member;
GRANT USAGE ON SCHEMA ims TO regress_record_member;
GRANT INSERT ON certification_body TO regress_record_member;
BEGIN;
SET LOCAL ROLE regress_record_member;
SET LOCAL row_security = off;
INSERT INTO certification_body (org_id, name, accredited_for) VALUES (:org, 'Restored CB', '{restored:2026}');
ROLLBACK;
REVOKE ALL ON certification_body FROM regress_record_member;
REVOKE ALL ON SCHEMA ims FROM regress_record_member;
DROP ROLE regress_record_member;

-- and the good rows go in
INSERT INTO document (org_id, kind, topic, title, covers) VALUES (:org, 'procedure', 'incident', 'Incident management', '{iso27001:2022,iso42001:2023}') RETURNING kind, topic, covers;
INSERT INTO auditor (org_id, name, competence) VALUES (:org, 'Ann Auditor', '{iso27001:2022,iso42001:2023}') RETURNING name, competence;
INSERT INTO certification_body (org_id, name, accredited_for, combined_audit_confirmed) VALUES (:org, 'CB', '{iso27001:2022,iso42001:2023}', true) RETURNING name, accredited_for;
INSERT INTO evidence (org_id, standard, control_id, kind, title, collected_on) VALUES (:org, 'iso42001:2023', 'A.5.2', 'impact_assessment', 'Chatbot impact assessment', '2026-01-01') RETURNING standard, control_id, kind;

-- every table and column of the record has a comment
SELECT c.relname, a.attname
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
WHERE c.relnamespace = 'ims'::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
  AND c.relname IN ('organization', 'org_access', 'document', 'document_clause', 'ai_system', 'risk', 'risk_control',
                    'impact_assessment', 'soa', 'soa_entry', 'evidence', 'auditor', 'internal_audit',
                    'management_review', 'certification_body')
  AND col_description(c.oid, a.attnum) IS NULL;
-- and every key of the record starts with org_id
-- (the catalog tables are shared by all organizations)
SELECT c.relname, k.conname, pg_get_constraintdef(k.oid)
FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
WHERE k.connamespace = 'ims'::regnamespace AND k.contype = 'p'
  AND c.relname NOT IN ('standard', 'clause', 'control', 'evidence_kind',
                        'reference_item', 'clause_mapping', 'control_mapping', 'clause_topic', 'finding_rule',
                        'obligation', 'obligation_clause', 'obligation_control', 'oscal_catalog')
  AND (SELECT attname FROM pg_attribute WHERE attrelid = k.conrelid AND attnum = k.conkey[1]) <> 'org_id'
ORDER BY c.relname;
SELECT count(*) AS record_tables_keyed_by_org
FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
WHERE k.connamespace = 'ims'::regnamespace AND k.contype = 'p'
  AND (SELECT attname FROM pg_attribute WHERE attrelid = k.conrelid AND attnum = k.conkey[1]) = 'org_id';
