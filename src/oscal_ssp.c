/*-------------------------------------------------------------------------
 *
 * oscal_ssp.c
 *	  The consolidated Statement of Applicability as an OSCAL 1.2.1 system
 *	  security plan (JSON), built with cJSON.
 *
 * The "system" of the plan is the organization's integrated management
 * system; its scope statement is the authorization boundary; its in-scope
 * AI systems are components beside "this-system"; the control owners are
 * its users.  Each applicable control of the live SoA, of every standard
 * in the organization's scope, becomes one implemented-requirement, and so
 * does each excluded one (state not-applicable with its justification);
 * its control-id is the catalog's own for a catalog imported from OSCAL,
 * and otherwise qualified by its standard (ids collide across standards);
 * the decision, reasons, implementation and evidence are props in pg_ims's
 * namespace, the justification the remarks, and the implementation status
 * sits in by-components: the management system's, and the AI systems'
 * the control treats risks of or has evidence for (entry_ai_systems_sql,
 * which reads ims.ai_system_evidence).  The metadata carries the SoA's
 * digest and the head of the record's history.  The baseline, the
 * catalog of the plan's controls, travels in the back-matter.
 *
 * OSCAL asks for security impact levels; pg_ims has no FIPS 199
 * categorization, so they are derived from the risk register: the highest
 * impact (1-5) of the organization's risks of each CIA type, 1-2 low,
 * 3 moderate, 4-5 high, and "not-assessed" when there is no such risk.
 * docs/oscal.md says so, and so does the information type's description.
 *
 * UUIDs are name-based (oscal_common.c), so the same object keeps its UUID
 * from one export to the next as OSCAL asks.
 *
 * Everything is read through SPI as the caller, so row-level security
 * applies; the function runs with search_path = pg_catalog, pg_temp.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <cjson/cJSON.h>

#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "common/base64.h"
#include "utils/builtins.h"

#include "json_build.h"
#include "oscal_common.h"
#include "text_encoding.h"
#include "sha256.h"
#include "soa_live.h"
#include "pg_ims.h"

typedef struct PlanControl
{
	const char *id;				/* the plan's control-id */
	const char *standard;
	const char *control;
	bool		oscal;			/* the catalog's own id (ims.oscal_catalog) */
} PlanControl;

static int
ComparePlanControl(const void *x, const void *y)
{
	return strcmp(((const PlanControl *) x)->id, ((const PlanControl *) y)->id);
}

/*
 * Two SoA entries must not share a control-id: the plan would be ambiguous.
 * Two catalogs imported from OSCAL that share ids (two baselines of one
 * catalog) give the same id as they are; other ids become one when their
 * other characters are written "-".  Excluded controls are in the plan
 * too, so only the catalogs can make the ids differ.
 */
static void
CheckDistinctControlIds(PlanControl *controls, uint64 n)
{
	qsort(controls, n, sizeof(PlanControl), ComparePlanControl);
	for (uint64 i = 1; i < n; i++)
		if (strcmp(controls[i - 1].id, controls[i].id) == 0 && controls[i - 1].oscal && controls[i].oscal)
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("two controls have the OSCAL control id \"%s\"", controls[i].id),
					 errdetail("Standards \"%s\" and \"%s\" were both imported from OSCAL catalogs that use the id \"%s\", "
							   "and a plan keeps the ids of an OSCAL catalog as they are.",
							   controls[i - 1].standard, controls[i].standard, controls[i].id),
					 errhint("Keep one of the two standards in ims.organization.standards: two baselines of one catalog "
							 "select from the same controls.")));
		else if (strcmp(controls[i - 1].id, controls[i].id) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("two controls have the OSCAL control id \"%s\"", controls[i].id),
					 errdetail("Control \"%s\" of standard \"%s\" and control \"%s\" of standard \"%s\" give the same id: "
							   "a plan writes each character other than ASCII letters, digits, \".\", \"-\" and \"_\" as \"-\".",
							   controls[i - 1].control, controls[i - 1].standard,
							   controls[i].control, controls[i].standard),
					 errhint("Load the catalog again under another code, with ids that differ in those characters; "
							 "an excluded control is in the plan too.")));
}

/* OSCAL's implementation-status for pg_ims's implementation, or NULL. */
static const char *
ImplementationStatus(const char *implementation)
{
	if (strcmp(implementation, "implemented") == 0 ||
		strcmp(implementation, "partial") == 0 ||
		strcmp(implementation, "planned") == 0)
		return implementation;
	return NULL;				/* not_started: OSCAL has no such status */
}

