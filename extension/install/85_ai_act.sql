/* extension/install/85_ai_act.sql */

----------------------------------------------------------------------------
-- The EU AI Act gap of each AI system (docs/ai-act.md): the obligations
-- that bind the organization for the system, or may bind it when the record
-- does not hold what decides it, with their ISO 42001 support
----------------------------------------------------------------------------

-- The cases of Art. 50 (ai_system.ai_act_transparency): the paragraph that
-- sets each, and the role it binds.
CREATE FUNCTION @extschema@.ai_act_art50_cases()
	RETURNS TABLE (code text, paragraph text, role text, ordinal integer, description text)
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT * FROM (VALUES
		('interacts_with_persons', '50(1)', 'provider', 1, 'the system interacts directly with natural persons'),
		('synthetic_content', '50(2)', 'provider', 2, 'the system generates synthetic audio, image, video or text content'),
		('emotion_recognition', '50(3)', 'deployer', 3, 'the system is an emotion recognition system'),
		('biometric_categorisation', '50(3)', 'deployer', 4, 'the system is a biometric categorisation system'),
		('deep_fake', '50(4)', 'deployer', 5, 'the system generates or manipulates a deep fake'),
		('public_interest_text', '50(4)', 'deployer', 6, 'the system generates or manipulates text published to inform the public on matters of public interest')
	) AS c (code, paragraph, role, ordinal, description);
END;
COMMENT ON FUNCTION @extschema@.ai_act_art50_cases() IS
'the cases of EU AI Act Art. 50 an AI system may fall under (ai_system.ai_act_transparency), with the paragraph that sets each and the role it binds: providers in (1) and (2), deployers in (3) and (4)';

