-- scripts/sample_organization.sql: the sample organization of `make demo`
-- (docs/walkthrough.md tells its story).  Run with psql as a superuser in a
-- database with pg_ims; it sets :org to the new organization's id.
--
-- Nimbus Analytics is a B2B SaaS company certified to ISO/IEC 27001 that is
-- extending its ISMS to ISO/IEC 42001 for three AI systems.  It chose the
-- structural extension and has done much of it right, but not all: the gaps
-- below are the ones the source article warns about, so the validator has
-- something true to say.
--   - the document-control procedure was never extended to the AIMS;
--   - there are no AI objectives: the objectives record covers ISO 27001 only;
--   - incidents are handled by two procedures, one per standard;
--   - the fraud-scoring model has only CIA risks, no AI risk;
--   - the CV-screening model's impact assessment predates its retraining;
--   - the fraud-scoring model has no impact assessment at all;
--   - an ISO 42001 control is "evidenced" by a penetration test report;
--   - the lead auditor has no ISO 42001 competence record;
--   - the management review agenda lacks AI system performance;
--   - the certification body has not confirmed a combined audit window;
--   - five implemented ISO 27001 controls have no evidence;
--   - the SoA is a draft: some controls undecided, one exclusion unjustified;
--   - nothing in the record serves monitoring and measurement (9.1), planning
--     of changes, resources or communication (CLS001);
--   - the residual bias risk was accepted before a re-rating, one treatment
--     plan is unapproved, one action a quarter late, one objective never
--     measured (the risk treatment and objectives registers, at the end);
--   - in its AI register (since 1.2, at the end of this file): one system
--     without an owner, two life-cycle records missing, a dataset without
--     provenance, two AI suppliers without complete due diligence.

\set ON_ERROR_STOP on
-- Dates are relative to today, so the story (and what the validator finds
-- in it) stays the same whenever it is loaded.
SELECT ims.create_organization('Nimbus Analytics GmbH', 'Dana Keller (CISO, IMS owner)') AS org \gset

UPDATE ims.organization
SET integration_model = 'structural_extension',
	scope_statement = 'The Nimbus customer analytics platform, its SaaS operations in the EU, and the AI systems '
		'that support customers, screen job applicants and score payment fraud.'
WHERE org_id = :org;

INSERT INTO ims.document (org_id, kind, topic, title, covers, version, owner, approved_by) VALUES
	(:org, 'policy', 'policy', 'Information security and AI policy', '{iso27001:2022,iso42001:2023}', '3.0', 'Dana Keller', 'Management board'),
	(:org, 'procedure', 'document_control', 'Control of documented information', '{iso27001:2022}', '2.4', 'Quality office', 'Dana Keller'),
	(:org, 'procedure', 'internal_audit', 'Internal audit procedure', '{iso27001:2022,iso42001:2023}', '2.0', 'Quality office', 'Dana Keller'),
	(:org, 'procedure', 'management_review', 'Management review procedure', '{iso27001:2022,iso42001:2023}', '2.0', 'Dana Keller', 'Management board'),
	(:org, 'procedure', 'risk_assessment', 'Integrated risk assessment methodology', '{iso27001:2022,iso42001:2023}', '4.1', 'Dana Keller', 'Management board'),
	(:org, 'procedure', 'incident', 'Information security incident management', '{iso27001:2022}', '3.2', 'Security operations', 'Dana Keller'),
	(:org, 'procedure', 'incident', 'AI incident and concern handling', '{iso42001:2023}', '1.0', 'ML platform team', 'Head of data science'),
	(:org, 'procedure', 'competence', 'Competence and awareness', '{iso27001:2022,iso42001:2023}', '1.3', 'People team', 'Dana Keller'),
	(:org, 'procedure', 'nonconformity', 'Nonconformity and corrective action', '{iso27001:2022,iso42001:2023}', '2.1', 'Quality office', 'Dana Keller'),
	(:org, 'procedure', 'supplier', 'Supplier security and AI supplier management', '{iso27001:2022,iso42001:2023}', '2.0', 'Procurement', 'Dana Keller'),
	(:org, 'record', 'context', 'Context analysis: internal and external issues', '{iso27001:2022,iso42001:2023}', '2026', 'Dana Keller', 'Management board'),
	(:org, 'record', 'interested_parties', 'Register of interested parties', '{iso27001:2022,iso42001:2023}', '2026', 'Dana Keller', 'Management board'),
	(:org, 'record', 'scope', 'Scope of the integrated management system', '{iso27001:2022,iso42001:2023}', '2.0', 'Dana Keller', 'Management board'),
	(:org, 'record', 'roles', 'Roles and responsibilities matrix', '{iso27001:2022,iso42001:2023}', '1.4', 'Dana Keller', 'Management board'),
	(:org, 'record', 'objectives', 'Information security objectives', '{iso27001:2022}', '2026', 'Dana Keller', 'Management board'),
	(:org, 'procedure', 'risk_treatment', 'Risk treatment planning', '{iso27001:2022,iso42001:2023}', '3.0', 'Dana Keller', 'Management board'),
	(:org, 'procedure', 'impact_assessment', 'AI system impact assessment procedure', '{iso42001:2023}', '1.0', 'Head of data science', 'Dana Keller'),
	(:org, 'procedure', 'operational_planning', 'Secure and responsible development lifecycle', '{iso27001:2022,iso42001:2023}', '2.2', 'Head of platform', 'Dana Keller'),
	(:org, 'procedure', 'improvement', 'Continual improvement', '{iso27001:2022,iso42001:2023}', '1.1', 'Quality office', 'Dana Keller'),
	(:org, 'record', 'management_review', 'Management review minutes', '{iso27001:2022,iso42001:2023}', '2026', 'Dana Keller', 'CEO');

-- What the documents serve beyond their topic's clauses (ims.document_clause,
-- since 1.2; the upgrade check loads this sample into a 1.0 database, which
-- has no such table): the competence procedure has the awareness programme
-- (7.3), and the review minutes record top management's commitment to both
-- systems (5.1).  Nothing declares AI objectives (6.2): there are none yet.
SELECT to_regclass('ims.document_clause') IS NOT NULL AS has_declarations \gset
\if :has_declarations
INSERT INTO ims.document_clause (org_id, doc_id, standard, clause)
SELECT d.org_id, d.doc_id, s.standard, v.clause
FROM ims.document d
JOIN (VALUES ('Competence and awareness', '7.3'), ('Management review minutes', '5.1')) AS v(title, clause)
  ON v.title = d.title