typedef struct PlanHeader
{
	char	   *organization;
	char	   *scope;
	char	   *ims_owner;
	char	   *version;
	char	   *status;
	char	   *approved_by;
	char	   *modified;
	char	   *baseline_modified;	/* approval or creation of the version: stable */
	char	   *digest;
	char	   *history_head;	/* ims.history_head: sequence and hash of the latest entry */
	char	   *standards;		/* titles, "; "-separated */
	char	   *profile;		/* the standard codes as one URN */
	char	   *uuid_prefix;
} PlanHeader;

static PlanHeader
ReadPlanHeader(Datum org)
{
	PlanHeader	h;

	SoaLiveRead(org, "o.name AS organization, o.scope_statement AS scope, o.ims_owner, "
				"s.version::text AS version, s.status, s.approved_by, "
				"to_char(coalesce(s.approved_at, now()) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS modified, "
				"to_char(coalesce(s.approved_at, s.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS baseline_modified, "
				"s.digest, "
				"(SELECT string_agg(st.title, '; ' ORDER BY st.code COLLATE \"C\") "
				" FROM ims.standard st WHERE st.code = ANY (o.standards)) AS standards, "
				"'urn:pg-ims:standards:' || array_to_string(ARRAY(SELECT translate(c, ':', '-') "
				"     FROM unnest(o.standards) AS c ORDER BY c COLLATE \"C\"), ',') AS profile, "
				"'pg_ims/' || o.org_id || '/' || extract(epoch FROM o.created_at)::text AS uuid_prefix");
	h.organization = PgImsSpiText(0, "organization");
	h.scope = PgImsSpiText(0, "scope");
	h.ims_owner = PgImsSpiText(0, "ims_owner");
	h.version = PgImsSpiText(0, "version");
	h.status = PgImsSpiText(0, "status");
	h.approved_by = PgImsSpiText(0, "approved_by");
	h.modified = PgImsSpiText(0, "modified");
	h.baseline_modified = PgImsSpiText(0, "baseline_modified");
	h.digest = PgImsSpiText(0, "digest");
	h.standards = PgImsSpiText(0, "standards");
	h.profile = PgImsSpiText(0, "profile");
	h.uuid_prefix = PgImsSpiText(0, "uuid_prefix");
	h.history_head = PgImsHistoryHead(org);
	return h;
}

static cJSON *
Metadata(const PlanHeader *h)
{
	cJSON	   *metadata = PgImsJsonObject();
	cJSON	   *props = PgImsJsonArray();
	cJSON	   *roles = PgImsJsonArray();
	cJSON	   *parties = PgImsJsonArray();
	static const char *const role_ids[][2] = {
		{"ims-owner", "Owner of the integrated management system"},
		{"control-owner", "Control owner"},
		{"soa-approver", "Approver of the Statement of Applicability"}
	};

	PgImsJsonPut(metadata, "title",
				 PgImsJsonString(psprintf("%s: consolidated Statement of Applicability, version %s (%s)",
										  h->organization, h->version, h->status)));
	PgImsJsonPut(metadata, "last-modified", PgImsJsonString(h->modified));
	PgImsJsonPut(metadata, "version",
				 PgImsJsonString(strcmp(h->status, "approved") == 0 ? h->version
								 : psprintf("%s-draft", h->version)));
	PgImsJsonPut(metadata, "oscal-version", PgImsJsonString(OSCAL_VERSION));
	PgImsOscalProp(props, "soa-version", h->version, true);
	PgImsOscalProp(props, "soa-status", h->status, true);
	if (h->approved_by)
		PgImsOscalProp(props, "soa-approved-by", h->approved_by, true);
	if (h->digest)
		PgImsOscalProp(props, "soa-digest", h->digest, true);
	if (h->history_head)
		PgImsOscalProp(props, "history-head", h->history_head, true);
	PgImsJsonPut(metadata, "props", props);
	for (int i = 0; i < (int) lengthof(role_ids); i++)
		PgImsOscalRole(roles, role_ids[i][0], role_ids[i][1]);
	PgImsJsonPut(metadata, "roles", roles);
	PgImsJsonAppend(parties, PgImsOscalOrganizationParty(h->uuid_prefix, h->organization));
	PgImsJsonPut(metadata, "parties", parties);
	return metadata;
}

static cJSON *
ImpactLevel(const char *base)
{
	cJSON	   *impact = PgImsJsonObject();

	PgImsJsonPut(impact, "base", PgImsJsonString(base));
	return impact;
}

