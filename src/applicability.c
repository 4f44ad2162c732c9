/*-------------------------------------------------------------------------
 *
 * applicability.c
 *	  The ims.applicability type: a Statement of Applicability decision with
 *	  its reasons for inclusion (ISO/IEC 27001 6.1.3 d, ISO/IEC 42001 6.1.3).
 *
 * Stored as a 16-bit value passed by value; decisions, reasons, parser and
 * the on-disk contract are in applicability_label.c.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "applicability_label.h"
#include "pg_ims.h"

/* The stored value is its own sort rank (see applicability_label.h). */
#define ApplicabilityRank(v) ((int) (v))

PG_IMS_CODED_TYPE_COMPARISON(applicability, ApplicabilityRank);

#define APPLICABILITY_FORMS_HINT \
	"Write applicable, applicable(reason, ...), not_applicable or undecided; reasons are %s."

/* Raise the error for input that does not parse; all its texts are here. */
static void
ReportBadApplicability(const char *input, int len, ApplicabilityParseResult r)
{
	char	   *shown;
	char	   *token;

	if (len > APPLICABILITY_MAX_INPUT)
		shown = psprintf("%.*s...", pg_mbcliplen(input, len, 64), input);
	else
		shown = pnstrdup(input, len);
	token = pnstrdup(input + r.token_start, r.token_len);

	switch (r.status)
	{
		case APPLICABILITY_EMPTY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", "applicability", shown),
					 errdetail("The value is empty."),
					 errhint(APPLICABILITY_FORMS_HINT, applicability_reason_list)));
			break;
		case APPLICABILITY_TOO_LONG:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", "applicability", shown),
					 errdetail("The value is %d bytes long; the longest accepted is %d bytes.",
							   len, APPLICABILITY_MAX_INPUT),
					 errhint(APPLICABILITY_FORMS_HINT, applicability_reason_list)));
			break;
		case APPLICABILITY_NOT_ASCII:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", "applicability", shown),
					 errdetail("The value contains a character outside printable ASCII at byte %d.",
							   (int) r.token_start + 1),
					 errhint(APPLICABILITY_FORMS_HINT, applicability_reason_list)));
			break;
		case APPLICABILITY_UNKNOWN_DECISION:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", "applicability", shown),
					 errdetail("\"%s\" is not a decision.", token),
					 errhint(APPLICABILITY_FORMS_HINT, applicability_reason_list)));
			break;
		case APPLICABILITY_UNKNOWN_REASON:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", "applicability", shown),
					 errdetail("\"%s\" is not a reason for inclusion.", token),
					 errhint("Reasons are %s, separated by commas.", applicability_reason_list)));
			break;
		case APPLICABILITY_EMPTY_REASON:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", "applicability", shown),
					 errdetail("The list of reasons has an empty item."),
					 errhint("Write \"applicable\" alone while no reason is recorded, or list reasons among %s.",
							 applicability_reason_list)));
			break;
		case APPLICABILITY_REASONS_NOT_ALLOWED:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", "applicability", shown),
					 errdetail("Only an applicable control has reasons for inclusion."),
					 errhint("Record why a control is excluded in the justification of its SoA entry.")));
			break;
		case APPLICABILITY_UNCLOSED:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", "applicability", shown),
					 errdetail("The list of reasons has no closing parenthesis."),
					 errhint(APPLICABILITY_FORMS_HINT, applicability_reason_list)));
			break;
		case APPLICABILITY_TRAILING:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", "applicability", shown),
					 errdetail("Unexpected \"%s\" after the value.", token),
					 errhint(APPLICABILITY_FORMS_HINT, applicability_reason_list)));
			break;
		case APPLICABILITY_OK:
			elog(ERROR, "applicability value parsed but reported as an error");
	}
}

static int16
ParseApplicability(const char *input, int len)
{
	ApplicabilityParseResult r = applicability_parse(input, (size_t) len);

	if (r.status != APPLICABILITY_OK)
		ReportBadApplicability(input, len, r);
	return r.value;
}

/* A stored value that no input could produce means damaged data. */
static int16
CheckStoredApplicability(int16 value)
{
	if (!applicability_is_valid(value))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid applicability value %d", value),
				 errdetail("The value was not written by applicability input.")));
	return value;
}

PG_FUNCTION_INFO_V1(applicability_in);
Datum
applicability_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);

	PG_RETURN_APPLICABILITY(ParseApplicability(str, strlen(str)));
}

PG_FUNCTION_INFO_V1(applicability_out);
Datum
applicability_out(PG_FUNCTION_ARGS)
{
	int16		value = CheckStoredApplicability(PG_GETARG_APPLICABILITY(0));
	char	   *buf = palloc(APPLICABILITY_MAX_OUTPUT);

	applicability_format(value, buf);
	PG_RETURN_CSTRING(buf);
}

/* The binary form is the canonical text; recv checks all that in checks. */
PG_FUNCTION_INFO_V1(applicability_recv);
Datum
applicability_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			nbytes;
	char	   *str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);

	PG_RETURN_APPLICABILITY(ParseApplicability(str, nbytes));
}

PG_FUNCTION_INFO_V1(applicability_send);
Datum
applicability_send(PG_FUNCTION_ARGS)
{
	int16		value = CheckStoredApplicability(PG_GETARG_APPLICABILITY(0));
	char		text[APPLICABILITY_MAX_OUTPUT];
	size_t		len = applicability_format(value, text);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendtext(&buf, text, (int) len);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(applicability_is_applicable);
Datum
applicability_is_applicable(PG_FUNCTION_ARGS)
{
	int16		value = CheckStoredApplicability(PG_GETARG_APPLICABILITY(0));

	PG_RETURN_BOOL(APPLICABILITY_DECISION(value) == APPLICABILITY_APPLICABLE);
}

PG_FUNCTION_INFO_V1(applicability_decision);
Datum
applicability_decision(PG_FUNCTION_ARGS)
{
	int16		value = CheckStoredApplicability(PG_GETARG_APPLICABILITY(0));

	PG_RETURN_TEXT_P(cstring_to_text(
									 applicability_decisions[APPLICABILITY_DECISION(value) - 1].label));
}

/* The reasons in canonical order; an empty array when there are none. */
PG_FUNCTION_INFO_V1(applicability_reasons_array);
Datum
applicability_reasons_array(PG_FUNCTION_ARGS)
{
	int16		value = CheckStoredApplicability(PG_GETARG_APPLICABILITY(0));
	Datum		elems[APPLICABILITY_REASON_COUNT];
	int			n = 0;

	for (int i = 0; i < APPLICABILITY_REASON_COUNT; i++)
		if (APPLICABILITY_REASONS(value) & (1 << i))
			elems[n++] = CStringGetTextDatum(applicability_reasons[i].label);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

PG_FUNCTION_INFO_V1(applicability_rank);
Datum
applicability_rank(PG_FUNCTION_ARGS)
{
	int16		value = CheckStoredApplicability(PG_GETARG_APPLICABILITY(0));

	PG_RETURN_INT32(ApplicabilityRank(value));
}
