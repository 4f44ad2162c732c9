/*-------------------------------------------------------------------------
 *
 * pg_ims_spi.c
 *	  The one way pg_ims's C code talks to SPI (see pg_ims_spi.h).
 *
 * The failures raised here cannot happen with the fixed statements pg_ims
 * runs, short of a bug, so they are elog, not ereport.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "executor/spi.h"

#include "pg_ims_spi.h"

void
PgImsSpiConnect(void)
{
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
}

void
PgImsSpiFinish(void)
{
	if (SPI_finish() != SPI_OK_FINISH)
		elog(ERROR, "SPI_finish failed");
}

uint64
PgImsSpiRun(const char *sql, int nargs, Oid *types, Datum *values, bool read_only, long count)
{
	int			rc = SPI_execute_with_args(sql, nargs, types, values, NULL, read_only, count);

	if (rc < 0)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(rc));
	return SPI_processed;
}

uint64
PgImsSpiRunPlan(SPIPlanPtr plan, Datum *values, bool read_only, long count)
{
	int			rc = SPI_execute_plan(plan, values, NULL, read_only, count);

	if (rc < 0)
		elog(ERROR, "SPI_execute_plan failed: %s", SPI_result_code_string(rc));
	return SPI_processed;
}

int
PgImsSpiColumn(const char *name)
{
	int			col;

	if (SPI_tuptable == NULL)
		elog(ERROR, "no SPI result to read column \"%s\" from", name);
	col = SPI_fnumber(SPI_tuptable->tupdesc, name);
	if (col <= 0)
		elog(ERROR, "the SPI result has no column \"%s\"", name);
	return col;
}

/* The row of the last result; an error past its end. */
static HeapTuple
Row(uint64 row)
{
	if (row >= SPI_processed)
		elog(ERROR, "row " UINT64_FORMAT " of an SPI result of " UINT64_FORMAT " rows",
			 row, SPI_processed);
	return SPI_tuptable->vals[row];
}

char *
PgImsSpiText(uint64 row, const char *name)
{
	int			col = PgImsSpiColumn(name);

	return SPI_getvalue(Row(row), SPI_tuptable->tupdesc, col);
}

Datum
PgImsSpiDatum(uint64 row, const char *name, bool *isnull)
{
	int			col = PgImsSpiColumn(name);

	return SPI_getbinval(Row(row), SPI_tuptable->tupdesc, col, isnull);
}
