/* extension/install/85_ai_act.sql */

----------------------------------------------------------------------------
-- The EU AI Act gap of each high-risk AI system (docs/ai-act.md)
----------------------------------------------------------------------------

CREATE VIEW @extschema@.report_ai_act_gap WITH (security_invoker = true) AS
SELECT a.org_id, o.name AS organization, a.system_id, a.name AS ai_system,
	   a.in_scope AS in_aims_scope,
	   coalesce(pg_catalog.array_to_string(a.ai_act_roles, ', '), 'not recorded') AS ai_act_roles,
	   ob.ref AS obligation, cl.title AS obligation_title, ob.ordinal AS obligation_rank,
	   coalesce(pg_catalog.array_to_string(ARRAY(SELECT r FROM pg_catalog.unnest(ob.roles) AS r
												 WHERE a.ai_act_roles IS NULL OR r = ANY (a.ai_act_roles)), ', '),
				'') AS binding_roles,
	   ob.coverage, ob.coverage = 'none' AS not_covered_by_iso42001,
	   (SELECT pg_catalog.string_agg(x.clause, ', ' ORDER BY c.ordinal)
		FROM @extschema@.obligation_clause x
		JOIN @extschema@.clause c ON c.standard = x.standard AND c.number = x.clause
		WHERE x.regulation = ob.regulation AND x.standard = ob.standard AND x.ref = ob.ref) AS supporting_clauses,
	   ctl.detail AS supporting_controls,
	   coalesce(ctl.supporting, 0) AS controls_supporting,
	   coalesce(ctl.applicable, 0) AS controls_applicable,
	   coalesce(ctl.implemented, 0) AS controls_implemented,
	   coalesce(ctl.evidenced, 0) AS controls_evidenced,
	   CASE
		   WHEN ob.coverage = 'none' THEN 'not_covered'
		   WHEN NOT a.in_scope THEN 'outside_aims_scope'
		   WHEN coalesce(ctl.supporting, 0) = 0 THEN 'clauses_only'
		   WHEN coalesce(ctl.applicable, 0) < coalesce(ctl.supporting, 0) THEN 'controls_not_applied'
		   WHEN ctl.implemented < ctl.applicable THEN 'controls_not_implemented'
		   WHEN ctl.evidenced < ctl.applicable THEN 'controls_without_evidence'
		   ELSE 'supporting_controls_evidenced'
	   END AS status,
	   CASE ob.coverage
		   WHEN 'none' THEN 'ISO 42001 does not cover ' || ob.ref || '.'
		   ELSE 'ISO 42001 supports ' || ob.ref || ' (' || ob.coverage || ') but does not satisfy it.'
	   END AS iso42001_statement,
	   ob.not_covered, ob.rationale,
	   coalesce(ctl.applicable, 0) AS supporting_controls_applicable,
	   coalesce(ctl.implemented, 0) AS supporting_controls_implemented,
	   coalesce(ctl.evidenced, 0) AS supporting_controls_evidenced
FROM @extschema@.ai_system a
JOIN @extschema@.organization o ON o.org_id = a.org_id
JOIN @extschema@.obligation ob
  ON ob.regulation = 'eu-ai-act:2024' AND ob.standard = 'iso42001:2023'
 AND 'high' = ANY (ob.risk_classes)
 AND (a.ai_act_roles IS NULL OR ob.roles && a.ai_act_roles)
