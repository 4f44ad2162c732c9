/*-------------------------------------------------------------------------
 *
 * catalog_parse.c
 *	  Check pg_ims catalog, mapping and crosswalk documents and turn them
 *	  into C structures.
 *
 * Plain C on top of cJSON, with no server headers, so that the fuzzers can
 * build it alone.  The text is read by json_strict.c, which refuses what
 * cJSON would let through; this file checks the shape of each format.
 *
 * Every error fills CatalogError with a detail sentence that says where:
 * the entry (1-based, as an editor shows it) and the key.
 *
 *-------------------------------------------------------------------------
 */
#include "catalog_parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FORMAT_CATALOG	"pg_ims/catalog"
#define FORMAT_MAPPING	"pg_ims/mapping"
#define FORMAT_CROSSWALK "pg_ims/crosswalk"

#define COUNT_OF(array) ((int) (sizeof(array) / sizeof((array)[0])))

/* Allocate through cJSON's hooks; n may be zero. */
static void *
Alloc(size_t n, CatalogError *err)
{
	void	   *p = cJSON_malloc(n > 0 ? n : 1);

	if (p == NULL)
		catalog_fail(err, CATALOG_ERROR_NOT_JSON, "Out of memory while reading the document.");
	else
		memset(p, 0, n > 0 ? n : 1);
	return p;
}

/*
 * Duplicate detection: sort (key, entry) pairs and find, among equal keys,
 * the first repetition in document order, so the detail is deterministic.
 */
typedef struct KeyedEntry
{
	const char *a;
	const char *b;				/* second part of a compound key, or NULL */
	int			entry;
} KeyedEntry;

static int
CompareKeyedEntry(const void *x, const void *y)
{
	const KeyedEntry *l = x;
	const KeyedEntry *r = y;
	int			c = strcmp(l->a, r->a);

	if (c == 0 && l->b && r->b)
		c = strcmp(l->b, r->b);
	if (c == 0)
		c = (l->entry > r->entry) - (l->entry < r->entry);
	return c;
}

static int
SameKey(const KeyedEntry *l, const KeyedEntry *r)
{
	return strcmp(l->a, r->a) == 0 &&
		(l->b == NULL || r->b == NULL || strcmp(l->b, r->b) == 0);
}

/* Returns the 1-based entry of the first repeated key, or 0. */
static int
FirstDuplicate(KeyedEntry *keys, int n)
{
	int			first = 0;

	qsort(keys, n, sizeof(KeyedEntry), CompareKeyedEntry);
	for (int i = 1; i < n; i++)
		if (SameKey(&keys[i - 1], &keys[i]) &&
			(first == 0 || keys[i].entry < first))
			first = keys[i].entry;
	return first;
}

