/*-------------------------------------------------------------------------
 *
 * history.c
 *	  The role a history entry names (extension/install/36_history.sql).
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

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(history_actor);

/* ims.history_actor(): the current user outside any SECURITY DEFINER function */
Datum
history_actor(PG_FUNCTION_ARGS)
{
	Name		result = (Name) palloc0(NAMEDATALEN);

	namestrcpy(result, GetUserNameFromId(GetOuterUserId(), false));
	PG_RETURN_NAME(result);
}
