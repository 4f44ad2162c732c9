/*-------------------------------------------------------------------------
 *
 * catalog_load.c
 *	  Load catalogs, mappings and crosswalks of standards (the native
 *	  formats) into ims.standard, ims.clause, ims.control,
 *	  ims.reference_item, ims.clause_mapping, ims.control_mapping,
 *	  ims.obligation and its lists; and what every catalog load shares
 *	  (catalog_load.h), OSCAL's included.
 *
 * catalog_parse.c checks a document completely before anything is written;
 * this file checks it against what is already loaded, then writes it with
 * one parameterized INSERT per table, so a document is loaded whole or not
 * at all.  cJSON allocates inside a private memory context that is deleted
 * at the end (src/json_memory.c), so an error leaks nothing.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "catalog_load.h"
#include "catalog_parse.h"
#include "json_memory.h"
#include "pg_ims.h"
#include "pg_ims_spi.h"
#include "shipped_file.h"
#include "text_encoding.h"

/* Advisory lock key of catalog loads: "pg_ims_c" in ASCII. */
#define PG_IMS_CATALOG_LOCK INT64CONST(0x70675f696d735f63)

/*
 * A document on its way in: where it came from (for messages), whether it
 * is shipped with the extension, and its parsed form.
 */
typedef struct LoadState
{
	const char *what;			/* "catalog document" or "catalog file \"x\"" */
	bool		builtin;
	CatalogDocument doc;
} LoadState;

static const char *
DocumentKindName(CatalogDocumentKind kind)
{
	switch (kind)
	{
		case CATALOG_DOCUMENT_CATALOG:
			return "catalog";
		case CATALOG_DOCUMENT_MAPPING:
			return "mapping";
		case CATALOG_DOCUMENT_CROSSWALK:
			return "crosswalk";
	}
	return "document";
}

/*
 * One key of the entries of one array of the document: where it is, for
 * messages, and how to read it from the parsed document.
 */
typedef struct DocumentColumn
{
	const char *array_key;		/* "controls" */
	const char *key;			/* "title" */
	const char *(*get) (const CatalogDocument *doc, int i);
} DocumentColumn;

#define DOCUMENT_COLUMN(name, array, field) \
static const char * \
name##Get(const CatalogDocument *doc, int i) \
{ \
	return doc->array[i].field; \
} \
static const DocumentColumn name = {#array, #field, name##Get}

/*
 * Names the value whose text the database encoding cannot hold, the way
 * the parser's details name places.
 */
typedef struct ConversionPlace
{
	const DocumentColumn *column;
	const CatalogDocument *doc;
	int			entry;			/* 0-based index into the column's array */
} ConversionPlace;

static void
ConversionErrorContext(void *arg)
{
	ConversionPlace *place = (ConversionPlace *) arg;
	const DocumentColumn *column = place->column;

	if (column->get == NULL)
		errcontext("object \"%s\", key \"%s\"", column->array_key, column->key);
	else if (strcmp(column->array_key, "items") == 0)
	{
		const CatalogReferenceItem *item = &place->doc->items[place->entry];

		errcontext("item %d of entry %d of \"reference_lists\", key \"%s\"",
				   item->item_entry, item->list_entry, column->key);
	}
	else
		errcontext("entry %d of \"%s\", key \"%s\"",
				   place->entry + 1, column->array_key, column->key);
}

/* One value of a pg_ims document converted, an error naming where. */
static Datum
ServerTextAt(const char *utf8, const DocumentColumn *column,
			 const CatalogDocument *doc, int entry)
{
	ConversionPlace place = {column, doc, entry};

	return PgImsServerTextWithContext(utf8, ConversionErrorContext, &place);
}

/*
 * A text[] of one key of n entries, converted to the database encoding;
 * absent values become NULL elements.
 */
static ArrayType *
TextArray(int n, const DocumentColumn *column, const CatalogDocument *doc)
{
	Datum	   *elems = palloc(sizeof(Datum) * Max(n, 1));
	bool	   *nulls = palloc(sizeof(bool) * Max(n, 1));
	int			dims[1] = {n};
	int			lbs[1] = {1};

	if (n == 0)
		return construct_empty_array(TEXTOID);

	for (int i = 0; i < n; i++)
	{
		const char *s = column->get(doc, i);

		nulls[i] = (s == NULL);
		elems[i] = ServerTextAt(s, column, doc, i);
	}

	return construct_md_array(elems, nulls, 1, dims, lbs, TEXTOID, -1, false, TYPALIGN_INT);
}

/* The standard's own keys are single values, not array entries. */
static const DocumentColumn StandardCode = {"standard", "code", NULL};
static const DocumentColumn StandardTitle = {"standard", "title", NULL};
static const DocumentColumn StandardKind = {"standard", "kind", NULL};

DOCUMENT_COLUMN(ClauseNumber, clauses, number);
DOCUMENT_COLUMN(ClauseTitle, clauses, title);
DOCUMENT_COLUMN(ClauseParent, clauses, parent);
DOCUMENT_COLUMN(ControlId, controls, id);
DOCUMENT_COLUMN(ControlTitle, controls, title);
DOCUMENT_COLUMN(ControlArea, controls, area);
DOCUMENT_COLUMN(ControlAreaTitle, controls, area_title);
DOCUMENT_COLUMN(ControlTheme, controls, theme);
DOCUMENT_COLUMN(ReferenceItemList, items, list);
DOCUMENT_COLUMN(ReferenceItemId, items, id);
DOCUMENT_COLUMN(ReferenceItemTitle, items, title);
DOCUMENT_COLUMN(ClausePairSource, clause_pairs, source);
DOCUMENT_COLUMN(ClausePairTarget, clause_pairs, target);
DOCUMENT_COLUMN(ClausePairRelation, clause_pairs, relation);
DOCUMENT_COLUMN(ClausePairAction, clause_pairs, action);
DOCUMENT_COLUMN(ControlPairSource, control_pairs, source);
DOCUMENT_COLUMN(ControlPairTarget, control_pairs, target);
DOCUMENT_COLUMN(ControlPairRelation, control_pairs, relation);
DOCUMENT_COLUMN(ControlPairRationale, control_pairs, rationale);
DOCUMENT_COLUMN(ControlPairProvenance, control_pairs, provenance);

/* The strength of each control pair, the default where the document states none. */
static const char *
ControlPairStrengthGet(const CatalogDocument *doc, int i)
{
	const char *strength = doc->control_pairs[i].strength;

	return strength != NULL ? strength : CATALOG_DEFAULT_STRENGTH;
}

static const DocumentColumn ControlPairStrength = {"control_pairs", "strength", ControlPairStrengthGet};

/*
 * A text[] literal of a list of words.  The parser admitted only lowercase
 * words (evidence kinds) or words of a fixed vocabulary (roles, risk
 * classes), so double quotes are enough, and they keep a word spelled
 * "null" from reading as a NULL element.
 */
static const char *
WordListLiteral(const char *const *words, int n)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (int k = 0; k < n; k++)
		appendStringInfo(&buf, "%s\"%s\"", k > 0 ? "," : "", words[k]);
	appendStringInfoChar(&buf, '}');
	return buf.data;
}

