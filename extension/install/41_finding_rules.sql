/* extension/install/41_finding_rules.sql */

----------------------------------------------------------------------------
-- The finding rules of SPEC section 7, one SQL function each (docs/findings.md)
--
-- Each rule takes the organizations to check and returns one row per
-- finding: org_id, severity (NULL: the rule's own), the standard and the
-- object found wanting (ref), and up to two facts for its message.  It is
-- one set-based query over every organization asked for at once, so the
-- cost grows with the data, not with the number of organizations times the
-- number of rules.  It runs as the caller: row-level security limits it to
-- the organizations the caller may read.  ims.evaluate_findings()
-- (src/findings.c) runs the rules of ims.finding_rule, writes the messages
-- and sorts the findings in an order that no collation changes.
--
-- Rules are LANGUAGE sql with a BEGIN ATOMIC body: names are bound when the
-- rule is created, whatever search_path runs it, and the planner inlines
-- the rule into the driver's query, so it plans for the actual
-- organizations.  \sf ims.rule_soa004 shows a rule; run one with
-- SELECT * FROM ims.rule_soa004(ARRAY[1]).  Lists inside messages are
-- ordered with COLLATE "C" so that they do not depend on a collation either.
----------------------------------------------------------------------------

CREATE TABLE @extschema@.finding_rule (
	code text NOT NULL,
	severity text NOT NULL,
	scope text NOT NULL,
	rule_function text NOT NULL,
	message text NOT NULL,
	hint text NOT NULL,
	CONSTRAINT finding_rule_pkey PRIMARY KEY (code),
	CONSTRAINT finding_rule_function_key UNIQUE (rule_function),
	CONSTRAINT finding_rule_code_check CHECK (code ~ '^[A-Z]{3}[0-9]{3}$'),
	CONSTRAINT finding_rule_severity_check CHECK (severity IN ('major', 'minor', 'observation')),
	CONSTRAINT finding_rule_scope_check CHECK (scope IN ('soa', 'system')),
	CONSTRAINT finding_rule_function_check CHECK (rule_function ~ '^rule_[a-z]{3}[0-9]{3}$')
);
COMMENT ON TABLE @extschema@.finding_rule IS
'The rules of the validator (docs/findings.md): each code with its severity, its scope, the function that finds its rows, and its message and hint';
COMMENT ON COLUMN @extschema@.finding_rule.code IS 'Finding code, such as SOA004';
COMMENT ON COLUMN @extschema@.finding_rule.severity IS 'major, minor or observation: the severity of its findings unless the rule''s function gives another for a row';
COMMENT ON COLUMN @extschema@.finding_rule.scope IS 'soa: a rule on the SoA, also run by ims.validate_soa() and before an approval; system: a rule on the rest of the management system';
COMMENT ON COLUMN @extschema@.finding_rule.rule_function IS 'The function of schema ims that finds the rule''s rows, taking the organizations as bigint[]';
COMMENT ON COLUMN @extschema@.finding_rule.message IS 'What is wrong; {ref}, {1} and {2} stand for the ref, arg1 and arg2 of the rule''s row';
COMMENT ON COLUMN @extschema@.finding_rule.hint IS 'What to do about it';
GRANT SELECT ON @extschema@.finding_rule TO PUBLIC;

-- What several rules start from, written once.  Like the rules, these are
-- inlined into the query that calls them.

CREATE FUNCTION @extschema@.standard_labels(codes text[]) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT string_agg(@extschema@.standard_label(x), ' and ' ORDER BY x COLLATE "C") FROM unnest(codes) AS x;
END;
COMMENT ON FUNCTION @extschema@.standard_labels(text[]) IS
'the short names of standards for a message, in code order: {iso27001:2022,iso42001:2023} gives ISO 27001 and ISO 42001';

CREATE FUNCTION @extschema@.live_soa(org_ids bigint[])
	RETURNS TABLE (org_id bigint, soa_id bigint, version integer, status text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT DISTINCT ON (s.org_id) s.org_id, s.soa_id, s.version, s.status
	FROM @extschema@.soa s JOIN @extschema@.organization o USING (org_id)
	WHERE o.org_id = ANY (org_ids) AND s.status IN ('draft', 'approved')
	ORDER BY s.org_id, s.status = 'draft' DESC;
END;
COMMENT ON FUNCTION @extschema@.live_soa(bigint[]) IS
'the live SoA version of each of the organizations the caller can see: its draft, or else its approved version';

CREATE FUNCTION @extschema@.latest_impact_assessment(org_ids bigint[])
	RETURNS SETOF @extschema@.impact_assessment
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT DISTINCT ON (i.org_id, i.system_id) i.*
	FROM @extschema@.impact_assessment i JOIN @extschema@.organization o USING (org_id)
	WHERE o.org_id = ANY (org_ids)
	ORDER BY i.org_id, i.system_id, i.assessed_on DESC, i.assessment_id DESC;
END;
COMMENT ON FUNCTION @extschema@.latest_impact_assessment(bigint[]) IS
'the latest impact assessment of each AI system of the organizations the caller can see';

CREATE FUNCTION @extschema@.rule_int001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, CASE WHEN o.integration_model = 'bolt_on' THEN 'major' END, NULL, o.name,
	       o.integration_model, NULL
	FROM @extschema@.organization o WHERE o.org_id = ANY (org_ids) AND o.integration_model <> 'structural_extension';
END;
COMMENT ON FUNCTION @extschema@.rule_int001(bigint[]) IS
'finding rule INT001 of ims.finding_rule: the rows behind "the integration model is {1}: ISO 42001 is not run as an extension of the ISMS" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('INT001', 'minor', 'system', 'rule_int001',
	 'the integration model is {1}: ISO 42001 is not run as an extension of the ISMS',
	 'Extend the ISMS structurally (one scope, one owner, one risk process, one SoA, one audit cycle, one management review) and set integration_model to structural_extension.');

CREATE FUNCTION @extschema@.rule_int002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, NULL, NULL, o.name, NULL, NULL FROM @extschema@.organization o WHERE o.org_id = ANY (org_ids) AND coalesce(btrim(o.ims_owner), '') = '';
END;
COMMENT ON FUNCTION @extschema@.rule_int002(bigint[]) IS
'finding rule INT002 of ims.finding_rule: the rows behind "no single owner is named for the integrated management system" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('INT002', 'minor', 'system', 'rule_int002',
	 'no single owner is named for the integrated management system',
	 'Name one person accountable for both standards in organization.ims_owner, with authority over the security and the AI teams (clause 5.3).');

