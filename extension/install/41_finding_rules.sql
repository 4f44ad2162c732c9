/* extension/install/41_finding_rules.sql */

----------------------------------------------------------------------------
-- The finding rules of SPEC section 7, one SQL function each (docs/findings.md)
--
-- Each rule takes the organizations to check and returns one row per
-- finding: org_id, its grade (NULL: the rule's own), the standard, the
-- requirement (NULL: the rule's own), the object found wanting (ref), and
-- up to two facts for its message.  A rule grades a row itself where a
-- certification body's grade depends on context: one AI system without an
-- impact assessment where the others have one is a lapse (minor); none
-- assessed at all is a process that does not exist (major).
--
-- A rule is one set-based query over every organization asked for at once,
-- so the cost grows with the data, not with the number of organizations
-- times the number of rules.  It runs as the caller: row-level security
-- limits it to the organizations the caller may read.
-- ims.evaluate_findings() (src/findings.c) runs the rules of
-- ims.finding_rule, writes the messages, marks the waived ones and sorts
-- the findings in an order that no collation changes.
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
	grade text NOT NULL,
	category text NOT NULL,
	requirement text,
	blocks_approval boolean NOT NULL DEFAULT false,
	scope text NOT NULL,
	rule_function text NOT NULL,
	message text NOT NULL,
	hint text NOT NULL,
	CONSTRAINT finding_rule_pkey PRIMARY KEY (code),
	CONSTRAINT finding_rule_function_key UNIQUE (rule_function),
	CONSTRAINT finding_rule_code_check CHECK (code ~ '^[A-Z]{3}[0-9]{3}$'),
	CONSTRAINT finding_rule_grade_check CHECK (grade IN ('major', 'minor', 'observation')),
	CONSTRAINT finding_rule_category_check
		CHECK (category IN ('nonconformity', 'certification_blocker', 'advisory')),
	CONSTRAINT finding_rule_grade_category_check
		CHECK ((category = 'nonconformity') = (grade <> 'observation')),
	CONSTRAINT finding_rule_requirement_check
		CHECK (requirement ~ '^(([4-9]|10)(\.[0-9]+)*( [a-z])?|A\.[0-9]+(\.[0-9]+)*)$'),
	CONSTRAINT finding_rule_blocks_approval_check CHECK (NOT blocks_approval OR scope = 'soa'),
	CONSTRAINT finding_rule_scope_check CHECK (scope IN ('soa', 'system')),
	CONSTRAINT finding_rule_function_check CHECK (rule_function ~ '^rule_[a-z]{3}[0-9]{3}$')
);
COMMENT ON TABLE @extschema@.finding_rule IS
'The rules of the validator (docs/findings.md): each code with its grade, category and requirement, whether it blocks SoA approval, its scope, the function that finds its rows, and its message and hint';
COMMENT ON COLUMN @extschema@.finding_rule.code IS 'Finding code, such as SOA004';
COMMENT ON COLUMN @extschema@.finding_rule.grade IS 'major, minor or observation, as a certification body grades an isolated case; the rule''s function may grade a row otherwise (systemic, or advice only)';
COMMENT ON COLUMN @extschema@.finding_rule.category IS 'nonconformity (a requirement not met), certification_blocker (no clause is broken, but certification cannot proceed) or advisory (advice no clause requires)';
COMMENT ON COLUMN @extschema@.finding_rule.requirement IS 'What the findings are against: a clause of the harmonized structure, numbered and lettered as in ISO 27001 (6.1.3 d), which both standards share, or an Annex A control of the finding''s standard (A.6.2.4); ims.finding_requirement cites it per standard; NULL when each row names its own control, or for a certification blocker no clause sets';
COMMENT ON COLUMN @extschema@.finding_rule.blocks_approval IS 'true when its findings block ims.approve_soa(), waived or not: the SoA cannot be approved while one stands';
COMMENT ON COLUMN @extschema@.finding_rule.scope IS 'soa: a rule on the SoA, also run by ims.validate_soa() and before an approval; system: a rule on the rest of the management system';
COMMENT ON COLUMN @extschema@.finding_rule.rule_function IS 'The function of schema ims that finds the rule''s rows, taking the organizations as bigint[]';
COMMENT ON COLUMN @extschema@.finding_rule.message IS 'What is wrong; {ref}, {1} and {2} stand for the ref, arg1 and arg2 of the rule''s row';
COMMENT ON COLUMN @extschema@.finding_rule.hint IS 'What to do about it';
GRANT SELECT ON @extschema@.finding_rule TO PUBLIC;

-- The clause requirements the rules cite, with their number in each
-- standard.  Both standards follow the harmonized structure, so a clause
-- has one number in both and an integrated audit writes one nonconformity
-- citing each standard concerned; a lettered item can differ (the SoA is
-- item d of ISO 27001 6.1.3 and item f of ISO 42001 6.1.3).
CREATE TABLE @extschema@.finding_requirement (
	requirement text NOT NULL,
	title text NOT NULL,
	iso27001 text,
	iso42001 text,
	CONSTRAINT finding_requirement_pkey PRIMARY KEY (requirement),
	CONSTRAINT finding_requirement_check CHECK (requirement ~ '^([4-9]|10)(\.[0-9]+)*( [a-z])?$'),
	CONSTRAINT finding_requirement_cited_check CHECK (iso27001 IS NOT NULL OR iso42001 IS NOT NULL)
);
COMMENT ON TABLE @extschema@.finding_requirement IS
'The clause requirements the finding rules cite (ims.finding_rule.requirement), each with its title and its number in each standard';
COMMENT ON COLUMN @extschema@.finding_requirement.requirement IS 'The requirement as the rules cite it: clause number of the harmonized structure, with the ISO 27001 item letter where it matters';
COMMENT ON COLUMN @extschema@.finding_requirement.title IS 'What the requirement asks, in a few words';
COMMENT ON COLUMN @extschema@.finding_requirement.iso27001 IS 'The same requirement in ISO/IEC 27001:2022 (NULL: it has none)';
COMMENT ON COLUMN @extschema@.finding_requirement.iso42001 IS 'The same requirement in ISO/IEC 42001:2023 (NULL: it has none)';
GRANT SELECT ON @extschema@.finding_requirement TO PUBLIC;
INSERT INTO @extschema@.finding_requirement (requirement, title, iso27001, iso42001) VALUES
	('4.3', 'Scope of the management system', '4.3', '4.3'),
	('4.4', 'The management system established', '4.4', '4.4'),
	('5.1', 'Leadership and commitment', '5.1', '5.1'),
	('5.2', 'Policy', '5.2', '5.2'),
	('5.3', 'Roles, responsibilities and authorities', '5.3', '5.3'),
	('6.1.2', 'Risk assessment', '6.1.2', '6.1.2'),
	('6.1.2 a', 'Risk criteria, including risk acceptance criteria', '6.1.2 a)', '6.1.1'),
	('6.1.2 c', 'Risk owners identified', '6.1.2 c)', '6.1.2'),
	('6.1.3 a', 'Risk treatment options selected', '6.1.3 a)', '6.1.3 a)'),
	('6.1.3 b', 'Controls determined from the risk treatment', '6.1.3 b)', '6.1.3 b)'),
	('6.1.3 d', 'Statement of Applicability', '6.1.3 d)', '6.1.3 f)'),
	('6.1.3 e', 'Risk treatment plan formulated', '6.1.3 e)', '6.1.3'),
	('6.1.3 f', 'Risk owners'' approval of the treatment plan and acceptance of residual risks', '6.1.3 f)', '6.1.3'),
	('6.1.4', 'AI system impact assessment process', NULL, '6.1.4'),
	('6.2', 'Objectives and planning to achieve them', '6.2', '6.2'),
	('6.2 d', 'Objectives monitored', '6.2 d)', '6.2 d)'),
	('7.2', 'Competence', '7.2', '7.2'),
	('7.5', 'Documented information', '7.5', '7.5'),
	('7.5.1', 'Documented information: general', '7.5.1', '7.5.1'),
	('7.5.1 b', 'Documented information needed for effectiveness', '7.5.1 b)', '7.5.1 b)'),
	('8.3', 'Risk treatment plan implemented', '8.3', '8.3'),
	('8.4', 'AI system impact assessment performed', NULL, '8.4'),
	('9.2.2', 'Internal audit programme', '9.2.2', '9.2.2'),
	('9.3', 'Management review', '9.3', '9.3'),
	('9.3.2', 'Management review inputs', '9.3.2', '9.3.2');

CREATE FUNCTION @extschema@.finding_rule_query(code text) RETURNS text
	AS 'MODULE_PATHNAME', 'findings_rule_query'
	LANGUAGE C STABLE STRICT
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.finding_rule_query(text) IS
'the query ims.evaluate_findings runs for the rule of this code, $1 standing for the organizations (bigint[]): the rule''s function and the SQL functions it reads through inlined, as the planner inlines them; for EXPLAIN, and what Citus plans and routes (docs/findings.md, "Routing")';

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
	WHERE o.org_id = ANY (org_ids) AND s.org_id = ANY (org_ids) AND s.status IN ('draft', 'approved')
	ORDER BY s.org_id, s.status = 'draft' DESC;
END;
COMMENT ON FUNCTION @extschema@.live_soa(bigint[]) IS
'the live SoA version of each of the organizations the caller can see: its draft, or else its approved version';

CREATE FUNCTION @extschema@.latest_impact_assessment(org_ids bigint[], every_organization boolean DEFAULT false)
	RETURNS SETOF @extschema@.impact_assessment
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT DISTINCT ON (i.org_id, i.system_id) i.*
	FROM @extschema@.impact_assessment i JOIN @extschema@.organization o USING (org_id)
	WHERE every_organization OR (o.org_id = ANY (org_ids) AND i.org_id = ANY (org_ids))
	ORDER BY i.org_id, i.system_id, i.assessed_on DESC, i.assessment_id DESC;
END;
COMMENT ON FUNCTION @extschema@.latest_impact_assessment(bigint[], boolean) IS
'the latest impact assessment of each AI system of the organizations (every_organization: of every one the caller can see)';

CREATE FUNCTION @extschema@.live_ai_systems(org_ids bigint[])
	RETURNS SETOF @extschema@.ai_system
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT s.* FROM @extschema@.ai_system s JOIN @extschema@.organization o USING (org_id)
	WHERE o.org_id = ANY (org_ids) AND s.org_id = ANY (org_ids) AND 'iso42001:2023' = ANY (o.standards)
	  AND s.in_scope AND s.lifecycle_stage <> 'retired';
END;
COMMENT ON FUNCTION @extschema@.live_ai_systems(bigint[]) IS
'the AI systems the AIMS covers, of the organizations the caller can see with ISO 42001 in scope: in scope and not retired';

CREATE FUNCTION @extschema@.cycle_coverage(org_ids bigint[])
	RETURNS TABLE (org_id bigint, standard text, audited boolean, reviewed boolean)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	-- the standards audited in part, for every organization at once
	WITH gaps AS MATERIALIZED (SELECT DISTINCT g.org_id, g.standard FROM @extschema@.audit_clause_gaps(org_ids) g)
	SELECT o.org_id, x,
	       EXISTS (SELECT 1 FROM @extschema@.internal_audit a WHERE a.org_id = o.org_id AND a.org_id = ANY (org_ids)
	               AND a.performed_on > current_date - interval '12 months' AND a.performed_on <= current_date
	               AND x = ANY (a.covers))
	       AND NOT EXISTS (SELECT 1 FROM gaps g WHERE g.org_id = o.org_id AND g.org_id = ANY (org_ids) AND g.standard = x),
	       EXISTS (SELECT 1 FROM @extschema@.management_review r WHERE r.org_id = o.org_id AND r.org_id = ANY (org_ids)
	               AND r.held_on > current_date - interval '12 months' AND r.held_on <= current_date
	               AND x = ANY (r.covers))
	FROM @extschema@.organization o, unnest(o.standards) AS x
	WHERE o.org_id = ANY (org_ids);
END;
COMMENT ON FUNCTION @extschema@.cycle_coverage(bigint[]) IS
'for each standard in scope of the organizations the caller can see, whether the internal audits held in the last 12 months (and not after today) covered every clause of it (ims.audit_clause_gaps; an audit without a scope row for the standard covers it whole), and whether a management review held then covered it: the audits and reviews of a programme add up';

CREATE FUNCTION @extschema@.rule_aia001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT l.org_id, CASE WHEN NOT l.any_assessed THEN 'major' END, 'iso42001:2023', NULL, l.name,
	       CASE WHEN NOT l.any_assessed AND l.systems = 2 THEN ', nor has the other AI system in scope'
	            WHEN NOT l.any_assessed AND l.systems > 2
	            THEN format(', nor has any of the other %s AI systems in scope', l.systems - 1) END, NULL
	FROM (SELECT s.org_id, s.name, a.assessed,
	             bool_or(a.assessed) OVER (PARTITION BY s.org_id) AS any_assessed,
	             count(*) OVER (PARTITION BY s.org_id) AS systems
	      FROM @extschema@.live_ai_systems(org_ids) s,
	           LATERAL (SELECT EXISTS (SELECT 1 FROM @extschema@.impact_assessment i
	                                   WHERE i.org_id = s.org_id AND i.org_id = ANY (org_ids) AND i.system_id = s.system_id) AS assessed) a) l
	WHERE NOT l.assessed;
END;
COMMENT ON FUNCTION @extschema@.rule_aia001(bigint[]) IS
'finding rule AIA001 of ims.finding_rule: the rows behind "the AI system "{ref}" has no impact assessment{1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('AIA001', 'minor', 'nonconformity', '8.4', false, 'system', 'rule_aia001',
	 'the AI system "{ref}" has no impact assessment{1}',
	 'Assess its impacts on individuals, groups and society before it is deployed and at planned intervals (ISO 42001 6.1.4, 8.4, A.5.2).');