/* The evidence kinds of each control, as one literal per control. */
static const char *
ControlEvidenceKindsGet(const CatalogDocument *doc, int i)
{
	const CatalogControl *c = &doc->controls[i];

	return WordListLiteral(c->evidence_kinds, c->n_evidence_kinds);
}

static const DocumentColumn ControlEvidenceKinds = {"controls", "evidence_kinds", ControlEvidenceKindsGet};

uint64
CatalogLoadExecute(const char *sql, int nargs, Oid *types, Datum *values)
{
	return PgImsSpiRun(sql, nargs, types, values, false, 0);
}

void
CatalogLoadBegin(void)
{
	PgImsSpiConnect();

	/*
	 * Loads are serialized, so that "already loaded" and the checks against
	 * loaded clauses and controls still hold when the rows are written.
	 */
	DirectFunctionCall1(pg_advisory_xact_lock_int8, Int64GetDatum(PG_IMS_CATALOG_LOCK));
}

static void
ReportMalformed(LoadState *state, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s does not follow the pg_ims catalog format", state->what),
			 errdetail_internal("%s", PgImsServerDetail(detail)),
			 errhint("The format is described in docs/catalog-format.md.")));
}

/*
 * Refuse a document whose evidence kinds are not in ims.evidence_kind, naming
 * the first offending control.
 */
static void
CheckEvidenceKinds(LoadState *state)
{
	const CatalogDocument *doc = &state->doc;
	const char *sql =
		"SELECT u.entry, u.kind "
		"FROM ROWS FROM (pg_catalog.unnest($1::pg_catalog.text[]), pg_catalog.unnest($2::pg_catalog.text[])) "
		"     WITH ORDINALITY AS c(id, kinds, entry), "
		"     LATERAL (SELECT c.entry, k.kind "
		"              FROM pg_catalog.unnest(c.kinds::pg_catalog.text[]) AS k(kind)) AS u "
		"WHERE NOT EXISTS (SELECT 1 FROM ims.evidence_kind e "
		"                  WHERE e.code OPERATOR(pg_catalog.=) u.kind) "
		"ORDER BY u.entry LIMIT 1";
	Oid			types[2] = {TEXTARRAYOID, TEXTARRAYOID};
	Datum		values[2];

	values[0] = PointerGetDatum(TextArray(doc->n_controls, &ControlId, doc));
	values[1] = PointerGetDatum(TextArray(doc->n_controls, &ControlEvidenceKinds, doc));
	if (CatalogLoadExecute(sql, 2, types, values) > 0)
	{
		bool		isnull;
		int64		entry = DatumGetInt64(PgImsSpiDatum(0, "entry", &isnull));
		char	   *kind = PgImsSpiText(0, "kind");

		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s does not follow the pg_ims catalog format", state->what),
				 errdetail("Entry %lld of \"controls\", key \"evidence_kinds\": \"%s\" is not an evidence kind.",
						   (long long) entry, kind),
				 errhint("The evidence kinds are the rows of ims.evidence_kind.")));
	}
}

