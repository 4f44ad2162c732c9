--
-- ai_systems: each AI system as an instance (33_ai_system_records.sql):
-- what the tables refuse, what ims.ai_system_evidence counts, the three
-- registers on the sample organization, and row-level security.  The
-- finding rules that read them are in findings.sql.
--
SET search_path = public, ims;
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/load_sample.sql
SELECT system_id AS assistant FROM ai_system WHERE org_id = :org AND name = 'Support assistant' \gset
SELECT system_id AS fraud FROM ai_system WHERE org_id = :org AND name = 'Fraud scoring model' \gset
SELECT supplier_id AS lumen FROM ai_supplier WHERE org_id = :org AND name = 'Lumen AI Ltd' \gset
SELECT assessment_id AS ia FROM impact_assessment WHERE org_id = :org AND system_id = :assistant \gset

-- The register a head of AI governance opens first: one row per system
SELECT ai_system, owner, lifecycle_stage, ai_roles, ai_act_roles, components, datasets
FROM report_ai_systems WHERE org_id = :org ORDER BY system_id;
SELECT ai_system, controls_required, controls_evidenced, controls_missing, evidence_items,
	   assessment_status, assessment_status_rank, decision, fria, harms, open_findings, finding_codes
FROM report_ai_systems WHERE org_id = :org ORDER BY system_id;
SELECT dataset, personal_data, used_by, has_provenance, has_rights FROM report_datasets WHERE org_id = :org ORDER BY dataset_id;
SELECT supplier, supplies, components, responsibilities, reviewed_by, points_missing, review_overdue
FROM report_ai_suppliers WHERE org_id = :org ORDER BY supplier_id;
-- where each system's evidence comes from
SELECT s.name, v.source, count(*) AS items, string_agg(DISTINCT v.control_id, ', ' ORDER BY v.control_id) AS controls
FROM ai_system_evidence(ARRAY[:org]::bigint[]) v JOIN ai_system s USING (org_id, system_id)
GROUP BY s.system_id, s.name, v.source ORDER BY s.system_id, v.source;
-- the impacts of the support assistant's assessment, what they feed and how they are mitigated
SELECT i.subject, i.nature, i.likelihood, i.severity, i.description,
	   (SELECT string_agg(r.title, '; ') FROM impact_risk k JOIN risk r USING (org_id, risk_id)
		WHERE k.org_id = i.org_id AND k.impact_id = i.impact_id) AS feeds,
	   (SELECT string_agg(m.description || coalesce(' (' || m.control_id || ')', ''), '; ') FROM impact_mitigation m
		WHERE m.org_id = i.org_id AND m.impact_id = i.impact_id) AS mitigations
FROM impact i WHERE i.org_id = :org AND i.assessment_id = :ia ORDER BY i.impact_id;

