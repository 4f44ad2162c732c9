--
-- risk_treatment: risk criteria per domain, inherent and residual ratings,
-- treatment plans, residual-risk acceptance and the objectives register
-- (docs/risk-treatment.md); every error branch, and the two report views
--
SET search_path = public, ims;
-- what a constraint refuses shows its name (the failing row holds dates);
-- what a trigger or a function refuses shows its detail and hint
\set VERBOSITY terse
SELECT create_organization('Criteria GmbH', 'Ida Owner') AS org \gset
INSERT INTO ai_system (org_id, name) VALUES (:org, 'Ranker') RETURNING system_id AS ranker \gset

-- Criteria: a scale of 2 to 10 levels without gaps, an acceptable level
-- within the matrix, a known domain, an approver with a date
INSERT INTO risk_criteria (org_id, domain, likelihood_scale, consequence_scale, consequence_basis, acceptable_level)
VALUES (:org, 'ai', '{Rare}', '{Low,High}', 'Harm to people', 1);
INSERT INTO risk_criteria (org_id, domain, likelihood_scale, consequence_scale, consequence_basis, acceptable_level)
VALUES (:org, 'ai', '{Rare,NULL}', '{Low,High}', 'Harm to people', 1);
INSERT INTO risk_criteria (org_id, domain, likelihood_scale, consequence_scale, consequence_basis, acceptable_level)
VALUES (:org, 'ai', '{Rare,Often}', '{Low,High}', 'Harm to people', 5);
INSERT INTO risk_criteria (org_id, domain, likelihood_scale, consequence_scale, consequence_basis, acceptable_level)
VALUES (:org, 'safety', '{Rare,Often}', '{Low,High}', 'Harm to people', 2);
INSERT INTO risk_criteria (org_id, domain, likelihood_scale, consequence_scale, consequence_basis, acceptable_level)
VALUES (:org, 'ai', '{Rare,Often}', '{Low,High}', ' ', 2);
INSERT INTO risk_criteria (org_id, domain, likelihood_scale, consequence_scale, consequence_basis, acceptable_level,
						   approved_by)
VALUES (:org, 'ai', '{Rare,Often}', '{Low,High}', 'Harm to people', 2, 'Board');
INSERT INTO risk_criteria (org_id, domain, likelihood_scale, consequence_scale, consequence_basis, acceptable_level,
						   approved_by, approved_on)
VALUES (:org, 'ai', '{Rare,Often}', '{Low,High}', 'Harm to people', 2, E'Board\n', current_date);

-- Without criteria a risk is rated 1 to 5, as before criteria existed
\set VERBOSITY default
INSERT INTO risk (org_id, title, risk_type, ai_system_id, likelihood, impact, treatment, owner)
VALUES (:org, 'Ranker is unfair', 'fairness', :ranker, 4, 6, 'mitigate', 'Head of AI');
-- the AI domain's own scales: four likelihoods, five severities for the people affected
INSERT INTO risk_criteria (org_id, domain, likelihood_scale, consequence_scale, consequence_basis, acceptable_level,
						   approved_by, approved_on)
VALUES (:org, 'ai', '{Rare,Possible,Likely,Frequent}', '{Negligible,Limited,Significant,Serious,Irreversible}',
		'Severity of the harm to the people affected', 4, 'Board', current_date),
	   (:org, 'information_security', '{1,2,3,4,5,6,7}', '{1,2,3,4,5,6,7}', 'Business impact', 12, 'Board', current_date);
-- an AI risk is rated on its scale, without CVSS; beyond it, refused
INSERT INTO risk (org_id, title, risk_type, ai_system_id, likelihood, impact, treatment, owner)
VALUES (:org, 'Ranker is unfair', 'fairness', :ranker, 5, 5, 'mitigate', 'Head of AI');
INSERT INTO risk (org_id, title, risk_type, ai_system_id, likelihood, impact, treatment, owner, affected_subjects)
VALUES (:org, 'Ranker is unfair', 'fairness', :ranker, 4, 5, 'mitigate', 'Head of AI', '{individuals,groups}')
RETURNING risk_id AS unfair \gset
-- a CVSS score is still refused on an AI risk
UPDATE risk SET cvss = 5.0 WHERE org_id = :org AND risk_id = :unfair;
-- an information security risk on its seven-level scale, with CVSS
INSERT INTO risk (org_id, title, risk_type, likelihood, impact, cvss, treatment, owner)
VALUES (:org, 'Backups readable by all staff', 'confidentiality', 7, 6, 6.5, 'mitigate', 'CISO')
RETURNING risk_id AS backups \gset
-- more than one type where it truly has several; subjects are the 6.1.4 ones
\set VERBOSITY terse
INSERT INTO risk (org_id, title, risk_type, ai_system_id, likelihood, impact, other_types, treatment, owner)
VALUES (:org, 'Prompt injection', 'ai_security', :ranker, 2, 4, '{confidentiality}', 'mitigate', 'CISO')
RETURNING risk_id AS injection \gset
UPDATE risk SET other_types = '{ai_security}' WHERE risk_id = :injection;
UPDATE risk SET other_types = '{}' WHERE risk_id = :injection;
UPDATE risk SET affected_subjects = '{customers}' WHERE risk_id = :injection;
-- residual ratings: both or neither, never above the inherent one, on the scale
UPDATE risk SET residual_likelihood = 2 WHERE risk_id = :unfair;
\set VERBOSITY default
UPDATE risk SET residual_likelihood = 2, residual_impact = 6 WHERE risk_id = :unfair;
UPDATE risk SET residual_likelihood = 2, residual_impact = 3 WHERE risk_id = :unfair;
-- criteria that would leave rated risks off their scale are refused
UPDATE risk_criteria SET likelihood_scale = '{Rare,Possible,Likely}' WHERE org_id = :org AND domain = 'ai';
\set VERBOSITY terse
UPDATE risk_criteria SET acceptable_level = 21 WHERE org_id = :org AND domain = 'ai';

