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
	   (SELECT count(*) FROM @extschema@.evidence v
		WHERE v.org_id = e.org_id AND v.standard = e.standard AND v.control_id = e.control_id
		  AND v.collected_on <= current_date AND (v.valid_until IS NULL OR v.valid_until >= current_date))
		   AS current_evidence,
	   (SELECT count(*) FROM @extschema@.evidence v JOIN @extschema@.evidence_kind k ON k.code = v.kind
		WHERE v.org_id = e.org_id AND v.standard = e.standard AND v.control_id = e.control_id
		  AND v.collected_on <= current_date AND (v.valid_until IS NULL OR v.valid_until >= current_date)
		  AND (e.standard <> 'iso42001:2023' OR k.domain <> 'information_security'))
		   AS fitting_evidence
FROM @extschema@.soa s
JOIN @extschema@.organization o ON o.org_id = s.org_id
JOIN @extschema@.soa_entry e ON e.org_id = s.org_id AND e.soa_id = s.soa_id
JOIN @extschema@.control c ON c.standard = e.standard AND c.control_id = e.control_id
WHERE s.status = 'draft'
   OR (s.status = 'approved' AND NOT EXISTS (SELECT 1 FROM @extschema@.soa d
											 WHERE d.org_id = s.org_id AND d.status = 'draft'));
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
	   tc.ordinal AS target_rank, sc.ordinal AS source_rank
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
GRANT SELECT ON @extschema@.report_control_mapping TO PUBLIC;

CREATE VIEW @extschema@.report_risk_register WITH (security_invoker = true) AS
SELECT r.org_id, o.name AS organization, r.risk_id, r.register, r.title,
	   r.risk_type::text AS risk_type, @extschema@.risk_type_rank(r.risk_type) AS risk_type_rank,
	   @extschema@.risk_domain(r.risk_type) AS risk_domain,
	   s.name AS ai_system, r.asset, r.likelihood, r.impact, r.likelihood * r.impact AS score,
	   r.cvss, r.treatment, r.owner,
	   (SELECT array_agg(@extschema@.standard_label(k.standard) || ' ' || k.control_id ORDER BY k.standard, c.ordinal)
		FROM @extschema@.risk_control k JOIN @extschema@.control c USING (standard, control_id)
		WHERE k.org_id = r.org_id AND k.risk_id = r.risk_id) AS controls
FROM @extschema@.risk r
JOIN @extschema@.organization o ON o.org_id = r.org_id
LEFT JOIN @extschema@.ai_system s ON s.org_id = r.org_id AND s.system_id = r.ai_system_id;
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
COMMENT ON COLUMN @extschema@.report_risk_register.likelihood IS 'Likelihood, 1 to 5';
COMMENT ON COLUMN @extschema@.report_risk_register.impact IS 'Impact, 1 to 5';
COMMENT ON COLUMN @extschema@.report_risk_register.score IS 'Likelihood times impact, 1 to 25';
COMMENT ON COLUMN @extschema@.report_risk_register.cvss IS 'CVSS base score (information security risks only)';
COMMENT ON COLUMN @extschema@.report_risk_register.treatment IS 'mitigate, accept, avoid or transfer';
COMMENT ON COLUMN @extschema@.report_risk_register.owner IS 'Risk owner';
COMMENT ON COLUMN @extschema@.report_risk_register.controls IS 'Controls that treat it, standard-qualified';
GRANT SELECT ON @extschema@.report_risk_register TO PUBLIC;

CREATE VIEW @extschema@.report_impact_assessments WITH (security_invoker = true) AS
SELECT i.org_id, o.name AS organization, i.assessment_id, s.name AS ai_system, s.lifecycle_stage, s.in_scope,
	   i.assessed_on, i.severity,
	   array_position(ARRAY['low', 'medium', 'high', 'critical'], i.severity) AS severity_rank,
	   i.individuals, i.groups, i.society, i.foreseeable_misuse, i.stakeholder_views,
	   i.approved_by, i.next_review,
	   i.assessment_id = (SELECT l.assessment_id FROM @extschema@.impact_assessment l
						  WHERE l.org_id = i.org_id AND l.system_id = i.system_id
						  ORDER BY l.assessed_on DESC, l.assessment_id DESC LIMIT 1) AS is_latest,
	   i.assessed_on < s.last_significant_change AS before_last_change,
	   i.next_review < current_date AS review_overdue,
	   num_nulls(nullif(btrim(i.individuals), ''), nullif(btrim(i.groups), ''), nullif(btrim(i.society), ''),
				 nullif(btrim(i.foreseeable_misuse), ''), nullif(btrim(i.stakeholder_views), '')) AS missing_parts