-- What the tables refuse; each statement changes nothing (errors without
-- their failing row, whose dates are relative to today)
\set VERBOSITY terse
-- AI roles of ISO/IEC 22989 only, and not an empty list; an owner by the name policy
UPDATE ai_system SET ai_roles = '{ai_provider,deployer}' WHERE org_id = :org AND system_id = :fraud;
UPDATE ai_system SET ai_roles = '{}' WHERE org_id = :org AND system_id = :fraud;
UPDATE ai_system SET owner = ' Lea' WHERE org_id = :org AND system_id = :fraud;
-- evidence names a system of its own organization
INSERT INTO evidence (org_id, standard, control_id, kind, title, collected_on, system_id)
VALUES (:org, 'iso42001:2023', 'A.6.2.5', 'deployment_runbook', 'Runbook', current_date, 999999);
-- a third party's model names its supplier
INSERT INTO ai_component (org_id, system_id, kind, name) VALUES (:org, :fraud, 'third_party_model', 'Vendor model');
INSERT INTO ai_component (org_id, system_id, kind, name) VALUES (:org, :fraud, 'foundation_model', 'Vendor model');
-- a responsibility names its party as its kind says
INSERT INTO ai_responsibility (org_id, system_id, party, responsibility) VALUES (:org, :fraud, 'supplier', 'Updates');
INSERT INTO ai_responsibility (org_id, system_id, party, supplier_id, responsibility)
VALUES (:org, :fraud, 'organization', :lumen, 'Updates');
INSERT INTO ai_responsibility (org_id, system_id, party, responsibility) VALUES (:org, :fraud, 'customer', 'Decisions');
-- verification and validation records its measures and results; an approval or a decision says what was decided
INSERT INTO ai_lifecycle_record (org_id, system_id, stage, title, recorded_on, measures)
VALUES (:org, :fraud, 'verification_validation', 'Back-test', current_date, 'Precision');
INSERT INTO ai_lifecycle_record (org_id, system_id, stage, title, recorded_on)
VALUES (:org, :fraud, 'decommissioning', 'Retirement of model 4', current_date);
INSERT INTO ai_lifecycle_record (org_id, system_id, stage, title, recorded_on)
VALUES (:org, :fraud, 'monitoring', 'Dashboard', current_date);
INSERT INTO ai_lifecycle_record (org_id, system_id, stage, title, recorded_on, valid_until)
VALUES (:org, :fraud, 'requirements', 'Requirements', current_date, current_date - 1);
-- datasets: one name per organization, used for a known purpose
INSERT INTO dataset (org_id, name) VALUES (:org, 'Card transactions 2024-2026');
INSERT INTO dataset_use (org_id, dataset_id, system_id, purpose)
SELECT :org, dataset_id, :fraud, 'fine_tuning' FROM dataset WHERE org_id = :org AND name = 'Card transactions 2024-2026';
-- a supplier review is made by someone and is due again after it was made
INSERT INTO ai_supplier_review (org_id, supplier_id, reviewed_on, reviewed_by, next_review)
VALUES (:org, :lumen, current_date, 'Procurement', current_date);
INSERT INTO ai_supplier_review (org_id, supplier_id, reviewed_on, reviewed_by) VALUES (:org, :lumen, current_date, '');
-- a change of a known kind, said in words
INSERT INTO ai_system_change (org_id, system_id, changed_on, kind, description, significant)
VALUES (:org, :fraud, current_date, 'upgrade', 'New model', true);
INSERT INTO ai_system_change (org_id, system_id, changed_on, kind, description, significant)
VALUES (:org, :fraud, current_date, 'retraining', ' ', true);
-- impacts: a subject of ISO 42001 A.5.4 and A.5.5, a benefit or a harm, rated on the scales
INSERT INTO impact (org_id, assessment_id, subject, nature, description) VALUES (:org, :ia, 'environment', 'harm', 'Energy use');
INSERT INTO impact (org_id, assessment_id, subject, nature, description) VALUES (:org, :ia, 'society', 'risk', 'Energy use');
INSERT INTO impact (org_id, assessment_id, subject, nature, description, likelihood) VALUES (:org, :ia, 'society', 'harm', 'Energy use', 'certain');
INSERT INTO impact (org_id, assessment_id, subject, nature, description, severity) VALUES (:org, :ia, 'society', 'harm', 'Energy use', 'severe');
-- a mitigation names a control by both its standard and its id
INSERT INTO impact_mitigation (org_id, impact_id, description, control_id)
SELECT :org, impact_id, 'Review', 'A.9.2' FROM impact WHERE org_id = :org AND assessment_id = :ia AND nature = 'harm' LIMIT 1;
INSERT INTO impact_mitigation (org_id, impact_id, description, standard, control_id)
SELECT :org, impact_id, 'Review', 'iso42001:2023', 'A.99' FROM impact WHERE org_id = :org AND assessment_id = :ia AND nature = 'harm' LIMIT 1;
-- a decision with conditions states them; an approval has an approver and a decision, and follows the assessment
UPDATE impact_assessment SET decision_conditions = NULL WHERE org_id = :org AND assessment_id = :ia;
UPDATE impact_assessment SET decision = 'go' WHERE org_id = :org AND assessment_id = :ia;
UPDATE impact_assessment SET decision = NULL WHERE org_id = :org AND assessment_id = :ia;
UPDATE impact_assessment SET approved_on = assessed_on - 1 WHERE org_id = :org AND assessment_id = :ia;
-- nothing above was written
SELECT (SELECT count(*) FROM ai_component WHERE org_id = :org) AS components,
	   (SELECT count(*) FROM ai_responsibility WHERE org_id = :org) AS responsibilities,
	   (SELECT count(*) FROM ai_lifecycle_record WHERE org_id = :org) AS lifecycle_records,
	   (SELECT count(*) FROM impact WHERE org_id = :org) AS impacts,
	   (SELECT count(*) FROM impact_mitigation WHERE org_id = :org) AS mitigations,
	   (SELECT count(*) FROM ai_system_change WHERE org_id = :org) AS changes;

