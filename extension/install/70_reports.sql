/* extension/install/70_reports.sql */

----------------------------------------------------------------------------
-- Reports (SPEC section 8; docs/views.md is their contract)
--
-- Every view is security_invoker: it shows the rows the caller may see.
-- Custom types appear as text with an integer rank beside them.
----------------------------------------------------------------------------

-- The live SoA of each organization: its draft, or else its approved version.
CREATE VIEW @extschema@.report_soa WITH (security_invoker = true) AS
SELECT e.org_id, o.name AS organization, s.soa_id, s.version, s.status,
	   e.standard, @extschema@.standard_label(e.standard) AS standard_label,
	   e.control_id, @extschema@.standard_label(e.standard) || ' ' || e.control_id AS control_ref,
	   c.title, c.area, c.area_title, c.ordinal AS control_rank,
	   e.applicability::text AS applicability, @extschema@.applicability_rank(e.applicability) AS applicability_rank,
	   @extschema@.decision(e.applicability) AS decision, @extschema@.reasons(e.applicability) AS reasons,
	   e.justification, e.implementation,
	   array_position(ARRAY['not_started', 'planned', 'partial', 'implemented'], e.implementation) AS implementation_rank,
	   e.owner,
	   coalesce(x.current_evidence, 0) AS current_evidence,
	   coalesce(x.fitting_evidence, 0) AS fitting_evidence,
	   -- BI clients: every array also as text (docs/views.md)
	   array_to_string(@extschema@.reasons(e.applicability), ', ') AS reasons_text
FROM @extschema@.soa s
JOIN @extschema@.organization o ON o.org_id = s.org_id
JOIN @extschema@.soa_entry e ON e.org_id = s.org_id AND e.soa_id = s.soa_id
JOIN @extschema@.control c ON c.standard = e.standard AND c.control_id = e.control_id
-- the current evidence per control, grouped by organization and joined on
-- it (not a correlated subquery), so that a filter on org_id reaches it
-- and Citus routes the view to one shard
LEFT JOIN (SELECT v.org_id, v.standard, v.control_id, count(*) AS current_evidence,
				  count(*) FILTER (WHERE k.code IS NOT NULL
									 AND (v.standard <> 'iso42001:2023' OR k.domain <> 'information_security'))
					  AS fitting_evidence
		   FROM @extschema@.evidence v LEFT JOIN @extschema@.evidence_kind k ON k.code = v.kind
		   WHERE v.collected_on <= current_date AND (v.valid_until IS NULL OR v.valid_until >= current_date)
		   GROUP BY v.org_id, v.standard, v.control_id) AS x
  ON x.org_id = e.org_id AND x.standard = e.standard AND x.control_id = e.control_id
LEFT JOIN (SELECT d.org_id FROM @extschema@.soa d WHERE d.status = 'draft' GROUP BY d.org_id) AS d
  ON d.org_id = s.org_id
WHERE s.status = 'draft'
   OR (s.status = 'approved' AND d.org_id IS NULL);
COMMENT ON VIEW @extschema@.report_soa IS 'The consolidated SoA: one row per entry of the live version (the draft, or else the approved one), both catalogs';
COMMENT ON COLUMN @extschema@.report_soa.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_soa.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_soa.soa_id IS 'The SoA version shown';
COMMENT ON COLUMN @extschema@.report_soa.version IS 'Its version number';
COMMENT ON COLUMN @extschema@.report_soa.status IS 'draft or approved';
COMMENT ON COLUMN @extschema@.report_soa.standard IS 'Standard code, such as iso42001:2023';
COMMENT ON COLUMN @extschema@.report_soa.standard_label IS 'Short name, such as ISO 42001';
COMMENT ON COLUMN @extschema@.report_soa.control_id IS 'Control id, such as A.5.2';
COMMENT ON COLUMN @extschema@.report_soa.control_ref IS 'Standard-qualified id, such as ISO 42001 A.5.2 (ids collide across standards)';
COMMENT ON COLUMN @extschema@.report_soa.title IS 'Control title';
COMMENT ON COLUMN @extschema@.report_soa.area IS 'Annex A area, such as A.5';
COMMENT ON COLUMN @extschema@.report_soa.area_title IS 'Title of the area';
COMMENT ON COLUMN @extschema@.report_soa.control_rank IS 'Position in its catalog: sorts A.5.9 before A.5.10';
COMMENT ON COLUMN @extschema@.report_soa.applicability IS 'Decision and reasons as text, such as applicable(risk,legal)';
COMMENT ON COLUMN @extschema@.report_soa.applicability_rank IS 'Integer that sorts as the applicability type sorts';
COMMENT ON COLUMN @extschema@.report_soa.decision IS 'applicable, not_applicable or undecided';
COMMENT ON COLUMN @extschema@.report_soa.reasons IS 'Reasons for inclusion, in canonical order';
COMMENT ON COLUMN @extschema@.report_soa.justification IS 'Why the control is included or excluded';
COMMENT ON COLUMN @extschema@.report_soa.implementation IS 'not_started, planned, partial or implemented';
COMMENT ON COLUMN @extschema@.report_soa.implementation_rank IS '1 not_started to 4 implemented';
COMMENT ON COLUMN @extschema@.report_soa.owner IS 'Person responsible for the control';
COMMENT ON COLUMN @extschema@.report_soa.current_evidence IS 'Number of current evidence rows for the control';
COMMENT ON COLUMN @extschema@.report_soa.fitting_evidence IS 'Current evidence of a fitting kind: for an ISO 42001 control, not of the information_security domain (SOA008)';
COMMENT ON COLUMN @extschema@.report_soa.reasons_text IS 'reasons as one text, comma-separated (for clients that cannot read arrays); empty when there is none';
GRANT SELECT ON @extschema@.report_soa TO PUBLIC;

-- Each clause pair of each organization, and whether its documents already
-- serve both standards: ims.clause_coverage (35_clause_coverage.sql) finds
-- the documents and the status, for every organization the caller can see
-- (every_organization, a constant, so that the planner expects all of their
-- rows).  It is inlined, so a filter on org_id goes down to the scans of
-- the documents.
CREATE VIEW @extschema@.report_clause_mapping WITH (security_invoker = true) AS
SELECT o.org_id, o.name AS organization,
	   m.source_standard, m.source_clause, sc.title AS source_title,
	   m.target_standard, m.target_clause, tc.title AS target_title,
	   m.ordinal AS clause_rank, m.relation, m.action, t.topic,
	   c.documents, c.status, c.status_rank
FROM @extschema@.clause_coverage(NULL, every_organization => true) AS c
JOIN @extschema@.organization o ON o.org_id = c.org_id
JOIN @extschema@.clause_mapping m
  ON m.source_standard = c.source_standard AND m.target_standard = c.target_standard
 AND m.target_clause = c.target_clause
JOIN @extschema@.clause tc ON tc.standard = m.target_standard AND tc.number = m.target_clause
LEFT JOIN @extschema@.clause sc ON sc.standard = m.source_standard AND sc.number = m.source_clause
LEFT JOIN @extschema@.clause_topic t ON t.clause = m.target_clause;
COMMENT ON VIEW @extschema@.report_clause_mapping IS 'Each clause pair of the two standards for each organization: relation, integration action, the documents that serve it, and status integrated, extend, missing or new_artifact (ims.clause_coverage)';
COMMENT ON COLUMN @extschema@.report_clause_mapping.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_clause_mapping.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_clause_mapping.source_standard IS 'Standard the organization starts from (ISO 27001)';
COMMENT ON COLUMN @extschema@.report_clause_mapping.source_clause IS 'Its clause; null when the target clause has no counterpart';
COMMENT ON COLUMN @extschema@.report_clause_mapping.source_title IS 'Title of the source clause';
COMMENT ON COLUMN @extschema@.report_clause_mapping.target_standard IS 'Standard being added (ISO 42001)';
COMMENT ON COLUMN @extschema@.report_clause_mapping.target_clause IS 'Its clause';
COMMENT ON COLUMN @extschema@.report_clause_mapping.target_title IS 'Title of the target clause';
COMMENT ON COLUMN @extschema@.report_clause_mapping.clause_rank IS 'Position in the mapping: sorts clauses in document order';
COMMENT ON COLUMN @extschema@.report_clause_mapping.relation IS 'equal, analogous or no_counterpart';
COMMENT ON COLUMN @extschema@.report_clause_mapping.action IS 'What to do to bring the clause into the integrated system';
COMMENT ON COLUMN @extschema@.report_clause_mapping.topic IS 'Document topic that serves the clause (ims.clause_topic)';
COMMENT ON COLUMN @extschema@.report_clause_mapping.documents IS 'The organization''s documents that serve the pair (on its topic, or declaring the clause in ims.document_clause), each with the standards of the pair it serves';
COMMENT ON COLUMN @extschema@.report_clause_mapping.status IS 'integrated (a policy, procedure or manual serves both sides; or, where none serves the pair, a record does), extend (documents serve the pair, but not so), missing (no document serves it), new_artifact (no counterpart in the source standard)';
COMMENT ON COLUMN @extschema@.report_clause_mapping.status_rank IS '1 integrated, 2 extend, 3 missing, 4 new_artifact';
GRANT SELECT ON @extschema@.report_clause_mapping TO PUBLIC;

CREATE VIEW @extschema@.report_control_mapping WITH (security_invoker = true) AS
SELECT o.org_id, o.name AS organization,
	   @extschema@.standard_label(m.source_standard) || ' ' || m.source_control AS source_ref, sc.title AS source_title,
	   @extschema@.standard_label(m.target_standard) || ' ' || m.target_control AS target_ref, tc.title AS target_title,
	   m.relation, m.rationale, m.provenance,
	   sa.applicability AS source_applicability, sa.applicability_rank AS source_applicability_rank,
	   ta.applicability AS target_applicability, ta.applicability_rank AS target_applicability_rank,
	   sa.decision = ta.decision AS decided_alike,
	   tc.ordinal AS target_rank, sc.ordinal AS source_rank,
	   m.strength,
	   CASE m.strength WHEN 'strong' THEN 1 WHEN 'moderate' THEN 2 WHEN 'weak' THEN 3 END AS strength_rank
FROM @extschema@.organization o
JOIN @extschema@.control_mapping m ON m.source_standard = ANY (o.standards) AND m.target_standard = ANY (o.standards)
JOIN @extschema@.control sc ON sc.standard = m.source_standard AND sc.control_id = m.source_control
JOIN @extschema@.control tc ON tc.standard = m.target_standard AND tc.control_id = m.target_control
LEFT JOIN @extschema@.report_soa sa ON sa.org_id = o.org_id AND sa.standard = m.source_standard AND sa.control_id = m.source_control
LEFT JOIN @extschema@.report_soa ta ON ta.org_id = o.org_id AND ta.standard = m.target_standard AND ta.control_id = m.target_control;
COMMENT ON VIEW @extschema@.report_control_mapping IS 'Each reviewed control pair for each organization, with both sides'' decisions in its live SoA';
COMMENT ON COLUMN @extschema@.report_control_mapping.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_control_mapping.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_control_mapping.source_ref IS 'ISO 27001 control, standard-qualified';
COMMENT ON COLUMN @extschema@.report_control_mapping.source_title IS 'Its title';
COMMENT ON COLUMN @extschema@.report_control_mapping.target_ref IS 'ISO 42001 control, standard-qualified';
COMMENT ON COLUMN @extschema@.report_control_mapping.target_title IS 'Its title';
COMMENT ON COLUMN @extschema@.report_control_mapping.relation IS 'equal, subset, superset or intersects, read "source relation target"';
COMMENT ON COLUMN @extschema@.report_control_mapping.rationale IS 'Why the pair holds and where it stops';
COMMENT ON COLUMN @extschema@.report_control_mapping.provenance IS 'Where the pair comes from';
COMMENT ON COLUMN @extschema@.report_control_mapping.source_applicability IS 'Decision on the source control in the live SoA';
COMMENT ON COLUMN @extschema@.report_control_mapping.target_applicability IS 'Decision on the target control in the live SoA';
COMMENT ON COLUMN @extschema@.report_control_mapping.source_applicability_rank IS 'Integer that sorts as the source applicability sorts';
COMMENT ON COLUMN @extschema@.report_control_mapping.target_applicability_rank IS 'Integer that sorts as the target applicability sorts';
COMMENT ON COLUMN @extschema@.report_control_mapping.decided_alike IS 'Whether both controls have the same decision (applicable, not_applicable, undecided); null while either is not in the live SoA';
COMMENT ON COLUMN @extschema@.report_control_mapping.target_rank IS 'Position of the target control in its catalog';
COMMENT ON COLUMN @extschema@.report_control_mapping.source_rank IS 'Position of the source control in its catalog';
COMMENT ON COLUMN @extschema@.report_control_mapping.strength IS 'strong, moderate or weak: how much of one control''s implementation and evidence carries over to the other';
COMMENT ON COLUMN @extschema@.report_control_mapping.strength_rank IS '1 strong, 2 moderate, 3 weak: sorts the strongest pairs first';
GRANT SELECT ON @extschema@.report_control_mapping TO PUBLIC;

CREATE VIEW @extschema@.report_risk_register WITH (security_invoker = true) AS
SELECT r.org_id, o.name AS organization, r.risk_id, r.register, r.title,
	   r.risk_type::text AS risk_type, @extschema@.risk_type_rank(r.risk_type) AS risk_type_rank,
	   @extschema@.risk_domain(r.risk_type) AS risk_domain,
	   s.name AS ai_system, r.asset, r.likelihood, r.impact, r.likelihood * r.impact AS score,
	   r.cvss, r.treatment, r.owner,
	   k.controls,
	   -- BI clients: every array also as text (docs/views.md)
	   k.controls_text
