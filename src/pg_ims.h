/*-------------------------------------------------------------------------
 *
 * pg_ims.h
 *	  Declarations shared by the server-side files of pg_ims.
 *
 *-------------------------------------------------------------------------
 */
#ifndef PG_IMS_H
#define PG_IMS_H

#include "fmgr.h"

/* Both custom types are 16-bit codes passed by value. */
#define DatumGetRiskType(X)			DatumGetInt16(X)
#define RiskTypeGetDatum(X)			Int16GetDatum(X)
#define PG_GETARG_RISK_TYPE(n)		DatumGetRiskType(PG_GETARG_DATUM(n))
#define PG_RETURN_RISK_TYPE(x)		return RiskTypeGetDatum(x)

#define DatumGetApplicability(X)	DatumGetInt16(X)
#define ApplicabilityGetDatum(X)	Int16GetDatum(X)
#define PG_GETARG_APPLICABILITY(n)	DatumGetApplicability(PG_GETARG_DATUM(n))
#define PG_RETURN_APPLICABILITY(x)	return ApplicabilityGetDatum(x)

/*
 * Comparison support for a type stored as a 16-bit code with a sort rank.
 * Both types need the same eleven functions (six operators, btree compare,
 * hash, extended hash, and the larger/smaller of two for min and max); the
 * macro writes them once.  RANK maps a stored code
 * to its sort position; equality and hashing use the code itself, which is
 * unique per value, so hashing agrees with equality.
 */
#define PG_IMS_CODED_TYPE_COMPARISON(PREFIX, RANK) \
static inline int \
PREFIX##_compare_codes(int16 a, int16 b) \
{ \
	int			ra = RANK(a); \
	int			rb = RANK(b); \
	return (ra > rb) - (ra < rb); \
} \
PG_FUNCTION_INFO_V1(PREFIX##_eq); \
Datum PREFIX##_eq(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(PG_GETARG_INT16(0) == PG_GETARG_INT16(1)); } \
PG_FUNCTION_INFO_V1(PREFIX##_ne); \
Datum PREFIX##_ne(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(PG_GETARG_INT16(0) != PG_GETARG_INT16(1)); } \
PG_FUNCTION_INFO_V1(PREFIX##_lt); \
Datum PREFIX##_lt(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(PREFIX##_compare_codes(PG_GETARG_INT16(0), PG_GETARG_INT16(1)) < 0); } \
PG_FUNCTION_INFO_V1(PREFIX##_le); \
Datum PREFIX##_le(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(PREFIX##_compare_codes(PG_GETARG_INT16(0), PG_GETARG_INT16(1)) <= 0); } \
PG_FUNCTION_INFO_V1(PREFIX##_gt); \
Datum PREFIX##_gt(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(PREFIX##_compare_codes(PG_GETARG_INT16(0), PG_GETARG_INT16(1)) > 0); } \
PG_FUNCTION_INFO_V1(PREFIX##_ge); \
Datum PREFIX##_ge(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(PREFIX##_compare_codes(PG_GETARG_INT16(0), PG_GETARG_INT16(1)) >= 0); } \
PG_FUNCTION_INFO_V1(PREFIX##_cmp); \
Datum PREFIX##_cmp(PG_FUNCTION_ARGS) \
{ PG_RETURN_INT32(PREFIX##_compare_codes(PG_GETARG_INT16(0), PG_GETARG_INT16(1))); } \
PG_FUNCTION_INFO_V1(PREFIX##_larger); \
Datum PREFIX##_larger(PG_FUNCTION_ARGS) \
{ \
	int16		a = PG_GETARG_INT16(0); \
	int16		b = PG_GETARG_INT16(1); \
	PG_RETURN_INT16(PREFIX##_compare_codes(a, b) >= 0 ? a : b); \
} \
PG_FUNCTION_INFO_V1(PREFIX##_smaller); \
Datum PREFIX##_smaller(PG_FUNCTION_ARGS) \
{ \
	int16		a = PG_GETARG_INT16(0); \
	int16		b = PG_GETARG_INT16(1); \
	PG_RETURN_INT16(PREFIX##_compare_codes(a, b) <= 0 ? a : b); \
} \
PG_FUNCTION_INFO_V1(PREFIX##_hash); \
Datum PREFIX##_hash(PG_FUNCTION_ARGS) \
{ return hash_uint32((uint32) PG_GETARG_INT16(0)); } \
PG_FUNCTION_INFO_V1(PREFIX##_hash_extended); \
Datum PREFIX##_hash_extended(PG_FUNCTION_ARGS) \
{ return hash_uint32_extended((uint32) PG_GETARG_INT16(0), PG_GETARG_INT64(1)); } \
extern int no_such_variable

/* src/history.c: the organization's history head, as ims.history_head gives it */
extern char *PgImsHistoryHead(Datum org_id);

/* src/shard_names.c: the emit_log_hook that takes Citus shard ids out of messages */
extern void PgImsInstallShardNameFilter(void);

#endif							/* PG_IMS_H */