CREATE FUNCTION @extschema@.rule_int003(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT d.org_id, NULL, NULL, d.topic, d.topic,
	       string_agg(format('"%s" (%s)', d.title, @extschema@.standard_label(d.covers[1])), ', '
	                  ORDER BY d.title COLLATE "C")
	FROM @extschema@.document d JOIN @extschema@.organization o USING (org_id)
	WHERE o.org_id = ANY (org_ids) AND cardinality(d.covers) = 1 AND d.kind <> 'record'
	GROUP BY d.org_id, d.topic HAVING count(DISTINCT d.covers[1]) > 1;
END;
COMMENT ON FUNCTION @extschema@.rule_int003(bigint[]) IS
'finding rule INT003 of ims.finding_rule: the rows behind "{1} is documented separately for each standard: {2}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('INT003', 'minor', 'system', 'rule_int003',
	 '{1} is documented separately for each standard: {2}',
	 'Merge them into one document that covers both standards, with the AI-specific steps as a section of it.');

CREATE FUNCTION @extschema@.rule_int004(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH clause_topic AS (SELECT DISTINCT ON (topic) topic, clause FROM @extschema@.clause_topic
	                      WHERE clause ~ '^(7|8|9|10)(\.|$)'
	                      ORDER BY topic, position('.' IN clause) = 0, length(clause), clause)
	SELECT d.org_id, NULL, 'iso27001:2022', d.title, t.clause, d.kind
	FROM @extschema@.document d JOIN clause_topic t USING (topic)
	WHERE d.org_id = ANY (org_ids) AND d.kind <> 'record'
	  AND EXISTS (SELECT 1 FROM @extschema@.organization o WHERE o.org_id = d.org_id
	              AND 'iso42001:2023' = ANY (o.standards))
	  AND 'iso27001:2022' = ANY (d.covers) AND NOT 'iso42001:2023' = ANY (d.covers)
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.document x WHERE x.org_id = d.org_id
	                  AND x.topic = d.topic AND 'iso42001:2023' = ANY (x.covers));
END;
COMMENT ON FUNCTION @extschema@.rule_int004(bigint[]) IS
'finding rule INT004 of ims.finding_rule: the rows behind "the clause {1} {2} "{ref}" covers ISO 27001 only: it was not extended to the AIMS scope" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('INT004', 'minor', 'system', 'rule_int004',
	 'the clause {1} {2} "{ref}" covers ISO 27001 only: it was not extended to the AIMS scope',
	 'Add the AIMS scope to it (ims.clause_mapping gives the action for the clause) and add iso42001:2023 to its covers.');