FROM @extschema@.impact_assessment i
JOIN @extschema@.organization o ON o.org_id = i.org_id
JOIN @extschema@.ai_system s ON s.org_id = i.org_id AND s.system_id = i.system_id;
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
COMMENT ON COLUMN @extschema@.report_impact_assessments.individuals IS 'Impacts on individuals';
COMMENT ON COLUMN @extschema@.report_impact_assessments.groups IS 'Impacts on groups';
COMMENT ON COLUMN @extschema@.report_impact_assessments.society IS 'Impacts on society';
COMMENT ON COLUMN @extschema@.report_impact_assessments.foreseeable_misuse IS 'Foreseeable misuse considered';
COMMENT ON COLUMN @extschema@.report_impact_assessments.stakeholder_views IS 'Stakeholder views gathered';
COMMENT ON COLUMN @extschema@.report_impact_assessments.approved_by IS 'Who approved it';
COMMENT ON COLUMN @extschema@.report_impact_assessments.next_review IS 'Review due date';
COMMENT ON COLUMN @extschema@.report_impact_assessments.is_latest IS 'Whether it is the latest assessment of its system';
COMMENT ON COLUMN @extschema@.report_impact_assessments.before_last_change IS 'Whether it predates the system''s last significant change';
COMMENT ON COLUMN @extschema@.report_impact_assessments.review_overdue IS 'Whether its review date has passed';
COMMENT ON COLUMN @extschema@.report_impact_assessments.missing_parts IS 'How many of individuals, groups, society, foreseeable misuse and stakeholder views are empty';
GRANT SELECT ON @extschema@.report_impact_assessments TO PUBLIC;

-- Readiness per clause group and Annex A area, with the remaining effort
-- estimated from the source article's figures (docs/views.md gives the
-- method): procedural extensions 4 to 8 weeks in all, new artifacts 2 to 4
-- months (8.7 to 17.4 weeks) in all, each shared out by what is still
-- open; one more month (4.3 weeks) for the internal audit and management
-- review cycle, counted once, in the total.
CREATE VIEW @extschema@.report_readiness WITH (security_invoker = true) AS
WITH clause_rows AS (
	SELECT m.org_id, m.organization, 'clause'::text AS group_kind, NULL::text AS standard,
		   split_part(m.target_clause, '.', 1) AS group_id, min(m.clause_rank) AS group_rank,
		   count(*) AS items,
		   count(*) FILTER (WHERE m.documents IS NOT NULL) AS decided,
		   count(*) FILTER (WHERE m.status = 'integrated' OR (m.status = 'new_artifact' AND m.documents IS NOT NULL)) AS implemented,
		   count(*) FILTER (WHERE m.status = 'integrated' OR (m.status = 'new_artifact' AND m.documents IS NOT NULL)) AS evidenced,
		   count(*) FILTER (WHERE m.status IN ('extend', 'missing')) AS open_procedural,
		   count(*) FILTER (WHERE m.status = 'new_artifact' AND m.documents IS NULL) AS open_artifacts,
		   count(*) FILTER (WHERE m.status = 'new_artifact') AS artifact_items
	FROM @extschema@.report_clause_mapping m
	GROUP BY m.org_id, m.organization, split_part(m.target_clause, '.', 1)),
