/* extension/pg_ims--1.0--1.1.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION pg_ims UPDATE TO '1.1'" to load this file. \quit

-- Every change below is also in pg_ims--1.1.sql, in the same order where
-- order shows (columns are appended); the upgrade test (scripts/check-upgrade.sh)
-- compares an updated 1.0 with a fresh 1.1.

----------------------------------------------------------------------------
-- OSCAL catalogs: control enhancements and display ids (docs/oscal.md)
----------------------------------------------------------------------------

ALTER TABLE @extschema@.control
	ADD COLUMN parent text,
	ADD COLUMN display_id text,
	ADD CONSTRAINT control_parent_fkey FOREIGN KEY (standard, parent)
		REFERENCES @extschema@.control (standard, control_id);
COMMENT ON COLUMN @extschema@.control.parent IS 'For a control enhancement (OSCAL: a control inside a control), the id of the control it enhances';
COMMENT ON COLUMN @extschema@.control.display_id IS 'Id as the catalog displays it when it differs from control_id: the OSCAL label prop, such as AC-2(1) for ac-2.1';

CREATE FUNCTION @extschema@.import_oscal_catalog(doc text, standard text) RETURNS integer
	AS 'MODULE_PATHNAME', 'oscal_catalog_import' LANGUAGE C STRICT VOLATILE;
COMMENT ON FUNCTION @extschema@.import_oscal_catalog(text, text) IS
'load the controls of a NIST OSCAL catalog (JSON) as the standard of the given code, all or nothing; returns the number of controls (docs/oscal.md)';
REVOKE ALL ON FUNCTION @extschema@.import_oscal_catalog(text, text) FROM PUBLIC;

----------------------------------------------------------------------------
-- The EU AI Act: each AI system's role and risk class (docs/ai-act.md)
----------------------------------------------------------------------------

ALTER TABLE @extschema@.ai_system
	ADD COLUMN ai_act_roles text[],
	ADD COLUMN ai_act_risk_class text,
	ADD CONSTRAINT ai_system_ai_act_roles_check
		CHECK (pg_catalog.cardinality(ai_act_roles) > 0
			   AND ai_act_roles OPERATOR(pg_catalog.<@) ARRAY['provider', 'deployer', 'importer', 'distributor']),
	ADD CONSTRAINT ai_system_ai_act_risk_class_check
		CHECK (ai_act_risk_class IN ('prohibited', 'high', 'limited', 'minimal'));
COMMENT ON COLUMN @extschema@.ai_system.ai_act_roles IS 'EU AI Act operator roles the organization holds for the system: provider, deployer, importer, distributor (one or more); null until classified';
COMMENT ON COLUMN @extschema@.ai_system.ai_act_risk_class IS 'EU AI Act risk class: prohibited, high, limited or minimal; null until classified';

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

----------------------------------------------------------------------------
-- Regulations: obligations and the items of a standard that support them
-- (the EU AI Act to ISO 42001 crosswalk; docs/ai-act.md)
----------------------------------------------------------------------------

CREATE TABLE @extschema@.obligation (
	regulation text NOT NULL,
	ref text NOT NULL,
	standard text NOT NULL,
	roles text[] NOT NULL,
	risk_classes text[] NOT NULL,
	coverage text NOT NULL,
	rationale text NOT NULL,
	not_covered text NOT NULL,
	provenance text NOT NULL,
	builtin boolean NOT NULL DEFAULT false,
	ordinal integer NOT NULL,
	CONSTRAINT obligation_pkey PRIMARY KEY (regulation, standard, ref),
	CONSTRAINT obligation_ref_fkey FOREIGN KEY (regulation, ref)
		REFERENCES @extschema@.clause (standard, number),
	CONSTRAINT obligation_standard_fkey FOREIGN KEY (standard) REFERENCES @extschema@.standard (code),
	CONSTRAINT obligation_roles_check
		CHECK (pg_catalog.cardinality(roles) > 0
			   AND roles OPERATOR(pg_catalog.<@) ARRAY['provider', 'deployer', 'importer', 'distributor']),
	CONSTRAINT obligation_risk_classes_check
		CHECK (pg_catalog.cardinality(risk_classes) > 0
			   AND risk_classes OPERATOR(pg_catalog.<@) ARRAY['prohibited', 'high', 'limited', 'minimal']),
	CONSTRAINT obligation_coverage_check CHECK (coverage IN ('partial', 'weak', 'none'))
);
COMMENT ON TABLE @extschema@.obligation IS 'Obligations of a regulation (its articles and annexes, rows of ims.clause) and how far a standard supports each: a standard supports a legal obligation, it never satisfies it';
COMMENT ON COLUMN @extschema@.obligation.regulation IS 'Code of the regulation, such as eu-ai-act:2024';
COMMENT ON COLUMN @extschema@.obligation.ref IS 'Article or annex, a clause number of the regulation, such as Art. 9';
COMMENT ON COLUMN @extschema@.obligation.standard IS 'The standard whose clauses and controls support the obligation, such as iso42001:2023';
COMMENT ON COLUMN @extschema@.obligation.roles IS 'Operators the obligation binds: provider, deployer, importer, distributor';
COMMENT ON COLUMN @extschema@.obligation.risk_classes IS 'Risk classes of AI system it applies to: prohibited, high, limited, minimal';
COMMENT ON COLUMN @extschema@.obligation.coverage IS 'How far the standard supports it: partial, weak or none (never full)';
COMMENT ON COLUMN @extschema@.obligation.rationale IS 'Why the supporting items support it and where they stop';
COMMENT ON COLUMN @extschema@.obligation.not_covered IS 'What the regulation requires here that the standard does not cover';
COMMENT ON COLUMN @extschema@.obligation.provenance IS 'Where the pairing comes from and who reviewed it';
COMMENT ON COLUMN @extschema@.obligation.builtin IS 'True for the crosswalk shipped with pg_ims';
COMMENT ON COLUMN @extschema@.obligation.ordinal IS 'Position in the crosswalk document';

CREATE TABLE @extschema@.obligation_clause (
	regulation text NOT NULL,
	ref text NOT NULL,
	standard text NOT NULL,
	clause text NOT NULL,
	builtin boolean NOT NULL DEFAULT false,
	CONSTRAINT obligation_clause_pkey PRIMARY KEY (regulation, standard, ref, clause),
	CONSTRAINT obligation_clause_obligation_fkey FOREIGN KEY (regulation, standard, ref)
		REFERENCES @extschema@.obligation (regulation, standard, ref),
	CONSTRAINT obligation_clause_clause_fkey FOREIGN KEY (standard, clause)
		REFERENCES @extschema@.clause (standard, number)
);
COMMENT ON TABLE @extschema@.obligation_clause IS 'Clauses of the standard that support an obligation';
COMMENT ON COLUMN @extschema@.obligation_clause.regulation IS 'Code of the regulation';
COMMENT ON COLUMN @extschema@.obligation_clause.ref IS 'The obligation (article or annex)';
COMMENT ON COLUMN @extschema@.obligation_clause.standard IS 'The supporting standard';
COMMENT ON COLUMN @extschema@.obligation_clause.clause IS 'A supporting clause of the standard, such as 6.1.4';
COMMENT ON COLUMN @extschema@.obligation_clause.builtin IS 'True for the crosswalk shipped with pg_ims';

CREATE TABLE @extschema@.obligation_control (
	regulation text NOT NULL,
	ref text NOT NULL,
	standard text NOT NULL,
	control_id text NOT NULL,
	builtin boolean NOT NULL DEFAULT false,
	CONSTRAINT obligation_control_pkey PRIMARY KEY (regulation, standard, ref, control_id),
	CONSTRAINT obligation_control_obligation_fkey FOREIGN KEY (regulation, standard, ref)
		REFERENCES @extschema@.obligation (regulation, standard, ref),
	CONSTRAINT obligation_control_control_fkey FOREIGN KEY (standard, control_id)
		REFERENCES @extschema@.control (standard, control_id)
);
COMMENT ON TABLE @extschema@.obligation_control IS 'Controls of the standard that support an obligation';
COMMENT ON COLUMN @extschema@.obligation_control.regulation IS 'Code of the regulation';
COMMENT ON COLUMN @extschema@.obligation_control.ref IS 'The obligation (article or annex)';
COMMENT ON COLUMN @extschema@.obligation_control.standard IS 'The supporting standard';
COMMENT ON COLUMN @extschema@.obligation_control.control_id IS 'A supporting control of the standard, such as A.5.2';
COMMENT ON COLUMN @extschema@.obligation_control.builtin IS 'True for the crosswalk shipped with pg_ims';

CREATE INDEX obligation_control_control_idx ON @extschema@.obligation_control (standard, control_id);

SELECT pg_catalog.pg_extension_config_dump('@extschema@.obligation', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.obligation_clause', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.obligation_control', 'WHERE NOT builtin');

GRANT SELECT ON @extschema@.obligation, @extschema@.obligation_clause, @extschema@.obligation_control TO PUBLIC;

CREATE FUNCTION @extschema@.import_crosswalk(doc text) RETURNS integer
	AS 'MODULE_PATHNAME', 'crosswalk_import' LANGUAGE C STRICT VOLATILE;
COMMENT ON FUNCTION @extschema@.import_crosswalk(text) IS
'load a crosswalk from a regulation to a standard, both loaded (docs/catalog-format.md), all or nothing; returns the number of obligations';
REVOKE ALL ON FUNCTION @extschema@.import_crosswalk(text) FROM PUBLIC;

-- The shipped regulation and crosswalk, loaded by the same C code as
-- ims.import_catalog() and ims.import_crosswalk().
CREATE FUNCTION @extschema@.load_builtin_catalog(file text, mapping boolean) RETURNS text
	AS 'MODULE_PATHNAME', 'catalog_load_builtin' LANGUAGE C STRICT VOLATILE;
CREATE FUNCTION @extschema@.load_builtin_crosswalk(file text) RETURNS text
	AS 'MODULE_PATHNAME', 'crosswalk_load_builtin' LANGUAGE C STRICT VOLATILE;
SELECT @extschema@.load_builtin_catalog('eu-ai-act-2024.json', false);
SELECT @extschema@.load_builtin_crosswalk('crosswalk-euaiact-42001.json');
DROP FUNCTION @extschema@.load_builtin_catalog(text, boolean);
DROP FUNCTION @extschema@.load_builtin_crosswalk(text);

----------------------------------------------------------------------------
-- OSCAL system security plan
----------------------------------------------------------------------------

CREATE FUNCTION @extschema@.export_oscal_ssp(org_id bigint) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'oscal_ssp_export'
	LANGUAGE C STABLE STRICT
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.export_oscal_ssp(bigint) IS
'the live SoA of an organization as an OSCAL 1.0.6 system security plan (JSON built with cJSON): one implemented-requirement per applicable control, standard-qualified ids (docs/oscal.md)';

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
		   ELSE 'controls_in_place'
	   END AS status,
	   CASE ob.coverage
		   WHEN 'none' THEN 'ISO 42001 does not cover ' || ob.ref || '.'
		   ELSE 'ISO 42001 supports ' || ob.ref || ' (' || ob.coverage || ') but does not satisfy it.'
	   END AS iso42001_statement,
	   ob.not_covered, ob.rationale
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
COMMENT ON COLUMN @extschema@.report_ai_act_gap.controls_applicable IS 'How many of them the SoA decides applicable';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.controls_implemented IS 'How many of those are implemented';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.controls_evidenced IS 'How many of those have current evidence of a fitting kind';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.status IS 'not_covered, outside_aims_scope, clauses_only (supported by management-system clauses, no control), controls_not_applied, controls_not_implemented, controls_without_evidence or controls_in_place (the legal obligation remains open in every case)';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.iso42001_statement IS 'One sentence: ISO 42001 supports but does not satisfy the obligation, or does not cover it';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.not_covered IS 'What the AI Act requires here that ISO 42001 does not cover';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.rationale IS 'Why the supporting items support the obligation and where they stop';
GRANT SELECT ON @extschema@.report_ai_act_gap TO PUBLIC;

----------------------------------------------------------------------------
-- Fix: init_soa and approve_soa lock the organization FOR NO KEY UPDATE,
-- so that they no longer block the foreign-key checks of inserts into the
-- organization's record (an approval could deadlock with an editor)
----------------------------------------------------------------------------

-- init_soa and approve_soa lock the organization row FOR NO KEY UPDATE, not
-- FOR UPDATE: the foreign keys of the record tables take KEY SHARE on it,
-- which FOR UPDATE blocks; an editor who holds a share lock on the draft
-- (soa_entry_guard) and then inserts evidence would deadlock with an
-- approval waiting for that lock (specs/approve_soa.spec).
CREATE OR REPLACE FUNCTION @extschema@.init_soa(org_id bigint) RETURNS bigint
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	draft record;
	approved_id bigint;
	next_version integer;
	new_id bigint;
BEGIN
	PERFORM @extschema@.require_org_access(org_id, 'edit');

	-- Two sessions starting a draft for one organization queue here.
	PERFORM 1 FROM @extschema@.organization o
	WHERE o.org_id OPERATOR(pg_catalog.=) init_soa.org_id FOR NO KEY UPDATE;

	SELECT s.soa_id, s.version INTO draft FROM @extschema@.soa s
	WHERE s.org_id OPERATOR(pg_catalog.=) init_soa.org_id AND s.status OPERATOR(pg_catalog.=) 'draft';
	IF FOUND THEN
		RAISE NOTICE 'organization % already has a draft Statement of Applicability, version %',
			org_id, draft.version
			USING HINT = 'Edit that draft, or approve it with ims.approve_soa().';
		RETURN draft.soa_id;
	END IF;

	SELECT s.soa_id INTO approved_id FROM @extschema@.soa s
	WHERE s.org_id OPERATOR(pg_catalog.=) init_soa.org_id AND s.status OPERATOR(pg_catalog.=) 'approved';
	SELECT COALESCE(max(s.version), 0) OPERATOR(pg_catalog.+) 1 INTO next_version
	FROM @extschema@.soa s WHERE s.org_id OPERATOR(pg_catalog.=) init_soa.org_id;

	INSERT INTO @extschema@.soa (org_id, version) VALUES (init_soa.org_id, next_version)
	RETURNING soa.soa_id INTO new_id;

	-- One entry per control of every standard in scope; decisions of the
	-- approved version carry over, controls new since then start undecided.
	INSERT INTO @extschema@.soa_entry
		(org_id, soa_id, standard, control_id, applicability, justification, implementation, owner)
	SELECT init_soa.org_id, new_id, c.standard, c.control_id,
		   COALESCE(p.applicability, 'undecided'), p.justification,
		   COALESCE(p.implementation, 'not_started'), p.owner
	FROM @extschema@.organization o
	JOIN @extschema@.control c ON c.standard OPERATOR(pg_catalog.=) ANY (o.standards)
	LEFT JOIN @extschema@.soa_entry p
		ON p.org_id OPERATOR(pg_catalog.=) o.org_id
	   AND p.soa_id OPERATOR(pg_catalog.=) approved_id
	   AND p.standard OPERATOR(pg_catalog.=) c.standard
	   AND p.control_id OPERATOR(pg_catalog.=) c.control_id
	WHERE o.org_id OPERATOR(pg_catalog.=) init_soa.org_id;

	RETURN new_id;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.approve_soa(org_id bigint, approver text) RETURNS text
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	draft record;
	new_digest text;
BEGIN
	IF approver IS NULL OR pg_catalog.btrim(approver) OPERATOR(pg_catalog.=) '' THEN
		RAISE EXCEPTION 'approver must not be empty'
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Name the person or body that approves the SoA, such as the management board.';
	END IF;
	PERFORM @extschema@.require_org_access(approve_soa.org_id, 'approve');

	-- One approval, or init_soa, at a time per organization.
	PERFORM 1 FROM @extschema@.organization o
	WHERE o.org_id OPERATOR(pg_catalog.=) approve_soa.org_id FOR NO KEY UPDATE;
	-- Edits of the draft hold a share lock on it: wait for them to finish.
	SELECT s.soa_id, s.version INTO draft FROM @extschema@.soa s
	WHERE s.org_id OPERATOR(pg_catalog.=) approve_soa.org_id AND s.status OPERATOR(pg_catalog.=) 'draft'
	FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'organization % has no draft Statement of Applicability to approve', org_id
			USING ERRCODE = 'object_not_in_prerequisite_state',
				HINT = 'Create one with ims.init_soa(); it carries the decisions of the approved version over.';
	END IF;

	approver := pg_catalog.btrim(approver);
	new_digest := @extschema@.soa_digest(approve_soa.org_id, draft.soa_id, approver);
	UPDATE @extschema@.soa s SET status = 'superseded'
	WHERE s.org_id OPERATOR(pg_catalog.=) approve_soa.org_id AND s.status OPERATOR(pg_catalog.=) 'approved';
	-- The soa_guard trigger checks the capability, the findings and the digest.
	UPDATE @extschema@.soa s
	SET status = 'approved', approved_by = approver, approved_at = pg_catalog.now(), digest = new_digest
	WHERE s.org_id OPERATOR(pg_catalog.=) approve_soa.org_id
	  AND s.soa_id OPERATOR(pg_catalog.=) draft.soa_id;
	RETURN new_digest;
END
$$;

----------------------------------------------------------------------------
-- Fix: grant_access and revoke_access name the role as pg_get_userbyid()
-- does; regrole's text form quotes names with capitals or punctuation
----------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION @extschema@.grant_access(org_id bigint, member regrole, capability text) RETURNS void
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF grant_access.member IS NULL OR grant_access.capability IS NULL THEN
		RAISE EXCEPTION 'member and capability must not be null'
			USING ERRCODE = 'null_value_not_allowed',
				HINT = 'Name an existing role and one of read, edit, approve.';
	END IF;
	IF grant_access.capability NOT IN ('read', 'edit', 'approve') THEN
		RAISE EXCEPTION 'invalid capability "%"', grant_access.capability
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Capabilities are read, edit and approve; each includes the ones before it.';
	END IF;
	PERFORM @extschema@.require_org_access(org_id, 'approve');
	INSERT INTO @extschema@.org_access AS a (org_id, member, capability)
	VALUES (grant_access.org_id, pg_catalog.pg_get_userbyid(grant_access.member), grant_access.capability)
	ON CONFLICT ON CONSTRAINT org_access_pkey DO UPDATE
		SET capability = EXCLUDED.capability, granted_by = CURRENT_USER, granted_at = pg_catalog.now();
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.revoke_access(org_id bigint, member regrole, capability text DEFAULT 'read') RETURNS void
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	lower_capability text;
BEGIN
	IF revoke_access.member IS NULL OR revoke_access.capability IS NULL THEN
		RAISE EXCEPTION 'member and capability must not be null'
			USING ERRCODE = 'null_value_not_allowed',
				HINT = 'Name an existing role and one of read, edit, approve.';
	END IF;
	IF revoke_access.capability NOT IN ('read', 'edit', 'approve') THEN
		RAISE EXCEPTION 'invalid capability "%"', revoke_access.capability
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Capabilities are read, edit and approve; revoking read removes all access.';
	END IF;
	PERFORM @extschema@.require_org_access(revoke_access.org_id, 'approve');
	lower_capability := CASE revoke_access.capability WHEN 'approve' THEN 'edit' WHEN 'edit' THEN 'read' END;
	IF lower_capability IS NULL THEN
		DELETE FROM @extschema@.org_access a
		WHERE a.org_id OPERATOR(pg_catalog.=) revoke_access.org_id
		  AND a.member OPERATOR(pg_catalog.=) pg_catalog.pg_get_userbyid(revoke_access.member);
	ELSE
		-- revoking a capability leaves the one below it, if the role had more
		UPDATE @extschema@.org_access a
		SET capability = lower_capability, granted_by = CURRENT_USER, granted_at = pg_catalog.now()
		WHERE a.org_id OPERATOR(pg_catalog.=) revoke_access.org_id
		  AND a.member OPERATOR(pg_catalog.=) pg_catalog.pg_get_userbyid(revoke_access.member)
		  AND CASE a.capability WHEN 'read' THEN 1 WHEN 'edit' THEN 2 WHEN 'approve' THEN 3 END
			  OPERATOR(pg_catalog.>=)
			  CASE revoke_access.capability WHEN 'read' THEN 1 WHEN 'edit' THEN 2 WHEN 'approve' THEN 3 END;
	END IF;
END
$$;

----------------------------------------------------------------------------
-- Row-level security at the cost of one lookup per statement, not per row:
-- the policies compare org_id with ims.accessible_orgs(), computed once;
-- ims.has_org_access() asks it too and is no longer a security definer
----------------------------------------------------------------------------

-- The organizations on which a role holds a capability.  SECURITY DEFINER
-- because the row-level security of ims.org_access itself calls it.  The
-- role asked about defaults to the caller; a caller may ask only about a
-- role its session could SET ROLE to, so no one probes another's access.
-- The policies call it once per statement, as an uncorrelated subquery
-- (an InitPlan), and compare org_id with the array, which an index on
-- org_id serves: a function called for every row made reads by members
-- some thirty times slower than by the superuser (bench/load.sh).
CREATE FUNCTION @extschema@.accessible_orgs(capability text, member name DEFAULT CURRENT_USER)
	RETURNS bigint[]
	LANGUAGE plpgsql STABLE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	wanted integer := CASE capability WHEN 'read' THEN 1 WHEN 'edit' THEN 2 WHEN 'approve' THEN 3 END;
BEGIN
	IF wanted IS NULL THEN
		RAISE EXCEPTION 'invalid capability "%"', capability
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Capabilities are read, edit and approve.';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
				   WHERE r.rolname OPERATOR(pg_catalog.=) member
					 AND pg_catalog.pg_has_role(SESSION_USER, r.oid, 'MEMBER')) THEN
		RETURN '{}';
	END IF;
	RETURN ARRAY(
		SELECT DISTINCT a.org_id
		FROM @extschema@.org_access a
		JOIN pg_catalog.pg_roles r ON r.rolname OPERATOR(pg_catalog.=) a.member
		WHERE pg_catalog.pg_has_role(accessible_orgs.member, r.oid, 'USAGE')
		  AND CASE a.capability WHEN 'read' THEN 1 WHEN 'edit' THEN 2 WHEN 'approve' THEN 3 END
			  OPERATOR(pg_catalog.>=) wanted
		ORDER BY a.org_id);
END
$$;
COMMENT ON FUNCTION @extschema@.accessible_orgs(text, name) IS
'the organizations on which a role (by default the caller) holds read, edit or approve, directly or through a role it inherits; what the row-level security policies compare org_id with';

-- Whether a role holds a capability on one organization.  (CREATE OR
-- REPLACE keeps the function's privileges; SECURITY INVOKER undoes the
-- SECURITY DEFINER of 1.0.)
CREATE OR REPLACE FUNCTION @extschema@.has_org_access(org_id bigint, capability text, member name DEFAULT CURRENT_USER)
	RETURNS boolean
	LANGUAGE plpgsql STABLE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN has_org_access.org_id OPERATOR(pg_catalog.=) ANY (@extschema@.accessible_orgs(capability, member));
END
$$;
COMMENT ON FUNCTION @extschema@.has_org_access(bigint, text, name) IS
'whether a role (by default the caller) holds read, edit or approve on an organization, directly or through a role it inherits';

DO $$
DECLARE
	t text;
	can_read text := 'org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs(''read''))::bigint[])';
	can_edit text := 'org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs(''edit''))::bigint[])';
	can_approve text := 'org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs(''approve''))::bigint[])';
BEGIN
	FOREACH t IN ARRAY ARRAY['document', 'ai_system', 'risk', 'risk_control', 'impact_assessment',
							 'soa', 'soa_entry', 'evidence', 'auditor', 'internal_audit',
							 'management_review', 'certification_body']
	LOOP
		EXECUTE format('ALTER POLICY %I ON @extschema@.%I USING (%s)', t || '_read', t, can_read);
		EXECUTE format('ALTER POLICY %I ON @extschema@.%I WITH CHECK (%s)', t || '_insert', t, can_edit);
		EXECUTE format('ALTER POLICY %I ON @extschema@.%I USING (%s) WITH CHECK (%s)', t || '_update', t, can_edit, can_edit);
		EXECUTE format('ALTER POLICY %I ON @extschema@.%I USING (%s)', t || '_delete', t, can_edit);
	END LOOP;
	EXECUTE format('ALTER POLICY organization_read ON @extschema@.organization USING (%s)', can_read);
	EXECUTE format('ALTER POLICY organization_update ON @extschema@.organization USING (%s) WITH CHECK (%s)', can_edit, can_edit);
	EXECUTE format('ALTER POLICY org_access_read ON @extschema@.org_access USING (%s)', can_read);
	EXECUTE format('ALTER POLICY org_access_insert ON @extschema@.org_access WITH CHECK (%s)', can_approve);
	EXECUTE format('ALTER POLICY org_access_update ON @extschema@.org_access USING (%s) WITH CHECK (%s)', can_approve, can_approve);
	EXECUTE format('ALTER POLICY org_access_delete ON @extschema@.org_access USING (%s)', can_approve);
END
$$;