-- The treatment plan: an action has an owner and a due date; done has a
-- completion date; the controls it implements are the risk's
INSERT INTO risk_control (org_id, risk_id, standard, control_id) VALUES (:org, :unfair, 'iso42001:2023', 'A.7.4');
INSERT INTO risk_treatment_action (org_id, risk_id, action, owner, due_on, status)
VALUES (:org, :unfair, 'Rebalance the training data', 'Head of AI', current_date + 30, 'done');
INSERT INTO risk_treatment_action (org_id, risk_id, action, owner, due_on, status)
VALUES (:org, :unfair, 'Rebalance the training data', 'Head of AI', current_date + 30, 'started');
INSERT INTO risk_treatment_action (org_id, risk_id, action, owner, due_on)
VALUES (:org, :unfair, 'Rebalance the training data', 'Head of AI', current_date + 30)
RETURNING action_id AS rebalance \gset
INSERT INTO risk_treatment_action_control (org_id, action_id, risk_id, standard, control_id)
VALUES (:org, :rebalance, :unfair, 'iso42001:2023', 'A.7.4');
INSERT INTO risk_treatment_action_control (org_id, action_id, risk_id, standard, control_id)
VALUES (:org, :rebalance, :unfair, 'iso42001:2023', 'A.7.5');
INSERT INTO risk_treatment_action_control (org_id, action_id, risk_id, standard, control_id)
VALUES (:org, :rebalance, :backups, 'iso42001:2023', 'A.7.4');
-- the owner approves the plan: a name and a date, or neither
UPDATE risk SET plan_approved_by = 'Head of AI' WHERE risk_id = :unfair;
UPDATE risk SET plan_approved_by = 'Head of AI', plan_approved_on = current_date WHERE risk_id = :unfair;
\set VERBOSITY default

-- Acceptance of the residual risk (level 6, above the acceptable 4)
SELECT acceptance_status FROM risk_treatment_status(ARRAY[:org]::bigint[]) WHERE risk_id = :unfair;
SELECT accept_risk(NULL, :unfair, 'Head of AI', 'Why');
SELECT accept_risk(:org, 999999, 'Head of AI', 'Why');
SELECT accept_risk(:org, :unfair, NULL, 'Why');
SELECT accept_risk(:org, :unfair, E'Head\tof AI', 'Why');
SELECT accept_risk(:org, :unfair, 'Head of AI', '  ');
SELECT accept_risk(:org, :unfair, 'Head of AI', 'Why', '2020-01-01');
-- a risk to mitigate whose residual risk is not rated has nothing to accept
SELECT accept_risk(:org, :injection, 'CISO', 'Why');
-- the server records the rating accepted; a different one is refused
INSERT INTO risk_acceptance (org_id, risk_id, accepted_by, justification, accepted_likelihood, accepted_impact)
VALUES (:org, :unfair, 'Head of AI', 'Why', 1, 1);
SELECT accept_risk(:org, :unfair, 'Head of AI', 'Further debiasing costs more than it saves.',
				   current_date + 90) AS accepted \gset
SELECT accepted_by, accepting_role = current_user AS by_me, accepted_at > now() - interval '1 minute' AS just_now,
	   accepted_likelihood, accepted_impact, expires_on - current_date AS days
FROM risk_acceptance WHERE acceptance_id = :accepted;
SELECT acceptance_status FROM risk_treatment_status(ARRAY[:org]::bigint[]) WHERE risk_id = :unfair;
-- append-only, for everyone; a risk with acceptances stays
UPDATE risk_acceptance SET justification = 'Changed' WHERE acceptance_id = :accepted;
DELETE FROM risk_acceptance WHERE acceptance_id = :accepted;
DELETE FROM risk WHERE risk_id = :unfair;
-- a change of the residual rating makes it stale, even back to the rating
-- accepted: re-rated within the criteria it needs no acceptance, re-rated
-- to the old level again the old acceptance no longer counts
UPDATE risk SET residual_impact = 2 WHERE risk_id = :unfair;
SELECT acceptance_status FROM risk_treatment_status(ARRAY[:org]::bigint[]) WHERE risk_id = :unfair;
UPDATE risk SET residual_impact = 3 WHERE risk_id = :unfair;
SELECT acceptance_status FROM risk_treatment_status(ARRAY[:org]::bigint[]) WHERE risk_id = :unfair;
-- an edit of anything else does not
SELECT accept_risk(:org, :unfair, 'Head of AI', 'Re-accepted at the same level.') > 0 AS accepted;
UPDATE risk SET asset = 'Ranking service' WHERE risk_id = :unfair;
SELECT acceptance_status FROM risk_treatment_status(ARRAY[:org]::bigint[]) WHERE risk_id = :unfair;

