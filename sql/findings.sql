--
-- findings: every code of the validator, each with a fixture that triggers
-- it and one that does not.  The one that does not is the "right" organization
-- built by fixture_org(): the article's structural extension done fully.
-- Dates are relative to today and printed masked, so the output is stable.
--
SET search_path = public, ims;

\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/fixture_org.sql

-- the findings of one organization, dates masked
CREATE FUNCTION findings_of(org bigint)
RETURNS TABLE (code text, severity text, category text, requirement text, standard text, ref text, message text)
LANGUAGE sql AS $$
	SELECT f.code, f.severity, f.category, f.requirement, f.standard,
		   regexp_replace(f.ref, '\d{4}-\d{2}-\d{2}', 'YYYY-MM-DD', 'g'),
		   regexp_replace(f.message, '\d{4}-\d{2}-\d{2}', 'YYYY-MM-DD', 'g')
	FROM ims.integration_findings(org) f
$$;

-- The organization that does it right has no major or minor finding: this
-- is the fixture that does not trigger, for every code below.
SELECT fixture_org('Right GmbH') AS right_org \gset
SELECT * FROM findings_of(:right_org);
SELECT * FROM validate_soa(:right_org);

-- INT001: bolt-on or undecided: the article's advice, which no clause requires (an observation)
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

-- AIA002: assessed before the last significant change; review overdue
SELECT fixture_org('AIA002') AS o \gset
UPDATE ai_system SET last_significant_change = current_date - 10 WHERE org_id = :o;
SELECT * FROM findings_of(:o);
-- an assessment made for that change before it was made is what 8.4 asks for
UPDATE impact_assessment SET for_change_on = current_date - 10 WHERE org_id = :o;
SELECT * FROM findings_of(:o);
-- a change recorded for a date to come does not make the assessment stale yet
UPDATE impact_assessment SET for_change_on = NULL WHERE org_id = :o;
UPDATE ai_system SET last_significant_change = current_date + 20 WHERE org_id = :o;
SELECT * FROM findings_of(:o);
-- for_change_on is a change the assessment was made for: not one before it,
-- nor one beyond its next review, which would hide every change until then
-- (terse: the failing row holds dates relative to today)
\set VERBOSITY terse
UPDATE impact_assessment SET for_change_on = assessed_on - 1 WHERE org_id = :o;
UPDATE impact_assessment SET for_change_on = next_review + 1 WHERE org_id = :o;
\set VERBOSITY default
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
-- a finding that blocks approval blocks it
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
DELETE FROM risk_control WHERE org_id = :o AND control_id = 'A.10.3';
UPDATE soa_entry SET applicability = 'not_applicable', justification = NULL
WHERE org_id = :o AND soa_id = :s AND standard = 'iso42001:2023' AND control_id = 'A.10.3';
SELECT * FROM findings_of(:o);
-- with a justification, neither finding stands
UPDATE soa_entry SET justification = 'We buy no AI models or AI services.'
WHERE org_id = :o AND soa_id = :s AND standard = 'iso42001:2023' AND control_id = 'A.10.3';
SELECT * FROM findings_of(:o);

-- a weak pair does not drive SOA009: a concern channel (ISO 42001 A.3.3)
-- excluded while security event reporting (ISO 27001 A.6.8) applies is SOA005 only
SELECT strength FROM control_mapping WHERE source_control = 'A.6.8' AND target_control = 'A.3.3';
DELETE FROM risk_control WHERE org_id = :o AND control_id = 'A.3.3';
UPDATE soa_entry SET applicability = 'not_applicable', justification = NULL
WHERE org_id = :o AND soa_id = :s AND standard = 'iso42001:2023' AND control_id = 'A.3.3';
SELECT code, ref FROM findings_of(:o);

-- SOA011: approved, but not by who approved the ISMS policy (SOA010, never approved, is in the fixtures above)
SELECT fixture_org('SOA011', approver => 'CTO') AS o \gset
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

-- Grading in context: one AI system of several without AI risks or an
-- impact assessment is a lapse (minor); the only system without them is a
-- process that does not exist (major), and so is a whole catalog undecided
-- or missing from the SoA
SELECT fixture_org('RSK001 alone') AS o \gset
UPDATE risk SET risk_type = 'integrity' WHERE org_id = :o AND risk_type = 'fairness';
DELETE FROM impact_assessment WHERE org_id = :o;
SELECT * FROM findings_of(:o);
SELECT fixture_org('SOA004 all') AS o \gset
SELECT init_soa(:o) AS s \gset
UPDATE soa_entry SET applicability = 'undecided' WHERE org_id = :o AND soa_id = :s AND standard = 'iso42001:2023';
SELECT code, severity, standard, count(*) FROM findings_of(:o) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
DELETE FROM soa_entry WHERE org_id = :o AND soa_id = :s AND standard = 'iso42001:2023';
SELECT code, severity, standard, count(*) FROM findings_of(:o) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

-- AUD001 and MRV001: a programme of several audits and reviews that
-- together cover both standards is enough (9.2.2); one standard left out is not
SELECT fixture_org('AUD001 programme') AS o \gset
UPDATE internal_audit SET covers = '{iso27001:2022}' WHERE org_id = :o;
INSERT INTO internal_audit (org_id, cycle, performed_on, covers, lead_auditor_id)
SELECT :o, 'this year, AIMS', current_date - 30, '{iso42001:2023}', auditor_id FROM auditor WHERE org_id = :o;
UPDATE management_review SET covers = '{iso27001:2022}' WHERE org_id = :o;
INSERT INTO management_review (org_id, held_on, chair, covers, agenda)
SELECT :o, current_date - 20, 'CEO', '{iso42001:2023}', agenda FROM management_review WHERE org_id = :o;
INSERT INTO review_output (org_id, review_id, kind, decision)
SELECT :o, review_id, 'decision', 'The AIMS stays as it is' FROM management_review WHERE org_id = :o AND held_on = current_date - 20;
SELECT * FROM findings_of(:o);
DELETE FROM internal_audit WHERE org_id = :o AND cycle = 'this year, AIMS';
DELETE FROM management_review WHERE org_id = :o AND held_on = current_date - 20;
SELECT * FROM findings_of(:o);