CREATE FUNCTION @extschema@.rule_int005(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT r.org_id, NULL, NULL,
	       string_agg(DISTINCT r.register COLLATE "C", ', ' ORDER BY r.register COLLATE "C"),
	       count(DISTINCT r.register)::text, NULL
	FROM @extschema@.risk r JOIN @extschema@.organization o USING (org_id)
	WHERE o.org_id = ANY (org_ids) GROUP BY r.org_id HAVING count(DISTINCT r.register) > 1;
END;
COMMENT ON FUNCTION @extschema@.rule_int005(bigint[]) IS
'finding rule INT005 of ims.finding_rule: the rows behind "{1} risk registers are kept: {ref}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('INT005', 'minor', 'system', 'rule_int005',
	 '{1} risk registers are kept: {ref}',
	 'Keep one risk register for information security and AI risks; the risk_type of each risk tells them apart.');

CREATE FUNCTION @extschema@.rule_rsk001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT s.org_id, NULL, 'iso42001:2023', s.name, NULL, NULL
	FROM @extschema@.ai_system s JOIN @extschema@.organization o USING (org_id)
	WHERE o.org_id = ANY (org_ids) AND s.in_scope AND s.lifecycle_stage <> 'retired'
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.risk r WHERE r.org_id = s.org_id
	                  AND r.ai_system_id = s.system_id AND @extschema@.risk_domain(r.risk_type) = 'ai');
END;
COMMENT ON FUNCTION @extschema@.rule_rsk001(bigint[]) IS
'finding rule RSK001 of ims.finding_rule: the rows behind "the AI system "{ref}" has no risk of an AI type" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('RSK001', 'major', 'system', 'rule_rsk001',
	 'the AI system "{ref}" has no risk of an AI type',
	 'Assess its AI risks (ISO 42001 6.1.2): harms to individuals, groups and society, fairness, transparency, robustness; record them in the one register with their risk_type.');

CREATE FUNCTION @extschema@.rule_rsk002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT r.org_id, NULL, NULL, r.title,
	       concat_ws(' and ', CASE WHEN r.treatment IS NULL THEN 'no treatment' END,
	                 CASE WHEN coalesce(btrim(r.owner), '') = '' THEN 'no owner' END), NULL
	FROM @extschema@.risk r JOIN @extschema@.organization o USING (org_id)
	WHERE o.org_id = ANY (org_ids) AND (r.treatment IS NULL OR coalesce(btrim(r.owner), '') = '');
END;
COMMENT ON FUNCTION @extschema@.rule_rsk002(bigint[]) IS
'finding rule RSK002 of ims.finding_rule: the rows behind "the risk "{ref}" has {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('RSK002', 'minor', 'system', 'rule_rsk002',
	 'the risk "{ref}" has {1}',
	 'Decide its treatment (mitigate, accept, avoid or transfer) and name its owner (clause 6.1.3).');

CREATE FUNCTION @extschema@.rule_aia001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT s.org_id, NULL, 'iso42001:2023', s.name, NULL, NULL
	FROM @extschema@.ai_system s JOIN @extschema@.organization o USING (org_id)
	WHERE o.org_id = ANY (org_ids) AND s.in_scope AND s.lifecycle_stage <> 'retired'
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.impact_assessment i
	                  WHERE i.org_id = s.org_id AND i.system_id = s.system_id);
END;
COMMENT ON FUNCTION @extschema@.rule_aia001(bigint[]) IS
'finding rule AIA001 of ims.finding_rule: the rows behind "the AI system "{ref}" has no impact assessment" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('AIA001', 'major', 'system', 'rule_aia001',
	 'the AI system "{ref}" has no impact assessment',
	 'Assess its impacts on individuals, groups and society before it is deployed and at planned intervals (ISO 42001 6.1.4, 8.4, A.5.2).');

CREATE FUNCTION @extschema@.rule_aia002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH latest AS (SELECT * FROM @extschema@.latest_impact_assessment(org_ids))
	SELECT s.org_id, CASE WHEN l.assessed_on < s.last_significant_change THEN 'major' END,
	       'iso42001:2023', s.name,
	       CASE WHEN l.assessed_on < s.last_significant_change
	            THEN format('it was made on %s, before the system''s last significant change on %s',
	                        to_char(l.assessed_on, 'YYYY-MM-DD'), to_char(s.last_significant_change, 'YYYY-MM-DD'))
	            ELSE format('its review was due on %s', to_char(l.next_review, 'YYYY-MM-DD')) END, NULL
	FROM latest l JOIN @extschema@.ai_system s ON s.org_id = l.org_id AND s.system_id = l.system_id
	WHERE s.in_scope AND s.lifecycle_stage <> 'retired'
	  AND (l.assessed_on < s.last_significant_change OR l.next_review < current_date);
