/*-------------------------------------------------------------------------
 *
 * oscal_assessment.c
 *	  The validator's findings and the nonconformity register as OSCAL
 *	  1.2.1 assessment results, and what is open of them as an OSCAL 1.2.1
 *	  plan of action and milestones (POA&M), built with cJSON.
 *
 * The items of both documents are the findings of ims.evaluate_findings
 * for the organization (the validator: its rules, ims.finding_rule, are
 * the assessment plan) and the rows of the nonconformity register
 * (ims.nonconformity_record, raised by internal and external audits,
 * management reviews, incidents, complaints or from a finding).  Each item
 * is an OSCAL finding with one observation: the finding's target is the
 * requirement it is against (an Annex A control, with the control-id the
 * system security plan gives it, or a clause), its status not-satisfied;
 * the grade (major, minor, observation), the category, a waiver and the
 * register's state are props in pg_ims's namespace.  The observation
 * carries the evidence recorded for the control (ims.evidence) as
 * relevant-evidence.
 *
 * The assessment results hold every item.  The POA&M holds those that
 * need action: the open nonconformities of the register, each also as an
 * OSCAL risk whose remediations are its corrective actions (owner, due
 * date, status), and the validator's major and minor findings that no
 * waiver accepts; one poam-item per open nonconformity (related to its
 * finding, its risk, and the validator finding it was raised from) and
 * per such finding that no open nonconformity was raised from.
 *
 * UUIDs are those of oscal_common.c, with the keys of the records (the
 * finding's code and ref, the nonconformity's and action's ids), so a
 * finding has one UUID in both documents and in every export; the
 * organization's party and the system id are the plan's.  Times are UTC
 * (RFC 3339, "Z"); a date is its midnight UTC.  Dates are written with
 * to_char, so the DateStyle of the session does not change them.
 *
 * Everything is read through SPI as the caller, so row-level security
 * applies, and every query names the organization by org_id; the
 * functions run with search_path = pg_catalog, pg_temp.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <cjson/cJSON.h>

#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"

#include "json_build.h"
#include "oscal_common.h"
#include "pg_ims_spi.h"
#include "soa_live.h"
#include "pg_ims.h"

static Oid	org_types[] = {INT8OID};
static Oid	nc_types[] = {INT8OID, INT8OID};
static Oid	evidence_types[] = {INT8OID, TEXTOID, TEXTOID};

/* The organization a document is about. */
typedef struct AssessmentHeader
{
	char	   *organization;
	char	   *uuid_prefix;	/* as the plan's (oscal_ssp.c) */
	char	   *history_head;
	char	   *now;			/* RFC 3339, UTC */
	char	   *today;
} AssessmentHeader;

/* One item: a finding of the validator or a nonconformity of the register. */
typedef struct AssessmentItem
{
	bool		nc;				/* of the register */
	char	   *key;			/* code/ref, or nc/id */
	char	   *code;
	char	   *ref;
	char	   *grade;
	char	   *category;
	char	   *standard;
	char	   *requirement;
	char	   *clause;			/* the requirement as its standard numbers it; NULL for a control */
	char	   *target_control; /* the requirement, when it is a control */
	char	   *evidence_control;	/* the control the item concerns, for its evidence */
	bool		oscal_ids;		/* the standard's catalog was imported from OSCAL */
	char	   *requirement_title;
	char	   *message;
	char	   *hint;
	char	   *blocks_approval;
	char	   *waived_until;
	char	   *waiver_justification;
	char	   *waiver_accepted_by;
	bool		needs_action;	/* major or minor, not waived */
	char	   *raised_nc;		/* the open nonconformity raised from it, if any */
	/* of the register */
	char	   *nc_id;
	char	   *source;
	char	   *source_detail;
	char	   *raised_on;
	char	   *status;
	char	   *closed_on;
	char	   *evidence_text;
	char	   *root_cause;
	char	   *correction;
	char	   *next_due;
	char	   *actions_open;
	char	   *finding_key;	/* code/ref of the finding it was raised from */
	bool		open;
} AssessmentItem;

static AssessmentHeader
ReadHeader(Datum org)
{
	AssessmentHeader h;

	PgImsSpiRun("SELECT ims.require_org_access($1, 'read')", 1, org_types, &org, false, 0);
	if (SoaQuery("SELECT o.name, 'pg_ims/' || o.org_id || '/' || extract(epoch FROM o.created_at)::text AS uuid_prefix, "
				 "       to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS now, "
				 "       to_char(current_date, 'YYYY-MM-DD') AS today "
				 "FROM ims.organization o WHERE o.org_id = $1", org) != 1)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("organization " INT64_FORMAT " does not exist", DatumGetInt64(org))));
	h.organization = PgImsSpiText(0, "name");
	h.uuid_prefix = PgImsSpiText(0, "uuid_prefix");
	h.now = PgImsSpiText(0, "now");
	h.today = PgImsSpiText(0, "today");
	h.history_head = PgImsHistoryHead(org);
	return h;
}

/*
 * The items of the organization: the validator's findings in the
 * validator's order, then the register by nc_id.  A control target is
 * the requirement when it is an Annex A control; the control the evidence
 * is of is that one or the control the ref names (SOA findings name their
 * entry's control, "ISO 27001 A.5.7").  A clause is numbered as its
 * standard numbers it (ims.finding_requirement), or as the harmonized
 * structure does when the finding concerns both standards.
 */