/* Position of key in keys sorted by FirstDuplicate, or NULL. */
static const KeyedEntry *
FindKey(const KeyedEntry *keys, int n, const char *key)
{
	int			lo = 0;
	int			hi = n - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int			c = strcmp(keys[mid].a, key);

		if (c == 0)
		{
			/* the first entry with this key, in document order */
			while (mid > 0 && strcmp(keys[mid - 1].a, key) == 0)
				mid--;
			return &keys[mid];
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* The sort buffer of the current check; catalog_document_free() frees it on error. */
static void
ReleaseScratch(CatalogDocument *doc)
{
	cJSON_free(doc->scratch);
	doc->scratch = NULL;
}

static const char *const catalog_keys[] = {
	"format", "format_version", "standard", "clauses", "controls", "reference_lists"
};
static const char *const mapping_keys[] = {
	"format", "format_version", "source_standard", "target_standard",
	"clause_pairs", "control_pairs"
};
static const char *const standard_keys[] = {"code", "title", "kind"};
static const char *const standard_kinds[] = {
	"management_system", "control_catalog", "regulation"
};
static const char *const clause_keys[] = {"number", "title", "parent"};
static const char *const control_keys[] = {
	"id", "title", "area", "area_title", "theme", "evidence_kinds"
};
static const char *const list_keys[] = {"list", "items"};
static const char *const item_keys[] = {"id", "title"};
static const char *const clause_pair_keys[] = {"source", "target", "relation", "action"};
static const char *const clause_relations[] = {"equal", "analogous", "no_counterpart"};
static const char *const control_pair_keys[] = {
	"source", "target", "relation", "strength", "rationale", "provenance"
};
static const char *const control_relations[] = {"equal", "subset", "superset", "intersects"};
static const char *const control_strengths[] = {"strong", "moderate", "weak"};

static const char *const crosswalk_keys[] = {
	"format", "format_version", "regulation", "standard", "obligations"
};
static const char *const obligation_keys[] = {
	"ref", "roles", "risk_classes", "coverage", "clauses", "controls",
	"rationale", "not_covered", "provenance"
};
static const char *const operator_roles[] = {"provider", "deployer", "importer", "distributor"};
static const char *const risk_classes[] = {"prohibited", "high", "limited", "minimal"};
static const char *const coverages[] = {"partial", "weak", "none"};

/*
 * The arrays of entries, read by one skeleton.  Every array of the three
 * formats is read the same way: each entry must be an object with known
 * keys; its reader fills one slot of a zeroed C array and names the key
 * that must not repeat; then the first repetition, in document order, is
 * found.  What differs per array is the EntryArray below and its reader.
 */
typedef struct EntryRead
{
	const cJSON *item;			/* the entry, an object */
	const char *where;			/* "Entry 3 of \"clauses\"", for details */
	int			index;			/* 0-based position in its array */
	void	   *entry;			/* the slot to fill, or NULL */
	KeyedEntry *key;			/* the key to set (a, b), or NULL */
	void	   *arg;			/* what the caller passed along */
	CatalogError *err;
} EntryRead;

typedef struct EntryArray
{
	const char *key;			/* the array's key: "clauses" */
	int			required;		/* the key must be there */
	int			nonempty;		/* ... and hold an entry */
	const char *const *entry_keys;	/* the keys an entry may have */
	int			n_entry_keys;
	size_t		entry_size;		/* of the C structure of one entry */
	int			(*read) (EntryRead *r);
} EntryArray;

#define ENTRY_ARRAY(key, required, nonempty, entry_keys, type, read) \
	{key, required, nonempty, entry_keys, COUNT_OF(entry_keys), sizeof(type), read}

/*
 * Read each entry of array into entries[first + i] and keys[first + i]
 * (either may be NULL).  within is NULL for an array of the document,
 * whose entries are "Entry 3 of \"clauses\""; for an array inside an entry
 * it names that entry ("entry 2 of \"reference_lists\""), and its entries
 * are "Item 1 of entry 2 of \"reference_lists\"".
 */
static int
ReadEntries(const cJSON *array, const EntryArray *spec, const char *within,
			void *entries, KeyedEntry *keys, int first, void *arg, CatalogError *err)
{
	const cJSON *item;
	int			i = 0;
	char		where[96];

	cJSON_ArrayForEach(item, array)
	{
		EntryRead	r = {item, where, i, NULL, NULL, arg, err};

		if (within == NULL)
			snprintf(where, sizeof(where), "Entry %d of \"%s\"", i + 1, spec->key);
		else
			snprintf(where, sizeof(where), "Item %d of %s", i + 1, within);
		if (entries != NULL)
			r.entry = (char *) entries + spec->entry_size * (first + i);
		if (keys != NULL)
		{
			r.key = &keys[first + i];
			r.key->entry = first + i + 1;
		}
		if (!catalog_require_object(item, where, err) ||
			!catalog_check_keys(item, where, spec->entry_keys, spec->n_entry_keys, err) ||
			!spec->read(&r))
			return 0;
		i++;
	}
	return 1;
}

/*
 * Read the array spec->key of the document into *entries, a new C array
 * of *n entries (set before any entry is read, so that
 * catalog_document_free() finds what an entry's reader allocated), and set
 * *dup to the 1-based entry of the first repeated key, or 0.  The keys
 * stay in doc->scratch, sorted, for the caller to search and release.
 */
static int
ReadArray(const cJSON *root, const EntryArray *spec, CatalogDocument *doc,
		  void **entries, int *n, int *dup, CatalogError *err)
{
	const cJSON *array;
	KeyedEntry *keys;

	*dup = 0;
	if (!catalog_get_array(root, "The document", spec->key, spec->required, &array, n, err))
		return 0;
	if (spec->nonempty && *n == 0)
		return catalog_fail(err, CATALOG_ERROR_SHAPE, "The document: key \"%s\" must not be empty.",
							spec->key);
	*entries = Alloc(spec->entry_size * *n, err);
	keys = doc->scratch = Alloc(sizeof(KeyedEntry) * *n, err);
	if (*entries == NULL || keys == NULL)
		return 0;
	if (!ReadEntries(array, spec, NULL, *entries, keys, 0, NULL, err))
		return 0;
	*dup = FirstDuplicate(keys, *n);
	return 1;
}

/*
 * An array of distinct strings under key: ids (RULE_ID), or words of a
 * vocabulary when choices is given.  A missing key is an empty list.
 */
static int
GetStringList(const cJSON *obj, const char *where, const char *key,
			  const char *const *choices, int n_choices, const char *choice_list,
			  int required_nonempty, const char ***out, int *count, CatalogError *err)
{
	const cJSON *array;
	const cJSON *item;
	int			n;
	int			k = 0;

	if (!catalog_get_array(obj, where, key, required_nonempty, &array, &n, err))
		return 0;
	if (required_nonempty && n == 0)
		return catalog_fail(err, CATALOG_ERROR_SHAPE, "%s: key \"%s\" must not be empty.", where, key);
	*out = Alloc(sizeof(char *) * n, err);
	if (*out == NULL)
		return 0;
	cJSON_ArrayForEach(item, array)
	{
		const char *s = cJSON_IsString(item) ? item->valuestring : NULL;

		if (s == NULL || s[0] == '\0' || strlen(s) > CATALOG_MAX_ID || !catalog_string_obeys(s, RULE_ID))
			return catalog_fail(err, CATALOG_ERROR_SHAPE,
								"%s: item %d of key \"%s\" must be a non-empty string of at most %d bytes without control characters or blanks at either end.",
								where, k + 1, key, CATALOG_MAX_ID);
		if (choices != NULL)
		{
			int			c;

			for (c = 0; c < n_choices; c++)
				if (strcmp(s, choices[c]) == 0)
					break;
			if (c == n_choices)
				return catalog_fail(err, CATALOG_ERROR_SHAPE,
									"%s: item %d of key \"%s\" is \"%.64s\"; expected %s.",
									where, k + 1, key, s, choice_list);
		}
		for (int j = 0; j < k; j++)
			if (strcmp((*out)[j], s) == 0)
				return catalog_fail(err, CATALOG_ERROR_SHAPE,
									"%s: key \"%s\" lists \"%s\" twice.", where, key, s);
		(*out)[k++] = s;
	}
	*count = k;
	return 1;
}

/* ---- catalog ---- */

static int
ReadClause(EntryRead *r)
{
	CatalogClause *c = r->entry;

	if (!catalog_get_string(r->item, r->where, "number", 1, CATALOG_MAX_ID, RULE_ID, &c->number, r->err) ||
		!catalog_get_string(r->item, r->where, "title", 1, CATALOG_MAX_TITLE, RULE_TEXT, &c->title, r->err) ||
		!catalog_get_string(r->item, r->where, "parent", 0, CATALOG_MAX_ID, RULE_ID, &c->parent, r->err))
		return 0;
	r->key->a = c->number;
	return 1;
}

static const EntryArray clause_array =
ENTRY_ARRAY("clauses", 1, 0, clause_keys, CatalogClause, ReadClause);

static int
ParseClauses(const cJSON *root, CatalogDocument *doc, CatalogError *err)
{
	const KeyedEntry *keys;
	int			dup;

	if (!ReadArray(root, &clause_array, doc, (void **) &doc->clauses, &doc->n_clauses, &dup, err))
		return 0;
	if (dup)
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
							"Entry %d of \"clauses\", key \"number\": clause \"%s\" is listed twice.",
							dup, doc->clauses[dup - 1].number);

	/* A parent must come earlier, so the list reads as a table of contents. */
	keys = doc->scratch;
	for (int i = 0; i < doc->n_clauses; i++)
	{
		const char *parent = doc->clauses[i].parent;
		const KeyedEntry *found;

		if (parent == NULL)
			continue;
		found = FindKey(keys, doc->n_clauses, parent);
		if (found == NULL || found->entry > i)
			return catalog_fail(err, CATALOG_ERROR_SHAPE,
								"Entry %d of \"clauses\", key \"parent\": \"%s\" is not a clause listed before this one.",
								i + 1, parent);
	}
	ReleaseScratch(doc);
	return 1;
}

static int
ReadControl(EntryRead *r)
{
	CatalogControl *c = r->entry;
	const cJSON *kinds;
	const cJSON *kind;
	int			k = 0;

	if (!catalog_get_string(r->item, r->where, "id", 1, CATALOG_MAX_ID, RULE_ID, &c->id, r->err) ||
		!catalog_get_string(r->item, r->where, "title", 1, CATALOG_MAX_TITLE, RULE_TEXT, &c->title, r->err) ||
		!catalog_get_string(r->item, r->where, "area", 0, CATALOG_MAX_ID, RULE_ID, &c->area, r->err) ||
		!catalog_get_string(r->item, r->where, "area_title", 0, CATALOG_MAX_TITLE, RULE_TEXT, &c->area_title, r->err) ||
		!catalog_get_string(r->item, r->where, "theme", 0, CATALOG_MAX_ID, RULE_WORD, &c->theme, r->err) ||
		!catalog_get_array(r->item, r->where, "evidence_kinds", 0, &kinds, &c->n_evidence_kinds, r->err))
		return 0;
	c->evidence_kinds = Alloc(sizeof(char *) * c->n_evidence_kinds, r->err);
	if (c->evidence_kinds == NULL)
		return 0;
	cJSON_ArrayForEach(kind, kinds)
	{
		if (!cJSON_IsString(kind) || kind->valuestring == NULL ||
			kind->valuestring[0] == '\0' ||
			strlen(kind->valuestring) > CATALOG_MAX_ID ||
			!catalog_string_obeys(kind->valuestring, RULE_WORD))
			return catalog_fail(r->err, CATALOG_ERROR_SHAPE,
								"%s: item %d of key \"evidence_kinds\" must be an evidence kind code, a lowercase word.",
								r->where, k + 1);
		for (int j = 0; j < k; j++)
			if (strcmp(c->evidence_kinds[j], kind->valuestring) == 0)
				return catalog_fail(r->err, CATALOG_ERROR_SHAPE,
									"%s: key \"evidence_kinds\" lists \"%s\" twice.",
									r->where, kind->valuestring);
		c->evidence_kinds[k++] = kind->valuestring;
	}
	r->key->a = c->id;
	return 1;
}

static const EntryArray control_array =
ENTRY_ARRAY("controls", 1, 0, control_keys, CatalogControl, ReadControl);

static int
ParseControls(const cJSON *root, CatalogDocument *doc, CatalogError *err)
{
	int			dup;

	if (!ReadArray(root, &control_array, doc, (void **) &doc->controls, &doc->n_controls, &dup, err))
		return 0;
	ReleaseScratch(doc);
	if (dup)
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
							"Entry %d of \"controls\", key \"id\": control \"%s\" is listed twice.",
							dup, doc->controls[dup - 1].id);
	return 1;
}

