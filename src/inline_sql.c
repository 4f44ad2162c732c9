/*-------------------------------------------------------------------------
 *
 * inline_sql.c
 *	  A query with its SQL functions inlined, written out as SQL.
 *
 * Citus decides whether a query reads distributed tables, and how to
 * route it, before PostgreSQL's planner inlines the SQL functions it
 * calls: a call of a SQL function that reads a distributed table is then
 * refused ("parameterized queries for SQL functions referencing
 * distributed tables are not supported"), or, inside a query pushed to a
 * shard, reaches the worker's copy of the function, which cannot read
 * the distributed table there.  Written out with its functions inlined,
 * the query shows Citus every table it reads and each table's org_id
 * filter, and is routed to the organization's shard.  On one server it
 * is the query the planner would have planned anyway (docs/scale-out.md).
 * The validator's driver (src/findings.c) and the documents
 * (src/soa_live.c) run their queries this way.
 *
 * The views and the PL/pgSQL functions of pg_ims call SQL functions too;
 * under Citus, a planner hook (PgImsInstallInliner) inlines pg_ims's own
 * functions in every query before Citus plans it, the same way.  Citus
 * runs its planner first when pg_ims is not loaded with the server, so
 * under Citus pg_ims belongs in shared_preload_libraries, after citus.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/dependency.h"
#include "catalog/pg_proc.h"
#include "commands/extension.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/pathnodes.h"
#include "optimizer/clauses.h"
#include "optimizer/optimizer.h"
#include "optimizer/planner.h"
#include "parser/analyze.h"
#include "tcop/tcopprot.h"
#include "utils/guc.h"
#include "utils/ruleutils.h"

#include "inline_sql.h"

typedef struct InlineContext
{
	PlannerInfo *root;
	/* only the functions of extension pg_ims, or every function */
	bool		only_own;
	/* pg_ims's oid, looked up at the first function of a query */
	Oid			extension;
} InlineContext;

static planner_hook_type previous_planner_hook = NULL;

/* Whether the function of RTE_FUNCTION "rte" belongs to extension pg_ims. */
static bool
IsOwnFunction(RangeTblEntry *rte, InlineContext *context)
{
	RangeTblFunction *rtfunc;

	if (list_length(rte->functions) != 1)
		return false;
	rtfunc = linitial_node(RangeTblFunction, rte->functions);
	if (!IsA(rtfunc->funcexpr, FuncExpr))
		return false;
	if (!OidIsValid(context->extension))
		context->extension = get_extension_oid("pg_ims", true);
	return OidIsValid(context->extension) &&
		getExtensionOfObject(ProcedureRelationId,
							 ((FuncExpr *) rtfunc->funcexpr)->funcid) == context->extension;
}

/*
 * Replaces every function in FROM of query "node", and of its subqueries,
 * CTEs and sublinks, that the planner would inline (a SQL function
 * returning a set, not strict, volatile or SECURITY DEFINER) by its body,
 * as the planner does.
 */
static bool
InlineFunctionsWalker(Node *node, InlineContext *context)
{
	if (node == NULL)
		return false;
	if (IsA(node, Query))
	{
		Query	   *query = (Query *) node;
		ListCell   *lc;

		foreach(lc, query->rtable)
		{
			RangeTblEntry *rte = lfirst_node(RangeTblEntry, lc);
			PlannerInfo *root = context->root;
			Query	   *body;

			if (rte->rtekind != RTE_FUNCTION)
				continue;
			if (context->only_own && !IsOwnFunction(rte, context))
				continue;
			/* as the planner does first: defaults filled in, constants folded */
			rte->functions = (List *) eval_const_expressions(root, (Node *) rte->functions);
			body = inline_set_returning_function(root, rte);
			if (body == NULL)
				continue;
			/* the function's column names, which the query reads */
			rte->alias = makeAlias(rte->eref->aliasname, copyObject(rte->eref->colnames));
			rte->rtekind = RTE_SUBQUERY;
			rte->subquery = body;
			rte->security_barrier = false;
			rte->functions = NIL;
			rte->funcordinality = false;
		}
		return query_tree_walker(query, InlineFunctionsWalker, context, 0);
	}
	return expression_tree_walker(node, InlineFunctionsWalker, context);
}

/*
 * Inlines the functions of "query" as InlineFunctionsWalker does, with
 * the parameter values "params" (may be NULL) folded in; returns what the
 * inlined bodies depend on, for the plan (PlannedStmt.invalItems): a plan
 * that inlined a function is invalidated when the function is replaced.
 */
static List *
InlineFunctions(Query *query, bool only_own, ParamListInfo params)
{
	PlannerGlobal glob;
	PlannerInfo root;
	InlineContext context;

	/* inline_set_returning_function records what it inlined in glob */
	memset(&glob, 0, sizeof(glob));
	glob.type = T_PlannerGlobal;
	glob.boundParams = params;
	memset(&root, 0, sizeof(root));
	root.type = T_PlannerInfo;
	root.glob = &glob;
	root.parse = query;
	root.query_level = 1;
	context.root = &root;
	context.only_own = only_own;
	context.extension = InvalidOid;
	(void) InlineFunctionsWalker((Node *) query, &context);
	return glob.invalItems;
}

char *
PgImsInlineSql(const char *sql, int nargs, Oid *argtypes)
{
	RawStmt    *raw;
	Query	   *query;

	raw = linitial_node(RawStmt, pg_parse_query(sql));
	query = linitial_node(Query, pg_analyze_and_rewrite_fixedparams(raw, sql, argtypes, nargs, NULL));
	(void) InlineFunctions(query, false, NULL);
	return pg_get_querydef(query, false);
}

/*
 * The planner hook: under Citus (where the GUC citus.version exists), the
 * SQL functions of pg_ims in a query are inlined before the next planner
 * (Citus's) sees it.  Others' functions are left to the planner, which
 * inlines them where it would have anyway.
 */
static PlannedStmt *
InlineOwnFunctionsFirst(Query *parse, const char *query_string, int cursor_options,
						ParamListInfo params)
{
	List	   *inlined = NIL;
	PlannedStmt *plan;

	if (GetConfigOption("citus.version", true, false) != NULL)
		inlined = InlineFunctions(parse, true, params);
	if (previous_planner_hook)
		plan = previous_planner_hook(parse, query_string, cursor_options, params);
	else
		plan = standard_planner(parse, query_string, cursor_options, params);
	plan->invalItems = list_concat(plan->invalItems, inlined);
	return plan;
}

void
PgImsInstallInliner(void)
{
	previous_planner_hook = planner_hook;
	planner_hook = InlineOwnFunctionsFirst;
}