CREATE FUNCTION @extschema@.rule_aia002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	-- what the latest assessment assessed up to: its date, the change it
	-- was made for (for_change_on, or the recorded change it names, within
	-- its review period); a significant change recorded in
	-- ims.ai_system_change that an assessment was made for is assessed
	WITH latest AS (SELECT l.*, greatest(l.assessed_on, l.for_change_on,
	                                     (SELECT c.changed_on FROM @extschema@.ai_system_change c
	                                      WHERE c.org_id = l.org_id AND c.org_id = ANY (org_ids) AND c.change_id = l.change_id
	                                        AND c.changed_on <= coalesce(l.next_review, l.assessed_on + 366))) AS covered
	                FROM @extschema@.latest_impact_assessment(org_ids) l),
	stale AS (SELECT l.org_id, l.system_id, l.assessed_on, l.next_review,
	                 greatest(CASE WHEN s.last_significant_change > l.covered AND s.last_significant_change <= current_date
	                               THEN s.last_significant_change END,
	                          (SELECT max(c.changed_on) FROM @extschema@.ai_system_change c
	                           WHERE c.org_id = l.org_id AND c.org_id = ANY (org_ids) AND c.system_id = l.system_id AND c.significant
	                             AND c.changed_on > l.covered AND c.changed_on <= current_date
	                             AND NOT EXISTS (SELECT 1 FROM @extschema@.impact_assessment a
	                                             WHERE a.org_id = c.org_id AND a.org_id = ANY (org_ids) AND a.change_id = c.change_id))) AS change_on,
	                 s.name
	          FROM latest l JOIN @extschema@.live_ai_systems(org_ids) s ON s.org_id = l.org_id AND s.org_id = ANY (org_ids) AND s.system_id = l.system_id)
	SELECT t.org_id, NULL, 'iso42001:2023', NULL, t.name,
	       CASE WHEN t.change_on IS NOT NULL
	            THEN format('it was made on %s, before the system''s last significant change on %s',
	                        to_char(t.assessed_on, 'YYYY-MM-DD'), to_char(t.change_on, 'YYYY-MM-DD'))
	            ELSE format('its review was due on %s', to_char(t.next_review, 'YYYY-MM-DD')) END, NULL
	FROM stale t
	WHERE t.change_on IS NOT NULL OR t.next_review < current_date;
END;
COMMENT ON FUNCTION @extschema@.rule_aia002(bigint[]) IS
'finding rule AIA002 of ims.finding_rule: the rows behind "the impact assessment of "{ref}" is out of date: {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('AIA002', 'minor', 'nonconformity', '8.4', false, 'system', 'rule_aia002',
	 'the impact assessment of "{ref}" is out of date: {1}',
	 'Reassess the system, record the new assessment, and set the date of its next review (ISO 42001 8.4). An assessment made for a change before it is made records that change in for_change_on.');

CREATE FUNCTION @extschema@.rule_aia003(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH latest AS (SELECT * FROM @extschema@.latest_impact_assessment(org_ids))
	SELECT s.org_id, NULL, 'iso42001:2023', NULL, s.name, m.missing, NULL
	FROM latest l JOIN @extschema@.live_ai_systems(org_ids) s ON s.org_id = l.org_id AND s.org_id = ANY (org_ids) AND s.system_id = l.system_id,
	     -- the impacts on individuals, groups and society are rows of ims.impact since 1.2 (AIA005)
	     LATERAL (SELECT concat_ws(', ', CASE WHEN coalesce(btrim(l.foreseeable_misuse), '') = '' THEN 'foreseeable misuse' END,
	                               CASE WHEN coalesce(btrim(l.stakeholder_views), '') = '' THEN 'stakeholder views' END) AS missing) m
	WHERE m.missing <> '';
END;
COMMENT ON FUNCTION @extschema@.rule_aia003(bigint[]) IS
'finding rule AIA003 of ims.finding_rule: the rows behind "the latest impact assessment of "{ref}" lacks {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('AIA003', 'minor', 'nonconformity', '6.1.4', false, 'system', 'rule_aia003',
	 'the latest impact assessment of "{ref}" lacks {1}',
	 'Complete it: the reasonably foreseeable misuse considered, and the views of affected stakeholders and how they were obtained (ISO 42001 6.1.4, A.5.4, A.5.5); the impacts are rows of ims.impact (AIA005).');

CREATE FUNCTION @extschema@.rule_aia004(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, CASE WHEN NOT a.assessed THEN 'major' END, 'iso42001:2023', NULL, o.name,
	       CASE WHEN NOT a.assessed THEN ', and no AI system has been assessed' END, NULL
	FROM @extschema@.organization o,
	     LATERAL (SELECT EXISTS (SELECT 1 FROM @extschema@.impact_assessment i WHERE i.org_id = o.org_id AND i.org_id = ANY (org_ids)) AS assessed) a
	WHERE o.org_id = ANY (org_ids) AND 'iso42001:2023' = ANY (o.standards)
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.document d WHERE d.org_id = o.org_id AND d.org_id = ANY (org_ids)
	                  AND d.topic = 'impact_assessment' AND d.kind <> 'record'
	                  AND 'iso42001:2023' = ANY (d.covers));
END;
COMMENT ON FUNCTION @extschema@.rule_aia004(bigint[]) IS
'finding rule AIA004 of ims.finding_rule: the rows behind "no documented process for AI system impact assessment covers ISO 42001{1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('AIA004', 'minor', 'nonconformity', '6.1.4', false, 'system', 'rule_aia004',
	 'no documented process for AI system impact assessment covers ISO 42001{1}',
	 'Define how impact assessments are made, by whom, when (before deployment, at planned intervals, before a significant change) and how their results are used, in a procedure of topic impact_assessment that covers iso42001:2023 (ISO 42001 6.1.4, A.5.2).');

CREATE FUNCTION @extschema@.rule_aud001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	-- audited in part: AUD003 names the clauses left out
	WITH gaps AS MATERIALIZED (SELECT DISTINCT g.org_id, g.standard FROM @extschema@.audit_clause_gaps(org_ids) g)
	SELECT c.org_id, NULL, c.standard, NULL, @extschema@.standard_label(c.standard),
	       @extschema@.standard_label(c.standard), NULL
	FROM @extschema@.cycle_coverage(org_ids) c WHERE NOT c.audited
	  AND NOT EXISTS (SELECT 1 FROM gaps g WHERE g.org_id = c.org_id AND g.org_id = ANY (org_ids) AND g.standard = c.standard);
END;
COMMENT ON FUNCTION @extschema@.rule_aud001(bigint[]) IS
'finding rule AUD001 of ims.finding_rule: the rows behind "no internal audit in the last 12 months covered {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('AUD001', 'major', 'nonconformity', '9.2.2', false, 'system', 'rule_aud001',
	 'no internal audit in the last 12 months covered {1}',
	 'Plan an audit programme that covers every standard in scope within the cycle (clause 9.2.2): one integrated audit or several, led by auditors competent in each standard.');

CREATE FUNCTION @extschema@.rule_aud002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	-- Every audit of the cycle (the last 12 months; the latest one when
	-- none is that recent), each against the standards it covers: an audit
	-- programme may give each standard its own audit and auditor (9.2.2).
	WITH audit AS (
		SELECT a.*, o.standards AS in_scope
		FROM @extschema@.internal_audit a JOIN @extschema@.organization o USING (org_id)
		WHERE o.org_id = ANY (org_ids) AND a.org_id = ANY (org_ids)
		  AND ((a.performed_on > current_date - interval '12 months' AND a.performed_on <= current_date)
		       OR a.audit_id = (SELECT b.audit_id FROM @extschema@.internal_audit b WHERE b.org_id = a.org_id AND b.org_id = ANY (org_ids)
		                        ORDER BY b.performed_on DESC, b.audit_id DESC LIMIT 1)))
	SELECT a.org_id, NULL,
	       CASE WHEN cardinality(m.missing) = 1 THEN m.missing[1] END, NULL,
	       format('internal audit %s', a.cycle),
	       CASE WHEN u.auditor_id IS NULL THEN 'names no lead auditor'
	            ELSE format('is led by %s, who has no competence record for %s', u.name,
	                        @extschema@.standard_labels(m.missing)) END, NULL
	FROM audit a
	LEFT JOIN @extschema@.auditor u ON u.org_id = a.org_id AND u.org_id = ANY (org_ids) AND u.auditor_id = a.lead_auditor_id,
	LATERAL (SELECT coalesce(array_agg(x ORDER BY x COLLATE "C"), '{}') AS missing FROM unnest(a.covers) AS x
	         WHERE x = ANY (a.in_scope) AND (u.auditor_id IS NULL OR NOT x = ANY (u.competence))) AS m
	WHERE u.auditor_id IS NULL OR cardinality(m.missing) > 0;
END;
COMMENT ON FUNCTION @extschema@.rule_aud002(bigint[]) IS
'finding rule AUD002 of ims.finding_rule: the rows behind "{ref} {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('AUD002', 'minor', 'nonconformity', '7.2', false, 'system', 'rule_aud002',
	 '{ref} {1}',
	 'Record the lead auditor''s competence for each standard (clause 7.2): an ISO 42001 audit needs competence in AI management.');

CREATE FUNCTION @extschema@.rule_cls001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	-- A clause pair no document or record serves, for either standard
	-- (report_clause_mapping's status missing).  Where the clause asks for
	-- documented information, the auditor finds none: a lapse (minor);
	-- elsewhere the record only fails to show how it is met, which the
	-- auditor will ask (an observation).  A clause heading (5, 7, 9) asks
	-- nothing of its own.
	SELECT c.org_id,
	       CASE WHEN c.target_clause = ANY (ARRAY['4.3', '5.2', '6.1.2', '6.1.3', '6.1.4', '6.2', '7.2', '7.5.1',
	                                              '8.1', '8.2', '8.3', '8.4', '9.1', '9.2.2', '9.3.3', '10.2'])
	            THEN NULL ELSE 'observation' END,
	       NULL, c.target_clause, 'clause ' || c.target_clause, k.title,
	       CASE WHEN c.target_clause = ANY (ARRAY['4.3', '5.2', '6.1.2', '6.1.3', '6.1.4', '6.2', '7.2', '7.5.1',
	                                              '8.1', '8.2', '8.3', '8.4', '9.1', '9.2.2', '9.3.3', '10.2'])
	            THEN 'although the clause asks for documented information' ELSE 'so the record does not show how it is met' END
	FROM @extschema@.clause_coverage(org_ids) c
	JOIN @extschema@.clause k ON k.standard = c.target_standard AND k.number = c.target_clause
	WHERE c.status = 'missing' AND position('.' IN c.target_clause) > 0;
END;
COMMENT ON FUNCTION @extschema@.rule_cls001(bigint[]) IS
'finding rule CLS001 of ims.finding_rule: the rows behind "no document or record serves {ref} ({1}) for any standard, {2}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('CLS001', 'minor', 'nonconformity', NULL, false, 'system', 'rule_cls001',
	 'no document or record serves {ref} ({1}) for any standard, {2}',
	 'Record the document or the record that serves the clause (ims.document, with the clauses it serves beyond its topic in ims.document_clause); ims.report_clause_mapping gives the action for each clause.');

CREATE FUNCTION @extschema@.rule_crt001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, NULL, x, NULL, @extschema@.standard_label(x), NULL, NULL
	FROM @extschema@.organization o, unnest(o.standards) AS x
	WHERE o.org_id = ANY (org_ids)
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.certification_body b WHERE b.org_id = o.org_id AND b.org_id = ANY (org_ids)
	                  AND x = ANY (b.accredited_for));
END;
COMMENT ON FUNCTION @extschema@.rule_crt001(bigint[]) IS
'finding rule CRT001 of ims.finding_rule: the rows behind "no certification body accredited for {ref} is engaged" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('CRT001', 'observation', 'certification_blocker', NULL, false, 'system', 'rule_crt001',
	 'no certification body accredited for {ref} is engaged',
	 'Engage a certification body accredited for each standard in scope, ideally one for both, so that one audit team can certify the integrated system; a certificate from a body not accredited for ISO 42001 is not an accredited certificate.');

CREATE FUNCTION @extschema@.rule_crt002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, NULL, NULL, NULL, o.name,
	       CASE WHEN NOT c.single
	            THEN 'no single certification body is accredited for every standard in scope, so no combined audit is possible'
	            ELSE 'no certification body accredited for every standard in scope has confirmed a combined audit window' END,
	       NULL
	FROM @extschema@.organization o,
	     LATERAL (SELECT EXISTS (SELECT 1 FROM @extschema@.certification_body b WHERE b.org_id = o.org_id AND b.org_id = ANY (org_ids)
	                             AND b.accredited_for @> o.standards) AS single) c
	WHERE o.org_id = ANY (org_ids)
	  AND EXISTS (SELECT 1 FROM @extschema@.certification_body b WHERE b.org_id = o.org_id AND b.org_id = ANY (org_ids))
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.certification_body b WHERE b.org_id = o.org_id AND b.org_id = ANY (org_ids)
	                  AND b.accredited_for @> o.standards AND b.combined_audit_confirmed);
