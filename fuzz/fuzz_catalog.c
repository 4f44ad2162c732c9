/*-------------------------------------------------------------------------
 *
 * fuzz_catalog.c
 *	  libFuzzer harness for the catalog, mapping and crosswalk validation layer
 *	  (src/catalog_parse.c over src/json_strict.c), with cJSON on malloc.
 *
 * Any input must be accepted or refused with an error of a known kind and a
 * terminated detail, and everything allocated must be freed (LeakSanitizer
 * checks).  An accepted document must hold what the checks promise.
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	CatalogDocument doc;
	CatalogError err;

	if (catalog_document_parse((const char *) data, size, &doc, &err))
	{
		if (doc.kind == CATALOG_DOCUMENT_CATALOG)
		{
			if (doc.code == NULL || doc.title == NULL || strlen(doc.code) > CATALOG_MAX_ID)
				abort();
			for (int i = 0; i < doc.n_controls; i++)
				if (doc.controls[i].id == NULL || doc.controls[i].title == NULL)
					abort();
		}
		else if (doc.kind == CATALOG_DOCUMENT_MAPPING)
		{
			int			unrated = 0;
			CatalogError shipped_err;

			if (doc.n_clause_pairs + doc.n_control_pairs == 0)
				abort();
			/* a strength is absent or one of the three words */
			for (int i = 0; i < doc.n_control_pairs; i++)
			{
				const char *s = doc.control_pairs[i].strength;

				if (s == NULL)
					unrated++;
				else if (strcmp(s, "strong") != 0 && strcmp(s, "moderate") != 0 &&
						 strcmp(s, "weak") != 0)
					abort();
			}
			/* the shipped check refuses exactly the mappings with an unrated pair */
			if (catalog_check_shipped_mapping(&doc, &shipped_err) != (unrated == 0))
				abort();
			if (unrated > 0 && (shipped_err.kind != CATALOG_ERROR_SHAPE ||
								memchr(shipped_err.detail, '\0', sizeof(shipped_err.detail)) == NULL))
				abort();
		}
		else
		{
			/* a crosswalk: coverage none exactly when nothing supports */
			if (doc.n_obligations == 0)
				abort();
			for (int i = 0; i < doc.n_obligations; i++)
			{
				const CatalogObligation *o = &doc.obligations[i];

				if (o->n_roles == 0 || o->n_risk_classes == 0 ||
					(strcmp(o->coverage, "none") == 0) != (o->n_clauses + o->n_controls == 0))
					abort();
			}
		}
	}
	else
	{
		if (err.kind != CATALOG_ERROR_NOT_JSON && err.kind != CATALOG_ERROR_SHAPE)
			abort();
		if (memchr(err.detail, '\0', sizeof(err.detail)) == NULL)
			abort();
	}
	catalog_document_free(&doc);
	return 0;
}
