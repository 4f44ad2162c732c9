/*-------------------------------------------------------------------------
 *
 * name_policy.c
 *	  The name policy of pg_ims: what a name in the record may be.
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
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "name_policy.h"
#include "text_encoding.h"

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