static cJSON *
SystemCharacteristics(Datum org, const PlanHeader *h)
{
	cJSON	   *sc = PgImsJsonObject();
	cJSON	   *ids = PgImsJsonArray();
	cJSON	   *id = PgImsJsonObject();
	cJSON	   *info = PgImsJsonObject();
	cJSON	   *types = PgImsJsonArray();
	cJSON	   *type = PgImsJsonObject();
	cJSON	   *level = PgImsJsonObject();
	cJSON	   *status = PgImsJsonObject();
	cJSON	   *boundary = PgImsJsonObject();
	static const char *const objectives[] = {
		"security-objective-confidentiality", "security-objective-integrity",
		"security-objective-availability"
	};
	static const char *const impacts[] = {
		"confidentiality-impact", "integrity-impact", "availability-impact"
	};
	uint64		n;

	PgImsJsonPut(id, "identifier-type", PgImsJsonString("https://ietf.org/rfc/rfc4122"));
	PgImsJsonPut(id, "id", PgImsOscalUuid(h->uuid_prefix, "system", NULL));
	PgImsJsonAppend(ids, id);
	PgImsJsonPut(sc, "system-ids", ids);
	PgImsJsonPut(sc, "system-name",
				 PgImsJsonString(psprintf("%s integrated management system", h->organization)));
	PgImsJsonPut(sc, "description",
				 PgImsJsonString(psprintf("The integrated management system of %s, one system for: %s.",
										  h->organization, h->standards ? h->standards : "no standard")));

	/* the highest impact of the risks of each CIA type, in that order */
	n = SoaQuery("SELECT CASE WHEN max(r.impact) >= 4 THEN 'fips-199-high' "
				 "            WHEN max(r.impact) = 3 THEN 'fips-199-moderate' "
				 "            WHEN max(r.impact) >= 1 THEN 'fips-199-low' ELSE 'not-assessed' END AS base, "
				 "       max(r.impact) AS impact "
				 "FROM unnest(ARRAY['confidentiality', 'integrity', 'availability']) WITH ORDINALITY AS t(name, n) "
				 "LEFT JOIN ims.risk r ON r.org_id = $1 AND r.risk_type::text = t.name "
				 "GROUP BY t.name, t.n ORDER BY t.n", org);
	if (n != 3)
		elog(ERROR, "OSCAL export: expected three impact levels, got " UINT64_FORMAT, n);
	{
		const char *highest = "not-assessed";
		int			highest_impact = 0;

		PgImsJsonPut(type, "uuid", PgImsOscalUuid(h->uuid_prefix, "information-type", "scope"));
		PgImsJsonPut(type, "title", PgImsJsonString("Information in the scope of the management system"));
		PgImsJsonPut(type, "description",
					 PgImsJsonString("All information in the scope statement. Impact levels are derived from the risk register: "
									 "the highest impact of the risks of each CIA type, 1-2 low, 3 moderate, 4-5 high; "
									 "not-assessed when the register has no risk of that type."));
		for (int i = 0; i < 3; i++)
		{
			char	   *base = PgImsSpiText(i, "base");
			char	   *impact = PgImsSpiText(i, "impact");

			PgImsJsonPut(type, impacts[i], ImpactLevel(base));
			PgImsJsonPut(level, objectives[i], PgImsJsonString(base));
			if (impact != NULL && atoi(impact) > highest_impact)
			{
				highest_impact = atoi(impact);
				highest = base;
			}
		}
		PgImsJsonAppend(types, type);
		PgImsJsonPut(info, "information-types", types);
		PgImsJsonPut(sc, "security-sensitivity-level", PgImsJsonString(highest));
	}
	PgImsJsonPut(sc, "system-information", info);
	PgImsJsonPut(sc, "security-impact-level", level);
	PgImsJsonPut(status, "state",
				 PgImsJsonString(strcmp(h->status, "approved") == 0 ? "operational" : "under-development"));
	PgImsJsonPut(sc, "status", status);
	PgImsJsonPut(boundary, "description",
				 PgImsJsonString(h->scope ? h->scope : "No scope statement is recorded (ims.organization.scope_statement)."));
	PgImsJsonPut(sc, "authorization-boundary", boundary);
	return sc;
}