/* First pass over "reference_lists": the shape of a list; arg counts the items. */
static int
ReadReferenceList(EntryRead *r)
{
	const cJSON *items;
	const char *name;
	int			count;

	if (!catalog_get_string(r->item, r->where, "list", 1, CATALOG_MAX_ID, RULE_WORD, &name, r->err) ||
		!catalog_get_array(r->item, r->where, "items", 1, &items, &count, r->err))
		return 0;
	*(int *) r->arg += count;
	return 1;
}

/* The list an item belongs to, for ReadReferenceItem. */
typedef struct ReferenceList
{
	const char *name;
	int			entry;			/* 1-based entry of "reference_lists" */
} ReferenceList;

static int
ReadReferenceItem(EntryRead *r)
{
	CatalogReferenceItem *item = r->entry;
	const ReferenceList *list = r->arg;

	if (!catalog_get_string(r->item, r->where, "id", 1, CATALOG_MAX_ID, RULE_ID, &item->id, r->err) ||
		!catalog_get_string(r->item, r->where, "title", 1, CATALOG_MAX_TITLE, RULE_TEXT, &item->title, r->err))
		return 0;
	item->list = list->name;
	item->list_entry = list->entry;
	item->item_entry = r->index + 1;
	r->key->a = list->name;
	r->key->b = item->id;
	return 1;
}