bool
CatalogStandardExists(const char *code)
{
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {PgImsServerText(code)};

	return CatalogLoadExecute("SELECT 1 FROM ims.standard WHERE code OPERATOR(pg_catalog.=) $1",
							  1, types, values) > 0;
}

static char *
LoadCatalog(LoadState *state)
{
	const CatalogDocument *doc = &state->doc;
	Oid			types[9];
	Datum		values[9];
	char	   *code = PgImsServerString(doc->code);

	if (CatalogStandardExists(doc->code))
		ereport(ERROR,
				(errcode(ERRCODE_DUPLICATE_OBJECT),
				 errmsg("standard \"%s\" is already loaded", code),
				 errdetail("The catalog of \"%s\" is in ims.standard, ims.clause and ims.control.", code),
				 errhint("A loaded standard is never replaced; give a new edition its own code.")));
	CheckEvidenceKinds(state);

	types[0] = TEXTOID;
	values[0] = ServerTextAt(doc->code, &StandardCode, doc, 0);
	types[1] = TEXTOID;
	values[1] = ServerTextAt(doc->title, &StandardTitle, doc, 0);
	types[2] = TEXTOID;
	values[2] = ServerTextAt(doc->standard_kind, &StandardKind, doc, 0);
	types[3] = BOOLOID;
	values[3] = BoolGetDatum(state->builtin);
	CatalogLoadExecute("INSERT INTO ims.standard (code, title, kind, builtin) VALUES ($1, $2, $3, $4)",
					   4, types, values);

	types[1] = types[2] = types[3] = TEXTARRAYOID;
	values[1] = PointerGetDatum(TextArray(doc->n_clauses, &ClauseNumber, doc));
	values[2] = PointerGetDatum(TextArray(doc->n_clauses, &ClauseTitle, doc));
	values[3] = PointerGetDatum(TextArray(doc->n_clauses, &ClauseParent, doc));
	CatalogLoadExecute("INSERT INTO ims.clause (standard, number, title, parent, ordinal) "
					   "SELECT $1, u.number, u.title, u.parent, u.ordinal "
					   "FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4)) WITH ORDINALITY AS u(number, title, parent, ordinal)",
					   4, types, values);

	types[4] = types[5] = types[6] = types[7] = TEXTARRAYOID;
	values[1] = PointerGetDatum(TextArray(doc->n_controls, &ControlId, doc));
	values[2] = PointerGetDatum(TextArray(doc->n_controls, &ControlTitle, doc));
	values[3] = PointerGetDatum(TextArray(doc->n_controls, &ControlArea, doc));
	values[4] = PointerGetDatum(TextArray(doc->n_controls, &ControlAreaTitle, doc));
	values[5] = PointerGetDatum(TextArray(doc->n_controls, &ControlTheme, doc));
	values[6] = PointerGetDatum(TextArray(doc->n_controls, &ControlEvidenceKinds, doc));
	CatalogLoadExecute("INSERT INTO ims.control "
					   "(standard, control_id, title, area, area_title, theme, evidence_kinds, ordinal) "
					   "SELECT $1, u.id, u.title, u.area, u.area_title, u.theme, u.kinds::pg_catalog.text[], u.ordinal "
					   "FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4), pg_catalog.unnest($5), pg_catalog.unnest($6), pg_catalog.unnest($7)) "
					   "     WITH ORDINALITY AS u(id, title, area, area_title, theme, kinds, ordinal)",
					   7, types, values);

	values[1] = PointerGetDatum(TextArray(doc->n_items, &ReferenceItemList, doc));
	values[2] = PointerGetDatum(TextArray(doc->n_items, &ReferenceItemId, doc));
	values[3] = PointerGetDatum(TextArray(doc->n_items, &ReferenceItemTitle, doc));
	CatalogLoadExecute("INSERT INTO ims.reference_item (standard, list, item_id, title, ordinal) "
					   "SELECT $1, u.list, u.id, u.title, u.ordinal "
					   "FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4)) WITH ORDINALITY AS u(list, id, title, ordinal)",
					   4, types, values);

	return code;
}

/*
 * Refuse a mapping entry that names a clause or control its standard does
 * not have.  One query per kind of pair finds the first such entry.
 */