-- AUD002 and MRV002 with a programme: each audit's lead needs competence for
-- the standards that audit covers; the latest review covering ISO 42001 is
-- the one whose AIMS inputs count, whatever ISMS-only review came after it
SELECT fixture_org('AUD002 programme') AS o \gset
UPDATE auditor SET competence = '{iso27001:2022}' WHERE org_id = :o;
UPDATE internal_audit SET covers = '{iso27001:2022}', performed_on = current_date - 60 WHERE org_id = :o;
INSERT INTO auditor (org_id, name, competence) VALUES (:o, 'Alan AI Auditor', '{iso42001:2023}');
INSERT INTO internal_audit (org_id, cycle, performed_on, covers, lead_auditor_id)
SELECT :o, 'this year, AIMS', current_date - 30, '{iso42001:2023}', auditor_id
FROM auditor WHERE org_id = :o AND name = 'Alan AI Auditor';
INSERT INTO management_review (org_id, held_on, chair, covers, agenda)
VALUES (:o, current_date - 10, 'CISO', '{iso27001:2022}', '{is_objectives,audit_results}');
INSERT INTO review_output (org_id, review_id, kind, decision)
SELECT :o, review_id, 'decision', 'The ISMS stays as it is' FROM management_review WHERE org_id = :o AND held_on = current_date - 10;
SELECT * FROM findings_of(:o);
-- the ISMS auditor leading the AIMS audit is a lapse of 7.2
UPDATE internal_audit SET lead_auditor_id = (SELECT auditor_id FROM auditor WHERE org_id = :o AND name = 'Ann Auditor')
WHERE org_id = :o AND cycle = 'this year, AIMS';
SELECT * FROM findings_of(:o);

-- INT004 reads only the clauses ISO 27001 has: an impact assessment
-- procedure written for ISO 27001 (a DPIA) is not an ISMS procedure left
-- unextended; AIA004 says what is missing
SELECT fixture_org('INT004 DPIA') AS o \gset
UPDATE document SET covers = '{iso27001:2022}', title = 'DPIA procedure' WHERE org_id = :o AND topic = 'impact_assessment';
SELECT * FROM findings_of(:o);

-- MRV002: without AI objectives or AI risks the review lacks required
-- inputs (minor); without the article's other AIMS items, advice only
SELECT fixture_org('MRV002 advice') AS o \gset
UPDATE management_review SET agenda = '{is_objectives,ai_objectives,ai_risks,audit_results}' WHERE org_id = :o;
SELECT * FROM findings_of(:o);

-- SOA008: evidence a control's catalog entry suggests fits it, whatever its
-- domain (log reviews for ISO 42001 A.6.2.8, event logs)
SELECT fixture_org('SOA008 suggested') AS o \gset
UPDATE evidence SET kind = 'log_review' WHERE org_id = :o AND standard = 'iso42001:2023' AND control_id = 'A.6.2.8';
SELECT * FROM findings_of(:o);

-- POL001, OBJ001, AIA004: no policy, no objectives, no impact assessment
-- procedure for ISO 42001; the management review claims to have reviewed
-- the AI objectives
SELECT fixture_org('POL001 OBJ001 AIA004') AS o \gset
UPDATE document SET covers = '{iso27001:2022}' WHERE org_id = :o AND topic IN ('policy', 'objectives');
DELETE FROM objective WHERE org_id = :o AND 'iso42001:2023' = ANY (standards);
DELETE FROM document WHERE org_id = :o AND topic = 'impact_assessment';
SELECT * FROM findings_of(:o);
-- without any impact assessment either, the process does not exist
DELETE FROM impact_assessment WHERE org_id = :o;
SELECT code, severity, message FROM findings_of(:o) WHERE code = 'AIA004';
-- an impact assessment procedure written for ISO 27001 only does not count
INSERT INTO document (org_id, kind, topic, title, covers) VALUES (:o, 'procedure', 'impact_assessment', 'DPIA', '{iso27001:2022}');
SELECT code FROM findings_of(:o) WHERE code = 'AIA004';

-- SCP001 and SCP002: ISO 42001 in scope with no AI system in scope; no
-- scope statement (major), or one only in a scope document (observation)
SELECT fixture_org('SCP001 SCP002') AS o \gset
DELETE FROM document WHERE org_id = :o AND topic = 'scope';
UPDATE ai_system SET in_scope = false WHERE org_id = :o;
UPDATE organization SET scope_statement = '  ' WHERE org_id = :o;
SELECT * FROM findings_of(:o) WHERE code LIKE 'SCP%';
INSERT INTO document (org_id, kind, topic, title, covers) VALUES (:o, 'record', 'scope', 'Scope of the IMS', '{iso27001:2022,iso42001:2023}');
SELECT * FROM findings_of(:o) WHERE code LIKE 'SCP%';
-- an organization with ISO 27001 only needs no AI system
UPDATE organization SET standards = '{iso27001:2022}' WHERE org_id = :o;
SELECT * FROM findings_of(:o) WHERE code LIKE 'SCP%';

-- SYS001: an AI system in scope without intended use or foreseeable misuse
SELECT fixture_org('SYS001') AS o \gset
UPDATE ai_system SET intended_use = NULL, foreseeable_misuse = ' ' WHERE org_id = :o;
SELECT * FROM findings_of(:o);

-- SOA012 and RSK003 (6.1.3 b): a control included for risk treatment that
-- treats no risk; risks treated by controls the SoA leaves undecided,
-- excludes or lacks
SELECT fixture_org('SOA012 RSK003') AS o \gset
SELECT init_soa(:o) AS s \gset
DELETE FROM risk_control WHERE org_id = :o AND control_id = 'A.5.1';
INSERT INTO risk_control (org_id, risk_id, standard, control_id)
SELECT :o, risk_id, 'iso27001:2022', 'A.7.1' FROM risk WHERE org_id = :o AND risk_type = 'confidentiality';
UPDATE soa_entry SET applicability = 'undecided' WHERE org_id = :o AND soa_id = :s AND control_id = 'A.8.8';
DELETE FROM soa_entry WHERE org_id = :o AND soa_id = :s AND standard = 'iso42001:2023' AND control_id = 'A.9.4';
SELECT * FROM findings_of(:o) WHERE code IN ('SOA012', 'RSK003');
-- a control included for a reason other than risk needs no risk
UPDATE soa_entry SET applicability = 'applicable(legal)' WHERE org_id = :o AND soa_id = :s
  AND standard = 'iso27001:2022' AND control_id = 'A.5.1';
SELECT count(*) FROM findings_of(:o) WHERE code = 'SOA012';

-- Every rule cites a requirement the standards have, grades and categories
-- agree, and only SoA rules block approval
SELECT r.code, r.requirement FROM finding_rule r
WHERE r.requirement !~ '^A\.' AND NOT EXISTS (SELECT 1 FROM finding_requirement q WHERE q.requirement = r.requirement);
SELECT code, grade, category, requirement, blocks_approval FROM finding_rule ORDER BY code;

-- Waivers: an accepted finding is listed as waived until its waiver
-- expires; it still blocks approval when its rule does
SELECT fixture_org('Waiver') AS o \gset
SELECT init_soa(:o) AS s \gset
UPDATE soa_entry SET justification = NULL WHERE org_id = :o AND soa_id = :s AND control_id = 'A.7.1';
UPDATE ai_system SET foreseeable_misuse = NULL WHERE org_id = :o;
SELECT waive_finding(:o, 'SYS001', 'Model', 'Misuse is analysed in the impact assessment; the system record follows in Q1.',
                     'Head of AI', current_date + 90, 'Board') > 0 AS waived;