static cJSON *
Component(const PlanHeader *h, const char *key, const char *type, const char *title,
		  const char *description, const char *state)
{
	cJSON	   *c = PgImsJsonObject();
	cJSON	   *status = PgImsJsonObject();

	PgImsJsonPut(c, "uuid", PgImsOscalUuid(h->uuid_prefix, "component", key));
	PgImsJsonPut(c, "type", PgImsJsonString(type));
	PgImsJsonPut(c, "title", PgImsJsonString(title));
	PgImsJsonPut(c, "description", PgImsJsonString(description));
	PgImsJsonPut(status, "state", PgImsJsonString(state));
	PgImsJsonPut(c, "status", status);
	return c;
}

static cJSON *
SystemImplementation(Datum org, const PlanHeader *h)
{
	cJSON	   *si = PgImsJsonObject();
	cJSON	   *users = PgImsJsonArray();
	cJSON	   *components = PgImsJsonArray();
	uint64		n;

	/* users: the owner of the system and the owners of applicable controls */
	n = SoaQuery("SELECT u.name, bool_or(u.role = 'ims-owner') AS ims_owner, "
				 "       bool_or(u.role = 'control-owner') AS control_owner "
				 "FROM (SELECT o.ims_owner AS name, 'ims-owner' AS role FROM ims.organization o WHERE o.org_id = $1 "
				 "      UNION ALL "
				 "      SELECT s.owner, 'control-owner' FROM ims.report_soa s "
				 "      WHERE s.org_id = $1 AND s.decision = 'applicable') AS u "
				 "WHERE u.name IS NOT NULL GROUP BY u.name ORDER BY u.name COLLATE \"C\"", org);
	for (uint64 i = 0; i < n; i++)
	{
		cJSON	   *user = PgImsJsonObject();
		cJSON	   *role_ids = PgImsJsonArray();

		PgImsJsonPut(user, "uuid", PgImsOscalUuid(h->uuid_prefix, "user", PgImsSpiText(i, "name")));
		PgImsJsonPut(user, "title", PgImsJsonString(PgImsSpiText(i, "name")));
		if (strcmp(PgImsSpiText(i, "ims_owner"), "t") == 0)
			PgImsJsonAppend(role_ids, PgImsJsonString("ims-owner"));
		if (strcmp(PgImsSpiText(i, "control_owner"), "t") == 0)
			PgImsJsonAppend(role_ids, PgImsJsonString("control-owner"));
		PgImsJsonPut(user, "role-ids", role_ids);
		PgImsJsonAppend(users, user);
	}
	if (n == 0)
	{
		/* OSCAL wants at least one user */
		cJSON	   *user = PgImsJsonObject();

		PgImsJsonPut(user, "uuid", PgImsOscalUuid(h->uuid_prefix, "user", NULL));
		PgImsJsonPut(user, "title", PgImsJsonString("Control owners (none is named yet)"));
		PgImsJsonAppend(users, user);
	}
	PgImsJsonPut(si, "users", users);

	PgImsJsonAppend(components,
					Component(h, "this-system", "this-system",
							  psprintf("%s integrated management system", h->organization),
							  "The management system the Statement of Applicability belongs to.",
							  strcmp(h->status, "approved") == 0 ? "operational" : "under-development"));
	n = SoaQuery("SELECT a.system_id::text AS system_id, a.name, "
				 "       coalesce(a.intended_use, 'No intended use is recorded.') AS intended_use, "
				 "       a.lifecycle_stage, "
				 "       CASE a.lifecycle_stage WHEN 'operation' THEN 'operational' WHEN 'deployment' THEN 'operational' "
				 "            WHEN 'retired' THEN 'disposition' ELSE 'under-development' END AS state, "
				 "       array_to_string(a.ai_act_roles, ' ') AS ai_act_roles, a.ai_act_risk_class "
				 "FROM ims.ai_system a WHERE a.org_id = $1 AND a.in_scope ORDER BY a.system_id", org);
	for (uint64 i = 0; i < n; i++)
	{
		char	   *system_id = PgImsSpiText(i, "system_id");
		char	   *roles = PgImsSpiText(i, "ai_act_roles");
		char	   *risk_class = PgImsSpiText(i, "ai_act_risk_class");
		cJSON	   *c = Component(h, psprintf("ai-system/%s", system_id), "software",
								  PgImsSpiText(i, "name"), PgImsSpiText(i, "intended_use"),
								  PgImsSpiText(i, "state"));
		cJSON	   *props = PgImsJsonArray();

		PgImsOscalProp(props, "ai-system", system_id, true);
		PgImsOscalProp(props, "lifecycle-stage", PgImsSpiText(i, "lifecycle_stage"), true);
		if (roles && *roles)
			PgImsOscalProp(props, "ai-act-roles", roles, true);
		if (risk_class)
			PgImsOscalProp(props, "ai-act-risk-class", risk_class, true);
		PgImsJsonPut(c, "props", props);
		PgImsJsonAppend(components, c);
	}
	PgImsJsonPut(si, "components", components);
	return si;
}