END;
COMMENT ON FUNCTION @extschema@.rule_crt002(bigint[]) IS
'finding rule CRT002 of ims.finding_rule: the rows behind "{1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('CRT002', 'observation', 'advisory', NULL, false, 'system', 'rule_crt002',
	 '{1}',
	 'Agree one audit window for all standards with one certification body accredited for each, so the system is audited as one.');

CREATE FUNCTION @extschema@.rule_int001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, NULL, NULL, NULL, o.name, o.integration_model, NULL
	FROM @extschema@.organization o
	WHERE o.org_id = ANY (org_ids) AND 'iso42001:2023' = ANY (o.standards)
	  AND o.integration_model <> 'structural_extension';
END;
COMMENT ON FUNCTION @extschema@.rule_int001(bigint[]) IS
'finding rule INT001 of ims.finding_rule: the rows behind "the integration model is {1}: ISO 42001 is not run as an extension of the ISMS" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('INT001', 'observation', 'advisory', '4.4', false, 'system', 'rule_int001',
	 'the integration model is {1}: ISO 42001 is not run as an extension of the ISMS',
	 'The article''s advice, which no clause requires: extend the ISMS structurally (one scope, one risk process, one SoA, one audit cycle, one management review) and set integration_model to structural_extension.');

CREATE FUNCTION @extschema@.rule_int002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, NULL, NULL, NULL, o.name, NULL, NULL
	FROM @extschema@.organization o
	WHERE o.org_id = ANY (org_ids) AND coalesce(btrim(o.ims_owner), '') = '';
END;
COMMENT ON FUNCTION @extschema@.rule_int002(bigint[]) IS
'finding rule INT002 of ims.finding_rule: the rows behind "no single owner is named for the integrated management system" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('INT002', 'observation', 'advisory', '5.3', false, 'system', 'rule_int002',
	 'no single owner is named for the integrated management system',
	 'The article''s advice: name one person accountable for both standards in organization.ims_owner. Clause 5.3 itself asks only that responsibilities and authorities be assigned and communicated.');

CREATE FUNCTION @extschema@.rule_int003(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT d.org_id, NULL, NULL, NULL, d.topic, d.topic,
	       string_agg(format('"%s" (%s)', d.title, @extschema@.standard_label(d.covers[1])), ', '
	                  ORDER BY d.title COLLATE "C")
	FROM @extschema@.document d JOIN @extschema@.organization o USING (org_id)
	WHERE o.org_id = ANY (org_ids) AND d.org_id = ANY (org_ids) AND cardinality(d.covers) = 1 AND d.kind <> 'record'
	GROUP BY d.org_id, d.topic HAVING count(DISTINCT d.covers[1]) > 1;
END;
COMMENT ON FUNCTION @extschema@.rule_int003(bigint[]) IS
'finding rule INT003 of ims.finding_rule: the rows behind "{1} is documented separately for each standard: {2}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('INT003', 'observation', 'advisory', '7.5.1', false, 'system', 'rule_int003',
	 '{1} is documented separately for each standard: {2}',
	 'The article''s advice, which no clause requires: consider one document for the topic with the AI-specific steps as a section of it. Keep apart what a control asks to keep apart: the confidential channel for concerns about AI systems (ISO 42001 A.3.3) is not security incident handling.');

CREATE FUNCTION @extschema@.rule_int004(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH clause_topic AS (SELECT DISTINCT ON (topic) topic, clause FROM @extschema@.clause_topic
	                      WHERE clause ~ '^(7|8|9|10)(\.|$)'
	                      ORDER BY topic, position('.' IN clause) = 0, length(clause), clause)
	SELECT d.org_id, NULL, 'iso42001:2023', t.clause, d.title, t.clause, d.kind
	FROM @extschema@.document d JOIN clause_topic t USING (topic)
	WHERE d.org_id = ANY (org_ids) AND d.kind <> 'record'
	  AND EXISTS (SELECT 1 FROM @extschema@.organization o WHERE o.org_id = d.org_id AND o.org_id = ANY (org_ids) AND d.org_id = ANY (org_ids)
	              AND 'iso42001:2023' = ANY (o.standards))
	  AND 'iso27001:2022' = ANY (d.covers) AND NOT 'iso42001:2023' = ANY (d.covers)
	  -- a clause of ISO 42001 alone (8.4) is no ISO 27001 procedure to extend: AIA004 says what is missing
	  AND EXISTS (SELECT 1 FROM @extschema@.clause k WHERE k.standard = 'iso27001:2022' AND k.number = t.clause)
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.document x WHERE x.org_id = d.org_id AND x.org_id = ANY (org_ids)
	                  AND x.topic = d.topic AND 'iso42001:2023' = ANY (x.covers));
END;
COMMENT ON FUNCTION @extschema@.rule_int004(bigint[]) IS
'finding rule INT004 of ims.finding_rule: the rows behind "the clause {1} {2} "{ref}" covers ISO 27001 only: it was not extended to the AIMS scope" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('INT004', 'minor', 'nonconformity', '7.5', false, 'system', 'rule_int004',
	 'the clause {1} {2} "{ref}" covers ISO 27001 only: it was not extended to the AIMS scope',
	 'Add the AIMS scope to it (ims.clause_mapping gives the action for the clause) and add iso42001:2023 to its covers.');

CREATE FUNCTION @extschema@.rule_int005(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT r.org_id, NULL, NULL, NULL,
	       string_agg(DISTINCT r.register COLLATE "C", ', ' ORDER BY r.register COLLATE "C"),
	       count(DISTINCT r.register)::text, NULL
	FROM @extschema@.risk r JOIN @extschema@.organization o USING (org_id)
	WHERE o.org_id = ANY (org_ids) AND r.org_id = ANY (org_ids) GROUP BY r.org_id HAVING count(DISTINCT r.register) > 1;
END;
COMMENT ON FUNCTION @extschema@.rule_int005(bigint[]) IS
'finding rule INT005 of ims.finding_rule: the rows behind "{1} risk registers are kept: {ref}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('INT005', 'observation', 'advisory', '6.1.2', false, 'system', 'rule_int005',
	 '{1} risk registers are kept: {ref}',
	 'The article''s advice, which no clause requires: keep one risk register for information security and AI risks; the risk_type of each risk tells them apart.');

CREATE FUNCTION @extschema@.rule_mrv001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT c.org_id, NULL, c.standard, NULL, @extschema@.standard_label(c.standard),
	       @extschema@.standard_label(c.standard), NULL
	FROM @extschema@.cycle_coverage(org_ids) c WHERE NOT c.reviewed;
END;
COMMENT ON FUNCTION @extschema@.rule_mrv001(bigint[]) IS
'finding rule MRV001 of ims.finding_rule: the rows behind "no management review in the last 12 months covered {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('MRV001', 'major', 'nonconformity', '9.3', false, 'system', 'rule_mrv001',
	 'no management review in the last 12 months covered {1}',
	 'Hold the management review at planned intervals over every standard in scope (clause 9.3), with the inputs of each: one integrated review, whose minutes record both.');

CREATE FUNCTION @extschema@.rule_mrv002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT r.org_id,
	       CASE WHEN NOT r.agenda @> ARRAY['ai_objectives', 'ai_risks'] THEN NULL ELSE 'observation' END,
	       'iso42001:2023', NULL, format('management review of %s', to_char(r.held_on, 'YYYY-MM-DD')),
	       (SELECT string_agg(i, ', ' ORDER BY n) FROM unnest(ARRAY['ai_objectives', 'ai_system_performance',
	               'ai_risks', 'impact_assessment_outcomes']) WITH ORDINALITY AS x(i, n)
	        WHERE NOT i = ANY (r.agenda)), NULL
	FROM (SELECT DISTINCT ON (r.org_id) r.* FROM @extschema@.management_review r JOIN @extschema@.organization o USING (org_id)
	      WHERE o.org_id = ANY (org_ids) AND r.org_id = ANY (org_ids) AND 'iso42001:2023' = ANY (o.standards)
	        AND 'iso42001:2023' = ANY (r.covers)
	      ORDER BY r.org_id, r.held_on DESC, r.review_id DESC) AS r
	WHERE NOT r.agenda @> ARRAY['ai_objectives', 'ai_system_performance', 'ai_risks', 'impact_assessment_outcomes'];
END;
COMMENT ON FUNCTION @extschema@.rule_mrv002(bigint[]) IS
'finding rule MRV002 of ims.finding_rule: the rows behind "the agenda of the latest {ref} lacks the AIMS inputs {1}" (docs/findings.md); the latest review that covers ISO 42001 is read, so a review of ISO 27001 alone after it does not count';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('MRV002', 'minor', 'nonconformity', '9.3.2', false, 'system', 'rule_mrv002',
	 'the agenda of the latest {ref} lacks the AIMS inputs {1}',
	 'Add to the agenda, beside the inputs clause 9.3.2 asks of each standard: the fulfilment of the AI objectives and the results of the AI risk assessment (required inputs), and AI system performance and impact assessment outcomes (the article''s advice).');

CREATE FUNCTION @extschema@.rule_obj001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH missing AS MATERIALIZED (
		SELECT o.org_id, o.name, x AS standard,
		       CASE x WHEN 'iso42001:2023' THEN 'AI' ELSE 'information security' END AS kind,
		       CASE x WHEN 'iso42001:2023' THEN 'ai_objectives' ELSE 'is_objectives' END AS agenda_item
		FROM @extschema@.organization o, unnest(o.standards) AS x
		WHERE o.org_id = ANY (org_ids) AND x IN ('iso27001:2022', 'iso42001:2023')
		  AND NOT EXISTS (SELECT 1 FROM @extschema@.objective j WHERE j.org_id = o.org_id AND j.org_id = ANY (org_ids)
		                  AND j.status <> 'withdrawn' AND x = ANY (j.standards))
		  AND NOT EXISTS (SELECT 1 FROM @extschema@.document d WHERE d.org_id = o.org_id AND d.org_id = ANY (org_ids)
		                  AND d.topic = 'objectives' AND x = ANY (d.covers)))
	SELECT m.org_id, NULL, m.standard, NULL, @extschema@.standard_label(m.standard), format('no %s objectives are set', m.kind), NULL
	FROM missing m
	UNION ALL
	SELECT m.org_id, NULL, m.standard, NULL, format('management review of %s', to_char(r.held_on, 'YYYY-MM-DD')),
	       format('the management review of %s lists %s on its agenda, but no %s objectives are set',
	              to_char(r.held_on, 'YYYY-MM-DD'), m.agenda_item, m.kind), NULL
	FROM missing m
	JOIN LATERAL (SELECT r.held_on, r.agenda FROM @extschema@.management_review r WHERE r.org_id = m.org_id AND r.org_id = ANY (org_ids)
	              ORDER BY r.held_on DESC, r.review_id DESC LIMIT 1) AS r ON m.agenda_item = ANY (r.agenda);
END;
COMMENT ON FUNCTION @extschema@.rule_obj001(bigint[]) IS
'finding rule OBJ001 of ims.finding_rule: the rows behind "{1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('OBJ001', 'major', 'nonconformity', '6.2', false, 'system', 'rule_obj001',
	 '{1}',
	 'Set measurable objectives for each standard in scope, consistent with the policy, and plan how to achieve them (clause 6.2); record them in ims.objective with their target, measure, frequency and owner.');

CREATE FUNCTION @extschema@.rule_pol001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, NULL, x, NULL, @extschema@.standard_label(x), @extschema@.standard_label(x), NULL
	FROM @extschema@.organization o, unnest(o.standards) AS x
	WHERE o.org_id = ANY (org_ids) AND x IN ('iso27001:2022', 'iso42001:2023')
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.document d WHERE d.org_id = o.org_id AND d.org_id = ANY (org_ids)
	                  AND d.kind = 'policy' AND x = ANY (d.covers));
END;
COMMENT ON FUNCTION @extschema@.rule_pol001(bigint[]) IS
'finding rule POL001 of ims.finding_rule: the rows behind "no policy covers {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('POL001', 'major', 'nonconformity', '5.2', false, 'system', 'rule_pol001',
	 'no policy covers {1}',
	 'Have top management approve a policy that covers the standard (clause 5.2; for ISO 42001 also A.2.2, the AI policy): one policy for both, with the AI commitments in it, is the integrated way.');

CREATE FUNCTION @extschema@.rule_rsk001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT l.org_id, CASE WHEN NOT l.any_assessed THEN 'major' END, 'iso42001:2023', NULL, l.name,
	       CASE WHEN NOT l.any_assessed AND l.systems = 2 THEN ', nor has the other AI system in scope'
	            WHEN NOT l.any_assessed AND l.systems > 2
	            THEN format(', nor has any of the other %s AI systems in scope', l.systems - 1) END, NULL
	FROM (SELECT s.org_id, s.name, a.assessed,
	             bool_or(a.assessed) OVER (PARTITION BY s.org_id) AS any_assessed,
	             count(*) OVER (PARTITION BY s.org_id) AS systems
	      FROM @extschema@.live_ai_systems(org_ids) s,
	           LATERAL (SELECT EXISTS (SELECT 1 FROM @extschema@.risk r WHERE r.org_id = s.org_id AND r.org_id = ANY (org_ids)
	                                   AND r.ai_system_id = s.system_id
	                                   AND @extschema@.risk_domain(r.risk_type) = 'ai') AS assessed) a) l
	WHERE NOT l.assessed;