static const char *const items_sql =
"WITH f AS ("
"  SELECT f.*, row_number() OVER (PARTITION BY f.code, f.ref ORDER BY f.ordinality) AS dup "
"  FROM ims.evaluate_findings(ARRAY[$1]::bigint[], false) WITH ORDINALITY AS f WHERE f.org_id = $1), "
"n AS ("
"  SELECT n.*, x.status, x.source_detail, x.next_due, x.actions_open "
"  FROM ims.nonconformity_record n "
"  JOIN ims.report_nonconformity_register x ON x.org_id = n.org_id AND x.nc_id = n.nc_id "
"  WHERE n.org_id = $1 AND x.org_id = $1) "
"SELECT false AS nc, f.ordinality AS ord, "
"       f.code || '/' || f.ref || CASE WHEN f.dup > 1 THEN '/' || f.dup ELSE '' END AS key, "
"       f.code, f.ref, f.grade, f.category, f.standard, f.requirement, "
"       CASE WHEN f.requirement !~ '^A\\.' THEN regexp_replace(coalesce(CASE f.standard WHEN 'iso27001:2022' THEN r.iso27001 "
"            WHEN 'iso42001:2023' THEN r.iso42001 END, f.requirement), '\\)', '', 'g') END AS clause, "
"       CASE WHEN f.requirement ~ '^A\\.' THEN f.requirement END AS target_control, "
"       coalesce(rc.control_id, CASE WHEN f.requirement ~ '^A\\.' THEN f.requirement END) AS evidence_control, "
"       EXISTS (SELECT FROM ims.oscal_catalog g WHERE g.standard = f.standard) AS oscal_ids, "
"       coalesce(c.title, r.title, (SELECT k.title FROM ims.clause k WHERE k.number = f.requirement "
"                                   AND (f.standard IS NULL OR k.standard = f.standard) ORDER BY k.standard LIMIT 1)) AS requirement_title, "
"       f.message, f.hint, f.blocks_approval::text AS blocks_approval, to_char(f.waived_until, 'YYYY-MM-DD') AS waived_until, "
"       w.justification AS waiver_justification, w.accepted_by AS waiver_accepted_by, "
"       f.waived_until IS NULL AND f.grade <> 'observation' AS needs_action, "
"       (SELECT min(o.nc_id)::text FROM n o WHERE o.source = 'validator_finding' AND o.finding_code = f.code "
"        AND o.finding_ref = f.ref AND o.closed_on IS NULL) AS raised_nc, "
"       NULL AS nc_id, NULL AS source, NULL AS source_detail, NULL AS raised_on, NULL AS status, NULL AS closed_on, "
"       NULL AS evidence_text, NULL AS root_cause, NULL AS correction, NULL AS next_due, NULL AS actions_open, "
"       NULL AS finding_key, f.waived_until IS NULL AND f.grade <> 'observation' AS open "
"FROM f "
"LEFT JOIN ims.finding_requirement r ON r.requirement = f.requirement "
"LEFT JOIN ims.control c ON c.standard = f.standard AND c.control_id = f.requirement "
"LEFT JOIN LATERAL (SELECT k.control_id FROM ims.control k WHERE k.standard = f.standard "
"                   AND ims.standard_label(k.standard) || ' ' || k.control_id = f.ref LIMIT 1) AS rc ON true "
"LEFT JOIN LATERAL (SELECT w.justification, w.accepted_by FROM ims.finding_waiver w "
"                   WHERE w.org_id = $1 AND w.code = f.code AND w.ref = f.ref AND w.expires_on = f.waived_until "
"                   ORDER BY w.waiver_id DESC LIMIT 1) AS w ON true "
"UNION ALL "
"SELECT true, n.nc_id, 'nc/' || n.nc_id, n.finding_code, n.finding_ref, n.grade, 'nonconformity', n.standard, n.requirement, "
"       CASE WHEN n.requirement !~ '^A\\.' THEN n.requirement END, "
"       CASE WHEN n.requirement ~ '^A\\.' THEN n.requirement END, "
"       CASE WHEN n.requirement ~ '^A\\.' THEN n.requirement END, "
"       EXISTS (SELECT FROM ims.oscal_catalog g WHERE g.standard = n.standard), "
"       coalesce(c.title, (SELECT k.title FROM ims.clause k WHERE k.number = n.requirement "
"                          AND (n.standard IS NULL OR k.standard = n.standard) ORDER BY k.standard LIMIT 1)), "
"       n.description, NULL, NULL, NULL, NULL, NULL, n.closed_on IS NULL, NULL, "
"       n.nc_id::text, n.source, n.source_detail, to_char(n.raised_on, 'YYYY-MM-DD'), n.status, to_char(n.closed_on, 'YYYY-MM-DD'), "
"       n.evidence, n.root_cause, n.correction, to_char(n.next_due, 'YYYY-MM-DD'), n.actions_open::text, "
"       n.finding_code || '/' || n.finding_ref, n.closed_on IS NULL "
"FROM n LEFT JOIN ims.control c ON c.standard = n.standard AND c.control_id = n.requirement "
"ORDER BY 1, 2";

