/*-------------------------------------------------------------------------
 *
 * fuzz_types.c
 *	  libFuzzer harness for the text input of ims.risk_type and
 *	  ims.applicability (src/risk_type_label.c, src/applicability_label.c).
 *
 * Any input must parse or be refused without crashing, and whatever
 * parses must print back to a canonical form that parses to the same
 * value: the round trip the server relies on for text and binary I/O.
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "applicability_label.h"
#include "risk_type_label.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *input = (const char *) data;
	RiskTypeParseResult r = risk_type_parse(input, size);
	ApplicabilityParseResult a = applicability_parse(input, size);

	if (r.status == RISK_TYPE_OK)
	{
		const RiskTypeLabel *label = risk_type_lookup(r.code);
		RiskTypeParseResult again;

		if (label == NULL)
			abort();
		again = risk_type_parse(label->label, strlen(label->label));
		if (again.status != RISK_TYPE_OK || again.code != r.code)
			abort();
	}
	if (a.status == APPLICABILITY_OK)
	{
		char		text[APPLICABILITY_MAX_OUTPUT];
		size_t		len;
		ApplicabilityParseResult again;

		if (!applicability_is_valid(a.value))
			abort();
		len = applicability_format(a.value, text);
		again = applicability_parse(text, len);
		if (again.status != APPLICABILITY_OK || again.value != a.value)
			abort();
	}
	else if (a.token_start > size || a.token_len > size - a.token_start)
		abort();				/* the error detail must point inside the input */
	return 0;
}
