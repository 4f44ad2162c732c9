/*-------------------------------------------------------------------------
 *
 * applicability_label.h
 *	  Decisions and reasons of ims.applicability and their parser, in plain C.
 *
 * This file and applicability_label.c use nothing of the server, so the
 * fuzzers can build them on their own.
 *
 * ON-DISK CONTRACT: a value is stored as a 16-bit integer, the decision in
 * bits 8-9 and the set of reasons in bits 0-5.  Neither the decision codes
 * nor the reason bits are ever renumbered.  The sort order is the order of
 * that integer: decision first (applicable, not_applicable, undecided), then
 * the set of reasons read as a binary number.  Zero is never a valid value.
 *
 *-------------------------------------------------------------------------
 */
#ifndef APPLICABILITY_LABEL_H
#define APPLICABILITY_LABEL_H

#include <stddef.h>
#include <stdint.h>

#define APPLICABILITY_MAX_INPUT 256

#define APPLICABILITY_APPLICABLE		1
#define APPLICABILITY_NOT_APPLICABLE	2
#define APPLICABILITY_UNDECIDED			3

#define APPLICABILITY_DECISION(v)	(((v) >> 8) & 0x3)
#define APPLICABILITY_REASONS(v)	((v) & 0x3f)
#define APPLICABILITY_MAKE(d, r)	((int16_t) (((d) << 8) | ((r) & 0x3f)))

typedef struct ApplicabilityWord
{
	const char *label;
	const char *description;
} ApplicabilityWord;

/* Indexed by decision code - 1. */
extern const ApplicabilityWord applicability_decisions[3];

/* Indexed by bit number: reason bit i is (1 << i). */
extern const ApplicabilityWord applicability_reasons[6];
#define APPLICABILITY_REASON_COUNT 6

extern const char *const applicability_reason_list;

typedef enum ApplicabilityParseStatus
{
	APPLICABILITY_OK,
	APPLICABILITY_EMPTY,
	APPLICABILITY_TOO_LONG,
	APPLICABILITY_NOT_ASCII,
	APPLICABILITY_UNKNOWN_DECISION, /* token: the word */
	APPLICABILITY_UNKNOWN_REASON,	/* token: the word */
	APPLICABILITY_EMPTY_REASON,		/* "applicable(risk,)" or "applicable()" */
	APPLICABILITY_REASONS_NOT_ALLOWED,	/* reasons on a non-applicable decision */
	APPLICABILITY_UNCLOSED,			/* "(" without ")" */
	APPLICABILITY_TRAILING			/* token: text after the value */
} ApplicabilityParseStatus;

typedef struct ApplicabilityParseResult
{
	ApplicabilityParseStatus status;
	int16_t		value;			/* when status is APPLICABILITY_OK */
	size_t		token_start;	/* offending text, for the error detail */
	size_t		token_len;
} ApplicabilityParseResult;

extern ApplicabilityParseResult applicability_parse(const char *input, size_t len);
extern int	applicability_is_valid(int16_t value);

/*
 * Canonical text form into buf, which must hold APPLICABILITY_MAX_OUTPUT
 * bytes; returns the length.
 */
#define APPLICABILITY_MAX_OUTPUT 96
extern size_t applicability_format(int16_t value, char *buf);

#endif							/* APPLICABILITY_LABEL_H */