static AssessmentItem *
ReadItems(Datum org, uint64 *count)
{
	uint64		n = SoaQuery(items_sql, org);
	AssessmentItem	   *items = palloc0(sizeof(AssessmentItem) * (n + 1));

	for (uint64 i = 0; i < n; i++)
	{
		AssessmentItem	   *it = &items[i];

		it->nc = strcmp(PgImsSpiText(i, "nc"), "t") == 0;
		it->key = PgImsSpiText(i, "key");
		it->code = PgImsSpiText(i, "code");
		it->ref = PgImsSpiText(i, "ref");
		it->grade = PgImsSpiText(i, "grade");
		it->category = PgImsSpiText(i, "category");
		it->standard = PgImsSpiText(i, "standard");
		it->requirement = PgImsSpiText(i, "requirement");
		it->clause = PgImsSpiText(i, "clause");
		it->target_control = PgImsSpiText(i, "target_control");
		it->evidence_control = PgImsSpiText(i, "evidence_control");
		it->oscal_ids = strcmp(PgImsSpiText(i, "oscal_ids"), "t") == 0;
		it->requirement_title = PgImsSpiText(i, "requirement_title");
		it->message = PgImsSpiText(i, "message");
		it->hint = PgImsSpiText(i, "hint");
		it->blocks_approval = PgImsSpiText(i, "blocks_approval");
		it->waived_until = PgImsSpiText(i, "waived_until");
		it->waiver_justification = PgImsSpiText(i, "waiver_justification");
		it->waiver_accepted_by = PgImsSpiText(i, "waiver_accepted_by");
		it->needs_action = strcmp(PgImsSpiText(i, "needs_action"), "t") == 0;
		it->raised_nc = PgImsSpiText(i, "raised_nc");
		it->nc_id = PgImsSpiText(i, "nc_id");
		it->source = PgImsSpiText(i, "source");
		it->source_detail = PgImsSpiText(i, "source_detail");
		it->raised_on = PgImsSpiText(i, "raised_on");
		it->status = PgImsSpiText(i, "status");
		it->closed_on = PgImsSpiText(i, "closed_on");
		it->evidence_text = PgImsSpiText(i, "evidence_text");
		it->root_cause = PgImsSpiText(i, "root_cause");
		it->correction = PgImsSpiText(i, "correction");
		it->next_due = PgImsSpiText(i, "next_due");
		it->actions_open = PgImsSpiText(i, "actions_open");
		it->finding_key = PgImsSpiText(i, "finding_key");
		it->open = strcmp(PgImsSpiText(i, "open"), "t") == 0;
	}
	*count = n;
	return items;
}

/* A date as OSCAL's date-time with a time zone: its midnight UTC. */
static char *
DateTime(const char *date)
{
	return psprintf("%sT00:00:00Z", date);
}

static char *
FindingUuid(const AssessmentHeader *h, const char *key)
{
	return PgImsOscalUuidText(h->uuid_prefix, "finding", key);
}

/*
 * The target-id of an item: the plan's control-id for a control, a clause
 * as clause-NUMBER (qualified by its standard when the item concerns one,
 * the number then being that standard's), and "management-system" for a
 * certification blocker no clause sets.
 */
static char *
TargetId(const AssessmentItem *it)
{
	if (it->target_control && it->standard)
		return it->oscal_ids ? it->target_control : PgImsOscalControlId(it->standard, it->target_control);
	if (it->clause)
		return it->standard ? PgImsOscalControlId(it->standard, psprintf("clause-%s", it->clause))
			: PgImsOscalToken(psprintf("clause-%s", it->clause));
	return "management-system";
}

static cJSON *
Target(const AssessmentItem *it)
{
	cJSON	   *target = PgImsJsonObject();
	cJSON	   *props = PgImsJsonArray();
	cJSON	   *status = PgImsJsonObject();
	const char *what = it->target_control ? "control" : it->clause ? "clause" : NULL;

	PgImsJsonPut(target, "type", PgImsJsonString("objective-id"));
	PgImsJsonPut(target, "target-id", PgImsJsonString(TargetId(it)));
	if (what)
		PgImsJsonPut(target, "title",
					 PgImsJsonString(psprintf("%s %s %s%s%s", it->standard ? it->standard : "ISO 27001 and ISO 42001",
											  what, it->target_control ? it->target_control : it->clause,
											  it->requirement_title ? ": " : "",
											  it->requirement_title ? it->requirement_title : "")));
	else
		PgImsJsonPut(target, "title",
					 PgImsJsonString("The management system as a whole (no clause sets this requirement)"));
	if (it->standard)
		PgImsOscalProp(props, "standard", it->standard, true);
	if (it->target_control)
		PgImsOscalProp(props, "control", it->target_control, true);
	if (it->clause)
		PgImsOscalProp(props, "clause", it->clause, true);
	if (it->requirement)
		PgImsOscalProp(props, "requirement", it->requirement, true);
	if (cJSON_GetArraySize(props) > 0)
		PgImsJsonPut(target, "props", props);
	else
		cJSON_Delete(props);
	PgImsJsonPut(status, "state", PgImsJsonString("not-satisfied"));
	PgImsJsonPut(status, "reason", PgImsJsonString("fail"));
	if (it->waived_until)
		PgImsJsonPut(status, "remarks",
					 PgImsJsonString(psprintf("Accepted by a waiver until %s (ims.finding_waiver)%s%s",
											  it->waived_until,
											  it->waiver_justification ? ": " : ".",
											  it->waiver_justification ? it->waiver_justification : "")));
	else if (it->nc && it->closed_on)
		PgImsJsonPut(status, "remarks",
					 PgImsJsonString(psprintf("Found on %s; closed on %s after a review found the corrective actions effective.",
											  it->raised_on, it->closed_on)));
	PgImsJsonPut(target, "status", status);
	return target;
}

