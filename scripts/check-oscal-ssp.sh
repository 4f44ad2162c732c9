#!/bin/bash
# scripts/check-oscal-ssp.sh: ims.export_oscal_ssp() output validates against
# NIST's OSCAL 1.2.1 system security plan schema, checked by ajv-cli (npm),
# for the sample organization's draft SoA, for an approved one, for a hostile
# one and for one with an imported NIST baseline; the baseline catalog each
# carries in its back-matter validates against the 1.2.1 catalog schema;
# the constraints the schema cannot express are checked in SQL (every
# requirement has a by-component naming a component of the plan, status
# only under by-component, import-profile resolves to the back-matter
# catalog and every control-id is a control of it, NIST ids kept); and the
# validator and the constraint check are shown to refuse broken plans, so
# a pass means something.
# Run by scripts/test.sh against its cluster (PGHOST is set).
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
. scripts/cluster.sh			# PGBIN, psql
db=regress_pg_ims_oscal_ssp
work=$(mktemp -d /tmp/pg_ims_ssp.XXXXXX)
trap 'rm -rf "$work"; "$PGBIN/dropdb" --if-exists $db 2>/dev/null' EXIT
schema=data/oscal/schema-1.2.1/oscal_ssp_schema.json
catalog_schema=data/oscal/schema-1.2.1/oscal_catalog_schema.json

. scripts/oscal_validator.sh		# install_validator, ajv, validate
# install_validator's message when npm fails is checked here, against a registry nobody listens on.
if out=$(install_validator "$work/npm-fail" --registry=http://127.0.0.1:9/ --fetch-retries=0 2>&1); then
	echo "npm install succeeded against a registry that does not exist"
	exit 1
fi
case $out in
	*ECONNREFUSED*"its output is above"*) echo "a failed npm install shows npm's error and what to do: ok" ;;
	*) echo "a failed npm install does not say why and what to do:"; echo "$out"; exit 1 ;;
esac
[ -x "$ajv" ] || install_validator build/npm

"$PGBIN/dropdb" --if-exists $db 2>/dev/null
"$PGBIN/createdb" $db
psql -d $db -c "CREATE EXTENSION pg_ims"
psql -d $db -f scripts/sample_organization.sql >/dev/null
psql -d $db -f scripts/sample_ai_act.sql >/dev/null
org=$(psql -d $db -At -c "SELECT min(org_id) FROM ims.organization")

