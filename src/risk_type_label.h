/*-------------------------------------------------------------------------
 *
 * risk_type_label.h
 *	  Labels of ims.risk_type and their parser, in plain C.
 *
 * This file and risk_type_label.c use nothing of the server, so the
 * fuzzers and unit harnesses can build them on their own.
 *
 * ON-DISK CONTRACT: the code of a label is what a risk_type column stores.
 * Codes are never renumbered or reused, and the sort rank of a label never
 * changes without a documented REINDEX of every index on a risk_type
 * column.  A new label takes the next free code and its own rank.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RISK_TYPE_LABEL_H
#define RISK_TYPE_LABEL_H

#include <stddef.h>
#include <stdint.h>

/* Longest input accepted, in bytes, before any normalization. */
#define RISK_TYPE_MAX_INPUT 64

typedef enum RiskDomain
{
	RISK_DOMAIN_INFORMATION_SECURITY,
	RISK_DOMAIN_AI
} RiskDomain;

typedef struct RiskTypeLabel
{
	int16_t		code;			/* stored value; never changes */
	int16_t		rank;			/* sort position; see the contract above */
	const char *label;			/* canonical text form */
	RiskDomain	domain;
	const char *description;
} RiskTypeLabel;

typedef enum RiskTypeParseStatus
{
	RISK_TYPE_OK,
	RISK_TYPE_EMPTY,			/* nothing but blanks */
	RISK_TYPE_TOO_LONG,			/* longer than RISK_TYPE_MAX_INPUT */
	RISK_TYPE_NOT_ASCII,		/* a byte outside printable ASCII */
	RISK_TYPE_AMBIGUOUS,		/* a word such as "security" */
	RISK_TYPE_UNKNOWN
} RiskTypeParseStatus;

typedef struct RiskTypeParseResult
{
	RiskTypeParseStatus status;
	int16_t		code;			/* when status is RISK_TYPE_OK */
	const char *choices;		/* when RISK_TYPE_AMBIGUOUS: the labels meant */
} RiskTypeParseResult;

/* Labels in sort order (which is also code order today). */
extern const RiskTypeLabel risk_type_labels[];
extern const int risk_type_label_count;

/* Comma-separated lists for hints; one place for each text. */
extern const char *const risk_type_label_list;
extern const char *const risk_type_alias_list;

extern RiskTypeParseResult risk_type_parse(const char *input, size_t len);
extern const RiskTypeLabel *risk_type_lookup(int16_t code);
extern const char *risk_domain_name(RiskDomain domain);

#endif							/* RISK_TYPE_LABEL_H */
