#!/bin/bash
# scripts/demo.sh: `make demo`.  Installs what is missing, builds, installs,
# starts a throwaway cluster, creates the extension, loads the sample
# organization (scripts/sample_organization.sql, docs/walkthrough.md) and
# prints what a compliance lead looks at first: the nonconformities an
# auditor would write, then the two catalogs, how their clauses and
# controls map onto each other, and the organization's record.
set -eu
cd "$(dirname "$0")/.."

. scripts/cluster.sh
cluster_setup

psql -q -c 'CREATE EXTENSION pg_ims'
psql -q -o /dev/null -f scripts/sample_organization.sql
psql -q -o /dev/null -f scripts/sample_ai_act.sql

# First what the compliance lead acts on: the nonconformities an auditor
# would write about the sample organization.
psql --pset=footer=off <<'SQL'
SET search_path = public, ims;
\echo
\echo '== What a certification auditor would write (ims.report_nonconformities; docs/findings.md) =='
\echo 'One row per requirement: nonconformities first, majors first, then what blocks certification, then advice.'
\pset format unaligned
\pset tuples_only on
WITH nc AS (SELECT n.*, row_number() OVER () AS i FROM report_nonconformities n)
SELECT CASE WHEN lag(category) OVER (ORDER BY i) IS DISTINCT FROM category
			THEN E'\n' || upper(replace(category, '_', ' ')) || E'\n' ELSE '' END
	   || format('  %-11s %s%s', grade, coalesce(citation, 'certification planning'),
				 coalesce(' (' || requirement_title || ')', ''))
	   || format(E'\n              %s finding%s (%s): %s', findings, CASE WHEN findings > 1 THEN 's' ELSE '' END,
				 codes, examples)
	   || CASE WHEN blocks_approval THEN E'\n              blocks the approval of the SoA' ELSE '' END
FROM nc ORDER BY i;
\pset tuples_only off
\pset format aligned
SQL

psql --pset=footer=off <<'SQL'
SET search_path = public, ims;

\echo
\echo '== Catalogs loaded =='
SELECT s.code AS standard, s.title, count(c.*) AS controls,
       (SELECT count(*) FROM clause k WHERE k.standard = s.code) AS clauses
FROM standard s LEFT JOIN control c ON c.standard = s.code
GROUP BY s.code, s.title ORDER BY s.code;

\echo '== Annex A controls per area =='
SELECT standard, area, area_title, coalesce(theme, '') AS theme, count(*) AS controls
FROM control GROUP BY 1, 2, 3, 4 ORDER BY 1, min(ordinal);

\echo '== Clause mapping ISO/IEC 27001 -> ISO/IEC 42001 (what to do per clause) =='
SELECT coalesce(m.source_clause, '-') AS "27001", m.target_clause AS "42001",
       t.title AS "42001 title", m.relation, m.action
FROM clause_mapping m
JOIN clause t ON t.standard = m.target_standard AND t.number = m.target_clause
WHERE m.target_standard = 'iso42001:2023' AND (t.parent IS NOT NULL OR m.relation = 'no_counterpart')
ORDER BY m.ordinal;

\echo '== Reviewed control pairs per ISO 42001 area, by strength (docs/mapping-review.md) =='
SELECT t.area, t.area_title, count(*) AS pairs,
       count(*) FILTER (WHERE m.strength = 'strong') AS strong,
       count(*) FILTER (WHERE m.strength = 'moderate') AS moderate,
       count(*) FILTER (WHERE m.strength = 'weak') AS weak,
       string_agg(DISTINCT m.relation, ', ') AS relations
FROM control_mapping m
JOIN control t ON t.standard = m.target_standard AND t.control_id = m.target_control
GROUP BY t.area, t.area_title ORDER BY min(t.ordinal);

\echo '== ISO 42001 controls with no ISO 27001 counterpart: new work, not an extension =='
SELECT c.control_id, c.title
FROM control c
WHERE c.standard = 'iso42001:2023'
  AND NOT EXISTS (SELECT 1 FROM control_mapping m
                  WHERE m.target_standard = c.standard AND m.target_control = c.control_id)
ORDER BY c.ordinal;
SQL

psql --pset=footer=off <<'SQL'
SET search_path = public, ims;

\echo
\echo '== Sample organization (docs/walkthrough.md) =='
SELECT name, integration_model, ims_owner, standards FROM organization;

\echo '== AI systems and their risks by domain =='
SELECT s.name AS ai_system, s.lifecycle_stage, s.in_scope,
       count(r.*) FILTER (WHERE risk_domain(r.risk_type) = 'information_security') AS cia_risks,
       count(r.*) FILTER (WHERE risk_domain(r.risk_type) = 'ai') AS ai_risks,
       coalesce(string_agg(r.risk_type::text, ', ' ORDER BY r.risk_type), '') AS risk_types,
       (SELECT max(i.assessed_on) FROM impact_assessment i
        WHERE i.org_id = s.org_id AND i.system_id = s.system_id) AS last_impact_assessment,
       s.last_significant_change
FROM ai_system s LEFT JOIN risk r ON r.org_id = s.org_id AND r.ai_system_id = s.system_id
GROUP BY s.org_id, s.system_id ORDER BY s.system_id;

\echo '== Risk treatment: residual risk against each domain''s criteria (ims.report_risk_treatment) =='
SELECT title, risk_domain AS domain, inherent_level AS inherent, residual_level AS residual,
       acceptable_level AS acceptable, acceptance_status, coalesce(plan_approved_by, '') AS plan_approved_by,
       actions_open, actions_overdue
FROM report_risk_treatment ORDER BY acceptance_status_rank DESC, risk_domain, residual_level DESC NULLS LAST, title;

