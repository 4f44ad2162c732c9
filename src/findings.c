/*-------------------------------------------------------------------------
 *
 * findings.c
 *	  The validator's driver: runs the finding rules and returns what a
 *	  certification auditor would find in the integrated management system
 *	  of one or more organizations.
 *
 * The rules are SQL, one function each, listed in ims.finding_rule with
 * their grade, category, requirement, scope, message and hint (extension/install/
 * 41_finding_rules.sql; `\sf ims.rule_soa004` shows one).  This file runs
 * them through SPI with parameters, as the caller, so row-level security
 * limits them to the organizations the caller may read; fills in their
 * messages; marks the findings an accepted waiver covers (ims.finding_waiver);
 * and sorts the findings (digits as numbers, otherwise
 * byte-wise), so that their order does not depend on a collation.
 *
 * Findings are data, not errors: a call raises only when it is itself
 * wrong.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/tuplestore.h"

#include "pg_ims.h"
#include "inline_sql.h"
#include "pg_ims_spi.h"

/*
 * A rule as ims.finding_rule lists it, with the query that runs its
 * function.  Rules are read at every call (they change only with ALTER
 * EXTENSION UPDATE); the prepared plans are kept per backend, keyed by the
 * query, and the plan cache replans one whose rule function was replaced.
 */
typedef struct FindingRule
{
	char	   *code;
	char	   *grade;			/* major, minor or observation */
	char	   *category;		/* nonconformity, certification_blocker, advisory */
	char	   *requirement;	/* NULL: every row names its own */
	bool		blocks_approval;
	char	   *query;			/* the query of ims.rule_x($1), inlined */
	char	   *message;
	char	   *hint;
} FindingRule;

typedef struct KeptPlan
{
	char	   *query;
	SPIPlanPtr	plan;
} KeptPlan;

static KeptPlan *kept_plans = NULL;
static int	nkept_plans = 0;

static SPIPlanPtr KeptPlanOf(const char *query, int nargs, Oid *argtypes);

/*
 * The query of each rule with its function and every SQL function it calls
 * in FROM inlined (InlinedRuleQuery), per backend; forgotten when any
 * function changes.
 */
typedef struct InlinedRule
{
	char	   *function;
	char	   *query;
} InlinedRule;

static InlinedRule *inlined_rules = NULL;
static int	ninlined_rules = 0;
static bool inlined_rules_callback = false;

typedef struct Finding
{
	int64		org_id;
	int			grade_rank;		/* 1 major, 2 minor, 3 observation */
	const char *code;
	const char *grade;
	const char *category;
	const char *requirement;
	bool		blocks_approval;
	char	   *standard;
	char	   *ref;
	char	   *message;
	const char *hint;
	bool		waived;
	Datum		waived_until;	/* date, when waived */
} Finding;

/* An accepted waiver in force: the findings of code and ref are waived until "until". */
typedef struct Waiver
{
	int64		org_id;
	char	   *code;
	char	   *ref;
	Datum		until;
} Waiver;

static int
GradeRank(const char *grade)
{
	if (strcmp(grade, "major") == 0)
		return 1;
	if (strcmp(grade, "minor") == 0)
		return 2;
	if (strcmp(grade, "observation") == 0)
		return 3;
	elog(ERROR, "unknown finding grade \"%s\"", grade);
	return 0;
}

static const char *
GradeName(int rank)
{
	return rank == 1 ? "major" : rank == 2 ? "minor" : "observation";
}

/*
 * The category of a row.  A rule that a row grades otherwise than the rule
 * does moves between nonconformity and advisory with the grade (a lapse
 * against a clause, or advice no clause requires); a certification blocker
 * stays one whatever its grade.
 */
static const char *
CategoryOf(const FindingRule *rule, int grade_rank)
{
	if (strcmp(rule->category, "certification_blocker") == 0)
		return rule->category;
	return grade_rank == 3 ? "advisory" : "nonconformity";
}