END;
COMMENT ON FUNCTION @extschema@.rule_aia002(bigint[]) IS
'finding rule AIA002 of ims.finding_rule: the rows behind "the impact assessment of "{ref}" is out of date: {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('AIA002', 'minor', 'system', 'rule_aia002',
	 'the impact assessment of "{ref}" is out of date: {1}',
	 'Reassess the system, record the new assessment, and set the date of its next review (ISO 42001 8.4).');

CREATE FUNCTION @extschema@.rule_aia003(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH latest AS (SELECT * FROM @extschema@.latest_impact_assessment(org_ids))
	SELECT s.org_id, NULL, 'iso42001:2023', s.name,
	       concat_ws(', ', CASE WHEN coalesce(btrim(l.individuals), '') = '' THEN 'impacts on individuals' END,
	                 CASE WHEN coalesce(btrim(l.groups), '') = '' THEN 'impacts on groups' END,
	                 CASE WHEN coalesce(btrim(l.society), '') = '' THEN 'impacts on society' END,
	                 CASE WHEN coalesce(btrim(l.foreseeable_misuse), '') = '' THEN 'foreseeable misuse' END,
	                 CASE WHEN coalesce(btrim(l.stakeholder_views), '') = '' THEN 'stakeholder views' END), NULL
	FROM latest l JOIN @extschema@.ai_system s ON s.org_id = l.org_id AND s.system_id = l.system_id
	WHERE s.in_scope AND s.lifecycle_stage <> 'retired' AND (coalesce(btrim(l.individuals), '') = '' OR coalesce(btrim(l.groups), '') = '' OR
	coalesce(btrim(l.society), '') = '' OR coalesce(btrim(l.foreseeable_misuse), '') = '' OR coalesce(btrim(l.stakeholder_views), '') = '');
END;
COMMENT ON FUNCTION @extschema@.rule_aia003(bigint[]) IS
'finding rule AIA003 of ims.finding_rule: the rows behind "the latest impact assessment of "{ref}" lacks {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('AIA003', 'minor', 'system', 'rule_aia003',
	 'the latest impact assessment of "{ref}" lacks {1}',
	 'Complete it: impacts on individuals, on groups and on society, reasonably foreseeable misuse, and the views of affected stakeholders (ISO 42001 A.5.4, A.5.5).');

CREATE FUNCTION @extschema@.rule_soa001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, NULL, NULL, o.name, NULL, NULL FROM @extschema@.organization o WHERE o.org_id = ANY (org_ids)
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.soa s WHERE s.org_id = o.org_id
	                  AND s.status IN ('draft', 'approved'));
END;
COMMENT ON FUNCTION @extschema@.rule_soa001(bigint[]) IS
'finding rule SOA001 of ims.finding_rule: the rows behind "there is no Statement of Applicability" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('SOA001', 'major', 'soa', 'rule_soa001',
	 'there is no Statement of Applicability',
	 'Create the consolidated draft with ims.init_soa(org_id): one SoA over both Annex A catalogs.');

CREATE FUNCTION @extschema@.rule_soa002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH v AS (SELECT s.org_id, s.version,
	                  array_remove(array_agg(DISTINCT e.standard), NULL) AS standards
	           FROM @extschema@.soa s JOIN @extschema@.organization o USING (org_id)
	           LEFT JOIN @extschema@.soa_entry e ON e.org_id = s.org_id AND e.soa_id = s.soa_id
	           WHERE o.org_id = ANY (org_ids) AND s.status IN ('draft', 'approved')
	             AND EXISTS (SELECT 1 FROM @extschema@.soa t WHERE t.org_id = s.org_id
	                         AND t.soa_id <> s.soa_id AND t.status IN ('draft', 'approved'))
	           GROUP BY s.org_id, s.soa_id, s.version)
	SELECT o.org_id, NULL, NULL, o.name, count(*)::text,
	       string_agg(format('version %s (%s)', v.version,
	                         (SELECT string_agg(@extschema@.standard_label(x), ', ' ORDER BY x COLLATE "C")
	                          FROM unnest(v.standards) AS x)), '; '
	                  ORDER BY v.version)
	FROM v JOIN @extschema@.organization o USING (org_id)
	GROUP BY o.org_id HAVING count(*) > 1 AND NOT bool_or(v.standards @> o.standards);
END;
COMMENT ON FUNCTION @extschema@.rule_soa002(bigint[]) IS
'finding rule SOA002 of ims.finding_rule: the rows behind "{1} live SoA versions each cover part of the scope: {2}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('SOA002', 'major', 'soa', 'rule_soa002',
	 '{1} live SoA versions each cover part of the scope: {2}',
	 'Keep one consolidated SoA: build the next draft with ims.init_soa(), which lists every control of every standard in scope, and approve it.');

