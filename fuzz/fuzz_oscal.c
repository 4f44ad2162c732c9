/*-------------------------------------------------------------------------
 *
 * fuzz_oscal.c
 *	  libFuzzer harness for the OSCAL catalog reader (src/oscal_parse.c over
 *	  src/json_strict.c), with cJSON on malloc.
 *
 * Any input must be accepted or refused with an error of a known kind and a
 * terminated detail, and everything allocated must be freed (LeakSanitizer
 * checks).  An accepted catalog must hold what the checks promise: at least
 * one control, each with an id and a title, ids unique, and every parent
 * the id of a control that comes before it.
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "oscal_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	OscalCatalog cat;
	CatalogError err;

	if (oscal_catalog_parse((const char *) data, size, &cat, &err))
	{
		if (cat.n_controls <= 0 || cat.title == NULL)
			abort();
		for (int i = 0; i < cat.n_controls; i++)
		{
			const OscalControl *c = &cat.controls[i];
			int			parent_found = (c->parent == NULL);

			if (c->id == NULL || c->title == NULL || strlen(c->id) > CATALOG_MAX_ID)
				abort();
			/* quadratic, but fuzz inputs are small */
			for (int j = 0; j < i; j++)
			{
				if (strcmp(cat.controls[j].id, c->id) == 0)
					abort();
				if (c->parent && strcmp(cat.controls[j].id, c->parent) == 0)
					parent_found = 1;
			}
			if (!parent_found)
				abort();
		}
	}
	else
	{
		if (err.kind != CATALOG_ERROR_NOT_JSON && err.kind != CATALOG_ERROR_SHAPE)
			abort();
		if (memchr(err.detail, '\0', sizeof(err.detail)) == NULL)
			abort();
	}
	oscal_catalog_free(&cat);
	return 0;
}