FROM @extschema@.risk r
JOIN @extschema@.organization o ON o.org_id = r.org_id
LEFT JOIN @extschema@.ai_system s ON s.org_id = r.org_id AND s.system_id = r.ai_system_id
-- grouped by organization and joined on it, so that a filter on org_id
-- reaches the risk controls (Citus routes the view to one shard)
LEFT JOIN (SELECT k.org_id, k.risk_id,
				  array_agg(@extschema@.standard_label(k.standard) || ' ' || k.control_id ORDER BY k.standard, c.ordinal)
					  AS controls,
				  string_agg(@extschema@.standard_label(k.standard) || ' ' || k.control_id, '; ' ORDER BY k.standard, c.ordinal)
					  AS controls_text
		   FROM @extschema@.risk_control k JOIN @extschema@.control c USING (standard, control_id)
		   GROUP BY k.org_id, k.risk_id) AS k
  ON k.org_id = r.org_id AND k.risk_id = r.risk_id;
COMMENT ON VIEW @extschema@.report_risk_register IS 'The one risk register: information security and AI risks, with their treatment and controls';
COMMENT ON COLUMN @extschema@.report_risk_register.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_risk_register.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_risk_register.risk_id IS 'Identifier of the risk';
COMMENT ON COLUMN @extschema@.report_risk_register.register IS 'Register the risk is kept in';
COMMENT ON COLUMN @extschema@.report_risk_register.title IS 'What could happen';
COMMENT ON COLUMN @extschema@.report_risk_register.risk_type IS 'Risk type as text';
COMMENT ON COLUMN @extschema@.report_risk_register.risk_type_rank IS 'Integer that sorts as risk_type sorts (CIA first)';
COMMENT ON COLUMN @extschema@.report_risk_register.risk_domain IS 'information_security or ai';
COMMENT ON COLUMN @extschema@.report_risk_register.ai_system IS 'AI system the risk arises from, if any';
COMMENT ON COLUMN @extschema@.report_risk_register.asset IS 'Asset or process at risk';
COMMENT ON COLUMN @extschema@.report_risk_register.likelihood IS 'Inherent likelihood, on the scale of its domain''s risk criteria (residual ratings: ims.report_risk_treatment)';
COMMENT ON COLUMN @extschema@.report_risk_register.impact IS 'Inherent impact, on the scale of its domain''s risk criteria';
COMMENT ON COLUMN @extschema@.report_risk_register.score IS 'Inherent likelihood times impact';
COMMENT ON COLUMN @extschema@.report_risk_register.cvss IS 'CVSS base score (information security risks only)';
COMMENT ON COLUMN @extschema@.report_risk_register.treatment IS 'mitigate, accept, avoid or transfer';
COMMENT ON COLUMN @extschema@.report_risk_register.owner IS 'Risk owner';
COMMENT ON COLUMN @extschema@.report_risk_register.controls IS 'Controls that treat it, standard-qualified';
COMMENT ON COLUMN @extschema@.report_risk_register.controls_text IS 'controls as one text, "; "-separated (for clients that cannot read arrays); null when no control treats it';
GRANT SELECT ON @extschema@.report_risk_register TO PUBLIC;

CREATE VIEW @extschema@.report_impact_assessments WITH (security_invoker = true) AS
SELECT i.org_id, o.name AS organization, i.assessment_id, s.name AS ai_system, s.lifecycle_stage, s.in_scope,
	   i.assessed_on, i.severity,
	   array_position(ARRAY['low', 'medium', 'high', 'critical'], i.severity) AS severity_rank,
	   i.individuals, i.groups, i.society, i.foreseeable_misuse, i.stakeholder_views,
	   i.approved_by, i.next_review,
	   i.assessment_id = l.assessment_id AS is_latest,
	   -- as AIA002 reads it: the assessment covers its date, for_change_on and
	   -- the recorded change it names (within its review period); a change
	   -- of ims.ai_system_change that an assessment names is assessed
	   greatest(i.assessed_on, i.for_change_on, n.changed_on)
	   < greatest(CASE WHEN s.last_significant_change <= current_date THEN s.last_significant_change END,
				  u.changed_on) AS before_last_change,
	   i.next_review < current_date AS review_overdue,
	   -- a rated harm to each subject (ims.impact; AIA005), foreseeable misuse and stakeholder views (AIA003)
	   num_nulls(CASE WHEN h.individuals THEN 1 END, CASE WHEN h.groups THEN 1 END, CASE WHEN h.society THEN 1 END,
				 nullif(btrim(i.foreseeable_misuse), ''), nullif(btrim(i.stakeholder_views), '')) AS missing_parts
FROM @extschema@.impact_assessment i
JOIN @extschema@.organization o ON o.org_id = i.org_id
JOIN @extschema@.ai_system s ON s.org_id = i.org_id AND s.system_id = i.system_id
LEFT JOIN @extschema@.ai_system_change n ON n.org_id = i.org_id AND n.change_id = i.change_id
	AND n.changed_on <= coalesce(i.next_review, i.assessed_on + 366)
-- grouped by org_id and joined on it, not correlated subqueries: a filter
-- on org_id reaches every table, so that Citus routes one organization to
-- one shard (docs/findings.md, Routing).  The latest assessment of each
-- system:
LEFT JOIN (SELECT DISTINCT ON (l.org_id, l.system_id) l.org_id, l.system_id, l.assessment_id
		   FROM @extschema@.impact_assessment l
		   ORDER BY l.org_id, l.system_id, l.assessed_on DESC, l.assessment_id DESC) l
  ON l.org_id = i.org_id AND l.system_id = i.system_id
-- the last significant change of each system that no assessment names:
LEFT JOIN (SELECT c.org_id, c.system_id, max(c.changed_on) AS changed_on
		   FROM @extschema@.ai_system_change c
		   WHERE c.significant AND c.changed_on <= current_date
			 AND NOT EXISTS (SELECT 1 FROM @extschema@.impact_assessment a
							 WHERE a.org_id = c.org_id AND a.change_id = c.change_id)
		   GROUP BY c.org_id, c.system_id) u
  ON u.org_id = i.org_id AND u.system_id = i.system_id
-- which subjects each assessment rates a harm to:
LEFT JOIN (SELECT m.org_id, m.assessment_id,
				  bool_or(m.subject = 'individuals') AS individuals, bool_or(m.subject = 'groups') AS groups,
				  bool_or(m.subject = 'society') AS society
		   FROM @extschema@.impact m
		   WHERE m.nature = 'harm' AND m.likelihood IS NOT NULL AND m.severity IS NOT NULL
		   GROUP BY m.org_id, m.assessment_id) h
  ON h.org_id = i.org_id AND h.assessment_id = i.assessment_id;
COMMENT ON VIEW @extschema@.report_impact_assessments IS 'AI system impact assessments, with whether each is the latest, out of date or incomplete';
COMMENT ON COLUMN @extschema@.report_impact_assessments.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_impact_assessments.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_impact_assessments.assessment_id IS 'Identifier of the assessment';
COMMENT ON COLUMN @extschema@.report_impact_assessments.ai_system IS 'The AI system assessed';
COMMENT ON COLUMN @extschema@.report_impact_assessments.lifecycle_stage IS 'Its life-cycle stage';
COMMENT ON COLUMN @extschema@.report_impact_assessments.in_scope IS 'Whether it is in the AIMS scope';
COMMENT ON COLUMN @extschema@.report_impact_assessments.assessed_on IS 'Date of the assessment';
COMMENT ON COLUMN @extschema@.report_impact_assessments.severity IS 'low, medium, high or critical';
COMMENT ON COLUMN @extschema@.report_impact_assessments.severity_rank IS '1 low to 4 critical';
COMMENT ON COLUMN @extschema@.report_impact_assessments.individuals IS 'Summary of the impacts on individuals (the impacts are rows of ims.impact)';
COMMENT ON COLUMN @extschema@.report_impact_assessments.groups IS 'Summary of the impacts on groups (the impacts are rows of ims.impact)';
COMMENT ON COLUMN @extschema@.report_impact_assessments.society IS 'Summary of the impacts on society (the impacts are rows of ims.impact)';
COMMENT ON COLUMN @extschema@.report_impact_assessments.foreseeable_misuse IS 'Foreseeable misuse considered';
COMMENT ON COLUMN @extschema@.report_impact_assessments.stakeholder_views IS 'Stakeholder views gathered';
COMMENT ON COLUMN @extschema@.report_impact_assessments.approved_by IS 'Who approved it';
COMMENT ON COLUMN @extschema@.report_impact_assessments.next_review IS 'Review due date';
COMMENT ON COLUMN @extschema@.report_impact_assessments.is_latest IS 'Whether it is the latest assessment of its system';
COMMENT ON COLUMN @extschema@.report_impact_assessments.before_last_change IS 'Whether a significant change of the system (last_significant_change, or one of ims.ai_system_change no assessment names) came after what it covers, not after today (as AIA002 reads it); null when none is recorded';
COMMENT ON COLUMN @extschema@.report_impact_assessments.review_overdue IS 'Whether its review date has passed';
COMMENT ON COLUMN @extschema@.report_impact_assessments.missing_parts IS 'How many of these are missing (0 to 5): a rated harm to individuals, to groups and to society (ims.impact, AIA005), foreseeable misuse and stakeholder views (AIA003)';
GRANT SELECT ON @extschema@.report_impact_assessments TO PUBLIC;