END;
COMMENT ON FUNCTION @extschema@.rule_rsk001(bigint[]) IS
'finding rule RSK001 of ims.finding_rule: the rows behind "the AI system "{ref}" has no risk of an AI type{1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('RSK001', 'minor', 'nonconformity', '6.1.2', false, 'system', 'rule_rsk001',
	 'the AI system "{ref}" has no risk of an AI type{1}',
	 'Assess its AI risks (ISO 42001 6.1.2): harms to individuals, groups and society, fairness, transparency, robustness; record them in the one register with their risk_type.');

CREATE FUNCTION @extschema@.rule_rsk002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT r.org_id, NULL,
	       @extschema@.risk_domain_standard(@extschema@.risk_domain(r.risk_type)),
	       CASE WHEN r.treatment IS NULL THEN '6.1.3 a' ELSE '6.1.2 c' END, r.title,
	       concat_ws(' and ', CASE WHEN r.treatment IS NULL THEN 'no treatment' END,
	                 CASE WHEN coalesce(btrim(r.owner), '') = '' THEN 'no owner' END), NULL
	FROM @extschema@.risk r JOIN @extschema@.organization o USING (org_id)
	WHERE o.org_id = ANY (org_ids) AND r.org_id = ANY (org_ids) AND (r.treatment IS NULL OR coalesce(btrim(r.owner), '') = '');
END;
COMMENT ON FUNCTION @extschema@.rule_rsk002(bigint[]) IS
'finding rule RSK002 of ims.finding_rule: the rows behind "the risk "{ref}" has {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('RSK002', 'minor', 'nonconformity', '6.1.3 a', false, 'system', 'rule_rsk002',
	 'the risk "{ref}" has {1}',
	 'Decide its treatment (mitigate, accept, avoid or transfer) and name its owner (clauses 6.1.2 c and 6.1.3 a).');

CREATE FUNCTION @extschema@.rule_rsk003(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	-- The treated controls an entry does not include (undecided or excluded:
	-- a few entries, each looked up in the risk treatment), and those the
	-- SoA lacks, which only a live SoA with fewer entries than its
	-- standards have controls can lack.
	WITH live AS MATERIALIZED (SELECT * FROM @extschema@.live_soa(org_ids)),
	per_standard AS (SELECT standard, count(*) AS n FROM @extschema@.control WHERE NOT withdrawn GROUP BY standard),
	not_included AS (
		SELECT e.org_id, e.standard, e.control_id,
		       CASE WHEN @extschema@.decision(e.applicability) = 'undecided' THEN 'the SoA leaves undecided'
		            ELSE 'the SoA excludes' END AS why
		FROM live l JOIN @extschema@.soa_entry e ON e.org_id = l.org_id AND e.org_id = ANY (org_ids) AND e.soa_id = l.soa_id
		WHERE @extschema@.decision(e.applicability) <> 'applicable'),
	missing AS (
		SELECT c.org_id, c.standard, c.control_id, 'is missing from the SoA' AS why
		FROM live l JOIN @extschema@.organization o USING (org_id)
		JOIN @extschema@.risk_control c ON c.org_id = l.org_id AND c.org_id = ANY (org_ids) AND c.standard = ANY (o.standards)
		WHERE o.org_id = ANY (org_ids) AND (SELECT count(*) FROM @extschema@.soa_entry e WHERE e.org_id = l.org_id AND e.org_id = ANY (org_ids)
		       AND e.soa_id = l.soa_id AND e.standard = ANY (o.standards))
		      < (SELECT sum(n) FROM per_standard p WHERE p.standard = ANY (o.standards))
		  AND NOT EXISTS (SELECT 1 FROM @extschema@.soa_entry e WHERE e.org_id = l.org_id AND e.org_id = ANY (org_ids) AND e.soa_id = l.soa_id
		                  AND e.standard = c.standard AND e.control_id = c.control_id)
		GROUP BY c.org_id, c.standard, c.control_id)
	SELECT r.org_id, NULL, x.standard, NULL, r.title,
	       @extschema@.standard_label(x.standard) || ' ' || x.control_id, x.why
	FROM (SELECT * FROM not_included UNION ALL SELECT * FROM missing) AS x
	JOIN @extschema@.risk_control c ON c.org_id = x.org_id AND c.org_id = ANY (org_ids) AND c.standard = x.standard AND c.control_id = x.control_id
	JOIN @extschema@.risk r ON r.org_id = c.org_id AND r.org_id = ANY (org_ids) AND r.risk_id = c.risk_id;
END;
COMMENT ON FUNCTION @extschema@.rule_rsk003(bigint[]) IS
'finding rule RSK003 of ims.finding_rule: the rows behind "the risk "{ref}" is treated by {1}, which {2}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('RSK003', 'minor', 'nonconformity', '6.1.3 b', false, 'soa', 'rule_rsk003',
	 'the risk "{ref}" is treated by {1}, which {2}',
	 'Include the control in the SoA with the reason risk, or treat the risk otherwise: the controls of the SoA and of the risk treatment must agree (clause 6.1.3 b to d).');

CREATE FUNCTION @extschema@.rule_scp001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, NULL, 'iso42001:2023', NULL, o.name, NULL, NULL
	FROM @extschema@.organization o
	WHERE o.org_id = ANY (org_ids) AND 'iso42001:2023' = ANY (o.standards)
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.ai_system s WHERE s.org_id = o.org_id AND s.org_id = ANY (org_ids)
	                  AND s.in_scope AND s.lifecycle_stage <> 'retired');
END;
COMMENT ON FUNCTION @extschema@.rule_scp001(bigint[]) IS
'finding rule SCP001 of ims.finding_rule: the rows behind "ISO 42001 is in scope, but no AI system is in the scope of the AIMS" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SCP001', 'major', 'nonconformity', '4.3', false, 'system', 'rule_scp001',
	 'ISO 42001 is in scope, but no AI system is in the scope of the AIMS',
	 'Record the AI systems the organization develops, provides or uses within the scope (ims.ai_system, in_scope), or explain in the scope statement why the AIMS covers none (clause 4.3).');

CREATE FUNCTION @extschema@.rule_scp002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, CASE WHEN d.title IS NOT NULL THEN 'observation' END, NULL, NULL, o.name,
	       CASE WHEN d.title IS NOT NULL THEN format(' in the record, although the document "%s" may state it', d.title) END, NULL
	FROM @extschema@.organization o
	LEFT JOIN LATERAL (SELECT d.title FROM @extschema@.document d WHERE d.org_id = o.org_id AND d.org_id = ANY (org_ids) AND d.topic = 'scope'
	                   ORDER BY d.doc_id LIMIT 1) AS d ON true
	WHERE o.org_id = ANY (org_ids) AND coalesce(btrim(o.scope_statement), '') = '';
END;
COMMENT ON FUNCTION @extschema@.rule_scp002(bigint[]) IS
'finding rule SCP002 of ims.finding_rule: the rows behind "the scope of the management system is not stated{1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SCP002', 'major', 'nonconformity', '4.3', false, 'system', 'rule_scp002',
	 'the scope of the management system is not stated{1}',
	 'State the scope (boundaries, applicability, the AI systems and the organization''s role for them) in organization.scope_statement, as the scope document records it (clause 4.3: the scope shall be available as documented information).');

CREATE FUNCTION @extschema@.rule_soa001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, NULL, NULL, NULL, o.name, NULL, NULL FROM @extschema@.organization o WHERE o.org_id = ANY (org_ids)
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.soa s WHERE s.org_id = o.org_id AND s.org_id = ANY (org_ids)
	                  AND s.status IN ('draft', 'approved'));
END;
COMMENT ON FUNCTION @extschema@.rule_soa001(bigint[]) IS
'finding rule SOA001 of ims.finding_rule: the rows behind "there is no Statement of Applicability" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SOA001', 'major', 'nonconformity', '6.1.3 d', false, 'soa', 'rule_soa001',
	 'there is no Statement of Applicability',
	 'Create the consolidated draft with ims.init_soa(org_id): one SoA over both Annex A catalogs.');

CREATE FUNCTION @extschema@.rule_soa002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH v AS (SELECT s.org_id, s.version,
	                  array_remove(array_agg(DISTINCT e.standard), NULL) AS standards
	           FROM @extschema@.soa s JOIN @extschema@.organization o USING (org_id)
	           LEFT JOIN @extschema@.soa_entry e ON e.org_id = s.org_id AND e.org_id = ANY (org_ids) AND e.soa_id = s.soa_id
	           WHERE o.org_id = ANY (org_ids) AND s.org_id = ANY (org_ids) AND s.status IN ('draft', 'approved')
	             AND EXISTS (SELECT 1 FROM @extschema@.soa t WHERE t.org_id = s.org_id AND t.org_id = ANY (org_ids)
	                         AND t.soa_id <> s.soa_id AND t.status IN ('draft', 'approved'))
	           GROUP BY s.org_id, s.soa_id, s.version)
	SELECT o.org_id, NULL, NULL, NULL, o.name, count(*)::text,
	       string_agg(format('version %s (%s)', v.version,
	                         (SELECT string_agg(@extschema@.standard_label(x), ', ' ORDER BY x COLLATE "C")
	                          FROM unnest(v.standards) AS x)), '; '
	                  ORDER BY v.version)
	FROM v JOIN @extschema@.organization o USING (org_id)
	WHERE o.org_id = ANY (org_ids)
	GROUP BY o.org_id HAVING count(*) > 1 AND NOT bool_or(v.standards @> o.standards);
END;
COMMENT ON FUNCTION @extschema@.rule_soa002(bigint[]) IS
'finding rule SOA002 of ims.finding_rule: the rows behind "{1} live SoA versions each cover part of the scope: {2}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SOA002', 'observation', 'advisory', '6.1.3 d', false, 'soa', 'rule_soa002',
	 '{1} live SoA versions each cover part of the scope: {2}',
	 'Keep one consolidated SoA (the article''s advice): build the next draft with ims.init_soa(), which lists every control of every standard in scope, and approve it.');

CREATE FUNCTION @extschema@.rule_soa003(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH live AS MATERIALIZED (SELECT * FROM @extschema@.live_soa(org_ids)) ,
	per_standard AS (SELECT standard, count(*) AS n FROM @extschema@.control WHERE NOT withdrawn GROUP BY standard),
	short AS (SELECT l.org_id, l.soa_id, l.version, o.standards
	          FROM live l JOIN @extschema@.organization o USING (org_id)
	          WHERE o.org_id = ANY (org_ids) AND (SELECT count(*) FROM @extschema@.soa_entry e WHERE e.org_id = l.org_id AND e.org_id = ANY (org_ids)
	                 AND e.soa_id = l.soa_id AND e.standard = ANY (o.standards))
	              < (SELECT sum(n) FROM per_standard p WHERE p.standard = ANY (o.standards))),
	missing AS (SELECT k.org_id, k.version, c.standard, c.control_id,
	                   count(*) OVER (PARTITION BY k.org_id, c.standard) AS n
	            FROM short k JOIN @extschema@.control c ON c.standard = ANY (k.standards) AND NOT c.withdrawn
	            LEFT JOIN @extschema@.soa_entry e ON e.org_id = k.org_id AND e.org_id = ANY (org_ids) AND e.soa_id = k.soa_id
	                                             AND e.standard = c.standard AND e.control_id = c.control_id
	            WHERE e.org_id IS NULL)
	SELECT m.org_id, CASE WHEN m.n = p.n THEN 'major' END, m.standard, NULL,
	       @extschema@.standard_label(m.standard) || ' ' || m.control_id, m.version::text, NULL
	FROM missing m JOIN per_standard p USING (standard);
END;
COMMENT ON FUNCTION @extschema@.rule_soa003(bigint[]) IS
'finding rule SOA003 of ims.finding_rule: the rows behind "{ref} is missing from version {1} of the SoA" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SOA003', 'minor', 'nonconformity', '6.1.3 d', true, 'soa', 'rule_soa003',
	 '{ref} is missing from version {1} of the SoA',
	 'Every control of the standards in scope must be in the SoA with a decision: add the missing entry to the draft (a new draft from ims.init_soa() lists every control).');

CREATE FUNCTION @extschema@.rule_soa004(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	-- A standard none of whose entries is decided is a SoA not made for it
	-- (major); the entries of a standard are counted only where one is
	-- undecided, so the decided ones of every other standard are not read.
	WITH live AS MATERIALIZED (SELECT * FROM @extschema@.live_soa(org_ids)),
	undecided AS (
		SELECT e.org_id, e.soa_id, e.standard, e.control_id,
		       count(*) OVER (PARTITION BY e.org_id, e.soa_id, e.standard) AS n
		FROM live l JOIN @extschema@.soa_entry e ON e.org_id = l.org_id AND e.org_id = ANY (org_ids) AND e.soa_id = l.soa_id
		WHERE @extschema@.decision(e.applicability) = 'undecided')
	SELECT u.org_id,
	       CASE WHEN u.n = (SELECT count(*) FROM @extschema@.soa_entry e WHERE e.org_id = u.org_id AND e.org_id = ANY (org_ids)
	                        AND e.soa_id = u.soa_id AND e.standard = u.standard) THEN 'major' END,
	       u.standard, NULL, @extschema@.standard_label(u.standard) || ' ' || u.control_id, NULL, NULL
	FROM undecided u;
END;
COMMENT ON FUNCTION @extschema@.rule_soa004(bigint[]) IS
'finding rule SOA004 of ims.finding_rule: the rows behind "{ref} is undecided" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SOA004', 'minor', 'nonconformity', '6.1.3 d', true, 'soa', 'rule_soa004',
	 '{ref} is undecided',
	 'Decide whether the control applies: with the reasons for including it, or with the justification for excluding it.');

