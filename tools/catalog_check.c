/*-------------------------------------------------------------------------
 *
 * catalog_check.c
 *	  Check catalog and mapping documents outside the server.
 *
 * Runs the same validation layer as ims.import_catalog() (src/catalog_parse.c
 * over src/json_strict.c) on files, with cJSON on malloc.  It cannot know
 * what a database has loaded, so it checks shape only.  `make test` runs it
 * on fixtures that cannot travel through SQL text (invalid UTF-8, NUL
 * bytes); users can run it on a catalog before loading it.
 *
 * Usage: catalog_check FILE...
 * Prints one line per file: "FILE: ok ..." or "FILE: error 22032|22023: detail".
 * Exit status 1 when any file fails.
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_parse.h"

static char *
ReadFile(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf = NULL;
	size_t		cap = 0;
	size_t		n = 0;

	if (f == NULL)
		return NULL;
	for (;;)
	{
		size_t		got;

		if (n == cap)
		{
			char	   *bigger;

			cap = cap ? cap * 2 : 65536;
			bigger = realloc(buf, cap);
			if (bigger == NULL)
			{
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = bigger;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	fclose(f);
	*len = n;
	return buf;
}

int
main(int argc, char **argv)
{
	int			failed = 0;

	if (argc < 2)
	{
		fprintf(stderr, "usage: %s FILE...\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++)
	{
		const char *name = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
		size_t		len = 0;
		char	   *text = ReadFile(argv[i], &len);
		CatalogDocument doc;
		CatalogError err;

		if (text == NULL)
		{
			printf("%s: cannot read\n", name);
			failed = 1;
			continue;
		}
		if (catalog_document_parse(text, len, &doc, &err))
		{
			if (doc.kind == CATALOG_DOCUMENT_CATALOG)
				printf("%s: ok catalog %s, %d clauses, %d controls, %d reference items\n",
					   name, doc.code, doc.n_clauses, doc.n_controls, doc.n_items);
			else if (doc.kind == CATALOG_DOCUMENT_MAPPING)
				printf("%s: ok mapping %s to %s, %d clause pairs, %d control pairs\n",
					   name, doc.source_standard, doc.target_standard,
					   doc.n_clause_pairs, doc.n_control_pairs);
			else
				printf("%s: ok crosswalk %s to %s, %d obligations\n",
					   name, doc.source_standard, doc.target_standard, doc.n_obligations);
		}
		else
		{
			printf("%s: error %s: %s\n", name,
				   err.kind == CATALOG_ERROR_NOT_JSON ? "22032" : "22023", err.detail);
			failed = 1;
		}
		catalog_document_free(&doc);
		free(text);
	}
	return failed;
}
