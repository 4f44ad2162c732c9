/*-------------------------------------------------------------------------
 *
 * history.c
 *	  The parts of the history of the record in C
 *	  (extension/install/36_history.sql): the role an entry names, and the
 *	  head the documents print.
 *
 * The triggers that write ims.history run SECURITY DEFINER, as the owner
 * of the extension, so that the roles whose changes they record cannot
 * write or skip the history themselves.  Inside such a function
 * CURRENT_USER is the owner; the role that made the change is the outer
 * user: the session user, or the role it SET ROLE to.  SQL cannot ask for
 * it, hence this function.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "pg_ims.h"
#include "pg_ims_spi.h"

PG_FUNCTION_INFO_V1(history_actor);

/* ims.history_actor(): the current user outside any SECURITY DEFINER function */
Datum
history_actor(PG_FUNCTION_ARGS)
{
	Name		result = (Name) palloc0(NAMEDATALEN);

	namestrcpy(result, GetUserNameFromId(GetOuterUserId(), false));
	PG_RETURN_NAME(result);
}

/*
 * The head of the organization's history chain (ims.history_head), for a
 * document's header; NULL before its first entry.  Its own statement, not
 * a column of the document's query over the organization: under Citus
 * that query runs on the organization's shard, where a function that
 * reads distributed tables cannot run (docs/scale-out.md).  Needs SPI
 * connected; the text lives in the caller's SPI context.
 */
char *
PgImsHistoryHead(Datum org_id)
{
	Oid			types[1] = {INT8OID};

	PgImsSpiRun("SELECT ims.history_head($1) AS head", 1, types, &org_id, true, 1);
	return PgImsSpiText(0, "head");
}
