/*-------------------------------------------------------------------------
 *
 * json_memory.c
 *	  cJSON on palloc, inside a private memory context.
 *
 * cJSON's allocation hooks are process-wide, so they are set for the span
 * of one use and restored after it; a nested use would share the context
 * of the outer one, which is why begin refuses to nest.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <cjson/cJSON.h>

#include "json_memory.h"

static MemoryContext json_context = NULL;

static void *
JsonPalloc(size_t size)
{
	return MemoryContextAllocExtended(json_context, size, MCXT_ALLOC_HUGE);
}

static void
JsonPfree(void *pointer)
{
	pfree(pointer);
}

MemoryContext
PgImsJsonBegin(const char *name)
{
	cJSON_Hooks hooks = {JsonPalloc, JsonPfree};

	if (json_context != NULL)
		elog(ERROR, "cJSON memory context \"%s\" is already in use", name);
	json_context = AllocSetContextCreate(CurrentMemoryContext, "pg_ims JSON", ALLOCSET_DEFAULT_SIZES);
	MemoryContextSetIdentifier(json_context, name);
	cJSON_InitHooks(&hooks);
	return json_context;
}

void
PgImsJsonEnd(MemoryContext context)
{
	cJSON_InitHooks(NULL);
	json_context = NULL;
	MemoryContextDelete(context);
}