CROSS JOIN unnest(ARRAY['iso27001:2022', 'iso42001:2023']) AS s(standard)
WHERE d.org_id = :org;
\endif

INSERT INTO ims.ai_system (org_id, name, intended_use, foreseeable_misuse, lifecycle_stage, in_scope, last_significant_change) VALUES
	(:org, 'Support assistant', 'Answers customer questions about the analytics platform from the product documentation',
	 'Customers asking for legal or financial advice; prompt injection to reveal other tenants'' data', 'operation', true, current_date - 272),
	(:org, 'CV screening model', 'Ranks job applications for recruiters, who take every decision',
	 'Used to reject applicants automatically, without a recruiter', 'deployment', true, current_date - 75),
	(:org, 'Fraud scoring model', 'Scores card payments of customers'' shops for fraud',
	 'Used to profile shoppers for marketing', 'operation', true, current_date - 313);

SELECT system_id AS assistant FROM ims.ai_system WHERE org_id = :org AND name = 'Support assistant' \gset
SELECT system_id AS screening FROM ims.ai_system WHERE org_id = :org AND name = 'CV screening model' \gset
SELECT system_id AS fraud FROM ims.ai_system WHERE org_id = :org AND name = 'Fraud scoring model' \gset

INSERT INTO ims.risk (org_id, title, risk_type, ai_system_id, asset, likelihood, impact, cvss, treatment, owner) VALUES
	(:org, 'Customer data exposed through a misconfigured storage bucket', 'confidentiality', NULL, 'Analytics data lake', 2, 5, 8.6, 'mitigate', 'Head of platform'),
	(:org, 'Unpatched library in the ingestion service', 'integrity', NULL, 'Ingestion service', 3, 4, 7.5, 'mitigate', 'Head of platform'),
	(:org, 'Region-wide outage of the cloud provider', 'availability', NULL, 'SaaS platform', 2, 4, NULL, 'transfer', 'Head of SRE'),
	(:org, 'Ransomware on office laptops', 'availability', NULL, 'Endpoints', 2, 3, NULL, 'mitigate', 'IT lead'),
	(:org, 'Assistant gives confident wrong answers about billing', 'transparency', :assistant, 'Support assistant', 3, 2, NULL, 'mitigate', 'Head of support'),
	(:org, 'Prompt injection exposes another tenant''s documentation', 'ai_security', :assistant, 'Support assistant', 2, 4, NULL, 'mitigate', 'Head of platform'),
	(:org, 'Screening model disadvantages applicants by gender or age', 'fairness', :screening, 'CV screening model', 3, 5, NULL, 'mitigate', 'Head of people'),
	(:org, 'Recruiters over-rely on the ranking', 'harm_to_individuals', :screening, 'CV screening model', 3, 4, NULL, 'mitigate', 'Head of people'),
	(:org, 'Training data for the screening model is unrepresentative', 'data_quality', :screening, 'Training data', 2, 4, NULL, 'mitigate', 'Head of data science'),
	(:org, 'Fraud model scoring service tampered with', 'integrity', :fraud, 'Fraud scoring API', 2, 4, 6.8, 'mitigate', 'Head of platform'),
	(:org, 'Fraud model unavailable during peak sales', 'availability', :fraud, 'Fraud scoring API', 2, 3, NULL, 'accept', 'Head of SRE');

INSERT INTO ims.risk_control (org_id, risk_id, standard, control_id)
SELECT :org, r.risk_id, v.standard, v.control_id
FROM ims.risk r
JOIN (VALUES
	('Customer data exposed through a misconfigured storage bucket', 'iso27001:2022', 'A.8.9'),
	('Customer data exposed through a misconfigured storage bucket', 'iso27001:2022', 'A.5.15'),
	('Unpatched library in the ingestion service', 'iso27001:2022', 'A.8.8'),
	('Region-wide outage of the cloud provider', 'iso27001:2022', 'A.5.30'),
	('Ransomware on office laptops', 'iso27001:2022', 'A.8.7'),
	('Assistant gives confident wrong answers about billing', 'iso42001:2023', 'A.8.2'),
	('Prompt injection exposes another tenant''s documentation', 'iso42001:2023', 'A.6.2.4'),
	('Screening model disadvantages applicants by gender or age', 'iso42001:2023', 'A.7.4'),
	('Screening model disadvantages applicants by gender or age', 'iso42001:2023', 'A.5.4'),
	('Recruiters over-rely on the ranking', 'iso42001:2023', 'A.9.2'),
	('Training data for the screening model is unrepresentative', 'iso42001:2023', 'A.7.4'),
	('Fraud model scoring service tampered with', 'iso27001:2022', 'A.8.28')
) AS v(title, standard, control_id) ON v.title = r.title
WHERE r.org_id = :org;

INSERT INTO ims.impact_assessment (org_id, system_id, assessed_on, individuals, groups, society, severity,
								   foreseeable_misuse, stakeholder_views, approved_by, next_review) VALUES
	(:org, :assistant, current_date - 233, 'Customers misled by wrong answers lose time or money',
	 'Non-native speakers get poorer answers', 'Negligible', 'medium',
	 'Questions outside product scope; prompt injection', 'Customer advisory board, support agents', 'Dana Keller', current_date + 132),
	(:org, :screening, current_date - 301, 'Applicants wrongly ranked low lose a job opportunity',
	 'Women and older applicants may be ranked lower', 'Reinforces labour-market inequality',
	 'high', 'Automatic rejection without a recruiter', 'Works council, recruiters', 'Dana Keller', current_date + 64);

SELECT ims.init_soa(:org) AS soa \gset

-- ISO 27001: most controls were decided long ago for the ISMS
UPDATE ims.soa_entry e
SET applicability = 'applicable(risk)', implementation = 'implemented', owner = 'Dana Keller',
	justification = 'Selected in the ISMS risk treatment plan.'
WHERE e.org_id = :org AND e.soa_id = :soa AND e.standard = 'iso27001:2022';
UPDATE ims.soa_entry e
SET applicability = 'not_applicable', implementation = 'not_started',
	justification = 'No premises of our own: all processing runs at an ISO 27001 certified cloud provider.'
WHERE e.org_id = :org AND e.soa_id = :soa AND e.standard = 'iso27001:2022'
  AND e.control_id IN ('A.7.1', 'A.7.2', 'A.7.3', 'A.7.4', 'A.7.5', 'A.7.11', 'A.7.12');