CREATE FUNCTION @extschema@.rule_soa005(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH live AS MATERIALIZED (SELECT * FROM @extschema@.live_soa(org_ids))
	SELECT e.org_id, NULL, e.standard, NULL, @extschema@.standard_label(e.standard) || ' ' || e.control_id, NULL, NULL
	FROM live l JOIN @extschema@.soa_entry e ON e.org_id = l.org_id AND e.org_id = ANY (org_ids) AND e.soa_id = l.soa_id
	WHERE @extschema@.decision(e.applicability) = 'not_applicable' AND coalesce(btrim(e.justification), '') = '';
END;
COMMENT ON FUNCTION @extschema@.rule_soa005(bigint[]) IS
'finding rule SOA005 of ims.finding_rule: the rows behind "{ref} is excluded without justification" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SOA005', 'minor', 'nonconformity', '6.1.3 d', true, 'soa', 'rule_soa005',
	 '{ref} is excluded without justification',
	 'Record why the control does not apply in the entry''s justification (ISO 27001 6.1.3 d, ISO 42001 6.1.3 f).');

CREATE FUNCTION @extschema@.rule_soa006(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH live AS MATERIALIZED (SELECT * FROM @extschema@.live_soa(org_ids))
	SELECT e.org_id, NULL, e.standard, NULL, @extschema@.standard_label(e.standard) || ' ' || e.control_id, NULL, NULL
	FROM live l JOIN @extschema@.soa_entry e ON e.org_id = l.org_id AND e.org_id = ANY (org_ids) AND e.soa_id = l.soa_id
	WHERE @extschema@.decision(e.applicability) = 'applicable'
	  AND cardinality(@extschema@.reasons(e.applicability)) = 0;
END;
COMMENT ON FUNCTION @extschema@.rule_soa006(bigint[]) IS
'finding rule SOA006 of ims.finding_rule: the rows behind "{ref} is applicable but no reason for including it is recorded" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SOA006', 'minor', 'nonconformity', '6.1.3 d', false, 'soa', 'rule_soa006',
	 '{ref} is applicable but no reason for including it is recorded',
	 'Record the reasons, such as applicable(risk,legal): risk treatment, law, contract, business requirement, interested party or impact assessment.');

CREATE FUNCTION @extschema@.rule_soa007(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH live AS MATERIALIZED (SELECT * FROM @extschema@.live_soa(org_ids))
	SELECT e.org_id, NULL, e.standard, NULL, @extschema@.standard_label(e.standard) || ' ' || e.control_id, NULL, NULL
	FROM live l JOIN @extschema@.soa_entry e ON e.org_id = l.org_id AND e.org_id = ANY (org_ids) AND e.soa_id = l.soa_id
	WHERE @extschema@.decision(e.applicability) = 'applicable' AND e.implementation = 'implemented'
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.evidence v WHERE v.org_id = e.org_id AND v.org_id = ANY (org_ids)
	                  AND v.standard = e.standard AND v.control_id = e.control_id
	                  AND v.collected_on <= current_date
	                  AND (v.valid_until IS NULL OR v.valid_until >= current_date));
END;
COMMENT ON FUNCTION @extschema@.rule_soa007(bigint[]) IS
'finding rule SOA007 of ims.finding_rule: the rows behind "{ref} is marked implemented but has no current evidence" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SOA007', 'observation', 'advisory', '7.5.1 b', false, 'soa', 'rule_soa007',
	 '{ref} is marked implemented but has no current evidence',
	 'Attach evidence that the control operates (ims.evidence), of a kind its catalog entry suggests, and keep it current: an auditor who samples the control will ask for it.');

CREATE FUNCTION @extschema@.rule_soa008(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT v.org_id, NULL, v.standard, v.control_id, @extschema@.standard_label(v.standard) || ' ' || v.control_id,
	       string_agg(DISTINCT k.title COLLATE "C", ', ' ORDER BY k.title COLLATE "C"), NULL
	FROM @extschema@.evidence v JOIN @extschema@.organization o USING (org_id)
	JOIN @extschema@.evidence_kind k ON k.code = v.kind
	JOIN @extschema@.control c ON c.standard = v.standard AND c.control_id = v.control_id
	WHERE o.org_id = ANY (org_ids) AND v.org_id = ANY (org_ids) AND v.standard = 'iso42001:2023'
	  AND v.collected_on <= current_date AND (v.valid_until IS NULL OR v.valid_until >= current_date)
	GROUP BY v.org_id, v.standard, v.control_id
	HAVING bool_and(k.domain = 'information_security' AND NOT v.kind = ANY (c.evidence_kinds));
END;
COMMENT ON FUNCTION @extschema@.rule_soa008(bigint[]) IS
'finding rule SOA008 of ims.finding_rule: the rows behind "{ref} is evidenced only by information security evidence that its catalog entry does not suggest: {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SOA008', 'minor', 'nonconformity', NULL, false, 'soa', 'rule_soa008',
	 '{ref} is evidenced only by information security evidence that its catalog entry does not suggest: {1}',
	 'Evidence an AI control with what shows it operates: a kind its catalog entry lists (ims.control.evidence_kinds) or AI evidence such as an evaluation report, a model card or an impact assessment. A penetration test is no verification and validation of an AI system.');

CREATE FUNCTION @extschema@.rule_soa009(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH live AS MATERIALIZED (SELECT * FROM @extschema@.live_soa(org_ids)) ,
	excluded AS MATERIALIZED (SELECT e.org_id, e.soa_id, e.standard, e.control_id
	             FROM live l JOIN @extschema@.soa_entry e ON e.org_id = l.org_id AND e.org_id = ANY (org_ids) AND e.soa_id = l.soa_id
	             WHERE @extschema@.decision(e.applicability) = 'not_applicable' AND coalesce(btrim(e.justification), '') = ''),
	counterpart AS (SELECT source_standard AS std, source_control AS id,
	                       target_standard AS other_std, target_control AS other_id FROM @extschema@.control_mapping
	                WHERE strength <> 'weak'
	                UNION ALL
	                SELECT target_standard, target_control, source_standard, source_control
	                FROM @extschema@.control_mapping WHERE strength <> 'weak'),
	pair AS MATERIALIZED (SELECT x.org_id, x.soa_id, x.standard, x.control_id, c.other_std, c.other_id
	                      FROM excluded x JOIN @extschema@.organization o USING (org_id)
	                      JOIN counterpart c ON c.std = x.standard AND c.id = x.control_id
	                      WHERE o.org_id = ANY (org_ids) AND x.standard = ANY (o.standards) AND c.other_std = ANY (o.standards))
	SELECT p.org_id, NULL, p.standard, NULL, @extschema@.standard_label(p.standard) || ' ' || p.control_id,
	       CASE WHEN count(*) = 1 THEN 'the control mapped to it, ' ELSE 'the controls mapped to it, ' END
	       || string_agg(@extschema@.standard_label(p.other_std) || ' ' || p.other_id, ', '
	                     ORDER BY p.other_std COLLATE "C", p.other_id COLLATE "C")
	       || CASE WHEN count(*) = 1 THEN ', is applicable' ELSE ', are applicable' END, NULL
	FROM pair p JOIN @extschema@.soa_entry a ON a.org_id = p.org_id AND a.org_id = ANY (org_ids) AND a.soa_id = p.soa_id
	                                AND a.standard = p.other_std AND a.control_id = p.other_id
	WHERE @extschema@.decision(a.applicability) = 'applicable'
	GROUP BY p.org_id, p.standard, p.control_id;
END;
COMMENT ON FUNCTION @extschema@.rule_soa009(bigint[]) IS
'finding rule SOA009 of ims.finding_rule: the rows behind "{ref} is excluded without justification while {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SOA009', 'minor', 'nonconformity', '6.1.3 d', false, 'soa', 'rule_soa009',
	 '{ref} is excluded without justification while {1}',
	 'Say why the counterpart''s reason for inclusion does not hold for this control, or decide both alike (ims.control_mapping says how they relate; weak pairs are not counted).');

CREATE FUNCTION @extschema@.rule_soa010(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, NULL, NULL, NULL, o.name, NULL, NULL FROM @extschema@.organization o WHERE o.org_id = ANY (org_ids)
	  AND EXISTS (SELECT 1 FROM @extschema@.soa s WHERE s.org_id = o.org_id AND s.org_id = ANY (org_ids) AND s.status = 'draft')
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.soa s WHERE s.org_id = o.org_id AND s.org_id = ANY (org_ids) AND s.status IN ('approved', 'superseded'));
END;
COMMENT ON FUNCTION @extschema@.rule_soa010(bigint[]) IS
'finding rule SOA010 of ims.finding_rule: the rows behind "the Statement of Applicability has never been approved" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SOA010', 'observation', 'certification_blocker', '6.1.3 d', false, 'soa', 'rule_soa010',
	 'the Statement of Applicability has never been approved',
	 'Have the SoA approved with ims.approve_soa(): a certification body reviews the approved SoA at stage 1.');

CREATE FUNCTION @extschema@.rule_soa011(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT s.org_id, NULL, NULL, NULL, format('version %s', s.version),
	       format('version %s was approved by %s, not by %s, who approved the information security policy',
	              s.version, s.approved_by, p.approvers), NULL
	FROM @extschema@.soa s JOIN @extschema@.organization o USING (org_id),
	     LATERAL (SELECT string_agg(DISTINCT d.approved_by COLLATE "C", ' or '
	                                ORDER BY d.approved_by COLLATE "C") AS approvers,
	                     bool_or(lower(btrim(d.approved_by)) = lower(btrim(s.approved_by))) AS same
	              FROM @extschema@.document d WHERE d.org_id = s.org_id AND d.org_id = ANY (org_ids) AND d.kind = 'policy'
	              AND 'iso27001:2022' = ANY (d.covers) AND d.approved_by IS NOT NULL) AS p
	WHERE o.org_id = ANY (org_ids) AND s.org_id = ANY (org_ids) AND s.status = 'approved' AND p.approvers IS NOT NULL AND NOT p.same;
END;
COMMENT ON FUNCTION @extschema@.rule_soa011(bigint[]) IS
'finding rule SOA011 of ims.finding_rule: the rows behind "the Statement of Applicability {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SOA011', 'observation', 'advisory', '5.1', false, 'soa', 'rule_soa011',
	 'the Statement of Applicability {1}',
	 'The article''s advice: have the SoA approved by the management that approved the information security policy, so that one authority owns both.');

CREATE FUNCTION @extschema@.rule_soa012(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH live AS MATERIALIZED (SELECT * FROM @extschema@.live_soa(org_ids))
	SELECT e.org_id, NULL, e.standard, NULL, @extschema@.standard_label(e.standard) || ' ' || e.control_id, NULL, NULL
	FROM live l JOIN @extschema@.soa_entry e ON e.org_id = l.org_id AND e.org_id = ANY (org_ids) AND e.soa_id = l.soa_id
	WHERE 'risk' = ANY (@extschema@.reasons(e.applicability))
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.risk_control c WHERE c.org_id = e.org_id AND c.org_id = ANY (org_ids)
	                  AND c.standard = e.standard AND c.control_id = e.control_id);
END;
COMMENT ON FUNCTION @extschema@.rule_soa012(bigint[]) IS
'finding rule SOA012 of ims.finding_rule: the rows behind "{ref} is included for risk treatment, but no risk is treated by it" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SOA012', 'minor', 'nonconformity', '6.1.3 b', false, 'soa', 'rule_soa012',
	 '{ref} is included for risk treatment, but no risk is treated by it',
	 'Link the risks it treats (ims.risk_control), or record the reason it is really included for: the controls of the SoA come from the risk treatment (clause 6.1.3 b).');

CREATE FUNCTION @extschema@.rule_sys001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT s.org_id, NULL, 'iso42001:2023', 'A.9.4', s.name, 'intended use', NULL
	FROM @extschema@.live_ai_systems(org_ids) s WHERE coalesce(btrim(s.intended_use), '') = ''
	UNION ALL
	SELECT s.org_id, NULL, 'iso42001:2023', '6.1.4', s.name, 'foreseeable misuse', NULL
	FROM @extschema@.live_ai_systems(org_ids) s WHERE coalesce(btrim(s.foreseeable_misuse), '') = '';
END;
COMMENT ON FUNCTION @extschema@.rule_sys001(bigint[]) IS
'finding rule SYS001 of ims.finding_rule: the rows behind "the AI system "{ref}" has no {1} recorded" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SYS001', 'minor', 'nonconformity', 'A.9.4', false, 'system', 'rule_sys001',
	 'the AI system "{ref}" has no {1} recorded',
	 'Record what the system is for (intended_use, ISO 42001 A.9.4) and how it could reasonably be misused (foreseeable_misuse, which the impact assessment must consider: 6.1.4, A.5.4).');

----------------------------------------------------------------------------
-- Risk criteria, treatment plans, acceptance and objectives
-- (31_risk_treatment.sql; docs/risk-treatment.md)
----------------------------------------------------------------------------

