--
-- findings: every code of the validator, each with a fixture that triggers
-- it and one that does not.  The one that does not is the "right" organization
-- built by fixture_org(): the article's structural extension done fully.
-- Dates are relative to today and printed masked, so the output is stable.
--
SET search_path = public, ims;

CREATE FUNCTION fixture_org(name text, with_soa boolean DEFAULT true, approver text DEFAULT 'Board')
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	org bigint;
	sys bigint;
	aud bigint;
	soa bigint;
BEGIN
	org := ims.create_organization(name, 'Ida Owner');
	UPDATE ims.organization SET integration_model = 'structural_extension',
		scope_statement = 'The product and its AI features.' WHERE org_id = org;
	INSERT INTO ims.document (org_id, kind, topic, title, covers, version, owner, approved_by)
	SELECT org, CASE WHEN t = 'policy' THEN 'policy' ELSE 'procedure' END, t, initcap(replace(t, '_', ' ')),
		   '{iso27001:2022,iso42001:2023}', '1.0', 'Ida Owner', 'Board'
	FROM unnest(ARRAY['policy', 'document_control', 'internal_audit', 'management_review', 'risk_assessment',
					  'incident', 'competence', 'nonconformity', 'supplier']) AS t;
	INSERT INTO ims.ai_system (org_id, name, intended_use, lifecycle_stage, last_significant_change)
	VALUES (org, 'Model', 'Ranks leads', 'operation', current_date - 200) RETURNING system_id INTO sys;
	INSERT INTO ims.risk (org_id, title, risk_type, ai_system_id, likelihood, impact, treatment, owner) VALUES
		(org, 'Model ranks some customers unfairly', 'fairness', sys, 2, 3, 'mitigate', 'Head of AI');
	INSERT INTO ims.risk (org_id, title, risk_type, likelihood, impact, cvss, treatment, owner) VALUES
		(org, 'Database exposed', 'confidentiality', 1, 5, 7.5, 'mitigate', 'CISO');
	INSERT INTO ims.impact_assessment (org_id, system_id, assessed_on, individuals, groups, society, severity,
									   foreseeable_misuse, stakeholder_views, approved_by, next_review)
	VALUES (org, sys, current_date - 100, 'Customers ranked low get less attention', 'Small shops', 'Negligible',
			'low', 'Used to refuse service', 'Sales team, customer panel', 'Board', current_date + 200);
	INSERT INTO ims.auditor (org_id, name, competence) VALUES (org, 'Ann Auditor', '{iso27001:2022,iso42001:2023}')
	RETURNING auditor_id INTO aud;
	INSERT INTO ims.internal_audit (org_id, cycle, performed_on, covers, lead_auditor_id)
	VALUES (org, 'this year', current_date - 90, '{iso27001:2022,iso42001:2023}', aud);
	INSERT INTO ims.management_review (org_id, held_on, chair, covers, agenda)
	VALUES (org, current_date - 60, 'CEO', '{iso27001:2022,iso42001:2023}',
			'{is_objectives,ai_objectives,ai_system_performance,ai_risks,impact_assessment_outcomes,audit_results}');
	INSERT INTO ims.certification_body (org_id, name, accredited_for, combined_audit_confirmed)
	VALUES (org, 'CB', '{iso27001:2022,iso42001:2023}', true);
	IF NOT with_soa THEN
		RETURN org;
	END IF;

	soa := ims.init_soa(org);
	UPDATE ims.soa_entry e SET applicability = 'applicable(risk)', implementation = 'implemented',
		justification = 'Treats assessed risks.', owner = 'Ida Owner'
	WHERE e.org_id = org AND e.soa_id = soa;
	UPDATE ims.soa_entry e SET applicability = 'not_applicable', implementation = 'not_started',
		justification = 'No premises of our own.'
	WHERE e.org_id = org AND e.soa_id = soa AND e.standard = 'iso27001:2022' AND e.control_id IN ('A.7.1', 'A.7.2');
	-- current evidence for every implemented control, of a fitting kind
	INSERT INTO ims.evidence (org_id, standard, control_id, kind, title, collected_on, valid_until)
	SELECT org, e.standard, e.control_id,
		   (SELECT k FROM unnest(c.evidence_kinds) WITH ORDINALITY AS u(k, n)
			JOIN ims.evidence_kind ek ON ek.code = u.k
			WHERE e.standard = 'iso27001:2022' OR ek.domain <> 'information_security' ORDER BY n LIMIT 1),
		   'Evidence of ' || e.control_id, current_date - 30, current_date + 300
	FROM ims.soa_entry e JOIN ims.control c USING (standard, control_id)
	WHERE e.org_id = org AND e.soa_id = soa AND e.implementation = 'implemented';
	IF approver IS NOT NULL THEN
		PERFORM ims.approve_soa(org, approver);
	END IF;
	RETURN org;
