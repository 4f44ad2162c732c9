/*-------------------------------------------------------------------------
 *
 * text_encoding.c
 *	  Text between UTF-8 and the database encoding, the character classes
 *	  of names and documents, and the name policy (see text_encoding.h).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "text_encoding.h"

char *
PgImsServerString(const char *utf8)
{
	if (utf8 == NULL)
		return NULL;
	return pg_any_to_server(utf8, strlen(utf8), PG_UTF8);
}

Datum
PgImsServerText(const char *utf8)
{
	if (utf8 == NULL)
		return (Datum) 0;
	return CStringGetTextDatum(PgImsServerString(utf8));
}

Datum
PgImsServerTextWithContext(const char *utf8, void (*where) (void *arg), void *arg)
{
	ErrorContextCallback callback;
	Datum		result;

	callback.callback = where;
	callback.arg = arg;
	callback.previous = error_context_stack;
	error_context_stack = &callback;
	result = PgImsServerText(utf8);
	error_context_stack = callback.previous;
	return result;
}

const char *
PgImsServerDetail(const char *utf8)
{
	int			encoding = GetDatabaseEncoding();
	int			len = (int) strlen(utf8);
	Oid			proc;

	if (encoding == PG_UTF8 || encoding == PG_SQL_ASCII)
		return utf8;
	proc = FindDefaultConversionProc(PG_UTF8, encoding);
	if (OidIsValid(proc))
	{
		int			size = len * MAX_CONVERSION_GROWTH + 1;
		unsigned char *converted = palloc(size);

		if (pg_do_encoding_conversion_buf(proc, PG_UTF8, encoding,
										  (unsigned char *) utf8, len,
										  converted, size, true) == len)
			return (const char *) converted;
	}
	{
		char	   *ascii = pstrdup(utf8);

		for (char *p = ascii; *p; p++)
			if ((unsigned char) *p >= 0x80)
				*p = '?';
		return ascii;
	}
}

char *
PgImsUtf8String(const char *server_text)
{
	if (server_text == NULL)
		return NULL;
	return pg_server_to_any(server_text, strlen(server_text), PG_UTF8);
}

void
PgImsDocumentToUtf8(const char **data, size_t *len)
{
	char	   *converted;

	if (GetDatabaseEncoding() == PG_UTF8)
		return;
	converted = pg_server_to_any(*data, (int) *len, PG_UTF8);
	/* without a conversion (SQL_ASCII) the text comes back as it was */
	if (converted != *data)
	{
		*data = converted;
		*len = strlen(converted);
	}
}

/*
 * ---- Character classes ----
 *
 * Used by the name policy (name_policy.c) and by the document formats,
 * which escape or replace what these classes find.
 */

int32
PgImsNextChar(const char **p, bool utf8)
{
	const unsigned char *s = (const unsigned char *) *p;
	int			len;

	if (s[0] < 0x80)
	{
		*p += 1;
		return s[0];
	}
	if (!utf8)
	{
		*p += pg_mblen(*p);
		return -1;
	}
	len = pg_utf_mblen(s);
	for (int i = 1; i < len; i++)
		if (s[i] == '\0')
			len = 0;
	if (len < 2 || !pg_utf8_islegal(s, len))
	{
		*p += 1;
		return -1;
	}
	*p += len;
	return (int32) utf8_to_unicode(s);
}

bool
PgImsIsWhiteSpace(int32 c)
{
	return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 || c == 0xa0 ||
		c == 0x1680 || c == 0x180e || (c >= 0x2000 && c <= 0x200d) ||
		c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
		c == 0x2060 || c == 0x3000 || c == 0xfeff;
}

bool
PgImsIsLineBreak(int32 c)
{
	return (c >= 0x0a && c <= 0x0d) || c == 0x85 || c == 0x2028 || c == 0x2029;
}

bool
PgImsIsControl(int32 c)
{
	return (c >= 0 && c < 0x20) || (c >= 0x7f && c <= 0x9f);
}

bool
PgImsIsBidiControl(int32 c)
{
	return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}