CREATE FUNCTION @extschema@.rule_soa003(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH live AS MATERIALIZED (SELECT * FROM @extschema@.live_soa(org_ids)) ,
	per_standard AS (SELECT standard, count(*) AS n FROM @extschema@.control GROUP BY standard),
	short AS (SELECT l.org_id, l.soa_id, l.version, o.standards
	          FROM live l JOIN @extschema@.organization o USING (org_id)
	          WHERE (SELECT count(*) FROM @extschema@.soa_entry e WHERE e.org_id = l.org_id
	                 AND e.soa_id = l.soa_id AND e.standard = ANY (o.standards))
	              < (SELECT sum(n) FROM per_standard p WHERE p.standard = ANY (o.standards)))
	SELECT k.org_id, NULL, c.standard, @extschema@.standard_label(c.standard) || ' ' || c.control_id,
	       k.version::text, NULL
	FROM short k JOIN @extschema@.control c ON c.standard = ANY (k.standards)
	LEFT JOIN @extschema@.soa_entry e ON e.org_id = k.org_id AND e.soa_id = k.soa_id
	                          AND e.standard = c.standard AND e.control_id = c.control_id
	WHERE e.org_id IS NULL;
END;
COMMENT ON FUNCTION @extschema@.rule_soa003(bigint[]) IS
'finding rule SOA003 of ims.finding_rule: the rows behind "{ref} is missing from version {1} of the SoA" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('SOA003', 'major', 'soa', 'rule_soa003',
	 '{ref} is missing from version {1} of the SoA',
	 'Every control of the standards in scope must be in the SoA with a decision: add the missing entry to the draft (a new draft from ims.init_soa() lists every control).');

CREATE FUNCTION @extschema@.rule_soa004(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH live AS MATERIALIZED (SELECT * FROM @extschema@.live_soa(org_ids))
	SELECT e.org_id, NULL::text AS severity, e.standard,
	       @extschema@.standard_label(e.standard) || ' ' || e.control_id AS ref,
	       NULL::text AS arg1, NULL::text AS arg2
	FROM live l JOIN @extschema@.soa_entry e ON e.org_id = l.org_id AND e.soa_id = l.soa_id WHERE @extschema@.decision(e.applicability) = 'undecided';
END;
COMMENT ON FUNCTION @extschema@.rule_soa004(bigint[]) IS
'finding rule SOA004 of ims.finding_rule: the rows behind "{ref} is undecided" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('SOA004', 'major', 'soa', 'rule_soa004',
	 '{ref} is undecided',
	 'Decide whether the control applies: with the reasons for including it, or with the justification for excluding it.');

CREATE FUNCTION @extschema@.rule_soa005(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH live AS MATERIALIZED (SELECT * FROM @extschema@.live_soa(org_ids))
	SELECT e.org_id, NULL::text AS severity, e.standard,
	       @extschema@.standard_label(e.standard) || ' ' || e.control_id AS ref,
	       NULL::text AS arg1, NULL::text AS arg2
	FROM live l JOIN @extschema@.soa_entry e ON e.org_id = l.org_id AND e.soa_id = l.soa_id WHERE @extschema@.decision(e.applicability) = 'not_applicable' AND coalesce(btrim(e.justification), '') = '';
END;
COMMENT ON FUNCTION @extschema@.rule_soa005(bigint[]) IS
'finding rule SOA005 of ims.finding_rule: the rows behind "{ref} is excluded without justification" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('SOA005', 'major', 'soa', 'rule_soa005',
	 '{ref} is excluded without justification',
	 'Record why the control does not apply in the entry''s justification (ISO 27001 6.1.3 d, ISO 42001 6.1.3).');

CREATE FUNCTION @extschema@.rule_soa006(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH live AS MATERIALIZED (SELECT * FROM @extschema@.live_soa(org_ids))
	SELECT e.org_id, NULL::text AS severity, e.standard,
	       @extschema@.standard_label(e.standard) || ' ' || e.control_id AS ref,
	       NULL::text AS arg1, NULL::text AS arg2
	FROM live l JOIN @extschema@.soa_entry e ON e.org_id = l.org_id AND e.soa_id = l.soa_id WHERE @extschema@.decision(e.applicability) = 'applicable'
	  AND cardinality(@extschema@.reasons(e.applicability)) = 0;
END;
COMMENT ON FUNCTION @extschema@.rule_soa006(bigint[]) IS
'finding rule SOA006 of ims.finding_rule: the rows behind "{ref} is applicable but no reason for including it is recorded" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('SOA006', 'minor', 'soa', 'rule_soa006',
	 '{ref} is applicable but no reason for including it is recorded',
	 'Record the reasons, such as applicable(risk,legal): risk treatment, law, contract, business requirement, interested party or impact assessment.');

