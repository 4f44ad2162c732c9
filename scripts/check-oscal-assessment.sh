#!/bin/bash
# scripts/check-oscal-assessment.sh: ims.export_oscal_assessment_results(),
# ims.export_oscal_poam() and ims.export_oscal_mapping() validate against
# NIST's OSCAL 1.2.1 schemas of the assessment results, the plan of action
# and milestones and the mapping collection (data/oscal/schema-1.2.1),
# checked by ajv-cli as scripts/check-oscal-ssp.sh checks the plan, for the
# sample organization and for the sample with a waiver and every
# nonconformity closed; the constraints the schemas cannot express are
# checked in SQL (every finding's target names a control or clause that
# exists, with the control-id the system security plan gives it; every
# related uuid and "#uuid" href resolves within the document; UUIDs are
# unique and stable; every poam-item has a related finding or risk; every
# open nonconformity and every major or minor finding not waived is
# planned; pg_ims's props have its namespace); and broken documents are
# shown to be refused by both, so a pass means something.
# Run by scripts/test.sh against its cluster (PGHOST is set).
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
. scripts/cluster.sh			# PGBIN, psql
db=regress_pg_ims_oscal_assessment
work=$(mktemp -d /tmp/pg_ims_assessment.XXXXXX)
trap 'rm -rf "$work"; "$PGBIN/dropdb" --if-exists $db 2>/dev/null' EXIT
schemas=data/oscal/schema-1.2.1
. scripts/oscal_validator.sh		# install_validator, ajv, validate
[ -x "$ajv" ] || install_validator build/npm
chmod a+rx "$work"

"$PGBIN/dropdb" --if-exists $db 2>/dev/null
"$PGBIN/createdb" $db
psql -d $db -c "CREATE EXTENSION pg_ims"
psql -d $db -f scripts/sample_organization.sql >/dev/null
psql -d $db -f scripts/sample_ai_act.sql >/dev/null
org=$(psql -d $db -At -c "SELECT min(org_id) FROM ims.organization")

status=0
export_all()	# NAME: the three documents of the organization as NAME-ar, NAME-poam, NAME-mapping
{
	psql -d $db -At -c "SELECT ims.export_oscal_assessment_results($org)" >"$work/$1-ar.json"
	psql -d $db -At -c "SELECT ims.export_oscal_poam($org)" >"$work/$1-poam.json"
	psql -d $db -At -c "SELECT ims.export_oscal_mapping()" >"$work/$1-mapping.json"
	chmod a+r "$work/$1"-*.json
}