SELECT waive_finding(:o, 'SOA005', 'ISO 27001 A.7.1', 'Premises are being sold.', 'CISO', current_date + 30, 'Board') > 0 AS waived;
SELECT code, severity, ref, blocks_approval, waived_until - current_date AS days_left
FROM integration_findings(:o) WHERE code IN ('SYS001', 'SOA005');
SELECT approve_soa(:o, 'Board');
-- bad waivers, none of them written
SELECT waive_finding(:o, 'XYZ001', 'Model', 'x', 'CISO', current_date + 30, 'Board');
SELECT waive_finding(:o, 'SYS001', 'Other model', 'x', 'CISO', current_date + 30, 'Board');
SELECT waive_finding(:o, 'SYS001', 'Model', ' ', 'CISO', current_date + 30, 'Board');
SELECT waive_finding(:o, 'SYS001', 'Model', 'x', NULL, current_date + 30, 'Board');
SELECT waive_finding(:o, 'SYS001', 'Model', 'x', 'CISO', current_date + 30, E'Board\n');
-- (fixed dates, past and beyond a year, so that the detail does not change by the day)
SELECT waive_finding(:o, 'SYS001', 'Model', 'x', 'CISO', '2000-01-01', 'Board');
SELECT waive_finding(:o, 'SYS001', 'Model', 'x', 'CISO', '2999-01-01', 'Board');
SELECT waive_finding(999999, 'SYS001', 'Model', 'x', 'CISO', current_date + 30, 'Board');
\set VERBOSITY terse
INSERT INTO finding_waiver (org_id, code, ref, justification, owner, accepted_by, expires_on)
VALUES (:o, 'SYS001', 'Model', 'x', 'CISO', 'Board', current_date + 400);
\set VERBOSITY default
SELECT count(*) FROM finding_waiver WHERE org_id = :o;
-- an expired waiver waives nothing
UPDATE finding_waiver SET accepted_on = current_date - 100, expires_on = current_date - 1 WHERE org_id = :o AND code = 'SYS001';
SELECT code, waived_until FROM integration_findings(:o) WHERE code = 'SYS001';
-- a member with edit but not approve may read waivers but not write them
CREATE ROLE regress_pg_ims_editor;
SELECT grant_access(:o, 'regress_pg_ims_editor', 'edit');
SET SESSION AUTHORIZATION regress_pg_ims_editor;
SELECT count(*) FROM finding_waiver;
SELECT waive_finding(:o, 'SYS001', 'Model', 'x', 'CISO', current_date + 30, 'Board');
INSERT INTO finding_waiver (org_id, code, ref, justification, owner, accepted_by, expires_on)
VALUES (:o, 'SYS001', 'Model', 'x', 'CISO', 'Board', current_date + 30);
RESET SESSION AUTHORIZATION;
SELECT revoke_access(:o, 'regress_pg_ims_editor', 'edit');
DROP ROLE regress_pg_ims_editor;

-- CLS001: a clause no document or record serves for any standard; a lapse
-- where the clause asks for documented information (9.1), advice elsewhere
-- (7.4); a clause heading (9) asks nothing of its own
SELECT fixture_org('CLS001') AS o \gset
DELETE FROM document WHERE org_id = :o AND topic IN ('monitoring', 'communication');
SELECT * FROM findings_of(:o);
-- a record, such as a monitoring report, serves its clause
INSERT INTO document (org_id, kind, topic, title, covers) VALUES
	(:o, 'record', 'monitoring', 'Monitoring report Q3', '{iso27001:2022,iso42001:2023}');
SELECT code, requirement FROM findings_of(:o);

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

-- RSK004: no risk criteria for the AI domain (minor); none for any domain (major)
SELECT fixture_org('RSK004') AS o \gset
DELETE FROM risk_criteria WHERE org_id = :o AND domain = 'ai';
SELECT * FROM findings_of(:o);
DELETE FROM risk_criteria WHERE org_id = :o;
SELECT * FROM findings_of(:o);

-- RSK005: a residual risk above the acceptable level that no owner accepted;
-- an acceptance clears it; within the criteria none is needed
SELECT fixture_org('RSK005') AS o \gset
UPDATE risk SET residual_likelihood = 2, residual_impact = 3 WHERE org_id = :o AND risk_type = 'fairness';
SELECT * FROM findings_of(:o);
SELECT risk_id AS fair FROM risk WHERE org_id = :o AND risk_type = 'fairness' \gset
SELECT accept_risk(:o, :fair, 'Head of AI', 'Further debiasing costs more than the harm it avoids.',
				   current_date + 180) > 0 AS accepted;
SELECT * FROM findings_of(:o);
-- a risk accepted as it is carries its inherent rating: above the level, it
-- needs an acceptance too
UPDATE risk SET treatment = 'accept', likelihood = 2, residual_likelihood = NULL, residual_impact = NULL
WHERE org_id = :o AND risk_type = 'confidentiality';
SELECT * FROM findings_of(:o);

-- RSK006: the residual rating changes after the acceptance: it no longer
-- counts; accepted again, it does
UPDATE risk SET residual_impact = 2 WHERE org_id = :o AND risk_type = 'fairness';
UPDATE risk SET residual_impact = 3 WHERE org_id = :o AND risk_type = 'fairness';
SELECT * FROM findings_of(:o);
SELECT accept_risk(:o, :fair, 'Head of AI', 'Re-rated after the retraining; still the best we can do.') > 0 AS accepted;
SELECT code, ref FROM findings_of(:o) WHERE code LIKE 'RSK%';
-- an acceptance that expired (a restore brings it as it was recorded)
SET row_security = off;
INSERT INTO risk_acceptance (org_id, risk_id, accepted_by, accepted_at, accepted_likelihood, accepted_impact,
							 justification, expires_on)
SELECT :o, risk_id, 'CISO', now(), 2, 5, 'Accepted for last year.', current_date - 1
FROM risk WHERE org_id = :o AND risk_type = 'confidentiality';
RESET row_security;
SELECT * FROM findings_of(:o);

-- RSK007: an open action a few weeks late (an observation), one a quarter late (minor)
SELECT fixture_org('RSK007') AS o \gset
INSERT INTO risk_treatment_action (org_id, risk_id, action, owner, due_on, status)
SELECT :o, risk_id, v.action, 'CISO', current_date - v.late, v.status
FROM risk, (VALUES ('Encrypt the backups', 20, 'in_progress'), ('Rotate the keys', 120, 'planned'),
				   ('Drop the old replica', 200, 'cancelled')) AS v(action, late, status)
