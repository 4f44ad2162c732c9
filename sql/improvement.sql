--
-- improvement: the loop of both standards (docs/improvement.md): an audit
-- finds something, it becomes a nonconformity of the register, its action
-- is followed up at the management review, and it is closed after an
-- effectiveness review.  The rules (AUD003, AUD004, MRV003, ACT001) are in
-- findings.sql.  Dates are relative to today and printed masked.
--
SET search_path = public, ims;

SELECT create_organization('Loop GmbH', 'Ida Owner') AS o \gset
INSERT INTO auditor (org_id, name, competence) VALUES (:o, 'Ann Auditor', '{iso27001:2022,iso42001:2023}')
RETURNING auditor_id AS ann \gset
INSERT INTO auditor (org_id, name, competence) VALUES (:o, 'Bea Auditor', '{iso42001:2023}')
RETURNING auditor_id AS bea \gset

-- The audit programme of the cycle: one audit over the ISMS, one over the
-- AIMS, each with criteria, scope, team, conclusion and report
INSERT INTO internal_audit (org_id, cycle, performed_on, ended_on, covers, lead_auditor_id, criteria, conclusion,
							reported_on, reported_to)
VALUES (:o, '2026', current_date - 60, current_date - 59, '{iso27001:2022}', :ann,
		'ISO/IEC 27001:2022 clauses 4 to 10, the ISMS policy', 'Conforms; effectively implemented',
		current_date - 50, 'Management board')
RETURNING audit_id AS isms \gset
INSERT INTO internal_audit (org_id, cycle, performed_on, covers, lead_auditor_id, criteria)
VALUES (:o, '2026', current_date - 30, '{iso42001:2023}', :bea, 'ISO/IEC 42001:2023 clauses 4 to 10, the AI policy')
RETURNING audit_id AS aims \gset
INSERT INTO audit_team_member (org_id, audit_id, auditor_id) VALUES (:o, :aims, :ann);
INSERT INTO audit_scope (org_id, audit_id, standard, clause)
SELECT :o, :aims, 'iso42001:2023', c FROM unnest('{4,5,6,7,8.1,8.2,8.3,9,10}'::text[]) AS c;
INSERT INTO audit_scope (org_id, audit_id, standard, control_id) VALUES (:o, :aims, 'iso42001:2023', 'A.6.2.4');
-- the audit's covers keep the standards its scope names
UPDATE internal_audit SET covers = '{iso27001:2022}' WHERE org_id = :o AND audit_id = :aims;
UPDATE internal_audit SET covers = '{iso42001:2023,iso27001:2022}' WHERE org_id = :o AND audit_id = :aims;
UPDATE internal_audit SET covers = '{iso42001:2023}' WHERE org_id = :o AND audit_id = :aims;
SELECT cycle, performed_on = current_date - 60 AS sixty_days_ago, ended_on IS NOT NULL AS two_days, in_cycle, covers,
	   criteria, scope, lead_auditor, team_members, conclusion, reported_on IS NOT NULL AS reported, reported_to,
	   nonconformities
FROM report_audit_programme WHERE org_id = :o ORDER BY audit_id;
SELECT code, ref FROM integration_findings(:o) WHERE code LIKE 'AUD%';

-- 1. The finding becomes a nonconformity of the register in one call,
-- keeping its code and ref; it shows where it came from
SELECT raise_nonconformity(:o, 'AUD003', 'ISO 42001 8.4') AS nc \gset
SELECT nc_id = :nc AS same, source, source_rank, source_detail, standard, requirement, grade, description, status, status_rank
FROM report_nonconformity_register WHERE org_id = :o;
SELECT finding_code, finding_ref FROM nonconformity_record WHERE org_id = :o AND nc_id = :nc;
-- a finding raised while its nonconformity is open, one the validator does
-- not find, an observation, and missing arguments are refused
SELECT raise_nonconformity(:o, 'AUD003', 'ISO 42001 8.4');
SELECT raise_nonconformity(:o, 'AUD003', 'ISO 42001 8.1');
SELECT code, ref, severity FROM integration_findings(:o) WHERE code = 'INT001';
SELECT raise_nonconformity(:o, 'INT001', 'Loop GmbH');
SELECT raise_nonconformity(:o, NULL, 'ISO 42001 8.4');
SELECT raise_nonconformity(NULL, 'AUD003', 'ISO 42001 8.4');
SELECT count(*) AS register_rows FROM nonconformity_record WHERE org_id = :o;

