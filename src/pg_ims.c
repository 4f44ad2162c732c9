/*-------------------------------------------------------------------------
 *
 * pg_ims.c
 *	  Module entry point of pg_ims.
 *
 * The extension's concerns each live in their own file: risk_type.c and
 * applicability.c (the two types), catalog.c and catalog_parse.c (the
 * standards' catalogs).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;
