/*-------------------------------------------------------------------------
 *
 * oscal_mapping.c
 *	  The control and clause mapping between the standards (the shipped
 *	  ISO 27001 <-> ISO 42001 mapping, and any imported one) as an OSCAL
 *	  1.2.1 mapping collection (JSON), built with cJSON.
 *
 * OSCAL's mapping model came with release 1.2.0.  One mapping per pair
 * of standards and kind: the Annex A controls (ims.control_mapping) and
 * the clauses (ims.clause_mapping).  Each pair of the tables is one map,
 * its relationship one of NIST IR 8477's set-theory relationships:
 * equal gives equal-to, subset subset-of, superset superset-of, intersects
 * intersects-with, and a clause that is analogous (the same requirement,
 * adapted to the other domain) equivalent-to; pg_ims's own relation, the
 * strength and the provenance of the pair are props in pg_ims's
 * namespace, its rationale or action the remarks.  A control's id-ref is
 * its control-id in the system security plan (iso27001-2022_A.5.1, or a
 * catalog imported from OSCAL's own id), a clause's the target-id the
 * assessment results give it (iso42001-2023_clause-6.1.4, type
 * statement).  A clause with no counterpart has no map (a map needs a
 * source); the clause mapping's remarks list them.  The catalogs are
 * back-matter resources that the mappings name by "#uuid".
 *
 * The mapping is the same for every organization, so the UUIDs are
 * name-based (oscal_common.c) on a fixed prefix and the keys of the pairs.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <cjson/cJSON.h>

#include "fmgr.h"
#include "lib/stringinfo.h"

#include "json_build.h"
#include "oscal_common.h"
#include "pg_ims_spi.h"
#include "pg_ims.h"

#define MAPPING_UUID_PREFIX "pg_ims/mapping"

/* NIST IR 8477's relationship for a relation of pg_ims's mapping tables. */
static const char *
Relationship(const char *relation)
{
	if (strcmp(relation, "equal") == 0)
		return "equal-to";
	if (strcmp(relation, "subset") == 0)
		return "subset-of";
	if (strcmp(relation, "superset") == 0)
		return "superset-of";
	if (strcmp(relation, "intersects") == 0)
		return "intersects-with";
	if (strcmp(relation, "analogous") == 0)
		return "equivalent-to";
	elog(ERROR, "OSCAL mapping: unknown relation \"%s\"", relation);
	return NULL;				/* keep the compiler quiet */
}

static char *
ResourceUuid(const char *standard)
{
	return PgImsOscalUuidText(MAPPING_UUID_PREFIX, "resource", standard);
}

static cJSON *
ResourceReference(const char *standard)
{
	cJSON	   *r = PgImsJsonObject();

	PgImsJsonPut(r, "type", PgImsJsonString("catalog"));
	PgImsJsonPut(r, "href", PgImsJsonString(psprintf("#%s", ResourceUuid(standard))));
	return r;
}

static cJSON *
MappingItem(const char *type, const char *id, const char *standard, const char *number)
{
	cJSON	   *item = PgImsJsonObject();
	cJSON	   *props = PgImsJsonArray();

	PgImsJsonPut(item, "type", PgImsJsonString(type));
	PgImsJsonPut(item, "id-ref", PgImsJsonString(id));
	PgImsOscalProp(props, "standard", standard, true);
	PgImsOscalProp(props, strcmp(type, "control") == 0 ? "control" : "clause", number, true);
	PgImsJsonPut(item, "props", props);
	return item;
}

/* A new mapping between two standards; its maps are added by the caller. */
static cJSON *
NewMapping(const char *kind, const char *source, const char *target, cJSON *maps)
{
	cJSON	   *m = PgImsJsonObject();
	cJSON	   *props = PgImsJsonArray();

	PgImsJsonPut(m, "uuid", PgImsOscalUuid(MAPPING_UUID_PREFIX, "mapping", psprintf("%s/%s/%s", kind, source, target)));
	PgImsJsonPut(m, "source-resource", ResourceReference(source));
	PgImsJsonPut(m, "target-resource", ResourceReference(target));
	PgImsJsonPut(m, "maps", maps);
	PgImsOscalProp(props, "kind", kind, true);
	PgImsJsonPut(m, "props", props);
	return m;
}