END $$;

-- the findings of one organization, dates masked
CREATE FUNCTION findings_of(org bigint)
RETURNS TABLE (code text, severity text, standard text, ref text, message text)
LANGUAGE sql AS $$
	SELECT f.code, f.severity, f.standard,
		   regexp_replace(f.ref, '\d{4}-\d{2}-\d{2}', 'YYYY-MM-DD', 'g'),
		   regexp_replace(f.message, '\d{4}-\d{2}-\d{2}', 'YYYY-MM-DD', 'g')
	FROM ims.integration_findings(org) f
$$;

-- The organization that does it right has no major or minor finding: this
-- is the fixture that does not trigger, for every code below.
SELECT fixture_org('Right GmbH') AS right_org \gset
SELECT * FROM findings_of(:right_org);
SELECT * FROM validate_soa(:right_org);

-- INT001: bolt-on is major, undecided is minor
SELECT fixture_org('INT001') AS o \gset
UPDATE organization SET integration_model = 'bolt_on' WHERE org_id = :o;
SELECT * FROM findings_of(:o);
UPDATE organization SET integration_model = 'undecided' WHERE org_id = :o;
SELECT * FROM findings_of(:o);

-- INT002: no single owner
SELECT fixture_org('INT002') AS o \gset
UPDATE organization SET ims_owner = NULL WHERE org_id = :o;  -- a blank one the name policy refuses (names.sql)
SELECT * FROM findings_of(:o);

-- INT003: one topic, two documents, one per standard
SELECT fixture_org('INT003') AS o \gset
INSERT INTO document (org_id, kind, topic, title, covers) VALUES
	(:o, 'procedure', 'change_management', 'Change management', '{iso27001:2022}'),
	(:o, 'procedure', 'change_management', 'Model change management', '{iso42001:2023}');
SELECT * FROM findings_of(:o);

-- INT004: a clause 7-10 procedure left at ISO 27001
SELECT fixture_org('INT004') AS o \gset
UPDATE document SET covers = '{iso27001:2022}' WHERE org_id = :o AND topic = 'document_control';
SELECT * FROM findings_of(:o);

-- INT005: a second risk register
SELECT fixture_org('INT005') AS o \gset
UPDATE risk SET register = 'ai_register' WHERE org_id = :o AND risk_type = 'fairness';
SELECT * FROM findings_of(:o);

-- RSK001: an AI system whose only risk is a CIA risk
SELECT fixture_org('RSK001') AS o \gset
UPDATE risk SET risk_type = 'integrity' WHERE org_id = :o AND risk_type = 'fairness';
SELECT * FROM findings_of(:o);

-- RSK002: a risk without treatment, one without owner
SELECT fixture_org('RSK002') AS o \gset
UPDATE risk SET treatment = NULL WHERE org_id = :o AND risk_type = 'fairness';
UPDATE risk SET owner = NULL WHERE org_id = :o AND risk_type = 'confidentiality';
SELECT * FROM findings_of(:o);

