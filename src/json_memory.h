/*-------------------------------------------------------------------------
 *
 * json_memory.h
 *	  cJSON on palloc, inside a private memory context.
 *
 *-------------------------------------------------------------------------
 */
#ifndef JSON_MEMORY_H
#define JSON_MEMORY_H

#include "utils/memutils.h"

/*
 * Point cJSON's allocator at a new memory context, child of the current
 * one, and return it.  Between begin and end every cJSON allocation lives
 * there; PgImsJsonEnd() restores cJSON's allocator and deletes the context,
 * so nothing cJSON allocated survives, error or not.  Call end in a
 * PG_FINALLY block.  Built with -DPG_IMS_JSON_MALLOC (for valgrind) cJSON
 * allocates with malloc, and deleting the context frees what it left.
 */
extern MemoryContext PgImsJsonBegin(const char *name);
extern void PgImsJsonEnd(MemoryContext context);

#endif							/* JSON_MEMORY_H */