-- accepting needs approve; edit is not enough
CREATE ROLE regress_pg_ims_editor;
SELECT grant_access(:org, 'regress_pg_ims_editor', 'edit');
SET SESSION AUTHORIZATION regress_pg_ims_editor;
SELECT accept_risk(:org, :unfair, 'Head of AI', 'Why');
INSERT INTO risk_acceptance (org_id, risk_id, accepted_by, justification) VALUES (:org, :unfair, 'Head of AI', 'Why');
SELECT count(*) AS visible FROM risk_acceptance;
RESET SESSION AUTHORIZATION;
SELECT revoke_access(:org, 'regress_pg_ims_editor');
DROP ROLE regress_pg_ims_editor;

-- Annex C: a risk cites risk sources and objectives of the shipped lists
INSERT INTO risk_reference (org_id, risk_id, standard, list, item_id)
VALUES (:org, :unfair, 'iso42001:2023', 'annex_c_risk_sources', 'C.3.4'),
	   (:org, :unfair, 'iso42001:2023', 'annex_c_objectives', 'C.2.5');
INSERT INTO risk_reference (org_id, risk_id, standard, list, item_id)
VALUES (:org, :unfair, 'iso42001:2023', 'annex_c_objectives', 'C.9.9');

\set VERBOSITY terse
SELECT title, risk_type, risk_domain, other_types, affected_subjects, treatment, inherent_likelihood, inherent_impact,
	   inherent_level, residual_likelihood, residual_impact, residual_level, acceptable_level, within_criteria,
	   acceptance_status, acceptance_status_rank, accepted_by, plan_approved_by, actions, actions_open, actions_overdue,
	   next_due_on - current_date AS due_in, controls, references_cited
FROM report_risk_treatment WHERE org_id = :org ORDER BY risk_id;

-- The objectives register
INSERT INTO objective (org_id, title, standards, target, measure, frequency, owner)
VALUES (:org, 'Fair ranking', '{iso42001:2099}', 'Parity ratio at least 0.8', 'Parity ratio', 'quarterly', 'Head of AI');
INSERT INTO objective (org_id, title, standards, target, measure, frequency, owner)
VALUES (:org, 'Fair ranking', '{iso42001:2023}', 'Parity ratio at least 0.8', 'Parity ratio', 'weekly', 'Head of AI');
INSERT INTO objective (org_id, title, standards, target, measure, frequency, owner, set_on, due_on)
VALUES (:org, 'Fair ranking', '{iso42001:2023}', 'Parity ratio at least 0.8', 'Parity ratio', 'quarterly', 'Head of AI',
		current_date, current_date - 1);
INSERT INTO objective (org_id, title, standards, target, measure, frequency, owner, status)
VALUES (:org, 'Fair ranking', '{iso42001:2023}', 'Parity ratio at least 0.8', 'Parity ratio', 'quarterly', 'Head of AI',
		'done');
INSERT INTO objective (org_id, title, standards, target, measure, method, frequency, owner, set_on, due_on)
VALUES (:org, 'Fair ranking', '{iso42001:2023}', 'Parity ratio at least 0.8', 'Parity ratio', 'Quarterly bias audit',
		'quarterly', 'Head of AI', current_date - 120, current_date + 245)
RETURNING objective_id AS fair \gset
INSERT INTO objective_measurement (org_id, objective_id, measured_on) VALUES (:org, :fair, current_date - 30);
INSERT INTO objective_measurement (org_id, objective_id, measured_on, value, note)
VALUES (:org, :fair, current_date - 30, 0.74, 'Below target: retraining planned'),
	   (:org, :fair, current_date - 100, 0.7, NULL);
INSERT INTO objective_reference (org_id, objective_id, standard, list, item_id)
VALUES (:org, :fair, 'iso42001:2023', 'annex_c_objectives', 'C.2.5');
SELECT title, standards, for_iso27001, for_iso42001, target, frequency, status, status_rank, measurements,
	   current_date - latest_measured_on AS measured_ago, latest_value, next_measurement_due - current_date AS next_in,
	   measurement_overdue, references_cited
FROM report_objectives WHERE org_id = :org;

-- the management review agenda reads the register, and the risk treatment
SELECT item, regexp_replace(input, '\d{4}-\d{2}-\d{2}', 'YYYY-MM-DD', 'g') AS input
FROM management_review_agenda(:org) WHERE item IN ('is_objectives', 'ai_objectives', 'is_risks', 'ai_risks');