UPDATE ims.soa_entry e
SET applicability = 'not_applicable', implementation = 'not_started', justification = NULL
WHERE e.org_id = :org AND e.soa_id = :soa AND e.standard = 'iso27001:2022' AND e.control_id = 'A.7.6';
UPDATE ims.soa_entry e
SET applicability = 'applicable(risk,legal)'
WHERE e.org_id = :org AND e.soa_id = :soa AND e.standard = 'iso27001:2022'
  AND e.control_id IN ('A.5.31', 'A.5.34');

-- ISO 42001: decided area by area, A.8 and A.10 not yet
UPDATE ims.soa_entry e
SET applicability = CASE WHEN e.control_id LIKE 'A.5.%' THEN 'applicable(impact,legal)'::ims.applicability
						 ELSE 'applicable(risk,impact)' END,
	implementation = CASE WHEN e.control_id IN ('A.2.2', 'A.3.2', 'A.5.2', 'A.5.3', 'A.6.2.4', 'A.7.4')
						  THEN 'implemented' ELSE 'partial' END,
	owner = 'Head of data science',
	justification = 'Selected in the AI risk treatment plan.'
WHERE e.org_id = :org AND e.soa_id = :soa AND e.standard = 'iso42001:2023'
  AND e.control_id ~ '^A\.(2|3|4|5|6|7|9)\.';

INSERT INTO ims.evidence (org_id, standard, control_id, kind, title, uri, collected_on, valid_until) VALUES
	(:org, 'iso27001:2022', 'A.5.1', 'policy', 'Information security and AI policy v3.0', 'dms://policies/isms-aims-policy-3.0', current_date - 201, NULL),
	(:org, 'iso27001:2022', 'A.5.15', 'access_review', 'Quarterly access review Q3', 'dms://reviews/access-2026-q3', current_date - 58, current_date + 34),
	(:org, 'iso27001:2022', 'A.8.8', 'vulnerability_scan', 'Monthly vulnerability scan', 'dms://scans/2026-11', current_date - 26, current_date + 4),
	(:org, 'iso27001:2022', 'A.8.8', 'pentest_report', 'Annual external penetration test', 'dms://pentest/2026', current_date - 162, current_date + 203),
	(:org, 'iso27001:2022', 'A.8.13', 'backup_test', 'Restore test of the data lake', 'dms://bcm/restore-2026-09', current_date - 76, current_date + 105),
	(:org, 'iso27001:2022', 'A.5.30', 'business_continuity_test', 'Region failover exercise', 'dms://bcm/failover-2026', current_date - 215, current_date + 150),
	(:org, 'iso42001:2023', 'A.2.2', 'policy', 'Information security and AI policy v3.0', 'dms://policies/isms-aims-policy-3.0', current_date - 201, NULL),
	(:org, 'iso42001:2023', 'A.5.2', 'impact_assessment', 'Impact assessment of the support assistant', 'dms://aims/ia-assistant-2026', current_date - 233, current_date + 132),
	(:org, 'iso42001:2023', 'A.5.3', 'impact_assessment', 'Impact assessment of the CV screening model', 'dms://aims/ia-screening-2026', current_date - 301, current_date + 64),
	(:org, 'iso42001:2023', 'A.6.2.4', 'pentest_report', 'Annual external penetration test', 'dms://pentest/2026', current_date - 162, current_date + 203),
	(:org, 'iso42001:2023', 'A.7.4', 'data_quality_report', 'Training data quality report, screening model', 'dms://aims/dq-screening', current_date - 91, current_date + 91),
	(:org, 'iso42001:2023', 'A.3.2', 'record', 'AI roles and responsibilities matrix', 'dms://aims/raci', current_date - 201, NULL);

-- The ISMS evidence pack: one current record per implemented ISO 27001
-- control, of the first kind its catalog entry suggests, except for a few
-- controls whose evidence was never collected.
INSERT INTO ims.evidence (org_id, standard, control_id, kind, title, uri, collected_on, valid_until)
SELECT :org, e.standard, e.control_id, c.evidence_kinds[1],
	   'ISMS evidence pack: ' || c.title, 'dms://isms/evidence/' || e.control_id,
	   current_date - 60, current_date + 305
FROM ims.soa_entry e
JOIN ims.control c USING (standard, control_id)
WHERE e.org_id = :org AND e.soa_id = :soa AND e.standard = 'iso27001:2022'
  AND e.implementation = 'implemented'
  AND e.control_id NOT IN ('A.5.7', 'A.5.23', 'A.8.12', 'A.8.16', 'A.8.28')
  AND NOT EXISTS (SELECT 1 FROM ims.evidence v WHERE v.org_id = e.org_id
				  AND v.standard = e.standard AND v.control_id = e.control_id);

INSERT INTO ims.auditor (org_id, name, competence, training_record) VALUES
	(:org, 'Jonas Weber', '{iso27001:2022}', 'ISO 27001 Lead Auditor certificate, 2023');
SELECT auditor_id AS lead FROM ims.auditor WHERE org_id = :org AND name = 'Jonas Weber' \gset

INSERT INTO ims.internal_audit (org_id, cycle, performed_on, covers, lead_auditor_id) VALUES
	(:org, '2026', current_date - 179, '{iso27001:2022,iso42001:2023}', :lead);

INSERT INTO ims.management_review (org_id, held_on, chair, covers, agenda) VALUES
	(:org, current_date - 137, 'CEO', '{iso27001:2022,iso42001:2023}',
	 '{previous_actions,context_changes,interested_parties,is_objectives,ai_objectives,ai_risks,impact_assessment_outcomes,audit_results,nonconformities,improvement}');

INSERT INTO ims.certification_body (org_id, name, accredited_for, combined_audit_confirmed) VALUES
	(:org, 'Nordic Certification AB', '{iso27001:2022,iso42001:2023}', false);

