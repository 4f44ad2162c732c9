--
-- oscal_assessment: ims.export_oscal_assessment_results(), the validator's
-- findings and the nonconformity register as OSCAL 1.2.1 assessment
-- results; ims.export_oscal_poam(), what is open of them as a plan of
-- action and milestones; ims.export_oscal_mapping(), the control and
-- clause mapping as a mapping collection.  Pinned on the sample
-- organization and on the organization that does it right (dates and
-- UUIDs, which depend on today and on when the organization was created,
-- are masked).  scripts/check-oscal-assessment.sh validates the same
-- documents against NIST's schemas.
--
\getenv abs_srcdir PG_ABS_SRCDIR
SET search_path = public, ims;
\i :abs_srcdir/sql/include/load_sample.sql
\i :abs_srcdir/sql/include/fixture_org.sql
-- one finding of the sample waived, so that the documents show a waiver
INSERT INTO finding_waiver (org_id, code, ref, justification, owner, accepted_by, expires_on)
VALUES (:org, 'SUP001', 'PayGuard Data BV', 'Accepted until the contract renewal.', 'Head of AI', 'Board', current_date + 90);
-- dates, and the ids of rows that earlier tests' rows push up, masked
CREATE FUNCTION masked(t text) RETURNS text LANGUAGE sql AS
$$ SELECT regexp_replace(regexp_replace(regexp_replace(t, '\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z', 'TIME', 'g'),
                                        '\d{4}-\d{2}-\d{2}', 'YYYY-MM-DD', 'g'),
                         '(Nonconformity |nonconformity=|Corrective action |corrective-action=|evidence |evidence-id=|raised-as-nonconformity=)\d+',
                         '\1N', 'g') $$;
-- a prop list as name=value; a prop outside pg_ims's namespace is marked
CREATE FUNCTION props(p jsonb) RETURNS text LANGUAGE sql AS
$$ SELECT string_agg(masked(x ->> 'name' || '=' || (x ->> 'value'))
                     || CASE WHEN x ->> 'ns' = 'urn:pg-ims:oscal' THEN '' ELSE ' (no ns)' END, '; ' ORDER BY n)
   FROM jsonb_array_elements(p) WITH ORDINALITY AS q(x, n) $$;
SELECT export_oscal_assessment_results(:org) -> 'assessment-results' AS ar \gset
CREATE TEMP TABLE ar AS SELECT :'ar'::jsonb AS a;
SELECT export_oscal_poam(:org) -> 'plan-of-action-and-milestones' AS poam \gset
CREATE TEMP TABLE poam AS SELECT :'poam'::jsonb AS p;

----------------------------------------------------------------------------
-- Assessment results
----------------------------------------------------------------------------

