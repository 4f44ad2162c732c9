/*-------------------------------------------------------------------------
 *
 * oscal_load.c
 *	  Load a NIST OSCAL catalog (JSON) into ims.standard and ims.control.
 *
 * Only the controls are kept: each becomes a row of ims.control, an
 * enhancement with its parent control, its innermost group as the area and
 * its "label" prop as display_id.  oscal_parse.c checks the document
 * completely first; the load shares its lock, its private cJSON memory
 * context and its statements' snapshots with the native loaders
 * (catalog_load.h).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "catalog_load.h"
#include "oscal_parse.h"
#include "pg_ims_spi.h"
#include "text_encoding.h"

/* Names the control whose text the database encoding cannot hold. */
typedef struct OscalPlace
{
	const OscalCatalog *cat;
	int			entry;
	const char *key;
} OscalPlace;

static void
OscalErrorContext(void *arg)
{
	OscalPlace *place = (OscalPlace *) arg;

	if (place->entry < 0)
		errcontext("OSCAL catalog, key \"%s\"", place->key);
	else
		errcontext("control %d of the OSCAL catalog, key \"%s\"", place->entry + 1, place->key);
}

static Datum
OscalText(const OscalCatalog *cat, int entry, const char *key, const char *utf8)
{
	OscalPlace	place = {cat, entry, key};

	return PgImsServerTextWithContext(utf8, OscalErrorContext, &place);
}

/* One text[] per kept key of the controls, in document order. */
static ArrayType *
OscalColumn(const OscalCatalog *cat, const char *key, size_t offset)
{
	Datum	   *elems = palloc(sizeof(Datum) * cat->n_controls);
	bool	   *nulls = palloc(sizeof(bool) * cat->n_controls);
	int			dims[1] = {cat->n_controls};
	int			lbs[1] = {1};

	for (int i = 0; i < cat->n_controls; i++)
	{
		const char *value = *(const char *const *) ((const char *) &cat->controls[i] + offset);

		nulls[i] = (value == NULL);
		elems[i] = OscalText(cat, i, key, value);
	}
	return construct_md_array(elems, nulls, 1, dims, lbs, TEXTOID, -1, false, TYPALIGN_INT);
}

/* The positions (from 1, in document order) of the withdrawn controls. */
static ArrayType *
OscalWithdrawn(const OscalCatalog *cat)
{
	Datum	   *elems = palloc(sizeof(Datum) * (cat->n_controls + 1));
	int			n = 0;

	for (int i = 0; i < cat->n_controls; i++)
		if (cat->controls[i].withdrawn)
			elems[n++] = Int32GetDatum(i + 1);
	return construct_array(elems, n, INT4OID, sizeof(int32), true, TYPALIGN_INT);
}

/*
 * What to do with a document that is not JSON: OSCAL's other two formats
 * are told apart by their first characters (after blanks and a byte-order
 * mark), XML by "<", YAML by "---", "%YAML" or a key at the start.
 */
static const char *
NotJsonHint(const char *data, size_t len)
{
	size_t		i = 0;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	if (i < len && data[i] == '<')
		return "This looks like OSCAL XML; pg_ims reads the JSON format. Take the JSON edition NIST publishes "
			"beside the XML one, or convert the file with NIST's oscal-cli (oscal-cli catalog convert --to=json).";
	if ((len - i >= 3 && memcmp(data + i, "---", 3) == 0) ||
		(len - i >= 5 && memcmp(data + i, "%YAML", 5) == 0) ||
		(len - i >= 8 && memcmp(data + i, "catalog:", 8) == 0) ||
		(len - i >= 8 && memcmp(data + i, "profile:", 8) == 0))
		return "This looks like OSCAL YAML; pg_ims reads the JSON format. Take the JSON edition NIST publishes, "
			"or convert the file with NIST's oscal-cli (oscal-cli catalog convert --to=json).";
	return "An OSCAL catalog in JSON is one object in UTF-8; see docs/oscal.md.";
}

/* A standard code as ims.standard's check constraint wants it. */
static void
CheckStandardCode(const char *code)
{
	size_t		len = strlen(code);
	bool		ok = len > 0 && len <= CATALOG_MAX_ID;

	for (size_t i = 0; ok && i < len; i++)
	{
		char		c = code[i];

		ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			(i > 0 && (c == '.' || c == '_' || c == ':' || c == '-'));
	}
	if (!ok)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid standard code \"%s\"", code),
				 errdetail("A standard code is 1 to %d lowercase letters and digits, then also \".\", \"_\", \":\" or \"-\".",
						   CATALOG_MAX_ID),
				 errhint("Name the catalog as ims.standard names it, such as \"nist800-53r5:moderate\".")));
}

