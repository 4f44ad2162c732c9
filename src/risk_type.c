/*-------------------------------------------------------------------------
 *
 * risk_type.c
 *	  The ims.risk_type type: one risk category, information security (CIA)
 *	  or AI harm.
 *
 * Stored as a 16-bit code passed by value; the labels, the parser and the
 * on-disk contract are in risk_type_label.c.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "pg_ims.h"
#include "risk_type_label.h"

/* Rank of a stored code; invalid codes were refused on the way in. */
static inline int
RiskTypeRank(int16 code)
{
	const RiskTypeLabel *label = risk_type_lookup(code);

	return label ? label->rank : 0;
}

PG_IMS_CODED_TYPE_COMPARISON(risk_type, RiskTypeRank);

/*
 * Raise the error for input that does not parse.  Every text of these
 * errors is here, so that in and recv say exactly the same thing.
 */
static void
ReportBadRiskType(const char *input, int len, RiskTypeParseResult result)
{
	char	   *shown;

	/* Long input is shown clipped, on a character boundary. */
	if (len > RISK_TYPE_MAX_INPUT)
	{
		int			clip = pg_mbcliplen(input, len, RISK_TYPE_MAX_INPUT);

		shown = psprintf("%.*s...", clip, input);
	}
	else
		shown = pnstrdup(input, len);

	switch (result.status)
	{
		case RISK_TYPE_EMPTY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", "risk_type", shown),
					 errdetail("The value is empty."),
					 errhint("Valid labels are: %s.", risk_type_label_list)));
			break;
		case RISK_TYPE_TOO_LONG:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", "risk_type", shown),
					 errdetail("The value is %d bytes long; no label is longer than %d bytes.",
							   len, RISK_TYPE_MAX_INPUT),
					 errhint("Valid labels are: %s.", risk_type_label_list)));
			break;
		case RISK_TYPE_NOT_ASCII:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", "risk_type", shown),
					 errdetail("The value contains a character outside printable ASCII; labels are plain ASCII words."),
					 errhint("Valid labels are: %s.", risk_type_label_list)));
			break;
		case RISK_TYPE_AMBIGUOUS:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", "risk_type", shown),
					 errdetail("\"%s\" is ambiguous.", shown),
					 errhint("Write one of %s.", result.choices)));
			break;
		case RISK_TYPE_UNKNOWN:
		case RISK_TYPE_OK:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", "risk_type", shown),
					 errhint("Valid labels are: %s. Aliases: %s.",
							 risk_type_label_list, risk_type_alias_list)));
			break;
	}
}

static int16
ParseRiskType(const char *input, int len)
{
	RiskTypeParseResult result = risk_type_parse(input, (size_t) len);

	if (result.status != RISK_TYPE_OK)
		ReportBadRiskType(input, len, result);
	return result.code;
}

/* Look up a stored code; a code no label has means damaged data. */
static const RiskTypeLabel *
RiskTypeLabelOf(int16 code)
{
	const RiskTypeLabel *label = risk_type_lookup(code);

	if (label == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid risk_type code %d", code),
				 errdetail("No label has this code; the value was not written by risk_type input.")));
	return label;
}

PG_FUNCTION_INFO_V1(risk_type_in);
Datum
risk_type_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);

	PG_RETURN_RISK_TYPE(ParseRiskType(str, strlen(str)));
}

PG_FUNCTION_INFO_V1(risk_type_out);
Datum
risk_type_out(PG_FUNCTION_ARGS)
{
	int16		code = PG_GETARG_RISK_TYPE(0);

	PG_RETURN_CSTRING(pstrdup(RiskTypeLabelOf(code)->label));
}

/*
 * The binary form is the canonical label, as for enums: clients need not
 * know the codes, and recv applies every check that in applies.
 */
PG_FUNCTION_INFO_V1(risk_type_recv);
Datum
risk_type_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			nbytes;
	char	   *str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);

	PG_RETURN_RISK_TYPE(ParseRiskType(str, nbytes));
}

PG_FUNCTION_INFO_V1(risk_type_send);
Datum
risk_type_send(PG_FUNCTION_ARGS)
{
	int16		code = PG_GETARG_RISK_TYPE(0);
	const char *label = RiskTypeLabelOf(code)->label;
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendtext(&buf, label, strlen(label));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(risk_type_domain);
Datum
risk_type_domain(PG_FUNCTION_ARGS)
{
	int16		code = PG_GETARG_RISK_TYPE(0);

	PG_RETURN_TEXT_P(cstring_to_text(risk_domain_name(RiskTypeLabelOf(code)->domain)));
}

PG_FUNCTION_INFO_V1(risk_type_rank);
Datum
risk_type_rank(PG_FUNCTION_ARGS)
{
	int16		code = PG_GETARG_RISK_TYPE(0);

	PG_RETURN_INT32(RiskTypeLabelOf(code)->rank);
}

/* ims.risk_types(): every label in sort order, with domain and description. */
PG_FUNCTION_INFO_V1(risk_type_labels_srf);
Datum
risk_type_labels_srf(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const RiskTypeLabel **by_rank;

	InitMaterializedSRF(fcinfo, 0);

	by_rank = palloc0(sizeof(RiskTypeLabel *) * (risk_type_label_count + 1));
	for (int i = 0; i < risk_type_label_count; i++)
	{
		int			rank = risk_type_labels[i].rank;

		if (rank < 1 || rank > risk_type_label_count || by_rank[rank] != NULL)
			elog(ERROR, "risk_type label table has an invalid rank %d", rank);
		by_rank[rank] = &risk_type_labels[i];
	}
	for (int r = 1; r <= risk_type_label_count; r++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = CStringGetTextDatum(by_rank[r]->label);
		values[1] = CStringGetTextDatum(risk_domain_name(by_rank[r]->domain));
		values[2] = CStringGetTextDatum(by_rank[r]->description);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
