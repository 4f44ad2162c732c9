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
 * Usage: catalog_check [--shipped] FILE...
 * Prints one line per file: "FILE: ok ..." or "FILE: error 22032|22023: detail".
 * With --shipped, each file must also meet what pg_ims requires of the
 * documents it ships (a strength for every control pair of a mapping), and
 * the lines read "FILE (shipped): ...".
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

/* How many control pairs of a mapping state each strength, or none. */
static void
PrintStrengths(const CatalogDocument *doc)
{
	static const char *const strengths[] = {"strong", "moderate", "weak"};
	int			counts[4] = {0, 0, 0, 0};

	for (int i = 0; i < doc->n_control_pairs; i++)
	{
		int			k = 0;

		while (k < 3 && (doc->control_pairs[i].strength == NULL ||
						 strcmp(doc->control_pairs[i].strength, strengths[k]) != 0))
			k++;
		counts[k]++;
	}
	printf(" (strong %d, moderate %d, weak %d, not stated %d)",
		   counts[0], counts[1], counts[2], counts[3]);
}

int
main(int argc, char **argv)
{
	int			failed = 0;
	int			shipped = argc > 1 && strcmp(argv[1], "--shipped") == 0;

	if (argc < 2 + shipped)
	{
		fprintf(stderr, "usage: %s [--shipped] FILE...\n", argv[0]);
		return 2;
	}
	for (int i = 1 + shipped; i < argc; i++)
	{
		const char *base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
		char		name[320];
		size_t		len = 0;
		char	   *text = ReadFile(argv[i], &len);
		CatalogDocument doc;
		CatalogError err;

		snprintf(name, sizeof(name), "%.300s%s", base, shipped ? " (shipped)" : "");
		if (text == NULL)
		{
			printf("%s: cannot read\n", name);
			failed = 1;
			continue;
		}
		if (catalog_document_parse(text, len, &doc, &err) &&
			(!shipped || doc.kind != CATALOG_DOCUMENT_MAPPING ||
			 catalog_check_shipped_mapping(&doc, &err)))
		{
			if (doc.kind == CATALOG_DOCUMENT_CATALOG)
				printf("%s: ok catalog %s, %d clauses, %d controls, %d reference items\n",
					   name, doc.code, doc.n_clauses, doc.n_controls, doc.n_items);
			else if (doc.kind == CATALOG_DOCUMENT_MAPPING)
			{
				printf("%s: ok mapping %s to %s, %d clause pairs, %d control pairs",
					   name, doc.source_standard, doc.target_standard,
					   doc.n_clause_pairs, doc.n_control_pairs);
				PrintStrengths(&doc);
				printf("\n");
			}
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
