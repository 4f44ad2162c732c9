/*-------------------------------------------------------------------------
 *
 * applicability_label.c
 *	  Decisions and reasons of ims.applicability, parser and formatter.
 *
 * Plain C: no server headers.  See applicability_label.h for the on-disk
 * contract.
 *
 *-------------------------------------------------------------------------
 */
#include "applicability_label.h"

#include <string.h>

const ApplicabilityWord applicability_decisions[3] = {
	{"applicable", "The control is included in the management system"},
	{"not_applicable", "The control is excluded; the SoA entry must say why"},
	{"undecided", "No decision has been taken yet"},
};

/* ISO/IEC 27001 6.1.3 d) and ISO/IEC 42001 6.1.3: reasons for inclusion. */
const ApplicabilityWord applicability_reasons[6] = {
	{"risk", "Selected to treat a risk (risk treatment plan)"},
	{"legal", "Required by law or regulation"},
	{"contract", "Required by a contractual obligation"},
	{"business", "A business requirement or adopted good practice"},
	{"interested_party", "A requirement of an interested party (clause 4.2)"},
	{"impact", "Indicated by an AI system impact assessment"},
};

const char *const applicability_reason_list =
"risk, legal, contract, business, interested_party, impact";

typedef struct ReasonAlias
{
	const char *word;
	int			bit;
} ReasonAlias;

static const ReasonAlias reason_aliases[] = {
	{"risk_treatment", 0},
	{"law", 1},
	{"regulation", 1},
	{"regulatory", 1},
	{"contractual", 2},
	{"good_practice", 3},
	{"best_practice", 3},
	{"interested_parties", 4},
	{"impact_assessment", 5},
};

static int
IsBlank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int
IsWordChar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
		c == '-' || c == ' ' || c == '\t';
}

/*
 * Normalize input[start, end) into out: ASCII lowercase, and any run of
 * blanks, hyphens and underscores becomes one underscore; blanks at either
 * end are dropped.  The caller guarantees end - start < sizeof(out).
 */
static void
NormalizeWord(const char *input, size_t start, size_t end, char *out)
{
	size_t		n = 0;

	while (start < end && IsBlank(input[start]))
		start++;
	while (end > start && IsBlank(input[end - 1]))
		end--;
	for (size_t k = start; k < end; k++)
	{
		char		c = input[k];

		if (IsBlank(c) || c == '-' || c == '_')
		{
			if (n > 0 && out[n - 1] == '_')
				continue;
			c = '_';
		}
		else if (c >= 'A' && c <= 'Z')
			c = c - 'A' + 'a';
		out[n++] = c;
	}
	out[n] = '\0';
}

static int
LookupReason(const char *word)
{
	int			i;

	for (i = 0; i < APPLICABILITY_REASON_COUNT; i++)
		if (strcmp(word, applicability_reasons[i].label) == 0)
			return i;
	for (i = 0; i < (int) (sizeof(reason_aliases) / sizeof(reason_aliases[0])); i++)
		if (strcmp(word, reason_aliases[i].word) == 0)
			return reason_aliases[i].bit;
	return -1;
}

static ApplicabilityParseResult
Fail(ApplicabilityParseStatus status, size_t start, size_t end)
{
	ApplicabilityParseResult r = {status, 0, start, end - start};

	return r;
}

/*
 * Parse "decision" or "decision(reason, ...)".  The input need not be
 * NUL-terminated.  Reasons may come in any order and repeat; the value
 * keeps the set.  Matching is ASCII-only, as for risk_type.
 */