static const EntryArray reference_list_array =
ENTRY_ARRAY("reference_lists", 0, 0, list_keys, char, ReadReferenceList);
static const EntryArray reference_item_array =
ENTRY_ARRAY("items", 1, 0, item_keys, CatalogReferenceItem, ReadReferenceItem);

/*
 * Reference lists hold items; the items of all lists are one C array, and
 * an item id is unique within its list.
 */
static int
ParseReferenceLists(const cJSON *root, CatalogDocument *doc, CatalogError *err)
{
	const cJSON *lists;
	const cJSON *list;
	KeyedEntry *keys;
	int			n_lists;
	int			n = 0;
	int			l = 0;
	int			dup;

	if (!catalog_get_array(root, "The document", "reference_lists", 0, &lists, &n_lists, err))
		return 0;
	if (lists == NULL)
		return 1;

	/* first pass: shape of each list, and the total number of items */
	if (!ReadEntries(lists, &reference_list_array, NULL, NULL, NULL, 0, &n, err))
		return 0;
	doc->items = Alloc(sizeof(CatalogReferenceItem) * n, err);
	keys = doc->scratch = Alloc(sizeof(KeyedEntry) * n, err);
	if (doc->items == NULL || keys == NULL)
		return 0;

	cJSON_ArrayForEach(list, lists)
	{
		const cJSON *items = cJSON_GetObjectItemCaseSensitive(list, "items");
		ReferenceList context = {cJSON_GetObjectItemCaseSensitive(list, "list")->valuestring, ++l};
		char		within[64];

		snprintf(within, sizeof(within), "entry %d of \"reference_lists\"", l);
		if (!ReadEntries(items, &reference_item_array, within, doc->items, keys, doc->n_items,
						 &context, err))
			return 0;
		doc->n_items += cJSON_GetArraySize(items);
	}
	dup = FirstDuplicate(keys, doc->n_items);
	ReleaseScratch(doc);
	if (dup)
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
							"Key \"reference_lists\": item \"%s\" appears twice in list \"%s\".",
							doc->items[dup - 1].id, doc->items[dup - 1].list);
	return 1;
}