/* The evidence recorded for the control an item concerns, as relevant-evidence; NULL for none. */
static cJSON *
RelevantEvidence(Datum org, const AssessmentItem *it)
{
	Datum		args[3];
	cJSON	   *evidence = PgImsJsonArray();
	uint64		n;

	if (it->nc && it->evidence_text)
	{
		cJSON	   *e = PgImsJsonObject();

		PgImsJsonPut(e, "description", PgImsJsonString(it->evidence_text));
		PgImsJsonAppend(evidence, e);
	}
	if (it->evidence_control && it->standard)
	{
		args[0] = org;
		args[1] = CStringGetTextDatum(it->standard);
		args[2] = CStringGetTextDatum(it->evidence_control);
		n = PgImsSpiRun("SELECT e.evidence_id::text AS evidence_id, e.kind, e.title, to_char(e.collected_on, 'YYYY-MM-DD') AS collected_on, "
						"       to_char(e.valid_until, 'YYYY-MM-DD') AS valid_until, e.file_sha256, e.collected_by, e.reviewed_by, "
						"       CASE WHEN e.uri ~ '^[A-Za-z][A-Za-z0-9+.-]*:[^[:space:]<>\"{}|\\\\^`]*$' THEN e.uri END AS href, "
						"       e.uri, "
						"       e.valid_until IS NULL OR e.valid_until >= current_date AS current "
						"FROM ims.evidence e WHERE e.org_id = $1 AND e.standard = $2 AND e.control_id = $3 "
						"ORDER BY e.collected_on DESC, e.evidence_id",
						3, evidence_types, args, true, 0);
		for (uint64 i = 0; i < n; i++)
		{
			cJSON	   *e = PgImsJsonObject();
			cJSON	   *props = PgImsJsonArray();
			char	   *href = PgImsSpiText(i, "href");
			char	   *uri = PgImsSpiText(i, "uri");

			if (href)
				PgImsJsonPut(e, "href", PgImsJsonString(href));
			PgImsJsonPut(e, "description",
						 PgImsJsonString(psprintf("%s (evidence %s of %s %s, %s)", PgImsSpiText(i, "title"),
												  PgImsSpiText(i, "evidence_id"), it->standard, it->evidence_control,
												  PgImsSpiText(i, "kind"))));
			PgImsOscalProp(props, "evidence-id", PgImsSpiText(i, "evidence_id"), true);
			PgImsOscalProp(props, "evidence-kind", PgImsSpiText(i, "kind"), true);
			PgImsOscalProp(props, "collected-on", PgImsSpiText(i, "collected_on"), true);
			if (PgImsSpiText(i, "valid_until"))
				PgImsOscalProp(props, "valid-until", PgImsSpiText(i, "valid_until"), true);
			PgImsOscalProp(props, "current", strcmp(PgImsSpiText(i, "current"), "t") == 0 ? "true" : "false", true);
			if (PgImsSpiText(i, "file_sha256"))
				PgImsOscalProp(props, "file-sha256", PgImsSpiText(i, "file_sha256"), true);
			if (PgImsSpiText(i, "collected_by"))
				PgImsOscalProp(props, "collected-by", PgImsSpiText(i, "collected_by"), true);
			if (PgImsSpiText(i, "reviewed_by"))
				PgImsOscalProp(props, "reviewed-by", PgImsSpiText(i, "reviewed_by"), true);
			if (uri && !href)
				PgImsOscalProp(props, "uri", uri, true);
			PgImsJsonPut(e, "props", props);
			PgImsJsonAppend(evidence, e);
		}
	}
	if (cJSON_GetArraySize(evidence) == 0)
	{
		cJSON_Delete(evidence);
		return NULL;
	}
	return evidence;
}

/* The observation of an item: what was seen, and the evidence. */
static cJSON *
Observation(Datum org, const AssessmentHeader *h, const AssessmentItem *it)
{
	cJSON	   *o = PgImsJsonObject();
	cJSON	   *methods = PgImsJsonArray();
	cJSON	   *types = PgImsJsonArray();
	cJSON	   *props = PgImsJsonArray();
	cJSON	   *evidence = RelevantEvidence(org, it);

	PgImsJsonPut(o, "uuid", PgImsOscalUuid(h->uuid_prefix, "observation", it->key));
	PgImsJsonPut(o, "title",
				 PgImsJsonString(it->nc ? psprintf("Nonconformity %s (%s)", it->nc_id, it->source_detail)
								 : psprintf("%s: %s", it->code, it->ref)));
	PgImsJsonPut(o, "description", PgImsJsonString(it->message));
	PgImsOscalProp(props, "source", it->nc ? it->source : "validator", true);
	PgImsJsonPut(o, "props", props);
	/* the validator examines the record; the register does not say how a nonconformity was found */
	PgImsJsonAppend(methods, PgImsJsonString(it->nc ? "UNKNOWN" : "EXAMINE"));
	PgImsJsonPut(o, "methods", methods);
	PgImsJsonAppend(types, PgImsJsonString("finding"));
	PgImsJsonPut(o, "types", types);
	if (evidence)
		PgImsJsonPut(o, "relevant-evidence", evidence);
	PgImsJsonPut(o, "collected", PgImsJsonString(it->nc ? DateTime(it->raised_on) : h->now));
	return o;
}

static cJSON *
UuidRef(const char *key, const char *uuid)
{
	cJSON	   *r = PgImsJsonObject();

	PgImsJsonPut(r, key, PgImsJsonString(uuid));
	return r;
}

