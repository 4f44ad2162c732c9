/*-------------------------------------------------------------------------
 *
 * catalog_parse.h
 *	  The three native formats of pg_ims -- catalog, mapping, crosswalk --
 *	  read into checked C structures, in plain C.
 *
 * This layer turns JSON text into checked C structures or into an error
 * that names the entry and the key; the text itself is read by the strict
 * JSON reader (json_strict.h).  It uses nothing of the server: the server
 * sets cJSON's allocation hooks to a private memory context
 * (src/json_memory.c: palloc, or malloc in the valgrind build), and the
 * fuzzers use malloc.  Every allocation goes through cJSON_malloc, so
 * catalog_document_free() releases all of it.
 *
 * The format is documented in docs/catalog-format.md.
 *
 *-------------------------------------------------------------------------
 */
#ifndef CATALOG_PARSE_H
#define CATALOG_PARSE_H

#include "json_strict.h"

typedef enum CatalogDocumentKind
{
	CATALOG_DOCUMENT_CATALOG,
	CATALOG_DOCUMENT_MAPPING,
	CATALOG_DOCUMENT_CROSSWALK
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

/*
 * The strength of a control pair: how much of one control's implementation
 * and evidence carries over to the other.  A pair that states none is
 * imported with CATALOG_DEFAULT_STRENGTH; a shipped mapping states it for
 * every pair (catalog_check_shipped_mapping).
 */
#define CATALOG_DEFAULT_STRENGTH "moderate"

typedef struct CatalogControlPair
{
	const char *source;
	const char *target;
	const char *relation;
	const char *strength;		/* strong, moderate or weak; NULL when not stated */
	const char *rationale;
	const char *provenance;
} CatalogControlPair;

/* An obligation of a regulation and the items of a standard that support it. */
typedef struct CatalogObligation
{
	const char *ref;			/* clause (article, annex) of the regulation */
	const char **roles;			/* operators it binds: provider, deployer ... */
	int			n_roles;
	const char **risk_classes;	/* risk classes of AI system it applies to */
	int			n_risk_classes;
	const char *coverage;		/* partial, weak or none */
	const char **clauses;		/* supporting clauses of the standard */
	int			n_clauses;
	const char **controls;		/* supporting controls of the standard */
	int			n_controls;
	const char *rationale;
	const char *not_covered;
	const char *provenance;
} CatalogObligation;

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

	/*
	 * kind == CATALOG_DOCUMENT_CROSSWALK: source_standard is the regulation,
	 * target_standard the standard that supports it.
	 */
	CatalogObligation *obligations;
	int			n_obligations;
} CatalogDocument;

/*
 * Parse and check a document of len bytes (need not be NUL-terminated).
 * Returns 1 and fills doc, or returns 0 and fills err.  In both cases the
 * caller releases doc with catalog_document_free().
 */
extern int	catalog_document_parse(const char *text, size_t len,
								   CatalogDocument *doc, CatalogError *err);
extern void catalog_document_free(CatalogDocument *doc);

/*
 * What a mapping shipped with pg_ims must hold beyond the format: a strength
 * for every control pair.  Returns 1, or 0 with err set.  The server checks
 * it before it loads a shipped mapping, tools/catalog_check with --shipped.
 */
extern int	catalog_check_shipped_mapping(const CatalogDocument *doc, CatalogError *err);

#endif							/* CATALOG_PARSE_H */
