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

PG_MODULE_MAGIC;