/* The finding of an item; with_risk: related to its nonconformity's risk (POA&M). */
static cJSON *
Finding(const AssessmentHeader *h, const AssessmentItem *it, bool with_risk)
{
	cJSON	   *f = PgImsJsonObject();
	cJSON	   *props = PgImsJsonArray();
	cJSON	   *observations = PgImsJsonArray();
	StringInfoData remarks;

	PgImsJsonPut(f, "uuid", PgImsJsonString(FindingUuid(h, it->key)));
	PgImsJsonPut(f, "title",
				 PgImsJsonString(it->nc ? psprintf("Nonconformity %s: %s", it->nc_id, it->source_detail)
								 : psprintf("%s: %s", it->code, it->ref)));
	PgImsJsonPut(f, "description", PgImsJsonString(it->message));
	PgImsOscalProp(props, "grade", it->grade, true);
	PgImsOscalProp(props, "category", it->category, true);
	if (it->nc)
	{
		PgImsOscalProp(props, "nonconformity", it->nc_id, true);
		PgImsOscalProp(props, "source", it->source, true);
		PgImsOscalProp(props, "raised-on", it->raised_on, true);
		PgImsOscalProp(props, "nonconformity-status", it->status, true);
		if (it->closed_on)
			PgImsOscalProp(props, "closed-on", it->closed_on, true);
		if (it->code)
			PgImsOscalProp(props, "finding-code", it->code, true);
	}
	else
	{
		PgImsOscalProp(props, "finding-code", it->code, true);
		PgImsOscalProp(props, "blocks-approval", it->blocks_approval, true);
		PgImsOscalProp(props, "waived", it->waived_until ? "true" : "false", true);
		if (it->waived_until)
		{
			PgImsOscalProp(props, "waived-until", it->waived_until, true);
			if (it->waiver_accepted_by)
				PgImsOscalProp(props, "waiver-accepted-by", it->waiver_accepted_by, true);
		}
		if (it->raised_nc)
			PgImsOscalProp(props, "raised-as-nonconformity", it->raised_nc, true);
	}
	PgImsJsonPut(f, "props", props);
	PgImsJsonPut(f, "target", Target(it));
	PgImsJsonAppend(observations, UuidRef("observation-uuid",
										  PgImsOscalUuidText(h->uuid_prefix, "observation", it->key)));
	PgImsJsonPut(f, "related-observations", observations);
	if (with_risk && it->nc && it->open)
	{
		cJSON	   *risks = PgImsJsonArray();

		PgImsJsonAppend(risks, UuidRef("risk-uuid", PgImsOscalUuidText(h->uuid_prefix, "risk", it->key)));
		PgImsJsonPut(f, "related-risks", risks);
	}
	initStringInfo(&remarks);
	if (it->hint)
		appendStringInfo(&remarks, "What to do: %s", it->hint);
	if (it->nc)
	{
		if (it->correction)
			appendStringInfo(&remarks, "Correction: %s", it->correction);
		if (it->root_cause)
			appendStringInfo(&remarks, "%sCause: %s", remarks.len ? "\n\n" : "", it->root_cause);
	}
	if (remarks.len)
		PgImsJsonPut(f, "remarks", PgImsJsonString(remarks.data));
	return f;
}

static cJSON *
Metadata(const AssessmentHeader *h, const char *title, cJSON *props, cJSON *extra_parties,
		 const char *const (*roles)[2], int nroles)
{
	cJSON	   *metadata = PgImsJsonObject();
	cJSON	   *role_array = PgImsJsonArray();
	cJSON	   *parties = PgImsJsonArray();

	PgImsJsonPut(metadata, "title", PgImsJsonString(title));
	PgImsJsonPut(metadata, "last-modified", PgImsJsonString(h->now));
	PgImsJsonPut(metadata, "version", PgImsJsonString(h->today));
	PgImsJsonPut(metadata, "oscal-version", PgImsJsonString(OSCAL_VERSION));
	if (h->history_head)
		PgImsOscalProp(props, "history-head", h->history_head, true);
	PgImsJsonPut(metadata, "props", props);
	for (int i = 0; i < nroles; i++)
		PgImsOscalRole(role_array, roles[i][0], roles[i][1]);
	PgImsJsonPut(metadata, "roles", role_array);
	PgImsJsonAppend(parties, PgImsOscalOrganizationParty(h->uuid_prefix, h->organization));
	if (extra_parties)
	{
		cJSON	   *p;

		while ((p = cJSON_DetachItemFromArray(extra_parties, 0)) != NULL)
			PgImsJsonAppend(parties, p);
		cJSON_Delete(extra_parties);
	}
	PgImsJsonPut(metadata, "parties", parties);
	return metadata;
}