WHERE org_id = :o AND risk_type = 'confidentiality';
SELECT * FROM findings_of(:o);
UPDATE risk_treatment_action SET status = 'done', completed_on = current_date WHERE org_id = :o;
SELECT * FROM findings_of(:o);

-- RSK008: a plan the owner has not approved (6.1.3 f); a risk to mitigate
-- with no plan at all (6.1.3 e); a risk accepted as it is needs no plan
SELECT fixture_org('RSK008') AS o \gset
UPDATE risk SET plan_approved_by = NULL, plan_approved_on = NULL WHERE org_id = :o AND risk_type = 'fairness';
INSERT INTO risk (org_id, title, risk_type, likelihood, impact, residual_likelihood, residual_impact, treatment, owner)
VALUES (:o, 'Laptop stolen', 'confidentiality', 2, 2, 1, 2, 'mitigate', 'CISO'),
	   (:o, 'Printer jams', 'availability', 2, 1, NULL, NULL, 'accept', 'CISO');
SELECT * FROM findings_of(:o);

-- OBJ001 (above): objectives in the register are set, with no objectives
-- document; OBJ002: an objective never measured though due (minor), one
-- measured once and then not again (an observation)
SELECT fixture_org('OBJ001') AS o \gset
DELETE FROM document WHERE org_id = :o AND topic = 'objectives';
SELECT code, severity, requirement, standard, ref FROM findings_of(:o) WHERE code LIKE 'OBJ%';
SELECT fixture_org('OBJ002') AS o \gset
INSERT INTO objective (org_id, title, standards, target, measure, frequency, owner, set_on) VALUES
	(:o, 'Model cards for every system', '{iso42001:2023}', 'All systems', 'Systems with a current model card',
	 'quarterly', 'Head of AI', current_date - 100),
	(:o, 'Set this month', '{iso42001:2023}', 'All', 'Anything', 'quarterly', 'Head of AI', current_date - 10),
	(:o, 'Achieved last year', '{iso27001:2022}', 'All', 'Anything', 'monthly', 'CISO', current_date - 400);
UPDATE objective SET status = 'achieved' WHERE org_id = :o AND title = 'Achieved last year';
UPDATE objective_measurement SET measured_on = current_date - 200
WHERE org_id = :o AND objective_id = (SELECT objective_id FROM objective WHERE org_id = :o AND frequency = 'monthly'
									  AND status = 'active');
SELECT * FROM findings_of(:o);

-- report_findings: every organization the caller can see, one call
SELECT organization, count(*) FILTER (WHERE severity = 'major') AS major,
       count(*) FILTER (WHERE severity = 'minor') AS minor,
       count(*) FILTER (WHERE severity = 'observation') AS observation
FROM report_findings WHERE organization IN ('Right GmbH', 'Bolt-on AG', 'INT001', 'SOA009')
GROUP BY 1 ORDER BY 1;
-- filtered by org_id, the views that validate (the findings views,
-- report_readiness, report_ai_systems) validate that organization only:
-- the filter reaches ims.organization_list(), whose rows the validator is
-- called for, rather than the rows the validator returns
CREATE FUNCTION pg_temp.validates_only(view_name text, org bigint) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
	line text;
	previous text := '';
BEGIN
	FOR line IN EXECUTE format('EXPLAIN (COSTS OFF) SELECT v.* FROM ims.%I v WHERE v.org_id = %s', view_name, org) LOOP
		IF previous ~ 'Function Scan on organization_list' AND line ~ format('Filter: \(org_id = %s\)', org) THEN
			RETURN true;
		END IF;
		previous := line;
	END LOOP;
	RETURN false;