-- Risk criteria, residual ratings, treatment plans, acceptances and the
-- objectives register (since 1.2; the upgrade check loads this sample into
-- a 1.0 database, which has none of them).  The gaps: the residual bias
-- risk of the screening model was accepted before its retraining re-rated
-- it; the data-quality plan was never approved by its owner; the patch
-- pipeline is a quarter late; an awareness objective was never measured;
-- and still no AI objective.
SELECT to_regclass('ims.risk_criteria') IS NOT NULL AS has_risk_treatment \gset
\if :has_risk_treatment
INSERT INTO ims.risk_criteria (org_id, domain, likelihood_scale, consequence_scale, consequence_basis,
							   acceptable_level, method, approved_by, approved_on) VALUES
	(:org, 'information_security', '{Rare,Unlikely,Possible,Likely,Almost certain}',
	 '{Negligible,Minor,Moderate,Major,Severe}',
	 'Impact on the organization and its customers: financial, legal, contractual, reputational', 6,
	 'Integrated risk assessment methodology 4.1, section 3', 'Management board', current_date - 400),
	(:org, 'ai', '{Rare,Possible,Likely,Frequent}', '{Negligible,Limited,Significant,Serious,Irreversible}',
	 'Severity of the harm to the individuals, groups or society affected, and how reversible it is', 4,
	 'Integrated risk assessment methodology 4.1, section 4 (AI risks)', 'Management board', current_date - 400);

-- (the dates and types are made in the list, not from its columns in SET:
-- Citus refuses a STABLE function or cast of a column in an UPDATE)
UPDATE ims.risk r
SET residual_likelihood = v.rl, residual_impact = v.ri, other_types = v.other_types,
	affected_subjects = v.subjects, plan_approved_by = v.approver, plan_approved_on = v.approved_on
FROM (VALUES
	('Customer data exposed through a misconfigured storage bucket', 1, 5, NULL::ims.risk_type[], NULL::text[], 'Head of platform', current_date - 380),
	('Unpatched library in the ingestion service', 2, 3, NULL, NULL, 'Head of platform', current_date - 380),
	('Region-wide outage of the cloud provider', 2, 2, NULL, NULL, 'Head of SRE', current_date - 380),
	('Ransomware on office laptops', 1, 3, NULL, NULL, 'IT lead', current_date - 380),
	('Assistant gives confident wrong answers about billing', 2, 2, NULL, '{individuals}', 'Head of support', current_date - 250),
	('Prompt injection exposes another tenant''s documentation', 1, 4, '{confidentiality}', NULL, 'Head of platform', current_date - 250),
	('Screening model disadvantages applicants by gender or age', 2, 3, NULL, '{individuals,groups}', 'Head of people', current_date - 200),
	('Recruiters over-rely on the ranking', 2, 3, NULL, '{individuals}', 'Head of people', current_date - 200),
	('Training data for the screening model is unrepresentative', 1, 4, NULL, '{groups,society}', NULL, NULL),
	('Fraud model scoring service tampered with', 1, 4, NULL, NULL, 'Head of platform', current_date - 300)
) AS v(title, rl, ri, other_types, subjects, approver, approved_on)
WHERE r.org_id = :org AND r.title = v.title;

INSERT INTO ims.risk_reference (org_id, risk_id, standard, list, item_id)
SELECT :org, r.risk_id, 'iso42001:2023', v.list, v.item_id
FROM ims.risk r
JOIN (VALUES
	('Assistant gives confident wrong answers about billing', 'annex_c_risk_sources', 'C.3.2'),
	('Assistant gives confident wrong answers about billing', 'annex_c_objectives', 'C.2.11'),
	('Prompt injection exposes another tenant''s documentation', 'annex_c_objectives', 'C.2.10'),
	('Screening model disadvantages applicants by gender or age', 'annex_c_risk_sources', 'C.3.4'),
	('Screening model disadvantages applicants by gender or age', 'annex_c_objectives', 'C.2.5'),
	('Recruiters over-rely on the ranking', 'annex_c_risk_sources', 'C.3.3'),
	('Training data for the screening model is unrepresentative', 'annex_c_objectives', 'C.2.3')
) AS v(title, list, item_id) ON v.title = r.title
WHERE r.org_id = :org;

INSERT INTO ims.risk_treatment_action (org_id, risk_id, action, owner, due_on, status, completed_on)
SELECT :org, r.risk_id, v.action, v.owner, current_date + v.due, v.status,
	   CASE WHEN v.status = 'done' THEN current_date + v.due - 3 END
FROM ims.risk r
JOIN (VALUES
	('Unpatched library in the ingestion service', 'Move the ingestion service to the automated patch pipeline', 'Head of platform', -118, 'in_progress'),
	('Ransomware on office laptops', 'Roll out EDR to every laptop', 'IT lead', -200, 'done'),
	('Assistant gives confident wrong answers about billing', 'Cite the source document in every answer', 'Head of support', 45, 'planned'),
	('Screening model disadvantages applicants by gender or age', 'Retrain on the rebalanced applicant sample', 'Head of data science', -80, 'done'),
	('Screening model disadvantages applicants by gender or age', 'Quarterly bias audit of the ranking', 'Head of data science', -12, 'in_progress'),
	('Recruiters over-rely on the ranking', 'Recruiter training on the limits of the ranking', 'Head of people', 30, 'planned')
) AS v(title, action, owner, due, status) ON v.title = r.title
WHERE r.org_id = :org;
INSERT INTO ims.risk_treatment_action_control (org_id, action_id, risk_id, standard, control_id)
SELECT :org, x.action_id, x.risk_id, c.standard, c.control_id
FROM ims.risk_treatment_action x
JOIN ims.risk_control c ON c.org_id = x.org_id AND c.risk_id = x.risk_id
WHERE x.org_id = :org;

-- the residual bias risk was accepted at level 6; the retraining's bias
-- audit then rated it 8, and nobody accepted it again.  (The risks' ids
-- are read first: a function that writes the record, called in the
-- SELECT list of a query over a distributed table, would run on a shard
-- under Citus, where it cannot write; docs/scale-out.md.)
SELECT r.risk_id AS bias_risk FROM ims.risk r
WHERE r.org_id = :org AND r.title = 'Screening model disadvantages applicants by gender or age' \gset
SELECT r.risk_id AS reliance_risk FROM ims.risk r
WHERE r.org_id = :org AND r.title = 'Recruiters over-rely on the ranking' \gset
SELECT ims.accept_risk(:org, :bias_risk, 'Head of people',
					   'Recruiters take every decision; the remaining disparity is monitored quarterly.',
					   current_date + 200);
UPDATE ims.risk SET residual_impact = 4
WHERE org_id = :org AND title = 'Screening model disadvantages applicants by gender or age';
SELECT ims.accept_risk(:org, :reliance_risk, 'Head of people',
					   'Every ranking is reviewed by a trained recruiter; training is planned for all new recruiters.',
					   current_date + 180);

