--
-- readiness: ims.report_readiness on the cases docs/views.md works out (an
-- organization that has not started, a standalone ISO 42001 organization;
-- the sample's rows are in reports.sql) and on each rule of the estimate,
-- the findings among them.  Dates are relative to today; none is printed.
--
\getenv abs_srcdir PG_ABS_SRCDIR
SET search_path = public, ims;

-- every row of one organization, in reading order
PREPARE readiness(bigint) AS
SELECT group_kind, standard_label, group_id, items, decided_pct, implemented_pct, evidenced_pct, weeks_low, weeks_high,
       open_findings
FROM report_readiness WHERE org_id = $1
ORDER BY array_position(ARRAY['clause', 'annex_a_area', 'ai_system', 'audit_review', 'total', 'certification_audit'],
                        group_kind), standard NULLS FIRST, group_rank;
PREPARE summary(bigint) AS
SELECT group_kind, group_title, items, weeks_low, weeks_high
FROM report_readiness WHERE org_id = $1 AND group_kind IN ('ai_system', 'audit_review', 'total', 'certification_audit')
ORDER BY array_position(ARRAY['ai_system', 'audit_review', 'total', 'certification_audit'], group_kind), group_rank;

-- 1. Everything open: a fresh organization with a fresh SoA.  The total is
-- the article's four to six months (17.0 to 25.7 weeks), not the 29.7 of
-- its parts summed; no AI system is recorded, so one is still to record.
SELECT create_organization('Readiness Fresh Ltd') AS fresh \gset
SELECT init_soa(:fresh) IS NOT NULL AS started;
EXECUTE readiness(:fresh);
EXECUTE summary(:fresh);

-- 2. Standalone ISO 42001: no ISMS to extend, so the clause pairs are new
-- artifacts and the ISO 42001 controls that rest on an ISO 27001 control
-- weigh double; longer than the extension
SELECT create_organization('Readiness Standalone GmbH') AS solo \gset
UPDATE organization SET standards = '{iso42001:2023}' WHERE org_id = :solo;
SELECT init_soa(:solo) IS NOT NULL AS started;
EXECUTE readiness(:solo);
-- clause rows although report_clause_mapping shows only the pairs without
-- counterpart for it
SELECT count(*) AS clause_mapping_rows FROM report_clause_mapping WHERE org_id = :solo;

-- 3. Partial counts half, and implemented is not evidenced: ISO 42001 A.2
-- with one control partial and two implemented, none with evidence
SELECT create_organization('Readiness Rules Ltd') AS rules \gset
SELECT init_soa(:rules) AS soa \gset
UPDATE soa_entry SET applicability = 'applicable(risk)',
       implementation = CASE control_id WHEN 'A.2.2' THEN 'partial' ELSE 'implemented' END
WHERE org_id = :rules AND soa_id = :soa AND standard = 'iso42001:2023' AND control_id IN ('A.2.2', 'A.2.3', 'A.2.4');
PREPARE area2(bigint) AS
SELECT group_id, items, decided_pct, implemented_pct, evidenced_pct, weeks_low, weeks_high, open_findings
FROM report_readiness WHERE org_id = $1 AND group_kind = 'annex_a_area' AND group_id = 'A.2' AND standard = 'iso42001:2023';
EXECUTE area2(:rules);
-- evidence of an information security kind does not fit an ISO 42001
-- control, and is a nonconformity of its own (SOA008): A.2.4 counts half
INSERT INTO evidence (org_id, standard, control_id, kind, title, collected_on)
VALUES (:rules, 'iso42001:2023', 'A.2.4', 'pentest_report', 'Penetration test', current_date - 10);
EXECUTE area2(:rules);
-- a policy fits: A.2.4 is evidenced
INSERT INTO evidence (org_id, standard, control_id, kind, title, collected_on)
VALUES (:rules, 'iso42001:2023', 'A.2.4', 'policy', 'AI policy', current_date - 10);
EXECUTE area2(:rules);
-- evidence that has expired is not current: the penetration test is again
-- all there is
UPDATE evidence SET collected_on = current_date - 400, valid_until = current_date - 1
WHERE org_id = :rules AND kind = 'policy';
EXECUTE area2(:rules);

-- 4. The internal audit and management review: nothing left once both are
-- complete (held in the last 12 months, covering every standard in scope)
SELECT group_kind, items, decided_pct, implemented_pct, weeks_low, weeks_high
FROM report_readiness WHERE org_id = :rules AND group_kind = 'audit_review';
INSERT INTO internal_audit (org_id, cycle, performed_on, covers)
VALUES (:rules, 'old', current_date - interval '13 months', '{iso27001:2022,iso42001:2023}'),
       (:rules, 'isms only', current_date - 30, '{iso27001:2022}');
INSERT INTO management_review (org_id, held_on, covers)
VALUES (:rules, current_date - 20, '{iso27001:2022}');
-- held, but none complete: the whole month is still ahead
SELECT group_kind, items, decided_pct, implemented_pct, weeks_low, weeks_high
FROM report_readiness WHERE org_id = :rules AND group_kind = 'audit_review';
INSERT INTO internal_audit (org_id, cycle, performed_on, covers)
VALUES (:rules, 'aims only', current_date - 40, '{iso42001:2023}');
-- the audits of a programme add up (as for AUD001): the audit is complete,
-- the review is not: half the month
SELECT group_kind, items, decided_pct, implemented_pct, weeks_low, weeks_high
FROM report_readiness WHERE org_id = :rules AND group_kind = 'audit_review';
INSERT INTO management_review (org_id, held_on, covers)
VALUES (:rules, current_date - 10, '{iso42001:2023}');
SELECT group_kind, items, decided_pct, implemented_pct, weeks_low, weeks_high
FROM report_readiness WHERE org_id = :rules AND group_kind = 'audit_review';
-- the total loses the month; the certification audit stays ahead
EXECUTE summary(:rules);

-- 5. Per AI system: each system in scope has its impact assessment, AI risk
-- assessment and life-cycle records; a second system adds its own, a
-- system out of scope adds nothing
INSERT INTO ai_system (org_id, name, in_scope, last_significant_change)
VALUES (:rules, 'Chat assistant', true, current_date - 100), (:rules, 'Old recommender', false, NULL);
SELECT system_id AS chat FROM ai_system WHERE org_id = :rules AND name = 'Chat assistant' \gset
EXECUTE summary(:rules);
INSERT INTO ai_system (org_id, name, in_scope) VALUES (:rules, 'Ranking model', true);
EXECUTE summary(:rules);
-- an assessment made before the last significant change counts half and is
-- not evidenced; a current, complete and approved one counts whole
INSERT INTO impact_assessment (org_id, system_id, assessed_on, individuals, groups, society, foreseeable_misuse,
                               stakeholder_views, approved_by, next_review)
VALUES (:rules, :chat, current_date - 200, 'a', 'b', 'c', 'd', 'e', 'DPO', current_date + 100);
SELECT group_title, decided_pct, implemented_pct, evidenced_pct, weeks_low, weeks_high
FROM report_readiness WHERE org_id = :rules AND group_kind = 'ai_system' ORDER BY group_rank;
INSERT INTO impact_assessment (org_id, system_id, assessed_on, individuals, groups, society, foreseeable_misuse,
                               stakeholder_views, approved_by, next_review)
VALUES (:rules, :chat, current_date - 50, 'a', 'b', 'c', 'd', 'e', 'DPO', current_date + 300);
-- complete since 1.2: a rated harm to each subject, as rows (AIA005)
INSERT INTO impact (org_id, assessment_id, subject, nature, description, likelihood, severity)
SELECT :rules, assessment_id, x, 'harm', x || ' harmed', 'rare', 'low'
FROM impact_assessment, unnest(ARRAY['individuals', 'groups', 'society']) AS x
WHERE org_id = :rules AND system_id = :chat AND assessed_on = current_date - 50;
-- an AI risk without treatment counts half; treated and, when mitigated,
-- with a control, whole; a CIA risk of the system is no AI risk assessment
INSERT INTO risk (org_id, title, risk_type, ai_system_id, treatment)
VALUES (:rules, 'Leaks customer data', 'confidentiality', :chat, 'mitigate'),
       (:rules, 'Biased answers', 'fairness', :chat, NULL);
SELECT group_title, decided_pct, implemented_pct, evidenced_pct, weeks_low, weeks_high
FROM report_readiness WHERE org_id = :rules AND group_kind = 'ai_system' ORDER BY group_rank;
UPDATE risk SET treatment = 'mitigate' WHERE org_id = :rules AND title = 'Biased answers';
INSERT INTO risk_control (org_id, risk_id, standard, control_id)
SELECT :rules, risk_id, 'iso42001:2023', 'A.6.2.4' FROM risk WHERE org_id = :rules AND title = 'Biased answers';
SELECT group_title, decided_pct, implemented_pct, evidenced_pct, weeks_low, weeks_high
FROM report_readiness WHERE org_id = :rules AND group_kind = 'ai_system' ORDER BY group_rank;

-- 6. ISO 27001 alone: no ISO 42001 work to price (no clause pair, no AI
-- system row), only the audit, the review and the certification audit
SELECT create_organization('Readiness ISMS Ltd') AS isms \gset
UPDATE organization SET standards = '{iso27001:2022}' WHERE org_id = :isms;
SELECT init_soa(:isms) IS NOT NULL AS started;
SELECT group_kind, count(*) AS rows, sum(weeks_low) AS weeks_low, sum(weeks_high) AS weeks_high
FROM report_readiness WHERE org_id = :isms GROUP BY group_kind ORDER BY group_kind;

-- 7. Findings: the sample has two open nonconformities against 8.4 (an AI
-- system without impact assessment, one assessed before its retraining)
-- and one against 8.3 (a treatment action a quarter late), so clause 8 is
-- not done although every clause 8 pair has its document; waived, they no
-- longer count (waived_until is set), and clause 8 is done
\i :abs_srcdir/sql/include/load_sample.sql
SELECT code, grade, category, requirement, ref FROM evaluate_findings(ARRAY[:org]::bigint[])
WHERE requirement ~ '^8' AND category = 'nonconformity' ORDER BY code;
SELECT target_clause, status FROM report_clause_mapping WHERE org_id = :org AND target_clause ~ '^8' ORDER BY clause_rank;
PREPARE clause8(bigint) AS
SELECT group_id, items, decided_pct, implemented_pct, evidenced_pct, weeks_low, weeks_high, open_findings
FROM report_readiness WHERE org_id = $1 AND group_kind = 'clause' AND group_id = '8';
EXECUTE clause8(:org);
SELECT waive_finding(:org, code, ref, 'Accepted while the assessments are redone.', 'Dana Keller',
                     current_date + 30, 'Management board') > 0 AS waived
FROM evaluate_findings(ARRAY[:org]::bigint[]) WHERE code IN ('AIA001', 'AIA002', 'RSK007') ORDER BY code;
EXECUTE clause8(:org);
-- a finding that is no nonconformity (an observation of 9.3.2) does not
-- count: clause 9 has none
SELECT code, category, requirement FROM evaluate_findings(ARRAY[:org]::bigint[]) WHERE requirement ~ '^9' ORDER BY code;
SELECT group_id, open_findings FROM report_readiness WHERE org_id = :org AND group_kind = 'clause' AND group_id = '9';
-- a nonconformity against an Annex A control keeps the control from
-- counting whole: ISO 42001 A.6.2.4 is implemented but evidenced only by a
-- penetration test report (SOA008); waived, it counts whole again
PREPARE area6(bigint) AS
SELECT group_id, implemented_pct, evidenced_pct, weeks_low, weeks_high, open_findings
FROM report_readiness WHERE org_id = $1 AND group_kind = 'annex_a_area' AND standard = 'iso42001:2023' AND group_id = 'A.6';
EXECUTE area6(:org);
SELECT waive_finding(:org, 'SOA008', 'ISO 42001 A.6.2.4', 'Model evaluation report due next month.', 'Dana Keller',
                     current_date + 30, 'Management board') > 0 AS waived;
EXECUTE area6(:org);
-- the total counts every open nonconformity, whatever its requirement
SELECT (SELECT open_findings FROM report_readiness WHERE org_id = :org AND group_kind = 'total')
       = (SELECT count(*) FROM evaluate_findings(ARRAY[:org]::bigint[])
          WHERE category = 'nonconformity' AND waived_until IS NULL)
       AS total_counts_all;

-- one total, one audit and review row, one certification row for each
-- organization of this file, and ims.readiness gives the view's rows
SELECT group_kind, count(*) AS rows, count(DISTINCT org_id) AS organizations
FROM report_readiness WHERE org_id IN (:fresh, :solo, :rules, :isms, :org)
  AND group_kind IN ('audit_review', 'total', 'certification_audit')
GROUP BY group_kind ORDER BY 1;
SELECT count(*) AS rows,
       count(*) FILTER (WHERE (v.*)::text = (SELECT (r.*)::text FROM readiness(:org) r
                                             WHERE r.group_kind = v.group_kind
                                               AND r.group_id IS NOT DISTINCT FROM v.group_id
                                               AND r.standard IS NOT DISTINCT FROM v.standard)) AS same
FROM report_readiness v WHERE v.org_id = :org;
-- a caller who cannot read an organization gets none of its rows, from
-- either; with read access, its rows
CREATE ROLE regress_pg_ims_readiness;
SET SESSION AUTHORIZATION regress_pg_ims_readiness;
SELECT (SELECT count(*) FROM report_readiness) AS view_rows, (SELECT count(*) FROM readiness(:org)) AS function_rows;
RESET SESSION AUTHORIZATION;
SELECT grant_access(:org, 'regress_pg_ims_readiness', 'read');
SET SESSION AUTHORIZATION regress_pg_ims_readiness;
SELECT count(DISTINCT org_id) AS organizations, count(*) AS rows,
       (SELECT weeks_high FROM report_readiness WHERE group_kind = 'total') AS total_high
FROM report_readiness;
RESET SESSION AUTHORIZATION;
SELECT weeks_high AS total_high_as_superuser FROM report_readiness WHERE org_id = :org AND group_kind = 'total';
SELECT revoke_access(:org, 'regress_pg_ims_readiness', 'read');
DROP ROLE regress_pg_ims_readiness;
DEALLOCATE ALL;