static void
CheckMappedIds(LoadState *state, const char *array_key, const char *table,
			   const char *id_column, ArrayType *sources, ArrayType *targets)
{
	const CatalogDocument *doc = &state->doc;
	char	   *sql;
	Oid			types[4] = {TEXTARRAYOID, TEXTARRAYOID, TEXTOID, TEXTOID};
	Datum		values[4];

	sql = psprintf("SELECT u.entry, u.key, u.id, u.standard FROM ("
				   "  SELECT s.entry, 'source' AS key, s.id, $3 AS standard "
				   "  FROM pg_catalog.unnest($1) WITH ORDINALITY AS s(id, entry) "
				   "  WHERE s.id IS NOT NULL "
				   "  UNION ALL "
				   "  SELECT t.entry, 'target', t.id, $4 "
				   "  FROM pg_catalog.unnest($2) WITH ORDINALITY AS t(id, entry)) AS u "
				   "WHERE NOT EXISTS (SELECT 1 FROM ims.%s x "
				   "                  WHERE x.standard OPERATOR(pg_catalog.=) u.standard "
				   "                    AND x.%s OPERATOR(pg_catalog.=) u.id) "
				   "ORDER BY u.entry, u.key LIMIT 1", table, id_column);
	values[0] = PointerGetDatum(sources);
	values[1] = PointerGetDatum(targets);
	values[2] = PgImsServerText(doc->source_standard);
	values[3] = PgImsServerText(doc->target_standard);
	if (CatalogLoadExecute(sql, 4, types, values) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s does not follow the pg_ims catalog format", state->what),
				 errdetail("Entry %s of \"%s\", key \"%s\": standard \"%s\" has no %s \"%s\".",
						   PgImsSpiText(0, "entry"), array_key,
						   PgImsSpiText(0, "key"), PgImsSpiText(0, "standard"),
						   id_column[0] == 'n' ? "clause" : "control",
						   PgImsSpiText(0, "id")),
				 errhint("A mapping may only name clauses and controls of loaded catalogs.")));
}

/*
 * Whether ims.control_mapping has the strength column (version 1.2).  The
 * library of a later version may serve a database not yet updated; there an
 * imported mapping loads as before, unless it states a strength it cannot
 * keep.  The shipped mapping is loaded there too, by the install script of
 * 1.0 (CREATE EXTENSION pg_ims VERSION '1.0'): it loads without its
 * strengths, which the update to 1.2 loads again with the pairs.
 */
static bool
ControlMappingHasStrength(LoadState *state)
{
	const CatalogDocument *doc = &state->doc;

	if (CatalogLoadExecute("SELECT 1 FROM pg_catalog.pg_attribute "
						   "WHERE attrelid OPERATOR(pg_catalog.=) 'ims.control_mapping'::pg_catalog.regclass "
						   "  AND attname OPERATOR(pg_catalog.=) 'strength' AND NOT attisdropped",
						   0, NULL, NULL) > 0)
		return true;
	if (state->builtin)
		return false;
	for (int i = 0; i < doc->n_control_pairs; i++)
		if (doc->control_pairs[i].strength != NULL)
		{
			const char *version = "unknown";

			if (CatalogLoadExecute("SELECT extversion FROM pg_catalog.pg_extension "
								   "WHERE extname OPERATOR(pg_catalog.=) 'pg_ims'", 0, NULL, NULL) > 0)
				version = PgImsSpiText(0, "extversion");
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("the strength of control pairs needs version 1.2 or later of extension \"pg_ims\""),
					 errdetail("Entry %d of \"control_pairs\" states a strength; this database has version %s, whose ims.control_mapping has no column for it.",
							   i + 1, version),
					 errhint("Run ALTER EXTENSION pg_ims UPDATE, or leave the key \"strength\" out.")));
		}
	return false;
}

