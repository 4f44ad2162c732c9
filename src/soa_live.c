/*-------------------------------------------------------------------------
 *
 * soa_live.c
 *	  Reading an organization's live SoA through SPI (see soa_live.h).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"

#include "soa_live.h"

static Oid	org_type[1] = {INT8OID};

void
SoaQuery(const char *sql, Datum org)
{
	int			rc = SPI_execute_with_args(sql, 1, org_type, &org, NULL, true, 0);

	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SoA query failed: %s", SPI_result_code_string(rc));
}

char *
SoaValue(uint64 row, int col)
{
	return SPI_getvalue(SPI_tuptable->vals[row], SPI_tuptable->tupdesc, col);
}

void
SoaLiveRead(Datum org, const char *select_list)
{
	int			rc = SPI_execute_with_args("SELECT ims.require_org_access($1, 'read')",
										   1, org_type, &org, NULL, false, 0);

	if (rc != SPI_OK_SELECT)
		elog(ERROR, "access check failed: %s", SPI_result_code_string(rc));
	SoaQuery(psprintf("SELECT %s "
					  "FROM ims.organization o JOIN ims.soa s ON s.org_id = o.org_id "
					  "WHERE o.org_id = $1 AND s.status IN ('draft', 'approved') "
					  "ORDER BY s.status = 'draft' DESC LIMIT 1", select_list), org);
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("organization " INT64_FORMAT " has no Statement of Applicability", DatumGetInt64(org)),
				 errhint("Create the consolidated draft with ims.init_soa().")));
}
