-- Under Citus, a planner hook inlines pg_ims's SQL functions before Citus
-- plans a query (src/inline_sql.c).  It acts where the GUC citus.version
-- exists; on this server, without Citus, a placeholder of that name stands
-- in for it.  The planner would inline the same functions itself: the rows
-- must be the same, and a kept plan must see a function's new body.
LOAD 'pg_ims';
CREATE TEMP TABLE without_hook AS
SELECT 'report_clause_mapping' AS view, md5(string_agg(x::text, '|' ORDER BY x::text)) AS rows FROM ims.report_clause_mapping x
UNION ALL SELECT 'report_risk_treatment', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM ims.report_risk_treatment x
UNION ALL SELECT 'report_objectives', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM ims.report_objectives x
UNION ALL SELECT 'report_competence', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM ims.report_competence x
UNION ALL SELECT 'report_ai_systems', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM ims.report_ai_systems x;
SELECT view, rows IS NOT NULL AS has_rows FROM without_hook ORDER BY view;
SET citus.version = 'placeholder';
-- the same rows through the hook
SELECT w.view, w.rows = x.rows AS same_rows
FROM without_hook w
JOIN (SELECT 'report_clause_mapping' AS view, md5(string_agg(x::text, '|' ORDER BY x::text)) AS rows FROM ims.report_clause_mapping x
	  UNION ALL SELECT 'report_risk_treatment', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM ims.report_risk_treatment x
	  UNION ALL SELECT 'report_objectives', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM ims.report_objectives x
	  UNION ALL SELECT 'report_competence', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM ims.report_competence x
	  UNION ALL SELECT 'report_ai_systems', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM ims.report_ai_systems x) AS x
  USING (view)
ORDER BY w.view;
-- A kept plan that inlined a function sees its new body once it is
-- replaced, also of a function called by another, which the query does not
-- name: the hook adds what it inlined to the plan's dependencies.  Not in
-- one transaction: there the plan is made again anyway.  Two functions of
-- the extension, dropped after.
CREATE FUNCTION ims.inliner_inner() RETURNS TABLE (n integer) LANGUAGE sql STABLE
BEGIN ATOMIC SELECT 1; END;
CREATE FUNCTION ims.inliner_outer() RETURNS TABLE (n integer) LANGUAGE sql STABLE
BEGIN ATOMIC SELECT i.n FROM ims.inliner_inner() i; END;
ALTER EXTENSION pg_ims ADD FUNCTION ims.inliner_inner();
ALTER EXTENSION pg_ims ADD FUNCTION ims.inliner_outer();
SET plan_cache_mode = force_generic_plan;
PREPARE inlined AS SELECT n FROM ims.inliner_outer();
EXECUTE inlined;
CREATE OR REPLACE FUNCTION ims.inliner_inner() RETURNS TABLE (n integer) LANGUAGE sql STABLE
BEGIN ATOMIC SELECT 2; END;
EXECUTE inlined;
DEALLOCATE inlined;
RESET plan_cache_mode;
ALTER EXTENSION pg_ims DROP FUNCTION ims.inliner_outer();
ALTER EXTENSION pg_ims DROP FUNCTION ims.inliner_inner();
DROP FUNCTION ims.inliner_outer();
DROP FUNCTION ims.inliner_inner();
RESET citus.version;
DROP TABLE without_hook;
