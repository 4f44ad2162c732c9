--
-- readiness: ims.report_readiness on the cases docs/views.md works out (an
-- organization that has not started, a standalone ISO 42001 organization;
-- the sample is in reports.sql) and on each rule of the estimate.  Dates
-- are relative to today; none is printed.
--
SET search_path = public, ims;

-- every row of one organization, in reading order
PREPARE readiness(bigint) AS
SELECT group_kind, standard_label, group_id, items, decided_pct, implemented_pct, evidenced_pct, weeks_low, weeks_high
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
-- with one control partial, one implemented without evidence, one
-- implemented with evidence of an information security kind (it does not
-- fit), then with a policy
SELECT create_organization('Readiness Rules Ltd') AS org \gset
SELECT init_soa(:org) AS soa \gset
UPDATE soa_entry SET applicability = 'applicable(risk)',
       implementation = CASE control_id WHEN 'A.2.2' THEN 'partial' ELSE 'implemented' END
WHERE org_id = :org AND soa_id = :soa AND standard = 'iso42001:2023' AND control_id IN ('A.2.2', 'A.2.3', 'A.2.4');
INSERT INTO evidence (org_id, standard, control_id, kind, title, collected_on)
VALUES (:org, 'iso42001:2023', 'A.2.4', 'pentest_report', 'Penetration test', current_date - 10);
SELECT group_id, items, decided_pct, implemented_pct, evidenced_pct, weeks_low, weeks_high
FROM report_readiness WHERE org_id = :org AND group_kind = 'annex_a_area' AND group_id = 'A.2' AND standard = 'iso42001:2023';
INSERT INTO evidence (org_id, standard, control_id, kind, title, collected_on)
VALUES (:org, 'iso42001:2023', 'A.2.4', 'policy', 'AI policy', current_date - 10);
SELECT group_id, items, decided_pct, implemented_pct, evidenced_pct, weeks_low, weeks_high
FROM report_readiness WHERE org_id = :org AND group_kind = 'annex_a_area' AND group_id = 'A.2' AND standard = 'iso42001:2023';
-- evidence that has expired is not current
UPDATE evidence SET collected_on = current_date - 400, valid_until = current_date - 1
WHERE org_id = :org AND kind = 'policy';
SELECT evidenced_pct FROM report_readiness WHERE org_id = :org AND group_id = 'A.2' AND standard = 'iso42001:2023';

-- 4. The internal audit and management review: nothing left once both are
-- complete (held in the last 12 months, covering every standard in scope)
SELECT group_kind, items, decided_pct, implemented_pct, weeks_low, weeks_high
FROM report_readiness WHERE org_id = :org AND group_kind = 'audit_review';
INSERT INTO internal_audit (org_id, cycle, performed_on, covers)
VALUES (:org, 'old', current_date - interval '13 months', '{iso27001:2022,iso42001:2023}'),
       (:org, 'isms only', current_date - 30, '{iso27001:2022}');
INSERT INTO management_review (org_id, held_on, covers)
VALUES (:org, current_date - 20, '{iso27001:2022}');
-- held, but none complete: the whole month is still ahead
SELECT group_kind, items, decided_pct, implemented_pct, weeks_low, weeks_high
FROM report_readiness WHERE org_id = :org AND group_kind = 'audit_review';
INSERT INTO internal_audit (org_id, cycle, performed_on, covers)
VALUES (:org, 'integrated', current_date - 40, '{iso42001:2023,iso27001:2022}');
-- the audit is complete, the review is not: half the month
SELECT group_kind, items, decided_pct, implemented_pct, weeks_low, weeks_high
FROM report_readiness WHERE org_id = :org AND group_kind = 'audit_review';
INSERT INTO management_review (org_id, held_on, covers)
VALUES (:org, current_date - 10, '{iso27001:2022,iso42001:2023}');
SELECT group_kind, items, decided_pct, implemented_pct, weeks_low, weeks_high
FROM report_readiness WHERE org_id = :org AND group_kind = 'audit_review';
-- the total loses the month; the certification audit stays ahead
EXECUTE summary(:org);