static int
ParseCatalog(const cJSON *root, CatalogDocument *doc, CatalogError *err)
{
	const cJSON *standard = cJSON_GetObjectItemCaseSensitive(root, "standard");
	const char *where = "Object \"standard\"";

	doc->kind = CATALOG_DOCUMENT_CATALOG;
	if (!CATALOG_CHECK_KEYS(root, "The document", catalog_keys, err))
		return 0;
	if (standard == NULL)
		return catalog_fail(err, CATALOG_ERROR_SHAPE, "The document: key \"standard\" is missing.");
	if (!catalog_require_object(standard, where, err) ||
		!CATALOG_CHECK_KEYS(standard, where, standard_keys, err) ||
		!catalog_get_string(standard, where, "code", 1, CATALOG_MAX_ID, RULE_CODE, &doc->code, err) ||
		!catalog_get_string(standard, where, "title", 1, CATALOG_MAX_TITLE, RULE_TEXT, &doc->title, err) ||
		!CATALOG_GET_CHOICE(standard, where, "kind", standard_kinds,
							"management_system, control_catalog or regulation",
							&doc->standard_kind, err))
		return 0;
	return ParseClauses(root, doc, err) &&
		ParseControls(root, doc, err) &&
		ParseReferenceLists(root, doc, err);
}

