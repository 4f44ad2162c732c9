/*-------------------------------------------------------------------------
 *
 * pg_ims.c
 *	  Module entry point of pg_ims.
 *
 * The extension's concerns each live in their own file; docs/development.md
 * lists them.  The SQL objects are in extension/install/, one part per
 * concern.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

#include "inline_sql.h"
#include "pg_ims.h"

/*
 * From PostgreSQL 18 the magic block also carries the module's name and
 * version, which pg_get_loaded_modules() shows.  The version comes from
 * the control file (default_version), through the Makefile's
 * -DPG_IMS_VERSION, so that the control file stays its one source.
 */
#if PG_VERSION_NUM >= 180000
#ifndef PG_IMS_VERSION
#error "PG_IMS_VERSION is not defined: build pg_ims with its Makefile"
#endif
PG_MODULE_MAGIC_EXT(.name = "pg_ims", .version = PG_IMS_VERSION);
#else
PG_MODULE_MAGIC;
#endif

void		_PG_init(void);

/*
 * Loaded with the server (shared_preload_libraries) or by a session's
 * first call: under Citus, error messages lose their shard names
 * (src/shard_names.c), and pg_ims's SQL functions are inlined before
 * Citus plans a query (src/inline_sql.c).
 */
void
_PG_init(void)
{
	PgImsInstallShardNameFilter();
	PgImsInstallInliner();
}
