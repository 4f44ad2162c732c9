/*-------------------------------------------------------------------------
 *
 * soa_live.c
 *	  Reading an organization's live SoA through SPI (see soa_live.h).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"

#include "inline_sql.h"
#include "soa_live.h"

static Oid	org_type[1] = {INT8OID};

/*
 * Run as written out with its SQL functions inlined (src/inline_sql.c), so
 * that under Citus the query goes whole to the organization's shard.
 */
uint64
SoaQuery(const char *sql, Datum org)
{
	return PgImsSpiRun(PgImsInlineSql(sql, 1, org_type), 1, org_type, &org, true, 0);
}

void
SoaLiveRead(Datum org, const char *select_list)
{
	PgImsSpiRun("SELECT ims.require_org_access($1, 'read')", 1, org_type, &org, false, 0);
	if (SoaQuery(psprintf("SELECT %s "
						  "FROM ims.organization o JOIN ims.soa s ON s.org_id = o.org_id "
						  "WHERE o.org_id = $1 AND s.status IN ('draft', 'approved') "
						  "ORDER BY s.status = 'draft' DESC LIMIT 1", select_list), org) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("organization " INT64_FORMAT " has no Statement of Applicability", DatumGetInt64(org)),
				 errhint("Create the consolidated draft with ims.init_soa().")));
}