status=0
psql -d $db -At -c "SELECT ims.export_oscal_ssp($org)" >"$work/draft.json"
# the same organization with every decision made and the SoA approved
psql -d $db >/dev/null <<SQL
UPDATE ims.soa_entry SET applicability = 'applicable(business)', justification = 'Good practice.'
WHERE ims.decision(applicability) = 'undecided';
UPDATE ims.soa_entry SET justification = 'No secure areas of our own.'
WHERE justification IS NULL AND ims.decision(applicability) = 'not_applicable';
SELECT ims.approve_soa($org, 'Management board');
SQL
psql -d $db -At -c "SELECT ims.export_oscal_ssp($org)" >"$work/approved.json"
# A hostile organization the name policy allows (docs/security.md): markup,
# formula and quote characters in its name, a no-break space inside, an
# owner starting with "@", and a catalog whose control ids are no OSCAL
# tokens (a section sign, a space); its plan must validate too.
psql -d $db >/dev/null <<'SQL'
SELECT ims.import_catalog($$
{"format": "pg_ims/catalog", "format_version": 1,
 "standard": {"code": "odd:1", "title": "Odd ids", "kind": "control_catalog"},
 "clauses": [{"number": "1", "title": "Scope", "parent": null}],
 "controls": [{"id": "AC-§1", "title": "Section sign"}, {"id": "B 2", "title": "Space"},
              {"id": "été.3", "title": "Accents"}]}
$$);
SELECT ims.create_organization($$=HYPERLINK("x") | # <b>Acme</b> & 'Co'$$ || U&'\00A0GmbH', '@dana');
UPDATE ims.organization SET standards = ARRAY['odd:1', 'iso42001:2023']
WHERE org_id = (SELECT max(org_id) FROM ims.organization);
SELECT ims.init_soa(max(org_id)) FROM ims.organization;
UPDATE ims.soa_entry SET applicability = 'applicable(business)', owner = U&'+Lee\00A0Smith <lee@example.org>',
	justification = E'=cmd|\' /C calc\'!A0\n## Forged\n| Status | approved |'
WHERE org_id = (SELECT max(org_id) FROM ims.organization);
SQL
hostile=$(psql -d $db -At -c "SELECT max(org_id) FROM ims.organization")
psql -d $db -At -c "SELECT ims.export_oscal_ssp($hostile)" >"$work/hostile.json"
# and a name the policy refuses is refused, by the function and by the table
for refused in "SELECT ims.create_organization(E'Acme\\n')" \
	"UPDATE ims.organization SET name = E'Acme\\t' WHERE org_id = $hostile" \
	"UPDATE ims.organization SET ims_owner = U&'Dana\\2028' WHERE org_id = $hostile"; do
	if psql -d $db -c "$refused" >/dev/null 2>"$work/refused.txt"; then
		echo "accepted, but the name policy refuses it: $refused"
		status=1
	else
		echo "refused as it must be: $refused: $(head -1 "$work/refused.txt")"
	fi
done
# An organization with NIST's MODERATE baseline imported from OSCAL: its ids
# stay NIST's (ac-2.1, not nist800-53r5-moderate_ac-2.1).
psql -d $db >/dev/null <<SQL
\set oscal \`cat data/oscal/NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog.json\`
SELECT ims.import_oscal_catalog(:'oscal', 'nist800-53r5:moderate');
SELECT ims.create_organization('Federal GmbH', 'Dana Keller');
UPDATE ims.organization SET standards = ARRAY['nist800-53r5:moderate']
WHERE org_id = (SELECT max(org_id) FROM ims.organization);
SELECT ims.init_soa(max(org_id)) FROM ims.organization;
UPDATE ims.soa_entry SET applicability = 'applicable(business)', implementation = 'partial'
WHERE org_id = (SELECT max(org_id) FROM ims.organization) AND control_id LIKE 'ac-%';
UPDATE ims.soa_entry SET applicability = 'not_applicable', justification = 'No wireless network in scope.'
WHERE org_id = (SELECT max(org_id) FROM ims.organization) AND control_id LIKE 'ac-18%';
SQL
nist=$(psql -d $db -At -c "SELECT max(org_id) FROM ims.organization")
psql -d $db -At -c "SELECT ims.export_oscal_ssp($nist)" >"$work/nist.json"
ac21=$(psql -d $db -At -c "SELECT r ->> 'control-id' FROM jsonb_array_elements(ims.export_oscal_ssp($nist) #> '{system-security-plan,control-implementation,implemented-requirements}') r WHERE r -> 'props' @> '[{\"name\": \"control\", \"value\": \"ac-2.1\"}]'")
if [ "$ac21" = ac-2.1 ]; then
	echo "nist: control ac-2.1 of the imported catalog is ac-2.1 in the plan: ok"
else
	echo "nist: control ac-2.1 of the imported catalog is \"$ac21\" in the plan, not ac-2.1"
	status=1
fi

# Two baselines of one catalog in one scope share their ids: refused, with
# what to do.
psql -d $db >/dev/null <<SQL
\set oscal \`cat data/oscal/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json\`
SELECT ims.import_oscal_catalog(:'oscal', 'nist800-53r5:low');
SQL
if out=$(psql -d $db 2>&1 <<'SQL'
BEGIN;
SELECT ims.create_organization('Two Baselines GmbH', 'Dana Keller') AS two \gset
UPDATE ims.organization SET standards = ARRAY['nist800-53r5:low', 'nist800-53r5:moderate'] WHERE org_id = :two;
SELECT ims.init_soa(:two);
UPDATE ims.soa_entry SET applicability = 'applicable(business)' WHERE org_id = :two AND control_id = 'ac-1';
SELECT ims.export_oscal_ssp(:two);
ROLLBACK;
SQL
); then
	echo "two NIST baselines in one scope: exported, but their ids collide"
	status=1
else
	case $out in
		*'two controls have the OSCAL control id "ac-1"'*HINT*"Keep one of the two standards"*)
			echo "two NIST baselines in one scope: refused as they must be: $(echo "$out" | grep -m1 ERROR)" ;;
		*) echo "two NIST baselines in one scope: refused, but not saying why: $out"; status=1 ;;
	esac
fi

# The baseline catalog of a plan, decoded from its back-matter.
baseline()
{
	psql -d $db -At -c "SELECT convert_from(decode(r #>> '{base64,value}', 'base64'), 'UTF8')
		FROM jsonb_array_elements(pg_read_file('$1')::jsonb #> '{system-security-plan,back-matter,resources}') r
		WHERE '#' || (r ->> 'uuid') = pg_read_file('$1')::jsonb #>> '{system-security-plan,import-profile,href}'"
}
chmod a+rx "$work"
# One validator run per schema, for every plan and every baseline: ajv
# compiles NIST's schema once.
plans="draft approved hostile nist"
plan_files=()
baseline_files=()
for plan in $plans; do
	chmod a+r "$work/$plan.json"
	baseline "$work/$plan.json" >"$work/$plan-baseline.json"
	plan_files+=(-d "$work/$plan.json")
	baseline_files+=(-d "$work/$plan-baseline.json")
done
plan_out=$("$top/$ajv" validate --spec=draft7 -c ajv-formats --strict=false --all-errors -s "$schema" "${plan_files[@]}" 2>&1) || true
baseline_out=$("$top/$ajv" validate --spec=draft7 -c ajv-formats --strict=false --all-errors -s "$catalog_schema" "${baseline_files[@]}" 2>&1) || true
for plan in $plans; do
	for file in "$work/$plan.json" "$work/$plan-baseline.json"; do
		case $file in *-baseline.json) out=$baseline_out; what="$plan baseline catalog" ;; *) out=$plan_out; what=$plan ;; esac
		if grep -qxF "$file valid" <<<"$out"; then
			echo "$what: valid"
		else
			echo "$what: not valid:"
			echo "$out" | sed -n "\\|^$file invalid|,/^\\//p" | head -40
			status=1
		fi
	done
done

# The constraints of OSCAL the JSON schema cannot express, checked on a
# plan file (its path readable by the server): each line "name true|false".
constraints()
{
	psql -d $db -At <<SQL
WITH plan AS (SELECT pg_read_file('$1')::jsonb -> 'system-security-plan' AS p),
reqs AS (SELECT r FROM plan, jsonb_array_elements(p #> '{control-implementation,implemented-requirements}') r),
bys AS (SELECT r, b FROM reqs, jsonb_array_elements(r -> 'by-components') b),
components AS (SELECT c ->> 'uuid' AS uuid FROM plan, jsonb_array_elements(p #> '{system-implementation,components}') c),
resource AS (SELECT x FROM plan, jsonb_array_elements(p #> '{back-matter,resources}') x
             WHERE '#' || (x ->> 'uuid') = p #>> '{import-profile,href}'),
catalog AS (SELECT convert_from(decode(x #>> '{base64,value}', 'base64'), 'UTF8')::jsonb AS c FROM resource),
catalog_ids AS (SELECT g ->> 'id' AS id FROM catalog, jsonb_path_query(c, 'lax \$.catalog.groups[*].controls[*]') g)
SELECT 'every implemented requirement has a by-component ' ||
       NOT EXISTS (SELECT FROM reqs WHERE coalesce(jsonb_array_length(r -> 'by-components'), 0) = 0)
UNION ALL
SELECT 'every by-component names a component of the plan ' ||
       NOT EXISTS (SELECT FROM bys WHERE b ->> 'component-uuid' NOT IN (SELECT uuid FROM components))
UNION ALL
SELECT 'implementation status under by-component, never a prop ' ||
       (NOT EXISTS (SELECT FROM reqs, jsonb_array_elements(r -> 'props') x WHERE x ->> 'name' = 'implementation-status')
        AND NOT EXISTS (SELECT FROM reqs WHERE r ? 'implementation-status')
        AND NOT EXISTS (SELECT FROM bys WHERE NOT b ? 'implementation-status'
                        AND NOT r -> 'props' @> '[{"name": "implementation", "value": "not_started"}]'))
UNION ALL
SELECT 'every prop outside OSCAL''s names has a namespace ' ||
       NOT EXISTS (SELECT FROM plan, jsonb_path_query(p, 'lax \$.**.props[*]') x
                   WHERE NOT x ? 'ns' AND x ->> 'name' NOT IN ('label'))
UNION ALL
SELECT 'import-profile resolves to a catalog in the back-matter ' || (SELECT count(*) = 1 FROM catalog)
UNION ALL
SELECT 'every control-id is a control of the baseline ' ||
       (EXISTS (SELECT FROM catalog_ids)
        AND NOT EXISTS (SELECT FROM reqs WHERE r ->> 'control-id' NOT IN (SELECT id FROM catalog_ids)))
UNION ALL
SELECT 'excluded controls listed with their justification ' ||
       NOT EXISTS (SELECT FROM bys WHERE b #>> '{implementation-status,state}' = 'not-applicable'
                   AND coalesce(b #>> '{implementation-status,remarks}', '') NOT LIKE '%Justification: %');
SQL
}
for plan in draft approved hostile nist; do
	echo "$plan constraints:"
	constraints "$work/$plan.json" | sed 's/^/  /' | tee "$work/$plan-constraints.txt"
	if grep -q ' false$' "$work/$plan-constraints.txt"; then
		status=1
	fi
done
# each check can fail: a plan broken in each way is refused
psql -d $db -At -c "SELECT jsonb_set(ims.export_oscal_ssp($org), '{system-security-plan,control-implementation,implemented-requirements,0,by-components}', '[]')" >"$work/broken-by.json"
psql -d $db -At -c "SELECT jsonb_set(ims.export_oscal_ssp($org), '{system-security-plan,import-profile,href}', '\"urn:pg-ims:standards:iso27001-2022\"')" >"$work/broken-profile.json"
psql -d $db -At -c "SELECT jsonb_set(ims.export_oscal_ssp($nist), '{system-security-plan,control-implementation,implemented-requirements,0,control-id}', '\"nist800-53r5-moderate_ac-1\"')" >"$work/broken-id.json"
psql -d $db -At -c "SELECT jsonb_insert(ims.export_oscal_ssp($org), '{system-security-plan,control-implementation,implemented-requirements,0,props,0}', '{\"name\": \"implementation-status\", \"value\": \"implemented\"}')" >"$work/broken-status.json"
for plan in broken-by broken-profile broken-id broken-status; do
	chmod a+r "$work/$plan.json"
	if constraints "$work/$plan.json" | grep -q ' false$'; then
		echo "$plan: refused as it must be: $(constraints "$work/$plan.json" | grep ' false$' | head -1)"
	else
		echo "$plan: accepted, but it breaks an OSCAL constraint"
		status=1
	fi
done

# A plan without metadata, and one with a malformed UUID, must be refused:
# the check can fail.
psql -d $db -At -c "SELECT ims.export_oscal_ssp($org) #- '{system-security-plan,metadata}'" >"$work/broken1.json"
psql -d $db -At -c "SELECT jsonb_set(ims.export_oscal_ssp($org), '{system-security-plan,uuid}', '\"not-a-uuid\"')" >"$work/broken2.json"
for plan in broken1 broken2; do
	if out=$(validate "$work/$plan.json"); then
		echo "$plan: accepted, but it is not a valid plan"
		status=1
	else
		echo "$plan: refused as it must be: $(echo "$out" | grep -m1 -o "must have required property '[a-z-]*'\|must match pattern[^,]*" || echo "$out" | head -1)"
	fi
done

# What the plan holds matches the SoA, and UUIDs are stable across exports.
echo "hostile control ids: $(psql -d $db -At -c "SELECT string_agg(r ->> 'control-id', ' ' ORDER BY r ->> 'control-id') FROM jsonb_array_elements(ims.export_oscal_ssp($hostile) #> '{system-security-plan,control-implementation,implemented-requirements}') r")"
psql -d $db -At >"$work/content.txt" <<SQL
WITH plan AS (SELECT ims.export_oscal_ssp($org) -> 'system-security-plan' AS p),
reqs AS (SELECT r FROM plan, jsonb_array_elements(p -> 'control-implementation' -> 'implemented-requirements') AS r)
SELECT 'requirements ' || ((SELECT count(*) FROM reqs)
	= (SELECT count(*) FROM ims.report_soa WHERE org_id = $org AND decision IN ('applicable', 'not_applicable')))
UNION ALL
SELECT 'distinct control ids ' || ((SELECT count(DISTINCT r ->> 'control-id') FROM reqs) = (SELECT count(*) FROM reqs))
UNION ALL
SELECT 'stable uuids ' || (ims.export_oscal_ssp($org) #- '{system-security-plan,metadata,last-modified}'
	= ims.export_oscal_ssp($org) #- '{system-security-plan,metadata,last-modified}');
SQL
cat "$work/content.txt"
if grep -q ' false$' "$work/content.txt"; then
	status=1
fi
exit $status