/* The control pairs, one mapping per pair of standards. */
static void
ControlMappings(cJSON *mappings)
{
	uint64		n = PgImsSpiRun("SELECT m.source_standard, m.source_control, m.target_standard, m.target_control, "
								"       m.relation, m.strength, m.rationale, m.provenance, m.builtin::text AS builtin, "
								"       EXISTS (SELECT FROM ims.oscal_catalog g WHERE g.standard = m.source_standard) AS source_oscal, "
								"       EXISTS (SELECT FROM ims.oscal_catalog g WHERE g.standard = m.target_standard) AS target_oscal "
								"FROM ims.control_mapping m "
								"JOIN ims.control s ON s.standard = m.source_standard AND s.control_id = m.source_control "
								"JOIN ims.control t ON t.standard = m.target_standard AND t.control_id = m.target_control "
								"ORDER BY m.source_standard COLLATE \"C\", m.target_standard COLLATE \"C\", s.ordinal, t.ordinal",
								0, NULL, NULL, true, 0);
	cJSON	   *maps = NULL;
	char	   *group = NULL;

	for (uint64 i = 0; i < n; i++)
	{
		char	   *source = PgImsSpiText(i, "source_standard");
		char	   *target = PgImsSpiText(i, "target_standard");
		char	   *source_control = PgImsSpiText(i, "source_control");
		char	   *target_control = PgImsSpiText(i, "target_control");
		char	   *this_group = psprintf("%s/%s", source, target);
		cJSON	   *map = PgImsJsonObject();
		cJSON	   *sources = PgImsJsonArray();
		cJSON	   *targets = PgImsJsonArray();
		cJSON	   *props = PgImsJsonArray();

		if (group == NULL || strcmp(group, this_group) != 0)
		{
			maps = PgImsJsonArray();
			PgImsJsonAppend(mappings, NewMapping("controls", source, target, maps));
			group = this_group;
		}
		PgImsJsonPut(map, "uuid",
					 PgImsOscalUuid(MAPPING_UUID_PREFIX, "map",
									psprintf("control/%s/%s/%s/%s", source, source_control, target, target_control)));
		PgImsJsonPut(map, "relationship", PgImsJsonString(Relationship(PgImsSpiText(i, "relation"))));
		PgImsJsonAppend(sources, MappingItem("control",
											 strcmp(PgImsSpiText(i, "source_oscal"), "t") == 0 ? source_control
											 : PgImsOscalControlId(source, source_control),
											 source, source_control));
		PgImsJsonAppend(targets, MappingItem("control",
											 strcmp(PgImsSpiText(i, "target_oscal"), "t") == 0 ? target_control
											 : PgImsOscalControlId(target, target_control),
											 target, target_control));
		PgImsJsonPut(map, "sources", sources);
		PgImsJsonPut(map, "targets", targets);
		PgImsOscalProp(props, "relation", PgImsSpiText(i, "relation"), true);
		PgImsOscalProp(props, "strength", PgImsSpiText(i, "strength"), true);
		PgImsOscalProp(props, "provenance", PgImsSpiText(i, "provenance"), true);
		PgImsOscalProp(props, "shipped", PgImsSpiText(i, "builtin"), true);
		PgImsJsonPut(map, "props", props);
		PgImsJsonPut(map, "remarks", PgImsJsonString(PgImsSpiText(i, "rationale")));
		PgImsJsonAppend(maps, map);
	}
}