END $$;
SELECT v AS view_name, pg_temp.validates_only(v, :bolt) AS validates_only_the_organization
FROM unnest(ARRAY['report_findings', 'report_nonconformities', 'report_readiness', 'report_ai_systems']) AS v;
-- and they call the validator once for that organization; read whole, at
-- most once per organization the caller can see, not once more for each
-- rescan of a join (report_ai_systems may skip the organizations without an
-- AI system).  Counted by track_functions, in this transaction's statistics.
CREATE FUNCTION pg_temp.validator_calls(query text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	validator CONSTANT regprocedure := 'ims.evaluate_findings(bigint[], boolean)';
	before bigint := coalesce(pg_stat_get_xact_function_calls(validator), 0);
BEGIN
	EXECUTE query;
	RETURN coalesce(pg_stat_get_xact_function_calls(validator), 0) - before;
END $$;
SET track_functions = 'all';
SELECT v AS view_name,
       pg_temp.validator_calls(format('SELECT count(v.*) FROM ims.%I v WHERE v.org_id = %s', v, :bolt)) AS calls_filtered,
       pg_temp.validator_calls(format('SELECT count(v.*) FROM ims.%I v', v))
       BETWEEN 1 AND (SELECT count(*) FROM organization_list()) AS whole_at_most_once_per_organization
FROM unnest(ARRAY['report_findings', 'report_nonconformities', 'report_readiness', 'report_ai_systems']) AS v;
RESET track_functions;
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

-- The sample organization of make demo, graded as a certification body
-- would: one major (no AI objectives) and the minors an auditor would write
\i :abs_srcdir/sql/include/load_sample.sql
SELECT category, grade, citation, requirement_title, findings, codes
FROM report_nonconformities WHERE org_id = :org;
SELECT regexp_replace(examples, '\d{4}-\d{2}-\d{2}', 'YYYY-MM-DD', 'g') AS examples
FROM report_nonconformities WHERE org_id = :org AND category = 'nonconformity';

----------------------------------------------------------------------------
-- AI system records (33_ai_system_records.sql): Right GmbH above has them
-- all (an owner, evidence of each per-system control naming its system,
-- harms to each subject rated, the one rated medium mitigated), so each
-- case below changes one thing.
----------------------------------------------------------------------------

-- SYS002: an AI system in scope without an accountable owner; a retired
-- one, or one outside the scope, needs none
SELECT fixture_org('SYS002') AS o \gset
UPDATE ai_system SET owner = NULL WHERE org_id = :o;
INSERT INTO ai_system (org_id, name, lifecycle_stage) VALUES (:o, 'Old scorer', 'retired');
INSERT INTO ai_system (org_id, name, lifecycle_stage, in_scope) VALUES (:o, 'Lab prototype', 'design', false);
SELECT * FROM findings_of(:o);

-- SYS003: evidence of a per-system control that names no system is not
-- evidence for the system; a life-cycle record of the control's stage is
SELECT fixture_org('SYS003') AS o \gset
SELECT system_id AS sys FROM ai_system WHERE org_id = :o \gset
UPDATE evidence SET system_id = NULL WHERE org_id = :o AND control_id IN ('A.6.2.4', 'A.7.4');
SELECT * FROM findings_of(:o);
INSERT INTO ai_lifecycle_record (org_id, system_id, stage, title, recorded_on, measures, results) VALUES
	(:o, :sys, 'verification_validation', 'Validation report', current_date - 20, 'AUC per customer segment', 'AUC 0.81, no segment below 0.75');
-- and a dataset the system uses, with its quality measures recorded, evidences A.7.4
INSERT INTO dataset (org_id, name, source, licence, provenance, quality_measures)
VALUES (:o, 'CRM leads', 'CRM', 'Own data', 'CRM export, versioned', 'Duplicates and missing fields checked monthly');
INSERT INTO dataset_use (org_id, dataset_id, system_id, purpose)
SELECT :o, dataset_id, :sys, 'training' FROM dataset WHERE org_id = :o;
SELECT * FROM findings_of(:o);
SELECT control_id, source, title FROM ai_system_evidence(ARRAY[:o]::bigint[])
WHERE control_id IN ('A.6.2.4', 'A.7.4') ORDER BY 1, 2;
-- a record that has expired, or evidence of an information security kind
-- that names the system, is not current fitting evidence for it
UPDATE ai_lifecycle_record SET recorded_on = current_date - 400, valid_until = current_date - 30 WHERE org_id = :o;
UPDATE evidence SET system_id = :sys, kind = 'pentest_report' WHERE org_id = :o AND control_id = 'A.6.2.4';
SELECT * FROM findings_of(:o);
-- a system still in design needs its requirements only, and has them
INSERT INTO ai_system (org_id, name, intended_use, foreseeable_misuse, lifecycle_stage, owner)
VALUES (:o, 'Next model', 'Ranks leads better', 'Used to refuse service', 'design', 'Ida Owner');
INSERT INTO ai_lifecycle_record (org_id, system_id, stage, title, recorded_on)
SELECT :o, system_id, 'requirements', 'Requirements of the next model', current_date - 3
FROM ai_system WHERE org_id = :o AND name = 'Next model';
SELECT code, ref FROM findings_of(:o) WHERE ref LIKE 'Next model%';

-- DAT001: a dataset a system in scope uses, without provenance or without
-- the right to use it; one no live system uses is not asked
SELECT fixture_org('DAT001') AS o \gset
SELECT system_id AS sys FROM ai_system WHERE org_id = :o \gset
INSERT INTO dataset (org_id, name, source, provenance) VALUES
	(:o, 'Scraped reviews', NULL, NULL), (:o, 'Unused archive', NULL, NULL);
INSERT INTO dataset_use (org_id, dataset_id, system_id, purpose)
SELECT :o, dataset_id, :sys, 'training' FROM dataset WHERE org_id = :o AND name = 'Scraped reviews';
SELECT * FROM findings_of(:o);
-- a consent basis is a right to use it as much as a licence; provenance recorded
UPDATE dataset SET source = 'Public review sites', consent_basis = 'Legitimate interest, assessed 2026',
	provenance = 'Crawled 2026-05, snapshot kept' WHERE org_id = :o AND name = 'Scraped reviews';
SELECT * FROM findings_of(:o);
-- a control the SoA excludes asks for nothing (the live SoA: a new draft)
UPDATE dataset SET provenance = NULL WHERE org_id = :o;
SELECT init_soa(:o) AS draft \gset
UPDATE soa_entry SET applicability = 'not_applicable', implementation = 'not_started', justification = 'Only public data.'
WHERE org_id = :o AND soa_id = :draft AND standard = 'iso42001:2023' AND control_id = 'A.7.5';
SELECT code, ref FROM findings_of(:o) WHERE code = 'DAT001';

-- SUP001: an AI supplier of a system in scope without due diligence, with
-- one that leaves A.10.3 points open, or one overdue; a supplier of a
-- retired system only is not asked
SELECT fixture_org('SUP001') AS o \gset
SELECT system_id AS sys FROM ai_system WHERE org_id = :o \gset
INSERT INTO ai_system (org_id, name, lifecycle_stage) VALUES (:o, 'Old scorer', 'retired');
INSERT INTO ai_supplier (org_id, name, supplies) VALUES (:o, 'Model Vendor', 'Embedding model'), (:o, 'Old Vendor', 'Scoring API');
INSERT INTO ai_component (org_id, system_id, kind, name, supplier_id)
SELECT :o, :sys, 'third_party_model', 'Embeddings', supplier_id FROM ai_supplier WHERE org_id = :o AND name = 'Model Vendor';
INSERT INTO ai_component (org_id, system_id, kind, name, supplier_id)
SELECT :o, s.system_id, 'ai_service', 'Scores', p.supplier_id FROM ai_supplier p, ai_system s
WHERE p.org_id = :o AND p.name = 'Old Vendor' AND s.org_id = :o AND s.name = 'Old scorer';
SELECT * FROM findings_of(:o);
INSERT INTO ai_supplier_review (org_id, supplier_id, reviewed_on, reviewed_by, model_provenance, training_data_origin,
								performance_claims, output_ip, contract_terms, next_review)
SELECT :o, supplier_id, current_date - 30, 'Procurement', 'Vendor model card v3', 'Public web corpus, licensed news',
	   'MTEB scores checked on our data', NULL, 'No training on our inputs', current_date + 300
FROM ai_supplier WHERE org_id = :o AND name = 'Model Vendor';
SELECT * FROM findings_of(:o);
UPDATE ai_supplier_review SET output_ip = 'Embeddings are ours', reviewed_on = current_date - 400, next_review = current_date - 35
WHERE org_id = :o;
SELECT * FROM findings_of(:o);
UPDATE ai_supplier_review SET reviewed_on = current_date - 30, next_review = current_date + 300 WHERE org_id = :o;
SELECT * FROM findings_of(:o);

-- AIA005: the latest assessment considers no harm to one subject, or leaves
-- a harm unrated
SELECT fixture_org('AIA005') AS o \gset
DELETE FROM impact WHERE org_id = :o AND subject IN ('groups', 'society');
UPDATE impact SET likelihood = NULL WHERE org_id = :o;
SELECT * FROM findings_of(:o);
-- a benefit to a subject is no consideration of its harms
INSERT INTO impact (org_id, assessment_id, subject, nature, description)
SELECT :o, assessment_id, 'society', 'benefit', 'Less spam for everyone' FROM impact_assessment WHERE org_id = :o;
SELECT code, message FROM findings_of(:o) WHERE code = 'AIA005';

-- AIA006: a harm rated medium or above without a mitigation; one that feeds
-- a risk whose treatment is decided is treated with it
SELECT fixture_org('AIA006') AS o \gset
DELETE FROM impact_mitigation WHERE org_id = :o;
UPDATE impact SET severity = 'high' WHERE org_id = :o AND subject = 'groups';
SELECT * FROM findings_of(:o);
INSERT INTO impact_risk (org_id, impact_id, risk_id)
SELECT :o, i.impact_id, r.risk_id FROM impact i, risk r
WHERE i.org_id = :o AND i.subject = 'groups' AND r.org_id = :o AND r.risk_type = 'fairness';
SELECT * FROM findings_of(:o);
-- a risk fed whose treatment is not decided does not treat it
UPDATE risk SET treatment = NULL WHERE org_id = :o AND risk_type = 'fairness';
SELECT code, message FROM findings_of(:o) WHERE code = 'AIA006';

-- AIA007: a deployed system whose latest assessment is not approved, or
-- decided against it; a system in design may still be assessed
SELECT fixture_org('AIA007') AS o \gset
UPDATE impact_assessment SET approved_by = NULL WHERE org_id = :o;
SELECT * FROM findings_of(:o);
UPDATE impact_assessment SET approved_by = 'Board', decision = 'do_not_proceed', approved_on = assessed_on + 1 WHERE org_id = :o;
SELECT * FROM findings_of(:o);
UPDATE impact_assessment SET approved_by = NULL, decision = NULL, approved_on = NULL WHERE org_id = :o;
UPDATE ai_system SET lifecycle_stage = 'design' WHERE org_id = :o;
SELECT code, ref FROM findings_of(:o) WHERE code LIKE 'AIA%';

-- AIA002 and the change record: a retraining recorded as a significant
-- change after the latest assessment makes it stale; an assessment made for
-- it (change_id) does not; a change that is not significant never does
SELECT fixture_org('Retraining') AS o \gset
SELECT system_id AS sys FROM ai_system WHERE org_id = :o \gset
INSERT INTO ai_system_change (org_id, system_id, changed_on, kind, description, significant) VALUES
	(:o, :sys, current_date - 10, 'retraining', 'Retrained on this year''s leads', true),
	(:o, :sys, current_date - 5, 'configuration', 'Threshold tuned', false);
SELECT * FROM findings_of(:o);
UPDATE impact_assessment SET change_id = (SELECT change_id FROM ai_system_change WHERE org_id = :o AND kind = 'retraining')
WHERE org_id = :o;
SELECT * FROM findings_of(:o);
SELECT ai_system, assessment_status, open_findings FROM report_ai_systems WHERE org_id = :o;
-- the change must be of the system assessed
INSERT INTO ai_system (org_id, name, lifecycle_stage, owner) VALUES (:o, 'Other', 'design', 'Ida Owner');
INSERT INTO ai_system_change (org_id, system_id, changed_on, kind, description, significant)
SELECT :o, system_id, current_date, 'new_use', 'New use', true FROM ai_system WHERE org_id = :o AND name = 'Other';
UPDATE impact_assessment SET change_id = (SELECT c.change_id FROM ai_system_change c JOIN ai_system s USING (org_id, system_id)
										  WHERE c.org_id = :o AND s.name = 'Other')
WHERE org_id = :o;
-- a change the assessment names beyond its next review does not cover the retraining
INSERT INTO ai_system_change (org_id, system_id, changed_on, kind, description, significant)
VALUES (:o, :sys, current_date + 400, 'new_model', 'Next generation', true);
UPDATE impact_assessment SET change_id = (SELECT change_id FROM ai_system_change WHERE org_id = :o AND kind = 'new_model')
WHERE org_id = :o;
SELECT code, message FROM findings_of(:o) WHERE code = 'AIA002';

-- Documented information under control and the history (docs/history.md)
----------------------------------------------------------------------------

-- DOC001: an approved document past its review date; a draft or a
-- withdrawn one past it, or an approved one not yet due, is no finding
SELECT fixture_org('DOC001') AS o \gset
UPDATE document SET status = 'approved', approved_on = current_date - 400, next_review = current_date - 35
WHERE org_id = :o AND topic = 'document_control';
UPDATE document SET status = 'approved', approved_on = current_date - 30, next_review = current_date
WHERE org_id = :o AND topic = 'internal_audit';
UPDATE document SET status = 'withdrawn', next_review = current_date - 35 WHERE org_id = :o AND topic = 'incident';
UPDATE document SET status = 'draft', next_review = current_date - 35 WHERE org_id = :o AND topic = 'competence';
SELECT code, severity, category, requirement, ref, regexp_replace(message, '\d{4}-\d{2}-\d{2}', 'YYYY-MM-DD') AS message
FROM findings_of(:o);
-- DOC002: an approved document that names no approver; a draft needs none
SELECT fixture_org('DOC002') AS o \gset
UPDATE document SET status = 'approved', approved_by = NULL WHERE org_id = :o AND topic = 'document_control';
UPDATE document SET status = 'approved', approved_by = '  ' WHERE org_id = :o AND topic = 'internal_audit';
UPDATE document SET status = 'draft', approved_by = NULL WHERE org_id = :o AND topic = 'incident';
SELECT * FROM findings_of(:o);
-- EVD001: current evidence without the SHA-256 of its file, counted per
-- organization; expired evidence without one is no finding
SELECT fixture_org('EVD001') AS o \gset
UPDATE evidence SET file_sha256 = NULL WHERE org_id = :o AND control_id IN ('A.5.1', 'A.5.2');
INSERT INTO evidence (org_id, standard, control_id, kind, title, collected_on, valid_until)
VALUES (:o, 'iso27001:2022', 'A.5.1', 'policy', 'Old policy scan', current_date - 800, current_date - 435);
SELECT * FROM findings_of(:o);
UPDATE evidence SET file_sha256 = encode(sha256('scan'::bytea), 'hex') WHERE org_id = :o AND valid_until >= current_date;
SELECT count(*) AS findings FROM findings_of(:o);
-- HIS001: a history that does not verify (changed past its triggers by a
-- superuser) is major; every other organization's verifies
SELECT fixture_org('HIS001') AS o \gset
BEGIN;
SET LOCAL session_replication_role = replica;
UPDATE history SET row_after = jsonb_set(row_after, '{owner}', '"Nobody"')
WHERE org_id = :o AND seq = (SELECT min(seq) FROM history WHERE org_id = :o AND table_name = 'risk');
SET LOCAL session_replication_role = origin;
SELECT code, severity, category, requirement, regexp_replace(ref, '\d+', 'N') AS ref,
       regexp_replace(message, '\d+', 'N') AS message FROM findings_of(:o);
SELECT count(*) AS other_organizations_with_his001 FROM evaluate_findings(NULL) WHERE code = 'HIS001' AND org_id <> :o;
ROLLBACK;
SELECT count(*) AS his001 FROM evaluate_findings(NULL) WHERE code = 'HIS001';

-- The improvement loop (32_improvement.sql): AUD003, AUD004, MRV003, ACT001, COM001

-- AUD003: two audits of the cycle, one over the clauses of ISO 27001 and
-- one over those of ISO 42001, cover both standards
SELECT fixture_org('AUD003') AS o \gset
UPDATE internal_audit SET covers = '{iso27001:2022}' WHERE org_id = :o;
INSERT INTO audit_scope (org_id, audit_id, standard, clause)
SELECT :o, audit_id, 'iso27001:2022', c FROM internal_audit, unnest('{4,5,6,7,8,9,10}'::text[]) AS c WHERE org_id = :o;
INSERT INTO internal_audit (org_id, cycle, performed_on, covers, lead_auditor_id)
SELECT :o, 'this year, AIMS', current_date - 30, '{iso42001:2023}', auditor_id FROM auditor WHERE org_id = :o
RETURNING audit_id AS aims \gset
INSERT INTO audit_scope (org_id, audit_id, standard, clause)
SELECT :o, :aims, 'iso42001:2023', c FROM unnest('{4,5,6,7,8,9,10}'::text[]) AS c;
SELECT * FROM findings_of(:o);
SELECT standard, audited FROM cycle_coverage(ARRAY[:o]::bigint[]) ORDER BY 1;
-- the AIMS audit leaves out clause 8.4: named, and the cycle is not complete
DELETE FROM audit_scope WHERE org_id = :o AND audit_id = :aims AND clause = '8';
INSERT INTO audit_scope (org_id, audit_id, standard, clause)
SELECT :o, :aims, 'iso42001:2023', c FROM unnest('{8.1,8.2,8.3}'::text[]) AS c;
SELECT * FROM findings_of(:o);
SELECT standard, audited FROM cycle_coverage(ARRAY[:o]::bigint[]) ORDER BY 1;
SELECT group_kind, implemented_pct, weeks_low FROM report_readiness WHERE org_id = :o AND group_kind = 'audit_review';
-- nothing of clause 9 and only 10.1 of clause 10: the largest clauses left out
DELETE FROM audit_scope WHERE org_id = :o AND audit_id = :aims AND clause IN ('9', '10');
INSERT INTO audit_scope (org_id, audit_id, standard, clause) VALUES (:o, :aims, 'iso42001:2023', '10.1');
SELECT code, ref, message FROM findings_of(:o);
-- an audit of the cycle recorded as in 1.1, with covers and no scope,
-- covers its standards whole
INSERT INTO internal_audit (org_id, cycle, performed_on, covers, lead_auditor_id)
SELECT :o, 'follow-up', current_date - 5, '{iso42001:2023}', auditor_id FROM auditor WHERE org_id = :o
RETURNING audit_id AS followup \gset
SELECT * FROM findings_of(:o);
-- an audit with a scope of controls only audits no clause
INSERT INTO audit_scope (org_id, audit_id, standard, control_id) VALUES (:o, :followup, 'iso42001:2023', 'A.6.2.4');
SELECT code, ref FROM findings_of(:o);
DELETE FROM internal_audit WHERE org_id = :o AND audit_id = :followup;
-- an audit in the future or older than the cycle does not count; with no
-- audit of ISO 42001 left, AUD001 says so and AUD003 is silent
UPDATE internal_audit SET performed_on = current_date - 400 WHERE org_id = :o AND audit_id = :aims;
SELECT code, ref FROM findings_of(:o);
-- a scope row names a standard its audit covers, and a clause or a control of it
INSERT INTO audit_scope (org_id, audit_id, standard, clause) VALUES (:o, :aims, 'iso27001:2022', '8');
INSERT INTO audit_scope (org_id, audit_id, standard, clause) VALUES (:o, :aims, 'iso42001:2023', '11');
INSERT INTO audit_scope (org_id, audit_id, standard, clause, control_id) VALUES (:o, :aims, 'iso42001:2023', '8', 'A.6.2.4');
INSERT INTO audit_scope (org_id, audit_id, standard, clause) VALUES (:o, :aims, 'iso42001:2023', '10.1');

-- AUD004: an auditor whose own area the audit covers (the audit covers
-- ISO 42001 whole, and Ann is responsible for the impact assessments)
SELECT fixture_org('AUD004') AS o \gset
INSERT INTO auditor_area (org_id, auditor_id, standard, clause)
SELECT :o, auditor_id, 'iso42001:2023', '8.4' FROM auditor WHERE org_id = :o;
SELECT * FROM findings_of(:o);
-- her audit's scope leaves 8.4 to another auditor's audit: impartial
INSERT INTO audit_scope (org_id, audit_id, standard, clause)
SELECT :o, audit_id, 'iso42001:2023', c FROM internal_audit, unnest('{4,5,6,7,8.1,8.2,8.3,9,10}'::text[]) AS c
WHERE org_id = :o;
INSERT INTO auditor (org_id, name, competence) VALUES (:o, 'Bea Auditor', '{iso42001:2023}');
INSERT INTO internal_audit (org_id, cycle, performed_on, covers, lead_auditor_id)
SELECT :o, 'this year, impact assessment', current_date - 20, '{iso42001:2023}', auditor_id
FROM auditor WHERE org_id = :o AND name = 'Bea Auditor'
RETURNING audit_id AS ia_audit \gset
INSERT INTO audit_scope (org_id, audit_id, standard, clause) VALUES (:o, :ia_audit, 'iso42001:2023', '8.4');
SELECT * FROM findings_of(:o);
-- a member of the team of that audit, beside its lead, is not impartial;
-- nor is one responsible for a control the audit covers
INSERT INTO audit_team_member (org_id, audit_id, auditor_id)
SELECT :o, :ia_audit, auditor_id FROM auditor WHERE org_id = :o AND name = 'Ann Auditor';
INSERT INTO audit_scope (org_id, audit_id, standard, control_id) VALUES (:o, :ia_audit, 'iso42001:2023', 'A.5.2');
INSERT INTO auditor_area (org_id, auditor_id, standard, control_id)
SELECT :o, auditor_id, 'iso42001:2023', 'A.5.2' FROM auditor WHERE org_id = :o AND name = 'Ann Auditor';
SELECT * FROM findings_of(:o);
-- an area of a standard the audit does not cover is not its concern
DELETE FROM audit_team_member WHERE org_id = :o;
INSERT INTO auditor_area (org_id, auditor_id, standard, clause)
SELECT :o, auditor_id, 'iso27001:2022', '8' FROM auditor WHERE org_id = :o AND name = 'Bea Auditor';
SELECT * FROM findings_of(:o);

-- MRV003: the latest review records no outputs; one review of both
-- standards is one finding
SELECT fixture_org('MRV003') AS o \gset
DELETE FROM review_output WHERE org_id = :o;
SELECT * FROM findings_of(:o);
-- a review recorded ahead, for a date to come, is not the latest held
INSERT INTO management_review (org_id, held_on, chair, covers, agenda)
SELECT :o, current_date + 30, 'CEO', covers, agenda FROM management_review WHERE org_id = :o;
SELECT code, ref FROM findings_of(:o);

-- ACT001: a corrective action past its due date (minor), a review's action
-- past its due date (an observation, for the next review to follow up)
SELECT fixture_org('ACT001') AS o \gset
SELECT raise_nonconformity(:o, audit_id, 'iso42001:2023', '8.4', 'minor',
						   'The impact assessment of the model was not repeated after its retraining',
						   'Retraining log of March; assessment of last year') AS nc
FROM internal_audit WHERE org_id = :o \gset
INSERT INTO corrective_action (org_id, nc_id, description, owner, due_on)
VALUES (:o, :nc, 'Make a retraining a significant change that triggers an assessment', 'Head of AI', current_date + 10);
SELECT * FROM findings_of(:o);
UPDATE corrective_action SET due_on = current_date - 1 WHERE org_id = :o;
UPDATE review_output SET due_on = current_date - 1 WHERE org_id = :o;
SELECT * FROM findings_of(:o);
UPDATE corrective_action SET status = 'in_progress' WHERE org_id = :o;
SELECT code, severity FROM findings_of(:o);
UPDATE corrective_action SET status = 'done', done_on = current_date WHERE org_id = :o;
UPDATE review_output SET status = 'done', done_on = current_date WHERE org_id = :o;
SELECT * FROM findings_of(:o);

-- COM001: a role held without a current record of a competence it needs:
-- the human overseer of the model, whose oversight training has expired
SELECT fixture_org('COM001') AS o \gset
INSERT INTO role (org_id, name, kind, system_id, required_competence)
SELECT :o, 'Human overseer', 'ai', system_id, '{ai_oversight,ranking_domain}' FROM ai_system WHERE org_id = :o
RETURNING role_id AS overseer \gset
INSERT INTO role_holder (org_id, role_id, holder, since) VALUES (:o, :overseer, 'Omar Overseer', current_date - 100);
INSERT INTO competence_record (org_id, holder, competence, kind, title, obtained_on, expires_on) VALUES
	(:o, 'Omar Overseer', 'ai_oversight', 'training', 'Human oversight of AI systems', current_date - 400, current_date - 35),
	(:o, 'Omar Overseer', 'ranking_domain', 'experience', 'Five years in sales operations', current_date - 2000, NULL),
	(:o, 'Ida Owner', 'ai_oversight', 'training', 'Human oversight of AI systems', current_date - 30, current_date + 335);
SELECT * FROM findings_of(:o);
-- a record still to come does not count; a current one clears it
INSERT INTO competence_record (org_id, holder, competence, kind, title, obtained_on, expires_on)
VALUES (:o, 'Omar Overseer', 'ai_oversight', 'training', 'Human oversight of AI systems', current_date + 5, current_date + 370);
SELECT code, ref FROM findings_of(:o);
UPDATE competence_record SET obtained_on = current_date - 5 WHERE org_id = :o AND obtained_on = current_date + 5;
SELECT * FROM findings_of(:o);
-- a role of the management system: a holder who left and one still to
-- come are not judged; its holder now, without any record, is
INSERT INTO role (org_id, name, required_competence) VALUES (:o, 'IMS owner', '{iso27001:2022,iso42001:2023}')
RETURNING role_id AS ims_owner \gset
INSERT INTO role_holder (org_id, role_id, holder, since, until) VALUES (:o, :ims_owner, 'Ida Owner', current_date - 500, current_date - 100);
INSERT INTO role_holder (org_id, role_id, holder, since) VALUES (:o, :ims_owner, 'Ivo Next', current_date + 10);
SELECT * FROM findings_of(:o);
INSERT INTO role_holder (org_id, role_id, holder, since) VALUES (:o, :ims_owner, 'Ida Owner', current_date - 99);
SELECT * FROM findings_of(:o);

-- The query the validator runs for a rule (ims.finding_rule_query: the rule
-- and the SQL functions it reads through, inlined) finds what the rule's
-- function finds, for every organization of this file at once and for each
-- of the first twelve alone (the queries Citus routes: docs/findings.md, "Routing")
CREATE FUNCTION pg_temp.query_differs(code text, orgs bigint[]) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
	EXECUTE format('SELECT count(*) FROM ((SELECT * FROM ims.%I($1) EXCEPT ALL (%s)) UNION ALL ((%s) EXCEPT ALL SELECT * FROM ims.%I($1))) d',
	               (SELECT rule_function FROM ims.finding_rule r WHERE r.code = query_differs.code),
	               ims.finding_rule_query(code), ims.finding_rule_query(code),
	               (SELECT rule_function FROM ims.finding_rule r WHERE r.code = query_differs.code))
	INTO n USING orgs;
	RETURN n;
END $$;
SELECT count(*) AS rules,
       count(*) FILTER (WHERE pg_temp.query_differs(r.code, (SELECT array_agg(org_id) FROM organization)) > 0) AS differ_for_all,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM (SELECT org_id FROM organization ORDER BY org_id LIMIT 12) o
                                      WHERE pg_temp.query_differs(r.code, ARRAY[o.org_id]) > 0)) AS differ_for_one
