/*-------------------------------------------------------------------------
 *
 * soa_digest.c
 *	  The SHA-256 digest of a Statement of Applicability version.
 *
 * The digest is taken over a canonical JSON document built with cJSON: the
 * organization, the version, the approver, and every entry sorted by
 * standard and control id in byte order.  Nothing of row order, physical
 * storage, collation, DateStyle or database encoding (text is converted to
 * UTF-8) enters it, so the same content gives the same digest after a dump
 * and restore, on any server.  docs/soa-digest.md gives the exact form so
 * that an auditor can recompute it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <cjson/cJSON.h>

#include "catalog/pg_type.h"
#include "utils/builtins.h"

#include "json_build.h"
#include "json_memory.h"
#include "pg_ims.h"
#include "pg_ims_spi.h"
#include "sha256.h"

/* Canonical document of one SoA version; NULL when it does not exist. */
static char *
CanonicalDocument(int64 org_id, int64 soa_id, const char *approver)
{
	Oid			types[2] = {INT8OID, INT8OID};
	Datum		values[2] = {Int64GetDatum(org_id), Int64GetDatum(soa_id)};
	/* the columns of an entry, in the order docs/soa-digest.md gives */
	static const char *const entry_columns[] = {
		"standard", "control_id", "applicability", "justification", "implementation", "owner"
	};
	cJSON	   *doc;
	cJSON	   *entries;
	char	   *version;
	char	   *text;
	uint64		n;

	if (PgImsSpiRun("SELECT version::text AS version FROM ims.soa WHERE org_id = $1 AND soa_id = $2",
					2, types, values, true, 1) == 0)
		return NULL;
	version = PgImsSpiText(0, "version");

	doc = cJSON_CreateObject();
	entries = cJSON_CreateArray();
	if (doc == NULL || entries == NULL ||
		!cJSON_AddStringToObject(doc, "format", "pg_ims/soa-digest") ||
		!cJSON_AddNumberToObject(doc, "format_version", 1) ||
		!cJSON_AddStringToObject(doc, "org_id", psprintf(INT64_FORMAT, org_id)) ||
		!cJSON_AddStringToObject(doc, "version", version) ||
		!cJSON_AddItemToObject(doc, "approved_by", PgImsJsonString(approver)) ||
		!cJSON_AddItemToObject(doc, "entries", entries))
		elog(ERROR, "could not build the canonical SoA document");

	n = PgImsSpiRun("SELECT standard, control_id, applicability::text AS applicability, justification, "
					"       implementation, owner "
					"FROM ims.soa_entry WHERE org_id = $1 AND soa_id = $2 "
					"ORDER BY standard COLLATE \"C\", control_id COLLATE \"C\"",
					2, types, values, true, 0);
	for (uint64 i = 0; i < n; i++)
	{
		cJSON	   *entry = cJSON_CreateArray();

		if (entry == NULL)
			elog(ERROR, "could not build the canonical SoA document");
		for (int c = 0; c < (int) lengthof(entry_columns); c++)
			PgImsJsonAppend(entry, PgImsJsonString(PgImsSpiText(i, entry_columns[c])));
		PgImsJsonAppend(entries, entry);
	}

	text = cJSON_PrintUnformatted(doc);
	if (text == NULL)
		elog(ERROR, "could not print the canonical SoA document");
	return text;
}

/*
 * ims.soa_digest(org_id bigint, soa_id bigint, approver text) → text
 *
 * NULL when the version does not exist or the caller cannot see it.
 */
PG_FUNCTION_INFO_V1(soa_digest);
Datum
soa_digest(PG_FUNCTION_ARGS)
{
	int64		org_id;
	int64		soa_id;
	char	   *approver;
	MemoryContext caller = CurrentMemoryContext;
	MemoryContext context;
	char	   *volatile hex = NULL;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	org_id = PG_GETARG_INT64(0);
	soa_id = PG_GETARG_INT64(1);
	approver = PG_ARGISNULL(2) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(2));

	PgImsSpiConnect();
	context = PgImsJsonBegin("pg_ims SoA digest");
	PG_TRY();
	{
		char	   *document = CanonicalDocument(org_id, soa_id, approver);

		if (document != NULL)
		{
			MemoryContext old = MemoryContextSwitchTo(caller);

			hex = PgImsSha256Hex(document, strlen(document));
			MemoryContextSwitchTo(old);
		}
	}
	PG_FINALLY();
	{
		PgImsJsonEnd(context);
	}
	PG_END_TRY();
	PgImsSpiFinish();

	if (hex == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(hex));
}
