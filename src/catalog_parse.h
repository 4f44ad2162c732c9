/*-------------------------------------------------------------------------
 *
 * catalog_parse.h
 *	  Validation of pg_ims catalog and mapping documents, in plain C.
 *
 * This layer turns JSON text into checked C structures or into an error
 * that names the entry and the key.  It uses nothing of the server: the
 * server sets cJSON's allocation hooks to palloc inside a private memory
 * context (src/catalog.c), and the fuzzers use malloc.  Every allocation
 * goes through cJSON_malloc, so catalog_document_free() releases all of it.
 *
 * The format is documented in docs/catalog-format.md.
 *
 *-------------------------------------------------------------------------
 */
#ifndef CATALOG_PARSE_H
#define CATALOG_PARSE_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* Limits, in bytes of UTF-8. */
#define CATALOG_MAX_ID		64
#define CATALOG_MAX_TITLE	1000
#define CATALOG_MAX_TEXT	4000

typedef enum CatalogErrorKind
{
	CATALOG_ERROR_NONE,
	CATALOG_ERROR_NOT_JSON,		/* not JSON, bad UTF-8, \u0000: SQLSTATE 22032 */
	CATALOG_ERROR_SHAPE			/* JSON of the wrong shape: SQLSTATE 22023 */
} CatalogErrorKind;

typedef struct CatalogError
{
	CatalogErrorKind kind;
	char		detail[512];	/* a full sentence naming entry and key */
} CatalogError;

typedef enum CatalogDocumentKind
{
	CATALOG_DOCUMENT_CATALOG,
	CATALOG_DOCUMENT_MAPPING
} CatalogDocumentKind;

typedef struct CatalogClause
{
	const char *number;
	const char *title;
	const char *parent;			/* NULL for a top-level clause */
} CatalogClause;

typedef struct CatalogControl
{
	const char *id;
	const char *title;
	const char *area;			/* NULL when absent */
	const char *area_title;
	const char *theme;
	const char **evidence_kinds;
	int			n_evidence_kinds;
} CatalogControl;

typedef struct CatalogReferenceItem
{
	const char *list;
	const char *id;
	const char *title;
	int			list_entry;		/* 1-based position of its list */
	int			item_entry;		/* 1-based position within the list */
} CatalogReferenceItem;

typedef struct CatalogClausePair
{
	const char *source;			/* NULL when relation is no_counterpart */
	const char *target;
	const char *relation;
	const char *action;
} CatalogClausePair;

typedef struct CatalogControlPair
{
	const char *source;
	const char *target;
	const char *relation;
	const char *rationale;
	const char *provenance;
} CatalogControlPair;

typedef struct CatalogDocument
{
	CatalogDocumentKind kind;
	cJSON	   *root;			/* every string below points into it */
	void	   *scratch;		/* sort buffer of the check under way */

	/* kind == CATALOG_DOCUMENT_CATALOG */
	const char *code;
	const char *title;
	const char *standard_kind;
	CatalogClause *clauses;
	int			n_clauses;
	CatalogControl *controls;
	int			n_controls;
	CatalogReferenceItem *items;
	int			n_items;

	/* kind == CATALOG_DOCUMENT_MAPPING */
	const char *source_standard;
	const char *target_standard;
	CatalogClausePair *clause_pairs;
	int			n_clause_pairs;
	CatalogControlPair *control_pairs;
	int			n_control_pairs;
} CatalogDocument;

/*
 * Parse and check a document of len bytes (need not be NUL-terminated).
 * Returns 1 and fills doc, or returns 0 and fills err.  In both cases the
 * caller releases doc with catalog_document_free().
 */
extern int	catalog_document_parse(const char *text, size_t len,
								   CatalogDocument *doc, CatalogError *err);
extern void catalog_document_free(CatalogDocument *doc);

/* Shared checks, also used for OSCAL documents. */
extern int	catalog_check_utf8(const char *text, size_t len, CatalogError *err);
extern cJSON *catalog_parse_json(const char *text, size_t len, CatalogError *err);

#endif							/* CATALOG_PARSE_H */