/* The clause pairs, one mapping per pair of standards. */
static void
ClauseMappings(cJSON *mappings)
{
	uint64		n = PgImsSpiRun("SELECT m.source_standard, m.source_clause, m.target_standard, m.target_clause, "
								"       m.relation, m.action, m.builtin::text AS builtin, "
								"       (SELECT string_agg(u.target_clause, ', ' ORDER BY u.ordinal) FROM ims.clause_mapping u "
								"        WHERE u.source_standard = m.source_standard AND u.target_standard = m.target_standard "
								"          AND u.source_clause IS NULL) AS unmatched "
								"FROM ims.clause_mapping m WHERE m.source_clause IS NOT NULL "
								"ORDER BY m.source_standard COLLATE \"C\", m.target_standard COLLATE \"C\", m.ordinal",
								0, NULL, NULL, true, 0);
	cJSON	   *maps = NULL;
	char	   *group = NULL;

	for (uint64 i = 0; i < n; i++)
	{
		char	   *source = PgImsSpiText(i, "source_standard");
		char	   *target = PgImsSpiText(i, "target_standard");
		char	   *source_clause = PgImsSpiText(i, "source_clause");
		char	   *target_clause = PgImsSpiText(i, "target_clause");
		char	   *unmatched = PgImsSpiText(i, "unmatched");
		char	   *this_group = psprintf("%s/%s", source, target);
		cJSON	   *map = PgImsJsonObject();
		cJSON	   *sources = PgImsJsonArray();
		cJSON	   *targets = PgImsJsonArray();
		cJSON	   *props = PgImsJsonArray();

		if (group == NULL || strcmp(group, this_group) != 0)
		{
			cJSON	   *mapping;

			maps = PgImsJsonArray();
			mapping = NewMapping("clauses", source, target, maps);
			PgImsJsonPut(mapping, "remarks",
						 PgImsJsonString(unmatched
										 ? psprintf("Clauses of %s with no counterpart in %s (no map: a map needs a source): %s.",
													target, source, unmatched)
										 : psprintf("Every clause of %s in the mapping has a counterpart in %s.", target, source)));
			PgImsJsonAppend(mappings, mapping);
			group = this_group;
		}
		PgImsJsonPut(map, "uuid",
					 PgImsOscalUuid(MAPPING_UUID_PREFIX, "map",
									psprintf("clause/%s/%s/%s/%s", source, source_clause, target, target_clause)));
		PgImsJsonPut(map, "relationship", PgImsJsonString(Relationship(PgImsSpiText(i, "relation"))));
		PgImsJsonAppend(sources, MappingItem("statement",
											 PgImsOscalControlId(source, psprintf("clause-%s", source_clause)),
											 source, source_clause));
		PgImsJsonAppend(targets, MappingItem("statement",
											 PgImsOscalControlId(target, psprintf("clause-%s", target_clause)),
											 target, target_clause));
		PgImsJsonPut(map, "sources", sources);
		PgImsJsonPut(map, "targets", targets);
		PgImsOscalProp(props, "relation", PgImsSpiText(i, "relation"), true);
		PgImsOscalProp(props, "shipped", PgImsSpiText(i, "builtin"), true);
		PgImsJsonPut(map, "props", props);
		PgImsJsonPut(map, "remarks", PgImsJsonString(psprintf("Action: %s", PgImsSpiText(i, "action"))));
		PgImsJsonAppend(maps, map);
	}
}

