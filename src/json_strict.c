/*-------------------------------------------------------------------------
 *
 * json_strict.c
 *	  Strict reading of JSON documents (see json_strict.h).
 *
 * Plain C on top of cJSON, with no server headers.  Every error fills
 * CatalogError with a detail sentence that says where: the byte and line
 * for the text, the object and key for the tree.
 *
 *-------------------------------------------------------------------------
 */
#include "json_strict.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
catalog_fail(CatalogError *err, CatalogErrorKind kind, const char *fmt,...)
{
	va_list		ap;

	err->kind = kind;
	va_start(ap, fmt);
	vsnprintf(err->detail, sizeof(err->detail), fmt, ap);
	va_end(ap);
	return 0;
}

/*
 * Length of the longest prefix of s, at most max bytes, that does not cut a
 * UTF-8 sequence, so a clipped value in a message stays valid text.
 */
static int
Utf8Clip(const char *s, size_t max)
{
	size_t		len = strlen(s);

	if (len <= max)
		return (int) len;
	while (max > 0 && ((unsigned char) s[max] & 0xC0) == 0x80)
		max--;
	return (int) max;
}

static int
LineOf(const char *text, size_t offset)
{
	int			line = 1;

	for (size_t i = 0; i < offset; i++)
		if (text[i] == '\n')
			line++;
	return line;
}

/*
 * Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF,
 * and no NUL byte (PostgreSQL text cannot hold one).
 */
