/*-------------------------------------------------------------------------
 *
 * oscal_parse.c
 *	  Validation of NIST OSCAL catalogs (JSON), in plain C.
 *
 * OSCAL is a large model; pg_ims keeps of a catalog only what it has
 * columns for.  So this reader checks strictly what it reads -- the root,
 * the catalog's uuid and title, and in every group and control the keys
 * id, title, props, groups and controls -- and lets every other key
 * (params, parts, links, back-matter ...) pass unread, as an OSCAL tool
 * that does not use them must.  A document that is not an OSCAL catalog
 * at all (another OSCAL model, a pg_ims catalog, any other JSON) is
 * refused at its root.
 *
 * Controls are collected in document order: a control comes before its
 * enhancements, so the loader can insert them in one statement whose
 * parent references are satisfied.
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oscal_parse.h"

/* Room for a JSON path in a detail; a deeper path is cut, still valid text. */
#define OSCAL_MAX_PATH	256

/* The other OSCAL document models, named when one is given instead. */
static const char *const oscal_models[] = {
	"profile", "component-definition", "system-security-plan",
	"assessment-plan", "assessment-results", "plan-of-action-and-milestones",
	"mapping-collection"
};

typedef struct Walk
{
	OscalCatalog *cat;
	int			capacity;
	char		path[OSCAL_MAX_PATH];
	size_t		path_len;
	CatalogError *err;
} Walk;

/* Append a step to the path; returns the length to restore afterwards. */
static size_t
PathPush(Walk *w, const char *key, int index)
{
	size_t		saved = w->path_len;
	int			n;

	if (saved >= sizeof(w->path) - 1)
		return saved;
	n = snprintf(w->path + saved, sizeof(w->path) - saved, ".%s[%d]", key, index);
	if (n > 0)
		w->path_len = saved + (size_t) n < sizeof(w->path) ? saved + (size_t) n : sizeof(w->path) - 1;
	return saved;
}

static void
PathPop(Walk *w, size_t saved)
{
	w->path_len = saved;
	w->path[saved] = '\0';
}

/*
 * An OSCAL token as pg_ims takes it: an ASCII letter or "_", then ASCII
 * letters, digits, ".", "-" or "_".  OSCAL's token (XML's NCName) also
 * allows other Unicode letters and digits; pg_ims refuses them, since it
 * cannot tell them from other characters (U+00A7, U+00A0, U+200B) without
 * Unicode's tables, and a plan with such an id fails NIST's schema.  The
 * plan's control-id (oscal_ssp.c) keeps such a token as it is, so two
 * controls can share a control-id only by sharing an id, which
 * CheckUniqueIds() refuses.
 *
 * Returns 0 when s is a token; else the (1-based) position of the first
 * character that is not allowed there, its code point in *bad.  The text
 * is known to be valid UTF-8.
 */
static int
TokenFault(const char *s, long *bad)
{
	int			n = 0;

	for (const unsigned char *p = (const unsigned char *) s; *p; n++)
	{
		unsigned char c = *p;
		int			letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
		int			len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;

		if (!letter && (n == 0 || !((c >= '0' && c <= '9') || c == '.' || c == '-')))
		{
			*bad = len == 1 ? c : c & (0x7f >> len);
			for (int i = 1; i < len && p[i]; i++)
				*bad = (*bad << 6) | (p[i] & 0x3f);
			return n + 1;
		}
		p += len;
	}
	return 0;
}

/* The error of an id that is no token, or 1. */
static int
CheckToken(Walk *w, const char *id)
{
	long		bad;
	int			at = TokenFault(id, &bad);

	if (at == 0)
		return 1;
	return catalog_fail(w->err, CATALOG_ERROR_SHAPE,
						"%s: key \"id\" must be an OSCAL token of ASCII characters: a letter or \"_\", then letters, digits, \".\", \"-\" or \"_\"; character %d is U+%04lX.",
						w->path, at, bad);
}

static const char *const group_keys_read[] = {"id", "title", "groups", "controls"};
static const char *const control_keys_read[] = {"id", "title", "props", "controls"};

/* The optional array under key, or an error when it is not an array. */
static int
GetOptionalArray(Walk *w, const cJSON *obj, const char *key, const cJSON **out)
{
	*out = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (*out != NULL && !cJSON_IsArray(*out))
		return catalog_fail(w->err, CATALOG_ERROR_SHAPE, "%s: key \"%s\" must be an array.",
							w->path, key);
	return 1;
}

