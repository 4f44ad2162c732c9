/*-------------------------------------------------------------------------
 *
 * inline_sql.h
 *	  A query with its SQL functions inlined, written out as SQL
 *	  (src/inline_sql.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef INLINE_SQL_H
#define INLINE_SQL_H

#include "postgres.h"

/*
 * The text of query "sql" (parameters $1..$nargs of types argtypes) with
 * its views expanded and every SQL function in FROM that the planner
 * would inline replaced by its body, as the planner would: the same rows
 * by the same plan.  Names are qualified as the current search_path
 * requires; the callers pin it to pg_catalog.  Palloc'd in the current
 * memory context.
 */
extern char *PgImsInlineSql(const char *sql, int nargs, Oid *argtypes);

/*
 * Installs the planner hook that, under Citus, inlines pg_ims's own SQL
 * functions in every query before Citus plans it.
 */
extern void PgImsInstallInliner(void);

#endif							/* INLINE_SQL_H */