static int
LoadMapping(LoadState *state)
{
	const CatalogDocument *doc = &state->doc;
	const char *standards[2] = {doc->source_standard, doc->target_standard};
	ArrayType  *clause_sources = TextArray(doc->n_clause_pairs, &ClausePairSource, doc);
	ArrayType  *clause_targets = TextArray(doc->n_clause_pairs, &ClausePairTarget, doc);
	ArrayType  *control_sources = TextArray(doc->n_control_pairs, &ControlPairSource, doc);
	ArrayType  *control_targets = TextArray(doc->n_control_pairs, &ControlPairTarget, doc);
	Oid			types[9];
	Datum		values[9];
	CatalogError err;

	/* a shipped mapping rates every pair; an imported one may leave it out */
	if (state->builtin && !catalog_check_shipped_mapping(doc, &err))
		ReportMalformed(state, err.detail);

	for (int i = 0; i < 2; i++)
		if (!CatalogStandardExists(standards[i]))
		{
			char	   *code = PgImsServerString(standards[i]);

			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_OBJECT),
					 errmsg("standard \"%s\" does not exist", code),
					 errdetail("The mapping joins \"%s\" to \"%s\"; only loaded standards can be mapped.",
							   PgImsServerString(doc->source_standard),
							   PgImsServerString(doc->target_standard)),
					 errhint("Load the standard's catalog first with ims.import_catalog().")));
		}

	types[0] = types[1] = TEXTOID;
	values[0] = PgImsServerText(doc->source_standard);
	values[1] = PgImsServerText(doc->target_standard);
	if (CatalogLoadExecute("SELECT 1 FROM ims.clause_mapping "
						   "WHERE source_standard OPERATOR(pg_catalog.=) $1 AND target_standard OPERATOR(pg_catalog.=) $2 "
						   "UNION ALL "
						   "SELECT 1 FROM ims.control_mapping "
						   "WHERE source_standard OPERATOR(pg_catalog.=) $1 AND target_standard OPERATOR(pg_catalog.=) $2 "
						   "LIMIT 1", 2, types, values) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_DUPLICATE_OBJECT),
				 errmsg("a mapping from \"%s\" to \"%s\" is already loaded",
						TextDatumGetCString(values[0]), TextDatumGetCString(values[1])),
				 errdetail("Its pairs are in ims.clause_mapping and ims.control_mapping."),
				 errhint("A loaded mapping is never replaced or extended; each pair of standards has one mapping document.")));

	CheckMappedIds(state, "clause_pairs", "clause", "number", clause_sources, clause_targets);
	CheckMappedIds(state, "control_pairs", "control", "control_id", control_sources, control_targets);

	types[2] = TEXTARRAYOID;
	types[3] = TEXTARRAYOID;
	types[4] = TEXTARRAYOID;
	types[5] = TEXTARRAYOID;
	types[6] = BOOLOID;
	values[2] = PointerGetDatum(clause_sources);
	values[3] = PointerGetDatum(clause_targets);
	values[4] = PointerGetDatum(TextArray(doc->n_clause_pairs, &ClausePairRelation, doc));
	values[5] = PointerGetDatum(TextArray(doc->n_clause_pairs, &ClausePairAction, doc));
	values[6] = BoolGetDatum(state->builtin);
	CatalogLoadExecute("INSERT INTO ims.clause_mapping "
					   "(source_standard, source_clause, target_standard, target_clause, relation, action, builtin, ordinal) "
					   "SELECT $1, u.source, $2, u.target, u.relation, u.action, $7, u.ordinal "
					   "FROM ROWS FROM (pg_catalog.unnest($3), pg_catalog.unnest($4), pg_catalog.unnest($5), pg_catalog.unnest($6)) WITH ORDINALITY AS u(source, target, relation, action, ordinal)",
					   7, types, values);

	types[7] = TEXTARRAYOID;
	types[8] = TEXTARRAYOID;
	values[2] = PointerGetDatum(control_sources);
	values[3] = PointerGetDatum(control_targets);
	values[4] = PointerGetDatum(TextArray(doc->n_control_pairs, &ControlPairRelation, doc));
	values[5] = PointerGetDatum(TextArray(doc->n_control_pairs, &ControlPairRationale, doc));
	values[7] = PointerGetDatum(TextArray(doc->n_control_pairs, &ControlPairProvenance, doc));
	if (ControlMappingHasStrength(state))
	{
		values[8] = PointerGetDatum(TextArray(doc->n_control_pairs, &ControlPairStrength, doc));
		CatalogLoadExecute("INSERT INTO ims.control_mapping "
						   "(source_standard, source_control, target_standard, target_control, relation, rationale, provenance, builtin, strength) "
						   "SELECT $1, u.source, $2, u.target, u.relation, u.rationale, u.provenance, $7, u.strength "
						   "FROM ROWS FROM (pg_catalog.unnest($3), pg_catalog.unnest($4), pg_catalog.unnest($5), pg_catalog.unnest($6), pg_catalog.unnest($8), pg_catalog.unnest($9)) AS u(source, target, relation, rationale, provenance, strength)",
						   9, types, values);
	}
	else
		CatalogLoadExecute("INSERT INTO ims.control_mapping "
						   "(source_standard, source_control, target_standard, target_control, relation, rationale, provenance, builtin) "
						   "SELECT $1, u.source, $2, u.target, u.relation, u.rationale, u.provenance, $7 "
						   "FROM ROWS FROM (pg_catalog.unnest($3), pg_catalog.unnest($4), pg_catalog.unnest($5), pg_catalog.unnest($6), pg_catalog.unnest($8)) AS u(source, target, relation, rationale, provenance)",
						   8, types, values);

	return doc->n_clause_pairs + doc->n_control_pairs;
}

/*
 * Crosswalks: the obligations of a regulation, each with the clauses and
 * controls of a standard that support it.  The per-obligation lists are
 * flattened into (entry, id) pairs so that each table gets one INSERT.
 */
typedef struct ObligationItems
{
	ArrayType  *entries;		/* int4[]: 1-based obligation of each item */
	ArrayType  *ids;			/* text[]: the clause or control */
} ObligationItems;

static ObligationItems
FlattenItems(const CatalogDocument *doc, bool controls)
{
	ObligationItems result;
	int			n = 0;
	int			k = 0;
	Datum	   *entries;
	Datum	   *ids;

	for (int i = 0; i < doc->n_obligations; i++)
		n += controls ? doc->obligations[i].n_controls : doc->obligations[i].n_clauses;
	entries = palloc(sizeof(Datum) * Max(n, 1));
	ids = palloc(sizeof(Datum) * Max(n, 1));
	for (int i = 0; i < doc->n_obligations; i++)
	{
		const CatalogObligation *o = &doc->obligations[i];
		int			count = controls ? o->n_controls : o->n_clauses;

		for (int j = 0; j < count; j++)
		{
			entries[k] = Int32GetDatum(i + 1);
			ids[k] = PgImsServerText(controls ? o->controls[j] : o->clauses[j]);
			k++;
		}
	}
	result.entries = construct_array(entries, n, INT4OID, sizeof(int32), true, TYPALIGN_INT);
	result.ids = construct_array(ids, n, TEXTOID, -1, false, TYPALIGN_INT);
	return result;
}

