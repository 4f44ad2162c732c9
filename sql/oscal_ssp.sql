--
-- oscal_ssp: ims.export_oscal_ssp(), the consolidated SoA as an OSCAL 1.2.1
-- system security plan, pinned on the sample organization (times and UUIDs
-- that depend on when the organization was created are masked).
-- scripts/check-oscal-ssp.sh validates the same plan against NIST's schema.
--
\getenv abs_srcdir PG_ABS_SRCDIR
SET search_path = public, ims;
\i :abs_srcdir/sql/include/load_sample.sql
SELECT export_oscal_ssp(:org) -> 'system-security-plan' AS ssp \gset
CREATE TEMP TABLE plan AS SELECT :'ssp'::jsonb AS p;

-- the six parts OSCAL requires, in the order of its model
SELECT k FROM plan, jsonb_object_keys(p) AS k ORDER BY k;

-- metadata: title, version of the SoA, OSCAL version, SoA status as props
SELECT p #>> '{metadata,title}' AS title, p #>> '{metadata,version}' AS version,
       p #>> '{metadata,oscal-version}' AS oscal_version,
       p #>> '{metadata,last-modified}' ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$' AS last_modified_utc
FROM plan;
-- (the history head is shown as whether it is the organization's: its
-- hash covers times)
SELECT x ->> 'name' AS name, x ->> 'ns' AS ns,
       CASE WHEN x ->> 'name' = 'history-head'
            THEN CASE WHEN x ->> 'value' = history_head(:org) THEN 'ims.history_head(org)' ELSE x ->> 'value' END
            ELSE x ->> 'value' END AS value