JOIN @extschema@.clause cl ON cl.standard = ob.regulation AND cl.number = ob.ref
LEFT JOIN LATERAL (
	SELECT count(*) AS supporting,
		   count(*) FILTER (WHERE s.decision = 'applicable') AS applicable,
		   count(*) FILTER (WHERE s.decision = 'applicable' AND s.implementation = 'implemented') AS implemented,
		   count(*) FILTER (WHERE s.decision = 'applicable' AND s.fitting_evidence > 0) AS evidenced,
		   pg_catalog.string_agg(x.control_id || ' ' ||
								 CASE WHEN s.control_id IS NULL THEN '(not in the SoA)'
									  ELSE '(' || s.decision || ', ' || s.implementation || ', '
										   || s.fitting_evidence || ' fitting evidence)' END,
								 '; ' ORDER BY c.ordinal) AS detail
	FROM @extschema@.obligation_control x
	JOIN @extschema@.control c ON c.standard = x.standard AND c.control_id = x.control_id
	LEFT JOIN @extschema@.report_soa s
	  ON s.org_id = a.org_id AND s.standard = x.standard AND s.control_id = x.control_id
	WHERE x.regulation = ob.regulation AND x.standard = ob.standard AND x.ref = ob.ref
) AS ctl ON true
WHERE a.ai_act_risk_class = 'high';
COMMENT ON VIEW @extschema@.report_ai_act_gap IS 'Per high-risk AI system, each EU AI Act obligation that binds its roles, the ISO 42001 clauses and controls that support it with their SoA status and evidence, and what ISO 42001 does not cover: ISO 42001 supports the AI Act, it never satisfies it';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.system_id IS 'The high-risk AI system';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.ai_system IS 'Its name';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.in_aims_scope IS 'Whether the system is in the AIMS scope; outside it, the ISO 42001 controls do not reach it';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.ai_act_roles IS 'The organization''s AI Act roles for the system, or not recorded (then every role''s obligations are listed)';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.obligation IS 'Article or annex, such as Art. 9';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.obligation_title IS 'Its title';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.obligation_rank IS 'Position in the crosswalk, for sorting';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.binding_roles IS 'Which of the system''s roles the obligation binds';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.coverage IS 'How far ISO 42001 supports the obligation: partial, weak or none';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.not_covered_by_iso42001 IS 'True when no ISO 42001 clause or control supports the obligation (the EU declaration of conformity, CE marking, registration, consent to real-world testing); Art. 43 conformity assessment and Annex IV are weakly or partly supported, and their gaps are in not_covered';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.supporting_clauses IS 'ISO 42001 clauses that support it, comma-separated';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.supporting_controls IS 'ISO 42001 controls that support it, each with its decision, implementation and number of current evidence rows of a fitting kind in the live SoA';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.controls_supporting IS 'Number of supporting controls';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.controls_applicable IS 'Deprecated since 1.2, the same as supporting_controls_applicable';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.controls_implemented IS 'Deprecated since 1.2, the same as supporting_controls_implemented';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.controls_evidenced IS 'Deprecated since 1.2, the same as supporting_controls_evidenced';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.status IS 'Where the ISO 42001 support of the obligation stands: not_covered, outside_aims_scope, clauses_only (supported by management-system clauses, no control), controls_not_applied, controls_not_implemented, controls_without_evidence or supporting_controls_evidenced; none says the obligation is met, which ISO 42001 cannot do';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.iso42001_statement IS 'One sentence: ISO 42001 supports but does not satisfy the obligation, or does not cover it';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.not_covered IS 'What the AI Act requires here that ISO 42001 does not cover';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.rationale IS 'Why the supporting items support the obligation and where they stop';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.supporting_controls_applicable IS 'How many of the supporting controls the SoA decides applicable';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.supporting_controls_implemented IS 'How many of those are implemented: support in the management system, not compliance with the obligation';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.supporting_controls_evidenced IS 'How many of the applicable ones have current evidence of a fitting kind';
GRANT SELECT ON @extschema@.report_ai_act_gap TO PUBLIC;

-- The constraints on ai_act_roles and ai_act_risk_class hold whatever
-- writes the row; this trigger, which runs first, says what is wrong.
CREATE FUNCTION @extschema@.check_ai_act_classification() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	bad text;
BEGIN
	IF NEW.ai_act_roles IS NOT NULL THEN
		IF pg_catalog.cardinality(NEW.ai_act_roles) OPERATOR(pg_catalog.=) 0 THEN
			RAISE EXCEPTION 'AI Act roles of AI system "%" must not be empty', NEW.name
				USING ERRCODE = 'check_violation',
					DETAIL = 'An empty list says the organization holds no role for the system.',
					HINT = 'Leave ai_act_roles null until the system is classified, or list provider, deployer, importer or distributor.',
					SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'ai_act_roles',
					CONSTRAINT = 'ai_system_ai_act_roles_check';
		END IF;
		SELECT r INTO bad FROM pg_catalog.unnest(NEW.ai_act_roles) AS r
		WHERE r IS NULL OR r OPERATOR(pg_catalog.<>) ALL (ARRAY['provider', 'deployer', 'importer', 'distributor'])
		LIMIT 1;
		IF FOUND THEN
			RAISE EXCEPTION 'invalid AI Act role "%" for AI system "%"', coalesce(bad, 'null'), NEW.name
				USING ERRCODE = 'check_violation',
					DETAIL = 'The AI Act (Art. 3) names the operators provider, deployer, importer and distributor.',
					HINT = 'List the roles the organization holds for the system, such as {provider,deployer}.',
					SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'ai_act_roles',
					CONSTRAINT = 'ai_system_ai_act_roles_check';
		END IF;
	END IF;
	IF NEW.ai_act_risk_class IS NOT NULL
	   AND NEW.ai_act_risk_class OPERATOR(pg_catalog.<>) ALL (ARRAY['prohibited', 'high', 'limited', 'minimal']) THEN
		RAISE EXCEPTION 'invalid AI Act risk class "%" for AI system "%"', NEW.ai_act_risk_class, NEW.name
			USING ERRCODE = 'check_violation',
				DETAIL = 'The risk classes are prohibited (Art. 5), high (Art. 6 and Annex III), limited (Art. 50) and minimal.',
				HINT = 'Leave ai_act_risk_class null until the system is classified.',
				SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'ai_act_risk_class',
				CONSTRAINT = 'ai_system_ai_act_risk_class_check';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.check_ai_act_classification() IS
'trigger: refuses an empty or unknown AI Act role or an unknown risk class of an AI system, explaining why';
CREATE TRIGGER ai_system_ai_act_check BEFORE INSERT OR UPDATE OF ai_act_roles, ai_act_risk_class ON @extschema@.ai_system
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_ai_act_classification();