/*
 * The AI systems an SoA entry is implemented for, one SQL expression over
 * the entry s (ims.report_soa) of organization $1 (every table filtered by
 * $1 itself, for Citus), as a space-separated list of system ids,
 * each followed by "/" and why (r: a risk, e: evidence, or both):
 * the in-scope AI systems with a risk that the control treats
 * (ims.risk_control), or with current, fitting evidence of the control for
 * the system (ims.ai_system_evidence: evidence that names it, its
 * life-cycle records, the datasets it uses).  Each gets a by-component.
 */
static const char *const entry_ai_systems_sql =
"(SELECT string_agg(a.system_id::text || '/' || concat(CASE WHEN x.risk THEN 'r' END, CASE WHEN x.evidence THEN 'e' END), "
"                   ' ' ORDER BY a.system_id) "
" FROM ims.ai_system a "
" CROSS JOIN LATERAL (SELECT EXISTS ("
"   SELECT FROM ims.risk r JOIN ims.risk_control k ON k.org_id = r.org_id AND k.risk_id = r.risk_id "
"   WHERE r.org_id = $1 AND k.org_id = $1 AND r.ai_system_id = a.system_id "
"     AND k.standard = s.standard AND k.control_id = s.control_id) AS risk, "
"  EXISTS (SELECT FROM ims.ai_system_evidence(ARRAY[$1]::bigint[]) v "
"   WHERE v.system_id = a.system_id AND v.standard = s.standard AND v.control_id = s.control_id) AS evidence) x "
" WHERE a.org_id = $1 AND a.in_scope AND (x.risk OR x.evidence))";

/*
 * OSCAL's implementation-status state of an entry, or NULL: an excluded
 * control is not-applicable; not_started has no OSCAL state and is left
 * without one (the pg_ims prop "implementation" says it).
 */
static const char *
ImplementationState(const char *decision, const char *implementation)
{
	if (strcmp(decision, "not_applicable") == 0)
		return "not-applicable";
	return ImplementationStatus(implementation);
}

/* What the management system does about an applicable control. */
static const char *
ThisSystemDescription(const char *implementation)
{
	if (strcmp(implementation, "implemented") == 0)
		return "The management system implements this control.";
	if (strcmp(implementation, "partial") == 0)
		return "The management system implements this control in part.";
	if (strcmp(implementation, "planned") == 0)
		return "The management system plans to implement this control.";
	return "The management system has not started to implement this control (pg_ims implementation not_started; OSCAL has no such state).";
}

/* One by-component of a requirement: how one component implements it. */
static cJSON *
ByComponent(const PlanHeader *h, const char *component_key, const char *requirement_key,
			const char *description, const char *state, const char *state_remarks)
{
	cJSON	   *by = PgImsJsonObject();

	PgImsJsonPut(by, "component-uuid", PgImsOscalUuid(h->uuid_prefix, "component", component_key));
	PgImsJsonPut(by, "uuid", PgImsOscalUuid(h->uuid_prefix, "by-component",
									  psprintf("%s/%s", requirement_key, component_key)));
	PgImsJsonPut(by, "description", PgImsJsonString(description));
	if (state)
	{
		cJSON	   *status = PgImsJsonObject();

		PgImsJsonPut(status, "state", PgImsJsonString(state));
		if (state_remarks)
			PgImsJsonPut(status, "remarks", PgImsJsonString(state_remarks));
		PgImsJsonPut(by, "implementation-status", status);
	}
	return by;
}