INSERT INTO ims.objective (org_id, title, standards, target, measure, method, frequency, owner, set_on, due_on) VALUES
	(:org, 'Critical vulnerabilities fixed within 14 days', '{iso27001:2022}', 'at least 95 %',
	 'Share of critical findings of the vulnerability scan closed within 14 days', 'Monthly scan report',
	 'monthly', 'Head of platform', current_date - 300, current_date + 65),
	(:org, 'No customer data incident', '{iso27001:2022}', '0 incidents',
	 'Personal data breaches notified to customers', 'Incident register', 'quarterly', 'Dana Keller',
	 current_date - 300, current_date + 65),
	(:org, 'Security awareness training completed', '{iso27001:2022}', 'at least 95 % of staff',
	 'Share of staff who completed this year''s training', 'Learning platform report', 'quarterly', 'People team',
	 current_date - 150, current_date + 65);
INSERT INTO ims.objective_measurement (org_id, objective_id, measured_on, value, note)
SELECT :org, j.objective_id, current_date - v.ago, v.value, v.note
FROM ims.objective j
JOIN (VALUES
	('Critical vulnerabilities fixed within 14 days', 25, 96, NULL),
	('Critical vulnerabilities fixed within 14 days', 55, 91, 'Two fixes waited for a vendor release'),
	('No customer data incident', 40, 0, NULL)
) AS v(title, ago, value, note) ON v.title = j.title
WHERE j.org_id = :org;
\endif

-- The AI register (since 1.2: ims.ai_system_change, ims.ai_lifecycle_record,
-- the dataset register, AI suppliers and the impact assessment as rows;
-- the upgrade check loads this sample into 1.0, which has none of them).
-- Realistic records, and realistic gaps:
--   - the support assistant runs on a hosted language model whose supplier
--     discloses neither its training data nor who owns the outputs, and
--     nobody decided which of its events are logged;
--   - the CV-screening model was retrained 75 days ago, a significant
--     change no impact assessment was made for; its operation and
--     monitoring plan is still being written;
--   - the fraud-scoring model came over from the payments team without an
--     owner, its fraud-signal supplier was never reviewed, and nobody
--     recorded where its transaction data comes from.
SELECT to_regclass('ims.dataset') IS NOT NULL AS has_ai_records \gset
\if :has_ai_records
UPDATE ims.ai_system s SET owner = v.owner, ai_roles = v.roles
FROM (VALUES ('Support assistant', 'Miriam Hofer', '{ai_provider,ai_customer}'::text[]),
			 ('CV screening model', 'Lea Brandt', '{ai_producer,ai_provider,ai_customer}'::text[]),
			 ('Fraud scoring model', NULL, '{ai_producer,ai_provider,ai_customer}'::text[])) AS v(name, owner, roles)
WHERE s.org_id = :org AND s.name = v.name;

INSERT INTO ims.ai_supplier (org_id, name, supplies, contract_terms, contact) VALUES
	(:org, 'Lumen AI Ltd', 'Hosted large language model (inference API)',
	 'Enterprise terms: prompts and outputs not used for training; 30 days'' notice of model retirement; EU data residency', 'enterprise@lumen.example'),
	(:org, 'PayGuard Data BV', 'Card fraud signals API (device and merchant risk scores)', NULL, 'support@payguard.example');
SELECT supplier_id AS lumen FROM ims.ai_supplier WHERE org_id = :org AND name = 'Lumen AI Ltd' \gset
SELECT supplier_id AS payguard FROM ims.ai_supplier WHERE org_id = :org AND name = 'PayGuard Data BV' \gset
-- Lumen discloses the model's lineage and benchmarks, not its training data
-- nor the ownership of outputs beyond its terms' general clause.
INSERT INTO ims.ai_supplier_review (org_id, supplier_id, reviewed_on, reviewed_by, model_provenance, training_data_origin,
									performance_claims, output_ip, contract_terms, conclusion, next_review) VALUES
	(:org, :lumen, current_date - 250, 'Procurement', 'Model family and version published in the vendor''s model card',
	 NULL, 'Vendor benchmarks; our own evaluation on 400 support questions (see verification record)', NULL,
	 'Enterprise terms checked by legal', 'Approved for the support assistant', current_date + 115);

INSERT INTO ims.ai_component (org_id, system_id, kind, name, version, supplier_id) VALUES
	(:org, :assistant, 'third_party_model', 'Lumen chat model', '2026-03', :lumen),
	(:org, :assistant, 'software', 'Documentation retrieval pipeline', '1.4', NULL),
	(:org, :screening, 'own_model', 'Applicant ranking model', '2.1', NULL),
	(:org, :fraud, 'own_model', 'Fraud scoring model', '5.0', NULL),
	(:org, :fraud, 'ai_service', 'PayGuard fraud signals', 'v3', :payguard);

INSERT INTO ims.ai_responsibility (org_id, system_id, party, supplier_id, party_name, responsibility, documented_in) VALUES
	(:org, :assistant, 'supplier', :lumen, NULL, 'Model updates and 30 days'' notice of changes; abuse monitoring of the API', 'Lumen enterprise agreement'),
	(:org, :assistant, 'organization', NULL, NULL, 'Human handover to a support agent; monthly sampling of answers', 'Support assistant operating plan'),
	(:org, :screening, 'organization', NULL, NULL, 'Recruiters take every decision; the ranking is advice', 'Recruiting guideline'),
	(:org, :fraud, 'supplier', :payguard, NULL, 'Accuracy of the fraud signals; notice of outages', 'PayGuard order form'),
	(:org, :fraud, 'customer', NULL, 'Shops using Nimbus payments analytics', 'Decide on every payment the model flags', 'Customer terms, annex AI');

INSERT INTO ims.dataset (org_id, name, source, acquisition, licence, consent_basis, provenance, quality_measures,
						 known_biases, limitations, preparation, personal_data, owner) VALUES
	(:org, 'Product documentation corpus', 'Nimbus product documentation', 'Own content', 'Nimbus copyright', NULL,
	 'Exported nightly from the documentation repository, versioned by release', 'Broken links and stale pages checked each release',
	 NULL, 'English only', 'Split into passages, embedded for retrieval', false, 'Miriam Hofer'),
	(:org, 'Support conversations sample', 'Support desk tickets 2025', 'Collected in operation', NULL,
	 'Legitimate interest, stated in the support privacy notice', 'Ticket export of 2025-11, pseudonymised',
	 'Two reviewers label the expected answer', 'Few tickets in languages other than English and German', NULL,
	 'Names and e-mail addresses removed before labelling', true, 'Miriam Hofer'),
	(:org, 'Historical applications 2019-2025', 'Applicant tracking system', 'Collected in operation', NULL,
	 'Applicant privacy notice; works council agreement on AI screening', 'ATS export of 2026-09, hashed applicant ids, retained for 24 months',
	 'Completeness of CV fields; label agreement of recruiters', 'Fewer applicants over 50 and women in engineering roles',
	 'Only roles Nimbus recruited for', 'Outcome labels from hiring decisions; rebalanced by age band and gender', true, 'Lea Brandt'),
	(:org, 'Card transactions 2024-2026', 'Payment data of customers'' shops', 'Processed under customer contracts',
	 'Data processing agreements with customer shops', NULL, NULL, 'Chargeback labels reconciled monthly',
	 'Shops in Germany and Austria dominate', 'Chargebacks arrive up to 120 days late', 'Chargeback labels joined; amounts normalised', true, 'Head of payments');
