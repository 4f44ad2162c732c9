-- sql/include/fixture_org.sql: fixture_org(name, with_soa, approver), the
-- organization that does it right (the article's structural extension done
-- fully), which the tests change one thing of; findings.sql and
-- oscal_assessment.sql build theirs with it.  The caller drops it.
CREATE FUNCTION fixture_org(name text, with_soa boolean DEFAULT true, approver text DEFAULT 'Board')
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	org bigint;
	sys bigint;
	ia bigint;
	aud bigint;
	rev bigint;
	soa bigint;
BEGIN
	org := ims.create_organization(name, 'Ida Owner');
	UPDATE ims.organization SET integration_model = 'structural_extension',
		scope_statement = 'The product and its AI features.' WHERE org_id = org;
	INSERT INTO ims.document (org_id, kind, topic, title, covers, version, owner, approved_by)
	SELECT org, CASE WHEN t = 'policy' THEN 'policy' ELSE 'procedure' END, t, initcap(replace(t, '_', ' ')),
		   '{iso27001:2022,iso42001:2023}', '1.0', 'Ida Owner', 'Board'
	FROM unnest(ARRAY['policy', 'document_control', 'internal_audit', 'management_review', 'risk_assessment',
					  'incident', 'competence', 'nonconformity', 'supplier', 'impact_assessment']) AS t;
	INSERT INTO ims.document (org_id, kind, topic, title, covers, version, owner, approved_by)
	VALUES (org, 'record', 'objectives', 'Objectives', '{iso27001:2022,iso42001:2023}', '1.0', 'Ida Owner', 'Board');
	-- and a document for every other clause topic, so that each clause is served (CLS001)
	INSERT INTO ims.document (org_id, kind, topic, title, covers, version, owner, approved_by)
	SELECT org, 'procedure', t.topic, initcap(replace(t.topic, '_', ' ')), '{iso27001:2022,iso42001:2023}', '1.0',
		   'Ida Owner', 'Board'
	FROM (SELECT DISTINCT topic FROM ims.clause_topic) AS t
	WHERE NOT EXISTS (SELECT 1 FROM ims.document d WHERE d.org_id = org AND d.topic = t.topic);
	INSERT INTO ims.ai_system (org_id, name, intended_use, foreseeable_misuse, lifecycle_stage, last_significant_change, owner)
	VALUES (org, 'Model', 'Ranks leads', 'Used to refuse service', 'operation', current_date - 200, 'Ida Owner')
	RETURNING system_id INTO sys;
	-- risk criteria of both domains; each risk rated before and after its
	-- treatment, within the criteria, its plan approved by its owner
	INSERT INTO ims.risk_criteria (org_id, domain, likelihood_scale, consequence_scale, consequence_basis,
								   acceptable_level, approved_by, approved_on) VALUES
		(org, 'information_security', '{Rare,Unlikely,Possible,Likely,Certain}',
		 '{Negligible,Minor,Moderate,Major,Severe}', 'Impact on the organization', 6, 'Board', current_date - 300),
		(org, 'ai', '{Rare,Possible,Likely,Frequent}', '{Negligible,Limited,Significant,Serious,Irreversible}',
		 'Severity of the harm to the people affected', 4, 'Board', current_date - 300);
	INSERT INTO ims.risk (org_id, title, risk_type, ai_system_id, likelihood, impact, residual_likelihood, residual_impact,
						  affected_subjects, treatment, owner, plan_approved_by, plan_approved_on) VALUES
		(org, 'Model ranks some customers unfairly', 'fairness', sys, 2, 3, 1, 3, '{individuals,groups}', 'mitigate',
		 'Head of AI', 'Head of AI', current_date - 250);
	INSERT INTO ims.risk (org_id, title, risk_type, likelihood, impact, residual_likelihood, residual_impact, cvss,
						  treatment, owner, plan_approved_by, plan_approved_on) VALUES
		(org, 'Database exposed', 'confidentiality', 1, 5, 1, 4, 7.5, 'mitigate', 'CISO', 'CISO', current_date - 250);
	INSERT INTO ims.risk_treatment_action (org_id, risk_id, action, owner, due_on, status, completed_on)
	SELECT org, r.risk_id, 'Retrain with a balanced sample', 'Head of AI', current_date - 220, 'done', current_date - 225
	FROM ims.risk r WHERE r.org_id = org AND r.risk_type = 'fairness';
	-- objectives of both standards, measured as often as they say
	INSERT INTO ims.objective (org_id, title, standards, target, measure, method, frequency, owner, set_on)
	VALUES (org, 'Releases pass their bias test', '{iso42001:2023}', '100 %', 'Share of releases with a passed bias test',
			'Release records', 'quarterly', 'Head of AI', current_date - 200),
		   (org, 'Critical patches within 14 days', '{iso27001:2022}', '95 %', 'Share of critical patches applied in 14 days',
			'Patch reports', 'monthly', 'CISO', current_date - 200);
	INSERT INTO ims.objective_measurement (org_id, objective_id, measured_on, value)
	SELECT org, j.objective_id, current_date - 20, 97 FROM ims.objective j WHERE j.org_id = org;
	INSERT INTO ims.impact_assessment (org_id, system_id, assessed_on, individuals, groups, society, severity,
									   foreseeable_misuse, stakeholder_views, approved_by, next_review)
	VALUES (org, sys, current_date - 100, 'Customers ranked low get less attention', 'Small shops', 'Negligible',
			'low', 'Used to refuse service', 'Sales team, customer panel', 'Board', current_date + 200)
	RETURNING assessment_id INTO ia;
	-- the impacts as rows: a harm to each subject, rated; the one rated medium mitigated
	INSERT INTO ims.impact (org_id, assessment_id, subject, nature, description, likelihood, severity) VALUES
		(org, ia, 'individuals', 'harm', 'Customers ranked low get less attention', 'possible', 'medium'),
		(org, ia, 'groups', 'harm', 'Small shops ranked lower', 'unlikely', 'low'),
		(org, ia, 'society', 'harm', 'No societal harm identified', 'rare', 'low');
	INSERT INTO ims.impact_mitigation (org_id, impact_id, description, standard, control_id)
	SELECT org, i.impact_id, 'Sales reviews every lead ranked low', 'iso42001:2023', 'A.9.2'
	FROM ims.impact i WHERE i.org_id = org AND i.severity = 'medium';
	INSERT INTO ims.auditor (org_id, name, competence) VALUES (org, 'Ann Auditor', '{iso27001:2022,iso42001:2023}')
	RETURNING auditor_id INTO aud;
	INSERT INTO ims.internal_audit (org_id, cycle, performed_on, covers, lead_auditor_id)
	VALUES (org, 'this year', current_date - 90, '{iso27001:2022,iso42001:2023}', aud);
	INSERT INTO ims.management_review (org_id, held_on, chair, covers, agenda)
	VALUES (org, current_date - 60, 'CEO', '{iso27001:2022,iso42001:2023}',
			'{is_objectives,ai_objectives,ai_system_performance,ai_risks,impact_assessment_outcomes,audit_results}')
	RETURNING review_id INTO rev;
	-- the review's outputs (9.3.3, MRV003): an action not yet due
	INSERT INTO ims.review_output (org_id, review_id, kind, decision, owner, due_on)
	VALUES (org, rev, 'improvement', 'Automate the collection of evidence', 'Ida Owner', current_date + 60);
	INSERT INTO ims.certification_body (org_id, name, accredited_for, combined_audit_confirmed)
	VALUES (org, 'CB', '{iso27001:2022,iso42001:2023}', true);
	IF NOT with_soa THEN
		RETURN org;
	END IF;

	soa := ims.init_soa(org);
	UPDATE ims.soa_entry e SET applicability = 'applicable(risk)', implementation = 'implemented',
		justification = 'Treats assessed risks.', owner = 'Ida Owner'
	WHERE e.org_id = org AND e.soa_id = soa;
	-- every control included for risk treatment treats a risk of the register
	INSERT INTO ims.risk_control (org_id, risk_id, standard, control_id)
	SELECT org, r.risk_id, e.standard, e.control_id
	FROM ims.soa_entry e JOIN ims.risk r ON r.org_id = e.org_id
		AND (r.risk_type = 'fairness') = (e.standard = 'iso42001:2023')
	WHERE e.org_id = org AND e.soa_id = soa
	  AND NOT (e.standard = 'iso27001:2022' AND e.control_id IN ('A.7.1', 'A.7.2'));
	UPDATE ims.soa_entry e SET applicability = 'not_applicable', implementation = 'not_started',
		justification = 'No premises of our own.'
	WHERE e.org_id = org AND e.soa_id = soa AND e.standard = 'iso27001:2022' AND e.control_id IN ('A.7.1', 'A.7.2');
	-- current evidence for every implemented control, of a fitting kind, with
	-- the SHA-256 of its file (EVD001); the controls evidenced per AI system
	-- have it for the system
	INSERT INTO ims.evidence (org_id, standard, control_id, kind, title, collected_on, valid_until, system_id,
							  file_sha256)
	SELECT org, e.standard, e.control_id,
		   (SELECT k FROM unnest(c.evidence_kinds) WITH ORDINALITY AS u(k, n)
			JOIN ims.evidence_kind ek ON ek.code = u.k
			WHERE e.standard = 'iso27001:2022' OR ek.domain <> 'information_security' ORDER BY n LIMIT 1),
		   'Evidence of ' || e.control_id, current_date - 30, current_date + 300,
		   CASE WHEN e.standard = 'iso42001:2023'
				 AND e.control_id IN (SELECT k.control_id FROM ims.ai_system_controls() k) THEN sys END,
		   encode(sha256(convert_to(org || ' ' || e.standard || ' ' || e.control_id, 'UTF8')), 'hex')
	FROM ims.soa_entry e JOIN ims.control c USING (standard, control_id)
	WHERE e.org_id = org AND e.soa_id = soa AND e.implementation = 'implemented';
	IF approver IS NOT NULL THEN
		PERFORM ims.approve_soa(org, approver);
	END IF;
	RETURN org;
END $$;
