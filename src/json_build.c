/*-------------------------------------------------------------------------
 *
 * json_build.c
 *	  Building cJSON documents from server strings.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "utils/fmgrprotos.h"

#include "json_build.h"
#include "json_memory.h"
#include "pg_ims_spi.h"
#include "text_encoding.h"

static void
NoMemory(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_OUT_OF_MEMORY),
			 errmsg("out of memory while building a JSON document")));
}

cJSON *
PgImsJsonString(const char *server_text)
{
	cJSON	   *item;

	if (server_text == NULL)
		item = cJSON_CreateNull();
	else
		item = cJSON_CreateString(PgImsUtf8String(server_text));
	if (item == NULL)
		NoMemory();
	return item;
}

void
PgImsJsonPut(cJSON *object, const char *key, cJSON *item)
{
	if (item == NULL || !cJSON_AddItemToObject(object, key, item))
		NoMemory();
}

void
PgImsJsonAppend(cJSON *array, cJSON *item)
{
	if (item == NULL || !cJSON_AddItemToArray(array, item))
		NoMemory();
}

cJSON *
PgImsJsonObject(void)
{
	cJSON	   *item = cJSON_CreateObject();

	if (item == NULL)
		NoMemory();
	return item;
}

cJSON *
PgImsJsonArray(void)
{
	cJSON	   *item = cJSON_CreateArray();

	if (item == NULL)
		NoMemory();
	return item;
}

Datum
PgImsBuildJsonb(PgImsJsonBuilder build, Datum arg, const char *context_name)
{
	MemoryContext caller = CurrentMemoryContext;
	MemoryContext context;
	char	   *volatile server_text = NULL;

	PgImsSpiConnect();
	context = PgImsJsonBegin(context_name);
	PG_TRY();
	{
		char	   *utf8 = build(arg);
		MemoryContext old = MemoryContextSwitchTo(caller);

		server_text = PgImsServerString(utf8);
		if (server_text == utf8)
			server_text = pstrdup(utf8);
		MemoryContextSwitchTo(old);
	}
	PG_FINALLY();
	{
		PgImsJsonEnd(context);
	}
	PG_END_TRY();
	PgImsSpiFinish();

	return DirectFunctionCall1(jsonb_in, CStringGetDatum(server_text));
}