CREATE FUNCTION @extschema@.rule_soa007(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH live AS MATERIALIZED (SELECT * FROM @extschema@.live_soa(org_ids))
	SELECT e.org_id, NULL::text AS severity, e.standard,
	       @extschema@.standard_label(e.standard) || ' ' || e.control_id AS ref,
	       NULL::text AS arg1, NULL::text AS arg2
	FROM live l JOIN @extschema@.soa_entry e ON e.org_id = l.org_id AND e.soa_id = l.soa_id WHERE @extschema@.decision(e.applicability) = 'applicable' AND e.implementation = 'implemented'
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.evidence v WHERE v.org_id = e.org_id
	                  AND v.standard = e.standard AND v.control_id = e.control_id
	                  AND v.collected_on <= current_date
	                  AND (v.valid_until IS NULL OR v.valid_until >= current_date));
END;
COMMENT ON FUNCTION @extschema@.rule_soa007(bigint[]) IS
'finding rule SOA007 of ims.finding_rule: the rows behind "{ref} is marked implemented but has no current evidence" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('SOA007', 'minor', 'soa', 'rule_soa007',
	 '{ref} is marked implemented but has no current evidence',
	 'Attach evidence that the control operates (ims.evidence), of a kind that fits the control, and keep it current.');

CREATE FUNCTION @extschema@.rule_soa008(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT v.org_id, NULL, v.standard, @extschema@.standard_label(v.standard) || ' ' || v.control_id,
	       string_agg(DISTINCT k.title COLLATE "C", ', ' ORDER BY k.title COLLATE "C"), NULL
	FROM @extschema@.evidence v JOIN @extschema@.organization o USING (org_id)
	JOIN @extschema@.evidence_kind k ON k.code = v.kind
	WHERE o.org_id = ANY (org_ids) AND v.standard = 'iso42001:2023'
	  AND v.collected_on <= current_date AND (v.valid_until IS NULL OR v.valid_until >= current_date)
	GROUP BY v.org_id, v.standard, v.control_id
	HAVING bool_and(k.domain = 'information_security');
END;
COMMENT ON FUNCTION @extschema@.rule_soa008(bigint[]) IS
'finding rule SOA008 of ims.finding_rule: the rows behind "{ref} is evidenced only by information security evidence: {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('SOA008', 'minor', 'soa', 'rule_soa008',
	 '{ref} is evidenced only by information security evidence: {1}',
	 'Evidence an AI control with AI evidence (a model card, an evaluation report, an impact assessment, a monitoring dashboard): a penetration test is no evidence of an AI control.');

CREATE FUNCTION @extschema@.rule_soa009(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH live AS MATERIALIZED (SELECT * FROM @extschema@.live_soa(org_ids)) ,
	excluded AS MATERIALIZED (SELECT e.org_id, e.soa_id, e.standard, e.control_id
	             FROM live l JOIN @extschema@.soa_entry e ON e.org_id = l.org_id AND e.soa_id = l.soa_id
	             WHERE @extschema@.decision(e.applicability) = 'not_applicable' AND coalesce(btrim(e.justification), '') = ''),
	counterpart AS (SELECT source_standard AS std, source_control AS id,
	                       target_standard AS other_std, target_control AS other_id FROM @extschema@.control_mapping
	                UNION ALL
	                SELECT target_standard, target_control, source_standard, source_control
	                FROM @extschema@.control_mapping),
	pair AS MATERIALIZED (SELECT x.org_id, x.soa_id, x.standard, x.control_id, c.other_std, c.other_id
	                      FROM excluded x JOIN @extschema@.organization o USING (org_id)
	                      JOIN counterpart c ON c.std = x.standard AND c.id = x.control_id
	                      WHERE x.standard = ANY (o.standards) AND c.other_std = ANY (o.standards))
	SELECT p.org_id, NULL, p.standard, @extschema@.standard_label(p.standard) || ' ' || p.control_id,
	       CASE WHEN count(*) = 1 THEN 'the control mapped to it, ' ELSE 'the controls mapped to it, ' END
	       || string_agg(@extschema@.standard_label(p.other_std) || ' ' || p.other_id, ', '
	                     ORDER BY p.other_std COLLATE "C", p.other_id COLLATE "C")
	       || CASE WHEN count(*) = 1 THEN ', is applicable' ELSE ', are applicable' END, NULL
	FROM pair p JOIN @extschema@.soa_entry a ON a.org_id = p.org_id AND a.soa_id = p.soa_id
	                                AND a.standard = p.other_std AND a.control_id = p.other_id
	WHERE @extschema@.decision(a.applicability) = 'applicable'
	GROUP BY p.org_id, p.standard, p.control_id;
END;
COMMENT ON FUNCTION @extschema@.rule_soa009(bigint[]) IS
'finding rule SOA009 of ims.finding_rule: the rows behind "{ref} is excluded without justification while {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('SOA009', 'minor', 'soa', 'rule_soa009',
	 '{ref} is excluded without justification while {1}',
	 'Say why the counterpart''s reason for inclusion does not hold for this control, or decide both alike (ims.control_mapping says how they relate).');