int
catalog_check_utf8(const char *text, size_t len, CatalogError *err)
{
	const unsigned char *s = (const unsigned char *) text;
	size_t		i = 0;

	while (i < len)
	{
		unsigned char c = s[i];
		size_t		n;
		uint32_t	cp;
		uint32_t	min;

		if (c == 0)
			return catalog_fail(err, CATALOG_ERROR_NOT_JSON,
						"The document contains a NUL byte at byte %zu (line %d).",
						i + 1, LineOf(text, i));
		if (c < 0x80)
		{
			i++;
			continue;
		}
		if ((c & 0xE0) == 0xC0)
			n = 2, cp = c & 0x1F, min = 0x80;
		else if ((c & 0xF0) == 0xE0)
			n = 3, cp = c & 0x0F, min = 0x800;
		else if ((c & 0xF8) == 0xF0)
			n = 4, cp = c & 0x07, min = 0x10000;
		else
			goto bad;
		if (len - i < n)
			goto bad;
		for (size_t k = 1; k < n; k++)
		{
			if ((s[i + k] & 0xC0) != 0x80)
				goto bad;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			goto bad;
		i += n;
		continue;
bad:
		return catalog_fail(err, CATALOG_ERROR_NOT_JSON,
					"The document is not valid UTF-8 at byte %zu (line %d).",
					i + 1, LineOf(text, i));
	}
	return 1;
}

/*
 * Scan the raw text outside and inside strings: find the deepest nesting
 * (so that a document deeper than cJSON allows gets a precise message) and,
 * once the text is known to be JSON, any \u0000 escape inside a string.
 */
static int
ScanRawJson(const char *text, size_t len, int check_nul_escape, CatalogError *err)
{
	int			depth = 0;
	int			in_string = 0;

	for (size_t i = 0; i < len; i++)
	{
		char		c = text[i];

		if (in_string)
		{
			if (c == '\\' && i + 1 < len)
			{
				if (check_nul_escape && text[i + 1] == 'u' && i + 5 < len &&
					memcmp(text + i + 2, "0000", 4) == 0)
					return catalog_fail(err, CATALOG_ERROR_NOT_JSON,
								"The document contains the escape \\u0000 at byte %zu (line %d); text cannot hold a NUL character.",
								i + 1, LineOf(text, i));
				i++;
			}
			else if (c == '"')
				in_string = 0;
		}
		else if (c == '"')
			in_string = 1;
		else if ((unsigned char) c < 0x20 && c != ' ' && c != '\t' && c != '\n' && c != '\r')
			return catalog_fail(err, CATALOG_ERROR_NOT_JSON,
						"The document contains the control character 0x%02x outside a string at byte %zu (line %d).",
						(unsigned char) c, i + 1, LineOf(text, i));
		else if (c == '[' || c == '{')
		{
			if (++depth > CJSON_NESTING_LIMIT)
				return catalog_fail(err, CATALOG_ERROR_NOT_JSON,
							"The document nests arrays and objects deeper than %d levels at byte %zu (line %d).",
							CJSON_NESTING_LIMIT, i + 1, LineOf(text, i));
		}
		else if (c == ']' || c == '}')
			depth--;
	}
	return 1;
}

static int
IsJsonBlank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Parse text as exactly one JSON value in valid UTF-8 without \u0000.
 * Returns the tree (allocated through cJSON's hooks) or NULL with err set.
 */
cJSON *
catalog_parse_json(const char *text, size_t len, CatalogError *err)
{
	const char *end = NULL;
	cJSON	   *root;
	size_t		i;

	if (!catalog_check_utf8(text, len, err))
		return NULL;
	for (i = 0; i < len && IsJsonBlank(text[i]); i++)
		;
	if (i == len)
	{
		catalog_fail(err, CATALOG_ERROR_NOT_JSON, "The document is empty.");
		return NULL;
	}
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
	{
		catalog_fail(err, CATALOG_ERROR_NOT_JSON,
			 "The document begins with a byte-order mark; save it as UTF-8 without one.");
		return NULL;
	}
	if (!ScanRawJson(text, len, 0, err))
		return NULL;

	root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	if (root == NULL)
	{
		size_t		at = (end != NULL && end >= text && end < text + len) ?
			(size_t) (end - text) : len - 1;

		catalog_fail(err, CATALOG_ERROR_NOT_JSON,
			 "Invalid JSON at byte %zu (line %d).", at + 1, LineOf(text, at));
		return NULL;
	}
	for (i = (size_t) (end - text); i < len && IsJsonBlank(text[i]); i++)
		;
	if (i < len)
	{
		cJSON_Delete(root);
		catalog_fail(err, CATALOG_ERROR_NOT_JSON,
			 "Unexpected data after the JSON value at byte %zu (line %d).",
			 i + 1, LineOf(text, i));
		return NULL;
	}
	if (!ScanRawJson(text, len, 1, err))
	{
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}

/*
 * Key access (see json_strict.h).
 */

/*
 * Refuse keys not in allowed (a typo or "Title" for "title" would otherwise
 * be silently ignored) and keys given twice (cJSON keeps both and a lookup
 * sees only the first).  allowed has at most 32 entries, one bit each.
 */
int
catalog_check_keys(const cJSON *obj, const char *where, const char *const *allowed,
				   int n_allowed, CatalogError *err)
{
	const cJSON *child;
	unsigned int seen = 0;

	cJSON_ArrayForEach(child, obj)
	{
		int			k;

		for (k = 0; k < n_allowed; k++)
			if (strcmp(child->string, allowed[k]) == 0)
				break;
		if (k == n_allowed)
			return catalog_fail(err, CATALOG_ERROR_SHAPE, "%s: unknown key \"%.*s\".",
						where, Utf8Clip(child->string, 64), child->string);
		if (seen & (1u << k))
			return catalog_fail(err, CATALOG_ERROR_SHAPE, "%s: key \"%s\" appears more than once.",
						where, allowed[k]);
		seen |= 1u << k;
	}
	return 1;
}

/*
 * Refuse a key of keys when it is given twice, letting any other key pass:
 * for formats such as OSCAL of which a reader reads only some keys.
 */
int
catalog_check_no_repeat(const cJSON *obj, const char *where, const char *const *keys,
						int n_keys, CatalogError *err)
{
	for (int k = 0; k < n_keys; k++)
	{
		const cJSON *child;
		int			seen = 0;

		cJSON_ArrayForEach(child, obj)
			if (strcmp(child->string, keys[k]) == 0 && ++seen > 1)
				return catalog_fail(err, CATALOG_ERROR_SHAPE,
									"%s: key \"%s\" appears more than once.", where, keys[k]);
	}
	return 1;
}

int
catalog_string_obeys(const char *s, CatalogStringRule rule)
{
	size_t		len = strlen(s);

	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c < 0x20 || c == 0x7f)
			return 0;
		if (rule == RULE_CODE &&
			!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			  (i > 0 && (c == '.' || c == '_' || c == ':' || c == '-'))))
			return 0;
		if (rule == RULE_WORD &&
			!((c >= 'a' && c <= 'z') || (i > 0 && ((c >= '0' && c <= '9') || c == '_'))))
			return 0;
	}
	if (rule == RULE_ID && (s[0] == ' ' || s[len - 1] == ' '))
		return 0;
	return 1;
}