/* Replace {ref}, {1} and {2} in a message; absent values read as "". */
static char *
FormatMessage(const char *template, const char *ref, const char *arg1, const char *arg2)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (const char *p = template; *p; p++)
	{
		if (strncmp(p, "{ref}", 5) == 0)
		{
			appendStringInfoString(&buf, ref ? ref : "");
			p += 4;
		}
		else if (strncmp(p, "{1}", 3) == 0 || strncmp(p, "{2}", 3) == 0)
		{
			const char *arg = p[1] == '1' ? arg1 : arg2;

			appendStringInfoString(&buf, arg ? arg : "");
			p += 2;
		}
		else
			appendStringInfoChar(&buf, *p);
	}
	return buf.data;
}

/*
 * Compare two texts so that runs of digits compare as numbers: control
 * "A.5.7" before "A.5.23", "A.8.1" before "A.10.2".  Bytes otherwise, so
 * the order never depends on a collation.
 */
static int
NaturalCompare(const char *a, const char *b)
{
	a = a ? a : "";
	b = b ? b : "";
	while (*a && *b)
	{
		if (isdigit((unsigned char) *a) && isdigit((unsigned char) *b))
		{
			const char *sa = a;
			const char *sb = b;
			size_t		la;
			size_t		lb;
			int			c;

			while (*sa == '0' && isdigit((unsigned char) sa[1]))
				sa++;
			while (*sb == '0' && isdigit((unsigned char) sb[1]))
				sb++;
			for (a = sa; isdigit((unsigned char) *a); a++)
				;
			for (b = sb; isdigit((unsigned char) *b); b++)
				;
			la = a - sa;
			lb = b - sb;
			if (la != lb)
				return la < lb ? -1 : 1;
			if ((c = memcmp(sa, sb, la)) != 0)
				return c;
		}
		else
		{
			if (*a != *b)
				return (unsigned char) *a < (unsigned char) *b ? -1 : 1;
			a++;
			b++;
		}
	}
	return (*a != '\0') - (*b != '\0');
}

/* Organization, grade, code, ref; then the message, so ties have an order too. */
static int
CompareFindings(const void *a, const void *b)
{
	const Finding *x = a;
	const Finding *y = b;
	int			c;

	if (x->org_id != y->org_id)
		return x->org_id < y->org_id ? -1 : 1;
	if (x->grade_rank != y->grade_rank)
		return x->grade_rank - y->grade_rank;
	if ((c = strcmp(x->code, y->code)) != 0)
		return c;
	if ((c = NaturalCompare(x->ref, y->ref)) != 0)
		return c;
	return strcmp(x->message, y->message);
}

static int
CompareOrgIds(const void *a, const void *b)
{
	int64		x = DatumGetInt64(*(const Datum *) a);
	int64		y = DatumGetInt64(*(const Datum *) b);

	return (x > y) - (x < y);
}

/*
 * How many organizations one run of a rule reads on one server.  The
 * planner misjudges the joins between the organizations' rows (a nested
 * loop over every organization's rows for each row), so that a run over
 * n organizations costs up to n times what n runs of one do; over
 * thousands of organizations a rule ran for minutes.  Runs of a few dozen
 * keep each plan small and the validator's time proportional to the
 * number of organizations (bench/scale.sh, docs/scale-out.md), and cost
 * little planning beside their work.
 */
#define ORGANIZATIONS_PER_RUN 32

/*
 * The organizations of orgs (bigint[]), without NULLs and duplicates, in
 * order, as arrays of at most per_run ids each: one run of every rule per
 * array.  Under Citus a rule runs once per organization (per_run 1):
 * Citus routes a query for one organization to its shard, and a query
 * over several it must push down to all of them, which it cannot do for
 * every rule (correlated subqueries, lateral joins).  A rule's rows for
 * an organization depend on that organization's record only, so the
 * rows are the same however the organizations are sliced.
 */