area_rows AS (
	SELECT s.org_id, s.organization, 'annex_a_area'::text, s.standard, s.area, min(s.control_rank),
		   count(*),
		   count(*) FILTER (WHERE s.decision <> 'undecided'),
		   count(*) FILTER (WHERE s.decision = 'not_applicable' OR s.implementation = 'implemented'),
		   count(*) FILTER (WHERE s.decision = 'not_applicable' OR s.fitting_evidence > 0),
		   0::bigint,
		   count(*) FILTER (WHERE s.standard = 'iso42001:2023' AND s.decision <> 'not_applicable'
							AND s.implementation <> 'implemented'),
		   0::bigint
	FROM @extschema@.report_soa s
	GROUP BY s.org_id, s.organization, s.standard, s.area),
all_rows AS (SELECT * FROM clause_rows UNION ALL SELECT * FROM area_rows),
-- The two pools of work: procedural extensions (clause pairs with a
-- counterpart) and new artifacts (clause pairs without one, and the ISO
-- 42001 controls, whether or not the SoA lists them yet).
ai_controls AS (
	SELECT o.org_id, count(c.*) AS items,
		   count(c.*) - (SELECT count(*) FROM @extschema@.report_soa s
						 WHERE s.org_id = o.org_id AND s.standard = c_std.code
						   AND (s.decision = 'not_applicable' OR s.implementation = 'implemented')) AS open
	FROM @extschema@.organization o
	CROSS JOIN LATERAL (SELECT 'iso42001:2023'::text AS code) AS c_std
	LEFT JOIN @extschema@.control c ON c.standard = c_std.code AND c_std.code = ANY (o.standards)
	GROUP BY o.org_id, c_std.code),
totals AS (
	SELECT r.org_id,
		   nullif(sum(r.items - r.artifact_items) FILTER (WHERE r.group_kind = 'clause'), 0) AS procedural_items,
		   sum(r.open_procedural) AS open_procedural,
		   nullif(sum(r.artifact_items) + min(a.items), 0) AS artifact_items,
		   sum(r.open_artifacts) FILTER (WHERE r.group_kind = 'clause') + min(a.open) AS open_artifacts
	FROM all_rows r JOIN ai_controls a USING (org_id)
	GROUP BY r.org_id)
SELECT r.org_id, r.organization, r.group_kind, r.standard,
	   @extschema@.standard_label(r.standard) AS standard_label, r.group_id,
	   CASE r.group_kind WHEN 'clause' THEN (SELECT min(c.title) FROM @extschema@.clause_mapping m
											 JOIN @extschema@.clause c ON c.standard = m.target_standard
																	  AND c.number = m.target_clause
											 WHERE m.target_clause = r.group_id)
		   ELSE (SELECT min(c.area_title) FROM @extschema@.control c
				 WHERE c.standard = r.standard AND c.area = r.group_id) END AS group_title,
	   r.group_rank, r.items,
	   round(100.0 * r.decided / r.items) AS decided_pct,
	   round(100.0 * r.implemented / r.items) AS implemented_pct,
	   round(100.0 * r.evidenced / r.items) AS evidenced_pct,
	   round((4 * coalesce(r.open_procedural / t.procedural_items, 0)
			  + 8.7 * coalesce(r.open_artifacts / t.artifact_items, 0))::numeric, 1) AS weeks_low,
	   round((8 * coalesce(r.open_procedural / t.procedural_items, 0)
			  + 17.4 * coalesce(r.open_artifacts / t.artifact_items, 0))::numeric, 1) AS weeks_high
FROM all_rows r JOIN totals t USING (org_id)
UNION ALL
SELECT t.org_id, o.name, 'total', NULL, NULL, NULL, 'Remaining effort, with one month for the internal audit and management review cycle',
	   NULL, NULL, NULL, NULL, NULL,
	   round((4 * coalesce(t.open_procedural / t.procedural_items, 0)
			  + 8.7 * coalesce(t.open_artifacts / t.artifact_items, 0) + 4.3)::numeric, 1),
	   round((8 * coalesce(t.open_procedural / t.procedural_items, 0)
			  + 17.4 * coalesce(t.open_artifacts / t.artifact_items, 0) + 4.3)::numeric, 1)
