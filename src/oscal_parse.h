/*-------------------------------------------------------------------------
 *
 * oscal_parse.h
 *	  Validation of NIST OSCAL catalogs (JSON), in plain C.
 *
 * Reads the parts of an OSCAL catalog that pg_ims keeps -- the catalog's
 * title, its groups at any depth, its controls and their enhancements
 * (controls inside controls) with their "label" prop -- and refuses a
 * document that is not an OSCAL catalog with a detail that says where, as
 * a JSON path ($.catalog.groups[2].controls[0]).  Like catalog_parse.c it
 * uses nothing of the server, so the fuzzers build it with malloc.
 *
 *-------------------------------------------------------------------------
 */
#ifndef OSCAL_PARSE_H
#define OSCAL_PARSE_H

#include "json_strict.h"

typedef struct OscalControl
{
	const char *id;				/* OSCAL id, such as "ac-2.1" */
	const char *title;			/* exactly as in the document */
	const char *label;			/* the "label" prop, such as "AC-2(1)"; or NULL */
	const char *parent;			/* id of the enclosing control, or NULL */
	const char *group_id;		/* innermost enclosing group, or NULL */
	const char *group_title;
	int			withdrawn;		/* a "status" prop "withdrawn" (NIST's mark) */
} OscalControl;

typedef struct OscalCatalog
{
	cJSON	   *root;			/* every string below points into it */
	const char *uuid;			/* catalog.uuid */
	const char *title;			/* metadata.title */
	OscalControl *controls;		/* in document order, parents first */
	int			n_controls;
	void	   *scratch;		/* sort buffer of the duplicate check */
} OscalCatalog;

/*
 * Parse and check an OSCAL catalog of len bytes.  Returns 1 and fills cat,
 * or returns 0 and fills err.  Either way the caller releases cat with
 * oscal_catalog_free().
 */
extern int	oscal_catalog_parse(const char *text, size_t len, OscalCatalog *cat,
								CatalogError *err);
extern void oscal_catalog_free(OscalCatalog *cat);

#endif							/* OSCAL_PARSE_H */