static Datum *
OrganizationSlices(Datum orgs, int per_run, int *nslices)
{
	ArrayType  *array = DatumGetArrayTypeP(orgs);
	Datum	   *ids;
	bool	   *nulls;
	int			nids;
	int			n = 0;
	Datum	   *slices;

	deconstruct_array(array, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &ids, &nulls, &nids);
	for (int k = 0; k < nids; k++)
		if (!nulls[k])			/* a NULL organization has no rows */
			ids[n++] = ids[k];
	qsort(ids, n, sizeof(Datum), CompareOrgIds);
	nids = n;
	n = 0;
	for (int k = 0; k < nids; k++)
		if (n == 0 || DatumGetInt64(ids[k]) != DatumGetInt64(ids[n - 1]))
			ids[n++] = ids[k];
	nids = n;

	/* no organization: one run over none, which finds nothing */
	*nslices = 0;
	slices = palloc(sizeof(Datum) * Max((nids + per_run - 1) / per_run, 1));
	for (int k = 0; k < nids || (k == 0 && *nslices == 0); k += per_run)
		slices[(*nslices)++] = PointerGetDatum(construct_array(&ids[k], Min(per_run, nids - k), INT8OID,
															   sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	return slices;
}

/* The organizations of every row the caller can see, for a NULL argument. */
static Datum
VisibleOrganizations(void)
{
	bool		isnull;

	PgImsSpiRun("SELECT coalesce(array_agg(org_id), '{}') AS orgs FROM ims.organization",
				0, NULL, NULL, true, 1);
	return PgImsSpiDatum(0, "orgs", &isnull);
}

/* A function was created, replaced or dropped: inline the rules again. */
static void
ForgetInlinedRules(Datum arg, int cacheid, uint32 hashvalue)
{
	for (int i = 0; i < ninlined_rules; i++)
	{
		pfree(inlined_rules[i].function);
		pfree(inlined_rules[i].query);
	}
	ninlined_rules = 0;
}

/*
 * The query that runs rule function "function" for the organizations in
 * $1, as SQL text in which the rule and the SQL functions it reads
 * through are inlined: what the planner would plan for
 * SELECT ... FROM ims.rule_x($1), written out.  Run as it is, it gives the
 * same rows by the same plan; and Citus, which decides whether a query
 * reads distributed tables before the planner inlines anything (and then
 * refuses "parameterized queries for SQL functions"), sees every table the
 * rule reads and routes the query by its org_id filters
 * (docs/findings.md, "Routing").  Deparsed with search_path pinned to
 * pg_catalog, so every name of the extension is qualified.  The leading
 * comment names the rule in logs (citus.log_remote_commands,
 * scripts/check-citus-routing.sh).
 */
static char *
InlinedRuleQuery(const char *function)
{
	char	   *sql;
	Oid			argtypes[1] = {INT8ARRAYOID};
	char	   *text;

	for (int i = 0; i < ninlined_rules; i++)
		if (strcmp(inlined_rules[i].function, function) == 0)
			return inlined_rules[i].query;

	sql = psprintf("SELECT org_id, grade, standard, requirement, ref, arg1, arg2 FROM ims.%s($1)",
				   quote_identifier(function));
	text = psprintf("/* ims.%s */ %s", function, PgImsInlineSql(sql, 1, argtypes));

	if (!inlined_rules_callback)
	{
		CacheRegisterSyscacheCallback(PROCOID, ForgetInlinedRules, (Datum) 0);
		inlined_rules_callback = true;
	}
	inlined_rules = inlined_rules
		? repalloc(inlined_rules, sizeof(InlinedRule) * (ninlined_rules + 1))
		: MemoryContextAlloc(TopMemoryContext, sizeof(InlinedRule));
	inlined_rules[ninlined_rules].function = MemoryContextStrdup(TopMemoryContext, function);
	inlined_rules[ninlined_rules].query = MemoryContextStrdup(TopMemoryContext, text);
	return inlined_rules[ninlined_rules++].query;
}

/*
 * The rules to run, read from ims.finding_rule into context "into": every
 * rule, or only the SoA rules.  The query of each calls its function by
 * name, quoted; the names are the extension's own (a check constraint
 * keeps them to rule_xxx000).
 */
static FindingRule *
ReadRules(bool soa_only, int *nrules, MemoryContext into)
{
	Oid			argtypes[1] = {BOOLOID};
	Datum		args[1] = {BoolGetDatum(soa_only)};
	FindingRule *rules;
	uint64		n;

	/*
	 * Before 1.2 the rules were compiled into the library; a database not
	 * yet updated has no rules to run, and must not be told it has no
	 * findings.
	 */
	if (PgImsSpiRunPlan(KeptPlanOf("SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'pg_ims' "
								 "AND pg_catalog.to_regclass('ims.finding_rule') IS NULL",
								 0, NULL),
						NULL, true, 1) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("the validator needs version 1.2 or later of extension \"pg_ims\""),
				 errdetail("This database has version %s, whose finding rules were part of the library; the installed library reads them from the extension.",
						   PgImsSpiText(0, "extversion")),
				 errhint("Run ALTER EXTENSION pg_ims UPDATE.")));
	SPI_freetuptable(SPI_tuptable);

	n = PgImsSpiRunPlan(KeptPlanOf("SELECT code, grade, category, requirement, blocks_approval, rule_function, "
								 "message, hint FROM ims.finding_rule "
								 "WHERE scope = 'soa' OR NOT $1 ORDER BY code COLLATE \"C\"",
								 1, argtypes),
						args, true, 0);
	rules = MemoryContextAlloc(into, sizeof(FindingRule) * Max(n, 1));
	for (uint64 i = 0; i < n; i++)
	{
		MemoryContext spi = MemoryContextSwitchTo(into);
		FindingRule *rule = &rules[i];
		bool		isnull;

		rule->code = PgImsSpiText(i, "code");
		rule->grade = PgImsSpiText(i, "grade");
		rule->category = PgImsSpiText(i, "category");
		rule->requirement = PgImsSpiText(i, "requirement");
		rule->blocks_approval = DatumGetBool(PgImsSpiDatum(i, "blocks_approval", &isnull));
		rule->message = PgImsSpiText(i, "message");
		rule->hint = PgImsSpiText(i, "hint");
		MemoryContextSwitchTo(spi);
		rule->query = MemoryContextStrdup(into, InlinedRuleQuery(PgImsSpiText(i, "rule_function")));
	}
	*nrules = (int) n;
	SPI_freetuptable(SPI_tuptable);
	return rules;
}

static int
CompareWaivers(const void *a, const void *b)
{
	const Waiver *x = a;
	const Waiver *y = b;
	int			c;

	if (x->org_id != y->org_id)
		return x->org_id < y->org_id ? -1 : 1;
	if ((c = strcmp(x->code, y->code)) != 0)
		return c;
	return strcmp(x->ref, y->ref);
}

/*
 * The waivers in force today for the organizations, read into context
 * "into" and sorted for bsearch: the latest expiry of each code and ref.
 * Read as the caller, like the rules, so row-level security applies.
 */
static Waiver *
ReadWaivers(Datum orgs, bool bound, int *nwaivers, MemoryContext into)
{
	Oid			argtypes[1] = {INT8ARRAYOID};
	Waiver	   *waivers;
	uint64		n;

	const char *query = "SELECT org_id, code, ref, max(expires_on) AS until FROM ims.finding_waiver "
		"WHERE org_id = ANY ($1) AND accepted_on <= current_date "
		"AND expires_on >= current_date GROUP BY org_id, code, ref";

	/* under Citus planned for the actual organizations, as the rules are */
	if (bound)
		n = PgImsSpiRun(query, 1, argtypes, &orgs, true, 0);
	else
		n = PgImsSpiRunPlan(KeptPlanOf(query, 1, argtypes), &orgs, true, 0);
	waivers = MemoryContextAlloc(into, sizeof(Waiver) * Max(n, 1));
	for (uint64 i = 0; i < n; i++)
	{
		MemoryContext spi = MemoryContextSwitchTo(into);
		bool		isnull;

		waivers[i].org_id = DatumGetInt64(PgImsSpiDatum(i, "org_id", &isnull));
		waivers[i].code = PgImsSpiText(i, "code");
		waivers[i].ref = PgImsSpiText(i, "ref");
		waivers[i].until = PgImsSpiDatum(i, "until", &isnull);
		MemoryContextSwitchTo(spi);
	}
	SPI_freetuptable(SPI_tuptable);
	if (n > 1)
		qsort(waivers, n, sizeof(Waiver), CompareWaivers);
	*nwaivers = (int) n;
	return waivers;
}

/*
 * The plan of one of the driver's queries (the rules', and the two that read
 * them), prepared once per backend and kept; the plan cache replans it when
 * what it reads changes.
 */
static SPIPlanPtr
KeptPlanOf(const char *query, int nargs, Oid *argtypes)
{
	SPIPlanPtr	plan;

	for (int i = 0; i < nkept_plans; i++)
		if (strcmp(kept_plans[i].query, query) == 0)
			return kept_plans[i].plan;

	/*
	 * A generic plan from the start: the plan cache would otherwise weigh
	 * custom plans against it at every call and, for rules whose custom plan
	 * looks cheaper, replan at every call.  Made for a few organizations
	 * ($1 of one, as integration_findings and validate_soa pass), it is as
	 * good as a custom one, and bench/findings.sh measured the
	 * per-organization calls about twice as fast with it.
	 */
	plan = SPI_prepare_cursor(query, nargs, argtypes, CURSOR_OPT_GENERIC_PLAN);
	if (plan == NULL)
		elog(ERROR, "could not prepare \"%s\": %s", query, SPI_result_code_string(SPI_result));
	SPI_keepplan(plan);
	kept_plans = kept_plans
		? repalloc(kept_plans, sizeof(KeptPlan) * (nkept_plans + 1))
		: MemoryContextAlloc(TopMemoryContext, sizeof(KeptPlan));
	kept_plans[nkept_plans].query = MemoryContextStrdup(TopMemoryContext, query);
	kept_plans[nkept_plans].plan = plan;
	nkept_plans++;
	return plan;
}

/*
 * ims.evaluate_findings(org_ids bigint[], soa_only boolean)
 *	  RETURNS TABLE (org_id, code, grade, grade_rank, category, requirement,
 *					 blocks_approval, standard, ref, message, hint, waived_until)
 *
 * org_ids NULL means every organization the caller can see.  Runs with
 * search_path pinned by its CREATE FUNCTION, so unqualified operators in
 * the rule queries are pg_catalog's.
 */
PG_FUNCTION_INFO_V1(findings_evaluate);
Datum
findings_evaluate(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	bool		soa_only = PG_ARGISNULL(1) ? false : PG_GETARG_BOOL(1);
	MemoryContext caller = CurrentMemoryContext;
	Finding    *found = NULL;
	int			nfound = 0;
	int			capacity = 0;
	Datum		orgs;
	bool		plan_per_call;
	bool		under_citus = false;
	Datum	   *runs;
	int			nruns;
	Oid			argtypes[1] = {INT8ARRAYOID};
	FindingRule *rules;
	int			nrules;
	Waiver	   *waivers;
	int			nwaivers;

	InitMaterializedSRF(fcinfo, 0);

	PgImsSpiConnect();
	orgs = PG_ARGISNULL(0) ? VisibleOrganizations() : PG_GETARG_DATUM(0);
	{
		ArrayType  *array = DatumGetArrayTypeP(orgs);

		plan_per_call = ArrayGetNItems(ARR_NDIM(array), ARR_DIMS(array)) > 1;
	}

	rules = ReadRules(soa_only, &nrules, caller);

	/*
	 * Citus plans a query with parameters on the distribution column only
	 * when their values are bound (a generic plan of one is an error), so
	 * under Citus every rule is planned for the actual organizations.
	 */
	if (PgImsSpiRunPlan(KeptPlanOf("SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus'", 0, NULL),
						NULL, true, 1) > 0)
	{
		plan_per_call = true;
		under_citus = true;
	}
	SPI_freetuptable(SPI_tuptable);

	runs = OrganizationSlices(orgs, under_citus ? 1 : ORGANIZATIONS_PER_RUN, &nruns);
	for (int r = 0; r < nrules; r++)
	{
		const FindingRule *rule = &rules[r];

		for (int k = 0; k < nruns; k++)
		{
			uint64		n;

			if (plan_per_call)
			{
				/*
				 * A generic plan guesses ten organizations in $1; with many
				 * more, a plan made for the actual array is several times
				 * faster, and planning costs little beside the run.
				 */
				n = PgImsSpiRun(rule->query, 1, argtypes, &runs[k], true, 0);
			}
			else
				n = PgImsSpiRunPlan(KeptPlanOf(rule->query, 1, argtypes), &runs[k], true, 0);

			for (uint64 i = 0; i < n; i++)
			{
				bool		isnull;
				MemoryContext spi = MemoryContextSwitchTo(caller);
				char	   *grade = PgImsSpiText(i, "grade");
				char	   *requirement = PgImsSpiText(i, "requirement");
				char	   *ref = PgImsSpiText(i, "ref");
				Finding    *f;

				if (nfound == capacity)
				{
					capacity = capacity ? capacity * 2 : 64;
					found = found ? repalloc_huge(found, sizeof(Finding) * capacity)
						: palloc(sizeof(Finding) * capacity);
				}
				f = &found[nfound++];
				f->org_id = DatumGetInt64(PgImsSpiDatum(i, "org_id", &isnull));
				f->grade_rank = GradeRank(grade ? grade : rule->grade);
				f->grade = GradeName(f->grade_rank);
				f->category = CategoryOf(rule, f->grade_rank);
				f->requirement = requirement ? requirement : rule->requirement;
				f->blocks_approval = rule->blocks_approval;
				f->waived = false;
				f->code = rule->code;
				f->standard = PgImsSpiText(i, "standard");
				f->ref = ref;
				f->message = FormatMessage(rule->message, ref, PgImsSpiText(i, "arg1"),
										   PgImsSpiText(i, "arg2"));
				f->hint = rule->hint;
				MemoryContextSwitchTo(spi);
			}
			SPI_freetuptable(SPI_tuptable);
		}
	}

	/* A waiver marks its findings; it removes none, and blocks stay blocks. */
	waivers = ReadWaivers(orgs, under_citus, &nwaivers, caller);
	for (int i = 0; i < nfound && nwaivers > 0; i++)
	{
		Finding    *f = &found[i];
		Waiver		key;
		Waiver	   *w;

		if (f->ref == NULL)
			continue;
		key.org_id = f->org_id;
		key.code = (char *) f->code;
		key.ref = f->ref;
		w = bsearch(&key, waivers, nwaivers, sizeof(Waiver), CompareWaivers);
		if (w != NULL)
		{
			f->waived = true;
			f->waived_until = w->until;
		}
	}
	PgImsSpiFinish();

	if (nfound > 1)
		qsort(found, nfound, sizeof(Finding), CompareFindings);
	for (int i = 0; i < nfound; i++)
	{
		Datum		values[12];
		bool		nulls[12];
		Finding    *f = &found[i];

		memset(nulls, 0, sizeof(nulls));
		values[0] = Int64GetDatum(f->org_id);
		values[1] = CStringGetTextDatum(f->code);
		values[2] = CStringGetTextDatum(f->grade);
		values[3] = Int32GetDatum(f->grade_rank);
		values[4] = CStringGetTextDatum(f->category);
		nulls[5] = (f->requirement == NULL);
		values[5] = f->requirement ? CStringGetTextDatum(f->requirement) : (Datum) 0;
		values[6] = BoolGetDatum(f->blocks_approval);
		nulls[7] = (f->standard == NULL);
		values[7] = f->standard ? CStringGetTextDatum(f->standard) : (Datum) 0;
		nulls[8] = (f->ref == NULL);
		values[8] = f->ref ? CStringGetTextDatum(f->ref) : (Datum) 0;
		values[9] = CStringGetTextDatum(f->message);
		values[10] = CStringGetTextDatum(f->hint);
		nulls[11] = !f->waived;
		values[11] = f->waived ? f->waived_until : (Datum) 0;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * ims.finding_rule_query(code text) RETURNS text
 *
 * The query the validator runs for rule "code", with $1 standing for the
 * organizations (bigint[]): the rule's function and the SQL functions it
 * reads through inlined (InlinedRuleQuery).  For EXPLAIN, and for
 * scripts/check-citus-routing.sh, which checks that Citus routes one
 * organization's run to one shard.
 */
PG_FUNCTION_INFO_V1(findings_rule_query);
Datum
findings_rule_query(PG_FUNCTION_ARGS)
{
	Oid			argtypes[1] = {TEXTOID};
	Datum		args[1] = {PG_GETARG_DATUM(0)};
	char	   *query;

	PgImsSpiConnect();
	if (PgImsSpiRun("SELECT rule_function FROM ims.finding_rule WHERE code = $1",
					1, argtypes, args, true, 1) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("finding rule \"%s\" does not exist", TextDatumGetCString(args[0])),
				 errhint("SELECT code FROM ims.finding_rule lists the rules.")));
	query = InlinedRuleQuery(PgImsSpiText(0, "rule_function"));
	PgImsSpiFinish();
	PG_RETURN_TEXT_P(cstring_to_text(query));
}