static const char *
RuleDescription(CatalogStringRule rule)
{
	switch (rule)
	{
		case RULE_TEXT:
			return "must not contain control characters";
		case RULE_ID:
			return "must not contain control characters nor begin or end with a blank";
		case RULE_CODE:
			return "must be lowercase letters and digits, then also \".\", \"_\", \":\" or \"-\"";
		case RULE_WORD:
			return "must be a lowercase word: a letter, then letters, digits or \"_\"";
	}
	return "";
}

/*
 * Read a string key.  A missing or null key gives NULL unless required.
 */
int
catalog_get_string(const cJSON *obj, const char *where, const char *key, int required,
				   size_t max_len, CatalogStringRule rule, const char **out,
				   CatalogError *err)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
	size_t		len;

	*out = NULL;
	if (item == NULL || cJSON_IsNull(item))
	{
		if (required)
			return catalog_fail(err, CATALOG_ERROR_SHAPE, "%s: key \"%s\" is %s.",
						where, key, item == NULL ? "missing" : "null");
		return 1;
	}
	if (!cJSON_IsString(item) || item->valuestring == NULL)
		return catalog_fail(err, CATALOG_ERROR_SHAPE, "%s: key \"%s\" must be a string.", where, key);
	len = strlen(item->valuestring);
	if (len == 0)
		return catalog_fail(err, CATALOG_ERROR_SHAPE, "%s: key \"%s\" must not be empty.", where, key);
	if (len > max_len)
		return catalog_fail(err, CATALOG_ERROR_SHAPE,
					"%s: key \"%s\" is %zu bytes long; the limit is %zu bytes.",
					where, key, len, max_len);
	if (!catalog_string_obeys(item->valuestring, rule))
		return catalog_fail(err, CATALOG_ERROR_SHAPE, "%s: key \"%s\" %s.",
					where, key, RuleDescription(rule));
	*out = item->valuestring;
	return 1;
}

/*
 * A string that must be one of a fixed vocabulary; when not required, a
 * missing or null key gives NULL.
 */
static int
GetChoice(const cJSON *obj, const char *where, const char *key, int required,
		  const char *const *choices, int n_choices, const char *choice_list,
		  const char **out, CatalogError *err)
{
	if (!catalog_get_string(obj, where, key, required, CATALOG_MAX_ID, RULE_TEXT, out, err))
		return 0;
	if (*out == NULL)
		return 1;
	for (int i = 0; i < n_choices; i++)
		if (strcmp(*out, choices[i]) == 0)
			return 1;
	return catalog_fail(err, CATALOG_ERROR_SHAPE, "%s: key \"%s\" is \"%s\"; expected %s.",
				where, key, *out, choice_list);
}

int
catalog_get_choice(const cJSON *obj, const char *where, const char *key,
				   const char *const *choices, int n_choices, const char *choice_list,
				   const char **out, CatalogError *err)
{
	return GetChoice(obj, where, key, 1, choices, n_choices, choice_list, out, err);
}

int
catalog_get_optional_choice(const cJSON *obj, const char *where, const char *key,
							const char *const *choices, int n_choices, const char *choice_list,
							const char **out, CatalogError *err)
{
	return GetChoice(obj, where, key, 0, choices, n_choices, choice_list, out, err);
}

/* An array key; a missing key is an empty array unless required. */
int
catalog_get_array(const cJSON *obj, const char *where, const char *key, int required,
				  const cJSON **out, int *count, CatalogError *err)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	*out = NULL;
	*count = 0;
	if (item == NULL)
	{
		if (required)
			return catalog_fail(err, CATALOG_ERROR_SHAPE, "%s: key \"%s\" is missing.", where, key);
		return 1;
	}
	if (!cJSON_IsArray(item))
		return catalog_fail(err, CATALOG_ERROR_SHAPE, "%s: key \"%s\" must be an array.", where, key);
	*out = item;
	*count = cJSON_GetArraySize(item);
	return 1;
}

/* An entry of an array, or a nested key, that must be an object. */
int
catalog_require_object(const cJSON *item, const char *where, CatalogError *err)
{
	if (!cJSON_IsObject(item))
		return catalog_fail(err, CATALOG_ERROR_SHAPE, "%s must be an object.", where);
	return 1;
}