CREATE FUNCTION @extschema@.rule_rsk004(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	-- a domain needs criteria when its standard is in scope or the register
	-- holds risks of it; with none for any domain, the risk assessment has
	-- no basis at all
	WITH needed AS (
		SELECT o.org_id, d.domain, d.standard, d.label,
		       EXISTS (SELECT 1 FROM @extschema@.risk_criteria c WHERE c.org_id = o.org_id AND c.org_id = ANY (org_ids) AND c.domain = d.domain) AS has
		FROM @extschema@.organization o
		CROSS JOIN (VALUES ('information_security', 'iso27001:2022', 'information security'),
		                   ('ai', 'iso42001:2023', 'AI')) AS d(domain, standard, label)
		WHERE o.org_id = ANY (org_ids)
		  AND (d.standard = ANY (o.standards)
		       OR EXISTS (SELECT 1 FROM @extschema@.risk r WHERE r.org_id = o.org_id AND r.org_id = ANY (org_ids)
		                  AND @extschema@.risk_domain(r.risk_type) = d.domain)))
	SELECT n.org_id, CASE WHEN NOT n.any_has THEN 'major' END, n.standard, NULL, n.label || ' risk criteria',
	       CASE WHEN NOT n.any_has THEN ', nor for any other risk domain' ELSE '' END, NULL
	FROM (SELECT *, bool_or(has) OVER (PARTITION BY org_id) AS any_has FROM needed) n
	WHERE NOT n.has;
END;
COMMENT ON FUNCTION @extschema@.rule_rsk004(bigint[]) IS
'finding rule RSK004 of ims.finding_rule: the rows behind "no {ref} are established{1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('RSK004', 'minor', 'nonconformity', '6.1.2 a', false, 'system', 'rule_rsk004',
	 'no {ref} are established{1}',
	 'Record the scales risks of the domain are rated on and the level up to which a residual risk is acceptable (ims.risk_criteria; ISO 27001 6.1.2 a, ISO 42001 6.1.1): AI risks are rated by the severity of the harm to the people affected, apart from information security risks.');

CREATE FUNCTION @extschema@.rule_rsk005(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT t.org_id, NULL,
	       @extschema@.risk_domain_standard(t.domain), NULL, r.title,
	       t.residual_level::text, t.acceptable_level::text
	FROM @extschema@.risk_treatment_status(org_ids) t
	JOIN @extschema@.risk r ON r.org_id = t.org_id AND r.org_id = ANY (org_ids) AND r.risk_id = t.risk_id
	WHERE t.acceptance_status = 'not_accepted';
END;
COMMENT ON FUNCTION @extschema@.rule_rsk005(bigint[]) IS
'finding rule RSK005 of ims.finding_rule: the rows behind "the residual risk "{ref}" is at level {1}, above the acceptable level {2}, and no risk owner has accepted it" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('RSK005', 'minor', 'nonconformity', '6.1.3 f', false, 'system', 'rule_rsk005',
	 'the residual risk "{ref}" is at level {1}, above the acceptable level {2}, and no risk owner has accepted it',
	 'Have the risk owner accept the residual risk (ims.accept_risk, clause 6.1.3 f), or treat it further until its residual rating is within the criteria.');

CREATE FUNCTION @extschema@.rule_rsk006(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT t.org_id, NULL,
	       @extschema@.risk_domain_standard(t.domain), NULL, r.title,
	       CASE t.acceptance_status
	            WHEN 'stale' THEN format('of %s no longer counts: the residual rating changed after it (level %s, accepted at %s)',
	                                     to_char(a.accepted_at, 'YYYY-MM-DD'), t.residual_level,
	                                     a.accepted_likelihood * a.accepted_impact)
	            ELSE format('expired on %s', to_char(a.expires_on, 'YYYY-MM-DD')) END,
	       NULL
	FROM @extschema@.risk_treatment_status(org_ids) t
	JOIN @extschema@.risk r ON r.org_id = t.org_id AND r.org_id = ANY (org_ids) AND r.risk_id = t.risk_id
	JOIN @extschema@.risk_acceptance a ON a.org_id = t.org_id AND a.org_id = ANY (org_ids) AND a.acceptance_id = t.acceptance_id
	WHERE t.acceptance_status IN ('stale', 'expired');
END;
COMMENT ON FUNCTION @extschema@.rule_rsk006(bigint[]) IS
'finding rule RSK006 of ims.finding_rule: the rows behind "the acceptance of the residual risk "{ref}" {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('RSK006', 'minor', 'nonconformity', '6.1.3 f', false, 'system', 'rule_rsk006',
	 'the acceptance of the residual risk "{ref}" {1}',
	 'Have the risk owner accept the risk again at its current residual rating (ims.accept_risk), or treat it until it is within the criteria: an acceptance covers the rating it accepted, until it expires.');

CREATE FUNCTION @extschema@.rule_rsk007(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	-- a date missed by weeks is noted; a plan left unimplemented for a
	-- quarter is a nonconformity of 8.3
	SELECT x.org_id, CASE WHEN current_date - x.due_on <= 90 THEN 'observation' END,
	       @extschema@.risk_domain_standard(@extschema@.risk_domain(r.risk_type)), NULL,
	       x.action, r.title, (current_date - x.due_on)::text
	FROM @extschema@.risk_treatment_action x
	JOIN @extschema@.organization o ON o.org_id = x.org_id AND o.org_id = ANY (org_ids) AND x.org_id = ANY (org_ids)
	JOIN @extschema@.risk r ON r.org_id = x.org_id AND r.org_id = ANY (org_ids) AND r.risk_id = x.risk_id
	WHERE o.org_id = ANY (org_ids) AND x.status IN ('planned', 'in_progress') AND x.due_on < current_date;
END;
COMMENT ON FUNCTION @extschema@.rule_rsk007(bigint[]) IS
'finding rule RSK007 of ims.finding_rule: the rows behind "the treatment action "{ref}" of the risk "{1}" is {2} days overdue" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('RSK007', 'minor', 'nonconformity', '8.3', false, 'system', 'rule_rsk007',
	 'the treatment action "{ref}" of the risk "{1}" is {2} days overdue',
	 'Complete the action, or have its owner re-plan it with a new due date and the reason, approved by the risk owner (clause 8.3: the risk treatment plan is implemented).');

CREATE FUNCTION @extschema@.rule_rsk008(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT r.org_id, NULL,
	       @extschema@.risk_domain_standard(@extschema@.risk_domain(r.risk_type)),
	       CASE WHEN p.planned THEN '6.1.3 f' ELSE '6.1.3 e' END, r.title,
	       CASE WHEN p.planned THEN 'has a treatment plan the risk owner has not approved'
	            ELSE format('is to be %s, but has no treatment plan: no action and no control', r.treatment
	                        || CASE r.treatment WHEN 'mitigate' THEN 'd' ELSE 'ed' END) END,
	       NULL
	FROM @extschema@.risk r
	JOIN @extschema@.organization o ON o.org_id = r.org_id AND o.org_id = ANY (org_ids) AND r.org_id = ANY (org_ids)
	CROSS JOIN LATERAL (
		SELECT EXISTS (SELECT 1 FROM @extschema@.risk_treatment_action x WHERE x.org_id = r.org_id AND x.org_id = ANY (org_ids) AND x.risk_id = r.risk_id)
		       OR EXISTS (SELECT 1 FROM @extschema@.risk_control c WHERE c.org_id = r.org_id AND c.org_id = ANY (org_ids) AND c.risk_id = r.risk_id)
		       AS planned) p
	WHERE o.org_id = ANY (org_ids) AND r.treatment IN ('mitigate', 'transfer', 'avoid')
	  AND (NOT p.planned OR r.plan_approved_by IS NULL);
END;
COMMENT ON FUNCTION @extschema@.rule_rsk008(bigint[]) IS
'finding rule RSK008 of ims.finding_rule: the rows behind "the risk "{ref}" {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('RSK008', 'minor', 'nonconformity', NULL, false, 'system', 'rule_rsk008',
	 'the risk "{ref}" {1}',
	 'Formulate the treatment plan (ims.risk_treatment_action: action, owner, due date, the controls it implements; clause 6.1.3 e) and record the risk owner''s approval of it (plan_approved_by, plan_approved_on; clause 6.1.3 f).');

CREATE FUNCTION @extschema@.rule_obj002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	-- never measured although a measurement was due: not monitored; measured
	-- once but a period missed since: noted
	SELECT j.org_id, CASE WHEN s.measurements > 0 THEN 'observation' END, x, NULL, j.title,
	       CASE WHEN s.measurements = 0
	            THEN format('has never been measured, though its first %s measurement was due on %s',
	                        replace(j.frequency, '_', '-'), to_char(s.next_measurement_due, 'YYYY-MM-DD'))
	            ELSE format('was last measured on %s; its next %s measurement was due on %s',
	                        to_char(s.latest_measured_on, 'YYYY-MM-DD'), replace(j.frequency, '_', '-'),
	                        to_char(s.next_measurement_due, 'YYYY-MM-DD')) END,
	       NULL
	FROM @extschema@.objective_status(org_ids) s
	JOIN @extschema@.objective j ON j.org_id = s.org_id AND j.org_id = ANY (org_ids) AND j.objective_id = s.objective_id
	JOIN @extschema@.organization o ON o.org_id = j.org_id AND o.org_id = ANY (org_ids) AND j.org_id = ANY (org_ids)
	CROSS JOIN LATERAL unnest(j.standards) AS x
	WHERE j.status = 'active' AND x = ANY (o.standards)
	  AND CASE WHEN s.measurements = 0 THEN s.next_measurement_due < current_date
	           ELSE (s.next_measurement_due + @extschema@.frequency_interval(j.frequency))::date < current_date END;
END;
COMMENT ON FUNCTION @extschema@.rule_obj002(bigint[]) IS
'finding rule OBJ002 of ims.finding_rule: the rows behind "the objective "{ref}" {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('OBJ002', 'minor', 'nonconformity', '6.2 d', false, 'system', 'rule_obj002',
	 'the objective "{ref}" {1}',
	 'Measure it as its method and frequency say and record the result (ims.objective_measurement): objectives are monitored (clause 6.2 d), and the management review reads their fulfilment (9.3.2).');

----------------------------------------------------------------------------
-- Each AI system as an instance (33_ai_system_records.sql): its owner, its
-- evidence per control, its datasets and suppliers, and the impact
-- assessment with impacts as rows (docs/findings.md, "AI system records")
----------------------------------------------------------------------------

CREATE FUNCTION @extschema@.rule_sys002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT s.org_id, NULL, 'iso42001:2023', NULL, s.name, NULL, NULL
	FROM @extschema@.live_ai_systems(org_ids) s WHERE s.owner IS NULL;
END;
COMMENT ON FUNCTION @extschema@.rule_sys002(bigint[]) IS
'finding rule SYS002 of ims.finding_rule: the rows behind "the AI system "{ref}" has no accountable owner" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SYS002', 'minor', 'nonconformity', 'A.3.2', false, 'system', 'rule_sys002',
	 'the AI system "{ref}" has no accountable owner',
	 'Name the one person accountable for the system in ai_system.owner (ISO 42001 A.3.2, 5.3).');

CREATE FUNCTION @extschema@.rule_sys003(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH live AS MATERIALIZED (SELECT * FROM @extschema@.live_soa(org_ids)),
	-- the controls evidenced for each system, one array a system: one hash
	-- join on the system, not a comparison per evidence and control
	have AS MATERIALIZED (SELECT v.org_id, v.system_id, array_agg(DISTINCT v.control_id) AS controls
	                      FROM @extschema@.ai_system_evidence(org_ids) v WHERE v.standard = 'iso42001:2023'
	                      GROUP BY v.org_id, v.system_id)
	SELECT s.org_id, NULL, 'iso42001:2023', k.control_id, s.name || ' ' || k.control_id, s.name,
	       format('ISO 42001 %s (%s)', k.control_id, c.title)
	FROM @extschema@.live_ai_systems(org_ids) s
	JOIN live l ON l.org_id = s.org_id AND l.org_id = ANY (org_ids)
	LEFT JOIN have h ON h.org_id = s.org_id AND h.org_id = ANY (org_ids) AND h.system_id = s.system_id
	CROSS JOIN @extschema@.ai_system_controls() k
	JOIN @extschema@.soa_entry e ON e.org_id = l.org_id AND e.org_id = ANY (org_ids) AND e.soa_id = l.soa_id
	                           AND e.standard = 'iso42001:2023' AND e.control_id = k.control_id
	JOIN @extschema@.control c ON c.standard = e.standard AND c.control_id = e.control_id
	WHERE @extschema@.decision(e.applicability) = 'applicable'
	  AND @extschema@.lifecycle_rank(s.lifecycle_stage) >= k.from_rank
	  AND NOT k.control_id = ANY (coalesce(h.controls, '{}'))
	  -- the rights and provenance of the datasets a system uses are DAT001's
	  AND NOT (k.control_id IN ('A.7.3', 'A.7.5')
	           AND EXISTS (SELECT 1 FROM @extschema@.dataset_use u WHERE u.org_id = s.org_id AND u.org_id = ANY (org_ids) AND u.system_id = s.system_id));
END;
COMMENT ON FUNCTION @extschema@.rule_sys003(bigint[]) IS
'finding rule SYS003 of ims.finding_rule: the rows behind "the AI system "{1}" has no current evidence of {2}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SYS003', 'minor', 'nonconformity', NULL, false, 'system', 'rule_sys003',
	 'the AI system "{1}" has no current evidence of {2}',
	 'Record it for that system: a life-cycle record (ims.ai_lifecycle_record), evidence that names the system (ims.evidence.system_id) of a kind the control suggests, or for A.7 the datasets it uses (ims.dataset_use) with what the control asks recorded. ims.ai_system_evidence lists what counts.');