\set VERBOSITY default

-- The same record serves the EU AI Act Art. 27 assessment, flagged
UPDATE impact_assessment SET fria = true WHERE org_id = :org AND assessment_id = :ia;
SELECT ai_system, fria FROM report_ai_systems WHERE org_id = :org AND system_id = :assistant;
UPDATE impact_assessment SET fria = false WHERE org_id = :org AND assessment_id = :ia;

-- Deleting a system takes its records with it, and is refused while
-- evidence, risks or assessments name it
BEGIN;
DELETE FROM ai_system WHERE org_id = :org AND system_id = :fraud;
ROLLBACK;
BEGIN;
DELETE FROM risk WHERE org_id = :org AND ai_system_id = :fraud;
DELETE FROM ai_system WHERE org_id = :org AND system_id = :fraud;
SELECT (SELECT count(*) FROM ai_component WHERE org_id = :org AND system_id = :fraud) AS components,
	   (SELECT count(*) FROM dataset_use WHERE org_id = :org AND system_id = :fraud) AS uses,
	   (SELECT count(*) FROM ai_lifecycle_record WHERE org_id = :org AND system_id = :fraud) AS records;
ROLLBACK;

-- Row-level security: a reader of the organization sees its registers, a
-- role without access sees none of them and writes nothing
CREATE ROLE regress_pg_ims_ai_reader;
CREATE ROLE regress_pg_ims_ai_outsider;
SELECT grant_access(:org, 'regress_pg_ims_ai_reader', 'read');
SET SESSION AUTHORIZATION regress_pg_ims_ai_reader;
SELECT (SELECT count(*) FROM report_ai_systems) AS systems, (SELECT count(*) FROM report_datasets) AS datasets,
	   (SELECT count(*) FROM report_ai_suppliers) AS suppliers, (SELECT count(*) FROM impact) AS impacts;
INSERT INTO dataset (org_id, name) VALUES (:org, 'Read only');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION regress_pg_ims_ai_outsider;
SELECT (SELECT count(*) FROM report_ai_systems) AS systems, (SELECT count(*) FROM report_datasets) AS datasets,
	   (SELECT count(*) FROM report_ai_suppliers) AS suppliers, (SELECT count(*) FROM ai_lifecycle_record) AS records,
	   (SELECT count(*) FROM ai_system_evidence(ARRAY[:org]::bigint[])) AS evidence;
INSERT INTO ai_supplier (org_id, name, supplies) VALUES (:org, 'Intruder', 'Nothing');
RESET SESSION AUTHORIZATION;
SELECT revoke_access(:org, 'regress_pg_ims_ai_reader', 'read');
DROP ROLE regress_pg_ims_ai_reader;
DROP ROLE regress_pg_ims_ai_outsider;