-- 5. Per AI system: each system in scope has its impact assessment, AI risk
-- assessment and life-cycle records; a second system adds its own, a
-- system out of scope adds nothing
INSERT INTO ai_system (org_id, name, in_scope, last_significant_change)
VALUES (:org, 'Chat assistant', true, current_date - 100), (:org, 'Old recommender', false, NULL);
SELECT system_id AS chat FROM ai_system WHERE org_id = :org AND name = 'Chat assistant' \gset
EXECUTE summary(:org);
INSERT INTO ai_system (org_id, name, in_scope) VALUES (:org, 'Ranking model', true);
EXECUTE summary(:org);
-- an assessment made before the last significant change counts half and is
-- not evidenced; a current, complete and approved one counts whole
INSERT INTO impact_assessment (org_id, system_id, assessed_on, individuals, groups, society, foreseeable_misuse,
                               stakeholder_views, approved_by, next_review)
VALUES (:org, :chat, current_date - 200, 'a', 'b', 'c', 'd', 'e', 'DPO', current_date + 100);
SELECT group_title, decided_pct, implemented_pct, evidenced_pct, weeks_low, weeks_high
FROM report_readiness WHERE org_id = :org AND group_kind = 'ai_system' ORDER BY group_rank;
INSERT INTO impact_assessment (org_id, system_id, assessed_on, individuals, groups, society, foreseeable_misuse,
                               stakeholder_views, approved_by, next_review)
VALUES (:org, :chat, current_date - 50, 'a', 'b', 'c', 'd', 'e', 'DPO', current_date + 300);
-- an AI risk without treatment counts half; treated and, when mitigated,
-- with a control, whole; a CIA risk of the system is no AI risk assessment
INSERT INTO risk (org_id, title, risk_type, ai_system_id, treatment)
VALUES (:org, 'Leaks customer data', 'confidentiality', :chat, 'mitigate'),
       (:org, 'Biased answers', 'fairness', :chat, NULL);
SELECT group_title, decided_pct, implemented_pct, evidenced_pct, weeks_low, weeks_high
FROM report_readiness WHERE org_id = :org AND group_kind = 'ai_system' ORDER BY group_rank;
UPDATE risk SET treatment = 'mitigate' WHERE org_id = :org AND title = 'Biased answers';
INSERT INTO risk_control (org_id, risk_id, standard, control_id)
SELECT :org, risk_id, 'iso42001:2023', 'A.6.2.4' FROM risk WHERE org_id = :org AND title = 'Biased answers';
SELECT group_title, decided_pct, implemented_pct, evidenced_pct, weeks_low, weeks_high
FROM report_readiness WHERE org_id = :org AND group_kind = 'ai_system' ORDER BY group_rank;

-- 6. ISO 27001 alone: no ISO 42001 work to price (no clause pair, no AI
-- system row), only the audit, the review and the certification audit
SELECT create_organization('Readiness ISMS Ltd') AS isms \gset
UPDATE organization SET standards = '{iso27001:2022}' WHERE org_id = :isms;
SELECT init_soa(:isms) IS NOT NULL AS started;
SELECT group_kind, count(*) AS rows, sum(weeks_low) AS weeks_low, sum(weeks_high) AS weeks_high
FROM report_readiness WHERE org_id = :isms GROUP BY group_kind ORDER BY group_kind;

-- one total, one audit and review row, one certification row per organization
SELECT group_kind, count(*) = count(DISTINCT org_id) AS one_each, count(*) = (SELECT count(*) FROM organization) AS every_org
FROM report_readiness WHERE group_kind IN ('audit_review', 'total', 'certification_audit') GROUP BY group_kind ORDER BY 1;
DEALLOCATE ALL;
