-- scripts/sample_ai_act.sql: the EU AI Act classification of the sample
-- organization's AI systems (pg_ims 1.2; scripts/sample_organization.sql
-- stays loadable into 1.0 for the upgrade test).  Run after it.
--
-- Nimbus develops and runs all three systems, so it is their provider and,
-- where it uses them itself, their deployer.  Nimbus is a private company
-- selling to businesses: no body governed by public law, and no public
-- service (Art. 27(1)).
--   - the CV-screening model ranks job applicants: Annex III, point 4(a),
--     employment, a high-risk system; Nimbus provides it and its own
--     recruiters use it.  It neither talks with the applicants nor writes
--     content for them: no case of Art. 50.  Whether its next version will
--     be tested with live applicants before release (Art. 60) is not
--     decided, so ai_act_real_world_testing stays null and the gap report
--     shows Art. 60 and Art. 61 as to be determined;
--   - the support assistant talks with Nimbus's customers (Art. 50(1)) and
--     writes its answers (synthetic text, Art. 50(2)): limited risk.  Nimbus
--     runs it for its own customer support, so it is its deployer too;
--   - the fraud-scoring model detects payment fraud, which Annex III,
--     point 5(b) leaves out of the high-risk credit scoring: minimal risk,
--     listed in no point of Annex III.
UPDATE ims.ai_system a
SET ai_act_roles = c.roles, ai_act_risk_class = c.risk_class, ai_act_transparency = c.transparency,
	ai_act_annex_iii = c.annex_iii, ai_act_public_service = c.public_service,
	ai_act_real_world_testing = c.real_world_testing
FROM ims.organization o,
	 (VALUES ('CV screening model', '{provider,deployer}'::text[], 'high', '{}'::text[], '4(a)', false, NULL::boolean),
			 ('Support assistant', '{provider,deployer}'::text[], 'limited',
			  '{interacts_with_persons,synthetic_content}'::text[], 'not_listed', false, false),
			 ('Fraud scoring model', '{provider}'::text[], 'minimal', '{}'::text[], 'not_listed', false, false))
	 AS c(name, roles, risk_class, transparency, annex_iii, public_service, real_world_testing)
WHERE o.org_id = a.org_id AND o.name = 'Nimbus Analytics GmbH' AND a.name = c.name;