-- Whether one obligation binds the organization for one AI system, by
-- three tests: the risk class (by_class), the roles (by_role) and the facts
-- Art. 27, 50, 60 and 61 turn on (by_fact); each is null when the record
-- does not hold what decides it.  With the system's roles the obligation
-- binds (for Art. 50, by the system's cases), what a binding rests on and
-- what the record lacks.  A function of the system's columns rather than a
-- subquery of report_ai_act_gap: Citus refuses a query over several shards
-- that holds a subquery without FROM beside correlated subqueries.  STABLE,
-- as array_to_string is; the parameters read beside the columns of
-- ai_act_art50_cases() are named with the function's name, which a column
-- cannot shadow.
CREATE FUNCTION @extschema@.ai_act_scope(
	obligation text, obligation_roles text[], obligation_risk_classes text[],
	risk_class text, act_roles text[], transparency text[], annex_iii text,
	public_service boolean, real_world_testing boolean,
	OUT binding_roles text, OUT by_class boolean, OUT by_role boolean, OUT by_fact boolean,
	OUT fact_basis text, OUT fact_missing text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT coalesce(pg_catalog.array_to_string(ARRAY(SELECT r FROM pg_catalog.unnest(rl.roles) AS r
												 WHERE act_roles IS NULL OR r = ANY (act_roles)), ', '),
				'') AS binding_roles,
		   CASE WHEN risk_class IS NOT NULL THEN risk_class = ANY (obligation_risk_classes) END AS by_class,
		   CASE
			   WHEN pg_catalog.cardinality(rl.roles) = 0 THEN false
			   WHEN act_roles IS NOT NULL THEN rl.roles && act_roles
		   END AS by_role,
		   CASE obligation
			   -- Art. 27(1): deployers of Annex III systems but those of point
			   -- 2 that are bodies governed by public law or private entities
			   -- providing public services, and every deployer of 5(b) and 5(c)
			   WHEN 'Art. 27' THEN
				   CASE
					   WHEN annex_iii IN ('not_listed', '2') THEN false
					   WHEN annex_iii IN ('5(b)', '5(c)') THEN true
					   WHEN annex_iii IS NOT NULL THEN public_service
				   END
			   WHEN 'Art. 50' THEN CASE WHEN transparency IS NOT NULL THEN true END
			   -- Art. 60 and 61: providers that test in real world conditions
			   WHEN 'Art. 60' THEN real_world_testing
			   WHEN 'Art. 61' THEN real_world_testing
			   ELSE true
		   END AS by_fact,
		   CASE obligation
			   WHEN 'Art. 27' THEN
				   CASE
					   WHEN annex_iii IN ('5(b)', '5(c)')
						   THEN 'Art. 27(1): deployer of a high-risk AI system of Annex III, point ' || annex_iii
					   ELSE 'Art. 27(1): deployer that is a body governed by public law or a private entity providing public services, of a high-risk AI system of Annex III, point '
							|| annex_iii
				   END
			   WHEN 'Art. 50' THEN
				   (SELECT pg_catalog.string_agg('Art. ' || t.paragraph || ': ' || t.description, '; ' ORDER BY t.ordinal)
					FROM @extschema@.ai_act_art50_cases() AS t
					WHERE t.code = ANY (ai_act_scope.transparency)
					  AND (ai_act_scope.act_roles IS NULL OR t.role = ANY (ai_act_scope.act_roles)))
			   WHEN 'Art. 60' THEN 'Art. 60: the provider tests the system in real world conditions outside an AI regulatory sandbox'
			   WHEN 'Art. 61' THEN 'Art. 61: the provider tests the system in real world conditions outside an AI regulatory sandbox'
		   END AS fact_basis,
		   CASE obligation
			   WHEN 'Art. 27' THEN
				   NULLIF(pg_catalog.array_to_string(ARRAY[
					   CASE WHEN annex_iii IS NULL THEN 'the point of Annex III that lists the system (ai_act_annex_iii)' END,
					   CASE WHEN public_service IS NULL
								 AND (annex_iii IS NULL OR annex_iii NOT IN ('not_listed', '2', '5(b)', '5(c)'))
							THEN 'whether the deployer is a body governed by public law or a private entity providing public services (ai_act_public_service)' END],
					   '; '), '')
			   WHEN 'Art. 50' THEN
				   CASE WHEN transparency IS NULL THEN 'the cases of Art. 50 the system falls under (ai_act_transparency)' END
			   WHEN 'Art. 60' THEN
				   CASE WHEN real_world_testing IS NULL
						THEN 'whether the provider tests the system in real world conditions outside an AI regulatory sandbox (ai_act_real_world_testing)' END
			   WHEN 'Art. 61' THEN
				   CASE WHEN real_world_testing IS NULL
						THEN 'whether the provider tests the system in real world conditions outside an AI regulatory sandbox (ai_act_real_world_testing)' END
		   END AS fact_missing
	-- the roles the obligation binds for this system: Art. 50 binds each
	-- role in the cases of its own paragraphs only
	FROM (SELECT CASE
				   WHEN obligation = 'Art. 50' AND transparency IS NOT NULL
					   THEN ARRAY(SELECT u.r FROM pg_catalog.unnest(obligation_roles) WITH ORDINALITY AS u(r, n)
								  WHERE EXISTS (SELECT 1 FROM @extschema@.ai_act_art50_cases() AS t
												WHERE t.role = u.r AND t.code = ANY (ai_act_scope.transparency))
								  ORDER BY u.n)
				   ELSE obligation_roles
			   END AS roles) AS rl;
END;
COMMENT ON FUNCTION @extschema@.ai_act_scope(text, text[], text[], text, text[], text[], text, boolean, boolean) IS
'whether an EU AI Act obligation binds the organization for an AI system, by its risk class, its AI Act roles and the facts Art. 27, 50, 60 and 61 turn on (null: not recorded), with the roles it binds, what that rests on and what the record lacks; report_ai_act_gap calls it per system and obligation';

-- An obligation is in the report when none of the three tests says no: the
-- risk class (a recorded class says the system is within the Act), the
-- roles, and the facts Art. 27, 50, 60 and 61 turn on.  A test that cannot
-- be decided (null) makes the row to_be_determined: an unrecorded fact
-- never takes an obligation away.
CREATE VIEW @extschema@.report_ai_act_gap WITH (security_invoker = true) AS
SELECT a.org_id, o.name AS organization, a.system_id, a.name AS ai_system,
	   a.in_scope AS in_aims_scope,
	   coalesce(pg_catalog.array_to_string(a.ai_act_roles, ', '), 'not recorded') AS ai_act_roles,
	   ob.ref AS obligation, cl.title AS obligation_title, ob.ordinal AS obligation_rank,
	   sc.binding_roles,
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
	   coalesce(ctl.evidenced, 0) AS supporting_controls_evidenced,
	   coalesce(a.ai_act_risk_class, 'not recorded') AS ai_act_risk_class,
	   CASE WHEN sc.by_class AND sc.by_role AND sc.by_fact THEN 'yes' ELSE 'to_be_determined' END AS applies,
	   CASE
		   WHEN sc.by_class AND sc.by_role AND sc.by_fact THEN sc.fact_basis
		   ELSE 'not recorded: ' || pg_catalog.array_to_string(ARRAY[
				CASE WHEN sc.by_class IS NULL THEN 'the risk class (ai_act_risk_class)' END,
				CASE WHEN sc.by_role IS NULL THEN 'the AI Act roles (ai_act_roles)' END,
				sc.fact_missing], '; ')
	   END AS scope_basis
FROM @extschema@.ai_system a
JOIN @extschema@.organization o ON o.org_id = a.org_id
JOIN @extschema@.obligation ob ON ob.regulation = 'eu-ai-act:2024' AND ob.standard = 'iso42001:2023'
JOIN @extschema@.clause cl ON cl.standard = ob.regulation AND cl.number = ob.ref
CROSS JOIN LATERAL @extschema@.ai_act_scope(ob.ref, ob.roles, ob.risk_classes, a.ai_act_risk_class, a.ai_act_roles,
	a.ai_act_transparency, a.ai_act_annex_iii, a.ai_act_public_service, a.ai_act_real_world_testing) AS sc
-- The supporting controls of each obligation, per organization, grouped
-- and joined on org_id (not a lateral subquery), so that a filter on
-- org_id reaches the SoA and Citus routes the view to one shard.
LEFT JOIN (
	SELECT g.org_id, x.regulation, x.standard, x.ref,
		   count(*) AS supporting,
		   count(*) FILTER (WHERE s.decision = 'applicable') AS applicable,
		   count(*) FILTER (WHERE s.decision = 'applicable' AND s.implementation = 'implemented') AS implemented,
		   count(*) FILTER (WHERE s.decision = 'applicable' AND s.fitting_evidence > 0) AS evidenced,
		   pg_catalog.string_agg(x.control_id || ' ' ||
								 CASE WHEN s.control_id IS NULL THEN '(not in the SoA)'
									  ELSE '(' || s.decision || ', ' || s.implementation || ', '
										   || s.fitting_evidence || ' fitting evidence)' END,
								 '; ' ORDER BY c.ordinal) AS detail
	FROM @extschema@.organization g
	CROSS JOIN @extschema@.obligation_control x
	JOIN @extschema@.control c ON c.standard = x.standard AND c.control_id = x.control_id
	LEFT JOIN @extschema@.report_soa s
	  ON s.org_id = g.org_id AND s.standard = x.standard AND s.control_id = x.control_id
	GROUP BY g.org_id, x.regulation, x.standard, x.ref
) AS ctl ON ctl.org_id = a.org_id AND ctl.regulation = ob.regulation AND ctl.standard = ob.standard AND ctl.ref = ob.ref
WHERE sc.by_class IS NOT FALSE AND sc.by_role IS NOT FALSE AND sc.by_fact IS NOT FALSE;
COMMENT ON VIEW @extschema@.report_ai_act_gap IS 'Per AI system, each EU AI Act obligation that binds the organization for it (applies yes) or may bind it, the record not holding what decides it (applies to_be_determined), with the ISO 42001 clauses and controls that support it, their SoA status and evidence, and what ISO 42001 does not cover: ISO 42001 supports the AI Act, it never satisfies it';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.system_id IS 'The AI system';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.ai_system IS 'Its name';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.in_aims_scope IS 'Whether the system is in the AIMS scope; outside it, the ISO 42001 controls do not reach it, while the AI Act still binds';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.ai_act_roles IS 'The organization''s AI Act roles for the system, or not recorded (then every role''s obligations are listed, to be determined)';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.obligation IS 'Article or annex, such as Art. 9';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.obligation_title IS 'Its title';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.obligation_rank IS 'Position in the crosswalk, for sorting';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.binding_roles IS 'Which of the system''s roles the obligation binds (for Art. 50, by the system''s Art. 50 cases)';
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
COMMENT ON COLUMN @extschema@.report_ai_act_gap.ai_act_risk_class IS 'The system''s AI Act risk class, or not recorded (then every obligation is to be determined)';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.applies IS 'yes: the obligation binds the organization for the system; to_be_determined: it may, and the record lacks what decides it (scope_basis says what)';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.scope_basis IS 'For Art. 27, 50, 60 and 61 that apply, the case that makes them apply; for a row to be determined, what the record does not hold; null for an obligation that binds every system of its risk class and role';
GRANT SELECT ON @extschema@.report_ai_act_gap TO PUBLIC;

-- The constraints on the AI Act columns of ai_system hold whatever writes
-- the row; this trigger, which runs first, says what is wrong.
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
	IF NEW.ai_act_transparency IS NOT NULL THEN
		SELECT t INTO bad FROM pg_catalog.unnest(NEW.ai_act_transparency) AS t
		WHERE t IS NULL OR NOT EXISTS (SELECT FROM @extschema@.ai_act_art50_cases() AS c WHERE c.code OPERATOR(pg_catalog.=) t)
		LIMIT 1;
		IF FOUND THEN
			RAISE EXCEPTION 'invalid Art. 50 transparency case "%" for AI system "%"', coalesce(bad, 'null'), NEW.name
				USING ERRCODE = 'check_violation',
					DETAIL = 'The cases of Art. 50 are interacts_with_persons (50(1)), synthetic_content (50(2)), emotion_recognition and biometric_categorisation (50(3)), deep_fake and public_interest_text (50(4)).',
					HINT = 'List the cases that apply, {} when none does, or leave ai_act_transparency null until they are determined.',
					SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'ai_act_transparency',
					CONSTRAINT = 'ai_system_ai_act_transparency_check';
		END IF;
		-- The limited class is that of the systems Art. 50 binds and that
		-- are not high-risk; minimal, that of the systems it does not bind.
		IF NEW.ai_act_risk_class OPERATOR(pg_catalog.=) 'minimal'
		   AND pg_catalog.cardinality(NEW.ai_act_transparency) OPERATOR(pg_catalog.>) 0 THEN
			RAISE EXCEPTION 'minimal-risk AI system "%" cannot fall under Art. 50', NEW.name
				USING ERRCODE = 'check_violation',
					DETAIL = pg_catalog.format('A system with a transparency case of Art. 50 (%s) is limited-risk, or high-risk under Art. 6.',
											   pg_catalog.array_to_string(NEW.ai_act_transparency, ', ')),
					HINT = 'Classify the system limited or high, or set ai_act_transparency to {} if no case of Art. 50 applies.',
					SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'ai_act_transparency',
					CONSTRAINT = 'ai_system_ai_act_transparency_class_check';
		END IF;
		IF NEW.ai_act_risk_class OPERATOR(pg_catalog.=) 'limited'
		   AND pg_catalog.cardinality(NEW.ai_act_transparency) OPERATOR(pg_catalog.=) 0 THEN
			RAISE EXCEPTION 'limited-risk AI system "%" must fall under Art. 50', NEW.name
				USING ERRCODE = 'check_violation',
					DETAIL = 'The limited risk class is that of the systems Art. 50 binds, and ai_act_transparency is {}: no case of Art. 50 applies.',
					HINT = 'List the cases of Art. 50 that apply, leave ai_act_transparency null until they are determined, or classify the system minimal.',
					SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'ai_act_transparency',
					CONSTRAINT = 'ai_system_ai_act_transparency_class_check';
		END IF;
	END IF;
	IF NEW.ai_act_annex_iii IS NOT NULL
	   AND NEW.ai_act_annex_iii OPERATOR(pg_catalog.<>) ALL (ARRAY['1(a)', '1(b)', '1(c)', '2', '3(a)', '3(b)', '3(c)', '3(d)',
		   '4(a)', '4(b)', '5(a)', '5(b)', '5(c)', '5(d)', '6(a)', '6(b)', '6(c)', '6(d)', '6(e)', '7(a)', '7(b)', '7(c)',
		   '7(d)', '8(a)', '8(b)', 'not_listed']) THEN
		RAISE EXCEPTION 'invalid Annex III point "%" for AI system "%"', NEW.ai_act_annex_iii, NEW.name
			USING ERRCODE = 'check_violation',
				DETAIL = 'Annex III lists its systems under points 1(a) to 1(c), 2, 3(a) to 3(d), 4(a), 4(b), 5(a) to 5(d), 6(a) to 6(e), 7(a) to 7(d), 8(a) and 8(b); not_listed says no point lists the system.',
				HINT = 'Write the point as Annex III numbers it, such as 4(a) or 5(b), or leave ai_act_annex_iii null until it is determined.',
				SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'ai_act_annex_iii',
				CONSTRAINT = 'ai_system_ai_act_annex_iii_check';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.check_ai_act_classification() IS
'trigger: refuses an empty or unknown AI Act role, an unknown risk class, Art. 50 case or Annex III point of an AI system, and a risk class its Art. 50 cases contradict, explaining why';
CREATE TRIGGER ai_system_ai_act_check
	BEFORE INSERT OR UPDATE OF ai_act_roles, ai_act_risk_class, ai_act_transparency, ai_act_annex_iii ON @extschema@.ai_system
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_ai_act_classification();
