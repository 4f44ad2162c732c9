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
					 errhint("An OSCAL catalog in JSON is one object in UTF-8; see docs/oscal.md.")));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("document is not an OSCAL catalog pg_ims can load"),
				 errdetail_internal("%s", PgImsServerDetail(err.detail)),
				 errhint("pg_ims loads OSCAL catalogs in JSON: groups, controls and enhancements; see docs/oscal.md.")));
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

	for (int i = 1; i <= 6; i++)
		types[i] = TEXTARRAYOID;
	values[1] = PointerGetDatum(OscalColumn(&cat, "id", offsetof(OscalControl, id)));
	values[2] = PointerGetDatum(OscalColumn(&cat, "title", offsetof(OscalControl, title)));
	values[3] = PointerGetDatum(OscalColumn(&cat, "group id", offsetof(OscalControl, group_id)));
	values[4] = PointerGetDatum(OscalColumn(&cat, "group title", offsetof(OscalControl, group_title)));
	values[5] = PointerGetDatum(OscalColumn(&cat, "parent", offsetof(OscalControl, parent)));
	values[6] = PointerGetDatum(OscalColumn(&cat, "label", offsetof(OscalControl, label)));
	CatalogLoadExecute("INSERT INTO ims.control "
					   "(standard, control_id, title, area, area_title, ordinal, parent, display_id) "
					   "SELECT $1, u.id, u.title, u.area, u.area_title, u.ordinal, u.parent, u.label "
					   "FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4), "
					   "                pg_catalog.unnest($5), pg_catalog.unnest($6), pg_catalog.unnest($7)) "
					   "     WITH ORDINALITY AS u(id, title, area, area_title, parent, label, ordinal)",
					   7, types, values);
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
