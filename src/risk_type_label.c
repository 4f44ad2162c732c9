/*-------------------------------------------------------------------------
 *
 * risk_type_label.c
 *	  The labels of ims.risk_type and the parser of its text form.
 *
 * Plain C: no server headers, so that the fuzzers build this file alone.
 * See risk_type_label.h for the on-disk contract on codes and ranks.
 *
 *-------------------------------------------------------------------------
 */
#include "risk_type_label.h"

#include <string.h>

/*
 * Indexed by code - 1.  Codes are dense from 1; 0 is never a valid value,
 * so a zeroed datum is caught by risk_type_lookup().
 */
const RiskTypeLabel risk_type_labels[] = {
	{1, 1, "confidentiality", RISK_DOMAIN_INFORMATION_SECURITY,
	"Information disclosed to people, entities or processes not authorized to see it"},
	{2, 2, "integrity", RISK_DOMAIN_INFORMATION_SECURITY,
	"Information or systems altered in an unauthorized or undetected way"},
	{3, 3, "availability", RISK_DOMAIN_INFORMATION_SECURITY,
	"Information or systems not accessible and usable when needed"},
	{4, 4, "harm_to_individuals", RISK_DOMAIN_AI,
	"An AI system harms a person: a wrong decision, loss of opportunity, injury"},
	{5, 5, "harm_to_groups", RISK_DOMAIN_AI,
	"An AI system harms a group of people, such as a community or a protected class"},
	{6, 6, "harm_to_society", RISK_DOMAIN_AI,
	"An AI system harms society at large: democratic processes, public trust, labour markets"},
	{7, 7, "human_rights", RISK_DOMAIN_AI,
	"An AI system infringes fundamental or human rights"},
	{8, 8, "fairness", RISK_DOMAIN_AI,
	"An AI system treats people or groups unequally without justification (bias)"},
	{9, 9, "transparency", RISK_DOMAIN_AI,
	"An AI system's behaviour or outputs cannot be explained to those affected"},
	{10, 10, "accountability", RISK_DOMAIN_AI,
	"No one can be held answerable for an AI system's decisions and their effects"},
	{11, 11, "safety", RISK_DOMAIN_AI,
	"An AI system endangers human life, health, property or the environment"},
	{12, 12, "ai_security", RISK_DOMAIN_AI,
	"Threats specific to AI systems: data poisoning, model theft, adversarial examples, prompt injection"},
	{13, 13, "privacy", RISK_DOMAIN_AI,
	"An AI system infers, exposes or misuses personal data beyond its purpose"},
	{14, 14, "robustness", RISK_DOMAIN_AI,
	"An AI system fails under inputs or conditions that differ from those it was built for"},
	{15, 15, "environmental", RISK_DOMAIN_AI,
	"The energy, water or material footprint of developing and running an AI system"},
	{16, 16, "data_quality", RISK_DOMAIN_AI,
	"Training, validation or input data that are incomplete, unrepresentative or wrong"},
	{17, 17, "maintainability", RISK_DOMAIN_AI,
	"An AI system that cannot be corrected, retrained or retired in a controlled way"},
};

const int	risk_type_label_count = sizeof(risk_type_labels) / sizeof(risk_type_labels[0]);

const char *const risk_type_label_list =
"confidentiality, integrity, availability, harm_to_individuals, harm_to_groups, "
"harm_to_society, human_rights, fairness, transparency, accountability, safety, "
"ai_security, privacy, robustness, environmental, data_quality, maintainability";

const char *const risk_type_alias_list =
"c, i, a (confidentiality, integrity, availability), bias (fairness), "
"explainability (transparency)";

typedef struct RiskTypeAlias
{
	const char *word;
	int16_t		code;			/* 0: ambiguous, see choices */
	const char *choices;
} RiskTypeAlias;

static const RiskTypeAlias risk_type_aliases[] = {
	{"c", 1, NULL},
	{"i", 2, NULL},
	{"a", 3, NULL},
	{"bias", 8, NULL},
	{"explainability", 9, NULL},
	{"security", 0, "confidentiality, integrity, availability or ai_security"},
	{"harm", 0, "harm_to_individuals, harm_to_groups or harm_to_society"},
};

const RiskTypeLabel *
risk_type_lookup(int16_t code)
{
	if (code < 1 || code > risk_type_label_count)
		return NULL;
	return &risk_type_labels[code - 1];
}

const char *
risk_domain_name(RiskDomain domain)
{
	return domain == RISK_DOMAIN_AI ? "ai" : "information_security";
}

static int
IsBlank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/*
 * Parse the text form.  The input need not be NUL-terminated.  Matching is
 * ASCII-only on purpose: a locale-aware tolower() would make "I" and "i"
 * differ under a Turkish locale, and lookalike letters from other scripts
 * must be refused rather than guessed at.
 *
 * Blanks around the value are ignored; inside it, any run of blanks,
 * hyphens and underscores stands for one underscore.
 */
RiskTypeParseResult
risk_type_parse(const char *input, size_t len)
{
	RiskTypeParseResult result = {RISK_TYPE_UNKNOWN, 0, NULL};
	char		word[RISK_TYPE_MAX_INPUT + 1];
	size_t		start = 0;
	size_t		end = len;
	size_t		n = 0;
	int			i;

	if (len > RISK_TYPE_MAX_INPUT)
	{
		result.status = RISK_TYPE_TOO_LONG;
		return result;
	}
	while (start < end && IsBlank(input[start]))
		start++;
	while (end > start && IsBlank(input[end - 1]))
		end--;
	if (start == end)
	{
		result.status = RISK_TYPE_EMPTY;
		return result;
	}

	for (size_t k = start; k < end; k++)
	{
		unsigned char c = (unsigned char) input[k];

		if (c < 0x20 || c > 0x7e)
		{
			if (IsBlank((char) c))
				c = ' ';
			else
			{
				result.status = RISK_TYPE_NOT_ASCII;
				return result;
			}
		}
		if (c == ' ' || c == '-' || c == '_')
		{
			if (n > 0 && word[n - 1] == '_')
				continue;
			c = '_';
		}
		else if (c >= 'A' && c <= 'Z')
			c = c - 'A' + 'a';
		word[n++] = (char) c;
	}
	word[n] = '\0';

	for (i = 0; i < risk_type_label_count; i++)
	{
		if (strcmp(word, risk_type_labels[i].label) == 0)
		{
			result.status = RISK_TYPE_OK;
			result.code = risk_type_labels[i].code;
			return result;
		}
	}
	for (i = 0; i < (int) (sizeof(risk_type_aliases) / sizeof(risk_type_aliases[0])); i++)
	{
		if (strcmp(word, risk_type_aliases[i].word) == 0)
		{
			if (risk_type_aliases[i].code == 0)
			{
				result.status = RISK_TYPE_AMBIGUOUS;
				result.choices = risk_type_aliases[i].choices;
			}
			else
			{
				result.status = RISK_TYPE_OK;
				result.code = risk_type_aliases[i].code;
			}
			return result;
		}
	}
	return result;
}