static char *
Print(cJSON *root, const char *what)
{
	char	   *text = cJSON_PrintUnformatted(root);

	if (text == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory while printing the OSCAL %s", what)));
	return text;
}

static const char *const ar_roles[][2] = {
	{"assessor", "Assessor: the pg_ims validator, and the auditors of the nonconformity register"}
};

static char *
AssessmentResultsText(Datum org)
{
	AssessmentHeader h = ReadHeader(org);
	uint64		n;
	AssessmentItem	   *items = ReadItems(org, &n);
	cJSON	   *root = PgImsJsonObject();
	cJSON	   *ar = PgImsJsonObject();
	cJSON	   *props = PgImsJsonArray();
	cJSON	   *ap = PgImsJsonObject();
	cJSON	   *results = PgImsJsonArray();
	cJSON	   *result = PgImsJsonObject();
	cJSON	   *reviewed = PgImsJsonObject();
	cJSON	   *selections = PgImsJsonArray();
	cJSON	   *selection = PgImsJsonObject();
	cJSON	   *observations = PgImsJsonArray();
	cJSON	   *findings = PgImsJsonArray();
	cJSON	   *back = PgImsJsonObject();
	cJSON	   *resources = PgImsJsonArray();
	cJSON	   *resource = PgImsJsonObject();
	char	   *plan_uuid = PgImsOscalUuidText(h.uuid_prefix, "resource", "assessment-plan");
	int			validator = 0,
				register_ncs = 0;

	for (uint64 i = 0; i < n; i++)
	{
		PgImsJsonAppend(observations, Observation(org, &h, &items[i]));
		PgImsJsonAppend(findings, Finding(&h, &items[i], false));
		if (items[i].nc)
			register_ncs++;
		else
			validator++;
	}

	PgImsJsonPut(ar, "uuid", PgImsOscalUuid(h.uuid_prefix, "assessment-results", NULL));
	PgImsOscalProp(props, "validator-findings", psprintf("%d", validator), true);
	PgImsOscalProp(props, "register-nonconformities", psprintf("%d", register_ncs), true);
	PgImsJsonPut(ar, "metadata",
				 Metadata(&h, psprintf("%s: findings of the pg_ims validator and the nonconformity register",
									   h.organization),
						  props, NULL, ar_roles, lengthof(ar_roles)));
	PgImsJsonPut(ap, "href", PgImsJsonString(psprintf("#%s", plan_uuid)));
	PgImsJsonPut(ap, "remarks",
				 PgImsJsonString("pg_ims keeps no OSCAL assessment plan: the plan is the validator's rules "
								 "(ims.finding_rule, docs/findings.md), described by the back-matter resource this href names."));
	PgImsJsonPut(ar, "import-ap", ap);

	PgImsJsonPut(result, "uuid", PgImsOscalUuid(h.uuid_prefix, "result", "validator"));
	PgImsJsonPut(result, "title",
				 PgImsJsonString(psprintf("Findings of %s's record on %s", h.organization, h.today)));
	PgImsJsonPut(result, "description",
				 PgImsJsonString(psprintf("%d findings of the pg_ims validator (ims.evaluate_findings) and %d "
										  "nonconformities of the register (ims.nonconformity_record), each with its "
										  "target: the control or clause it is against, not satisfied. Grades, "
										  "categories, waivers and the register's state are props in the namespace %s.",
										  validator, register_ncs, PG_IMS_OSCAL_NS)));
	PgImsJsonPut(result, "start", PgImsJsonString(h.now));
	PgImsJsonPut(reviewed, "description",
				 PgImsJsonString("Every control and clause of the organization's standards: the validator "
								 "evaluates the whole record."));
	PgImsJsonPut(selection, "include-all", PgImsJsonObject());
	PgImsJsonAppend(selections, selection);
	PgImsJsonPut(reviewed, "control-selections", selections);
	PgImsJsonPut(result, "reviewed-controls", reviewed);
	if (n > 0)
	{
		PgImsJsonPut(result, "observations", observations);
		PgImsJsonPut(result, "findings", findings);
	}
	else
	{
		cJSON_Delete(observations);
		cJSON_Delete(findings);
	}
	PgImsJsonAppend(results, result);
	PgImsJsonPut(ar, "results", results);

	PgImsJsonPut(resource, "uuid", PgImsJsonString(plan_uuid));
	PgImsJsonPut(resource, "title", PgImsJsonString("Assessment plan: the rules of the pg_ims validator"));
	PgImsJsonPut(resource, "description",
				 PgImsJsonString("The validator evaluates the organization's whole record against the rules of "
								 "ims.finding_rule, each citing the clause or control it checks (docs/findings.md); "
								 "the nonconformity register records what audits, reviews, incidents and complaints found."));
	PgImsJsonAppend(resources, resource);
	PgImsJsonPut(back, "resources", resources);
	PgImsJsonPut(ar, "back-matter", back);
	PgImsJsonPut(root, "assessment-results", ar);
	return Print(root, "assessment results");
}

static const char *const poam_roles[][2] = {
	{"action-owner", "Owner of a corrective action"}
};

/* The party of a person, once per name. */
static void
AddPersonParty(cJSON *parties, const AssessmentHeader *h, const char *name)
{
	char	   *uuid = PgImsOscalUuidText(h->uuid_prefix, "person", name);
	cJSON	   *p;

	cJSON_ArrayForEach(p, parties)
		if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "uuid")), uuid) == 0)
		return;
	p = PgImsJsonObject();
	PgImsJsonPut(p, "uuid", PgImsJsonString(uuid));
	PgImsJsonPut(p, "type", PgImsJsonString("person"));
	PgImsJsonPut(p, "name", PgImsJsonString(PgImsOscalLine(name)));
	PgImsJsonAppend(parties, p);
}

/*
 * The risk of an open nonconformity: its cause is the statement, its
 * corrective actions the remediations, each with a milestone on its due
 * date and its owner in the role action-owner.
 */