FROM finding_rule r;
SELECT position('/* ims.rule_soa004 */' IN finding_rule_query('SOA004')) = 1 AS names_its_rule,
       finding_rule_query('SOA004') ~ 'ims\.live_soa|ims\.rule_soa004\(' AS calls_a_function;
SELECT finding_rule_query('XYZ001');

-- The validator runs the rules over slices of a few dozen organizations
-- (src/findings.c): over every organization the rows are those of each
-- organization on its own, and an organization named twice, or NULL,
-- changes nothing.
SELECT count(*) AS organizations, count(*) > 32 AS more_than_one_slice FROM organization;
SELECT (SELECT count(*) FROM (SELECT org_id, code, ref, message FROM evaluate_findings(NULL)
                              EXCEPT ALL
                              SELECT f.org_id, f.code, f.ref, f.message
                              FROM organization o, evaluate_findings(ARRAY[o.org_id]) f) d) AS only_all,
       (SELECT count(*) FROM (SELECT f.org_id, f.code, f.ref, f.message
                              FROM organization o, evaluate_findings(ARRAY[o.org_id]) f
                              EXCEPT ALL
                              SELECT org_id, code, ref, message FROM evaluate_findings(NULL)) d) AS only_one_by_one;
SELECT (SELECT array_agg(f ORDER BY f::text) FROM evaluate_findings(ARRAY[:bolt, NULL, :bolt, :bolt]::bigint[]) f)
     = (SELECT array_agg(f ORDER BY f::text) FROM evaluate_findings(ARRAY[:bolt]::bigint[]) f) AS duplicates_and_null_ignored,
       (SELECT count(*) FROM evaluate_findings(ARRAY[NULL]::bigint[])) AS findings_of_null;

DROP FUNCTION findings_of(bigint);
DROP FUNCTION fixture_org(text, boolean, text);