/* ---- mapping ---- */

/*
 * The two standards a mapping or crosswalk joins, under source_key and
 * target_key, into source_standard and target_standard.
 */
static int
GetStandardPair(const cJSON *root, const char *source_key, const char *target_key,
				CatalogDocument *doc, CatalogError *err)
{
	return catalog_get_string(root, "The document", source_key, 1, CATALOG_MAX_ID, RULE_CODE,
							  &doc->source_standard, err) &&
		catalog_get_string(root, "The document", target_key, 1, CATALOG_MAX_ID, RULE_CODE,
						   &doc->target_standard, err);
}

/* One clause pair per target clause. */
static int
ReadClausePair(EntryRead *r)
{
	CatalogClausePair *p = r->entry;

	if (!CATALOG_GET_CHOICE(r->item, r->where, "relation", clause_relations,
							"equal, analogous or no_counterpart", &p->relation, r->err) ||
		!catalog_get_string(r->item, r->where, "source", strcmp(p->relation, "no_counterpart") != 0,
							CATALOG_MAX_ID, RULE_ID, &p->source, r->err) ||
		!catalog_get_string(r->item, r->where, "target", 1, CATALOG_MAX_ID, RULE_ID, &p->target, r->err) ||
		!catalog_get_string(r->item, r->where, "action", 1, CATALOG_MAX_TEXT, RULE_TEXT, &p->action, r->err))
		return 0;
	if (p->source != NULL && strcmp(p->relation, "no_counterpart") == 0)
		return catalog_fail(r->err, CATALOG_ERROR_SHAPE,
							"%s: key \"source\" must be null when the relation is no_counterpart.", r->where);
	r->key->a = p->target;
	return 1;
}

/*
 * Each (source, target) control pair once.  Its strength may be left out
 * (or null): the loader then stores CATALOG_DEFAULT_STRENGTH, unless the
 * mapping is a shipped one.
 */
static int
ReadControlPair(EntryRead *r)
{
	CatalogControlPair *p = r->entry;

	if (!catalog_get_string(r->item, r->where, "source", 1, CATALOG_MAX_ID, RULE_ID, &p->source, r->err) ||
		!catalog_get_string(r->item, r->where, "target", 1, CATALOG_MAX_ID, RULE_ID, &p->target, r->err) ||
		!CATALOG_GET_CHOICE(r->item, r->where, "relation", control_relations,
							"equal, subset, superset or intersects", &p->relation, r->err) ||
		!CATALOG_GET_OPTIONAL_CHOICE(r->item, r->where, "strength", control_strengths,
									 "strong, moderate or weak", &p->strength, r->err) ||
		!catalog_get_string(r->item, r->where, "rationale", 1, CATALOG_MAX_TEXT, RULE_TEXT, &p->rationale, r->err) ||
		!catalog_get_string(r->item, r->where, "provenance", 1, CATALOG_MAX_TITLE, RULE_TEXT, &p->provenance, r->err))
		return 0;
	r->key->a = p->source;
	r->key->b = p->target;
	return 1;
}

static const EntryArray clause_pair_array =
ENTRY_ARRAY("clause_pairs", 0, 0, clause_pair_keys, CatalogClausePair, ReadClausePair);
static const EntryArray control_pair_array =
ENTRY_ARRAY("control_pairs", 0, 0, control_pair_keys, CatalogControlPair, ReadControlPair);