static cJSON *
NonconformityRisk(Datum org, const AssessmentHeader *h, const AssessmentItem *it, cJSON *parties)
{
	cJSON	   *risk = PgImsJsonObject();
	cJSON	   *props = PgImsJsonArray();
	cJSON	   *remediations = PgImsJsonArray();
	cJSON	   *observations = PgImsJsonArray();
	Datum		args[2];
	uint64		n;

	PgImsJsonPut(risk, "uuid", PgImsOscalUuid(h->uuid_prefix, "risk", it->key));
	PgImsJsonPut(risk, "title",
				 PgImsJsonString(psprintf("Nonconformity %s: %s %s", it->nc_id,
										  it->standard ? it->standard : "ISO 27001 and ISO 42001",
										  it->requirement ? it->requirement : "")));
	PgImsJsonPut(risk, "description", PgImsJsonString(it->message));
	PgImsJsonPut(risk, "statement",
				 PgImsJsonString(it->root_cause ? psprintf("Cause: %s", it->root_cause)
								 : "The cause is not determined yet (10.2 b)."));
	PgImsOscalProp(props, "grade", it->grade, true);
	PgImsOscalProp(props, "nonconformity", it->nc_id, true);
	PgImsOscalProp(props, "nonconformity-status", it->status, true);
	PgImsJsonPut(risk, "props", props);
	PgImsJsonPut(risk, "status",
				 PgImsJsonString(it->actions_open && strcmp(it->actions_open, "0") != 0 ? "remediating" : "open"));
	if (it->next_due)
		PgImsJsonPut(risk, "deadline", PgImsJsonString(DateTime(it->next_due)));

	args[0] = org;
	args[1] = Int64GetDatum(pg_strtoint64(it->nc_id));
	n = PgImsSpiRun("SELECT a.action_id::text AS action_id, a.description, a.owner, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, "
					"       a.status, to_char(a.done_on, 'YYYY-MM-DD') AS done_on "
					"FROM ims.corrective_action a WHERE a.org_id = $1 AND a.nc_id = $2 ORDER BY a.action_id",
					2, nc_types, args, true, 0);
	for (uint64 i = 0; i < n; i++)
	{
		char	   *action = PgImsSpiText(i, "action_id");
		char	   *owner = PgImsSpiText(i, "owner");
		char	   *status = PgImsSpiText(i, "status");
		char	   *done_on = PgImsSpiText(i, "done_on");
		bool		planned = strcmp(status, "open") == 0 || strcmp(status, "in_progress") == 0;
		cJSON	   *response = PgImsJsonObject();
		cJSON	   *rprops = PgImsJsonArray();
		cJSON	   *tasks = PgImsJsonArray();
		cJSON	   *task = PgImsJsonObject();
		cJSON	   *timing = PgImsJsonObject();
		cJSON	   *on_date = PgImsJsonObject();
		cJSON	   *roles = PgImsJsonArray();
		cJSON	   *role = PgImsJsonObject();
		cJSON	   *party_uuids = PgImsJsonArray();

		PgImsJsonPut(response, "uuid", PgImsOscalUuid(h->uuid_prefix, "response", psprintf("action/%s", action)));
		PgImsJsonPut(response, "lifecycle", PgImsJsonString(planned ? "planned" : "completed"));
		PgImsJsonPut(response, "title", PgImsJsonString(psprintf("Corrective action %s", action)));
		PgImsJsonPut(response, "description", PgImsJsonString(PgImsSpiText(i, "description")));
		PgImsOscalProp(rprops, "corrective-action", action, true);
		PgImsOscalProp(rprops, "action-status", status, true);
		PgImsOscalProp(rprops, "owner", owner, true);
		PgImsOscalProp(rprops, "due-on", PgImsSpiText(i, "due_on"), true);
		if (done_on)
			PgImsOscalProp(rprops, "done-on", done_on, true);
		PgImsJsonPut(response, "props", rprops);
		PgImsJsonPut(task, "uuid", PgImsOscalUuid(h->uuid_prefix, "task", psprintf("action/%s", action)));
		PgImsJsonPut(task, "type", PgImsJsonString("milestone"));
		PgImsJsonPut(task, "title", PgImsJsonString(psprintf("Corrective action %s due", action)));
		PgImsJsonPut(on_date, "date", PgImsJsonString(DateTime(PgImsSpiText(i, "due_on"))));
		PgImsJsonPut(timing, "on-date", on_date);
		PgImsJsonPut(task, "timing", timing);
		PgImsJsonPut(role, "role-id", PgImsJsonString("action-owner"));
		PgImsJsonAppend(party_uuids, PgImsOscalUuid(h->uuid_prefix, "person", owner));
		PgImsJsonPut(role, "party-uuids", party_uuids);
		PgImsJsonAppend(roles, role);
		PgImsJsonPut(task, "responsible-roles", roles);
		PgImsJsonAppend(tasks, task);
		PgImsJsonPut(response, "tasks", tasks);
		PgImsJsonAppend(remediations, response);
		AddPersonParty(parties, h, owner);
	}
	if (n > 0)
		PgImsJsonPut(risk, "remediations", remediations);
	else
		cJSON_Delete(remediations);
	PgImsJsonAppend(observations, UuidRef("observation-uuid",
										  PgImsOscalUuidText(h->uuid_prefix, "observation", it->key)));
	PgImsJsonPut(risk, "related-observations", observations);
	return risk;
}

/* Is the validator finding key in the POA&M: it needs action, or an open nonconformity was raised from it. */
static bool
InPoam(const AssessmentItem *items, uint64 n, const AssessmentItem *it)
{
	if (it->nc)
		return it->open;
	if (it->needs_action)
		return true;
	for (uint64 i = 0; i < n; i++)
		if (items[i].nc && items[i].open && items[i].finding_key && strcmp(items[i].finding_key, it->key) == 0)
			return true;
	return false;
}

static const AssessmentItem *
FindingOfKey(const AssessmentItem *items, uint64 n, const char *key)
{
	for (uint64 i = 0; i < n; i++)
		if (!items[i].nc && strcmp(items[i].key, key) == 0)
			return &items[i];
	return NULL;
}