CREATE FUNCTION @extschema@.rule_dat001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH live AS MATERIALIZED (SELECT * FROM @extschema@.live_soa(org_ids)),
	used AS (SELECT d.org_id, d.dataset_id, d.name, d.source, d.licence, d.consent_basis, d.provenance,
	                string_agg(DISTINCT s.name COLLATE "C", ', ' ORDER BY s.name COLLATE "C") AS systems
	         FROM @extschema@.dataset d
	         JOIN @extschema@.dataset_use u ON u.org_id = d.org_id AND u.org_id = ANY (org_ids) AND u.dataset_id = d.dataset_id
	         JOIN @extschema@.live_ai_systems(org_ids) s ON s.org_id = u.org_id AND s.org_id = ANY (org_ids) AND s.system_id = u.system_id
	         WHERE d.org_id = ANY (org_ids)
	         GROUP BY d.org_id, d.dataset_id)
	SELECT u.org_id, NULL, 'iso42001:2023', x.control_id, u.name, x.missing, u.systems
	FROM used u,
	     LATERAL (VALUES ('A.7.5', 'provenance', coalesce(btrim(u.provenance), '') = ''),
	                     ('A.7.3', 'source or right of use (licence or consent basis)',
	                      coalesce(btrim(u.source), '') = ''
	                      OR (coalesce(btrim(u.licence), '') = '' AND coalesce(btrim(u.consent_basis), '') = '')))
	             AS x(control_id, missing, lacking)
	WHERE x.lacking
	  -- a control the SoA excludes asks for nothing
	  AND NOT EXISTS (SELECT 1 FROM live l JOIN @extschema@.soa_entry e ON e.org_id = l.org_id AND e.org_id = ANY (org_ids) AND e.soa_id = l.soa_id
	                  WHERE l.org_id = u.org_id AND l.org_id = ANY (org_ids) AND e.standard = 'iso42001:2023' AND e.control_id = x.control_id
	                    AND @extschema@.decision(e.applicability) = 'not_applicable');
END;
COMMENT ON FUNCTION @extschema@.rule_dat001(bigint[]) IS
'finding rule DAT001 of ims.finding_rule: the rows behind "the dataset "{ref}", used by {2}, has no {1} recorded" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('DAT001', 'minor', 'nonconformity', NULL, false, 'system', 'rule_dat001',
	 'the dataset "{ref}", used by {2}, has no {1} recorded',
	 'Record in the dataset register where the data comes from and the licence or consent basis that allows its use (ISO 42001 A.7.3), and its provenance (A.7.5).');

CREATE FUNCTION @extschema@.rule_sup001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH live AS MATERIALIZED (SELECT * FROM @extschema@.live_soa(org_ids)),
	supplying AS (SELECT p.org_id, p.supplier_id, p.name,
	                     string_agg(DISTINCT s.name COLLATE "C", ', ' ORDER BY s.name COLLATE "C") AS systems
	              FROM @extschema@.ai_supplier p
	              JOIN @extschema@.ai_component c ON c.org_id = p.org_id AND c.org_id = ANY (org_ids) AND c.supplier_id = p.supplier_id
	              JOIN @extschema@.live_ai_systems(org_ids) s ON s.org_id = c.org_id AND s.org_id = ANY (org_ids) AND s.system_id = c.system_id
	              WHERE p.org_id = ANY (org_ids)
	              GROUP BY p.org_id, p.supplier_id)
	SELECT p.org_id, NULL, 'iso42001:2023', NULL, p.name,
	       CASE WHEN r.review_id IS NULL THEN 'has no due diligence record'
	            WHEN m.missing <> '' THEN format('has due diligence of %s that does not cover %s',
	                                             to_char(r.reviewed_on, 'YYYY-MM-DD'), m.missing)
	            ELSE format('has due diligence whose review was due on %s', to_char(r.next_review, 'YYYY-MM-DD')) END,
	       p.systems
	FROM supplying p
	LEFT JOIN LATERAL (SELECT * FROM @extschema@.ai_supplier_review v
	                   WHERE v.org_id = p.org_id AND v.org_id = ANY (org_ids) AND v.supplier_id = p.supplier_id AND v.reviewed_on <= current_date
	                   ORDER BY v.reviewed_on DESC, v.review_id DESC LIMIT 1) r ON true
	CROSS JOIN LATERAL (SELECT concat_ws(', ',
	                           CASE WHEN coalesce(btrim(r.model_provenance), '') = '' THEN 'model provenance' END,
	                           CASE WHEN coalesce(btrim(r.training_data_origin), '') = '' THEN 'training data origin' END,
	                           CASE WHEN coalesce(btrim(r.performance_claims), '') = '' THEN 'performance claims' END,
	                           CASE WHEN coalesce(btrim(r.output_ip), '') = '' THEN 'intellectual property in outputs' END,
	                           CASE WHEN coalesce(btrim(r.contract_terms), '') = '' THEN 'contract terms' END) AS missing) m
	WHERE (r.review_id IS NULL OR m.missing <> '' OR r.next_review < current_date)
	  AND NOT EXISTS (SELECT 1 FROM live l JOIN @extschema@.soa_entry e ON e.org_id = l.org_id AND e.org_id = ANY (org_ids) AND e.soa_id = l.soa_id
	                  WHERE l.org_id = p.org_id AND l.org_id = ANY (org_ids) AND e.standard = 'iso42001:2023' AND e.control_id = 'A.10.3'
	                    AND @extschema@.decision(e.applicability) = 'not_applicable');
END;
COMMENT ON FUNCTION @extschema@.rule_sup001(bigint[]) IS
'finding rule SUP001 of ims.finding_rule: the rows behind "the AI supplier "{ref}", which supplies {2}, {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('SUP001', 'minor', 'nonconformity', 'A.10.3', false, 'system', 'rule_sup001',
	 'the AI supplier "{ref}", which supplies {2}, {1}',
	 'Review the supplier (ims.ai_supplier_review): the provenance of its model, the origin of its training data, its performance claims and how they were checked, who owns the outputs, and the AI terms of the contract; set the date of the next review (ISO 42001 A.10.3).');

CREATE FUNCTION @extschema@.rule_aia005(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH latest AS (SELECT * FROM @extschema@.latest_impact_assessment(org_ids))
	SELECT s.org_id, NULL, 'iso42001:2023', NULL, s.name, concat_ws('; ', m.subjects, m.unrated), NULL
	FROM latest l JOIN @extschema@.live_ai_systems(org_ids) s ON s.org_id = l.org_id AND s.org_id = ANY (org_ids) AND s.system_id = l.system_id,
	     LATERAL (SELECT 'considers no harm to '
	                     || regexp_replace(string_agg(x.subject, ', ' ORDER BY x.n), ', ([a-z]+)$', ' or \1') AS subjects
	              FROM unnest(ARRAY['individuals', 'groups', 'society']) WITH ORDINALITY AS x(subject, n)
	              WHERE NOT EXISTS (SELECT 1 FROM @extschema@.impact i WHERE i.org_id = l.org_id AND i.org_id = ANY (org_ids)
	                                AND i.assessment_id = l.assessment_id AND i.nature = 'harm'
	                                AND i.subject = x.subject)) AS m0,
	     LATERAL (SELECT m0.subjects,
	                     (SELECT CASE WHEN count(*) = 1 THEN '1 harm is not rated for likelihood and severity'
	                                  WHEN count(*) > 1 THEN format('%s harms are not rated for likelihood and severity', count(*)) END
	                      FROM @extschema@.impact i WHERE i.org_id = l.org_id AND i.org_id = ANY (org_ids) AND i.assessment_id = l.assessment_id
	                        AND i.nature = 'harm' AND (i.likelihood IS NULL OR i.severity IS NULL)) AS unrated) m
	WHERE m.subjects IS NOT NULL OR m.unrated IS NOT NULL;
END;
COMMENT ON FUNCTION @extschema@.rule_aia005(bigint[]) IS
'finding rule AIA005 of ims.finding_rule: the rows behind "the latest impact assessment of "{ref}" {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('AIA005', 'minor', 'nonconformity', '6.1.4', false, 'system', 'rule_aia005',
	 'the latest impact assessment of "{ref}" {1}',
	 'Record the potential harms to individuals, to groups and to society as rows of ims.impact, each with its likelihood and severity (ISO 42001 6.1.4, A.5.4, A.5.5); a subject found not to be harmed is a harm row that says so, rated low and rare.');

CREATE FUNCTION @extschema@.rule_aia006(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH latest AS (SELECT * FROM @extschema@.latest_impact_assessment(org_ids))
	SELECT s.org_id, NULL, 'iso42001:2023', NULL, s.name,
	       CASE WHEN count(*) = 1 THEN '1 harm rated medium or above' ELSE format('%s harms rated medium or above', count(*)) END,
	       string_agg(i.description, '; ' ORDER BY i.impact_id)
	FROM latest l JOIN @extschema@.live_ai_systems(org_ids) s ON s.org_id = l.org_id AND s.org_id = ANY (org_ids) AND s.system_id = l.system_id
	JOIN @extschema@.impact i ON i.org_id = l.org_id AND i.org_id = ANY (org_ids) AND i.assessment_id = l.assessment_id
	WHERE l.decision IS DISTINCT FROM 'do_not_proceed'
	  AND i.nature = 'harm' AND i.severity IN ('medium', 'high', 'critical')
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.impact_mitigation g WHERE g.org_id = i.org_id AND g.org_id = ANY (org_ids) AND g.impact_id = i.impact_id)
	  -- a harm that feeds a risk whose treatment is decided is treated with it (6.1.4 to 6.1.3)
	  AND NOT EXISTS (SELECT 1 FROM @extschema@.impact_risk k JOIN @extschema@.risk r
	                  ON r.org_id = k.org_id AND r.org_id = ANY (org_ids) AND r.risk_id = k.risk_id
	                  WHERE k.org_id = i.org_id AND k.org_id = ANY (org_ids) AND k.impact_id = i.impact_id AND r.treatment IS NOT NULL)
	GROUP BY s.org_id, s.name;
END;
COMMENT ON FUNCTION @extschema@.rule_aia006(bigint[]) IS
'finding rule AIA006 of ims.finding_rule: the rows behind "the latest impact assessment of "{ref}" leaves {1} without a mitigation: {2}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('AIA006', 'minor', 'nonconformity', '6.1.4', false, 'system', 'rule_aia006',
	 'the latest impact assessment of "{ref}" leaves {1} without a mitigation: {2}',
	 'Record how each harm is mitigated (ims.impact_mitigation, naming the risk and the control that carry it), or link it to the risk of the register whose treatment decides it (ims.impact_risk): the results of the impact assessment feed the risk treatment (ISO 42001 6.1.4, 6.1.3).');

CREATE FUNCTION @extschema@.rule_aia007(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH latest AS (SELECT * FROM @extschema@.latest_impact_assessment(org_ids))
	SELECT s.org_id, NULL, 'iso42001:2023', NULL, s.name,
	       CASE WHEN coalesce(btrim(l.approved_by), '') = '' THEN 'is not approved'
	            ELSE 'decided not to proceed' END,
	       s.lifecycle_stage
	FROM latest l JOIN @extschema@.live_ai_systems(org_ids) s ON s.org_id = l.org_id AND s.org_id = ANY (org_ids) AND s.system_id = l.system_id
	WHERE s.lifecycle_stage IN ('deployment', 'operation')
	  AND (coalesce(btrim(l.approved_by), '') = '' OR l.decision = 'do_not_proceed');
END;
COMMENT ON FUNCTION @extschema@.rule_aia007(bigint[]) IS
'finding rule AIA007 of ims.finding_rule: the rows behind "the latest impact assessment of "{ref}" {1}, yet the system is in {2}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('AIA007', 'minor', 'nonconformity', 'A.5.2', false, 'system', 'rule_aia007',
	 'the latest impact assessment of "{ref}" {1}, yet the system is in {2}',
	 'Have the assessment and its decision approved before the system is deployed (approved_by, approved_on, decision), or withdraw the system when the decision was not to proceed (ISO 42001 A.5.2, 8.4).');

----------------------------------------------------------------------------
-- Documented information under control (7.5.2, 7.5.3) and the history of
-- the record (36_history.sql, docs/history.md)
----------------------------------------------------------------------------

INSERT INTO @extschema@.finding_requirement (requirement, title, iso27001, iso42001) VALUES
	('7.5.2', 'Creating and updating documented information', '7.5.2', '7.5.2'),
	('7.5.3', 'Control of documented information', '7.5.3', '7.5.3');

-- An approved document (in force) whose review date has passed.  Drafts are
-- not in force, and a withdrawn document is kept, not reviewed.
CREATE FUNCTION @extschema@.rule_doc001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT d.org_id, NULL, NULL, NULL, d.title, d.kind, pg_catalog.to_char(d.next_review, 'YYYY-MM-DD')
	FROM @extschema@.document d
	WHERE d.org_id = ANY (org_ids) AND d.status = 'approved' AND d.next_review < CURRENT_DATE;
END;
COMMENT ON FUNCTION @extschema@.rule_doc001(bigint[]) IS
'finding rule DOC001 of ims.finding_rule: the rows behind "the {1} "{ref}" was due for review on {2}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('DOC001', 'minor', 'nonconformity', '7.5.2', false, 'system', 'rule_doc001',
	 'the {1} "{ref}" was due for review on {2}',
	 'Review the document for suitability and adequacy, then record the new approval (approved_by, approved_on) and the next review date (next_review); withdraw it (status withdrawn) if it is no longer needed.');