/*
 * The control's display id: the "label" prop.  NIST's catalogs give several
 * (AC-2, and AC-02 with class "zero-padded" or "sp800-53a"); the one
 * without a class is the label as published.
 */
static int
GetLabel(Walk *w, const cJSON *control, const char **label)
{
	const cJSON *props;
	const cJSON *prop;
	int			i = 0;

	*label = NULL;
	if (!GetOptionalArray(w, control, "props", &props))
		return 0;
	if (props == NULL)
		return 1;
	cJSON_ArrayForEach(prop, props)
	{
		size_t		saved = PathPush(w, "props", i++);
		const char *name;
		const char *value;
		const cJSON *class;

		if (!cJSON_IsObject(prop))
			return catalog_fail(w->err, CATALOG_ERROR_SHAPE, "%s must be an object.", w->path);
		if (!catalog_get_string(prop, w->path, "name", 1, CATALOG_MAX_ID, RULE_ID, &name, w->err))
			return 0;
		if (strcmp(name, "label") == 0)
		{
			if (!catalog_get_string(prop, w->path, "value", 1, CATALOG_MAX_ID, RULE_ID, &value, w->err))
				return 0;
			class = cJSON_GetObjectItemCaseSensitive(prop, "class");
			if (*label == NULL || class == NULL)
				*label = value;
			if (class == NULL)
			{
				PathPop(w, saved);
				break;
			}
		}
		PathPop(w, saved);
	}
	return 1;
}

/*
 * Whether the control is withdrawn: NIST marks one with the prop "status"
 * of value "withdrawn" (SP 800-53 rev5 has 182 such controls, kept with
 * their ids and titles and links to where they moved).  The props were
 * checked up to the label; this reads every prop and checks none, as a
 * prop it does not understand is not an error.
 */
static int
IsWithdrawn(const cJSON *control)
{
	const cJSON *props = cJSON_GetObjectItemCaseSensitive(control, "props");
	const cJSON *prop;

	if (!cJSON_IsArray(props))
		return 0;
	cJSON_ArrayForEach(prop, props)
	{
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(prop, "name");
		const cJSON *value = cJSON_GetObjectItemCaseSensitive(prop, "value");
		const cJSON *ns = cJSON_GetObjectItemCaseSensitive(prop, "ns");

		if (cJSON_IsString(name) && cJSON_IsString(value) && ns == NULL &&
			strcmp(name->valuestring, "status") == 0 &&
			strcmp(value->valuestring, "withdrawn") == 0)
			return 1;
	}
	return 0;
}

static int	WalkNode(Walk *w, const cJSON *node, const char *parent,
					 const char *group_id, const char *group_title);

static int
WalkControl(Walk *w, const cJSON *item, const char *parent,
			const char *group_id, const char *group_title)
{
	OscalControl *c;

	if (!cJSON_IsObject(item))
		return catalog_fail(w->err, CATALOG_ERROR_SHAPE, "%s must be an object.", w->path);
	if (!catalog_check_no_repeat(item, w->path, control_keys_read, 4, w->err))
		return 0;
	/* CountControls() sized the array from the same tree */
	if (w->cat->n_controls >= w->capacity)
		return catalog_fail(w->err, CATALOG_ERROR_SHAPE, "%s: too many controls.", w->path);
	c = &w->cat->controls[w->cat->n_controls];
	memset(c, 0, sizeof(*c));
	if (!catalog_get_string(item, w->path, "id", 1, CATALOG_MAX_ID, RULE_ID, &c->id, w->err))
		return 0;
	if (!CheckToken(w, c->id))
		return 0;
	if (!catalog_get_string(item, w->path, "title", 1, CATALOG_MAX_TITLE, RULE_TEXT, &c->title, w->err))
		return 0;
	if (!GetLabel(w, item, &c->label))
		return 0;
	c->withdrawn = IsWithdrawn(item);
	c->parent = parent;
	c->group_id = group_id;
	c->group_title = group_title;
	w->cat->n_controls++;

	/* enhancements: controls inside the control, same group */
	return WalkNode(w, item, c->id, group_id, group_title);
}

