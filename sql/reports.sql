--
-- reports: the report views and the management review agenda, pinned on
-- the sample organization of make demo (dates in its record are relative
-- to today; no date is printed here).
--
\getenv abs_srcdir PG_ABS_SRCDIR
SET search_path = public, ims;
\i :abs_srcdir/sql/include/load_sample.sql

-- the structure of every report view: columns, types, a comment on each
SELECT c.relname AS view, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type,
       col_description(c.oid, a.attnum) IS NOT NULL AS commented
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
WHERE c.relnamespace = 'ims'::regnamespace AND c.relkind = 'v' AND a.attnum > 0
ORDER BY c.relname, a.attnum;
SELECT c.relname, obj_description(c.oid, 'pg_class') IS NOT NULL AS commented, c.reloptions
FROM pg_class c WHERE c.relnamespace = 'ims'::regnamespace AND c.relkind = 'v' ORDER BY 1;

-- report_soa: one row per entry of the live SoA, both catalogs
SELECT standard_label, count(*), min(version), min(status),
       count(*) FILTER (WHERE decision = 'undecided') AS undecided,
       count(*) FILTER (WHERE implementation = 'implemented') AS implemented,
       count(*) FILTER (WHERE current_evidence > 0) AS evidenced
FROM report_soa WHERE org_id = :org GROUP BY 1 ORDER BY 1;
SELECT control_ref, title, applicability, applicability_rank, decision, reasons, implementation_rank, current_evidence
FROM report_soa WHERE org_id = :org AND control_id IN ('A.5.2', 'A.7.6', 'A.10.3', 'A.5.31')
ORDER BY standard, control_rank;

-- report_clause_mapping: every clause pair, with its status
SELECT source_clause, target_clause, relation, topic, status, status_rank, documents
FROM report_clause_mapping WHERE org_id = :org ORDER BY clause_rank;

-- report_control_mapping: the article's pairs and both decisions
SELECT source_ref, target_ref, relation, source_applicability, target_applicability, decided_alike,
       strength, strength_rank
FROM report_control_mapping
WHERE org_id = :org AND (source_ref, target_ref) IN (('ISO 27001 A.5.1', 'ISO 42001 A.2.2'), ('ISO 27001 A.5.19', 'ISO 42001 A.10.3'))
ORDER BY target_rank, source_rank;
SELECT count(*) AS pairs, count(*) FILTER (WHERE NOT decided_alike) AS decided_differently
FROM report_control_mapping WHERE org_id = :org;
-- by strength, strongest first
SELECT strength_rank, strength, count(*) AS pairs, count(*) FILTER (WHERE NOT decided_alike) AS decided_differently
FROM report_control_mapping WHERE org_id = :org GROUP BY 1, 2 ORDER BY 1;

-- report_risk_register
SELECT title, risk_type, risk_type_rank, risk_domain, ai_system, score, cvss, treatment, controls
FROM report_risk_register WHERE org_id = :org ORDER BY risk_type_rank, title;

-- report_impact_assessments
SELECT ai_system, severity, severity_rank, is_latest, before_last_change, review_overdue, missing_parts
FROM report_impact_assessments WHERE org_id = :org ORDER BY ai_system;

-- report_readiness, and its total (an AI system's group_id is its
-- system_id, which depends on the tests before this one: its rank instead)
SELECT group_kind, standard_label,
       CASE group_kind WHEN 'ai_system' THEN 'system ' || group_rank ELSE group_id END AS group_id,
       group_title, items, decided_pct, implemented_pct, evidenced_pct, weeks_low, weeks_high, open_findings
FROM report_readiness WHERE org_id = :org
ORDER BY group_kind = 'total', group_kind, standard NULLS FIRST, group_rank;

-- the integrated management review agenda, inputs with data and without
SELECT item, standard, title, regexp_replace(input, '\d{4}-\d{2}-\d{2}', 'YYYY-MM-DD', 'g') AS input
FROM management_review_agenda(:org);
SELECT management_review_agenda(NULL);
SELECT management_review_agenda(999999);

-- a role without access sees none of it
CREATE ROLE regress_pg_ims_analyst;
SET SESSION AUTHORIZATION regress_pg_ims_analyst;
SELECT (SELECT count(*) FROM report_soa) AS soa, (SELECT count(*) FROM report_clause_mapping) AS clauses,
       (SELECT count(*) FROM report_readiness) AS readiness, (SELECT count(*) FROM report_risk_register) AS risks;
SELECT * FROM management_review_agenda(:org);
RESET SESSION AUTHORIZATION;
-- with read access, exactly its organization
SELECT grant_access(:org, 'regress_pg_ims_analyst', 'read');
SET SESSION AUTHORIZATION regress_pg_ims_analyst;
SELECT (SELECT count(DISTINCT org_id) FROM report_soa) AS soa_orgs, (SELECT count(*) FROM report_soa) AS entries,
       (SELECT count(DISTINCT org_id) FROM report_readiness) AS readiness_orgs;
RESET SESSION AUTHORIZATION;
SELECT revoke_access(:org, 'regress_pg_ims_analyst');
DROP ROLE regress_pg_ims_analyst;

-- an organization that has not started: the whole effort is ahead of it,
-- with or without a draft SoA; before there is one, no control pair is
-- "decided alike"; in the draft, both sides are undecided alike
SELECT create_organization('Not Started Ltd') AS empty \gset
SELECT weeks_low, weeks_high FROM report_readiness WHERE org_id = :empty AND group_kind = 'total';
SELECT count(*) FILTER (WHERE decided_alike) AS alike, count(*) FILTER (WHERE decided_alike IS NULL) AS unknown
FROM report_control_mapping WHERE org_id = :empty;
SELECT init_soa(:empty) IS NOT NULL AS started;
SELECT weeks_low, weeks_high FROM report_readiness WHERE org_id = :empty AND group_kind = 'total';
SELECT count(*) FILTER (WHERE decided_alike) AS alike, count(*) FILTER (WHERE decided_alike IS NULL) AS unknown
FROM report_control_mapping WHERE org_id = :empty;