static cJSON *
ControlImplementation(Datum org, const PlanHeader *h)
{
	cJSON	   *ci = PgImsJsonObject();
	cJSON	   *requirements = PgImsJsonArray();
	char	   *description;
	PlanControl *ids;
	uint64		n;

	SoaQuery("SELECT count(*) FILTER (WHERE decision = 'applicable') AS applicable, "
			 "       count(*) FILTER (WHERE decision = 'not_applicable') AS not_applicable, "
			 "       count(*) FILTER (WHERE decision = 'undecided') AS undecided "
			 "FROM ims.report_soa WHERE org_id = $1", org);
	description = psprintf("One implemented requirement per decided control of the consolidated Statement of "
						   "Applicability, version %s (%s), of %s: %s applicable, %s excluded (implementation "
						   "status not-applicable, with the justification); %s undecided controls are not listed "
						   "(ims.soa_document() shows them). Each requirement is implemented by the management "
						   "system (this-system) and by the AI systems whose risks the control treats or for which "
						   "current evidence of it is recorded. "
						   "Control ids of catalogs imported from OSCAL are the catalog's own; the others are "
						   "qualified by standard, such as iso27001-2022_A.5.19. The baseline is the catalog in "
						   "the back-matter.",
						   h->version, h->status, h->standards ? h->standards : "no standard",
						   PgImsSpiText(0, "applicable"), PgImsSpiText(0, "not_applicable"),
						   PgImsSpiText(0, "undecided"));
	if (strcmp(PgImsSpiText(0, "applicable"), "0") == 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("the Statement of Applicability of organization " INT64_FORMAT " has no applicable control",
						DatumGetInt64(org)),
				 errdetail("An OSCAL system security plan needs at least one implemented requirement."),
				 errhint("Decide applicability in ims.soa_entry first; ims.validate_soa() lists what is undecided.")));
	PgImsJsonPut(ci, "description", PgImsJsonString(description));

	n = SoaQuery(psprintf("SELECT s.standard, s.control_id, s.decision, s.applicability, "
						  "       array_to_string(s.reasons, ' ') AS reasons, "
						  "       s.justification, s.implementation, s.owner, "
						  "       s.current_evidence::text AS current_evidence, s.fitting_evidence::text AS fitting_evidence, "
						  "       EXISTS (SELECT FROM ims.oscal_catalog g WHERE g.standard = s.standard) AS oscal_ids, "
						  "       %s AS ai_systems "
						  "FROM ims.report_soa s WHERE s.org_id = $1 AND s.decision IN ('applicable', 'not_applicable') "
						  "ORDER BY s.standard COLLATE \"C\", s.control_rank", entry_ai_systems_sql), org);
	ids = palloc(sizeof(PlanControl) * n);
	for (uint64 i = 0; i < n; i++)
	{
		cJSON	   *req = PgImsJsonObject();
		cJSON	   *props = PgImsJsonArray();
		cJSON	   *by_components = PgImsJsonArray();
		char	   *standard = PgImsSpiText(i, "standard");
		char	   *control = PgImsSpiText(i, "control_id");
		char	   *decision = PgImsSpiText(i, "decision");
		char	   *reasons = PgImsSpiText(i, "reasons");
		char	   *justification = PgImsSpiText(i, "justification");
		char	   *implementation = PgImsSpiText(i, "implementation");
		char	   *owner = PgImsSpiText(i, "owner");
		char	   *ai_systems = PgImsSpiText(i, "ai_systems");
		bool		excluded = strcmp(decision, "not_applicable") == 0;
		const char *state = ImplementationState(decision, implementation);
		char	   *key = psprintf("%s/%s", standard, control);
		char	   *state_remarks;
		StringInfoData remarks;

		PgImsJsonPut(req, "uuid", PgImsOscalUuid(h->uuid_prefix, "implemented-requirement", key));
		ids[i].id = strcmp(PgImsSpiText(i, "oscal_ids"), "t") == 0 ? control
			: PgImsOscalControlId(standard, control);
		ids[i].standard = standard;
		ids[i].control = control;
		ids[i].oscal = strcmp(PgImsSpiText(i, "oscal_ids"), "t") == 0;
		PgImsJsonPut(req, "control-id", PgImsJsonString(ids[i].id));
		PgImsOscalProp(props, "standard", standard, true);
		PgImsOscalProp(props, "control", control, true);
		PgImsOscalProp(props, "applicability", PgImsSpiText(i, "applicability"), true);
		if (reasons && *reasons)
			for (char *reason = strtok(reasons, " "); reason; reason = strtok(NULL, " "))
				PgImsOscalProp(props, "applicability-reason", reason, true);
		PgImsOscalProp(props, "implementation", implementation, true);
		PgImsOscalProp(props, "current-evidence", PgImsSpiText(i, "current_evidence"), true);
		PgImsOscalProp(props, "fitting-evidence", PgImsSpiText(i, "fitting_evidence"), true);
		PgImsJsonPut(req, "props", props);

		state_remarks = excluded
			? psprintf("Excluded from the Statement of Applicability. Justification: %s",
					   justification ? justification : "none recorded.")
			: NULL;
		PgImsJsonAppend(by_components,
						ByComponent(h, "this-system", key,
									excluded
									? "The management system does not implement this control: the Statement of "
									"Applicability excludes it (see the implementation status)."
									: ThisSystemDescription(implementation),
									state, state_remarks));
		if (ai_systems && !excluded)
			for (char *system = strtok(ai_systems, " "); system; system = strtok(NULL, " "))
			{
				char	   *why = strchr(system, '/');

				*why++ = '\0';
				PgImsJsonAppend(by_components,
								ByComponent(h, psprintf("ai-system/%s", system), key,
											psprintf("%s%s%s",
													 strchr(why, 'r') ? "The control treats risks of this AI system (ims.risk_control). " : "",
													 strchr(why, 'e') ? "Current evidence of the control is recorded for this AI system (ims.ai_system_evidence). " : "",
													 ThisSystemDescription(implementation)),
											state, NULL));
			}
		PgImsJsonPut(req, "by-components", by_components);

		initStringInfo(&remarks);
		appendStringInfo(&remarks, "Justification: %s",
						 justification ? justification : "none recorded.");
		if (owner)
			appendStringInfo(&remarks, "\n\nOwner: %s", owner);
		PgImsJsonPut(req, "remarks", PgImsJsonString(remarks.data));
		PgImsJsonAppend(requirements, req);
	}
	CheckDistinctControlIds(ids, n);
	PgImsJsonPut(ci, "implemented-requirements", requirements);
	return ci;
}