static int
ParseMapping(const cJSON *root, CatalogDocument *doc, CatalogError *err)
{
	int			dup;

	doc->kind = CATALOG_DOCUMENT_MAPPING;
	if (!CATALOG_CHECK_KEYS(root, "The document", mapping_keys, err) ||
		!GetStandardPair(root, "source_standard", "target_standard", doc, err))
		return 0;
	if (strcmp(doc->source_standard, doc->target_standard) == 0)
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
							"The document: keys \"source_standard\" and \"target_standard\" are both \"%s\"; a mapping joins two standards.",
							doc->source_standard);

	if (!ReadArray(root, &clause_pair_array, doc, (void **) &doc->clause_pairs,
				   &doc->n_clause_pairs, &dup, err))
		return 0;
	ReleaseScratch(doc);
	if (dup)
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
							"Entry %d of \"clause_pairs\", key \"target\": clause \"%s\" is mapped twice.",
							dup, doc->clause_pairs[dup - 1].target);

	if (!ReadArray(root, &control_pair_array, doc, (void **) &doc->control_pairs,
				   &doc->n_control_pairs, &dup, err))
		return 0;
	ReleaseScratch(doc);
	if (dup)
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
							"Entry %d of \"control_pairs\": the pair \"%s\" to \"%s\" is listed twice.",
							dup, doc->control_pairs[dup - 1].source, doc->control_pairs[dup - 1].target);
	if (doc->n_clause_pairs + doc->n_control_pairs == 0)
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
							"The document: a mapping needs at least one entry in \"clause_pairs\" or \"control_pairs\".");
	return 1;
}

/* ---- crosswalk ---- */

static int
ReadObligation(EntryRead *r)
{
	CatalogObligation *o = r->entry;
	const cJSON *item = r->item;
	const char *where = r->where;
	CatalogError *err = r->err;

	if (!catalog_get_string(item, where, "ref", 1, CATALOG_MAX_ID, RULE_ID, &o->ref, err) ||
		!GetStringList(item, where, "roles", operator_roles, COUNT_OF(operator_roles),
					   "provider, deployer, importer or distributor", 1, &o->roles, &o->n_roles, err) ||
		!GetStringList(item, where, "risk_classes", risk_classes, COUNT_OF(risk_classes),
					   "prohibited, high, limited or minimal", 1,
					   &o->risk_classes, &o->n_risk_classes, err) ||
		!CATALOG_GET_CHOICE(item, where, "coverage", coverages, "partial, weak or none", &o->coverage, err) ||
		!GetStringList(item, where, "clauses", NULL, 0, NULL, 0, &o->clauses, &o->n_clauses, err) ||
		!GetStringList(item, where, "controls", NULL, 0, NULL, 0, &o->controls, &o->n_controls, err) ||
		!catalog_get_string(item, where, "rationale", 1, CATALOG_MAX_TEXT, RULE_TEXT, &o->rationale, err) ||
		!catalog_get_string(item, where, "not_covered", 1, CATALOG_MAX_TEXT, RULE_TEXT, &o->not_covered, err) ||
		!catalog_get_string(item, where, "provenance", 1, CATALOG_MAX_TITLE, RULE_TEXT, &o->provenance, err))
		return 0;
	/* a standard supports an obligation in part at most, never in full */
	if ((strcmp(o->coverage, "none") == 0) != (o->n_clauses + o->n_controls == 0))
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
							"%s: key \"coverage\" is \"%s\" but %s; coverage is none exactly when no clause and no control supports the obligation.",
							where, o->coverage,
							o->n_clauses + o->n_controls == 0 ? "no clause or control is listed"
							: "clauses or controls are listed");
	r->key->a = o->ref;
	return 1;
}

static const EntryArray obligation_array =
ENTRY_ARRAY("obligations", 1, 1, obligation_keys, CatalogObligation, ReadObligation);

static int
ParseCrosswalk(const cJSON *root, CatalogDocument *doc, CatalogError *err)
{
	int			dup;

	doc->kind = CATALOG_DOCUMENT_CROSSWALK;
	if (!CATALOG_CHECK_KEYS(root, "The document", crosswalk_keys, err) ||
		!GetStandardPair(root, "regulation", "standard", doc, err))
		return 0;
	if (strcmp(doc->source_standard, doc->target_standard) == 0)
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
							"The document: keys \"regulation\" and \"standard\" must name two different standards.");
	if (!ReadArray(root, &obligation_array, doc, (void **) &doc->obligations,
				   &doc->n_obligations, &dup, err))
		return 0;
	ReleaseScratch(doc);
	if (dup)
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
							"Entry %d of \"obligations\", key \"ref\": \"%s\" is listed twice.",
							dup, doc->obligations[dup - 1].ref);
	return 1;
}