CREATE FUNCTION @extschema@.rule_soa010(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, NULL, NULL, o.name, 'has never been approved', NULL FROM @extschema@.organization o WHERE o.org_id = ANY (org_ids)
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.soa s WHERE s.org_id = o.org_id AND s.status = 'approved')
	UNION ALL
	SELECT s.org_id, NULL, NULL, format('version %s', s.version),
	       format('was approved by %s, not by %s, who approved the information security policy',
	              s.approved_by, p.approvers), NULL
	FROM @extschema@.soa s JOIN @extschema@.organization o USING (org_id),
	     LATERAL (SELECT string_agg(DISTINCT d.approved_by COLLATE "C", ' or '
	                                ORDER BY d.approved_by COLLATE "C") AS approvers,
	                     bool_or(lower(btrim(d.approved_by)) = lower(btrim(s.approved_by))) AS same
	              FROM @extschema@.document d WHERE d.org_id = s.org_id AND d.kind = 'policy'
	              AND 'iso27001:2022' = ANY (d.covers) AND d.approved_by IS NOT NULL) AS p
	WHERE o.org_id = ANY (org_ids) AND s.status = 'approved' AND p.approvers IS NOT NULL AND NOT p.same;
END;
COMMENT ON FUNCTION @extschema@.rule_soa010(bigint[]) IS
'finding rule SOA010 of ims.finding_rule: the rows behind "the Statement of Applicability {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('SOA010', 'minor', 'soa', 'rule_soa010',
	 'the Statement of Applicability {1}',
	 'Have the SoA approved with ims.approve_soa() by the management that approved the information security policy.');

CREATE FUNCTION @extschema@.rule_aud001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, NULL, NULL, o.name,
	       @extschema@.standard_labels(o.standards), NULL
	FROM @extschema@.organization o WHERE o.org_id = ANY (org_ids)
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.internal_audit a WHERE a.org_id = o.org_id
	                  AND a.performed_on > current_date - interval '12 months'
	                  AND a.performed_on <= current_date
	                  AND a.covers @> o.standards);
END;
COMMENT ON FUNCTION @extschema@.rule_aud001(bigint[]) IS
'finding rule AUD001 of ims.finding_rule: the rows behind "no internal audit in the last 12 months covered {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('AUD001', 'major', 'system', 'rule_aud001',
	 'no internal audit in the last 12 months covered {1}',
	 'Run one internal audit cycle that covers both standards (clause 9.2), led by an auditor competent in each.');

CREATE FUNCTION @extschema@.rule_aud002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT a.org_id, NULL, NULL, format('internal audit %s', a.cycle),
	       CASE WHEN u.auditor_id IS NULL THEN 'names no lead auditor'
	            ELSE format('is led by %s, who has no competence record for %s', u.name,
	                        (SELECT string_agg(@extschema@.standard_label(x), ' and ' ORDER BY x COLLATE "C")
	                         FROM unnest(o.standards) AS x WHERE NOT x = ANY (u.competence))) END, NULL
	FROM (SELECT DISTINCT ON (a.org_id) a.* FROM @extschema@.internal_audit a JOIN @extschema@.organization o USING (org_id)
	      WHERE o.org_id = ANY (org_ids) ORDER BY a.org_id, a.performed_on DESC, a.audit_id DESC) AS a
	JOIN @extschema@.organization o USING (org_id)
	LEFT JOIN @extschema@.auditor u ON u.org_id = a.org_id AND u.auditor_id = a.lead_auditor_id
	WHERE u.auditor_id IS NULL OR NOT u.competence @> o.standards;
END;
COMMENT ON FUNCTION @extschema@.rule_aud002(bigint[]) IS
'finding rule AUD002 of ims.finding_rule: the rows behind "the latest {ref} {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('AUD002', 'minor', 'system', 'rule_aud002',
	 'the latest {ref} {1}',
	 'Record the lead auditor''s competence for each standard (clause 7.2): an ISO 42001 audit needs competence in AI management.');