-- the parts OSCAL requires, and the back-matter that import-ap names
SELECT k FROM ar, jsonb_object_keys(a) AS k ORDER BY k;
SELECT masked(a #>> '{metadata,title}') AS title, masked(a #>> '{metadata,version}') AS version,
       a #>> '{metadata,oscal-version}' AS oscal_version,
       a #>> '{metadata,last-modified}' ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$' AS last_modified_utc,
       a #>> '{metadata,parties,0,name}' AS party
FROM ar;
SELECT x ->> 'name' AS name, x ->> 'ns' AS ns,
       CASE WHEN x ->> 'name' = 'history-head' AND x ->> 'value' = history_head(:org) THEN 'ims.history_head(org)'
            ELSE x ->> 'value' END AS value
FROM ar, jsonb_array_elements(a #> '{metadata,props}') AS x;
SELECT a #>> '{import-ap,href}' = '#' || (a #>> '{back-matter,resources,0,uuid}') AS import_ap_is_the_resource,
       a #>> '{back-matter,resources,0,title}' AS plan
FROM ar;
-- one result: every control reviewed, one finding and one observation per
-- finding of the validator and per nonconformity of the register
SELECT k FROM ar, jsonb_object_keys(a #> '{results,0}') AS k ORDER BY k;
SELECT masked(a #>> '{results,0,title}') AS title, a #> '{results,0,reviewed-controls,control-selections}' AS selections,
       jsonb_array_length(a #> '{results,0,findings}') AS findings,
       jsonb_array_length(a #> '{results,0,observations}') AS observations,
       (SELECT count(*) FROM evaluate_findings(ARRAY[:org]::bigint[])) AS validator_findings,
       (SELECT count(*) FROM nonconformity_record WHERE org_id = :org) AS register
FROM ar;
-- findings: the target is the requirement (the plan's control-id for a
-- control, clause-NUMBER for a clause, qualified by the standard it is
-- numbered in), not satisfied; grade, category and waiver are props
SELECT masked(f ->> 'title') AS title, f #>> '{target,target-id}' AS target_id, f #>> '{target,title}' AS target_title,
       f #>> '{target,status,state}' || '/' || (f #>> '{target,status,reason}') AS status, props(f -> 'props') AS props
FROM ar, jsonb_array_elements(a #> '{results,0,findings}') WITH ORDINALITY AS q(f, n)
WHERE n <= 3 OR f ->> 'title' ~ '^(SOA008|SOA010|CRT002|DAT001|SUP001|Nonconformity)' ORDER BY n;
-- a waived finding says until when and why, in its status
SELECT masked(f #>> '{target,status,remarks}') AS waived
FROM ar, jsonb_array_elements(a #> '{results,0,findings}') AS f
WHERE f -> 'props' @> '[{"name": "waived", "value": "true"}]';
-- the closed nonconformity says when it was closed; the open one its cause is not known
SELECT masked(f ->> 'title') AS title, masked(f #>> '{target,status,remarks}') AS status_remarks, masked(f ->> 'remarks') AS remarks
FROM ar, jsonb_array_elements(a #> '{results,0,findings}') AS f WHERE f ->> 'title' LIKE 'Nonconformity%';
-- each finding relates to its observation; each observation carries the
-- evidence recorded for the control it concerns
SELECT bool_and(f #>> '{related-observations,0,observation-uuid}' = o ->> 'uuid') AS related, count(*) AS pairs
FROM ar, jsonb_array_elements(a #> '{results,0,findings}') WITH ORDINALITY AS x(f, n)
JOIN LATERAL jsonb_array_elements(a #> '{results,0,observations}') WITH ORDINALITY AS y(o, m) ON m = n;
SELECT count(*) FILTER (WHERE o ? 'relevant-evidence') AS with_evidence,
       string_agg(DISTINCT o #>> '{methods,0}', ', ') AS methods, string_agg(DISTINCT o #>> '{types,0}', ', ') AS types
FROM ar, jsonb_array_elements(a #> '{results,0,observations}') AS o;
SELECT masked(o ->> 'title') AS title, e ->> 'href' AS href, masked(e ->> 'description') AS description, props(e -> 'props') AS props
FROM ar, jsonb_array_elements(a #> '{results,0,observations}') AS o, jsonb_array_elements(o -> 'relevant-evidence') AS e
WHERE masked(o ->> 'title') IN ('SOA008: ISO 42001 A.6.2.4', 'Nonconformity N (internal audit 2026)');

----------------------------------------------------------------------------
-- Plan of action and milestones
----------------------------------------------------------------------------

SELECT k FROM poam, jsonb_object_keys(p) AS k ORDER BY k;
SELECT masked(p #>> '{metadata,title}') AS title, props(p #> '{metadata,props}') LIKE '%history-head=' || history_head(:org) AS history_head,
       p #> '{metadata,roles}' AS roles,
       (SELECT string_agg(x ->> 'type' || ' ' || (x ->> 'name'), ', ') FROM jsonb_array_elements(p #> '{metadata,parties}') x) AS parties,
       p #> '{system-id,id}' = export_oscal_ssp(:org) #> '{system-security-plan,system-characteristics,system-ids,0,id}' AS the_plans_system
FROM poam;
-- the open nonconformity and every major or minor finding no waiver accepts
SELECT jsonb_array_length(p -> 'poam-items') AS items, jsonb_array_length(p -> 'findings') AS findings,
       jsonb_array_length(p -> 'risks') AS risks,
       (SELECT count(*) FROM evaluate_findings(ARRAY[:org]::bigint[]) WHERE grade <> 'observation' AND waived_until IS NULL) AS to_act_on
FROM poam;
SELECT masked(i ->> 'title') AS title, props(i -> 'props') AS props,
       jsonb_array_length(i -> 'related-findings') AS findings, jsonb_array_length(i -> 'related-risks') AS risks,
       i ->> 'remarks' AS remarks
FROM poam, jsonb_array_elements(p -> 'poam-items') WITH ORDINALITY AS q(i, n)
WHERE n <= 2 OR i ? 'related-risks' ORDER BY n;
-- the nonconformity raised from finding AIA001 relates to that finding too
SELECT (SELECT masked(f ->> 'title') FROM jsonb_array_elements(p -> 'findings') f WHERE f ->> 'uuid' = r ->> 'finding-uuid') AS related
FROM poam, jsonb_array_elements(p -> 'poam-items') AS i, jsonb_array_elements(i -> 'related-findings') AS r
WHERE i ? 'related-risks';
-- its risk: the cause is the statement, the corrective actions the
-- remediations, each with its due date, owner and status
SELECT masked(r ->> 'title') AS title, r ->> 'statement' AS statement, r ->> 'status' AS status,
       masked(r ->> 'deadline') AS deadline, props(r -> 'props') AS props
FROM poam, jsonb_array_elements(p -> 'risks') AS r;
SELECT masked(x ->> 'title') AS title, x ->> 'lifecycle' AS lifecycle, x ->> 'description' AS description,
       props(x -> 'props') AS props, t ->> 'type' AS task, masked(t #>> '{timing,on-date,date}') AS due,
       t #>> '{responsible-roles,0,role-id}' AS role,
       (SELECT y ->> 'name' FROM jsonb_array_elements(p #> '{metadata,parties}') y
        WHERE y ->> 'uuid' = t #>> '{responsible-roles,0,party-uuids,0}') AS owner
FROM poam, jsonb_array_elements(p -> 'risks') AS r, jsonb_array_elements(r -> 'remediations') AS x,
     jsonb_array_elements(x -> 'tasks') AS t;
-- a finding has the same UUID in both documents, and in every export
SELECT bool_and(EXISTS (SELECT FROM ar, jsonb_array_elements(a #> '{results,0,findings}') y
                        WHERE y ->> 'uuid' = f ->> 'uuid' AND y ->> 'title' = f ->> 'title')) AS same_uuids
FROM poam, jsonb_array_elements(p -> 'findings') AS f;
SELECT jsonb_path_query_array(export_oscal_assessment_results(:org), 'lax $.**.uuid')
       = jsonb_path_query_array(:'ar'::jsonb, 'lax $.**.uuid') AS ar_stable,
       jsonb_path_query_array(export_oscal_poam(:org), 'lax $.**.uuid')
       = jsonb_path_query_array(:'poam'::jsonb, 'lax $.**.uuid') AS poam_stable;
WITH u AS (SELECT m[1] AS uuid FROM ar, regexp_matches(a::text, '"uuid": "([0-9a-f-]{36})"', 'g') AS m)
SELECT count(*) AS uuids, count(DISTINCT uuid) AS distinct_uuids,
       bool_and(uuid ~ '^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$') AS version_5
FROM u;

----------------------------------------------------------------------------
-- The organization that does it right: no finding, nothing to plan
----------------------------------------------------------------------------

SELECT fixture_org('Right GmbH') AS right_org \gset
SELECT export_oscal_assessment_results(:right_org) #> '{assessment-results,results,0}' ? 'findings' AS has_findings,
       export_oscal_assessment_results(:right_org) #>> '{assessment-results,results,0,description}' AS description;
SELECT export_oscal_poam(:right_org);

----------------------------------------------------------------------------
-- Errors: null, an unknown organization, no access
----------------------------------------------------------------------------

SELECT export_oscal_assessment_results(NULL) IS NULL AS ar_null, export_oscal_poam(NULL) IS NULL AS poam_null;
SELECT export_oscal_assessment_results(999999);
SELECT export_oscal_poam(999999);
CREATE ROLE regress_pg_ims_assessment_reader;
SET SESSION AUTHORIZATION regress_pg_ims_assessment_reader;
\set VERBOSITY sqlstate
SELECT export_oscal_assessment_results(:org);
SELECT export_oscal_poam(:org);
\set VERBOSITY default
RESET SESSION AUTHORIZATION;
-- a reader of the organization gets the same documents as its owner
SELECT grant_access(:org, 'regress_pg_ims_assessment_reader', 'read');
SET SESSION AUTHORIZATION regress_pg_ims_assessment_reader;
SELECT jsonb_path_query_array(export_oscal_assessment_results(:org), 'lax $.**.uuid')
       = jsonb_path_query_array(:'ar'::jsonb, 'lax $.**.uuid') AS same_results,
       jsonb_path_query_array(export_oscal_poam(:org), 'lax $.**.uuid')
       = jsonb_path_query_array(:'poam'::jsonb, 'lax $.**.uuid') AS same_plan;
RESET SESSION AUTHORIZATION;
SELECT revoke_access(:org, 'regress_pg_ims_assessment_reader', 'read');
DROP ROLE regress_pg_ims_assessment_reader;

----------------------------------------------------------------------------
-- The mapping collection: one mapping per pair of standards and kind
----------------------------------------------------------------------------

SELECT export_oscal_mapping() -> 'mapping-collection' AS mapping \gset
CREATE TEMP TABLE mapping AS SELECT :'mapping'::jsonb AS m;
SELECT k FROM mapping, jsonb_object_keys(m) AS k ORDER BY k;
SELECT m #>> '{metadata,title}' AS title, m #>> '{metadata,version}' AS version,
       m #>> '{metadata,oscal-version}' AS oscal_version, (m -> 'provenance') - 'mapping-description' AS provenance
FROM mapping;
SELECT props(x -> 'props') AS kind,
       (SELECT r ->> 'title' FROM jsonb_array_elements(m #> '{back-matter,resources}') r
        WHERE '#' || (r ->> 'uuid') = x #>> '{source-resource,href}') AS source,
       (SELECT r ->> 'title' FROM jsonb_array_elements(m #> '{back-matter,resources}') r
        WHERE '#' || (r ->> 'uuid') = x #>> '{target-resource,href}') AS target,
       jsonb_array_length(x -> 'maps') AS maps, x ->> 'remarks' AS remarks
FROM mapping, jsonb_array_elements(m -> 'mappings') AS x;
SELECT (SELECT count(*) FROM control_mapping) AS control_pairs,
       (SELECT count(*) FROM clause_mapping WHERE source_clause IS NOT NULL) AS clause_pairs;
SELECT props(x -> 'props') AS kind, y ->> 'relationship' AS relationship,
       (SELECT v ->> 'value' FROM jsonb_array_elements(y -> 'props') v WHERE v ->> 'name' = 'relation') AS pg_ims_relation, count(*)
FROM mapping, jsonb_array_elements(m -> 'mappings') AS x, jsonb_array_elements(x -> 'maps') AS y
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
SELECT y ->> 'relationship' AS relationship, (y #> '{sources,0}') - 'props' AS source, (y #> '{targets,0}') - 'props' AS target,
       props(y -> 'props') AS props, y ->> 'remarks' AS remarks
FROM mapping, jsonb_array_elements(m -> 'mappings') AS x, jsonb_array_elements(x -> 'maps') WITH ORDINALITY AS q(y, n)
WHERE n = 1;

-- with no mapping in the database there is nothing to export (55000)
BEGIN;
DELETE FROM control_mapping;
DELETE FROM clause_mapping;
SELECT export_oscal_mapping();
ROLLBACK;
SELECT jsonb_array_length(export_oscal_mapping() #> '{mapping-collection,mappings}') > 0 AS mappings_back;

DROP FUNCTION props(jsonb);
DROP FUNCTION masked(text);
DROP FUNCTION fixture_org(text, boolean, text);