static const char *
ObligationRolesGet(const CatalogDocument *doc, int i)
{
	return WordListLiteral(doc->obligations[i].roles, doc->obligations[i].n_roles);
}

static const char *
ObligationRiskClassesGet(const CatalogDocument *doc, int i)
{
	return WordListLiteral(doc->obligations[i].risk_classes, doc->obligations[i].n_risk_classes);
}

static const DocumentColumn ObligationRoles = {"obligations", "roles", ObligationRolesGet};
static const DocumentColumn ObligationRiskClasses = {"obligations", "risk_classes", ObligationRiskClassesGet};
DOCUMENT_COLUMN(ObligationRef, obligations, ref);
DOCUMENT_COLUMN(ObligationCoverage, obligations, coverage);
DOCUMENT_COLUMN(ObligationRationale, obligations, rationale);
DOCUMENT_COLUMN(ObligationNotCovered, obligations, not_covered);
DOCUMENT_COLUMN(ObligationProvenance, obligations, provenance);

static int
LoadCrosswalk(LoadState *state)
{
	const CatalogDocument *doc = &state->doc;
	ArrayType  *refs = TextArray(doc->n_obligations, &ObligationRef, doc);
	ObligationItems clauses = FlattenItems(doc, false);
	ObligationItems controls = FlattenItems(doc, true);
	char	   *regulation = PgImsServerString(doc->source_standard);
	char	   *standard = PgImsServerString(doc->target_standard);
	Oid			types[10];
	Datum		values[10];
	uint64		n_found;

	types[0] = types[1] = TEXTOID;
	values[0] = CStringGetTextDatum(regulation);
	values[1] = CStringGetTextDatum(standard);

	n_found = CatalogLoadExecute("SELECT code, kind FROM ims.standard WHERE code OPERATOR(pg_catalog.=) ANY (ARRAY[$1, $2])",
								 2, types, values);
	for (int i = 0; i < 2; i++)
	{
		const char *code = i == 0 ? regulation : standard;
		bool		found = false;

		for (uint64 r = 0; r < n_found; r++)
		{
			if (strcmp(PgImsSpiText(r, "code"), code) != 0)
				continue;
			found = true;
			if (i == 0 && strcmp(PgImsSpiText(r, "kind"), "regulation") != 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("standard \"%s\" is not a regulation", code),
						 errdetail("The key \"regulation\" of a crosswalk names a standard whose kind is regulation."),
						 errhint("Load the regulation with ims.import_catalog(), its \"kind\" set to \"regulation\".")));
		}
		if (!found)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_OBJECT),
					 errmsg("standard \"%s\" does not exist", code),
					 errdetail("The crosswalk joins \"%s\" to \"%s\"; only loaded standards can be joined.",
							   regulation, standard),
					 errhint("Load the standard's catalog first with ims.import_catalog().")));
	}

	if (CatalogLoadExecute("SELECT 1 FROM ims.obligation "
						   "WHERE regulation OPERATOR(pg_catalog.=) $1 AND standard OPERATOR(pg_catalog.=) $2 LIMIT 1",
						   2, types, values) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_DUPLICATE_OBJECT),
				 errmsg("a crosswalk from \"%s\" to \"%s\" is already loaded", regulation, standard),
				 errdetail("Its obligations are in ims.obligation."),
				 errhint("A loaded crosswalk is never replaced or extended; each pair of standards has one crosswalk.")));

	/* every obligation, clause and control named must exist: the first that does not */
	types[2] = TEXTARRAYOID;
	types[3] = INT4ARRAYOID;
	types[4] = TEXTARRAYOID;
	types[5] = INT4ARRAYOID;
	types[6] = TEXTARRAYOID;
	values[2] = PointerGetDatum(refs);
	values[3] = PointerGetDatum(clauses.entries);
	values[4] = PointerGetDatum(clauses.ids);
	values[5] = PointerGetDatum(controls.entries);
	values[6] = PointerGetDatum(controls.ids);
	if (CatalogLoadExecute("SELECT u.entry, u.key, u.id, u.what, u.standard FROM ("
						   "  SELECT r.entry, 1 AS rank, 'ref' AS key, r.id, 'clause' AS what, $1 AS standard "
						   "  FROM pg_catalog.unnest($3) WITH ORDINALITY AS r(id, entry) "
						   "  WHERE NOT EXISTS (SELECT 1 FROM ims.clause c WHERE c.standard OPERATOR(pg_catalog.=) $1 "
						   "                    AND c.number OPERATOR(pg_catalog.=) r.id) "
						   "  UNION ALL "
						   "  SELECT l.entry, 2, 'clauses', l.id, 'clause', $2 "
						   "  FROM ROWS FROM (pg_catalog.unnest($4), pg_catalog.unnest($5)) AS l(entry, id) "
						   "  WHERE NOT EXISTS (SELECT 1 FROM ims.clause c WHERE c.standard OPERATOR(pg_catalog.=) $2 "
						   "                    AND c.number OPERATOR(pg_catalog.=) l.id) "
						   "  UNION ALL "
						   "  SELECT l.entry, 3, 'controls', l.id, 'control', $2 "
						   "  FROM ROWS FROM (pg_catalog.unnest($6), pg_catalog.unnest($7)) AS l(entry, id) "
						   "  WHERE NOT EXISTS (SELECT 1 FROM ims.control c WHERE c.standard OPERATOR(pg_catalog.=) $2 "
						   "                    AND c.control_id OPERATOR(pg_catalog.=) l.id)) AS u "
						   "ORDER BY u.entry, u.rank LIMIT 1", 7, types, values) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s does not follow the pg_ims catalog format", state->what),
				 errdetail("Entry %s of \"obligations\", key \"%s\": standard \"%s\" has no %s \"%s\".",
						   PgImsSpiText(0, "entry"), PgImsSpiText(0, "key"),
						   PgImsSpiText(0, "standard"), PgImsSpiText(0, "what"),
						   PgImsSpiText(0, "id")),
				 errhint("A crosswalk may only name clauses and controls of loaded catalogs.")));

	types[2] = TEXTARRAYOID;
	for (int i = 3; i <= 8; i++)
		types[i] = TEXTARRAYOID;
	types[9] = BOOLOID;
	values[2] = PointerGetDatum(refs);
	values[3] = PointerGetDatum(TextArray(doc->n_obligations, &ObligationRoles, doc));
	values[4] = PointerGetDatum(TextArray(doc->n_obligations, &ObligationRiskClasses, doc));
	values[5] = PointerGetDatum(TextArray(doc->n_obligations, &ObligationCoverage, doc));
	values[6] = PointerGetDatum(TextArray(doc->n_obligations, &ObligationRationale, doc));
	values[7] = PointerGetDatum(TextArray(doc->n_obligations, &ObligationNotCovered, doc));
	values[8] = PointerGetDatum(TextArray(doc->n_obligations, &ObligationProvenance, doc));
	values[9] = BoolGetDatum(state->builtin);
	CatalogLoadExecute("INSERT INTO ims.obligation (regulation, ref, standard, roles, risk_classes, coverage, "
					   "                            rationale, not_covered, provenance, builtin, ordinal) "
					   "SELECT $1, u.ref, $2, u.roles::pg_catalog.text[], u.classes::pg_catalog.text[], u.coverage, "
					   "       u.rationale, u.not_covered, u.provenance, $10, u.ordinal "
					   "FROM ROWS FROM (pg_catalog.unnest($3), pg_catalog.unnest($4), pg_catalog.unnest($5), "
					   "                pg_catalog.unnest($6), pg_catalog.unnest($7), pg_catalog.unnest($8), "
					   "                pg_catalog.unnest($9)) "
					   "     WITH ORDINALITY AS u(ref, roles, classes, coverage, rationale, not_covered, provenance, ordinal)",
					   10, types, values);

	types[3] = INT4ARRAYOID;
	types[4] = TEXTARRAYOID;
	types[5] = BOOLOID;
	values[3] = PointerGetDatum(clauses.entries);
	values[4] = PointerGetDatum(clauses.ids);
	values[5] = BoolGetDatum(state->builtin);
	CatalogLoadExecute("INSERT INTO ims.obligation_clause (regulation, ref, standard, clause, builtin) "
					   "SELECT $1, ($3::pg_catalog.text[])[l.entry], $2, l.id, $6 "
					   "FROM ROWS FROM (pg_catalog.unnest($4), pg_catalog.unnest($5)) AS l(entry, id)",
					   6, types, values);
	values[3] = PointerGetDatum(controls.entries);
	values[4] = PointerGetDatum(controls.ids);
	CatalogLoadExecute("INSERT INTO ims.obligation_control (regulation, ref, standard, control_id, builtin) "
					   "SELECT $1, ($3::pg_catalog.text[])[l.entry], $2, l.id, $6 "
					   "FROM ROWS FROM (pg_catalog.unnest($4), pg_catalog.unnest($5)) AS l(entry, id)",
					   6, types, values);

	return doc->n_obligations;
}

