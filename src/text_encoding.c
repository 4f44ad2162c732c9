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
 * ---- Character classes and the name policy ----
 *
 * A name -- of an organization, of the owner of the system or of a
 * control, of the approver of an SoA -- is one line of visible text: not
 * empty, no control character (tabs and line breaks included), no line or
 * paragraph separator, no bidirectional override or isolate (which reorder
 * the text a reader sees), and no white space of any kind at either end
 * (Unicode White_Space, and the zero-width spaces and the byte-order
 * mark, which look like nothing).  White space inside is allowed, the
 * no-break space included, and so is every other character: the
 * documents escape what their format gives a meaning to.  The CHECK
 * constraints of those columns and the functions that write them call
 * ims.name_fault(), so the policy is written here once.
 *
 * The text is read as UTF-8 whatever the database encoding, so that the
 * policy is the same in a LATIN1 database.
 *
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

const char *
PgImsNameFault(const char *utf8)
{
	const char *p = utf8;
	int32		first = -1;
	int32		last = -1;
	bool		only_white = true;
	int32		bad = -1;
	int			bad_at = 0;
	int			n = 0;

	if (*p == '\0')
		return "The name is empty.";
	while (*p != '\0')
	{
		int32		c = PgImsNextChar(&p, true);

		n++;
		if (n == 1)
			first = c;
		last = c;
		if (!PgImsIsWhiteSpace(c))
			only_white = false;
		if (bad < 0 && (PgImsIsControl(c) || PgImsIsLineBreak(c) || PgImsIsBidiControl(c)))
		{
			bad = c;
			bad_at = n;
		}
	}
	if (only_white)
		return psprintf("The name is only white space, starting with U+%04X.", first);
	if (PgImsIsWhiteSpace(first))
		return psprintf("The name begins with white space (U+%04X).", first);
	if (PgImsIsWhiteSpace(last))
		return psprintf("The name ends with white space (U+%04X).", last);
	if (bad >= 0 && PgImsIsLineBreak(bad))
		return psprintf("The name holds a line break (U+%04X) at character %d.", bad, bad_at);
	if (bad >= 0 && PgImsIsControl(bad))
		return psprintf("The name holds a control character (U+%04X) at character %d.", bad, bad_at);
	if (bad >= 0)
		return psprintf("The name holds a bidirectional control (U+%04X) at character %d, which reorders the text a reader sees.",
						bad, bad_at);
	return NULL;
}

/*
 * ims.name_fault(text) → text: NULL when the name policy allows the name,
 * else what is wrong with it (a sentence for an error detail).
 */
PG_FUNCTION_INFO_V1(name_fault);
Datum
name_fault(PG_FUNCTION_ARGS)
{
	char	   *name = PgImsUtf8String(text_to_cstring(PG_GETARG_TEXT_PP(0)));
	const char *fault = PgImsNameFault(name);

	if (fault == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(fault));
}