-- Readiness per clause group, Annex A area and AI system, and the remaining
-- effort in weeks, from the source article's figures (docs/views.md,
-- "Readiness estimate", says where each comes from):
--   - procedural extensions, 4 to 8 weeks in all, shared out over the clause
--     pairs that have a counterpart;
--   - new artifacts, 2 to 4 months (8.7 to 17.4 weeks) in all, shared out
--     over the clause pairs without counterpart, the ISO 42001 controls and
--     the artifacts of one AI system; each further AI system in scope adds
--     its own at the same rate (the article: "repeatable per AI system");
--   - one month (4.3 weeks) for the internal audit and the management
--     review, half each, nothing for one that is complete.
-- An item is half done when implemented (partial counts half) and wholly
-- done when evidenced as well; one with an open nonconformity counts as
-- partial at most and is not evidenced.  The rows say where the work is;
-- the total is the critical path, not their sum: the new artifacts start
-- after at most four weeks of procedural work and run beside the rest of
-- it, and the audit and review come after both.  A standalone ISO 42001
-- organization (no ISO 27001 in scope) has no ISMS to extend: its clause
-- pairs are priced as new artifacts, and the ISO 42001 controls that the
-- mapping pairs with an ISO 27001 control weigh double, for the ISMS ground
-- they assume.  The certification audit has a row of its own, after the
-- total, which the article counts apart ("plus the certification audit
-- timeline"); it gives no figure for it, so its 4 to 8 weeks are pg_ims's.
--
-- ims.readiness gives the rows of one organization, and the view calls it
-- for each organization it shows: so a query for one organization
-- evaluates the findings and the record of that organization only.  Every
-- table is read as the caller (row-level security applies).
CREATE FUNCTION @extschema@.readiness(organization_id bigint)
	RETURNS TABLE (org_id bigint, organization text, group_kind text, standard text, standard_label text,
				   group_id text, group_title text, group_rank integer, items bigint, decided_pct numeric,
				   implemented_pct numeric, evidenced_pct numeric, weeks_low numeric, weeks_high numeric,
				   open_findings bigint)
	-- PL/pgSQL: the validator runs in a statement of its own, so that on
	-- Citus it runs on the coordinator, and the query after it, every table
	-- filtered by the organization, is routed to the organization's shard
	LANGUAGE plpgsql STABLE STRICT
	SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
	open_nonconformities jsonb;
BEGIN
	-- The open nonconformities (findings a certification body writes up as
	-- such, with no waiver accepting them), and the requirement each is
	-- against: a clause of 4 to 10, or an Annex A control of its standard.
	SELECT coalesce(jsonb_agg(jsonb_build_object('standard', f.standard, 'requirement', f.requirement)), '[]')
	INTO open_nonconformities
	FROM @extschema@.evaluate_findings(ARRAY[readiness.organization_id], false) AS f
	WHERE f.category = 'nonconformity' AND f.waived_until IS NULL;

	RETURN QUERY
WITH org AS (
	SELECT o.org_id, o.name AS organization, o.standards,
		   'iso42001:2023' = ANY (o.standards) AS aims,
		   'iso42001:2023' = ANY (o.standards) AND NOT 'iso27001:2022' = ANY (o.standards) AS standalone
	FROM @extschema@.organization o
	WHERE o.org_id = readiness.organization_id),
nc AS (
	SELECT readiness.organization_id AS org_id, f.standard, f.requirement
	FROM jsonb_to_recordset(open_nonconformities) AS f(standard text, requirement text)),
-- The clause pairs of the organization: those of report_clause_mapping,
-- and for a standalone organization those it leaves out because their
-- source standard is not in scope; these are done when a document on the
-- clause's topic covers the target standard.
mapped AS (
	SELECT m.org_id, m.target_clause AS clause, m.clause_rank, m.relation = 'no_counterpart' AS new_artifact,
		   m.documents IS NOT NULL AS decided,
		   m.status = 'integrated' OR (m.status = 'new_artifact' AND m.documents IS NOT NULL) AS done
	FROM @extschema@.report_clause_mapping m
	WHERE m.org_id = readiness.organization_id),
pair AS (
	SELECT * FROM mapped
	UNION ALL
	SELECT o.org_id, m.target_clause, m.ordinal, false, d.org_id IS NOT NULL, coalesce(m.target_standard = ANY (d.covers), false)
	FROM org o
	JOIN @extschema@.clause_mapping m
	  ON m.target_standard = ANY (o.standards) AND m.relation <> 'no_counterpart'
	 AND NOT m.source_standard = ANY (o.standards)
	LEFT JOIN @extschema@.clause_topic t ON t.clause = m.target_clause
	LEFT JOIN (SELECT x.org_id, x.topic, array_agg(DISTINCT c) AS covers
			   FROM @extschema@.document x CROSS JOIN unnest(x.covers) AS c
			   WHERE x.org_id = readiness.organization_id GROUP BY x.org_id, x.topic) AS d
	  ON d.org_id = o.org_id AND d.topic = t.topic
	WHERE o.standalone AND NOT EXISTS (SELECT 1 FROM mapped p WHERE p.clause = m.target_clause)),
-- A finding against a clause counts against the pair of the longest clause
-- number it falls under (6.1.3 d against 6.1.3, 9.2.1 against 9.2.1).
pair_nc AS (
	SELECT p.org_id, p.clause, sum(p.findings) AS findings
	FROM (SELECT DISTINCT ON (n.org_id, n.requirement) n.org_id, n.requirement, n.findings, p.clause
		  FROM (SELECT org_id, requirement, substring(requirement FROM '^[0-9]+(?:\.[0-9]+)*') AS num,
					   count(*) AS findings
				FROM nc WHERE requirement ~ '^[0-9]' GROUP BY org_id, requirement) AS n
		  JOIN pair p ON p.org_id = n.org_id AND (p.clause = n.num OR n.num LIKE p.clause || '.%')
		  ORDER BY n.org_id, n.requirement, length(p.clause) DESC) AS p
	GROUP BY p.org_id, p.clause),
-- Every control of the catalogs in scope, with its entry in the live SoA if
-- it has one: the areas show the listed ones, the new-artifact track counts
-- every ISO 42001 control.
control_entry AS (
	SELECT o.org_id, c.standard, c.control_id, c.area, c.ordinal, s.org_id IS NOT NULL AS listed,
		   coalesce(s.decision <> 'undecided', false) AS decided,
		   CASE WHEN s.decision = 'not_applicable' OR s.implementation = 'implemented' THEN 1.0
				WHEN s.implementation = 'partial' THEN 0.5 ELSE 0 END AS implemented,
		   s.decision = 'not_applicable' OR s.fitting_evidence > 0 AS has_evidence,
		   coalesce(f.findings, 0) AS findings,
		   CASE WHEN o.standalone AND k.target_control IS NOT NULL THEN 2 ELSE 1 END AS weight
	FROM org o
	JOIN @extschema@.control c ON c.standard = ANY (o.standards) AND NOT c.withdrawn
	LEFT JOIN (SELECT DISTINCT k.target_standard, k.target_control FROM @extschema@.control_mapping k
			   WHERE k.source_standard = 'iso27001:2022') AS k
	  ON k.target_standard = c.standard AND k.target_control = c.control_id
	LEFT JOIN @extschema@.report_soa s ON s.org_id = o.org_id AND s.org_id = readiness.organization_id
		AND s.standard = c.standard AND s.control_id = c.control_id
	LEFT JOIN (SELECT org_id, standard, requirement, count(*) AS findings FROM nc
			   WHERE requirement ~ '^A\.' GROUP BY org_id, standard, requirement) AS f
	  ON f.org_id = o.org_id AND f.standard = c.standard AND f.requirement = c.control_id),
control_item AS (
	SELECT e.*,
		   CASE WHEN e.findings > 0 THEN least(e.implemented, 0.5) ELSE e.implemented END AS done_implemented,
		   CASE WHEN e.findings > 0 OR NOT coalesce(e.has_evidence, false) THEN 0 ELSE e.implemented END AS done_evidenced
	FROM control_entry e),
-- The AI systems in scope; an organization with ISO 42001 in scope and no
-- AI system in it yet has one still to record.  Each has three artifacts:
-- its impact assessment (current: not older than the system's last
-- significant change, review not overdue), its AI risk assessment (risks
-- of an AI type in the register, treated) and its life-cycle records,
-- which pg_ims does not record per system and takes from the ISO 42001
-- A.6 controls.  Their weights are the items of the article's work they
-- stand for: the four A.5 controls, the two AI risk assessment clauses
-- (6.1.2, 8.2), the nine A.6 controls.
ai AS (
	SELECT o.org_id, s.system_id, s.name,
		   (row_number() OVER (PARTITION BY o.org_id ORDER BY s.system_id))::integer AS system_rank
	FROM org o JOIN @extschema@.ai_system s ON s.org_id = o.org_id AND s.org_id = readiness.organization_id AND s.in_scope
	WHERE o.aims
	UNION ALL
	SELECT o.org_id, NULL, NULL, 1
	FROM org o
	WHERE o.aims AND NOT EXISTS (SELECT 1 FROM @extschema@.ai_system s
								 WHERE s.org_id = o.org_id AND s.org_id = readiness.organization_id AND s.in_scope)),
life_cycle AS (
	SELECT c.org_id, avg(c.decided::integer) AS decided, avg(c.done_implemented) AS implemented,
		   avg(c.done_evidenced) AS evidenced
	FROM control_item c WHERE c.standard = 'iso42001:2023' AND c.area = 'A.6'
	GROUP BY c.org_id),
ai_item AS (
	SELECT y.org_id, y.system_id, y.name, y.system_rank, a.*
	FROM ai y
	LEFT JOIN LATERAL (
		SELECT NOT coalesce(r.before_last_change, false) AND NOT coalesce(r.review_overdue, false) AS current,
			   r.missing_parts = 0 AND r.approved_by IS NOT NULL AS complete
		FROM @extschema@.report_impact_assessments r
		WHERE r.org_id = y.org_id AND r.org_id = readiness.organization_id AND r.ai_system = y.name AND r.is_latest) AS ia ON true
	CROSS JOIN LATERAL (
		SELECT count(*) AS risks, count(*) FILTER (WHERE r.treatment IS NULL) AS untreated,
			   count(*) FILTER (WHERE r.treatment = 'mitigate'
								  AND NOT EXISTS (SELECT 1 FROM @extschema@.risk_control k
												  WHERE k.org_id = r.org_id AND k.org_id = readiness.organization_id
													AND k.risk_id = r.risk_id)) AS uncontrolled
		FROM @extschema@.risk r
		WHERE r.org_id = y.org_id AND r.org_id = readiness.organization_id AND r.ai_system_id = y.system_id AND @extschema@.risk_domain(r.risk_type) = 'ai') AS rk
	LEFT JOIN life_cycle l ON l.org_id = y.org_id
	CROSS JOIN LATERAL (VALUES
		(4, ia.current IS NOT NULL,
		 CASE WHEN ia.current THEN 1.0 WHEN ia.current IS NOT NULL THEN 0.5 ELSE 0 END,
		 CASE WHEN ia.current AND ia.complete THEN 1.0 ELSE 0 END),
		(2, rk.risks > 0,
		 CASE WHEN rk.risks > 0 AND rk.untreated = 0 THEN 1.0 WHEN rk.risks > 0 THEN 0.5 ELSE 0 END,
		 CASE WHEN rk.risks > 0 AND rk.untreated = 0 AND rk.uncontrolled = 0 THEN 1.0 ELSE 0 END),
		(9, coalesce(l.decided, 0) > 0, coalesce(l.implemented, 0), coalesce(l.evidenced, 0))
	) AS a(weight, decided, done_implemented, done_evidenced)),
-- Every item once, with its track and group.
item AS (
	SELECT p.org_id, 'clause' AS group_kind, NULL::text AS standard, split_part(p.clause, '.', 1) AS group_id,
		   p.clause_rank AS item_rank, CASE WHEN p.new_artifact THEN 'artifact' ELSE 'procedural' END AS track,
		   1 AS weight, p.decided,
		   CASE WHEN NOT p.done THEN 0 WHEN f.findings > 0 THEN 0.5 ELSE 1.0 END AS done_implemented,
		   CASE WHEN p.done AND f.findings IS NULL THEN 1.0 ELSE 0 END AS done_evidenced,
		   coalesce(f.findings, 0) AS findings, true AS shown, NULL::text AS system_name
	FROM pair p LEFT JOIN pair_nc f USING (org_id, clause)
	UNION ALL
	SELECT c.org_id, 'annex_a_area', c.standard, c.area, c.ordinal,
		   CASE WHEN c.standard = 'iso42001:2023' THEN 'artifact' ELSE 'none' END,
		   c.weight, c.decided, c.done_implemented, c.done_evidenced, c.findings, c.listed, NULL
	FROM control_item c
	WHERE c.listed OR c.standard = 'iso42001:2023'
	UNION ALL
	SELECT a.org_id, 'ai_system', 'iso42001:2023', a.system_id::text, a.system_rank, 'artifact',
		   a.weight, a.decided, a.done_implemented, a.done_evidenced, 0, true, a.name
	FROM ai_item a),
-- The new-artifact rate: the article's figure over its organization's
-- items, the clause pairs without counterpart, the ISO 42001 controls and
-- one AI system's artifacts (2 + 38 + 15 with the shipped catalogs).
rate AS (
	SELECT 8.7 / n AS low, 17.4 / n AS high
	FROM (SELECT (SELECT count(*) FROM @extschema@.clause_mapping m
				  WHERE m.target_standard = 'iso42001:2023' AND m.relation = 'no_counterpart')
				 + (SELECT count(*) FROM @extschema@.control c WHERE c.standard = 'iso42001:2023')
				 + 15 AS n) AS x),
priced AS (
	SELECT i.*, i.weight * (1 - (i.done_implemented + i.done_evidenced) / 2) AS open,
		   CASE i.track WHEN 'procedural'
				THEN CASE WHEN o.standalone THEN r.low ELSE 4.0 / count(*) FILTER (WHERE i.track = 'procedural')
																			 OVER (PARTITION BY i.org_id) END
				WHEN 'artifact' THEN r.low ELSE 0 END AS rate_low,
		   CASE i.track WHEN 'procedural'
				THEN CASE WHEN o.standalone THEN r.high ELSE 8.0 / count(*) FILTER (WHERE i.track = 'procedural')
																			  OVER (PARTITION BY i.org_id) END
				WHEN 'artifact' THEN r.high ELSE 0 END AS rate_high
	FROM item i JOIN org o USING (org_id) CROSS JOIN rate r),
grouped AS (
	SELECT p.org_id, p.group_kind, p.standard, p.group_id, p.system_name, min(p.item_rank) AS group_rank, count(*) AS items,
		   round(100 * avg(p.decided::integer)) AS decided_pct,
		   round(100 * avg(p.done_implemented)) AS implemented_pct,
		   round(100 * avg(p.done_evidenced)) AS evidenced_pct,
		   round(sum(p.open * p.rate_low), 1) AS weeks_low,
		   round(sum(p.open * p.rate_high), 1) AS weeks_high,
		   sum(p.findings) AS open_findings
	FROM priced p WHERE p.shown
	GROUP BY p.org_id, p.group_kind, p.standard, p.group_id, p.system_name),
-- The internal audit and the management review are complete when those
-- held in the last 12 months cover every standard in scope, together as a
-- programme may (ims.cycle_coverage, which AUD001 and MRV001 read too).
cycle AS (
	SELECT o.org_id,
		   EXISTS (SELECT 1 FROM @extschema@.internal_audit a
				   WHERE a.org_id = o.org_id AND a.org_id = readiness.organization_id) AS audit_held,
		   coalesce((SELECT bool_and(c.audited) FROM @extschema@.cycle_coverage(ARRAY[readiness.organization_id]) c), false)
			   AS audit_done,
		   EXISTS (SELECT 1 FROM @extschema@.management_review r
				   WHERE r.org_id = o.org_id AND r.org_id = readiness.organization_id) AS review_held,
		   coalesce((SELECT bool_and(c.reviewed) FROM @extschema@.cycle_coverage(ARRAY[readiness.organization_id]) c), false)
			   AS review_done
	FROM org o),
tracks AS (
	SELECT o.org_id, o.organization,
		   coalesce(sum(p.open * p.rate_low) FILTER (WHERE p.track = 'procedural'), 0) AS procedural_low,
		   coalesce(sum(p.open * p.rate_high) FILTER (WHERE p.track = 'procedural'), 0) AS procedural_high,
		   coalesce(sum(p.open * p.rate_low) FILTER (WHERE p.track = 'artifact'), 0) AS artifact_low,
		   coalesce(sum(p.open * p.rate_high) FILTER (WHERE p.track = 'artifact'), 0) AS artifact_high,
		   2.15 * (NOT y.audit_done)::integer + 2.15 * (NOT y.review_done)::integer AS cycle_weeks,
		   (SELECT count(*) FROM nc WHERE nc.org_id = o.org_id) AS open_findings
	FROM org o JOIN cycle y USING (org_id) LEFT JOIN priced p USING (org_id)
	GROUP BY o.org_id, o.organization, y.audit_done, y.review_done)
SELECT g.org_id, o.organization, g.group_kind, g.standard, @extschema@.standard_label(g.standard) AS standard_label,
	   g.group_id,
	   CASE g.group_kind
		   WHEN 'clause' THEN ct.title
		   WHEN 'annex_a_area' THEN at.title
		   ELSE coalesce(g.system_name, 'AI system yet to be recorded: none is in scope') END AS group_title,
	   g.group_rank,
	   g.items, g.decided_pct, g.implemented_pct, g.evidenced_pct, g.weeks_low, g.weeks_high,
	   CASE WHEN g.group_kind IN ('clause', 'annex_a_area') THEN g.open_findings::bigint END AS open_findings
FROM grouped g JOIN org o USING (org_id)
LEFT JOIN (SELECT m.target_clause AS group_id, min(c.title) AS title
		   FROM @extschema@.clause_mapping m
		   JOIN @extschema@.clause c ON c.standard = m.target_standard AND c.number = m.target_clause
		   GROUP BY m.target_clause) AS ct ON g.group_kind = 'clause' AND ct.group_id = g.group_id
LEFT JOIN (SELECT c.standard, c.area AS group_id, min(c.area_title) AS title
		   FROM @extschema@.control c GROUP BY c.standard, c.area) AS at
  ON g.group_kind = 'annex_a_area' AND at.standard = g.standard AND at.group_id = g.group_id
UNION ALL
SELECT y.org_id, o.organization, 'audit_review', NULL, NULL, NULL,
	   'Internal audit and management review, each complete when held in the last 12 months for every standard in scope',
	   NULL, 2,
	   round(100 * (y.audit_held::integer + y.review_held::integer) / 2.0),
	   round(100 * (y.audit_done::integer + y.review_done::integer) / 2.0),
	   round(100 * (y.audit_done::integer + y.review_done::integer) / 2.0),
	   round(t.cycle_weeks, 1), round(t.cycle_weeks, 1), NULL
FROM cycle y JOIN org o USING (org_id) JOIN tracks t USING (org_id)
UNION ALL
SELECT t.org_id, t.organization, 'total', NULL, NULL, NULL,
	   'Remaining effort to readiness: the critical path of the procedural and new-artifact tracks, then the internal audit and management review',
	   NULL, NULL, NULL, NULL, NULL,
	   round(least(t.procedural_low, 4) + greatest(t.procedural_low - least(t.procedural_low, 4), t.artifact_low)
			 + t.cycle_weeks, 1),
	   round(least(t.procedural_high, 4) + greatest(t.procedural_high - least(t.procedural_high, 4), t.artifact_high)
			 + t.cycle_weeks, 1),
	   t.open_findings
FROM tracks t
UNION ALL
SELECT o.org_id, o.organization, 'certification_audit', NULL, NULL, NULL,
	   'Certification audit, stage 1 and stage 2: after the total, not in it',
	   NULL, 2, NULL, NULL, NULL, 4.0, 8.0, NULL
FROM org o;
END
$$;
COMMENT ON FUNCTION @extschema@.readiness(bigint) IS
'the rows of ims.report_readiness for one organization, none when the caller cannot read it; the view calls it for each organization it shows';

-- The organizations the caller can see, read by a statement of their own.
-- A view that calls a per-organization function for each organization
-- (report_readiness, report_findings, report_nonconformities) reads them
-- so: the view's query then reads no distributed table, and on Citus runs
-- on the coordinator, where the function can run (a query over one
-- organization's shard goes to the shard whole, the function with it);
-- and a filter on the view's org_id, which is this list's, leaves one
-- call on one server too.
CREATE FUNCTION @extschema@.organization_list() RETURNS TABLE (org_id bigint, name text)
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN QUERY SELECT o.org_id, o.name FROM @extschema@.organization o;
END
$$;
COMMENT ON FUNCTION @extschema@.organization_list() IS
'the organizations the caller can see (row-level security applies), id and name, read by a statement of their own: ims.report_readiness, ims.report_findings and ims.report_nonconformities call their per-organization function for each';

CREATE VIEW @extschema@.report_readiness WITH (security_invoker = true) AS
SELECT o.org_id, r.organization, r.group_kind, r.standard, r.standard_label, r.group_id, r.group_title,
	   r.group_rank, r.items,
	   -- with their precision, for clients that read it (JDBC, ODBC; docs/views.md)
	   r.decided_pct::numeric(3,0) AS decided_pct, r.implemented_pct::numeric(3,0) AS implemented_pct,
	   r.evidenced_pct::numeric(3,0) AS evidenced_pct,
	   r.weeks_low::numeric(7,1) AS weeks_low, r.weeks_high::numeric(7,1) AS weeks_high,
	   r.open_findings
FROM @extschema@.organization_list() AS o
CROSS JOIN LATERAL @extschema@.readiness(o.org_id) AS r;
COMMENT ON VIEW @extschema@.report_readiness IS 'Readiness per clause group (4 to 10), Annex A area and AI system: shares decided, implemented and evidenced, and the remaining effort in weeks from the source article''s figures; one row for the internal audit and management review, a total (the critical path to readiness) and the certification audit after it (docs/views.md)';
COMMENT ON COLUMN @extschema@.report_readiness.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_readiness.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_readiness.group_kind IS 'clause, annex_a_area, ai_system, audit_review, total or certification_audit';
COMMENT ON COLUMN @extschema@.report_readiness.standard IS 'Standard of an Annex A area or AI system row; null for clause groups (both standards) and the last three kinds';
COMMENT ON COLUMN @extschema@.report_readiness.standard_label IS 'Its short name';
COMMENT ON COLUMN @extschema@.report_readiness.group_id IS 'Clause group (4 to 10), area (A.5 ...) or AI system id; null for an AI system still to record and the last three kinds';
COMMENT ON COLUMN @extschema@.report_readiness.group_title IS 'Title of the clause or area, name of the AI system, or what the row counts';
COMMENT ON COLUMN @extschema@.report_readiness.group_rank IS 'Sorts the groups in document order within their kind (AI systems by id)';
COMMENT ON COLUMN @extschema@.report_readiness.items IS 'Clause pairs, controls, artifacts of the AI system (3), or the audit and the review (2), stages of the certification audit (2)';
COMMENT ON COLUMN @extschema@.report_readiness.decided_pct IS 'Share of the items decided: a document on the clause''s topic, the control decided, the artifact begun, the audit or review ever held';
COMMENT ON COLUMN @extschema@.report_readiness.implemented_pct IS 'Share implemented, partial counting half: the clause integrated (new artifacts: documented), the control implemented or excluded, the artifact made; an item with an open nonconformity counts half at most';
COMMENT ON COLUMN @extschema@.report_readiness.evidenced_pct IS 'Share implemented and evidenced: current evidence of a fitting kind for a control, a current complete assessment, treated and controlled AI risks; nothing with an open nonconformity';
COMMENT ON COLUMN @extschema@.report_readiness.weeks_low IS 'Remaining effort, low estimate, in weeks; the total is the critical path, not the sum of the rows';
COMMENT ON COLUMN @extschema@.report_readiness.weeks_high IS 'Remaining effort, high estimate, in weeks; the total is the critical path, not the sum of the rows';
COMMENT ON COLUMN @extschema@.report_readiness.open_findings IS 'Open nonconformities (category nonconformity, not waived) against the clauses or controls of the group; on the total, every open nonconformity of the organization; null on the other kinds';
GRANT SELECT ON @extschema@.report_readiness TO PUBLIC;

-- Each risk's treatment: its ratings on its domain's criteria, its plan,
-- and whether its residual risk is accepted (docs/risk-treatment.md)
CREATE VIEW @extschema@.report_risk_treatment WITH (security_invoker = true) AS
SELECT r.org_id, o.name AS organization, r.risk_id, r.title,
	   r.risk_type::text AS risk_type, @extschema@.risk_type_rank(r.risk_type) AS risk_type_rank, t.domain AS risk_domain,
	   (SELECT string_agg(x::text, ', ' ORDER BY @extschema@.risk_type_rank(x)) FROM unnest(r.other_types) AS x) AS other_types,
	   array_to_string(r.affected_subjects, ', ') AS affected_subjects,
	   s.name AS ai_system, r.owner, r.treatment,
	   r.likelihood AS inherent_likelihood, r.impact AS inherent_impact, t.inherent_level,
	   t.residual_likelihood, t.residual_impact, t.residual_level, t.acceptable_level,
	   t.residual_level <= t.acceptable_level AS within_criteria,
	   t.acceptance_status,
	   array_position(ARRAY['accepted', 'within_criteria', 'not_rated', 'no_criteria', 'expired', 'stale', 'not_accepted'],
					  t.acceptance_status) AS acceptance_status_rank,
	   a.accepted_by, a.accepted_at, a.expires_on AS acceptance_expires_on,
	   r.plan_approved_by, r.plan_approved_on,
	   t.actions, t.actions_open, t.actions_overdue, t.next_due_on,
	   k.controls, f.references_cited
FROM @extschema@.risk_treatment_status(NULL, every_organization => true) t
JOIN @extschema@.risk r ON r.org_id = t.org_id AND r.risk_id = t.risk_id
JOIN @extschema@.organization o ON o.org_id = r.org_id
LEFT JOIN @extschema@.ai_system s ON s.org_id = r.org_id AND s.system_id = r.ai_system_id
LEFT JOIN @extschema@.risk_acceptance a ON a.org_id = t.org_id AND a.acceptance_id = t.acceptance_id
-- the controls and references of each risk, grouped by organization and
-- joined on it (not correlated subqueries), so that a filter on org_id
-- reaches them and Citus routes the view to one shard
LEFT JOIN (SELECT k.org_id, k.risk_id,
				  string_agg(@extschema@.standard_label(k.standard) || ' ' || k.control_id, ', ' ORDER BY k.standard, c.ordinal)
					  AS controls
		   FROM @extschema@.risk_control k JOIN @extschema@.control c USING (standard, control_id)
		   GROUP BY k.org_id, k.risk_id) AS k
  ON k.org_id = r.org_id AND k.risk_id = r.risk_id
LEFT JOIN (SELECT f.org_id, f.risk_id,
				  string_agg(f.item_id || ' ' || i.title, '; ' ORDER BY f.list, f.item_id COLLATE "C") AS references_cited
		   FROM @extschema@.risk_reference f JOIN @extschema@.reference_item i USING (standard, list, item_id)
		   GROUP BY f.org_id, f.risk_id) AS f
  ON f.org_id = r.org_id AND f.risk_id = r.risk_id;
COMMENT ON VIEW @extschema@.report_risk_treatment IS 'Each risk''s treatment: inherent and residual ratings on its domain''s criteria, its plan and its approval, and whether its residual risk is accepted (clauses 6.1.2 a, 6.1.3 e-f, 8.3)';
COMMENT ON COLUMN @extschema@.report_risk_treatment.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_risk_treatment.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_risk_treatment.risk_id IS 'Identifier of the risk';
COMMENT ON COLUMN @extschema@.report_risk_treatment.title IS 'What could happen';
COMMENT ON COLUMN @extschema@.report_risk_treatment.risk_type IS 'Risk type as text; it decides the domain';
COMMENT ON COLUMN @extschema@.report_risk_treatment.risk_type_rank IS 'Integer that sorts as risk_type sorts (CIA first)';
COMMENT ON COLUMN @extschema@.report_risk_treatment.risk_domain IS 'information_security or ai: whose criteria rate it';
COMMENT ON COLUMN @extschema@.report_risk_treatment.other_types IS 'Further types it has, comma-separated; null for none';
COMMENT ON COLUMN @extschema@.report_risk_treatment.affected_subjects IS 'Whom it affects (individuals, groups, society), comma-separated; null where not assessed';
COMMENT ON COLUMN @extschema@.report_risk_treatment.ai_system IS 'AI system it arises from, if any';
COMMENT ON COLUMN @extschema@.report_risk_treatment.owner IS 'Risk owner';
COMMENT ON COLUMN @extschema@.report_risk_treatment.treatment IS 'mitigate, accept, avoid or transfer; null when not decided';
COMMENT ON COLUMN @extschema@.report_risk_treatment.inherent_likelihood IS 'Likelihood before treatment, on the domain''s scale';
COMMENT ON COLUMN @extschema@.report_risk_treatment.inherent_impact IS 'Impact before treatment, on the domain''s scale';
COMMENT ON COLUMN @extschema@.report_risk_treatment.inherent_level IS 'Inherent likelihood times impact';
COMMENT ON COLUMN @extschema@.report_risk_treatment.residual_likelihood IS 'Likelihood after treatment (the inherent one for a risk accepted as it is); null until rated';
COMMENT ON COLUMN @extschema@.report_risk_treatment.residual_impact IS 'Impact after treatment (the inherent one for a risk accepted as it is); null until rated';
COMMENT ON COLUMN @extschema@.report_risk_treatment.residual_level IS 'Residual likelihood times impact; null until rated';
COMMENT ON COLUMN @extschema@.report_risk_treatment.acceptable_level IS 'The highest residual level the domain''s criteria accept; null without criteria';
COMMENT ON COLUMN @extschema@.report_risk_treatment.within_criteria IS 'Whether the residual level is within the acceptable level; null when either is unknown';
COMMENT ON COLUMN @extschema@.report_risk_treatment.acceptance_status IS 'accepted (a current acceptance covers it), within_criteria (none needed), not_rated (residual not rated), no_criteria, expired, stale (the rating changed after the acceptance) or not_accepted (above the criteria, never accepted)';
COMMENT ON COLUMN @extschema@.report_risk_treatment.acceptance_status_rank IS '1 accepted to 7 not_accepted: sorts what needs a decision last';
COMMENT ON COLUMN @extschema@.report_risk_treatment.accepted_by IS 'Who made the latest acceptance, if any';
COMMENT ON COLUMN @extschema@.report_risk_treatment.accepted_at IS 'When the latest acceptance was recorded';
COMMENT ON COLUMN @extschema@.report_risk_treatment.acceptance_expires_on IS 'When the latest acceptance expires; null for no expiry';
COMMENT ON COLUMN @extschema@.report_risk_treatment.plan_approved_by IS 'Risk owner who approved the treatment plan; null when not approved';
COMMENT ON COLUMN @extschema@.report_risk_treatment.plan_approved_on IS 'When the plan was approved';
COMMENT ON COLUMN @extschema@.report_risk_treatment.actions IS 'Actions in the treatment plan';
COMMENT ON COLUMN @extschema@.report_risk_treatment.actions_open IS 'Actions planned or in progress';
COMMENT ON COLUMN @extschema@.report_risk_treatment.actions_overdue IS 'Open actions past their due date';
COMMENT ON COLUMN @extschema@.report_risk_treatment.next_due_on IS 'Earliest due date of an open action';
COMMENT ON COLUMN @extschema@.report_risk_treatment.controls IS 'Controls that treat it, standard-qualified, comma-separated';
COMMENT ON COLUMN @extschema@.report_risk_treatment.references_cited IS 'ISO 42001 Annex C risk sources and objectives it cites, as id and title, semicolon-separated';
GRANT SELECT ON @extschema@.report_risk_treatment TO PUBLIC;

-- The objectives register with each objective's latest measurement
CREATE VIEW @extschema@.report_objectives WITH (security_invoker = true) AS
SELECT j.org_id, o.name AS organization, j.objective_id, j.title,
	   @extschema@.standard_labels(j.standards) AS standards,
	   'iso27001:2022' = ANY (j.standards) AS for_iso27001, 'iso42001:2023' = ANY (j.standards) AS for_iso42001,
	   j.target, j.measure, j.method, j.frequency, j.owner, j.set_on, j.due_on, j.status,
	   array_position(ARRAY['planned', 'active', 'achieved', 'not_achieved', 'withdrawn'], j.status) AS status_rank,
	   s.measurements, s.latest_measured_on, s.latest_value, s.latest_result, s.next_measurement_due,
	   j.status = 'active' AND s.next_measurement_due < current_date AS measurement_overdue,
	   f.references_cited
FROM @extschema@.objective_status(NULL, every_organization => true) s
JOIN @extschema@.objective j ON j.org_id = s.org_id AND j.objective_id = s.objective_id
JOIN @extschema@.organization o ON o.org_id = j.org_id
-- grouped by organization and joined on it, as in report_risk_treatment
LEFT JOIN (SELECT f.org_id, f.objective_id,
				  string_agg(f.item_id || ' ' || i.title, '; ' ORDER BY f.item_id COLLATE "C") AS references_cited
		   FROM @extschema@.objective_reference f JOIN @extschema@.reference_item i USING (standard, list, item_id)
		   GROUP BY f.org_id, f.objective_id) AS f
  ON f.org_id = j.org_id AND f.objective_id = j.objective_id;
COMMENT ON VIEW @extschema@.report_objectives IS 'The objectives of both standards (clause 6.2), with their latest measurement and when the next is due';
COMMENT ON COLUMN @extschema@.report_objectives.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_objectives.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_objectives.objective_id IS 'Identifier of the objective';
COMMENT ON COLUMN @extschema@.report_objectives.title IS 'The objective';
COMMENT ON COLUMN @extschema@.report_objectives.standards IS 'Standards it is an objective of, by short name';
COMMENT ON COLUMN @extschema@.report_objectives.for_iso27001 IS 'Whether it is an information security objective (ISO 27001)';
COMMENT ON COLUMN @extschema@.report_objectives.for_iso42001 IS 'Whether it is an AI objective (ISO 42001)';
COMMENT ON COLUMN @extschema@.report_objectives.target IS 'What counts as achieved';
COMMENT ON COLUMN @extschema@.report_objectives.measure IS 'What is measured';
COMMENT ON COLUMN @extschema@.report_objectives.method IS 'How it is measured and evaluated';
COMMENT ON COLUMN @extschema@.report_objectives.frequency IS 'monthly, quarterly, half_yearly or yearly';
COMMENT ON COLUMN @extschema@.report_objectives.owner IS 'Who is responsible for it';
COMMENT ON COLUMN @extschema@.report_objectives.set_on IS 'When it was set';
COMMENT ON COLUMN @extschema@.report_objectives.due_on IS 'When it is to be achieved';
COMMENT ON COLUMN @extschema@.report_objectives.status IS 'planned, active, achieved, not_achieved or withdrawn';
COMMENT ON COLUMN @extschema@.report_objectives.status_rank IS '1 planned to 5 withdrawn';
COMMENT ON COLUMN @extschema@.report_objectives.measurements IS 'How many measurements are recorded';
COMMENT ON COLUMN @extschema@.report_objectives.latest_measured_on IS 'Date of the latest measurement; null when never measured';
COMMENT ON COLUMN @extschema@.report_objectives.latest_value IS 'Value of the latest measurement';
COMMENT ON COLUMN @extschema@.report_objectives.latest_result IS 'Result of the latest measurement in words';
COMMENT ON COLUMN @extschema@.report_objectives.next_measurement_due IS 'When the next measurement is due: one period after the latest, or after the objective was set';
COMMENT ON COLUMN @extschema@.report_objectives.measurement_overdue IS 'Whether an active objective''s next measurement is past due';
COMMENT ON COLUMN @extschema@.report_objectives.references_cited IS 'ISO 42001 Annex C objectives it serves, as id and title, semicolon-separated';
GRANT SELECT ON @extschema@.report_objectives TO PUBLIC;

-- The one agenda of the integrated management review: the inputs both
-- standards ask of it (clause 9.3.2 of each), and the AIMS inputs, each
-- with what the record holds for it (NULL where it holds nothing).
CREATE FUNCTION @extschema@.management_review_agenda(org_id bigint)
	RETURNS TABLE (item text, standard text, title text, input text)
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	org bigint := management_review_agenda.org_id;
	major bigint;
	minor bigint;
	actions_input text;
	register text;
BEGIN
	PERFORM @extschema@.require_org_access(org, 'read');
	-- the validator and the helpers in statements of their own: on Citus
	-- they run on the coordinator, and the query below, every table of it
	-- filtered by the organization, goes to the organization's shard
	SELECT count(*) FILTER (WHERE v.grade = 'major'), count(*) FILTER (WHERE v.grade = 'minor')
	INTO major, minor
	FROM @extschema@.nonconformities(ARRAY[org]) v
	WHERE v.category = 'nonconformity' AND NOT v.waived;
	actions_input := @extschema@.review_actions_input(org);
	register := @extschema@.register_input(org);
	RETURN QUERY
	WITH docs AS (
		SELECT d.topic, string_agg(concat_ws(' ', d.title, d.version), '; ' ORDER BY d.title) AS titles,
			   string_agg(concat_ws(' ', d.title, d.version), '; ' ORDER BY d.title)
				   FILTER (WHERE 'iso27001:2022' = ANY (d.covers)) AS titles27,
			   string_agg(concat_ws(' ', d.title, d.version), '; ' ORDER BY d.title)
				   FILTER (WHERE 'iso42001:2023' = ANY (d.covers)) AS titles42
		FROM @extschema@.document d WHERE d.org_id = org GROUP BY d.topic),
	last_audit AS (SELECT a.cycle, a.performed_on, a.covers FROM @extschema@.internal_audit a
				   WHERE a.org_id = org ORDER BY a.performed_on DESC LIMIT 1),
	risks AS (SELECT count(*) FILTER (WHERE t.domain = 'information_security') AS cia,
					 count(*) FILTER (WHERE t.domain = 'ai') AS ai,
					 count(*) FILTER (WHERE t.domain = 'ai' AND r.treatment IS NULL) AS ai_open,
					 count(*) FILTER (WHERE t.domain = 'information_security' AND r.treatment IS NULL) AS cia_open,
					 count(*) FILTER (WHERE t.domain = 'ai' AND t.acceptance_status IN ('not_accepted', 'stale', 'expired')) AS ai_unaccepted,
					 count(*) FILTER (WHERE t.domain = 'information_security'
									  AND t.acceptance_status IN ('not_accepted', 'stale', 'expired')) AS cia_unaccepted,
					 sum(t.actions_overdue) FILTER (WHERE t.domain = 'ai') AS ai_overdue,
					 sum(t.actions_overdue) FILTER (WHERE t.domain = 'information_security') AS cia_overdue
			  FROM @extschema@.risk_treatment_status(ARRAY[org]) t
			  JOIN @extschema@.risk r ON r.org_id = t.org_id AND r.org_id = org AND r.risk_id = t.risk_id),
	ev AS (SELECT count(*) AS current_rows,
				  count(*) FILTER (WHERE v.kind IN ('monitoring_dashboard', 'evaluation_report')) AS ai_performance
		   FROM @extschema@.evidence v WHERE v.org_id = org AND v.collected_on <= current_date
			 AND (v.valid_until IS NULL OR v.valid_until >= current_date)),
	scope AS (SELECT o.standards FROM @extschema@.organization o WHERE o.org_id = org),
	-- the objectives register: each live objective with its target and its
	-- latest measurement, per standard; with none there nor in a document,
	-- the finding that says so (the condition of rule OBJ001)
	objectives AS (
		SELECT x AS code,
			   string_agg(format('%s (target %s; %s)', j.title, j.target,
								 CASE WHEN s.latest_measured_on IS NULL THEN 'not measured yet'
									  ELSE format('%s on %s', coalesce(s.latest_value::text, s.latest_result),
												  to_char(s.latest_measured_on, 'YYYY-MM-DD')) END),
						  '; ' ORDER BY j.objective_id) AS listed
		FROM @extschema@.objective_status(ARRAY[org]) s
		JOIN @extschema@.objective j ON j.org_id = s.org_id AND j.org_id = org AND j.objective_id = s.objective_id
		CROSS JOIN LATERAL unnest(j.standards) AS x
		WHERE j.status IN ('planned', 'active', 'achieved', 'not_achieved')
		GROUP BY x),
	ia AS (SELECT count(*) AS recent, count(DISTINCT i.system_id) AS systems
		   FROM @extschema@.impact_assessment i WHERE i.org_id = org
			 AND i.assessed_on > current_date - interval '12 months')
	SELECT x.item, x.standard, x.title, x.input FROM (VALUES
		-- the improvement loop (32_improvement.sql): the open actions of the
		-- reviews, and the register of nonconformities
		(1, 'previous_actions', NULL::text, 'Status of actions from previous management reviews',
		 actions_input),
		(2, 'context_changes', NULL, 'Changes in internal and external issues',
		 (SELECT titles FROM docs WHERE topic = 'context')),
		(3, 'interested_parties', NULL, 'Changes in the needs and expectations of interested parties',
		 (SELECT titles FROM docs WHERE topic = 'interested_parties')),
		(4, 'nonconformities', NULL, 'Nonconformities, corrective actions and open findings',
		 concat_ws('; ', format('%s major and %s minor nonconformities open (ims.report_nonconformities)', major, minor),
				   register)),
		(5, 'monitoring_results', NULL, 'Monitoring and measurement results',
		 (SELECT current_rows || ' current evidence records' FROM ev WHERE current_rows > 0)),
		(6, 'audit_results', NULL, 'Results of internal audits',
		 (SELECT format('internal audit %s on %s, covering %s', cycle, to_char(performed_on, 'YYYY-MM-DD'),
						array_to_string(covers, ', ')) FROM last_audit)),
		(7, 'is_objectives', 'iso27001:2022', 'Fulfilment of the information security objectives',
		 coalesce((SELECT listed FROM objectives WHERE code = 'iso27001:2022'),
				  (SELECT titles27 FROM docs WHERE topic = 'objectives'),
				  (SELECT 'none are set: finding OBJ001, a major nonconformity of clause 6.2'
				   FROM scope WHERE 'iso27001:2022' = ANY (standards)))),
		(8, 'is_risks', 'iso27001:2022', 'Information security risk assessment and treatment',
		 (SELECT format('%s information security risks, %s without treatment, %s residual risks above the criteria not accepted, %s treatment actions overdue',
						cia, cia_open, cia_unaccepted, cia_overdue) FROM risks WHERE cia > 0)),
		(9, 'ai_objectives', 'iso42001:2023', 'Fulfilment of the AI objectives',
		 coalesce((SELECT listed FROM objectives WHERE code = 'iso42001:2023'),
				  (SELECT titles42 FROM docs WHERE topic = 'objectives'),
				  (SELECT 'none are set: finding OBJ001, a major nonconformity of clause 6.2'
				   FROM scope WHERE 'iso42001:2023' = ANY (standards)))),
		(10, 'ai_system_performance', 'iso42001:2023', 'Performance of the AI systems',
		 (SELECT ai_performance || ' current monitoring or evaluation records' FROM ev WHERE ai_performance > 0)),
		(11, 'ai_risks', 'iso42001:2023', 'AI risks and their treatment',
		 (SELECT format('%s AI risks, %s without treatment, %s residual risks above the criteria not accepted, %s treatment actions overdue',
						ai, ai_open, ai_unaccepted, ai_overdue) FROM risks WHERE ai > 0)),
		(12, 'impact_assessment_outcomes', 'iso42001:2023', 'Outcomes of AI system impact assessments',
		 (SELECT format('%s assessments of %s AI systems in the last 12 months', recent, systems) FROM ia WHERE recent > 0)),
		(13, 'improvement', NULL, 'Opportunities for continual improvement',
		 (SELECT titles FROM docs WHERE topic = 'improvement'))
	) AS x(n, item, standard, title, input)
	ORDER BY x.n;
END
$$;
COMMENT ON FUNCTION @extschema@.management_review_agenda(bigint) IS
'the one agenda of the integrated management review: the inputs of clause 9.3.2 of both standards and the AIMS inputs, each with what the record holds for it (input is NULL where it holds nothing); standard is NULL for the inputs both standards ask for';

-- The findings of every organization the caller can see (docs/findings.md)

-- The validator called for each organization of ims.organization_list(),
-- whose org_id the view shows: a filter on org_id validates that
-- organization only, and on Citus the validator runs on the coordinator.
CREATE VIEW @extschema@.report_findings WITH (security_invoker = true) AS
SELECT o.org_id, o.name AS organization, f.code, f.grade AS severity, f.grade_rank AS severity_rank,
	   f.standard, f.ref, f.message, f.hint,
	   f.category, f.requirement, f.blocks_approval, f.waived_until
FROM @extschema@.organization_list() AS o
CROSS JOIN LATERAL @extschema@.evaluate_findings(ARRAY[o.org_id], false) WITH ORDINALITY AS f
ORDER BY o.org_id, f.ordinality;
COMMENT ON VIEW @extschema@.report_findings IS
'the findings of every organization the caller can see, one row per object found wanting, sorted by organization, grade, code and ref (docs/findings.md); ims.report_nonconformities rolls them up per requirement';
COMMENT ON COLUMN @extschema@.report_findings.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_findings.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_findings.code IS 'Finding code, such as SOA004 (docs/findings.md)';
COMMENT ON COLUMN @extschema@.report_findings.severity IS 'The grade, as a certification body grades it: major, minor or observation';
COMMENT ON COLUMN @extschema@.report_findings.severity_rank IS '1 major, 2 minor, 3 observation: sorts by grade';
COMMENT ON COLUMN @extschema@.report_findings.standard IS 'Standard the finding concerns, when it concerns one';
COMMENT ON COLUMN @extschema@.report_findings.ref IS 'The object found wanting: a control (ISO 42001 A.5.2), an AI system, a document, a risk';
COMMENT ON COLUMN @extschema@.report_findings.message IS 'What is wrong';
COMMENT ON COLUMN @extschema@.report_findings.hint IS 'What to do about it';
COMMENT ON COLUMN @extschema@.report_findings.category IS 'nonconformity, certification_blocker or advisory';
COMMENT ON COLUMN @extschema@.report_findings.requirement IS 'The requirement it is against: a clause (6.1.3 d; ims.finding_requirement cites it per standard) or an Annex A control of its standard; NULL for a certification blocker no clause sets';
COMMENT ON COLUMN @extschema@.report_findings.blocks_approval IS 'true when it blocks ims.approve_soa(), waived or not';
COMMENT ON COLUMN @extschema@.report_findings.waived_until IS 'Last day of the waiver that accepts it (ims.finding_waiver); NULL when none does';
GRANT SELECT ON @extschema@.report_findings TO PUBLIC;

-- The findings rolled up as an auditor's report lists them: one row per
-- requirement per organization and category, with its grade and examples
-- (docs/findings.md).  A clause of the harmonized structure has the same
-- number in both standards, so one row cites each standard concerned; an
-- Annex A control is its standard's own.

CREATE FUNCTION @extschema@.nonconformities(org_ids bigint[])
	RETURNS TABLE (org_id bigint, organization text, category text, category_rank integer, grade text, grade_rank integer,
			   requirement text, citation text, requirement_title text, findings bigint, codes text,
			   examples text, blocks_approval boolean, waived boolean, waived_until date)
	-- PL/pgSQL, not SQL: the organizations are read in a statement of their
	-- own, so that the query of the findings reads no distributed table and
	-- on Citus runs on the coordinator, as the validator must (it loops
	-- over the organizations itself; it cannot run on a shard)
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
	organizations jsonb;
BEGIN
	SELECT coalesce(jsonb_agg(jsonb_build_object('org_id', o.org_id, 'name', o.name, 'standards', o.standards)), '[]')
	INTO organizations
	FROM @extschema@.organization o
	WHERE org_ids IS NULL OR o.org_id = ANY (org_ids);

	RETURN QUERY
	WITH f AS MATERIALIZED (
		SELECT f.*,
			   CASE WHEN f.requirement ~ '^A\.' THEN f.standard END AS control_standard
		FROM @extschema@.evaluate_findings(org_ids, false) WITH ORDINALITY AS f),
	g AS (
		SELECT f.org_id, f.category, f.requirement, f.control_standard,
			   coalesce(min(f.grade_rank) FILTER (WHERE f.waived_until IS NULL), min(f.grade_rank)) AS grade_rank,
			   count(*) AS findings,
			   string_agg(DISTINCT f.code, ', ' ORDER BY f.code) AS codes,
			   array_agg(DISTINCT f.standard) FILTER (WHERE f.standard IS NOT NULL) AS standards,
			   bool_or(f.standard IS NULL) AS whole_system,
			   (array_agg(f.message ORDER BY f.grade_rank, f.ordinality))[1:5] AS first_messages,
			   bool_or(f.blocks_approval) AS blocks_approval,
			   bool_and(f.waived_until IS NOT NULL) AS waived,
			   min(f.waived_until) AS waived_until
		FROM f GROUP BY f.org_id, f.category, f.requirement, f.control_standard),
	o AS (SELECT * FROM jsonb_to_recordset(organizations) AS o(org_id bigint, name text, standards text[]))
	SELECT g.org_id, o.name AS organization, g.category,
		   array_position(ARRAY['nonconformity', 'certification_blocker', 'advisory'], g.category) AS category_rank,
		   (ARRAY['major', 'minor', 'observation'])[g.grade_rank] AS grade, g.grade_rank,
		   g.requirement,
		   CASE WHEN g.control_standard IS NOT NULL
				THEN @extschema@.standard_label(g.control_standard) || ' ' || g.requirement
				ELSE (SELECT string_agg(@extschema@.standard_label(s) || ' '
										|| coalesce(CASE s WHEN 'iso27001:2022' THEN r.iso27001
														   WHEN 'iso42001:2023' THEN r.iso42001 END, g.requirement),
										', ' ORDER BY s COLLATE "C")
					  FROM unnest(CASE WHEN g.whole_system OR g.standards IS NULL THEN o.standards ELSE g.standards END) AS s
					  WHERE g.requirement IS NOT NULL
						AND (r.requirement IS NULL OR CASE s WHEN 'iso27001:2022' THEN r.iso27001
															  WHEN 'iso42001:2023' THEN r.iso42001 END IS NOT NULL))
		   END AS citation,
		   coalesce(c.title, r.title, k.title) AS requirement_title,
		   g.findings, g.codes,
		   array_to_string(g.first_messages, '; ')
			   || CASE WHEN g.findings > 5 THEN pg_catalog.format('; and %s more', g.findings - 5) ELSE '' END AS examples,
		   g.blocks_approval, g.waived, CASE WHEN g.waived THEN g.waived_until END AS waived_until
	FROM g JOIN o ON o.org_id = g.org_id
	LEFT JOIN @extschema@.finding_requirement r ON r.requirement = g.requirement
	LEFT JOIN @extschema@.control c ON c.standard = g.control_standard AND c.control_id = g.requirement
	LEFT JOIN LATERAL (SELECT k.title FROM @extschema@.clause k
					   WHERE g.control_standard IS NULL AND r.requirement IS NULL
						 AND k.number = g.requirement ORDER BY k.standard LIMIT 1) AS k ON true
	ORDER BY g.org_id, array_position(ARRAY['nonconformity', 'certification_blocker', 'advisory'], g.category),
			 g.grade_rank, g.control_standard NULLS FIRST,
			 (SELECT array_agg(m[1]::integer ORDER BY n) FROM regexp_matches(g.requirement, '[0-9]+', 'g')
												   WITH ORDINALITY AS x(m, n)),
			 g.requirement;
END
$$;
COMMENT ON FUNCTION @extschema@.nonconformities(bigint[]) IS
'the findings of the given organizations (NULL: every one the caller can see) rolled up as an auditor''s report lists them: the rows of ims.report_nonconformities';

-- for each organization of ims.organization_list(), as report_findings
CREATE VIEW @extschema@.report_nonconformities WITH (security_invoker = true) AS
SELECT o.org_id, n.organization, n.category, n.category_rank, n.grade, n.grade_rank, n.requirement,
	   n.citation, n.requirement_title, n.findings, n.codes, n.examples, n.blocks_approval, n.waived,
	   n.waived_until
FROM @extschema@.organization_list() AS o
CROSS JOIN LATERAL @extschema@.nonconformities(ARRAY[o.org_id]) WITH ORDINALITY AS n
ORDER BY o.org_id, n.ordinality;
COMMENT ON VIEW @extschema@.report_nonconformities IS
'the findings as an auditor''s report lists them: one row per organization, category and requirement, with its grade (the worst of its findings that are not waived) and its first examples; nonconformities first, majors first (docs/findings.md)';
COMMENT ON COLUMN @extschema@.report_nonconformities.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_nonconformities.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_nonconformities.category IS 'nonconformity, certification_blocker or advisory';
COMMENT ON COLUMN @extschema@.report_nonconformities.category_rank IS '1 nonconformity, 2 certification_blocker, 3 advisory: sorts by category';
COMMENT ON COLUMN @extschema@.report_nonconformities.grade IS 'major, minor or observation: the worst grade of its findings not waived (of all of them when every one is waived)';
COMMENT ON COLUMN @extschema@.report_nonconformities.grade_rank IS '1 major, 2 minor, 3 observation: sorts by grade';
COMMENT ON COLUMN @extschema@.report_nonconformities.requirement IS 'The requirement: a clause (6.1.3 d) or an Annex A control; NULL for certification blockers no clause sets';
COMMENT ON COLUMN @extschema@.report_nonconformities.citation IS 'The requirement as each standard concerned numbers it, such as ISO 27001 6.1.3 d), ISO 42001 6.1.3 f)';
COMMENT ON COLUMN @extschema@.report_nonconformities.requirement_title IS 'What the requirement asks: the title of the clause or control';
COMMENT ON COLUMN @extschema@.report_nonconformities.findings IS 'How many findings it rolls up';
COMMENT ON COLUMN @extschema@.report_nonconformities.codes IS 'Their finding codes (docs/findings.md)';
COMMENT ON COLUMN @extschema@.report_nonconformities.examples IS 'The messages of the first five findings, worst first, and how many more there are';
COMMENT ON COLUMN @extschema@.report_nonconformities.blocks_approval IS 'true when one of its findings blocks ims.approve_soa()';
COMMENT ON COLUMN @extschema@.report_nonconformities.waived IS 'true when every one of its findings is waived';
COMMENT ON COLUMN @extschema@.report_nonconformities.waived_until IS 'When every finding is waived: the first day one of the waivers expires after';
GRANT SELECT ON @extschema@.report_nonconformities TO PUBLIC;

----------------------------------------------------------------------------
-- AI system records (33_ai_system_records.sql): the register of AI
-- systems a head of AI governance opens first, the dataset register and
-- the AI suppliers (docs/views.md)
----------------------------------------------------------------------------

CREATE VIEW @extschema@.report_ai_systems WITH (security_invoker = true) AS
-- the findings, validated per organization as in report_findings: filtered
-- by org_id, the view validates that organization only (the filter
-- reaches organization_list() through f.org_id = o.org_id)
WITH f AS (
	SELECT f.org_id, f.code, f.ref, f.requirement, f.waived_until IS NULL AND f.grade <> 'observation' AS open
	FROM @extschema@.organization_list() AS o
	CROSS JOIN LATERAL @extschema@.evaluate_findings(ARRAY[o.org_id], false) f
	WHERE f.org_id = o.org_id),
-- the findings that name a system (ref), per system
fs AS (
	SELECT s.org_id, s.system_id, (count(*) FILTER (WHERE f.open))::integer AS n,
		   string_agg(DISTINCT f.code, ', ' ORDER BY f.code) FILTER (WHERE f.open) AS codes,
		   bool_or(f.code = 'AIA002') AS stale
	FROM f JOIN @extschema@.ai_system s ON s.org_id = f.org_id
	WHERE f.ref = s.name OR (f.code = 'SYS003' AND f.ref = s.name || ' ' || f.requirement)
	GROUP BY s.org_id, s.system_id),
-- the controls evidenced for each system, and how many items
ev AS MATERIALIZED (
	SELECT v.org_id, v.system_id, array_agg(DISTINCT v.control_id) AS controls, count(*)::integer AS items
	FROM @extschema@.ai_system_evidence(NULL, every_organization => true) v
	GROUP BY v.org_id, v.system_id),
-- overdue computed here: on Citus a subquery without FROM (a below) may
-- call immutable functions only
latest AS (
	SELECT l.*, l.next_review < current_date AS review_overdue
	FROM @extschema@.latest_impact_assessment(NULL, every_organization => true) l)
SELECT s.org_id, o.name AS organization, s.system_id, s.name AS ai_system, s.owner,
	   s.lifecycle_stage, @extschema@.lifecycle_rank(s.lifecycle_stage) AS lifecycle_rank, s.in_scope,
	   array_to_string(s.ai_roles, ', ') AS ai_roles, array_to_string(s.ai_act_roles, ', ') AS ai_act_roles,
	   s.ai_act_risk_class,
	   cm.components, ds.datasets,
	   k.required AS controls_required, k.evidenced AS controls_evidenced, k.missing AS controls_missing,
	   coalesce(ev.items, 0) AS evidence_items,
	   l.assessment_id, l.assessed_on,
	   a.status AS assessment_status,
	   array_position(ARRAY['none', 'open', 'stale', 'review_overdue', 'approved'], a.status) AS assessment_status_rank,
	   l.decision, l.fria,
	   -- by s.org_id (l.org_id is the same): on Citus a subquery correlated
	   -- with a distributed table by org_id runs beside it on its shard
	   (SELECT count(*) FROM @extschema@.impact i WHERE i.org_id = s.org_id AND i.assessment_id = l.assessment_id
		AND i.nature = 'harm')::integer AS harms,
	   coalesce(fs.n, 0) AS open_findings, fs.codes AS finding_codes
FROM @extschema@.ai_system s
JOIN @extschema@.organization o ON o.org_id = s.org_id
LEFT JOIN latest l ON l.org_id = s.org_id AND l.system_id = s.system_id
LEFT JOIN fs ON fs.org_id = s.org_id AND fs.system_id = s.system_id
LEFT JOIN ev ON ev.org_id = s.org_id AND ev.system_id = s.system_id
-- the components and datasets of each system, grouped by organization and
-- joined on it (not correlated subqueries), so that Citus can run the
-- view beside the shards
LEFT JOIN (SELECT c.org_id, c.system_id,
				  string_agg(c.name || coalesce(' ' || c.version, '') || ' (' || c.kind
							 || coalesce(', ' || p.name, '') || ')', '; ' ORDER BY c.component_id) AS components
		   FROM @extschema@.ai_component c
		   LEFT JOIN @extschema@.ai_supplier p ON p.org_id = c.org_id AND p.supplier_id = c.supplier_id
		   GROUP BY c.org_id, c.system_id) AS cm
  ON cm.org_id = s.org_id AND cm.system_id = s.system_id
LEFT JOIN (SELECT d.org_id, d.system_id,
				  string_agg(d.name || ' (' || d.purposes || ')', '; ' ORDER BY d.name COLLATE "C") AS datasets
		   FROM (SELECT u.org_id, u.system_id, d.name,
						string_agg(u.purpose, ', ' ORDER BY array_position(ARRAY['training', 'validation', 'test', 'inference'], u.purpose))
							AS purposes
				 FROM @extschema@.dataset_use u JOIN @extschema@.dataset d ON d.org_id = u.org_id AND d.dataset_id = u.dataset_id
				 GROUP BY u.org_id, u.system_id, d.name) AS d
		   GROUP BY d.org_id, d.system_id) AS ds
  ON ds.org_id = s.org_id AND ds.system_id = s.system_id
LEFT JOIN LATERAL (
	SELECT count(*)::integer AS required, count(*) FILTER (WHERE x.evidenced)::integer AS evidenced,
		   string_agg(x.control_id, ', ' ORDER BY x.n) FILTER (WHERE NOT x.evidenced) AS missing
	FROM (SELECT q.control_id, row_number() OVER () AS n,
				 q.control_id = ANY (coalesce(ev.controls, '{}')) AS evidenced
		  FROM @extschema@.ai_system_controls() q
		  WHERE @extschema@.lifecycle_rank(s.lifecycle_stage) >= q.from_rank AND s.lifecycle_stage <> 'retired') x) k ON true
CROSS JOIN LATERAL (
	SELECT CASE WHEN l.assessment_id IS NULL THEN 'none'
				WHEN coalesce(fs.stale, false)
				THEN CASE WHEN l.review_overdue THEN 'review_overdue' ELSE 'stale' END
				WHEN coalesce(btrim(l.approved_by), '') = '' THEN 'open'
				ELSE 'approved' END AS status) a;
COMMENT ON VIEW @extschema@.report_ai_systems IS
'One row per AI system: its owner, roles, components, datasets, how many of the ISO 42001 controls it needs evidence of (A.6.2.2 to A.6.2.8, A.7.2 to A.7.6, by its life-cycle stage) are evidenced for it, its latest impact assessment and its open findings; the register a head of AI governance opens first';
COMMENT ON COLUMN @extschema@.report_ai_systems.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_ai_systems.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_ai_systems.system_id IS 'Identifier of the AI system';
COMMENT ON COLUMN @extschema@.report_ai_systems.ai_system IS 'Its name';
COMMENT ON COLUMN @extschema@.report_ai_systems.owner IS 'The person accountable for it';
COMMENT ON COLUMN @extschema@.report_ai_systems.lifecycle_stage IS 'design, development, verification, deployment, operation or retired';
COMMENT ON COLUMN @extschema@.report_ai_systems.lifecycle_rank IS '1 design to 6 retired';
COMMENT ON COLUMN @extschema@.report_ai_systems.in_scope IS 'Whether it is in the AIMS scope';
COMMENT ON COLUMN @extschema@.report_ai_systems.ai_roles IS 'The organization''s roles for it (ISO/IEC 22989), comma-separated';
COMMENT ON COLUMN @extschema@.report_ai_systems.ai_act_roles IS 'Its roles under the EU AI Act, comma-separated';
COMMENT ON COLUMN @extschema@.report_ai_systems.ai_act_risk_class IS 'Its EU AI Act risk class';
COMMENT ON COLUMN @extschema@.report_ai_systems.components IS 'Its components: name, version, kind and supplier';
COMMENT ON COLUMN @extschema@.report_ai_systems.datasets IS 'The datasets it uses, each with its purposes';
COMMENT ON COLUMN @extschema@.report_ai_systems.controls_required IS 'How many of the ISO 42001 controls evidenced per system its life-cycle stage needs (ims.ai_system_controls)';
COMMENT ON COLUMN @extschema@.report_ai_systems.controls_evidenced IS 'How many of them have current, fitting evidence for it (ims.ai_system_evidence)';
COMMENT ON COLUMN @extschema@.report_ai_systems.controls_missing IS 'The ones that have none';
COMMENT ON COLUMN @extschema@.report_ai_systems.evidence_items IS 'How many items of current evidence it has: evidence naming it, life-cycle records, dataset entries, counted per control';
COMMENT ON COLUMN @extschema@.report_ai_systems.assessment_id IS 'Its latest impact assessment';
COMMENT ON COLUMN @extschema@.report_ai_systems.assessed_on IS 'When that was made';
COMMENT ON COLUMN @extschema@.report_ai_systems.assessment_status IS 'none, open (not approved), stale (older than a significant change it did not assess), review_overdue, or approved';
COMMENT ON COLUMN @extschema@.report_ai_systems.assessment_status_rank IS '1 none, 2 open, 3 stale, 4 review_overdue, 5 approved';
COMMENT ON COLUMN @extschema@.report_ai_systems.decision IS 'The decision of the latest assessment: proceed, proceed_with_conditions or do_not_proceed';
COMMENT ON COLUMN @extschema@.report_ai_systems.fria IS 'Whether the latest assessment is also the EU AI Act Art. 27 fundamental rights impact assessment';
COMMENT ON COLUMN @extschema@.report_ai_systems.harms IS 'How many harms the latest assessment records';
COMMENT ON COLUMN @extschema@.report_ai_systems.open_findings IS 'How many of its findings are open: not waived, not observations, and naming it as their ref (AIA, SYS and RSK rules; SYS003 names it with the control)';
COMMENT ON COLUMN @extschema@.report_ai_systems.finding_codes IS 'Their codes';
GRANT SELECT ON @extschema@.report_ai_systems TO PUBLIC;

CREATE VIEW @extschema@.report_datasets WITH (security_invoker = true) AS
SELECT d.org_id, o.name AS organization, d.dataset_id, d.name AS dataset, d.owner, d.source, d.acquisition,
	   d.licence, d.consent_basis, d.provenance, d.quality_measures, d.known_biases, d.limitations,
	   d.preparation, d.personal_data,
	   ub.used_by,
	   coalesce(btrim(d.provenance), '') <> '' AS has_provenance,
	   coalesce(btrim(d.source), '') <> ''
	   AND (coalesce(btrim(d.licence), '') <> '' OR coalesce(btrim(d.consent_basis), '') <> '') AS has_rights
FROM @extschema@.dataset d
JOIN @extschema@.organization o ON o.org_id = d.org_id
-- grouped by org_id and joined on it, not a correlated subquery: a filter
-- on org_id reaches dataset_use and ai_system, so that Citus routes one
-- organization to one shard (docs/findings.md, Routing)
LEFT JOIN (SELECT u.org_id, u.dataset_id, string_agg(s.name || ' (' || u.purposes || ')', '; ' ORDER BY s.name COLLATE "C") AS used_by
		   FROM (SELECT u.org_id, u.dataset_id, u.system_id,
						string_agg(u.purpose, ', ' ORDER BY array_position(ARRAY['training', 'validation', 'test', 'inference'], u.purpose)) AS purposes
				 FROM @extschema@.dataset_use u
				 GROUP BY u.org_id, u.dataset_id, u.system_id) u
		   JOIN @extschema@.ai_system s ON s.org_id = u.org_id AND s.system_id = u.system_id
		   GROUP BY u.org_id, u.dataset_id) ub ON ub.org_id = d.org_id AND ub.dataset_id = d.dataset_id;
COMMENT ON VIEW @extschema@.report_datasets IS 'The dataset register (ISO 42001 A.7.2 to A.7.6): each dataset, what is recorded of it, and which AI systems use it for what';
COMMENT ON COLUMN @extschema@.report_datasets.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_datasets.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_datasets.dataset_id IS 'Identifier of the dataset';
COMMENT ON COLUMN @extschema@.report_datasets.dataset IS 'Its name';
COMMENT ON COLUMN @extschema@.report_datasets.owner IS 'Person responsible for it';
COMMENT ON COLUMN @extschema@.report_datasets.source IS 'Where the data comes from';
COMMENT ON COLUMN @extschema@.report_datasets.acquisition IS 'How it was acquired';
COMMENT ON COLUMN @extschema@.report_datasets.licence IS 'The licence or contract that grants its use';
COMMENT ON COLUMN @extschema@.report_datasets.consent_basis IS 'The consent or other legal basis for its personal data';
COMMENT ON COLUMN @extschema@.report_datasets.provenance IS 'Its provenance';
COMMENT ON COLUMN @extschema@.report_datasets.quality_measures IS 'Its quality requirements and measures';
COMMENT ON COLUMN @extschema@.report_datasets.known_biases IS 'Its known biases';
COMMENT ON COLUMN @extschema@.report_datasets.limitations IS 'Its known limitations';
COMMENT ON COLUMN @extschema@.report_datasets.preparation IS 'How it is prepared';
COMMENT ON COLUMN @extschema@.report_datasets.personal_data IS 'Whether it holds personal data';
COMMENT ON COLUMN @extschema@.report_datasets.used_by IS 'The AI systems that use it, each with its purposes';
COMMENT ON COLUMN @extschema@.report_datasets.has_provenance IS 'Whether its provenance is recorded (A.7.5)';
COMMENT ON COLUMN @extschema@.report_datasets.has_rights IS 'Whether its source and a licence or consent basis are recorded (A.7.3)';
GRANT SELECT ON @extschema@.report_datasets TO PUBLIC;

CREATE VIEW @extschema@.report_ai_suppliers WITH (security_invoker = true) AS
SELECT p.org_id, o.name AS organization, p.supplier_id, p.name AS supplier, p.supplies, p.contract_terms,
	   pc.components, pr.responsibilities,
	   v.reviewed_on, v.reviewed_by, v.conclusion, v.next_review,
	   num_nulls(nullif(btrim(v.model_provenance), ''), nullif(btrim(v.training_data_origin), ''),
				 nullif(btrim(v.performance_claims), ''), nullif(btrim(v.output_ip), ''),
				 nullif(btrim(v.contract_terms), '')) AS points_missing,
	   v.next_review < current_date AS review_overdue
FROM @extschema@.ai_supplier p
JOIN @extschema@.organization o ON o.org_id = p.org_id
-- grouped by org_id and joined on it, not correlated: a filter on org_id
-- reaches every table, so that Citus routes one organization to one shard
-- (docs/findings.md, Routing)
LEFT JOIN (SELECT c.org_id, c.supplier_id,
				  string_agg(s.name || ': ' || c.name || coalesce(' ' || c.version, ''), '; '
							 ORDER BY s.name COLLATE "C", c.component_id) AS components
		   FROM @extschema@.ai_component c JOIN @extschema@.ai_system s ON s.org_id = c.org_id AND s.system_id = c.system_id
		   GROUP BY c.org_id, c.supplier_id) pc ON pc.org_id = p.org_id AND pc.supplier_id = p.supplier_id
LEFT JOIN (SELECT r.org_id, r.supplier_id,
				  string_agg(s.name || ': ' || r.responsibility, '; ' ORDER BY s.name COLLATE "C", r.allocation_id) AS responsibilities
		   FROM @extschema@.ai_responsibility r JOIN @extschema@.ai_system s ON s.org_id = r.org_id AND s.system_id = r.system_id
		   GROUP BY r.org_id, r.supplier_id) pr ON pr.org_id = p.org_id AND pr.supplier_id = p.supplier_id
-- the latest review of each supplier
LEFT JOIN (SELECT DISTINCT ON (v.org_id, v.supplier_id) *
		   FROM @extschema@.ai_supplier_review v
		   WHERE v.reviewed_on <= current_date
		   ORDER BY v.org_id, v.supplier_id, v.reviewed_on DESC, v.review_id DESC) v
  ON v.org_id = p.org_id AND v.supplier_id = p.supplier_id;
COMMENT ON VIEW @extschema@.report_ai_suppliers IS 'AI suppliers (ISO 42001 A.10.2, A.10.3): what each supplies, to which AI systems, the responsibilities allocated to it, and its latest due diligence';
COMMENT ON COLUMN @extschema@.report_ai_suppliers.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_ai_suppliers.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_ai_suppliers.supplier_id IS 'Identifier of the supplier';
COMMENT ON COLUMN @extschema@.report_ai_suppliers.supplier IS 'Its name';
COMMENT ON COLUMN @extschema@.report_ai_suppliers.supplies IS 'What it supplies';
COMMENT ON COLUMN @extschema@.report_ai_suppliers.contract_terms IS 'The AI terms of its contract';
COMMENT ON COLUMN @extschema@.report_ai_suppliers.components IS 'The components it supplies, per AI system';
COMMENT ON COLUMN @extschema@.report_ai_suppliers.responsibilities IS 'The responsibilities allocated to it, per AI system (A.10.2)';
COMMENT ON COLUMN @extschema@.report_ai_suppliers.reviewed_on IS 'When its latest due diligence was made; null: never';
COMMENT ON COLUMN @extschema@.report_ai_suppliers.reviewed_by IS 'Who made it';
COMMENT ON COLUMN @extschema@.report_ai_suppliers.conclusion IS 'Its conclusion';
COMMENT ON COLUMN @extschema@.report_ai_suppliers.next_review IS 'When it is due again';
COMMENT ON COLUMN @extschema@.report_ai_suppliers.points_missing IS 'How many of the five A.10.3 points it leaves blank: model provenance, training data origin, performance claims, output IP, contract terms (5 when there is none)';
COMMENT ON COLUMN @extschema@.report_ai_suppliers.review_overdue IS 'Whether its next review date has passed';
GRANT SELECT ON @extschema@.report_ai_suppliers TO PUBLIC;

----------------------------------------------------------------------------
-- The improvement loop (32_improvement.sql, docs/improvement.md): the
-- audit programme, the register of nonconformities, the competence of the
-- roles
----------------------------------------------------------------------------

CREATE VIEW @extschema@.report_audit_programme WITH (security_invoker = true) AS
SELECT a.org_id, o.name AS organization, a.audit_id, a.cycle, a.performed_on, a.ended_on,
	   (a.performed_on > current_date - interval '12 months' AND a.performed_on <= current_date) AS in_cycle,
	   (SELECT string_agg(@extschema@.standard_label(x), ', ' ORDER BY x COLLATE "C") FROM unnest(a.covers) AS x) AS covers,
	   a.criteria,
	   sp.scope,
	   l.name AS lead_auditor,
	   tm.team_members,
	   a.conclusion, a.reported_on, a.reported_to,
	   coalesce(nc.nonconformities, 0) AS nonconformities
FROM @extschema@.internal_audit a
JOIN @extschema@.organization o ON o.org_id = a.org_id
LEFT JOIN @extschema@.auditor l ON l.org_id = a.org_id AND l.auditor_id = a.lead_auditor_id
-- grouped by org_id and joined on it, not correlated subqueries: a filter
-- on org_id reaches every table, so that Citus routes one organization to
-- one shard (docs/findings.md, Routing).  The scope per standard covered:
LEFT JOIN (SELECT p.org_id, p.audit_id,
				  string_agg(@extschema@.standard_label(x) || ': ' || coalesce(ps.items, 'the whole standard'),
							 '; ' ORDER BY x COLLATE "C") AS scope
		   FROM @extschema@.internal_audit p
		   CROSS JOIN LATERAL unnest(p.covers) AS x
		   LEFT JOIN (SELECT s.org_id, s.audit_id, s.standard,
							 string_agg(coalesce(s.clause, s.control_id), ', '
										ORDER BY s.control_id IS NOT NULL, k.ordinal, c.ordinal) AS items
					  FROM @extschema@.audit_scope s
					  LEFT JOIN @extschema@.clause k ON k.standard = s.standard AND k.number = s.clause
					  LEFT JOIN @extschema@.control c ON c.standard = s.standard AND c.control_id = s.control_id
					  GROUP BY s.org_id, s.audit_id, s.standard) ps
			 ON ps.org_id = p.org_id AND ps.audit_id = p.audit_id AND ps.standard = x
		   GROUP BY p.org_id, p.audit_id) sp ON sp.org_id = a.org_id AND sp.audit_id = a.audit_id
-- the team:
LEFT JOIN (SELECT m.org_id, m.audit_id, string_agg(u.name, ', ' ORDER BY u.name COLLATE "C") AS team_members
		   FROM @extschema@.audit_team_member m JOIN @extschema@.auditor u ON u.org_id = m.org_id AND u.auditor_id = m.auditor_id
		   GROUP BY m.org_id, m.audit_id) tm ON tm.org_id = a.org_id AND tm.audit_id = a.audit_id
-- the nonconformities raised from it:
LEFT JOIN (SELECT n.org_id, n.audit_id, count(*) AS nonconformities
		   FROM @extschema@.nonconformity_record n
		   GROUP BY n.org_id, n.audit_id) nc ON nc.org_id = a.org_id AND nc.audit_id = a.audit_id;
COMMENT ON VIEW @extschema@.report_audit_programme IS
'the audit programme of every organization the caller can see (9.2.2): each internal audit with its cycle, dates, criteria, scope per standard, team, conclusion, when its results were reported, and the nonconformities raised from it; ims.audit_clause_gaps and AUD003 say which clauses the audits of the cycle leave out';
COMMENT ON COLUMN @extschema@.report_audit_programme.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_audit_programme.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_audit_programme.audit_id IS 'The audit';
COMMENT ON COLUMN @extschema@.report_audit_programme.cycle IS 'Audit cycle or programme it belongs to';
COMMENT ON COLUMN @extschema@.report_audit_programme.performed_on IS 'When it was performed (its first day)';
COMMENT ON COLUMN @extschema@.report_audit_programme.ended_on IS 'Its last day, when it took more than one';
COMMENT ON COLUMN @extschema@.report_audit_programme.in_cycle IS 'Whether it counts for the current cycle: performed in the last 12 months, not after today (AUD001, AUD003)';
COMMENT ON COLUMN @extschema@.report_audit_programme.covers IS 'Standards it covers, such as ISO 27001, ISO 42001';
COMMENT ON COLUMN @extschema@.report_audit_programme.criteria IS 'Its audit criteria';
COMMENT ON COLUMN @extschema@.report_audit_programme.scope IS 'Its scope per standard: the clauses, then the controls, or the whole standard when no scope row names one';
COMMENT ON COLUMN @extschema@.report_audit_programme.lead_auditor IS 'Name of its lead auditor';
COMMENT ON COLUMN @extschema@.report_audit_programme.team_members IS 'Names of the other members of its team';
COMMENT ON COLUMN @extschema@.report_audit_programme.conclusion IS 'Its conclusion';
COMMENT ON COLUMN @extschema@.report_audit_programme.reported_on IS 'When its results were reported to management; null until they are';
COMMENT ON COLUMN @extschema@.report_audit_programme.reported_to IS 'To whom';
COMMENT ON COLUMN @extschema@.report_audit_programme.nonconformities IS 'How many nonconformities of the register were raised from it';
GRANT SELECT ON @extschema@.report_audit_programme TO PUBLIC;

CREATE VIEW @extschema@.report_nonconformity_register WITH (security_invoker = true) AS
SELECT n.org_id, o.name AS organization, n.nc_id, n.raised_on, n.source,
	   array_position(ARRAY['internal_audit', 'external_audit', 'management_review', 'incident', 'complaint',
							'validator_finding'], n.source) AS source_rank,
	   concat_ws(', ', CASE n.source
						   WHEN 'internal_audit' THEN 'internal audit ' || ia.cycle
						   WHEN 'management_review' THEN 'management review of ' || to_char(mr.held_on, 'YYYY-MM-DD')
						   WHEN 'validator_finding' THEN format('finding %s for %s', n.finding_code, n.finding_ref) END,
				 n.source_ref) AS source_detail,
	   n.standard, n.requirement, n.grade, array_position(ARRAY['major', 'minor'], n.grade) AS grade_rank,
	   n.description, n.evidence, n.correction, n.root_cause,
	   coalesce(x.actions, 0) AS actions, coalesce(x.actions_open, 0) AS actions_open,
	   coalesce(x.actions_overdue, 0) AS actions_overdue, x.next_due,
	   n.effectiveness_reviewed_on, n.effective, n.closed_on,
	   CASE WHEN n.closed_on IS NOT NULL THEN 'closed'
			WHEN coalesce(x.actions, 0) = 0 THEN 'no_action_planned'
			WHEN x.actions_open > 0 THEN 'actions_open'
			ELSE 'effectiveness_review' END AS status,
	   CASE WHEN n.closed_on IS NOT NULL THEN 4
			WHEN coalesce(x.actions, 0) = 0 THEN 1
			WHEN x.actions_open > 0 THEN 2
			ELSE 3 END AS status_rank
FROM @extschema@.nonconformity_record n
JOIN @extschema@.organization o ON o.org_id = n.org_id
-- joins on org_id, not correlated subqueries, so that a filter on org_id
-- reaches every table (Citus routes the view to one shard)
LEFT JOIN @extschema@.internal_audit ia ON n.source = 'internal_audit' AND ia.org_id = n.org_id AND ia.audit_id = n.audit_id
LEFT JOIN @extschema@.management_review mr
  ON n.source = 'management_review' AND mr.org_id = n.org_id AND mr.review_id = n.review_id
LEFT JOIN (SELECT a.org_id, a.nc_id, count(*) AS actions,
				  count(*) FILTER (WHERE a.status IN ('open', 'in_progress')) AS actions_open,
				  count(*) FILTER (WHERE a.status IN ('open', 'in_progress') AND a.due_on < current_date) AS actions_overdue,
				  min(a.due_on) FILTER (WHERE a.status IN ('open', 'in_progress')) AS next_due
		   FROM @extschema@.corrective_action a GROUP BY a.org_id, a.nc_id) AS x
  ON x.org_id = n.org_id AND x.nc_id = n.nc_id;
COMMENT ON VIEW @extschema@.report_nonconformity_register IS
'the register of nonconformities and corrective actions of every organization the caller can see (10.2): where each came from, the requirement, its grade, cause, actions and their state, the effectiveness review and the closure; ims.report_nonconformities is the validator''s findings rolled up, which ims.raise_nonconformity turns into rows of this register';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.nc_id IS 'The nonconformity';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.raised_on IS 'When it was raised';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.source IS 'internal_audit, external_audit, management_review, incident, complaint or validator_finding';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.source_rank IS '1 to 6 in the order of source above: sorts by source';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.source_detail IS 'Which audit, review or finding it came from, and the reference of an outside source';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.standard IS 'Standard whose requirement is not met; null for one both share';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.requirement IS 'The clause or control not met';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.grade IS 'major or minor';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.grade_rank IS '1 major, 2 minor: sorts by grade';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.description IS 'What is wrong';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.evidence IS 'The evidence of it';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.correction IS 'The correction made';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.root_cause IS 'Its cause';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.actions IS 'How many corrective actions it has';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.actions_open IS 'How many of them are open or in progress';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.actions_overdue IS 'How many of those are past their due date';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.next_due IS 'The earliest due date of its open actions';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.effectiveness_reviewed_on IS 'When the effectiveness of its actions was reviewed';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.effective IS 'Whether they were found effective';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.closed_on IS 'When it was closed';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.status IS 'no_action_planned, actions_open, effectiveness_review (actions done, their effectiveness to be reviewed) or closed';
COMMENT ON COLUMN @extschema@.report_nonconformity_register.status_rank IS '1 no_action_planned, 2 actions_open, 3 effectiveness_review, 4 closed: sorts by status';
GRANT SELECT ON @extschema@.report_nonconformity_register TO PUBLIC;

CREATE VIEW @extschema@.report_competence WITH (security_invoker = true) AS
SELECT o.org_id, g.name AS organization, o.role_id, o.name AS role, o.kind AS role_kind, s.name AS ai_system,
	   c.holder, c.competence, r.title AS record, r.kind AS record_kind, c.obtained_on, c.expires_on,
	   CASE WHEN c.current THEN 'current' WHEN c.record_id IS NOT NULL THEN 'expired' ELSE 'missing' END AS status,
	   CASE WHEN c.current THEN 4 WHEN c.record_id IS NOT NULL THEN 3 ELSE 2 END AS status_rank
FROM @extschema@.role_competence(NULL) c
JOIN @extschema@.role o ON o.org_id = c.org_id AND o.role_id = c.role_id
JOIN @extschema@.organization g ON g.org_id = o.org_id
LEFT JOIN @extschema@.ai_system s ON s.org_id = o.org_id AND s.system_id = o.system_id
LEFT JOIN @extschema@.competence_record r ON r.org_id = c.org_id AND r.record_id = c.record_id
UNION ALL
SELECT o.org_id, g.name, o.role_id, o.name, o.kind, s.name, NULL, NULL, NULL, NULL, NULL, NULL, 'no_holder', 1
FROM @extschema@.role o
JOIN @extschema@.organization g ON g.org_id = o.org_id
LEFT JOIN @extschema@.ai_system s ON s.org_id = o.org_id AND s.system_id = o.system_id
WHERE NOT EXISTS (SELECT 1 FROM @extschema@.role_holder h WHERE h.org_id = o.org_id AND h.role_id = o.role_id
				  AND h.since <= current_date AND (h.until IS NULL OR h.until >= current_date));
COMMENT ON VIEW @extschema@.report_competence IS
'the competence of the roles of every organization the caller can see (5.3, 7.2; ISO 42001 A.3.2, A.4.6): one row per current holder of a role and competence the role needs, with the record that shows it and whether it is current, and one row per role no one holds now; COM001 reports the holders without a current record';
COMMENT ON COLUMN @extschema@.report_competence.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_competence.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_competence.role_id IS 'The role';
COMMENT ON COLUMN @extschema@.report_competence.role IS 'Its name';
COMMENT ON COLUMN @extschema@.report_competence.role_kind IS 'management_system or ai';
COMMENT ON COLUMN @extschema@.report_competence.ai_system IS 'The AI system the role is for; null for a role over every system or the whole management system';
COMMENT ON COLUMN @extschema@.report_competence.holder IS 'Who holds it now; null when no one does';
COMMENT ON COLUMN @extschema@.report_competence.competence IS 'A competence the role needs';
COMMENT ON COLUMN @extschema@.report_competence.record IS 'Title of the record that shows it: a current one if any, else the latest expired; null for none';
COMMENT ON COLUMN @extschema@.report_competence.record_kind IS 'education, training, qualification or experience';
COMMENT ON COLUMN @extschema@.report_competence.obtained_on IS 'When the record was obtained';
COMMENT ON COLUMN @extschema@.report_competence.expires_on IS 'When it expires; null for no expiry';
COMMENT ON COLUMN @extschema@.report_competence.status IS 'no_holder, missing (no record), expired or current';
COMMENT ON COLUMN @extschema@.report_competence.status_rank IS '1 no_holder, 2 missing, 3 expired, 4 current: sorts by status';
GRANT SELECT ON @extschema@.report_competence TO PUBLIC;
