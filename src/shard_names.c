/*-------------------------------------------------------------------------
 *
 * shard_names.c
 *	  Error messages without Citus shard names.
 *
 * Under Citus a row is written on a worker, in a shard of the table: an
 * error there names the shard's objects, "organization_pkey_102036" for
 * ims.organization's primary key, and the coordinator passes the worker's
 * message on as it is.  A user knows the table, not its shards; the shard
 * id tells them nothing and differs between nodes and after a rebalance.
 * This emit_log_hook takes the shard ids out of every message, detail,
 * hint and context before they are sent or logged.  A shard's objects are
 * named by Citus as the table's object plus "_" and the shard id, and
 * messages quote the names of objects: a quoted name ending in "_" and six
 * or more digits (shard ids start above 100000) is taken for one; values,
 * as in "Key (title)=(plan_202612)", are not quoted and stay.  It only acts where Citus is loaded (its GUC
 * citus.version exists), and needs pg_ims in shared_preload_libraries,
 * after citus, to be in place before the first error of a session
 * (docs/scale-out.md).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "utils/elog.h"
#include "utils/guc.h"

#include "pg_ims.h"

static emit_log_hook_type previous_emit_log_hook = NULL;

static bool
IsIdentifierChar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		c == '_' || (unsigned char) c >= 0x80;
}

/*
 * text without the shard ids of the names it quotes, or NULL when it
 * quotes none.  A shard id is "_" and six or more digits at the end of a
 * quoted name, after a character of the name.
 */
static char *
WithoutShardIds(const char *text)
{
	StringInfoData buf;
	bool		changed = false;
	const char *p = text;

	if (text == NULL)
		return NULL;
	initStringInfo(&buf);
	while (*p)
	{
		if (*p == '_' && p > text && IsIdentifierChar(p[-1]) && p[-1] != '_')
		{
			const char *q = p + 1;

			while (*q >= '0' && *q <= '9')
				q++;
			if (q - p - 1 >= 6 && *q == '"')
			{
				p = q;
				changed = true;
				continue;
			}
		}
		appendStringInfoChar(&buf, *p++);
	}
	if (!changed)
	{
		pfree(buf.data);
		return NULL;
	}
	return buf.data;
}

static void
ReplaceWithoutShardIds(char **field)
{
	char	   *text = WithoutShardIds(*field);

	if (text != NULL)
		*field = text;			/* the old text is freed with ErrorContext */
}

static void
HideShardNames(ErrorData *edata)
{
	if (GetConfigOption("citus.version", true, false) != NULL)
	{
		ReplaceWithoutShardIds(&edata->message);
		ReplaceWithoutShardIds(&edata->detail);
		ReplaceWithoutShardIds(&edata->detail_log);
		ReplaceWithoutShardIds(&edata->hint);
		ReplaceWithoutShardIds(&edata->context);
		ReplaceWithoutShardIds(&edata->internalquery);
		ReplaceWithoutShardIds(&edata->table_name);
		ReplaceWithoutShardIds(&edata->constraint_name);
	}
	if (previous_emit_log_hook)
		previous_emit_log_hook(edata);
}

void
PgImsInstallShardNameFilter(void)
{
	previous_emit_log_hook = emit_log_hook;
	emit_log_hook = HideShardNames;
}
