/*-------------------------------------------------------------------------
 *
 * soa_live.h
 *	  Reading an organization's live SoA through SPI, for the documents
 *	  built from it (src/soa_document.c, src/oscal_ssp.c), and the
 *	  organization's queries of every document (src/oscal_assessment.c too).
 *
 * The live version is the draft, or else the approved one: what
 * ims.report_soa shows.  Every read goes through SPI as the caller, so
 * row-level security applies.  Call between PgImsSpiConnect and
 * PgImsSpiFinish, and read the results by column name with PgImsSpiText
 * (pg_ims_spi.h).
 *
 *-------------------------------------------------------------------------
 */
#ifndef SOA_LIVE_H
#define SOA_LIVE_H

#include "postgres.h"

#include "pg_ims_spi.h"

/*
 * Check that the caller may read the organization, then run
 * "SELECT select_list" over o (ims.organization) joined to s (its live
 * ims.soa row), leaving the one row as the last result.  Raises 42501 or
 * 42704 for access, 55000 when the organization has no SoA.
 */
extern void SoaLiveRead(Datum org, const char *select_list);

/*
 * Run a read-only query with the organization as $1, its SQL functions
 * inlined; returns the row count.  Every distributed table the query reads
 * should be filtered by $1 itself, so that Citus routes it to one shard.
 */
extern uint64 SoaQuery(const char *sql, Datum org);

#endif							/* SOA_LIVE_H */