int
catalog_document_parse(const char *text, size_t len, CatalogDocument *doc,
					   CatalogError *err)
{
	const cJSON *format;
	const cJSON *version;

	memset(doc, 0, sizeof(*doc));
	memset(err, 0, sizeof(*err));

	doc->root = catalog_parse_json(text, len, err);
	if (doc->root == NULL)
		return 0;
	if (!cJSON_IsObject(doc->root))
		return catalog_fail(err, CATALOG_ERROR_SHAPE, "The document must be a JSON object.");

	format = cJSON_GetObjectItemCaseSensitive(doc->root, "format");
	if (format == NULL)
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
					"The document: key \"format\" is missing; expected \"%s\", \"%s\" or \"%s\".",
					FORMAT_CATALOG, FORMAT_MAPPING, FORMAT_CROSSWALK);
	version = cJSON_GetObjectItemCaseSensitive(doc->root, "format_version");
	if (version == NULL)
		return catalog_fail(err, CATALOG_ERROR_SHAPE, "The document: key \"format_version\" is missing.");
	if (!cJSON_IsNumber(version) || version->valuedouble != 1.0)
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
					"The document: key \"format_version\" must be the number 1.");

	if (cJSON_IsString(format) && strcmp(format->valuestring, FORMAT_CATALOG) == 0)
		return ParseCatalog(doc->root, doc, err);
	if (cJSON_IsString(format) && strcmp(format->valuestring, FORMAT_MAPPING) == 0)
		return ParseMapping(doc->root, doc, err);
	if (cJSON_IsString(format) && strcmp(format->valuestring, FORMAT_CROSSWALK) == 0)
		return ParseCrosswalk(doc->root, doc, err);
	return catalog_fail(err, CATALOG_ERROR_SHAPE,
				"The document: key \"format\" must be \"%s\", \"%s\" or \"%s\".",
				FORMAT_CATALOG, FORMAT_MAPPING, FORMAT_CROSSWALK);
}

int
catalog_check_shipped_mapping(const CatalogDocument *doc, CatalogError *err)
{
	for (int i = 0; i < doc->n_control_pairs; i++)
		if (doc->control_pairs[i].strength == NULL)
			return catalog_fail(err, CATALOG_ERROR_SHAPE,
								"Entry %d of \"control_pairs\": key \"strength\" is missing; a mapping shipped with pg_ims states the strength of every control pair.",
								i + 1);
	return 1;
}

void
catalog_document_free(CatalogDocument *doc)
{
	if (doc->clauses)
		cJSON_free(doc->clauses);
	if (doc->controls)
	{
		for (int i = 0; i < doc->n_controls; i++)
			if (doc->controls[i].evidence_kinds)
				cJSON_free(doc->controls[i].evidence_kinds);
		cJSON_free(doc->controls);
	}
	if (doc->items)
		cJSON_free(doc->items);
	if (doc->clause_pairs)
		cJSON_free(doc->clause_pairs);
	if (doc->control_pairs)
		cJSON_free(doc->control_pairs);
	if (doc->obligations)
	{
		for (int i = 0; i < doc->n_obligations; i++)
		{
			CatalogObligation *o = &doc->obligations[i];

			if (o->roles)
				cJSON_free(o->roles);
			if (o->risk_classes)
				cJSON_free(o->risk_classes);
			if (o->clauses)
				cJSON_free(o->clauses);
			if (o->controls)
				cJSON_free(o->controls);
		}
		cJSON_free(doc->obligations);
	}
	if (doc->scratch)
		cJSON_free(doc->scratch);
	if (doc->root)
		cJSON_Delete(doc->root);
	memset(doc, 0, sizeof(*doc));
}
