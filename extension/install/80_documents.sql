/* extension/install/80_documents.sql */

----------------------------------------------------------------------------
-- Documents for auditors: the SoA (src/soa_document.c), its JSON, OSCAL (docs/oscal.md)
----------------------------------------------------------------------------

CREATE FUNCTION @extschema@.soa_document(org_id bigint, format text DEFAULT 'markdown') RETURNS text
	AS 'MODULE_PATHNAME', 'soa_document'
	LANGUAGE C STABLE STRICT
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.soa_document(bigint, text) IS
'the live SoA of an organization as a document: markdown, html (self-contained, print CSS, inline SVG readiness chart) or csv (a header and one row per entry)';

CREATE FUNCTION @extschema@.soa_json(org_id bigint) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'soa_json'
	LANGUAGE C STABLE STRICT
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.soa_json(bigint) IS
'the live SoA of an organization as one JSON document built with cJSON: header, one object per entry (with its applicability), clause mapping, open findings';

CREATE FUNCTION @extschema@.export_oscal_ssp(org_id bigint) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'oscal_ssp_export'
	LANGUAGE C STABLE STRICT
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.export_oscal_ssp(bigint) IS
'the live SoA of an organization as an OSCAL 1.2.1 system security plan (JSON built with cJSON): one implemented-requirement per decided control with its by-components, the ids of OSCAL catalogs kept, others standard-qualified, the baseline catalog in the back-matter (docs/oscal.md)';