\echo '== Objectives register (ims.report_objectives) =='
SELECT title, standards, target, frequency, measurements, coalesce(latest_value::text, latest_result, '') AS latest,
       measurement_overdue AS overdue
FROM report_objectives ORDER BY standards, objective_id;

\echo '== Documents by topic, and the standards each is written for =='
SELECT topic, string_agg(title || ' ' || covers::text, '; ' ORDER BY title) AS documents
FROM document GROUP BY topic ORDER BY topic;

\echo '== Clauses documents serve beyond their topic (ims.document_clause) =='
SELECT d.title, c.clause, string_agg(c.standard, ', ' ORDER BY c.standard) AS standards
FROM document_clause c JOIN document d USING (org_id, doc_id)
GROUP BY d.title, c.clause ORDER BY d.title, c.clause;

\echo '== The consolidated Statement of Applicability (one draft, both catalogs) =='
SELECT s.version, s.status, e.standard, decision(e.applicability) AS decision,
       count(*) AS controls, count(*) FILTER (WHERE e.implementation = 'implemented') AS implemented
FROM soa s JOIN soa_entry e USING (org_id, soa_id)
GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 4;

\echo '== Clause mapping report: what the integrated system still needs (ims.report_clause_mapping) =='
SELECT coalesce(source_clause, '-') AS "27001", target_clause AS "42001", target_title, status,
       coalesce(documents, '') AS documents
FROM report_clause_mapping WHERE status <> 'integrated' ORDER BY clause_rank;

\echo '== Readiness (ims.report_readiness; method in docs/views.md) =='
\echo 'The total is the critical path to readiness, not the sum of the rows; the certification audit follows it.'
SELECT CASE group_kind WHEN 'clause' THEN 'Clause ' || group_id
                       WHEN 'annex_a_area' THEN standard_label || ' ' || group_id
                       WHEN 'ai_system' THEN 'AI system'
                       WHEN 'audit_review' THEN 'Audit and review'
                       WHEN 'certification_audit' THEN 'Certification'
                       ELSE 'Total' END AS "group",
       coalesce(group_title, '') AS title, decided_pct AS "decided %", implemented_pct AS "implemented %",
       evidenced_pct AS "evidenced %", coalesce(open_findings::text, '') AS "open NCs",
       weeks_low || ' to ' || weeks_high AS "weeks left"
FROM report_readiness
ORDER BY array_position(ARRAY['clause', 'annex_a_area', 'ai_system', 'audit_review', 'total', 'certification_audit'],
                        group_kind), standard NULLS FIRST, group_rank;

\echo '== EU AI Act: the obligations of each AI system (ims.report_ai_act_gap; docs/ai-act.md) =='
\echo 'ISO 42001 supports the AI Act; it satisfies none of its obligations. The status says how far'
\echo 'the supporting ISO 42001 controls are applied, implemented and evidenced, never that an obligation is met.'
SELECT ai_system, ai_act_risk_class AS risk_class, applies, status, count(*) AS obligations,
       string_agg(obligation, ', ' ORDER BY obligation_rank) AS articles
FROM report_ai_act_gap
GROUP BY system_id, ai_system, ai_act_risk_class, applies, status
ORDER BY system_id, applies = 'to_be_determined', min(obligation_rank);
\echo 'To be determined (the record does not hold what decides them):'
SELECT ai_system, obligation, scope_basis FROM report_ai_act_gap
WHERE applies = 'to_be_determined' ORDER BY system_id, obligation_rank;
\echo 'Not covered by ISO 42001 at all:'
SELECT ai_system, obligation, obligation_title, applies FROM report_ai_act_gap
WHERE not_covered_by_iso42001 ORDER BY system_id, obligation_rank;

\echo '== Every finding, with what to do (ims.report_findings; docs/findings.md) =='
\pset format unaligned
\pset tuples_only on
WITH grouped AS (
	SELECT severity, severity_rank, code, count(*) AS n,
		   (array_agg(message ORDER BY ref))[1] AS first_message,
		   string_agg(ref, ', ' ORDER BY ref) AS refs, min(hint) AS hint
	FROM report_findings GROUP BY severity, severity_rank, code)
SELECT CASE WHEN row_number() OVER (PARTITION BY severity_rank ORDER BY code) = 1
			THEN E'\n' || upper(severity) || E'\n' ELSE '' END
	   || format('  %s  %s', code, first_message)
	   || CASE WHEN n > 1 THEN format(E'\n          (%s findings: %s)', n,
									  CASE WHEN n > 8 THEN split_part(refs, ', ', 1) || ', ' || split_part(refs, ', ', 2)
														   || format(', ... and %s more', n - 2)
										   ELSE refs END) ELSE '' END
	   || format(E'\n          what to do: %s', hint)
FROM grouped ORDER BY severity_rank, code;

SQL

# The consolidated SoA as an auditor receives it.
out="$(pwd)/build/demo"
mkdir -p "$out"
psql -At -c "SELECT ims.soa_document(org_id, 'markdown') FROM ims.organization" >"$out/soa.md"
psql -At -c "SELECT ims.soa_document(org_id, 'html') FROM ims.organization" >"$out/soa.html"
psql -At -c "SELECT jsonb_pretty(ims.export_oscal_ssp(org_id)) FROM ims.organization" >"$out/ssp.json"
echo
echo "== The consolidated Statement of Applicability (ims.soa_document) =="
echo "Markdown: $out/soa.md"
echo "HTML:     $out/soa.html"
echo "OSCAL system security plan (ims.export_oscal_ssp): $out/ssp.json"
echo "Demo cluster stopped; run 'make test' for the full test suite."
