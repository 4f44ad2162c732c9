/*-------------------------------------------------------------------------
 *
 * catalog_load.h
 *	  What every load of a catalog shares, native (src/catalog_load.c) or
 *	  OSCAL (src/oscal_load.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef CATALOG_LOAD_H
#define CATALOG_LOAD_H

#include "postgres.h"

#include "catalog_parse.h"

/*
 * A document to load: its text, what it is called in messages (document
 * kind, file name, or for OSCAL the standard code), whether it is shipped
 * with the extension, and the kind expected.
 */
typedef struct CatalogLoadRequest
{
	const char *data;
	size_t		len;
	const char *what;
	bool		builtin;
	CatalogDocumentKind expected;
} CatalogLoadRequest;

/* A load, run by CatalogLoadInJsonContext; its result is allocated in caller. */
typedef Datum (*CatalogLoadFunction) (const CatalogLoadRequest *request, MemoryContext caller);

/*
 * Run load(request) with cJSON allocating in a private memory context,
 * which is deleted whether the load succeeds or fails, and cJSON's hooks
 * restored.
 */
extern Datum CatalogLoadInJsonContext(CatalogLoadFunction load,
									  const CatalogLoadRequest *request);

/*
 * Connect to SPI and take the catalog load lock: loads are serialized, so
 * that "already loaded" still holds when the rows are written.  The caller
 * ends with PgImsSpiFinish().
 */
extern void CatalogLoadBegin(void);

/*
 * Run a statement of a load.  Never read-only: each statement takes a
 * fresh snapshot, so the checks made after waiting for the lock see what
 * the session that held it committed.  Returns the number of rows.
 */
extern uint64 CatalogLoadExecute(const char *sql, int nargs, Oid *types, Datum *values);

/* Whether ims.standard has code (UTF-8, as the parsers give it). */
extern bool CatalogStandardExists(const char *code);

#endif							/* CATALOG_LOAD_H */