ApplicabilityParseResult
applicability_parse(const char *input, size_t len)
{
	char		word[APPLICABILITY_MAX_INPUT + 1];
	size_t		pos = 0;
	size_t		word_start;
	size_t		word_end;
	int			decision = 0;
	int			reasons = 0;

	if (len > APPLICABILITY_MAX_INPUT)
		return Fail(APPLICABILITY_TOO_LONG, 0, 0);
	for (size_t k = 0; k < len; k++)
		if (((unsigned char) input[k] < 0x20 && !IsBlank(input[k])) ||
			(unsigned char) input[k] > 0x7e)
			return Fail(APPLICABILITY_NOT_ASCII, k, k + 1);

	while (pos < len && IsBlank(input[pos]))
		pos++;
	if (pos == len)
		return Fail(APPLICABILITY_EMPTY, 0, 0);

	/* the decision: everything up to "(" or the end */
	word_start = pos;
	while (pos < len && IsWordChar(input[pos]))
		pos++;
	word_end = pos;
	NormalizeWord(input, word_start, word_end, word);
	for (int d = 0; d < 3; d++)
		if (strcmp(word, applicability_decisions[d].label) == 0)
			decision = d + 1;
	if (decision == 0)
	{
		/* report the whole unexpected stretch, not just its first byte */
		if (word_end == word_start)
			return Fail(APPLICABILITY_UNKNOWN_DECISION, word_start, len);
		return Fail(APPLICABILITY_UNKNOWN_DECISION, word_start, word_end);
	}

	if (pos < len && input[pos] == '(')
	{
		if (decision != APPLICABILITY_APPLICABLE)
			return Fail(APPLICABILITY_REASONS_NOT_ALLOWED, pos, len);
		pos++;
		for (;;)
		{
			int			bit;

			word_start = pos;
			while (pos < len && IsWordChar(input[pos]))
				pos++;
			word_end = pos;
			NormalizeWord(input, word_start, word_end, word);
			if (pos == len)
				return Fail(APPLICABILITY_UNCLOSED, word_start, len);
			if (word[0] == '\0')
			{
				if (input[pos] == ',' || input[pos] == ')')
					return Fail(APPLICABILITY_EMPTY_REASON, word_start, pos + 1);
				return Fail(APPLICABILITY_UNKNOWN_REASON, pos, pos + 1);
			}
			bit = LookupReason(word);
			if (bit < 0)
			{
				if (input[pos] == ',' || input[pos] == ')')
					return Fail(APPLICABILITY_UNKNOWN_REASON, word_start, word_end);
				return Fail(APPLICABILITY_UNKNOWN_REASON, word_start, pos + 1);
			}
			reasons |= 1 << bit;
			if (input[pos] == ')')
			{
				pos++;
				break;
			}
			if (input[pos] != ',')
				return Fail(APPLICABILITY_UNKNOWN_REASON, word_start, pos + 1);
			pos++;
		}
	}

	while (pos < len && IsBlank(input[pos]))
		pos++;
	if (pos < len)
		return Fail(APPLICABILITY_TRAILING, pos, len);

	{
		ApplicabilityParseResult r = {APPLICABILITY_OK,
		APPLICABILITY_MAKE(decision, reasons), 0, 0};

		return r;
	}
}

int
applicability_is_valid(int16_t value)
{
	int			decision = APPLICABILITY_DECISION(value);

	if ((value & ~0x33f) != 0 || decision == 0)
		return 0;
	if (decision != APPLICABILITY_APPLICABLE && APPLICABILITY_REASONS(value) != 0)
		return 0;
	return 1;
}

size_t
applicability_format(int16_t value, char *buf)
{
	const char *decision = applicability_decisions[APPLICABILITY_DECISION(value) - 1].label;
	size_t		n = strlen(decision);
	int			reasons = APPLICABILITY_REASONS(value);

	memcpy(buf, decision, n);
	if (reasons != 0)
	{
		char		sep = '(';

		for (int i = 0; i < APPLICABILITY_REASON_COUNT; i++)
		{
			if (reasons & (1 << i))
			{
				size_t		l = strlen(applicability_reasons[i].label);

				buf[n++] = sep;
				memcpy(buf + n, applicability_reasons[i].label, l);
				n += l;
				sep = ',';
			}
		}
		buf[n++] = ')';
	}
	buf[n] = '\0';
	return n;
}