static int
WalkGroup(Walk *w, const cJSON *item)
{
	const char *id;
	const char *title;

	if (!cJSON_IsObject(item))
		return catalog_fail(w->err, CATALOG_ERROR_SHAPE, "%s must be an object.", w->path);
	if (!catalog_check_no_repeat(item, w->path, group_keys_read, 4, w->err))
		return 0;
	if (!catalog_get_string(item, w->path, "id", 0, CATALOG_MAX_ID, RULE_ID, &id, w->err))
		return 0;
	if (id != NULL && !CheckToken(w, id))
		return 0;
	if (!catalog_get_string(item, w->path, "title", 1, CATALOG_MAX_TITLE, RULE_TEXT, &title, w->err))
		return 0;
	return WalkNode(w, item, NULL, id, title);
}

/*
 * The "groups" and "controls" of a catalog, group or control, in document
 * order.  Only a catalog or a group has groups; parent is the enclosing
 * control's id when node is a control.
 */
static int
WalkNode(Walk *w, const cJSON *node, const char *parent,
		 const char *group_id, const char *group_title)
{
	const cJSON *child;

	cJSON_ArrayForEach(child, node)
	{
		int			is_groups = strcmp(child->string, "groups") == 0;
		int			is_controls = strcmp(child->string, "controls") == 0;
		const cJSON *item;
		int			i = 0;

		if (!is_groups && !is_controls)
			continue;
		if (is_groups && parent != NULL)
			continue;			/* not OSCAL's model; nothing of ours under it */
		if (!cJSON_IsArray(child))
			return catalog_fail(w->err, CATALOG_ERROR_SHAPE, "%s: key \"%s\" must be an array.",
								w->path, child->string);
		cJSON_ArrayForEach(item, child)
		{
			size_t		saved = PathPush(w, child->string, i++);

			if (!(is_groups ? WalkGroup(w, item)
				  : WalkControl(w, item, parent, group_id, group_title)))
				return 0;
			PathPop(w, saved);
		}
	}
	return 1;
}

/* Upper bound of the controls WalkNode() will collect. */
static int
CountControls(const cJSON *node)
{
	const cJSON *child;
	int			n = 0;

	cJSON_ArrayForEach(child, node)
	{
		const cJSON *item;

		if (!cJSON_IsArray(child) ||
			(strcmp(child->string, "groups") != 0 && strcmp(child->string, "controls") != 0))
			continue;
		cJSON_ArrayForEach(item, child)
		{
			if (strcmp(child->string, "controls") == 0)
				n++;
			if (cJSON_IsObject(item))
				n += CountControls(item);
		}
	}
	return n;
}

static int
CompareById(const void *x, const void *y)
{
	const OscalControl *const *l = x;
	const OscalControl *const *r = y;
	int			c = strcmp((*l)->id, (*r)->id);

	return c != 0 ? c : (*l > *r) - (*l < *r);
}

/* Control ids are the key of ims.control: each once in the catalog. */
static int
CheckUniqueIds(OscalCatalog *cat, CatalogError *err)
{
	const OscalControl **sorted;
	const OscalControl *first = NULL;
	const OscalControl *second = NULL;

	sorted = cat->scratch = cJSON_malloc(sizeof(OscalControl *) * (cat->n_controls + 1));
	if (sorted == NULL)
		return catalog_fail(err, CATALOG_ERROR_SHAPE, "Out of memory.");
	for (int i = 0; i < cat->n_controls; i++)
		sorted[i] = &cat->controls[i];
	qsort(sorted, cat->n_controls, sizeof(OscalControl *), CompareById);
	/* the repetition that comes first in document order */
	for (int i = 1; i < cat->n_controls; i++)
		if (strcmp(sorted[i - 1]->id, sorted[i]->id) == 0 &&
			(second == NULL || sorted[i] < second))
		{
			first = sorted[i - 1];
			second = sorted[i];
		}
	cJSON_free(cat->scratch);
	cat->scratch = NULL;
	if (second != NULL)
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
							"$.catalog: control id \"%s\" is used by controls %d and %d (in document order).",
							second->id, (int) (first - cat->controls) + 1,
							(int) (second - cat->controls) + 1);
	return 1;
}

/* 8-4-4-4-12 hexadecimal digits, as OSCAL's uuid datatype. */
static int
IsUuid(const char *s)
{
	if (strlen(s) != 36)
		return 0;
	for (int i = 0; i < 36; i++)
	{
		char		c = s[i];

		if (i == 8 || i == 13 || i == 18 || i == 23)
		{
			if (c != '-')
				return 0;
		}
		else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
			return 0;
	}
	return 1;
}

