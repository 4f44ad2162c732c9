-- scripts/sample_ai_act.sql: the EU AI Act classification of the sample
-- organization's AI systems (pg_ims 1.1; scripts/sample_organization.sql
-- stays loadable into 1.0 for the upgrade test).  Run after it.
--
-- Nimbus develops and runs all three systems, so it is their provider and,
-- where it uses them itself, their deployer:
--   - the CV-screening model ranks job applicants: Annex III, point 4(a),
--     employment, a high-risk system; Nimbus provides it and its own
--     recruiters use it;
--   - the support assistant talks with customers: Art. 50(1), limited risk;
--   - the fraud-scoring model detects payment fraud, which Annex III,
--     point 5(b) leaves out of the high-risk credit scoring: minimal risk.
UPDATE ims.ai_system a
SET ai_act_roles = c.roles, ai_act_risk_class = c.risk_class
FROM ims.organization o,
	 (VALUES ('CV screening model', '{provider,deployer}'::text[], 'high'),
			 ('Support assistant', '{provider}'::text[], 'limited'),
			 ('Fraud scoring model', '{provider}'::text[], 'minimal')) AS c(name, roles, risk_class)
WHERE o.org_id = a.org_id AND o.name = 'Nimbus Analytics GmbH' AND a.name = c.name;