-- An audit result is raised in one call too
SELECT raise_nonconformity(:o, :isms, 'iso27001:2022', 'A.8.15', 'minor',
						   'Logs of the payment service are kept for 7 days, not the 90 the logging policy sets',
						   'Log retention setting of the payment cluster') AS nc2 \gset
SELECT source, source_detail, standard, requirement, grade, evidence
FROM report_nonconformity_register WHERE org_id = :o AND nc_id = :nc2;
SELECT nonconformities FROM report_audit_programme WHERE org_id = :o AND audit_id = :isms;
-- an audit that does not exist or does not cover the standard, a grade
-- that is not major or minor, a requirement that is no clause or control
SELECT raise_nonconformity(:o, 999999, 'iso27001:2022', 'A.8.15', 'minor', 'x');
SELECT raise_nonconformity(:o, :isms, 'iso42001:2023', '8.4', 'minor', 'x');
-- (terse: the detail of a check constraint prints the row, with today's date)
\set VERBOSITY terse
SELECT raise_nonconformity(:o, :isms, 'iso27001:2022', 'A.8.15', 'observation', 'x');
SELECT raise_nonconformity(:o, :isms, 'iso27001:2022', 'logging', 'minor', 'x');
\set VERBOSITY default
SELECT count(*) AS register_rows FROM nonconformity_record WHERE org_id = :o;
-- other sources name what they came from
\set VERBOSITY terse
INSERT INTO nonconformity_record (org_id, source, grade, description) VALUES (:o, 'internal_audit', 'minor', 'x');
INSERT INTO nonconformity_record (org_id, source, grade, description) VALUES (:o, 'validator_finding', 'minor', 'x');
\set VERBOSITY default
INSERT INTO nonconformity_record (org_id, source, source_ref, standard, requirement, grade, description)
VALUES (:o, 'complaint', 'ticket 4711', 'iso42001:2023', 'A.8.3', 'minor', 'A customer could not reach a human reviewer')
RETURNING nc_id AS nc3 \gset
SELECT source, source_detail FROM report_nonconformity_register WHERE org_id = :o AND nc_id = :nc3;

-- 2. Correction, root cause and a corrective action
UPDATE nonconformity_record SET correction = 'The model''s impact assessment was repeated',
	root_cause = 'The audit programme was planned from the ISO 27001 programme, which has no clause 8.4'
WHERE org_id = :o AND nc_id = :nc;
INSERT INTO corrective_action (org_id, nc_id, description, owner, due_on)
VALUES (:o, :nc, 'Plan the programme from the clauses of both standards', 'Ida Owner', current_date + 30)
RETURNING action_id AS ca \gset
SELECT status, actions, actions_open, actions_overdue, next_due IS NOT NULL AS has_next_due
FROM report_nonconformity_register WHERE org_id = :o AND nc_id = :nc;
\set VERBOSITY terse
INSERT INTO corrective_action (org_id, nc_id, description, owner, due_on, status)
VALUES (:o, :nc, 'x', 'Ida Owner', current_date, 'done');
\set VERBOSITY default

-- 3. The management review follows it up: attendees, the inputs as
-- presented, and its outputs; the next review's agenda lists the open
-- actions of the previous one
INSERT INTO management_review (org_id, held_on, chair, covers, agenda, attendees)
VALUES (:o, current_date - 10, 'CEO', '{iso27001:2022,iso42001:2023}',
		'{is_objectives,ai_objectives,ai_system_performance,ai_risks,impact_assessment_outcomes,audit_results}',
		'{CEO,CISO,Head of AI}')
RETURNING review_id AS rev \gset
SELECT jsonb_array_length(record_review_inputs(:o, :rev)) AS inputs;
SELECT regexp_replace(e ->> 'input', '\d{4}-\d{2}-\d{2}', 'YYYY-MM-DD', 'g') AS nonconformities_as_presented
FROM management_review, jsonb_array_elements(inputs) AS e WHERE org_id = :o AND review_id = :rev AND e ->> 'item' = 'nonconformities';
SELECT record_review_inputs(:o, 999999);
INSERT INTO review_output (org_id, review_id, kind, decision, owner, due_on) VALUES
	(:o, :rev, 'change', 'Plan the audit programme per clause of both standards', 'Ida Owner', current_date + 30),
	(:o, :rev, 'improvement', 'Automate the collection of evidence', 'CISO', current_date + 90);
INSERT INTO review_output (org_id, review_id, kind, decision) VALUES (:o, :rev, 'decision', 'The scope stays as it is');
SELECT item, regexp_replace(input, '\d{4}-\d{2}-\d{2}', 'YYYY-MM-DD', 'g') AS input
FROM management_review_agenda(:o) WHERE item IN ('previous_actions', 'nonconformities');
-- an action done leaves the list; an output needs a decision, an action
-- an owner and a due date, and a closed one its date
UPDATE review_output SET status = 'done', done_on = current_date WHERE org_id = :o AND owner = 'CISO';
SELECT regexp_replace(input, '\d{4}-\d{2}-\d{2}', 'YYYY-MM-DD', 'g') AS input
FROM management_review_agenda(:o) WHERE item = 'previous_actions';
INSERT INTO review_output (org_id, review_id, kind, decision) VALUES (:o, :rev, 'decision', ' ');
INSERT INTO review_output (org_id, review_id, kind, decision, owner) VALUES (:o, :rev, 'change', 'x', 'CISO');
INSERT INTO review_output (org_id, review_id, kind, decision, status) VALUES (:o, :rev, 'decision', 'x', 'done');
INSERT INTO review_output (org_id, review_id, kind, decision) VALUES (:o, :rev, 'other', 'x');

-- 4. Closing without an effectiveness review is refused; so is closing
-- when the actions were found not effective, or with an action open
UPDATE nonconformity_record SET closed_on = current_date WHERE org_id = :o AND nc_id = :nc;
UPDATE nonconformity_record SET effectiveness_review = 'The 2027 programme was checked against both standards',
	effectiveness_reviewed_on = current_date, effective = false
WHERE org_id = :o AND nc_id = :nc;
UPDATE nonconformity_record SET closed_on = current_date WHERE org_id = :o AND nc_id = :nc;
UPDATE nonconformity_record SET effective = true WHERE org_id = :o AND nc_id = :nc;
UPDATE nonconformity_record SET closed_on = current_date WHERE org_id = :o AND nc_id = :nc;
\set VERBOSITY terse
UPDATE nonconformity_record SET effectiveness_reviewed_on = NULL WHERE org_id = :o AND nc_id = :nc;
\set VERBOSITY default
INSERT INTO nonconformity_record (org_id, source, source_ref, grade, description, closed_on)
VALUES (:o, 'incident', 'INC-1', 'minor', 'x', current_date);
SELECT status FROM report_nonconformity_register WHERE org_id = :o AND nc_id = :nc;
-- the action done, the effectiveness reviewed: closed
UPDATE corrective_action SET status = 'done', done_on = current_date WHERE org_id = :o AND action_id = :ca;
SELECT status, status_rank FROM report_nonconformity_register WHERE org_id = :o AND nc_id = :nc;
UPDATE nonconformity_record SET closed_on = current_date WHERE org_id = :o AND nc_id = :nc;
SELECT nc_id = :nc AS same, status, status_rank, effective, closed_on IS NOT NULL AS closed
FROM report_nonconformity_register WHERE org_id = :o ORDER BY status_rank, nc_id;
-- a closed nonconformity takes no new action, nor an action reopened
-- (specs/nonconformity_closure.spec: the same when the two race)
INSERT INTO corrective_action (org_id, nc_id, description, owner, due_on)
VALUES (:o, :nc, 'Audit the 2027 programme', 'Ida Owner', current_date + 30);
UPDATE corrective_action SET status = 'open', done_on = NULL WHERE org_id = :o AND action_id = :ca;
-- and the finding, still standing, can be raised again
SELECT raise_nonconformity(:o, 'AUD003', 'ISO 42001 8.4') > :nc AS raised_again;
UPDATE review_output SET status = 'done', done_on = current_date WHERE org_id = :o AND status = 'open';
SELECT regexp_replace(input, '\d{4}-\d{2}-\d{2}', 'YYYY-MM-DD', 'g') AS input
FROM management_review_agenda(:o) WHERE item = 'previous_actions';

-- 5. Roles and competence: the AI roles of a system and of the whole
-- system, who holds them, the competence each needs and the records of it
INSERT INTO ai_system (org_id, name, intended_use, foreseeable_misuse) VALUES
	(:o, 'Ranking model', 'Ranks leads', 'Used to refuse service') RETURNING system_id AS sys \gset
INSERT INTO role (org_id, name, kind, system_id, responsibilities, required_competence) VALUES
	(:o, 'Human overseer', 'ai', :sys, 'Reviews the rankings of the model weekly and can stop it', '{ai_oversight}'),
	(:o, 'Impact assessor', 'ai', NULL, 'Assesses the impacts of every AI system', '{ai_impact_assessment,iso42001:2023}'),
	(:o, 'Data steward', 'ai', :sys, 'Owns the training data', '{data_quality}');
INSERT INTO role_holder (org_id, role_id, holder, since)
SELECT :o, role_id, h, current_date - 50 FROM role, (VALUES ('Human overseer', 'Omar Overseer'),
	('Impact assessor', 'Ida Owner')) AS v(r, h) WHERE org_id = :o AND name = r;
INSERT INTO competence_record (org_id, holder, competence, kind, title, obtained_on, expires_on) VALUES
	(:o, 'Omar Overseer', 'ai_oversight', 'training', 'Human oversight of AI systems', current_date - 30, current_date + 335),
	(:o, 'Ida Owner', 'iso42001:2023', 'qualification', 'ISO 42001 Lead Implementer', current_date - 800, current_date - 70);
SELECT role, role_kind, ai_system, holder, competence, record, record_kind, status, status_rank
FROM report_competence WHERE org_id = :o ORDER BY status_rank, role, competence;
SELECT code, ref, regexp_replace(message, '\d{4}-\d{2}-\d{2}', 'YYYY-MM-DD', 'g') AS message
FROM integration_findings(:o) WHERE code = 'COM001';
-- a role of the management system is for no AI system; names follow the
-- name policy; a holder leaves after they came; a record expires after it
-- was obtained (terse: the detail prints the row, with today's date)
\set VERBOSITY terse
INSERT INTO role (org_id, name, kind, system_id) VALUES (:o, 'IMS owner', 'management_system', :sys);
INSERT INTO role (org_id, name, kind) VALUES (:o, 'Auditor', 'audit');
INSERT INTO role (org_id, name, required_competence) VALUES (:o, 'IMS owner', '{""}');
INSERT INTO role (org_id, name, kind, system_id) VALUES (:o, 'Human overseer', 'ai', :sys);
INSERT INTO role (org_id, name, kind, system_id) VALUES (:o, 'Human overseer', 'ai', 999999);
INSERT INTO role_holder (org_id, role_id, holder, since, until)
SELECT :o, role_id, ' Omar', current_date, NULL FROM role WHERE org_id = :o AND name = 'Data steward';
INSERT INTO role_holder (org_id, role_id, holder, since, until)
SELECT :o, role_id, 'Omar', current_date, current_date - 1 FROM role WHERE org_id = :o AND name = 'Data steward';
INSERT INTO competence_record (org_id, holder, competence, kind, title, obtained_on, expires_on)
VALUES (:o, 'Omar', 'data_quality', 'course', 'x', current_date, NULL);
INSERT INTO competence_record (org_id, holder, competence, kind, title, obtained_on, expires_on)
VALUES (:o, 'Omar', 'data_quality', 'training', 'x', current_date, current_date - 1);
\set VERBOSITY default

-- A role without edit may read the register but not raise or close
CREATE ROLE regress_pg_ims_reader;
SELECT grant_access(:o, 'regress_pg_ims_reader', 'read');
SET SESSION AUTHORIZATION regress_pg_ims_reader;
SELECT count(*) AS visible FROM report_nonconformity_register;
SELECT count(*) AS visible FROM report_competence;
SELECT raise_nonconformity(:o, 'AUD003', 'ISO 42001 9');
SELECT raise_nonconformity(:o, :isms, 'iso27001:2022', 'A.8.15', 'minor', 'x');
SELECT record_review_inputs(:o, :rev);
UPDATE nonconformity_record SET closed_on = current_date WHERE org_id = :o;
RESET SESSION AUTHORIZATION;
SELECT count(*) FILTER (WHERE closed_on IS NOT NULL) AS closed FROM nonconformity_record WHERE org_id = :o;
SELECT revoke_access(:o, 'regress_pg_ims_reader');
DROP ROLE regress_pg_ims_reader;