# The constraints the schemas cannot express, on a document file (its path
# readable by the server) with its root key: each line "name true|false".
constraints()
{
	psql -d $db -At <<SQL
WITH RECURSIVE doc AS (SELECT pg_read_file('$1')::jsonb -> '$2' AS d),
findings AS (SELECT f FROM doc, jsonb_path_query(d, 'lax \$.findings[*]') f
             UNION ALL SELECT f FROM doc, jsonb_path_query(d, 'lax \$.results[*].findings[*]') f),
targets AS (SELECT f, f -> 'target' AS t,
                   (SELECT jsonb_object_agg(p ->> 'name', p ->> 'value') FROM jsonb_array_elements(f #> '{target,props}') p) AS tp
            FROM findings),
-- every value of the document with the key it is under (an array's
-- elements under the array's key): jsonpath's lax .** visits some twice
walk(k, v) AS (SELECT NULL::text, d FROM doc
               UNION ALL
               SELECT x.k, x.v FROM walk, LATERAL (
                   SELECT e.key, e.value FROM jsonb_each(CASE jsonb_typeof(walk.v) WHEN 'object' THEN walk.v END) e
                   UNION ALL
                   SELECT walk.k, a FROM jsonb_array_elements(CASE jsonb_typeof(walk.v) WHEN 'array' THEN walk.v END) a) AS x(k, v)),
uuids AS (SELECT v #>> '{}' AS u FROM walk WHERE k = 'uuid'),
refs AS (SELECT v #>> '{}' AS r FROM walk
         WHERE k IN ('observation-uuid', 'finding-uuid', 'risk-uuid', 'party-uuids') AND jsonb_typeof(v) = 'string'
         UNION ALL
         SELECT substr(v #>> '{}', 2) FROM walk WHERE k = 'href' AND v #>> '{}' LIKE '#%'),
roles AS (SELECT r ->> 'id' AS id FROM doc, jsonb_array_elements(d #> '{metadata,roles}') r),
items AS (SELECT i FROM doc, jsonb_path_query(d, 'lax \$."poam-items"[*]') i)
SELECT 'every finding''s target names a control or clause that exists, as the plan names it ' ||
       NOT EXISTS (SELECT FROM targets WHERE NOT CASE
           WHEN tp ? 'control' THEN EXISTS (SELECT FROM ims.control c WHERE c.standard = tp ->> 'standard'
                                                AND c.control_id = tp ->> 'control')
                AND t ->> 'target-id' = CASE WHEN EXISTS (SELECT FROM ims.oscal_catalog g WHERE g.standard = tp ->> 'standard')
                                             THEN tp ->> 'control'
                                             ELSE regexp_replace(tp ->> 'standard' || '_' || (tp ->> 'control'), '[^A-Za-z0-9._-]', '-', 'g') END
           WHEN tp ? 'clause' THEN EXISTS (SELECT FROM ims.clause k WHERE k.number = substring(tp ->> 'clause' FROM '^[0-9]+(?:\.[0-9]+)*')
                                               AND (NOT tp ? 'standard' OR k.standard = tp ->> 'standard'))
                AND t ->> 'target-id' = regexp_replace(coalesce(tp ->> 'standard' || '_', '') || 'clause-' || (tp ->> 'clause'),
                                                       '[^A-Za-z0-9._-]', '-', 'g')
           ELSE t ->> 'target-id' = 'management-system' AND NOT coalesce(tp ? 'requirement', false) END)
UNION ALL
SELECT 'every finding''s target is not satisfied, with a reason ' ||
       NOT EXISTS (SELECT FROM targets WHERE t #>> '{status,state}' <> 'not-satisfied' OR NOT t -> 'status' ? 'reason')
UNION ALL
SELECT 'every finding has a grade ' ||
       NOT EXISTS (SELECT FROM findings WHERE NOT f -> 'props' @> '[{"name": "grade", "ns": "urn:pg-ims:oscal"}]')
UNION ALL
SELECT 'uuids are unique ' || ((SELECT count(*) FROM uuids) = (SELECT count(DISTINCT u) FROM uuids))
UNION ALL
SELECT 'every related uuid and "#" href resolves within the document ' ||
       NOT EXISTS (SELECT FROM refs WHERE r NOT IN (SELECT u FROM uuids))
UNION ALL
SELECT 'every responsible role is a role of the metadata ' ||
       NOT EXISTS (SELECT FROM walk WHERE k = 'role-id' AND v #>> '{}' NOT IN (SELECT id FROM roles))
UNION ALL
SELECT 'every prop has pg_ims''s namespace ' ||
       NOT EXISTS (SELECT FROM walk WHERE k = 'props' AND jsonb_typeof(v) = 'object' AND v ->> 'ns' IS DISTINCT FROM 'urn:pg-ims:oscal')
UNION ALL
SELECT 'every poam-item has a related finding or risk ' ||
       NOT EXISTS (SELECT FROM items WHERE NOT (i ? 'related-findings' OR i ? 'related-risks'))
UNION ALL
SELECT 'every mapping item names a control or clause that exists ' ||
       (NOT EXISTS (SELECT FROM doc, jsonb_path_query(d, 'lax \$.mappings[*].maps[*].sources[*]') x
                   WHERE NOT EXISTS (SELECT FROM ims.control c WHERE c.standard = x #>> '{props,0,value}' AND c.control_id = x #>> '{props,1,value}')
                     AND NOT EXISTS (SELECT FROM ims.clause k WHERE k.standard = x #>> '{props,0,value}' AND k.number = x #>> '{props,1,value}'))
       AND NOT EXISTS (SELECT FROM doc, jsonb_path_query(d, 'lax \$.mappings[*].maps[*].targets[*]') x
                   WHERE NOT EXISTS (SELECT FROM ims.control c WHERE c.standard = x #>> '{props,0,value}' AND c.control_id = x #>> '{props,1,value}')
                     AND NOT EXISTS (SELECT FROM ims.clause k WHERE k.standard = x #>> '{props,0,value}' AND k.number = x #>> '{props,1,value}')));
SQL
}
# What the documents hold matches the record: each line "name true|false".
content()
{
	psql -d $db -At <<SQL
WITH ar AS (SELECT pg_read_file('$work/$1-ar.json')::jsonb #> '{assessment-results,results,0}' AS r),
poam AS (SELECT pg_read_file('$work/$1-poam.json')::jsonb -> 'plan-of-action-and-milestones' AS p),
f AS (SELECT * FROM ims.evaluate_findings(ARRAY[$org]::bigint[]) WHERE org_id = $org)
SELECT 'assessment results: one finding per finding and nonconformity ' ||
       ((SELECT jsonb_array_length(r -> 'findings') FROM ar)
        = (SELECT count(*) FROM f) + (SELECT count(*) FROM ims.nonconformity_record WHERE org_id = $org))
UNION ALL
SELECT 'assessment results: the waived findings are marked ' ||
       ((SELECT count(*) FROM ar, jsonb_array_elements(r -> 'findings') x WHERE x -> 'props' @> '[{"name": "waived", "value": "true"}]')
        = (SELECT count(*) FROM f WHERE waived_until IS NOT NULL))
UNION ALL
SELECT 'poam: one risk per open nonconformity ' ||
       ((SELECT coalesce(jsonb_array_length(p -> 'risks'), 0) FROM poam)
        = (SELECT count(*) FROM ims.nonconformity_record WHERE org_id = $org AND closed_on IS NULL))
UNION ALL
SELECT 'poam: every open corrective action is a planned remediation with its due date ' ||
       ((SELECT count(*) FROM poam, jsonb_path_query(p, 'strict \$.risks[*].remediations[*] ? (@.lifecycle == "planned")') x
         WHERE x #>> '{tasks,0,timing,on-date,date}' LIKE '____-__-__T00:00:00Z')
        = (SELECT count(*) FROM ims.corrective_action a JOIN ims.nonconformity_record n USING (org_id, nc_id)
           WHERE a.org_id = $org AND n.closed_on IS NULL AND a.status IN ('open', 'in_progress')))
UNION ALL
SELECT 'poam: every major or minor finding not waived is a finding of the plan ' ||
       NOT EXISTS (SELECT FROM f WHERE waived_until IS NULL AND grade <> 'observation'
                   AND NOT EXISTS (SELECT FROM poam, jsonb_array_elements(p -> 'findings') x
                                   WHERE x ->> 'title' = f.code || ': ' || f.ref))
UNION ALL
SELECT 'poam: no waived finding has a poam-item of its own ' ||
       NOT EXISTS (SELECT FROM f, poam, jsonb_array_elements(p -> 'poam-items') i
                   WHERE f.waived_until IS NOT NULL AND i ->> 'title' = f.code || ': ' || f.ref)
UNION ALL
SELECT 'a finding has the same uuid in both documents ' ||
       NOT EXISTS (SELECT FROM poam, jsonb_array_elements(p -> 'findings') x
                   WHERE NOT EXISTS (SELECT FROM ar, jsonb_array_elements(r -> 'findings') y
                                     WHERE y ->> 'uuid' = x ->> 'uuid' AND y ->> 'title' = x ->> 'title'))
UNION ALL
SELECT 'the organization is the plan''s party, the system the plan''s system ' ||
       ((SELECT p #>> '{metadata,parties,0,uuid}' FROM poam)
            = ims.export_oscal_ssp($org) #>> '{system-security-plan,metadata,parties,0,uuid}'
        AND (SELECT p #>> '{system-id,id}' FROM poam)
            = ims.export_oscal_ssp($org) #>> '{system-security-plan,system-characteristics,system-ids,0,id}')
UNION ALL
SELECT 'the history head is in the metadata ' ||
       ((SELECT p -> 'metadata' -> 'props' @> jsonb_build_array(jsonb_build_object('name', 'history-head', 'value', ims.history_head($org))) FROM poam));
SQL
}
check_lines()	# LABEL: reads "name true|false" lines
{
	echo "$1:"
	sed 's/^/  /' | tee "$work/lines.txt"
	if grep -q ' false$' "$work/lines.txt"; then
		status=1
	fi
}
export_all sample
check_lines "sample content" < <(content sample)
# the same record with one finding waived and the closed nonconformity's
# action done, a second open nonconformity from an internal audit with two
# actions, one of them in progress
psql -d $db >/dev/null <<SQL
INSERT INTO ims.finding_waiver (org_id, code, ref, justification, owner, accepted_by, expires_on)
SELECT $org, code, ref, 'Accepted until the supplier''s renewal.', 'Head of AI', 'Board', current_date + 90
FROM ims.evaluate_findings(ARRAY[$org]::bigint[]) WHERE code = 'SUP001' LIMIT 1;
INSERT INTO ims.nonconformity_record (org_id, source, audit_id, standard, requirement, grade, description, evidence)
SELECT $org, 'internal_audit', min(audit_id), 'iso42001:2023', 'A.6.2.4', 'minor',
       'The verification of the support assistant was not recorded.', 'Release record 2026-09 has no test report.'
FROM ims.internal_audit WHERE org_id = $org;
INSERT INTO ims.corrective_action (org_id, nc_id, description, owner, due_on, status)
SELECT $org, max(nc_id), 'Add the test report to the release checklist', 'Head of AI', current_date + 30, 'in_progress'
FROM ims.nonconformity_record WHERE org_id = $org
UNION ALL
SELECT $org, max(nc_id), 'Train the release managers', 'CISO', current_date + 60, 'open'
FROM ims.nonconformity_record WHERE org_id = $org;
SQL
export_all changed
check_lines "changed content" < <(content changed)


# One validator run per schema for every document of its model.
for model in ar:oscal_assessment-results_schema.json poam:oscal_poam_schema.json mapping:oscal_mapping_schema.json; do
	kind=${model%%:*}
	schema=$schemas/${model#*:}
	files=(-d "$work/sample-$kind.json" -d "$work/changed-$kind.json")
	out=$("$top/$ajv" validate --spec=draft7 -c ajv-formats --strict=false --all-errors -s "$schema" "${files[@]}" 2>&1) || true
	for name in sample changed; do
		file=$work/$name-$kind.json
		if grep -qxF "$file valid" <<<"$out"; then
			echo "$name $kind: valid ($(basename "$schema"))"
		else
			echo "$name $kind: not valid:"
			echo "$out" | sed -n "\\|^$file invalid|,/^\\//p" | head -40
			status=1
		fi
	done
done

for name in sample changed; do
	check_lines "$name assessment results constraints" < <(constraints "$work/$name-ar.json" assessment-results)
	check_lines "$name poam constraints" < <(constraints "$work/$name-poam.json" plan-of-action-and-milestones)
	check_lines "$name mapping constraints" < <(constraints "$work/$name-mapping.json" mapping-collection)
done

# the same record exported again gives the same UUIDs
psql -d $db -At >"$work/again.txt" <<SQL
SELECT 'stable uuids ' ||
       (jsonb_path_query_array(ims.export_oscal_assessment_results($org), 'lax \$.**.uuid')
            = jsonb_path_query_array(pg_read_file('$work/changed-ar.json')::jsonb, 'lax \$.**.uuid')
        AND jsonb_path_query_array(ims.export_oscal_poam($org), 'lax \$.**.uuid')
            = jsonb_path_query_array(pg_read_file('$work/changed-poam.json')::jsonb, 'lax \$.**.uuid')
        AND jsonb_path_query_array(ims.export_oscal_mapping(), 'lax \$.**.uuid')
            = jsonb_path_query_array(pg_read_file('$work/changed-mapping.json')::jsonb, 'lax \$.**.uuid'));
SQL
check_lines "changed exported again" <"$work/again.txt"

# each check can fail: documents broken in each way are refused
broken()	# NAME ROOT EXPRESSION: the document EXPRESSION over d (jsonb) as NAME.json
{
	psql -d $db -At -c "SELECT $3 FROM (SELECT pg_read_file('$work/changed-$2.json')::jsonb AS d) AS x" >"$work/$1.json"
	chmod a+r "$work/$1.json"
}
broken broken-target ar "jsonb_set(d, '{assessment-results,results,0,findings,0,target,target-id}', '\"iso42001-2023_clause-99\"')"
broken broken-control ar "jsonb_set(d, '{assessment-results,results,0,findings,-1,target,props,1,value}', '\"A.99\"')"
broken broken-observation ar "jsonb_set(d, '{assessment-results,results,0,findings,0,related-observations,0,observation-uuid}', '\"00000000-0000-5000-8000-000000000000\"')"
broken broken-item poam "d #- '{plan-of-action-and-milestones,poam-items,0,related-findings}'"
broken broken-risk poam "jsonb_set(d, '{plan-of-action-and-milestones,poam-items,-1,related-risks,0,risk-uuid}', '\"00000000-0000-5000-8000-000000000000\"')"
broken broken-prop poam "jsonb_insert(d, '{plan-of-action-and-milestones,poam-items,0,props,0}', '{\"name\": \"grade\", \"value\": \"major\"}')"
for doc in broken-target:assessment-results broken-control:assessment-results broken-observation:assessment-results \
	broken-item:plan-of-action-and-milestones broken-risk:plan-of-action-and-milestones broken-prop:plan-of-action-and-milestones; do
	name=${doc%%:*}
	if out=$(constraints "$work/$name.json" "${doc#*:}" | grep ' false$'); then
		echo "$name: refused as it must be: $(head -1 <<<"$out")"
	else
		echo "$name: accepted, but it breaks an OSCAL constraint"
		status=1
	fi
done
broken broken-schema-ar ar "d #- '{assessment-results,import-ap}'"
broken broken-schema-poam poam "jsonb_set(d, '{plan-of-action-and-milestones,risks,0,remediations,0,tasks,0,timing,on-date,date}', '\"2027-01-16\"')"
broken broken-schema-mapping mapping "jsonb_set(d, '{mapping-collection,mappings,0,maps,0,relationship}', '\"equal to\"')"
for doc in broken-schema-ar:oscal_assessment-results_schema.json broken-schema-poam:oscal_poam_schema.json \
	broken-schema-mapping:oscal_mapping_schema.json; do
	name=${doc%%:*}
	if out=$(validate "$work/$name.json" "$schemas/${doc#*:}"); then
		echo "$name: accepted, but it is not valid"
		status=1
	else
		echo "$name: refused as it must be: $(echo "$out" | grep -m1 -o "must have required property '[a-z-]*'\|must match [a-z]*" || echo "$out" | head -1)"
	fi
done
exit $status