/*
 * Parse, check and load one document of the expected kind, in the private
 * context that LoadDocument set up.  The result is the standard code
 * (catalog) or the number of pairs (mapping), allocated in caller.
 */
static Datum
ParseAndLoad(const char *data, size_t len, const char *what, bool builtin,
			 CatalogDocumentKind expected, MemoryContext caller)
{
	LoadState	state;
	CatalogError err;
	Datum		result;

	state.what = what;
	state.builtin = builtin;

	/* shipped files are UTF-8 whatever the database encoding */
	if (!builtin)
		PgImsDocumentToUtf8(&data, &len);
	if (!catalog_document_parse(data, len, &state.doc, &err))
	{
		if (err.kind == CATALOG_ERROR_NOT_JSON)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_JSON_TEXT),
					 errmsg("%s is not valid JSON", what),
					 errdetail_internal("%s", PgImsServerDetail(err.detail)),
					 errhint("A catalog, mapping or crosswalk is one JSON object in UTF-8; see docs/catalog-format.md.")));
		ReportMalformed(&state, err.detail);
	}
	if (state.doc.kind != expected)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s is a %s, not a %s", what,
						DocumentKindName(state.doc.kind), DocumentKindName(expected)),
				 errhint("Load catalogs with ims.import_catalog(), mappings with ims.import_mapping() and crosswalks with ims.import_crosswalk().")));

	CatalogLoadBegin();
	if (expected == CATALOG_DOCUMENT_CATALOG)
	{
		char	   *code = LoadCatalog(&state);
		MemoryContext spi = MemoryContextSwitchTo(caller);

		result = CStringGetTextDatum(code);
		MemoryContextSwitchTo(spi);
	}
	else if (expected == CATALOG_DOCUMENT_MAPPING)
		result = Int32GetDatum(LoadMapping(&state));
	else
		result = Int32GetDatum(LoadCrosswalk(&state));
	PgImsSpiFinish();
	return result;
}