FROM totals t JOIN @extschema@.organization o ON o.org_id = t.org_id;
COMMENT ON VIEW @extschema@.report_readiness IS 'Readiness per clause group (4 to 10) and Annex A area: shares decided, implemented and evidenced, and the remaining effort in weeks estimated from the source article''s figures (docs/views.md)';
COMMENT ON COLUMN @extschema@.report_readiness.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_readiness.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_readiness.group_kind IS 'clause, annex_a_area or total';
COMMENT ON COLUMN @extschema@.report_readiness.standard IS 'Standard of an Annex A area; null for clause groups (both standards) and the total';
COMMENT ON COLUMN @extschema@.report_readiness.standard_label IS 'Its short name';
COMMENT ON COLUMN @extschema@.report_readiness.group_id IS 'Clause group (4 to 10) or area (A.5 ...)';
COMMENT ON COLUMN @extschema@.report_readiness.group_title IS 'Title of the clause or area';
COMMENT ON COLUMN @extschema@.report_readiness.group_rank IS 'Sorts the groups in document order within their kind';
COMMENT ON COLUMN @extschema@.report_readiness.items IS 'Clause pairs or controls in the group';
COMMENT ON COLUMN @extschema@.report_readiness.decided_pct IS 'Clauses: share with a document on their topic. Controls: share decided';
COMMENT ON COLUMN @extschema@.report_readiness.implemented_pct IS 'Clauses: share integrated (new artifacts: documented). Controls: share implemented or excluded';
COMMENT ON COLUMN @extschema@.report_readiness.evidenced_pct IS 'Clauses: share integrated (new artifacts: documented). Controls: share with current evidence of a fitting kind, or excluded';
COMMENT ON COLUMN @extschema@.report_readiness.weeks_low IS 'Remaining effort, low estimate, in weeks';
COMMENT ON COLUMN @extschema@.report_readiness.weeks_high IS 'Remaining effort, high estimate, in weeks';
GRANT SELECT ON @extschema@.report_readiness TO PUBLIC;

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
BEGIN
	PERFORM @extschema@.require_org_access(org, 'read');
	RETURN QUERY
	WITH docs AS (
		SELECT d.topic, string_agg(concat_ws(' ', d.title, d.version), '; ' ORDER BY d.title) AS titles,
			   string_agg(concat_ws(' ', d.title, d.version), '; ' ORDER BY d.title)
				   FILTER (WHERE 'iso27001:2022' = ANY (d.covers)) AS titles27,
			   string_agg(concat_ws(' ', d.title, d.version), '; ' ORDER BY d.title)
				   FILTER (WHERE 'iso42001:2023' = ANY (d.covers)) AS titles42
		FROM @extschema@.document d WHERE d.org_id = org GROUP BY d.topic),
	f AS (SELECT count(*) FILTER (WHERE v.severity = 'major') AS major,
				 count(*) FILTER (WHERE v.severity = 'minor') AS minor
		  FROM @extschema@.evaluate_findings(ARRAY[org], false) v),
	last_review AS (SELECT max(r.held_on) AS held_on FROM @extschema@.management_review r WHERE r.org_id = org),
	last_audit AS (SELECT a.cycle, a.performed_on, a.covers FROM @extschema@.internal_audit a
				   WHERE a.org_id = org ORDER BY a.performed_on DESC LIMIT 1),
	risks AS (SELECT count(*) FILTER (WHERE @extschema@.risk_domain(r.risk_type) = 'information_security') AS cia,
					 count(*) FILTER (WHERE @extschema@.risk_domain(r.risk_type) = 'ai') AS ai,
					 count(*) FILTER (WHERE @extschema@.risk_domain(r.risk_type) = 'ai' AND r.treatment IS NULL) AS ai_open,
					 count(*) FILTER (WHERE @extschema@.risk_domain(r.risk_type) = 'information_security' AND r.treatment IS NULL) AS cia_open
			  FROM @extschema@.risk r WHERE r.org_id = org),
	ev AS (SELECT count(*) AS current_rows,
				  count(*) FILTER (WHERE v.kind IN ('monitoring_dashboard', 'evaluation_report')) AS ai_performance
		   FROM @extschema@.evidence v WHERE v.org_id = org AND v.collected_on <= current_date
			 AND (v.valid_until IS NULL OR v.valid_until >= current_date)),
	ia AS (SELECT count(*) AS recent, count(DISTINCT i.system_id) AS systems
		   FROM @extschema@.impact_assessment i WHERE i.org_id = org
			 AND i.assessed_on > current_date - interval '12 months')
	SELECT x.item, x.standard, x.title, x.input FROM (VALUES
		(1, 'previous_actions', NULL::text, 'Status of actions from previous management reviews',
		 (SELECT 'last review held on ' || to_char(held_on, 'YYYY-MM-DD') FROM last_review WHERE held_on IS NOT NULL)),
		(2, 'context_changes', NULL, 'Changes in internal and external issues',
		 (SELECT titles FROM docs WHERE topic = 'context')),
		(3, 'interested_parties', NULL, 'Changes in the needs and expectations of interested parties',
		 (SELECT titles FROM docs WHERE topic = 'interested_parties')),
		(4, 'nonconformities', NULL, 'Nonconformities, corrective actions and open findings',
		 (SELECT format('%s major and %s minor findings open (ims.integration_findings)', major, minor) FROM f)),
		(5, 'monitoring_results', NULL, 'Monitoring and measurement results',
		 (SELECT current_rows || ' current evidence records' FROM ev WHERE current_rows > 0)),
		(6, 'audit_results', NULL, 'Results of internal audits',
		 (SELECT format('internal audit %s on %s, covering %s', cycle, to_char(performed_on, 'YYYY-MM-DD'),
						array_to_string(covers, ', ')) FROM last_audit)),
		(7, 'is_objectives', 'iso27001:2022', 'Fulfilment of the information security objectives',
		 (SELECT titles27 FROM docs WHERE topic = 'objectives')),
		(8, 'is_risks', 'iso27001:2022', 'Information security risk assessment and treatment',
		 (SELECT format('%s information security risks, %s without treatment', cia, cia_open) FROM risks WHERE cia > 0)),
		(9, 'ai_objectives', 'iso42001:2023', 'Fulfilment of the AI objectives',
		 (SELECT titles42 FROM docs WHERE topic = 'objectives')),
		(10, 'ai_system_performance', 'iso42001:2023', 'Performance of the AI systems',
		 (SELECT ai_performance || ' current monitoring or evaluation records' FROM ev WHERE ai_performance > 0)),
		(11, 'ai_risks', 'iso42001:2023', 'AI risks and their treatment',
		 (SELECT format('%s AI risks, %s without treatment', ai, ai_open) FROM risks WHERE ai > 0)),
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

CREATE VIEW @extschema@.report_findings WITH (security_invoker = true) AS
SELECT f.org_id, o.name AS organization, f.code, f.severity, f.severity_rank,
	   f.standard, f.ref, f.message, f.hint
FROM @extschema@.evaluate_findings(NULL, false) WITH ORDINALITY AS f
JOIN @extschema@.organization o ON o.org_id = f.org_id
ORDER BY f.ordinality;
COMMENT ON VIEW @extschema@.report_findings IS
'the findings of every organization the caller can see, sorted by organization, severity, code and ref (docs/findings.md)';
COMMENT ON COLUMN @extschema@.report_findings.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_findings.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_findings.code IS 'Finding code, such as SOA004 (docs/findings.md)';
COMMENT ON COLUMN @extschema@.report_findings.severity IS 'major, minor or observation';
COMMENT ON COLUMN @extschema@.report_findings.severity_rank IS '1 major, 2 minor, 3 observation: sorts by severity';
COMMENT ON COLUMN @extschema@.report_findings.standard IS 'Standard the finding concerns, when it concerns one';
COMMENT ON COLUMN @extschema@.report_findings.ref IS 'The object found wanting: a control (ISO 42001 A.5.2), an AI system, a document, a risk';
COMMENT ON COLUMN @extschema@.report_findings.message IS 'What is wrong';
COMMENT ON COLUMN @extschema@.report_findings.hint IS 'What to do about it';
GRANT SELECT ON @extschema@.report_findings TO PUBLIC;
