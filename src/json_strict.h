/*-------------------------------------------------------------------------
 *
 * json_strict.h
 *	  Strict reading of JSON documents, in plain C on top of cJSON.
 *
 * Every reader of a document pg_ims loads (the native formats of
 * catalog_parse.c, OSCAL in oscal_parse.c) parses through here.  cJSON is
 * lenient where a loader must not be: it ignores data after the first
 * value, accepts \u0000 (and truncates the string there), passes bytes
 * through without checking UTF-8, and its default key lookup ignores case
 * and sees only the first of two equal keys.  This layer checks each of
 * those explicitly and gives an error whose detail says where.
 *
 * It uses nothing of the server, so that the fuzzers and tools/ can build
 * it alone: the server sets cJSON's allocation hooks to a private memory
 * context (src/json_memory.c), the fuzzers use malloc.
 *
 *-------------------------------------------------------------------------
 */
#ifndef JSON_STRICT_H
#define JSON_STRICT_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* Limits of the strings pg_ims stores, in bytes of UTF-8. */
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

/* What a string value may hold (catalog_get_string). */
typedef enum CatalogStringRule
{
	RULE_TEXT,					/* any text without control characters */
	RULE_ID,					/* text, no blank at either end */
	RULE_CODE,					/* [a-z0-9][a-z0-9._:-]* */
	RULE_WORD					/* [a-z][a-z0-9_]* */
} CatalogStringRule;

/* Fill err and return 0, so that a check can end with "return catalog_fail(...)". */
extern int	catalog_fail(CatalogError *err, CatalogErrorKind kind, const char *fmt,...)
			__attribute__((format(printf, 3, 4)));

/* Strict UTF-8 without NUL bytes; 1, or 0 with err set. */
extern int	catalog_check_utf8(const char *text, size_t len, CatalogError *err);

/*
 * Parse text (len bytes, need not be NUL-terminated) as exactly one JSON
 * value in valid UTF-8 without \u0000.  Returns the tree, allocated through
 * cJSON's hooks, or NULL with err set.
 */
extern cJSON *catalog_parse_json(const char *text, size_t len, CatalogError *err);

/*
 * Key access.  "where" names the object in the detail: "The document",
 * "Object \"standard\"", "Entry 3 of \"controls\"", "$.catalog".
 */

/* obj must be an object. */
extern int	catalog_require_object(const cJSON *obj, const char *where, CatalogError *err);

/*
 * Refuse keys not in allowed (a typo, or "Title" for "title") and keys
 * given twice.  allowed has at most 32 entries.
 */
extern int	catalog_check_keys(const cJSON *obj, const char *where,
							   const char *const *allowed, int n_allowed,
							   CatalogError *err);

#define CATALOG_CHECK_KEYS(obj, where, allowed, err) \
	catalog_check_keys(obj, where, allowed, (int) (sizeof(allowed) / sizeof((allowed)[0])), err)

/* Refuse a key of keys given twice; other keys pass unread. */
extern int	catalog_check_no_repeat(const cJSON *obj, const char *where,
									const char *const *keys, int n_keys,
									CatalogError *err);

/* Whether s (NUL-terminated) obeys rule. */
extern int	catalog_string_obeys(const char *s, CatalogStringRule rule);

/*
 * Read a string key that obeys rule and is at most max_len bytes.  A
 * missing or null key gives NULL unless required.
 */
extern int	catalog_get_string(const cJSON *obj, const char *where, const char *key,
							   int required, size_t max_len, CatalogStringRule rule,
							   const char **out, CatalogError *err);

/* A required string key that is one of n_choices words, listed in choice_list. */
extern int	catalog_get_choice(const cJSON *obj, const char *where, const char *key,
							   const char *const *choices, int n_choices,
							   const char *choice_list, const char **out,
							   CatalogError *err);

#define CATALOG_GET_CHOICE(obj, where, key, choices, list, out, err) \
	catalog_get_choice(obj, where, key, choices, (int) (sizeof(choices) / sizeof((choices)[0])), \
					   list, out, err)

/* The same for a key that may be omitted or null: then *out is NULL. */
extern int	catalog_get_optional_choice(const cJSON *obj, const char *where, const char *key,
										const char *const *choices, int n_choices,
										const char *choice_list, const char **out,
										CatalogError *err);

#define CATALOG_GET_OPTIONAL_CHOICE(obj, where, key, choices, list, out, err) \
	catalog_get_optional_choice(obj, where, key, choices, \
								(int) (sizeof(choices) / sizeof((choices)[0])), list, out, err)

/*
 * An array key: *out and *count, or NULL and 0 when the key is missing and
 * not required.
 */
extern int	catalog_get_array(const cJSON *obj, const char *where, const char *key,
							  int required, const cJSON **out, int *count,
							  CatalogError *err);

#endif							/* JSON_STRICT_H */