CREATE FUNCTION @extschema@.rule_mrv001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, NULL, NULL, o.name,
	       @extschema@.standard_labels(o.standards), NULL
	FROM @extschema@.organization o WHERE o.org_id = ANY (org_ids)
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.management_review r WHERE r.org_id = o.org_id
	                  AND r.held_on > current_date - interval '12 months'
	                  AND r.held_on <= current_date
	                  AND r.covers @> o.standards);
END;
COMMENT ON FUNCTION @extschema@.rule_mrv001(bigint[]) IS
'finding rule MRV001 of ims.finding_rule: the rows behind "no management review in the last 12 months covered {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('MRV001', 'major', 'system', 'rule_mrv001',
	 'no management review in the last 12 months covered {1}',
	 'Hold one management review that covers both standards (clause 9.3), with the inputs of each.');

CREATE FUNCTION @extschema@.rule_mrv002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT r.org_id, NULL, 'iso42001:2023', format('management review of %s', to_char(r.held_on, 'YYYY-MM-DD')),
	       (SELECT string_agg(i, ', ' ORDER BY n) FROM unnest(ARRAY['ai_objectives', 'ai_system_performance',
	               'ai_risks', 'impact_assessment_outcomes']) WITH ORDINALITY AS x(i, n)
	        WHERE NOT i = ANY (r.agenda)), NULL
	FROM (SELECT DISTINCT ON (r.org_id) r.* FROM @extschema@.management_review r JOIN @extschema@.organization o USING (org_id)
	      WHERE o.org_id = ANY (org_ids) AND 'iso42001:2023' = ANY (o.standards)
	      ORDER BY r.org_id, r.held_on DESC, r.review_id DESC) AS r
	WHERE NOT r.agenda @> ARRAY['ai_objectives', 'ai_system_performance', 'ai_risks', 'impact_assessment_outcomes'];
END;
COMMENT ON FUNCTION @extschema@.rule_mrv002(bigint[]) IS
'finding rule MRV002 of ims.finding_rule: the rows behind "the agenda of the latest {ref} lacks the AIMS inputs {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('MRV002', 'minor', 'system', 'rule_mrv002',
	 'the agenda of the latest {ref} lacks the AIMS inputs {1}',
	 'Extend the agenda template with AI objectives, AI system performance, AI risks and impact assessment outcomes (ISO 42001 9.3.2).');

CREATE FUNCTION @extschema@.rule_crt001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, NULL, x, @extschema@.standard_label(x), NULL, NULL
	FROM @extschema@.organization o, unnest(o.standards) AS x
	WHERE o.org_id = ANY (org_ids)
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.certification_body b WHERE b.org_id = o.org_id
	                  AND x = ANY (b.accredited_for));
END;
COMMENT ON FUNCTION @extschema@.rule_crt001(bigint[]) IS
'finding rule CRT001 of ims.finding_rule: the rows behind "no certification body accredited for {ref} is engaged" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('CRT001', 'major', 'system', 'rule_crt001',
	 'no certification body accredited for {ref} is engaged',
	 'Engage a certification body accredited for both standards, so that one audit team can certify the integrated system.');

CREATE FUNCTION @extschema@.rule_crt002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, severity text, standard text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id,
	       CASE WHEN NOT EXISTS (SELECT 1 FROM @extschema@.certification_body b WHERE b.org_id = o.org_id
	                             AND b.accredited_for @> o.standards) THEN 'minor' END, NULL, o.name,
	       CASE WHEN NOT EXISTS (SELECT 1 FROM @extschema@.certification_body b WHERE b.org_id = o.org_id
	                             AND b.accredited_for @> o.standards)
	            THEN 'no single certification body is accredited for every standard in scope, so no combined audit is possible'
	            ELSE 'no certification body accredited for every standard in scope has confirmed a combined audit window' END,
	       NULL
	FROM @extschema@.organization o WHERE o.org_id = ANY (org_ids)
	  AND EXISTS (SELECT 1 FROM @extschema@.certification_body b WHERE b.org_id = o.org_id)
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.certification_body b WHERE b.org_id = o.org_id
	                  AND b.accredited_for @> o.standards AND b.combined_audit_confirmed);
END;
COMMENT ON FUNCTION @extschema@.rule_crt002(bigint[]) IS
'finding rule CRT002 of ims.finding_rule: the rows behind "{1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, severity, scope, rule_function, message, hint) VALUES
	('CRT002', 'observation', 'system', 'rule_crt002',
	 '{1}',
	 'Agree one audit window for all standards with one certification body accredited for each, so the system is audited as one.');