static Datum
LoadOscal(const CatalogLoadRequest *request, MemoryContext caller)
{
	const char *data = request->data;
	size_t		len = request->len;
	const char *code = request->what;
	OscalCatalog cat;
	CatalogError err;
	Oid			types[9];
	Datum		values[9];

	PgImsDocumentToUtf8(&data, &len);
	if (!oscal_catalog_parse(data, len, &cat, &err))
	{
		if (err.kind == CATALOG_ERROR_NOT_JSON)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_JSON_TEXT),
					 errmsg("OSCAL document is not valid JSON"),
					 errdetail_internal("%s", PgImsServerDetail(err.detail)),
					 errhint("%s", NotJsonHint(data, len))));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("document is not an OSCAL catalog pg_ims can load"),
				 errdetail_internal("%s", PgImsServerDetail(err.detail)),
				 errhint("%s", strstr(err.detail, "OSCAL profile") != NULL
						 ? "Import the resolved-profile catalog instead: NIST publishes each baseline also as one, such as "
						 "NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog.json; "
						 "a profile of your own is resolved with NIST's oscal-cli (oscal-cli profile resolve)."
						 : "pg_ims loads OSCAL catalogs in JSON: groups, controls and enhancements; see docs/oscal.md.")));
	}

	CatalogLoadBegin();
	if (CatalogStandardExists(code))
		ereport(ERROR,
				(errcode(ERRCODE_DUPLICATE_OBJECT),
				 errmsg("standard \"%s\" is already loaded", code),
				 errdetail("The catalog of \"%s\" is in ims.standard and ims.control.", code),
				 errhint("A loaded standard is never replaced; give another catalog or edition its own code.")));

	types[0] = TEXTOID;
	values[0] = CStringGetTextDatum(code);
	types[1] = TEXTOID;
	values[1] = OscalText(&cat, -1, "metadata.title", cat.title);
	CatalogLoadExecute("INSERT INTO ims.standard (code, title, kind, builtin) VALUES ($1, $2, 'control_catalog', false)",
					   2, types, values);
	/* the standard's ids are OSCAL ids: a plan keeps them (oscal_ssp.c) */
	types[1] = TEXTOID;
	values[1] = CStringGetTextDatum(cat.uuid);
	CatalogLoadExecute("INSERT INTO ims.oscal_catalog (standard, catalog_uuid) VALUES ($1, $2::uuid)",
					   2, types, values);

	for (int i = 1; i <= 6; i++)
		types[i] = TEXTARRAYOID;
	values[1] = PointerGetDatum(OscalColumn(&cat, "id", offsetof(OscalControl, id)));
	values[2] = PointerGetDatum(OscalColumn(&cat, "title", offsetof(OscalControl, title)));
	values[3] = PointerGetDatum(OscalColumn(&cat, "group id", offsetof(OscalControl, group_id)));
	values[4] = PointerGetDatum(OscalColumn(&cat, "group title", offsetof(OscalControl, group_title)));
	values[5] = PointerGetDatum(OscalColumn(&cat, "parent", offsetof(OscalControl, parent)));
	values[6] = PointerGetDatum(OscalColumn(&cat, "label", offsetof(OscalControl, label)));
	types[7] = INT4ARRAYOID;
	values[7] = PointerGetDatum(OscalWithdrawn(&cat));
	CatalogLoadExecute("INSERT INTO ims.control "
					   "(standard, control_id, title, area, area_title, ordinal, parent, display_id, withdrawn) "
					   "SELECT $1, u.id, u.title, u.area, u.area_title, u.ordinal, u.parent, u.label, "
					   "       u.ordinal OPERATOR(pg_catalog.=) ANY ($8) "
					   "FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4), "
					   "                pg_catalog.unnest($5), pg_catalog.unnest($6), pg_catalog.unnest($7)) "
					   "     WITH ORDINALITY AS u(id, title, area, area_title, parent, label, ordinal)",
					   8, types, values);
	PgImsSpiFinish();
	(void) caller;
	return Int32GetDatum(cat.n_controls);
}

PG_FUNCTION_INFO_V1(oscal_catalog_import);
Datum
oscal_catalog_import(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	char	   *code = text_to_cstring(PG_GETARG_TEXT_PP(1));
	CatalogLoadRequest request = {VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc), code, false, CATALOG_DOCUMENT_CATALOG};

	CheckStandardCode(code);
	return CatalogLoadInJsonContext(LoadOscal, &request);
}