/* The catalogs the mappings name, one back-matter resource per standard. */
static cJSON *
BackMatter(void)
{
	cJSON	   *back = PgImsJsonObject();
	cJSON	   *resources = PgImsJsonArray();
	uint64		n = PgImsSpiRun("SELECT st.code, st.title FROM ims.standard st "
								"WHERE st.code IN (SELECT source_standard FROM ims.control_mapping "
								"                  UNION SELECT target_standard FROM ims.control_mapping "
								"                  UNION SELECT source_standard FROM ims.clause_mapping "
								"                  UNION SELECT target_standard FROM ims.clause_mapping) "
								"ORDER BY st.code COLLATE \"C\"",
								0, NULL, NULL, true, 0);

	for (uint64 i = 0; i < n; i++)
	{
		cJSON	   *r = PgImsJsonObject();
		cJSON	   *props = PgImsJsonArray();
		char	   *code = PgImsSpiText(i, "code");

		PgImsJsonPut(r, "uuid", PgImsJsonString(ResourceUuid(code)));
		PgImsJsonPut(r, "title", PgImsJsonString(PgImsOscalLine(PgImsSpiText(i, "title"))));
		PgImsJsonPut(r, "description",
					 PgImsJsonString(psprintf("The controls (ims.control) and clauses (ims.clause) of %s as pg_ims "
											  "holds them; ims.export_oscal_ssp() gives its controls as an OSCAL "
											  "catalog with these ids.", code)));
		PgImsOscalProp(props, "standard", code, true);
		PgImsJsonPut(r, "props", props);
		PgImsJsonAppend(resources, r);
	}
	PgImsJsonPut(back, "resources", resources);
	return back;
}

static char *
MappingText(Datum unused)
{
	cJSON	   *root = PgImsJsonObject();
	cJSON	   *collection = PgImsJsonObject();
	cJSON	   *metadata = PgImsJsonObject();
	cJSON	   *provenance = PgImsJsonObject();
	cJSON	   *mappings = PgImsJsonArray();
	char	   *text;

	PgImsSpiRun("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS now",
				0, NULL, NULL, true, 0);
	PgImsJsonPut(collection, "uuid", PgImsOscalUuid(MAPPING_UUID_PREFIX, "mapping-collection", NULL));
	PgImsJsonPut(metadata, "title",
				 PgImsJsonString("The control and clause mapping of pg_ims between its standards "
								 "(ISO/IEC 27001:2022 and ISO/IEC 42001:2023)"));
	PgImsJsonPut(metadata, "last-modified", PgImsJsonString(PgImsSpiText(0, "now")));
	PgImsJsonPut(metadata, "version", PgImsJsonString(PG_IMS_VERSION));
	PgImsJsonPut(metadata, "oscal-version", PgImsJsonString(OSCAL_VERSION));
	PgImsJsonPut(collection, "metadata", metadata);
	PgImsJsonPut(provenance, "method", PgImsJsonString("human"));
	PgImsJsonPut(provenance, "matching-rationale", PgImsJsonString("semantic"));
	PgImsJsonPut(provenance, "status", PgImsJsonString("complete"));
	PgImsJsonPut(provenance, "mapping-description",
				 PgImsJsonString("How far an implementation and its evidence for one standard carry over to the "
								 "other: the Annex A controls (ims.control_mapping, with a strength) and the "
								 "clauses of the harmonized structure (ims.clause_mapping, with the action that "
								 "extends the one to the other); see docs/mapping-review.md."));
	PgImsJsonPut(collection, "provenance", provenance);

	ControlMappings(mappings);
	ClauseMappings(mappings);
	if (cJSON_GetArraySize(mappings) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("the database holds no control or clause mapping"),
				 errdetail("An OSCAL mapping collection needs at least one mapping."),
				 errhint("Load one with ims.import_mapping(), or create the extension again to get the shipped one.")));
	PgImsJsonPut(collection, "mappings", mappings);
	PgImsJsonPut(collection, "back-matter", BackMatter());
	PgImsJsonPut(root, "mapping-collection", collection);
	text = cJSON_PrintUnformatted(root);
	if (text == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory while printing the OSCAL mapping collection")));
	return text;
}

/*
 * ims.export_oscal_mapping() → jsonb
 */
PG_FUNCTION_INFO_V1(oscal_mapping_export);
Datum
oscal_mapping_export(PG_FUNCTION_ARGS)
{
	return PgImsBuildJsonb(MappingText, (Datum) 0, "pg_ims OSCAL mapping");
}