Datum
CatalogLoadInJsonContext(CatalogLoadFunction load, const CatalogLoadRequest *request)
{
	MemoryContext caller = CurrentMemoryContext;
	MemoryContext context = PgImsJsonBegin("pg_ims catalog");
	volatile Datum result = (Datum) 0;

	MemoryContextSwitchTo(context);
	PG_TRY();
	{
		result = load(request, caller);
	}
	PG_FINALLY();
	{
		MemoryContextSwitchTo(caller);
		PgImsJsonEnd(context);
	}
	PG_END_TRY();

	return result;
}

static Datum
LoadNative(const CatalogLoadRequest *request, MemoryContext caller)
{
	return ParseAndLoad(request->data, request->len, request->what,
						request->builtin, request->expected, caller);
}

static Datum
LoadDocument(const char *data, size_t len, const char *what, bool builtin,
			 CatalogDocumentKind expected)
{
	CatalogLoadRequest request = {data, len, what, builtin, expected};

	return CatalogLoadInJsonContext(LoadNative, &request);
}

/* Load the document of the text argument, called what in messages. */
static Datum
LoadArgument(FunctionCallInfo fcinfo, const char *what, CatalogDocumentKind expected)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);

	return LoadDocument(VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc), what, false, expected);
}

PG_FUNCTION_INFO_V1(catalog_import);
Datum
catalog_import(PG_FUNCTION_ARGS)
{
	return LoadArgument(fcinfo, "catalog document", CATALOG_DOCUMENT_CATALOG);
}

PG_FUNCTION_INFO_V1(crosswalk_import);
Datum
crosswalk_import(PG_FUNCTION_ARGS)
{
	return LoadArgument(fcinfo, "crosswalk document", CATALOG_DOCUMENT_CROSSWALK);
}

PG_FUNCTION_INFO_V1(mapping_import);
Datum
mapping_import(PG_FUNCTION_ARGS)
{
	return LoadArgument(fcinfo, "mapping document", CATALOG_DOCUMENT_MAPPING);
}

/* Load the shipped file named by the first argument. */
static Datum
LoadShipped(FunctionCallInfo fcinfo, CatalogDocumentKind expected)
{
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	size_t		len;
	char	   *buffer = PgImsReadShippedFile(name, &len);

	return LoadDocument(buffer, len, psprintf("catalog file \"%s\"", name), true, expected);
}

/* Load a shipped catalog, or with mapping true a shipped mapping. */
PG_FUNCTION_INFO_V1(catalog_load_builtin);
Datum
catalog_load_builtin(PG_FUNCTION_ARGS)
{
	bool		mapping = PG_GETARG_BOOL(1);
	Datum		result;

	result = LoadShipped(fcinfo, mapping ? CATALOG_DOCUMENT_MAPPING : CATALOG_DOCUMENT_CATALOG);
	if (mapping)
		PG_RETURN_TEXT_P(cstring_to_text(psprintf("%d pairs", DatumGetInt32(result))));
	return result;
}

/* Load a shipped crosswalk. */
PG_FUNCTION_INFO_V1(crosswalk_load_builtin);
Datum
crosswalk_load_builtin(PG_FUNCTION_ARGS)
{
	Datum		result = LoadShipped(fcinfo, CATALOG_DOCUMENT_CROSSWALK);

	PG_RETURN_TEXT_P(cstring_to_text(psprintf("%d obligations", DatumGetInt32(result))));
}
