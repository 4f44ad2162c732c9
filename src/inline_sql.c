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
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/pathnodes.h"
#include "optimizer/clauses.h"
#include "optimizer/optimizer.h"
#include "parser/analyze.h"
#include "tcop/tcopprot.h"
#include "utils/ruleutils.h"

#include "inline_sql.h"

/*
 * Replaces every function in FROM of query "node", and of its subqueries,
 * CTEs and sublinks, that the planner would inline (a SQL function
 * returning a set, not strict, volatile or SECURITY DEFINER) by its body,
 * as the planner does.
 */
static bool
InlineFunctionsWalker(Node *node, PlannerInfo *root)
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
			Query	   *body;

			if (rte->rtekind != RTE_FUNCTION)
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
		return query_tree_walker(query, InlineFunctionsWalker, root, 0);
	}
	return expression_tree_walker(node, InlineFunctionsWalker, root);
}

char *
PgImsInlineSql(const char *sql, int nargs, Oid *argtypes)
{
	RawStmt    *raw;
	Query	   *query;
	PlannerGlobal glob;
	PlannerInfo root;

	raw = linitial_node(RawStmt, pg_parse_query(sql));
	query = linitial_node(Query, pg_analyze_and_rewrite_fixedparams(raw, sql, argtypes, nargs, NULL));

	/* inline_set_returning_function records what it inlined in glob */
	memset(&glob, 0, sizeof(glob));
	glob.type = T_PlannerGlobal;
	memset(&root, 0, sizeof(root));
	root.type = T_PlannerInfo;
	root.glob = &glob;
	root.parse = query;
	root.query_level = 1;
	(void) InlineFunctionsWalker((Node *) query, &root);
	return pg_get_querydef(query, false);
}