INSERT INTO ims.dataset_use (org_id, dataset_id, system_id, purpose)
SELECT :org, d.dataset_id, v.system_id, v.purpose
FROM ims.dataset d
JOIN (VALUES ('Product documentation corpus', :assistant, 'inference'),
			 ('Support conversations sample', :assistant, 'test'),
			 ('Historical applications 2019-2025', :screening, 'training'),
			 ('Historical applications 2019-2025', :screening, 'validation'),
			 ('Historical applications 2019-2025', :screening, 'test'),
			 ('Card transactions 2024-2026', :fraud, 'training'),
			 ('Card transactions 2024-2026', :fraud, 'validation'),
			 ('Card transactions 2024-2026', :fraud, 'inference')) AS v(name, system_id, purpose) ON v.name = d.name
WHERE d.org_id = :org;

INSERT INTO ims.ai_system_change (org_id, system_id, changed_on, kind, description, significant) VALUES
	(:org, :assistant, current_date - 272, 'new_model', 'Moved to the Lumen chat model 2026-03', true),
	(:org, :screening, current_date - 75, 'retraining', 'Retrained on applications up to 2026-06 (model 2.1)', true),
	(:org, :fraud, current_date - 313, 'new_deployment', 'Taken over from the payments team into the platform', true),
	(:org, :fraud, current_date - 40, 'configuration', 'Alert threshold raised from 0.80 to 0.85', false);

INSERT INTO ims.ai_lifecycle_record (org_id, system_id, stage, title, recorded_on, summary, measures, results, decision, approved_by, uri) VALUES
	(:org, :assistant, 'requirements', 'Support assistant requirements', current_date - 300, 'Answers product questions only, in English and German, hands over to an agent on request', NULL, NULL, NULL, 'Miriam Hofer', 'dms://aims/assistant/requirements'),
	(:org, :assistant, 'design_development', 'Retrieval design and prompt specification', current_date - 290, 'Retrieval over the documentation corpus; system prompt refuses legal and financial advice', NULL, NULL, NULL, NULL, 'dms://aims/assistant/design'),
	(:org, :assistant, 'verification_validation', 'Evaluation on 400 support questions', current_date - 275, NULL, 'Answer correctness judged by two agents; refusal of out-of-scope questions; prompt-injection test set', 'Correct 91 %, out-of-scope refused 97 %, no cross-tenant leak in 150 injection attempts', NULL, 'Miriam Hofer', 'dms://aims/assistant/evaluation-2026'),
	(:org, :assistant, 'deployment_approval', 'Go-live approval of the assistant on Lumen 2026-03', current_date - 272, NULL, NULL, NULL, 'Deploy to all customers with the handover button', 'Dana Keller', 'dms://aims/assistant/go-live'),
	(:org, :assistant, 'operation_monitoring', 'Assistant operating and monitoring plan', current_date - 270, 'Monthly sampling of 100 answers; dashboard of handover rate and thumbs-down', NULL, NULL, NULL, 'Miriam Hofer', 'dms://aims/assistant/operating-plan'),
	(:org, :assistant, 'technical_documentation', 'Support assistant system card', current_date - 270, 'Components, data, limits and contact for customers', NULL, NULL, NULL, NULL, 'dms://aims/assistant/system-card'),
	(:org, :screening, 'requirements', 'Ranking model requirements', current_date - 420, 'Ranks applications per role; recruiters see the rank and the three strongest features', NULL, NULL, NULL, 'Lea Brandt', 'dms://aims/screening/requirements'),
	(:org, :screening, 'design_development', 'Ranking model design notes and model card', current_date - 80, 'Gradient-boosted ranking on CV features; no photo, name or address features', NULL, NULL, NULL, NULL, 'dms://aims/screening/model-card-2.1'),
	(:org, :screening, 'verification_validation', 'Validation of model 2.1', current_date - 78, NULL, 'NDCG@10 per role; selection-rate ratio by gender and age band on the 2025 hold-out', 'NDCG@10 0.71; selection-rate ratio 0.86 (gender), 0.81 (age 50+), above the 0.8 threshold', NULL, 'Lea Brandt', 'dms://aims/screening/validation-2.1'),
	(:org, :screening, 'deployment_approval', 'Release of model 2.1 to recruiters', current_date - 75, NULL, NULL, NULL, 'Release to the recruiting team; works council informed', 'Dana Keller', 'dms://aims/screening/release-2.1'),
	(:org, :screening, 'technical_documentation', 'Ranking model technical file', current_date - 76, 'Technical documentation kept for Annex IV of the EU AI Act', NULL, NULL, NULL, NULL, 'dms://aims/screening/technical-file'),
	(:org, :screening, 'event_log', 'Logging decision of the ranking service', current_date - 76, NULL, NULL, NULL, 'Every ranking with model version, input hash and recruiter decision, kept 24 months', 'Lea Brandt', 'dms://aims/screening/logging'),
	(:org, :fraud, 'requirements', 'Fraud model requirements', current_date - 700, 'Score every card payment within 50 ms; flag above threshold for the shop', NULL, NULL, NULL, NULL, 'dms://payments/fraud/requirements'),
	(:org, :fraud, 'design_development', 'Fraud model design', current_date - 650, 'Gradient-boosted classifier on transaction and PayGuard signals', NULL, NULL, NULL, NULL, 'dms://payments/fraud/design'),
	(:org, :fraud, 'verification_validation', 'Fraud model 5.0 back-test', current_date - 320, NULL, 'Precision and recall at the alert threshold on six months of labelled payments', 'Precision 0.62, recall 0.78 at 0.80', NULL, NULL, 'dms://payments/fraud/backtest-5.0'),
	(:org, :fraud, 'deployment_approval', 'Fraud model 5.0 release', current_date - 313, NULL, NULL, NULL, 'Release on the platform', 'Head of payments', 'dms://payments/fraud/release-5.0'),
	(:org, :fraud, 'operation_monitoring', 'Fraud model monitoring', current_date - 300, 'Weekly precision on reconciled chargebacks; drift alert on score distribution', NULL, NULL, NULL, NULL, 'dms://payments/fraud/monitoring'),
	(:org, :fraud, 'technical_documentation', 'Fraud model documentation', current_date - 313, 'Features, training procedure, limits', NULL, NULL, NULL, NULL, 'dms://payments/fraud/docs'),
	(:org, :fraud, 'event_log', 'Fraud scoring log retention', current_date - 313, NULL, NULL, NULL, 'Score, features and model version per payment, kept 13 months', NULL, 'dms://payments/fraud/logging');