/* The root: one key "catalog" (and perhaps "$schema"), nothing else. */
static int
CheckRoot(const cJSON *root, CatalogError *err)
{
	const cJSON *child;

	if (!cJSON_IsObject(root))
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
							"$: the document must be an object with the key \"catalog\"; it is not an OSCAL catalog.");
	if (cJSON_GetObjectItemCaseSensitive(root, "catalog") == NULL)
	{
		for (size_t i = 0; i < sizeof(oscal_models) / sizeof(oscal_models[0]); i++)
			if (cJSON_GetObjectItemCaseSensitive(root, oscal_models[i]) != NULL)
				return catalog_fail(err, CATALOG_ERROR_SHAPE,
									"$: the document is an OSCAL %s, not a catalog.", oscal_models[i]);
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
							"$: key \"catalog\" is missing; the document is not an OSCAL catalog.");
	}
	cJSON_ArrayForEach(child, root)
	{
		if (strcmp(child->string, "$schema") == 0)
			continue;
		if (strcmp(child->string, "catalog") != 0)
			return catalog_fail(err, CATALOG_ERROR_SHAPE,
								"$: unknown key \"%.64s\"; an OSCAL catalog document holds only \"catalog\" and \"$schema\".",
								child->string);
		if (child != cJSON_GetObjectItemCaseSensitive(root, "catalog"))
			return catalog_fail(err, CATALOG_ERROR_SHAPE, "$: key \"catalog\" appears more than once.");
	}
	return 1;
}

int
oscal_catalog_parse(const char *text, size_t len, OscalCatalog *cat, CatalogError *err)
{
	const cJSON *catalog;
	const cJSON *metadata;
	const char *uuid;
	Walk		w;
	static const char *const catalog_keys_read[] = {"uuid", "metadata", "groups", "controls"};

	memset(cat, 0, sizeof(*cat));
	err->kind = CATALOG_ERROR_NONE;
	err->detail[0] = '\0';

	cat->root = catalog_parse_json(text, len, err);
	if (cat->root == NULL)
		return 0;
	if (!CheckRoot(cat->root, err))
		return 0;

	memset(&w, 0, sizeof(w));
	w.cat = cat;
	w.err = err;
	strcpy(w.path, "$.catalog");
	w.path_len = strlen(w.path);

	catalog = cJSON_GetObjectItemCaseSensitive(cat->root, "catalog");
	if (!cJSON_IsObject(catalog))
		return catalog_fail(err, CATALOG_ERROR_SHAPE, "$.catalog must be an object.");
	if (!catalog_check_no_repeat(catalog, w.path, catalog_keys_read, 4, err))
		return 0;
	if (!catalog_get_string(catalog, "$.catalog", "uuid", 1, CATALOG_MAX_ID, RULE_ID, &uuid, err))
		return 0;
	if (!IsUuid(uuid))
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
							"$.catalog: key \"uuid\" is \"%s\"; expected a UUID such as \"74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724\".",
							uuid);
	cat->uuid = uuid;
	metadata = cJSON_GetObjectItemCaseSensitive(catalog, "metadata");
	if (metadata == NULL)
		return catalog_fail(err, CATALOG_ERROR_SHAPE, "$.catalog: key \"metadata\" is missing.");
	if (!cJSON_IsObject(metadata))
		return catalog_fail(err, CATALOG_ERROR_SHAPE, "$.catalog.metadata must be an object.");
	if (!catalog_get_string(metadata, "$.catalog.metadata", "title", 1, CATALOG_MAX_TITLE,
							RULE_TEXT, &cat->title, err))
		return 0;

	w.capacity = CountControls(catalog);
	if (w.capacity == 0)
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
							"$.catalog: the catalog has no controls, in \"controls\" nor in any group.");
	cat->controls = cJSON_malloc(sizeof(OscalControl) * w.capacity);
	if (cat->controls == NULL)
		return catalog_fail(err, CATALOG_ERROR_SHAPE, "Out of memory.");
	if (!WalkNode(&w, catalog, NULL, NULL, NULL))
		return 0;
	return CheckUniqueIds(cat, err);
}

void
oscal_catalog_free(OscalCatalog *cat)
{
	if (cat->scratch != NULL)
		cJSON_free(cat->scratch);
	if (cat->controls != NULL)
		cJSON_free(cat->controls);
	if (cat->root != NULL)
		cJSON_Delete(cat->root);
	memset(cat, 0, sizeof(*cat));
}