/*
 * The plan's baseline, resolvable: an OSCAL catalog of the controls of
 * the organization's standards that are not withdrawn, one group per
 * standard, each control with the plan's control-id, its title and its
 * label; it travels base64-encoded in a back-matter resource, which
 * import-profile names by "#uuid" (OSCAL lets import-profile name a
 * catalog).
 */
static char *
BaselineCatalog(Datum org, const PlanHeader *h)
{
	cJSON	   *root = PgImsJsonObject();
	cJSON	   *catalog = PgImsJsonObject();
	cJSON	   *metadata = PgImsJsonObject();
	cJSON	   *groups = PgImsJsonArray();
	cJSON	   *group = NULL;
	cJSON	   *controls = NULL;
	const char *group_standard = NULL;
	char	   *text;
	uint64		n;

	PgImsJsonPut(catalog, "uuid", PgImsOscalUuid(h->uuid_prefix, "baseline-catalog", h->profile));
	PgImsJsonPut(metadata, "title",
				 PgImsJsonString(psprintf("Control baseline of %s: %s", h->organization,
										  h->standards ? h->standards : "no standard")));
	PgImsJsonPut(metadata, "last-modified", PgImsJsonString(h->baseline_modified));
	PgImsJsonPut(metadata, "version", PgImsJsonString(h->version));
	PgImsJsonPut(metadata, "oscal-version", PgImsJsonString(OSCAL_VERSION));
	PgImsJsonPut(catalog, "metadata", metadata);

	n = SoaQuery("SELECT c.standard, st.title AS standard_title, c.control_id, c.title, c.display_id, "
				 "       EXISTS (SELECT FROM ims.oscal_catalog g WHERE g.standard = c.standard) AS oscal_ids "
				 "FROM ims.organization o JOIN ims.control c ON c.standard = ANY (o.standards) "
				 "JOIN ims.standard st ON st.code = c.standard "
				 "WHERE o.org_id = $1 AND NOT c.withdrawn "
				 "ORDER BY c.standard COLLATE \"C\", c.ordinal", org);
	for (uint64 i = 0; i < n; i++)
	{
		char	   *standard = PgImsSpiText(i, "standard");
		char	   *control = PgImsSpiText(i, "control_id");
		char	   *label = PgImsSpiText(i, "display_id");
		cJSON	   *c = PgImsJsonObject();

		if (group_standard == NULL || strcmp(group_standard, standard) != 0)
		{
			char	   *group_id = PgImsOscalControlId(standard, "x");

			group_id[strlen(group_id) - 2] = '\0';	/* the standard's part */
			group = PgImsJsonObject();
			controls = PgImsJsonArray();
			PgImsJsonPut(group, "id", PgImsJsonString(group_id));
			PgImsJsonPut(group, "title", PgImsJsonString(PgImsOscalLine(PgImsSpiText(i, "standard_title"))));
			PgImsJsonPut(group, "controls", controls);
			PgImsJsonAppend(groups, group);
			group_standard = standard;
		}
		PgImsJsonPut(c, "id", PgImsJsonString(strcmp(PgImsSpiText(i, "oscal_ids"), "t") == 0
											  ? control : PgImsOscalControlId(standard, control)));
		PgImsJsonPut(c, "title", PgImsJsonString(PgImsOscalLine(PgImsSpiText(i, "title"))));
		if (label)
		{
			cJSON	   *props = PgImsJsonArray();

			PgImsOscalProp(props, "label", label, false);
			PgImsJsonPut(c, "props", props);
		}
		PgImsJsonAppend(controls, c);
	}
	PgImsJsonPut(catalog, "groups", groups);
	PgImsJsonPut(root, "catalog", catalog);
	text = cJSON_PrintUnformatted(root);
	if (text == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory while printing the OSCAL baseline catalog")));
	return text;
}

static cJSON *
BackMatter(Datum org, const PlanHeader *h, cJSON *resource_uuid)
{
	cJSON	   *back = PgImsJsonObject();
	cJSON	   *resources = PgImsJsonArray();
	cJSON	   *resource = PgImsJsonObject();
	cJSON	   *base64 = PgImsJsonObject();
	char	   *catalog = BaselineCatalog(org, h);
	int			len = strlen(catalog);
	char	   *encoded = palloc(pg_b64_enc_len(len) + 1);
	/* through void *: the source is const char * before PostgreSQL 18, const uint8 * since */
	int			encoded_len = pg_b64_encode((const void *) catalog, len, encoded, pg_b64_enc_len(len));

	if (encoded_len < 0)
		elog(ERROR, "OSCAL export: could not encode the baseline catalog");
	encoded[encoded_len] = '\0';
	PgImsJsonPut(resource, "uuid", resource_uuid);
	PgImsJsonPut(resource, "title",
				 PgImsJsonString("Control baseline: the controls of the plan's standards as an OSCAL catalog"));
	PgImsJsonPut(resource, "description",
				 PgImsJsonString("The resolved baseline of this plan (import-profile): every control, not withdrawn, "
								 "of the catalogs loaded in pg_ims for the organization's standards, one group per "
								 "standard, with the control ids the plan uses."));
	PgImsJsonPut(base64, "filename", PgImsJsonString("baseline-catalog.json"));
	PgImsJsonPut(base64, "media-type", PgImsJsonString("application/oscal.catalog+json"));
	PgImsJsonPut(base64, "value", PgImsJsonString(encoded));
	PgImsJsonPut(resource, "base64", base64);
	PgImsJsonAppend(resources, resource);
	PgImsJsonPut(back, "resources", resources);
	return back;
}

static char *
SspText(Datum org)
{
	PlanHeader	h = ReadPlanHeader(org);
	cJSON	   *root = PgImsJsonObject();
	cJSON	   *ssp = PgImsJsonObject();
	cJSON	   *profile = PgImsJsonObject();
	cJSON	   *resource_uuid;
	char	   *text;

	PgImsJsonPut(ssp, "uuid", PgImsOscalUuid(h.uuid_prefix, "system-security-plan",
									   psprintf("%s/%s", h.version, h.status)));
	PgImsJsonPut(ssp, "metadata", Metadata(&h));
	resource_uuid = PgImsOscalUuid(h.uuid_prefix, "resource", "baseline-catalog");
	PgImsJsonPut(profile, "href", PgImsJsonString(psprintf("#%s", cJSON_GetStringValue(resource_uuid))));
	PgImsJsonPut(profile, "remarks",
				 PgImsJsonString(psprintf("The baseline is the catalog in the back-matter resource this href names: "
										  "every control of the catalogs loaded in pg_ims for the standards %s.",
										  h.profile)));
	PgImsJsonPut(ssp, "import-profile", profile);
	PgImsJsonPut(ssp, "system-characteristics", SystemCharacteristics(org, &h));
	PgImsJsonPut(ssp, "system-implementation", SystemImplementation(org, &h));
	PgImsJsonPut(ssp, "control-implementation", ControlImplementation(org, &h));
	PgImsJsonPut(ssp, "back-matter", BackMatter(org, &h, resource_uuid));
	PgImsJsonPut(root, "system-security-plan", ssp);

	text = cJSON_PrintUnformatted(root);
	if (text == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory while printing the OSCAL system security plan")));
	return text;
}

/*
 * ims.export_oscal_ssp(org_id bigint) → jsonb
 */
PG_FUNCTION_INFO_V1(oscal_ssp_export);
Datum
oscal_ssp_export(PG_FUNCTION_ARGS)
{
	return PgImsBuildJsonb(SspText, PG_GETARG_DATUM(0), "pg_ims OSCAL SSP");
}