-- Evidence that names its system: the assistant's monitoring dashboard and
-- the screening model's data quality report.
UPDATE ims.evidence SET system_id = :screening
WHERE org_id = :org AND control_id = 'A.7.4' AND title = 'Training data quality report, screening model';
INSERT INTO ims.evidence (org_id, standard, control_id, kind, title, uri, collected_on, valid_until, system_id) VALUES
	(:org, 'iso42001:2023', 'A.6.2.6', 'monitoring_dashboard', 'Assistant answer-quality dashboard', 'https://grafana.nimbus.example/d/assistant', current_date - 5, current_date + 25, :assistant);

-- The two impact assessments as ISO/IEC 42005 shapes them.  The
-- assistant's is complete; the screening model's was made for model 2.0,
-- before the retraining (AIA002).
SELECT assessment_id AS ia_assistant FROM ims.impact_assessment WHERE org_id = :org AND system_id = :assistant \gset
SELECT assessment_id AS ia_screening FROM ims.impact_assessment WHERE org_id = :org AND system_id = :screening \gset
UPDATE ims.impact_assessment
SET system_description = 'Chat assistant on the Lumen chat model with retrieval over the product documentation',
	intended_uses = 'Customers'' questions about the analytics platform',
	affected_parties = 'Customers'' users; support agents; non-native speakers',
	stakeholder_method = 'Customer advisory board session; interviews with six support agents',
	decision = 'proceed_with_conditions', decision_conditions = 'Handover button on every answer; monthly answer sampling',
	approved_on = assessed_on + 3,
	change_id = (SELECT change_id FROM ims.ai_system_change WHERE org_id = :org AND system_id = :assistant AND kind = 'new_model')
WHERE org_id = :org AND assessment_id = :ia_assistant;
UPDATE ims.impact_assessment
SET system_description = 'Ranking model 2.0 over CV features, advising recruiters',
	intended_uses = 'Ordering applications for a recruiter, who decides',
	affected_parties = 'Applicants; recruiters; women and older applicants',
	stakeholder_method = 'Works council consultation; survey of recruiters',
	decision = 'proceed_with_conditions', decision_conditions = 'Selection-rate ratio at least 0.8 per group at each release',
	approved_on = assessed_on + 10
WHERE org_id = :org AND assessment_id = :ia_screening;

INSERT INTO ims.impact (org_id, assessment_id, subject, nature, description, affected, likelihood, severity) VALUES
	(:org, :ia_assistant, 'individuals', 'benefit', 'Answers at any hour, without waiting for an agent', 'Customers'' users', NULL, NULL),
	(:org, :ia_assistant, 'individuals', 'harm', 'Users misled by a wrong answer lose time or money', 'Customers'' users', 'possible', 'medium'),
	(:org, :ia_assistant, 'groups', 'harm', 'Non-native speakers get poorer answers', 'Users writing in other languages', 'likely', 'low'),
	(:org, :ia_assistant, 'society', 'harm', 'No material societal harm identified: a product help desk', NULL, 'rare', 'low'),
	(:org, :ia_screening, 'individuals', 'harm', 'Applicants wrongly ranked low lose a job opportunity', 'Applicants', 'possible', 'high'),
	(:org, :ia_screening, 'groups', 'harm', 'Women and older applicants may be ranked lower', 'Women in engineering roles; applicants over 50', 'possible', 'high'),
	(:org, :ia_screening, 'society', 'harm', 'Reinforces labour-market inequality', NULL, 'unlikely', 'medium'),
	(:org, :ia_screening, 'individuals', 'benefit', 'Faster answers to applicants', 'Applicants', NULL, NULL);

INSERT INTO ims.impact_risk (org_id, impact_id, risk_id)
SELECT :org, i.impact_id, r.risk_id
FROM ims.impact i JOIN (VALUES
	('Users misled by a wrong answer lose time or money', 'Assistant gives confident wrong answers about billing'),
	('Applicants wrongly ranked low lose a job opportunity', 'Recruiters over-rely on the ranking'),
	('Women and older applicants may be ranked lower', 'Screening model disadvantages applicants by gender or age'),
	('Women and older applicants may be ranked lower', 'Training data for the screening model is unrepresentative')
) AS v(impact, risk) ON v.impact = i.description
JOIN ims.risk r ON r.org_id = i.org_id AND r.title = v.risk
WHERE i.org_id = :org;

INSERT INTO ims.impact_mitigation (org_id, impact_id, description, risk_id, standard, control_id)
SELECT :org, i.impact_id, v.measure, r.risk_id, v.standard, v.control_id
FROM ims.impact i JOIN (VALUES
	('Users misled by a wrong answer lose time or money', 'Handover button and a notice that answers may be wrong',
	 'Assistant gives confident wrong answers about billing', 'iso42001:2023', 'A.8.2'),
	('Applicants wrongly ranked low lose a job opportunity', 'Recruiters review every application, whatever its rank',
	 'Recruiters over-rely on the ranking', 'iso42001:2023', 'A.9.2'),
	('Women and older applicants may be ranked lower', 'Selection-rate ratio checked per group at each release',
	 'Screening model disadvantages applicants by gender or age', 'iso42001:2023', 'A.7.4'),
	('Reinforces labour-market inequality', 'Yearly fairness report to the works council', NULL, 'iso42001:2023', 'A.5.5')
) AS v(impact, measure, risk, standard, control_id) ON v.impact = i.description
LEFT JOIN ims.risk r ON r.org_id = i.org_id AND r.title = v.risk
WHERE i.org_id = :org;
\endif