-- AIA001: a second AI system, with its AI risk but no impact assessment;
-- a retired or out-of-scope system needs none
SELECT fixture_org('AIA001') AS o \gset
INSERT INTO ai_system (org_id, name, lifecycle_stage) VALUES
	(:o, 'Chatbot', 'deployment'), (:o, 'Old scorer', 'retired');
INSERT INTO ai_system (org_id, name, lifecycle_stage, in_scope) VALUES (:o, 'Lab prototype', 'development', false);
INSERT INTO risk (org_id, title, risk_type, ai_system_id, treatment, owner)
SELECT :o, 'Chatbot misleads', 'transparency', system_id, 'mitigate', 'Head of AI'
FROM ai_system WHERE org_id = :o AND name = 'Chatbot';
SELECT * FROM findings_of(:o);

-- AIA002: assessed before the last significant change (major); review overdue (minor)
SELECT fixture_org('AIA002') AS o \gset
UPDATE ai_system SET last_significant_change = current_date - 10 WHERE org_id = :o;
SELECT * FROM findings_of(:o);
UPDATE ai_system SET last_significant_change = current_date - 500 WHERE org_id = :o;
UPDATE impact_assessment SET assessed_on = current_date - 400, next_review = current_date - 35 WHERE org_id = :o;
SELECT * FROM findings_of(:o);

-- AIA003: an incomplete assessment
SELECT fixture_org('AIA003') AS o \gset
UPDATE impact_assessment SET society = NULL, stakeholder_views = '' WHERE org_id = :o;
SELECT * FROM findings_of(:o);

-- SOA001: no SoA at all (and so never approved)
SELECT fixture_org('SOA001', with_soa => false) AS o \gset
SELECT * FROM findings_of(:o);

-- SOA002: the approved version covers ISO 27001, the draft ISO 42001 only: two
-- SoAs that can contradict each other
SELECT fixture_org('SOA002', with_soa => false) AS o \gset
UPDATE organization SET standards = '{iso27001:2022}' WHERE org_id = :o;
SELECT init_soa(:o) AS s \gset
UPDATE soa_entry SET applicability = 'applicable(risk)', justification = 'x' WHERE org_id = :o;
SELECT length(approve_soa(:o, 'Board'));
UPDATE organization SET standards = '{iso27001:2022,iso42001:2023}' WHERE org_id = :o;
SELECT init_soa(:o) AS s \gset
DELETE FROM soa_entry WHERE org_id = :o AND soa_id = :s AND standard = 'iso27001:2022';
SELECT code, severity, count(*), min(ref), max(message) FROM findings_of(:o) GROUP BY 1, 2 ORDER BY 1;
-- the schema itself refuses a second draft or a second approved version
\set VERBOSITY terse
INSERT INTO soa (org_id, version) VALUES (:o, 99);
\set VERBOSITY default

-- SOA003 to SOA006: in a new draft
SELECT fixture_org('SOA003-006') AS o \gset
SELECT init_soa(:o) AS s \gset
DELETE FROM soa_entry WHERE org_id = :o AND soa_id = :s AND standard = 'iso42001:2023' AND control_id = 'A.9.4';
UPDATE soa_entry SET applicability = 'undecided' WHERE org_id = :o AND soa_id = :s AND control_id = 'A.8.8';
UPDATE soa_entry SET justification = NULL WHERE org_id = :o AND soa_id = :s AND control_id = 'A.7.1';
UPDATE soa_entry SET applicability = 'applicable' WHERE org_id = :o AND soa_id = :s
  AND standard = 'iso42001:2023' AND control_id = 'A.4.2';
SELECT * FROM findings_of(:o);
SELECT * FROM validate_soa(:o);
-- a major SoA finding blocks approval
SELECT approve_soa(:o, 'Board');

