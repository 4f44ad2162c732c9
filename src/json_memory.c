/*-------------------------------------------------------------------------
 *
 * json_memory.c
 *	  cJSON on palloc, inside a private memory context.
 *
 * cJSON's allocation hooks are process-wide, so they are set for the span
 * of one use and restored after it; a nested use would share the context
 * of the outer one, which is why begin refuses to nest.
 *
 * Built with -DPG_IMS_JSON_MALLOC (`make PG_IMS_JSON_MALLOC=1`, as `make
 * valgrind-check` does), the hooks call malloc and free instead.  A server
 * built without USE_VALGRIND, as Debian's is, tells valgrind nothing about
 * the chunks palloc carves out of its blocks, so a cJSON overrun or a read
 * of a byte never written would go unseen; on malloc every cJSON block is
 * a valgrind block of its own, with redzones.  The private context stays,
 * to keep the promise of error-safety: it records each live block, and a
 * reset callback frees the blocks still live when the context goes away,
 * so an ereport(ERROR) in the middle of a parse leaks nothing there either.
 * The default build is palloc only.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <cjson/cJSON.h>

#include "json_memory.h"

static MemoryContext json_context = NULL;

#ifndef PG_IMS_JSON_MALLOC

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

#else							/* PG_IMS_JSON_MALLOC */

#include "common/hashfn.h"

/*
 * The live malloc'd blocks, by address, in a simplehash table allocated in
 * json_context itself: a dynahash would live in a child context, which
 * MemoryContextDelete() deletes before it calls the reset callbacks.
 */
typedef struct JsonBlock
{
	void	   *pointer;
	char		status;			/* simplehash's */
} JsonBlock;

static inline uint32
JsonBlockHash(const void *pointer)
{
	uint64		v = (uint64) (uintptr_t) pointer;

	return murmurhash32((uint32) v) ^ murmurhash32((uint32) (v >> 32));
}

#define SH_PREFIX json_blocks
#define SH_ELEMENT_TYPE JsonBlock
#define SH_KEY_TYPE void *
#define SH_KEY pointer
#define SH_HASH_KEY(tb, key) JsonBlockHash(key)
#define SH_EQUAL(tb, a, b) ((a) == (b))
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

static json_blocks_hash *json_blocks = NULL;

static void *
JsonMalloc(size_t size)
{
	void	   *pointer;

	/* palloc's limit and errors, so that both builds fail alike */
	if (!AllocHugeSizeIsValid(size))
		elog(ERROR, "invalid memory alloc request size %zu", size);
	pointer = malloc(size);
	if (pointer == NULL && size == 0)
		pointer = malloc(1);
	if (pointer == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory"),
				 errdetail("Failed on request of size %zu in memory context \"%s\".",
						   size, json_context->name)));

	/* Recording it can fail too (the table grows): then free the block. */
	PG_TRY();
	{
		bool		found;

		json_blocks_insert(json_blocks, pointer, &found);
	}
	PG_CATCH();
	{
		free(pointer);
		PG_RE_THROW();
	}
	PG_END_TRY();
	return pointer;
}

static void
JsonFree(void *pointer)
{
	/*
	 * A pointer that is not recorded is no live block of ours (freed twice,
	 * or never cJSON's): free() it all the same, so that valgrind reports
	 * the invalid free with both stacks.
	 */
	if (pointer != NULL)
		json_blocks_delete(json_blocks, pointer);
	free(pointer);
}

/* Reset callback of the private context: free what cJSON left live. */
static void
JsonFreeLiveBlocks(void *arg)
{
	json_blocks_hash *blocks = (json_blocks_hash *) arg;
	json_blocks_iterator iterator;
	JsonBlock  *block;

	json_blocks_start_iterate(blocks, &iterator);
	while ((block = json_blocks_iterate(blocks, &iterator)) != NULL)
		free(block->pointer);
}

#endif							/* PG_IMS_JSON_MALLOC */

MemoryContext
PgImsJsonBegin(const char *name)
{
#ifndef PG_IMS_JSON_MALLOC
	cJSON_Hooks hooks = {JsonPalloc, JsonPfree};
#else
	cJSON_Hooks hooks = {JsonMalloc, JsonFree};
	MemoryContext context;
	json_blocks_hash *blocks;
	MemoryContextCallback *callback;
#endif

	if (json_context != NULL)
		elog(ERROR, "cJSON memory context \"%s\" is already in use", name);
#ifndef PG_IMS_JSON_MALLOC
	json_context = AllocSetContextCreate(CurrentMemoryContext, "pg_ims JSON", ALLOCSET_DEFAULT_SIZES);
	MemoryContextSetIdentifier(json_context, name);
#else
	/* set up in a local first: a failure here must not leave it "in use" */
	context = AllocSetContextCreate(CurrentMemoryContext, "pg_ims JSON", ALLOCSET_DEFAULT_SIZES);
	MemoryContextSetIdentifier(context, name);
	blocks = json_blocks_create(context, 256, NULL);
	callback = MemoryContextAlloc(context, sizeof(MemoryContextCallback));
	callback->func = JsonFreeLiveBlocks;
	callback->arg = blocks;
	MemoryContextRegisterResetCallback(context, callback);
	json_blocks = blocks;
	json_context = context;
#endif
	cJSON_InitHooks(&hooks);
	return json_context;
}

void
PgImsJsonEnd(MemoryContext context)
{
	cJSON_InitHooks(NULL);
	json_context = NULL;
#ifdef PG_IMS_JSON_MALLOC
	json_blocks = NULL;
#endif
	MemoryContextDelete(context);
}