-- An approved document that names no approver: nobody can show it was
-- approved.
CREATE FUNCTION @extschema@.rule_doc002(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT d.org_id, NULL, NULL, NULL, d.title, d.kind, NULL
	FROM @extschema@.document d
	WHERE d.org_id = ANY (org_ids) AND d.status = 'approved' AND coalesce(pg_catalog.btrim(d.approved_by), '') = '';
END;
COMMENT ON FUNCTION @extschema@.rule_doc002(bigint[]) IS
'finding rule DOC002 of ims.finding_rule: the rows behind "the {1} "{ref}" is approved, but names no approver" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('DOC002', 'minor', 'nonconformity', '7.5.2', false, 'system', 'rule_doc002',
	 'the {1} "{ref}" is approved, but names no approver',
	 'Record who approved the current version (approved_by) and when (approved_on), or set it back to draft until it is approved.');

-- Current evidence without the SHA-256 of its file: one row per
-- organization, with how many of its current pieces lack it.
CREATE FUNCTION @extschema@.rule_evd001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT e.org_id, NULL, NULL, NULL, 'evidence',
		   (count(*) FILTER (WHERE e.file_sha256 IS NULL))::text, count(*)::text
	FROM @extschema@.evidence e
	WHERE e.org_id = ANY (org_ids) AND (e.valid_until IS NULL OR e.valid_until >= CURRENT_DATE)
	GROUP BY e.org_id
	HAVING count(*) FILTER (WHERE e.file_sha256 IS NULL) > 0;
END;
COMMENT ON FUNCTION @extschema@.rule_evd001(bigint[]) IS
'finding rule EVD001 of ims.finding_rule: the rows behind "{1} of {2} pieces of current evidence have no SHA-256 of the file as collected" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('EVD001', 'observation', 'advisory', '7.5.3', false, 'system', 'rule_evd001',
	 '{1} of {2} pieces of current evidence have no SHA-256 of the file as collected',
	 'Advice: record the SHA-256 of each file when it is collected (file_sha256, as sha256sum prints it), so that the file an auditor is shown can be proved to be the one collected.');

-- An organization whose history chain does not verify: an entry was
-- changed, removed or inserted past the triggers (ims.history_check).
CREATE FUNCTION @extschema@.rule_his001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT c.org_id, NULL, NULL, NULL, 'history entry ' || c.first_invalid, c.problem, NULL
	FROM @extschema@.history_check(org_ids) c
	WHERE c.first_invalid IS NOT NULL;
END;
COMMENT ON FUNCTION @extschema@.rule_his001(bigint[]) IS
'finding rule HIS001 of ims.finding_rule: the rows behind "the history of the record does not verify at {ref}: {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('HIS001', 'major', 'nonconformity', '7.5.3', false, 'system', 'rule_his001',
	 'the history of the record does not verify at {ref}: {1}',
	 'The record''s history was changed past its triggers: find out who did it and how (the database''s logs, its superusers), restore the history from a backup whose chain verifies, and record the incident.');

----------------------------------------------------------------------------
-- The improvement loop (32_improvement.sql, docs/improvement.md): the
-- clauses an audit programme leaves out, auditors auditing their own work,
-- a review without outputs, actions overdue, roles held without competence.
----------------------------------------------------------------------------

INSERT INTO @extschema@.finding_requirement (requirement, title, iso27001, iso42001) VALUES
	('9.3.3', 'Management review results', '9.3.3', '9.3.3'),
	('10.2', 'Nonconformity and corrective action', '10.2', '10.2');

CREATE FUNCTION @extschema@.rule_aud003(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT g.org_id, NULL, g.standard, NULL, @extschema@.standard_label(g.standard) || ' ' || g.clause, g.title, NULL
	FROM @extschema@.audit_clause_gaps(org_ids) g;
END;
COMMENT ON FUNCTION @extschema@.rule_aud003(bigint[]) IS
'finding rule AUD003 of ims.finding_rule: the rows behind "no internal audit of the last 12 months covered clause {ref} ({1}), though the programme audits the standard" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('AUD003', 'minor', 'nonconformity', '9.2.2', false, 'system', 'rule_aud003',
	 'no internal audit of the last 12 months covered clause {ref} ({1}), though the programme audits the standard',
	 'Add the clause to the scope of an audit of the programme (ims.audit_scope), so that the audits of the cycle together cover every clause of each standard in scope (clause 9.2.2 a).');

CREATE FUNCTION @extschema@.rule_aud004(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	-- the team of each audit of the cycle: its lead and its members
	WITH team AS (
		SELECT a.org_id, a.audit_id, a.cycle, a.covers, t.auditor_id
		FROM @extschema@.internal_audit a JOIN @extschema@.organization o USING (org_id),
		     LATERAL (SELECT a.lead_auditor_id AS auditor_id WHERE a.lead_auditor_id IS NOT NULL
		              UNION SELECT m.auditor_id FROM @extschema@.audit_team_member m
		              WHERE m.org_id = a.org_id AND m.org_id = ANY (org_ids) AND m.audit_id = a.audit_id) AS t
		WHERE o.org_id = ANY (org_ids) AND a.org_id = ANY (org_ids)
		  AND a.performed_on > current_date - interval '12 months' AND a.performed_on <= current_date),
	-- the areas of an auditor that the audit's scope includes (all of a
	-- standard the audit covers without a scope row)
	own AS (
		SELECT t.org_id, t.audit_id, t.cycle, t.auditor_id, r.standard,
		       @extschema@.standard_label(r.standard) || ' ' || coalesce(r.clause, r.control_id) AS area
		FROM team t JOIN @extschema@.auditor_area r
		  ON r.org_id = t.org_id AND r.org_id = ANY (org_ids) AND r.auditor_id = t.auditor_id AND r.standard = ANY (t.covers)
		WHERE NOT EXISTS (SELECT 1 FROM @extschema@.audit_scope s WHERE s.org_id = t.org_id AND s.org_id = ANY (org_ids)
		                  AND s.audit_id = t.audit_id AND s.standard = r.standard)
		   OR EXISTS (SELECT 1 FROM @extschema@.audit_scope s WHERE s.org_id = t.org_id AND s.org_id = ANY (org_ids)
		              AND s.audit_id = t.audit_id AND s.standard = r.standard
		              AND (s.control_id = r.control_id OR s.clause = r.clause
		                   OR s.clause LIKE r.clause || '.%' OR r.clause LIKE s.clause || '.%')))
	SELECT w.org_id, NULL, CASE WHEN count(DISTINCT w.standard) = 1 THEN min(w.standard) END, NULL,
	       format('internal audit %s', w.cycle), u.name,
	       string_agg(DISTINCT w.area COLLATE "C", ', ' ORDER BY w.area COLLATE "C")
	FROM own w JOIN @extschema@.auditor u ON u.org_id = w.org_id AND u.org_id = ANY (org_ids) AND u.auditor_id = w.auditor_id
	GROUP BY w.org_id, w.audit_id, w.cycle, u.auditor_id, u.name;
END;
COMMENT ON FUNCTION @extschema@.rule_aud004(bigint[]) IS
'finding rule AUD004 of ims.finding_rule: the rows behind "{1}, of the team of {ref}, audits their own area: {2}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('AUD004', 'minor', 'nonconformity', '9.2.2', false, 'system', 'rule_aud004',
	 '{1}, of the team of {ref}, audits their own area: {2}',
	 'Have another auditor audit that area, or narrow the audit''s scope (ims.audit_scope): auditors are selected so that the audit is objective and impartial, and do not audit their own work (clause 9.2.2 b).');

CREATE FUNCTION @extschema@.rule_mrv003(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	-- the latest review held of each standard in scope, as MRV002 reads it:
	-- a programme may review each standard apart
	WITH latest AS (
		SELECT DISTINCT ON (o.org_id, x) o.org_id, x AS standard, r.review_id, r.held_on
		FROM @extschema@.organization o, unnest(o.standards) AS x, @extschema@.management_review r
		WHERE o.org_id = ANY (org_ids) AND r.org_id = o.org_id AND r.org_id = ANY (org_ids) AND x = ANY (r.covers) AND r.held_on <= current_date
		ORDER BY o.org_id, x, r.held_on DESC, r.review_id DESC)
	SELECT l.org_id, NULL, CASE WHEN count(*) = 1 THEN min(l.standard) END, NULL,
	       format('management review of %s', to_char(l.held_on, 'YYYY-MM-DD')), NULL, NULL
	FROM latest l
	WHERE NOT EXISTS (SELECT 1 FROM @extschema@.review_output x WHERE x.org_id = l.org_id AND x.org_id = ANY (org_ids) AND x.review_id = l.review_id)
	GROUP BY l.org_id, l.review_id, l.held_on;
END;
COMMENT ON FUNCTION @extschema@.rule_mrv003(bigint[]) IS
'finding rule MRV003 of ims.finding_rule: the rows behind "the latest {ref} records no outputs" (docs/findings.md); the latest review held of each standard in scope is read';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('MRV003', 'minor', 'nonconformity', '9.3.3', false, 'system', 'rule_mrv003',
	 'the latest {ref} records no outputs',
	 'Record what the review decided (ims.review_output): the opportunities for continual improvement and any changes to the management system, each action with an owner and a due date (clause 9.3.3).');

CREATE FUNCTION @extschema@.rule_act001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT a.org_id, NULL, n.standard, '10.2', format('corrective action %s of nonconformity %s', a.action_id, a.nc_id),
	       a.owner, to_char(a.due_on, 'YYYY-MM-DD')
	FROM @extschema@.corrective_action a
	JOIN @extschema@.nonconformity_record n ON n.org_id = a.org_id AND n.org_id = ANY (org_ids) AND n.nc_id = a.nc_id
	JOIN @extschema@.organization o ON o.org_id = a.org_id AND o.org_id = ANY (org_ids) AND a.org_id = ANY (org_ids)
	WHERE o.org_id = ANY (org_ids) AND a.status IN ('open', 'in_progress') AND a.due_on < current_date
	  AND n.closed_on IS NULL
	UNION ALL
	-- a review's own action late is for the next review to follow up:
	-- an observation
	SELECT x.org_id, 'observation', CASE WHEN cardinality(r.covers) = 1 THEN r.covers[1] END, '9.3.3',
	       format('action %s of the management review of %s', x.output_id, to_char(r.held_on, 'YYYY-MM-DD')),
	       x.owner, to_char(x.due_on, 'YYYY-MM-DD')
	FROM @extschema@.review_output x
	JOIN @extschema@.management_review r ON r.org_id = x.org_id AND r.org_id = ANY (org_ids) AND r.review_id = x.review_id
	JOIN @extschema@.organization o ON o.org_id = x.org_id AND o.org_id = ANY (org_ids) AND x.org_id = ANY (org_ids)
	WHERE o.org_id = ANY (org_ids) AND x.status = 'open' AND x.due_on < current_date;
END;
COMMENT ON FUNCTION @extschema@.rule_act001(bigint[]) IS
'finding rule ACT001 of ims.finding_rule: the rows behind "{ref} is overdue: {1} was to complete it by {2}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('ACT001', 'minor', 'nonconformity', NULL, false, 'system', 'rule_act001',
	 '{ref} is overdue: {1} was to complete it by {2}',
	 'Complete the action, or plan it again with a new due date and the reason it slipped: corrective actions are carried out as planned (clause 10.2 c), and the management review follows up its own actions (9.3.3).');

CREATE FUNCTION @extschema@.rule_com001(org_ids bigint[])
	RETURNS TABLE (org_id bigint, grade text, standard text, requirement text, ref text, arg1 text, arg2 text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT c.org_id, NULL, CASE WHEN o.kind = 'ai' THEN 'iso42001:2023' END, NULL,
	       format('%s as %s%s', c.holder, o.name, ' of ' || s.name),
	       string_agg(c.competence || CASE WHEN c.record_id IS NOT NULL
	                                       THEN format(' (expired on %s)', to_char(c.expires_on, 'YYYY-MM-DD')) ELSE '' END,
	                  ', ' ORDER BY c.competence COLLATE "C"), NULL
	FROM @extschema@.role_competence(org_ids) c
	JOIN @extschema@.role o ON o.org_id = c.org_id AND o.org_id = ANY (org_ids) AND c.org_id = ANY (org_ids) AND o.role_id = c.role_id
	LEFT JOIN @extschema@.ai_system s ON s.org_id = o.org_id AND s.org_id = ANY (org_ids) AND s.system_id = o.system_id
	WHERE NOT c.current
	GROUP BY c.org_id, o.role_id, o.name, o.kind, s.name, c.holder;
END;
COMMENT ON FUNCTION @extschema@.rule_com001(bigint[]) IS
'finding rule COM001 of ims.finding_rule: the rows behind "{ref} has no current record of the competence the role needs: {1}" (docs/findings.md)';
INSERT INTO @extschema@.finding_rule (code, grade, category, requirement, blocks_approval, scope, rule_function, message, hint) VALUES
	('COM001', 'minor', 'nonconformity', '7.2', false, 'system', 'rule_com001',
	 '{ref} has no current record of the competence the role needs: {1}',
	 'Train or qualify the holder, or give the role to someone competent, and keep the record (ims.competence_record) with its expiry (clause 7.2 d; ISO 42001 A.4.6 for the AI roles).');