-- The improvement loop (since 1.2; docs/improvement.md; not in a 1.0
-- database, which the upgrade check loads this into).  The internal audit
-- found that the quarterly access reviews had lapsed: it became a
-- nonconformity of the register, the management review decided to automate
-- them and followed the action, and after a quarter run on time the
-- nonconformity was closed on an effectiveness review.  The review also
-- decided to set AI objectives, an action still open, and the fraud-scoring
-- model's missing impact assessment, a finding of the validator, was raised
-- as a nonconformity whose corrective action is under way.  The roles of
-- the system, the AI roles among them, are held by people with a current
-- record of the competence each needs.
SELECT to_regclass('ims.nonconformity_record') IS NOT NULL AS has_register \gset
\if :has_register
SELECT audit_id AS audit FROM ims.internal_audit WHERE org_id = :org \gset
SELECT review_id AS review FROM ims.management_review WHERE org_id = :org \gset
UPDATE ims.internal_audit SET criteria = 'ISO/IEC 27001:2022 and ISO/IEC 42001:2023, clauses 4 to 10 and Annex A; the IMS policies',
	conclusion = 'The IMS conforms and is effectively implemented, but for one minor nonconformity (access reviews)',
	reported_on = current_date - 170, reported_to = 'Management board'
WHERE org_id = :org AND audit_id = :audit;
SELECT ims.raise_nonconformity(:org, :audit, 'iso27001:2022', 'A.5.18', 'minor',
	'The quarterly access reviews of the analytics platform were not performed in the first quarter',
	'Access review log: last entry in the fourth quarter of last year') AS access_nc \gset
UPDATE ims.nonconformity_record SET raised_on = current_date - 179,
	correction = 'The access review of the first quarter was performed late, and 4 stale accounts were removed',
	root_cause = 'The reviews depended on a calendar reminder of one person, who left in January'
WHERE org_id = :org AND nc_id = :access_nc;
INSERT INTO ims.corrective_action (org_id, nc_id, description, owner, due_on, status, done_on) VALUES
	(:org, :access_nc, 'Schedule the access reviews in the ticketing system, owned by the platform team', 'CISO',
	 current_date - 120, 'done', current_date - 125);
UPDATE ims.management_review SET attendees = '{CEO,CISO,Head of AI,Dana Keller}'
WHERE org_id = :org AND review_id = :review;
INSERT INTO ims.review_output (org_id, review_id, kind, decision, owner, due_on, status, done_on) VALUES
	(:org, :review, 'change', 'Automate the quarterly access reviews (nonconformity of the internal audit)', 'CISO',
	 current_date - 120, 'done', current_date - 125),
	(:org, :review, 'improvement', 'Set AI objectives for the AI systems in scope', 'Dana Keller',
	 current_date + 30, 'open', NULL);
UPDATE ims.nonconformity_record SET
	effectiveness_review = 'The access reviews of the second and third quarters ran on time from the ticketing system',
	effectiveness_reviewed_on = current_date - 25, effective = true, closed_on = current_date - 20
WHERE org_id = :org AND nc_id = :access_nc;
SELECT ims.raise_nonconformity(:org, 'AIA001', 'Fraud scoring model') AS fraud_nc \gset
INSERT INTO ims.corrective_action (org_id, nc_id, description, owner, due_on) VALUES
	(:org, :fraud_nc, 'Assess the impacts of the fraud-scoring model', 'Head of AI', current_date + 45);
-- The roles of the system (5.3, ISO 42001 A.3.2), their holders and the
-- records of the competence each needs (7.2, A.4.6): all current.
SELECT system_id AS cv FROM ims.ai_system WHERE org_id = :org AND name = 'CV screening model' \gset
INSERT INTO ims.role (org_id, name, kind, system_id, responsibilities, required_competence) VALUES
	(:org, 'IMS owner', 'management_system', NULL, 'Owns the integrated management system across both standards',
	 '{iso27001:2022,iso42001:2023}'),
	(:org, 'Impact assessor', 'ai', NULL, 'Assesses the impacts of every AI system before deployment and change',
	 '{ai_impact_assessment}'),
	(:org, 'Human overseer', 'ai', :cv, 'Reviews the shortlists of the CV screening model and can override them',
	 '{ai_oversight,recruiting}');
INSERT INTO ims.role_holder (org_id, role_id, holder, since)
SELECT :org, role_id, v.holder, current_date - 400 FROM ims.role
JOIN (VALUES ('IMS owner', 'Dana Keller'), ('Impact assessor', 'Dana Keller'), ('Human overseer', 'Lena Fischer')) AS v(role, holder)
  ON v.role = name
WHERE org_id = :org;
INSERT INTO ims.competence_record (org_id, holder, competence, kind, title, obtained_on, expires_on) VALUES
	(:org, 'Dana Keller', 'iso27001:2022', 'qualification', 'ISO 27001 Lead Implementer certificate', current_date - 900, current_date + 195),
	(:org, 'Dana Keller', 'iso42001:2023', 'qualification', 'ISO 42001 Lead Implementer certificate', current_date - 300, current_date + 795),
	(:org, 'Dana Keller', 'ai_impact_assessment', 'training', 'AI impact assessment workshop', current_date - 280, NULL),
	(:org, 'Lena Fischer', 'ai_oversight', 'training', 'Human oversight of AI systems', current_date - 200, current_date + 165),
	(:org, 'Lena Fischer', 'recruiting', 'experience', 'Eight years in recruiting', current_date - 2900, NULL);
\endif

-- Documented information under control (since 1.2; the upgrade check loads
-- this sample into 1.0, which has none of these columns): the documents
-- approved, with a review date; the evidence collected since the evidence
-- procedure was revised five months ago has the SHA-256 of its file, the
-- older ISMS evidence pack none (EVD001, an observation).  (The sample's
-- SHA-256 is of a made-up file, the evidence's address, cast to bytea: on
-- Citus an UPDATE may not call a STABLE function, such as convert_to, of a
-- column.)
SELECT to_regclass('ims.history') IS NOT NULL AS has_history \gset
\if :has_history
UPDATE ims.document SET status = 'approved', approved_on = current_date - 200, next_review = current_date + 165
WHERE org_id = :org AND approved_by IS NOT NULL;
UPDATE ims.evidence
SET file_sha256 = encode(sha256(coalesce(uri, title)::bytea), 'hex'),
	collected_by = 'Dana Keller', reviewed_by = 'Quality office'
WHERE org_id = :org AND collected_on >= current_date - 150;
\endif
