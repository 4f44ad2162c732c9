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
--     of changes, resources or communication (CLS001).

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