-- SOA007: implemented without current evidence (expired, or not yet collected)
SELECT fixture_org('SOA007') AS o \gset
UPDATE evidence SET valid_until = current_date - 1 WHERE org_id = :o AND control_id = 'A.8.8';
UPDATE evidence SET collected_on = current_date + 5, valid_until = current_date + 50
WHERE org_id = :o AND standard = 'iso42001:2023' AND control_id = 'A.6.2.6';
SELECT * FROM findings_of(:o);

-- SOA008: an ISO 42001 control evidenced by a penetration test only; AI or
-- management evidence beside it is enough
SELECT fixture_org('SOA008') AS o \gset
UPDATE evidence SET kind = 'pentest_report' WHERE org_id = :o AND standard = 'iso42001:2023' AND control_id = 'A.6.2.4';
UPDATE evidence SET kind = 'vulnerability_scan' WHERE org_id = :o AND standard = 'iso42001:2023' AND control_id = 'A.6.2.5';
INSERT INTO evidence (org_id, standard, control_id, kind, title, collected_on)
VALUES (:o, 'iso42001:2023', 'A.6.2.5', 'deployment_runbook', 'Runbook', current_date - 3);
SELECT * FROM findings_of(:o);

-- SOA009: an AI supplier control excluded without justification while its
-- ISO 27001 counterpart applies (SOA005 says the same, more generally)
SELECT fixture_org('SOA009') AS o \gset
SELECT init_soa(:o) AS s \gset
UPDATE soa_entry SET applicability = 'not_applicable', justification = NULL
WHERE org_id = :o AND soa_id = :s AND standard = 'iso42001:2023' AND control_id = 'A.10.3';
SELECT * FROM findings_of(:o);
-- with a justification, neither finding stands
UPDATE soa_entry SET justification = 'We buy no AI models or AI services.'
WHERE org_id = :o AND soa_id = :s AND standard = 'iso42001:2023' AND control_id = 'A.10.3';
SELECT * FROM findings_of(:o);

-- SOA010: approved, but not by who approved the ISMS policy
SELECT fixture_org('SOA010', approver => 'CTO') AS o \gset
SELECT * FROM findings_of(:o);

-- AUD001 and AUD002: the last audit too old; its lead auditor without ISO 42001 competence
SELECT fixture_org('AUD001') AS o \gset
UPDATE internal_audit SET performed_on = current_date - 400 WHERE org_id = :o;
SELECT * FROM findings_of(:o);
-- an audit recorded in advance, for a date to come, does not count
UPDATE internal_audit SET performed_on = current_date + 30 WHERE org_id = :o;
SELECT code, severity FROM findings_of(:o);
SELECT fixture_org('AUD002') AS o \gset
UPDATE auditor SET competence = '{iso27001:2022}' WHERE org_id = :o;
SELECT * FROM findings_of(:o);
UPDATE internal_audit SET lead_auditor_id = NULL WHERE org_id = :o;
SELECT * FROM findings_of(:o);

-- MRV001 and MRV002: the last review too old, or without the AIMS inputs
SELECT fixture_org('MRV001') AS o \gset
UPDATE management_review SET held_on = current_date - 400 WHERE org_id = :o;
SELECT * FROM findings_of(:o);
SELECT fixture_org('MRV002') AS o \gset
UPDATE management_review SET agenda = '{is_objectives,ai_risks,audit_results}' WHERE org_id = :o;
SELECT * FROM findings_of(:o);

-- CRT001 and CRT002: no body accredited for ISO 42001; no combined window
SELECT fixture_org('CRT001') AS o \gset
UPDATE certification_body SET accredited_for = '{iso27001:2022}' WHERE org_id = :o;
SELECT * FROM findings_of(:o);
SELECT fixture_org('CRT002') AS o \gset
UPDATE certification_body SET combined_audit_confirmed = false WHERE org_id = :o;
SELECT * FROM findings_of(:o);
-- one body per standard: each standard has a body, but no audit can be combined
UPDATE certification_body SET accredited_for = '{iso27001:2022}', combined_audit_confirmed = true WHERE org_id = :o;
INSERT INTO certification_body (org_id, name, accredited_for, combined_audit_confirmed)
VALUES (:o, 'AI Cert GmbH', '{iso42001:2023}', true);
SELECT * FROM findings_of(:o);

