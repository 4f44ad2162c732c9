/*-------------------------------------------------------------------------
 *
 * pg_ims_spi.h
 *	  The one way pg_ims's C code talks to SPI.
 *
 * Statements always run with parameters (never SQL glued from strings a
 * user wrote), and results are read by column name, so that a SELECT list
 * and the code reading it cannot drift apart silently: a column that is
 * not there is an error, not another column's value.  Every function here
 * raises on failure; none returns an SPI error code.
 *
 *-------------------------------------------------------------------------
 */
#ifndef PG_IMS_SPI_H
#define PG_IMS_SPI_H

#include "postgres.h"

#include "executor/spi.h"

/* SPI_connect and SPI_finish, raising on failure. */
extern void PgImsSpiConnect(void);
extern void PgImsSpiFinish(void);

/*
 * Run sql with nargs parameters (none null) of the given types, keeping
 * at most count rows (0: all).  read_only as SPI_execute_with_args: false
 * takes a fresh snapshot per statement, which a check made after waiting
 * for a lock needs.  Returns the number of rows, left in SPI_tuptable.
 */
extern uint64 PgImsSpiRun(const char *sql, int nargs, Oid *types, Datum *values,
						  bool read_only, long count);

/*
 * Run a prepared plan (SPI_prepare, kept with SPI_keepplan) with its
 * parameters, none null; as PgImsSpiRun otherwise.
 */
extern uint64 PgImsSpiRunPlan(SPIPlanPtr plan, Datum *values, bool read_only, long count);

/* The 1-based number of the column name in the last result; an error when absent. */
extern int	PgImsSpiColumn(const char *name);

/* Column name of row (0-based) of the last result, as text; NULL stays NULL. */
extern char *PgImsSpiText(uint64 row, const char *name);

/* Column name of row of the last result as a Datum, *isnull set. */
extern Datum PgImsSpiDatum(uint64 row, const char *name, bool *isnull);

#endif							/* PG_IMS_SPI_H */