FROM plan, jsonb_array_elements(p #> '{metadata,props}') AS x;
SELECT x ->> 'id' AS role, x ->> 'title' AS title FROM plan, jsonb_array_elements(p #> '{metadata,roles}') AS x;
SELECT p #>> '{import-profile,href}' ~ '^#[0-9a-f-]{36}$' AS href_names_a_uuid,
       p #>> '{import-profile,href}' = '#' || (p #>> '{back-matter,resources,0,uuid}') AS href_is_the_resource,
       p #>> '{import-profile,remarks}' AS remarks
FROM plan;

-- system characteristics: the scope is the boundary; impact levels come
-- from the risk register (the highest impact of its risks of each CIA type)
SELECT p #>> '{system-characteristics,system-name}' AS system_name,
       p #>> '{system-characteristics,security-sensitivity-level}' AS sensitivity,
       p #> '{system-characteristics,security-impact-level}' AS impact_levels,
       p #>> '{system-characteristics,status,state}' AS state,
       p #>> '{system-characteristics,authorization-boundary,description}' =
           (SELECT scope_statement FROM organization WHERE org_id = :org) AS boundary_is_scope
FROM plan;
SELECT r.risk_type::text, max(r.impact) FROM risk r WHERE r.org_id = :org
  AND r.risk_type::text IN ('confidentiality', 'integrity', 'availability') GROUP BY 1 ORDER BY 1;

-- users are the owners; components are the system and its in-scope AI systems
SELECT x ->> 'title' AS user_title, x -> 'role-ids' AS roles
FROM plan, jsonb_array_elements(p #> '{system-implementation,users}') AS x ORDER BY 1;
SELECT x ->> 'type' AS type, x ->> 'title' AS title, x #>> '{status,state}' AS state,
       (SELECT jsonb_object_agg(pr ->> 'name', pr ->> 'value') FROM jsonb_array_elements(x -> 'props') AS pr) AS props
FROM plan, jsonb_array_elements(p #> '{system-implementation,components}') AS x;

-- one implemented requirement per decided control, standard-qualified
SELECT (SELECT count(*) FROM plan, jsonb_array_elements(p #> '{control-implementation,implemented-requirements}')) AS requirements,
       (SELECT count(*) FROM report_soa WHERE org_id = :org AND decision = 'applicable') AS applicable_entries,
       (SELECT count(*) FROM report_soa WHERE org_id = :org AND decision = 'not_applicable') AS excluded_entries;
SELECT regexp_replace(p #>> '{control-implementation,description}', 'version \d+', 'version N') AS description FROM plan;
SELECT x ->> 'control-id' AS control_id,
       (SELECT string_agg(pr ->> 'name' || '=' || (pr ->> 'value') || CASE WHEN pr ? 'ns' THEN '' ELSE ' (oscal)' END,
                          '; ' ORDER BY ord) FROM jsonb_array_elements(x -> 'props') WITH ORDINALITY AS q(pr, ord)) AS props,
       replace(x ->> 'remarks', E'\n\n', ' | ') AS remarks
FROM plan, jsonb_array_elements(p #> '{control-implementation,implemented-requirements}') AS x
WHERE x ->> 'control-id' IN ('iso27001-2022_A.5.1', 'iso27001-2022_A.8.16', 'iso42001-2023_A.5.2', 'iso42001-2023_A.6.2.4');
-- the status sits in by-components: the management system's, and those of
-- the AI systems whose risks the control treats; each names a component
SELECT x ->> 'control-id' AS control_id, c.title AS component, b #>> '{implementation-status,state}' AS state,
       b ->> 'description' AS description
FROM plan, jsonb_array_elements(p #> '{control-implementation,implemented-requirements}') AS x,
     jsonb_array_elements(x -> 'by-components') AS b
LEFT JOIN LATERAL (SELECT y ->> 'title' AS title FROM jsonb_array_elements(p #> '{system-implementation,components}') AS y
                   WHERE y ->> 'uuid' = b ->> 'component-uuid') AS c ON true
WHERE x ->> 'control-id' IN ('iso27001-2022_A.5.1', 'iso42001-2023_A.6.2.4')
   OR jsonb_array_length(x -> 'by-components') > 1
ORDER BY 1, 2;
SELECT count(*) AS by_components_without_component
FROM plan, jsonb_array_elements(p #> '{control-implementation,implemented-requirements}') AS x,
     jsonb_array_elements(x -> 'by-components') AS b
WHERE b ->> 'component-uuid' NOT IN (SELECT y ->> 'uuid' FROM jsonb_array_elements(p #> '{system-implementation,components}') AS y);
-- an excluded control is listed, not-applicable with its justification; an
-- undecided one is not a requirement
SELECT s.decision, x ->> 'control-id' AS control_id, b #>> '{implementation-status,state}' AS state,
       b #>> '{implementation-status,remarks}' AS status_remarks
FROM plan, jsonb_array_elements(p #> '{control-implementation,implemented-requirements}') AS x
CROSS JOIN LATERAL jsonb_array_elements(x -> 'by-components') AS b
JOIN report_soa s ON s.org_id = :org AND x ->> 'control-id' = translate(s.standard, ':', '-') || '_' || s.control_id
WHERE s.decision <> 'applicable'
ORDER BY 2;
-- the baseline: the back-matter catalog import-profile names, one group per
-- standard, every control of the standards, with the plan's ids
WITH r AS (SELECT x FROM plan, jsonb_array_elements(p #> '{back-matter,resources}') AS x
           WHERE '#' || (x ->> 'uuid') = p #>> '{import-profile,href}'),
c AS (SELECT convert_from(decode(x #>> '{base64,value}', 'base64'), 'UTF8')::jsonb AS c, x #>> '{base64,media-type}' AS media FROM r)
SELECT media, c #>> '{catalog,metadata,oscal-version}' AS oscal_version, g ->> 'id' AS group_id, g ->> 'title' AS title,
       jsonb_array_length(g -> 'controls') AS controls,
       g #>> '{controls,0,id}' AS first_id, g #>> '{controls,0,props,0,value}' AS first_label
FROM c, jsonb_array_elements(c #> '{catalog,groups}') AS g;

-- UUIDs: version 5 form, all distinct, the same from one export to the next
WITH u AS (SELECT m[1] AS uuid FROM plan, regexp_matches(p::text, '"(?:uuid|id)": "([0-9a-f-]{36})"', 'g') AS m)
SELECT count(*) AS uuids, count(DISTINCT uuid) AS distinct_uuids,
       bool_and(uuid ~ '^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$') AS version_5
FROM u;
SELECT export_oscal_ssp(:org) #- '{system-security-plan,metadata,last-modified}'
     = export_oscal_ssp(:org) #- '{system-security-plan,metadata,last-modified}' AS stable;

-- errors
SELECT export_oscal_ssp(NULL) IS NULL AS null_org;
SELECT create_organization('No SoA Yet') AS nosoa \gset
SELECT export_oscal_ssp(:nosoa);
SELECT init_soa(:nosoa) IS NOT NULL AS draft;
SELECT export_oscal_ssp(:nosoa);
SELECT export_oscal_ssp(999999);
CREATE ROLE regress_pg_ims_ssp_reader;
SET SESSION AUTHORIZATION regress_pg_ims_ssp_reader;
SELECT export_oscal_ssp(:org);
RESET SESSION AUTHORIZATION;
-- a reader of the organization gets the same plan as its owner
SELECT grant_access(:org, 'regress_pg_ims_ssp_reader', 'read');
SET SESSION AUTHORIZATION regress_pg_ims_ssp_reader;
SELECT export_oscal_ssp(:org) -> 'system-security-plan' #- '{metadata,last-modified}'
     = :'ssp'::jsonb #- '{metadata,last-modified}' AS same_plan;
RESET SESSION AUTHORIZATION;
SELECT revoke_access(:org, 'regress_pg_ims_ssp_reader', 'read');
DROP ROLE regress_pg_ims_ssp_reader;
DELETE FROM soa_entry WHERE org_id = :nosoa;
DELETE FROM soa WHERE org_id = :nosoa;
DELETE FROM organization WHERE org_id = :nosoa;