-- The bolt-on organization: a second system beside the ISMS.  Two SoAs
-- cannot be built (the schema refuses a second draft), but the rest shows.
SELECT create_organization('Bolt-on AG') AS bolt \gset
UPDATE organization SET integration_model = 'bolt_on' WHERE org_id = :bolt;
INSERT INTO document (org_id, kind, topic, title, covers, approved_by) VALUES
	(:bolt, 'policy', 'policy', 'Information security policy', '{iso27001:2022}', 'CISO'),
	(:bolt, 'policy', 'policy', 'AI policy', '{iso42001:2023}', 'Head of AI'),
	(:bolt, 'procedure', 'document_control', 'ISMS document control', '{iso27001:2022}', 'CISO'),
	(:bolt, 'procedure', 'document_control', 'AIMS document control', '{iso42001:2023}', 'Head of AI'),
	(:bolt, 'procedure', 'internal_audit', 'ISMS internal audit', '{iso27001:2022}', 'CISO'),
	(:bolt, 'procedure', 'internal_audit', 'AIMS internal audit', '{iso42001:2023}', 'Head of AI');
INSERT INTO ai_system (org_id, name, lifecycle_stage) VALUES (:bolt, 'Scoring model', 'operation');
INSERT INTO risk (org_id, register, title, risk_type, ai_system_id, treatment, owner)
SELECT :bolt, 'isms', 'Scoring API tampered with', 'integrity', system_id, 'mitigate', 'CISO'
FROM ai_system WHERE org_id = :bolt;
SELECT init_soa(:bolt) AS bolt_soa \gset
INSERT INTO soa (org_id, version) VALUES (:bolt, 2);
INSERT INTO evidence (org_id, standard, control_id, kind, title, collected_on) VALUES
	(:bolt, 'iso42001:2023', 'A.6.2.4', 'pentest_report', 'Pentest', current_date - 10),
	(:bolt, 'iso42001:2023', 'A.5.2', 'pentest_report', 'Pentest', current_date - 10);
INSERT INTO certification_body (org_id, name, accredited_for) VALUES (:bolt, 'ISMS Cert Ltd', '{iso27001:2022}');
SELECT code, severity, count(*) AS findings, min(ref) AS first_ref
FROM findings_of(:bolt) GROUP BY 1, 2 ORDER BY min(CASE severity WHEN 'major' THEN 1 WHEN 'minor' THEN 2 ELSE 3 END), 1;

-- report_findings: every organization the caller can see, one call
SELECT organization, count(*) FILTER (WHERE severity = 'major') AS major,
       count(*) FILTER (WHERE severity = 'minor') AS minor,
       count(*) FILTER (WHERE severity = 'observation') AS observation
FROM report_findings WHERE organization IN ('Right GmbH', 'Bolt-on AG', 'INT001', 'SOA009')
GROUP BY 1 ORDER BY 1;
-- a role without access sees no findings, and may not ask for an organization's
CREATE ROLE regress_pg_ims_outsider;
SET SESSION AUTHORIZATION regress_pg_ims_outsider;
SELECT count(*) FROM report_findings;
SELECT * FROM integration_findings(:bolt);
SELECT * FROM validate_soa(:bolt);
SELECT count(*) FROM evaluate_findings(ARRAY[:bolt]::bigint[]);
RESET SESSION AUTHORIZATION;
DROP ROLE regress_pg_ims_outsider;

-- bad arguments
SELECT * FROM integration_findings(NULL);
SELECT * FROM integration_findings(999999);
SELECT count(*) FROM evaluate_findings('{}');

DROP FUNCTION findings_of(bigint);
DROP FUNCTION fixture_org(text, boolean, text);