static char *
PoamText(Datum org)
{
	AssessmentHeader h = ReadHeader(org);
	uint64		n;
	AssessmentItem	   *items = ReadItems(org, &n);
	cJSON	   *root = PgImsJsonObject();
	cJSON	   *poam = PgImsJsonObject();
	cJSON	   *props = PgImsJsonArray();
	cJSON	   *system_id = PgImsJsonObject();
	cJSON	   *observations = PgImsJsonArray();
	cJSON	   *risks = PgImsJsonArray();
	cJSON	   *findings = PgImsJsonArray();
	cJSON	   *poam_items = PgImsJsonArray();
	cJSON	   *parties = PgImsJsonArray();
	int			open_ncs = 0,
				open_findings = 0;

	for (uint64 i = 0; i < n; i++)
	{
		const AssessmentItem *it = &items[i];
		cJSON	   *item;
		cJSON	   *iprops;
		cJSON	   *related_findings;
		cJSON	   *related_observations;

		if (!InPoam(items, n, it))
			continue;
		PgImsJsonAppend(observations, Observation(org, &h, it));
		PgImsJsonAppend(findings, Finding(&h, it, true));
		if (it->nc)
			PgImsJsonAppend(risks, NonconformityRisk(org, &h, it, parties));
		/* a validator finding an open nonconformity was raised from is planned there */
		if (!it->nc && (!it->needs_action || it->raised_nc))
			continue;
		item = PgImsJsonObject();
		iprops = PgImsJsonArray();
		related_findings = PgImsJsonArray();
		related_observations = PgImsJsonArray();
		PgImsJsonPut(item, "uuid", PgImsOscalUuid(h.uuid_prefix, "poam-item", it->key));
		PgImsJsonPut(item, "title",
					 PgImsJsonString(it->nc ? psprintf("Nonconformity %s: %s", it->nc_id, it->source_detail)
									 : psprintf("%s: %s", it->code, it->ref)));
		PgImsJsonPut(item, "description", PgImsJsonString(it->message));
		if (it->nc)
			PgImsJsonPut(item, "remarks",
						 PgImsJsonString("The corrective actions are the remediations of the related risk."));
		else if (it->hint)
			PgImsJsonPut(item, "remarks", PgImsJsonString(psprintf("What to do: %s", it->hint)));
		PgImsOscalProp(iprops, "grade", it->grade, true);
		if (it->nc)
		{
			PgImsOscalProp(iprops, "nonconformity", it->nc_id, true);
			PgImsOscalProp(iprops, "nonconformity-status", it->status, true);
			PgImsOscalProp(iprops, "raised-on", it->raised_on, true);
			open_ncs++;
		}
		else
		{
			PgImsOscalProp(iprops, "finding-code", it->code, true);
			PgImsOscalProp(iprops, "blocks-approval", it->blocks_approval, true);
			open_findings++;
		}
		PgImsJsonPut(item, "props", iprops);
		PgImsJsonAppend(related_findings, UuidRef("finding-uuid", FindingUuid(&h, it->key)));
		PgImsJsonAppend(related_observations, UuidRef("observation-uuid",
													  PgImsOscalUuidText(h.uuid_prefix, "observation", it->key)));
		if (it->nc && it->finding_key)
		{
			const AssessmentItem *from = FindingOfKey(items, n, it->finding_key);

			if (from)
			{
				PgImsJsonAppend(related_findings, UuidRef("finding-uuid", FindingUuid(&h, from->key)));
				PgImsJsonAppend(related_observations,
								UuidRef("observation-uuid",
										PgImsOscalUuidText(h.uuid_prefix, "observation", from->key)));
			}
		}
		PgImsJsonPut(item, "related-findings", related_findings);
		PgImsJsonPut(item, "related-observations", related_observations);
		if (it->nc)
		{
			cJSON	   *related_risks = PgImsJsonArray();

			PgImsJsonAppend(related_risks, UuidRef("risk-uuid", PgImsOscalUuidText(h.uuid_prefix, "risk", it->key)));
			PgImsJsonPut(item, "related-risks", related_risks);
		}
		PgImsJsonAppend(poam_items, item);
	}
	if (cJSON_GetArraySize(poam_items) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("organization " INT64_FORMAT " has nothing to plan: no open nonconformity and no major or minor finding that is not waived",
						DatumGetInt64(org)),
				 errdetail("An OSCAL plan of action and milestones needs at least one item."),
				 errhint("ims.export_oscal_assessment_results() shows every finding and nonconformity, open or not.")));

	PgImsJsonPut(poam, "uuid", PgImsOscalUuid(h.uuid_prefix, "plan-of-action-and-milestones", NULL));
	PgImsOscalProp(props, "open-nonconformities", psprintf("%d", open_ncs), true);
	PgImsOscalProp(props, "open-findings", psprintf("%d", open_findings), true);
	PgImsJsonPut(poam, "metadata",
				 Metadata(&h, psprintf("%s: plan of action and milestones for the open nonconformities and findings",
									   h.organization),
						  props, parties, poam_roles, lengthof(poam_roles)));
	PgImsJsonPut(system_id, "identifier-type", PgImsJsonString("https://ietf.org/rfc/rfc4122"));
	PgImsJsonPut(system_id, "id", PgImsOscalUuid(h.uuid_prefix, "system", NULL));
	PgImsJsonPut(poam, "system-id", system_id);
	PgImsJsonPut(poam, "observations", observations);
	if (cJSON_GetArraySize(risks) > 0)
		PgImsJsonPut(poam, "risks", risks);
	else
		cJSON_Delete(risks);
	PgImsJsonPut(poam, "findings", findings);
	PgImsJsonPut(poam, "poam-items", poam_items);
	PgImsJsonPut(root, "plan-of-action-and-milestones", poam);
	return Print(root, "plan of action and milestones");
}

/*
 * ims.export_oscal_assessment_results(org_id bigint) → jsonb
 */
PG_FUNCTION_INFO_V1(oscal_assessment_results_export);
Datum
oscal_assessment_results_export(PG_FUNCTION_ARGS)
{
	return PgImsBuildJsonb(AssessmentResultsText, PG_GETARG_DATUM(0), "pg_ims OSCAL assessment results");
}

/*
 * ims.export_oscal_poam(org_id bigint) → jsonb
 */
PG_FUNCTION_INFO_V1(oscal_poam_export);
Datum
oscal_poam_export(PG_FUNCTION_ARGS)
{
	return PgImsBuildJsonb(PoamText, PG_GETARG_DATUM(0), "pg_ims OSCAL POA&M");
}
