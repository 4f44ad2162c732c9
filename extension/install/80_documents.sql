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

-- src/oscal_assessment.c: the validator's findings and the nonconformity
-- register as OSCAL assessment results, and what is open of them as a
-- plan of action and milestones (docs/oscal.md)
CREATE FUNCTION @extschema@.export_oscal_assessment_results(org_id bigint) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'oscal_assessment_results_export'
	LANGUAGE C STABLE STRICT
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.export_oscal_assessment_results(bigint) IS
'the findings of the validator and the nonconformity register of an organization as OSCAL 1.2.1 assessment results (JSON built with cJSON): one finding and one observation each, the target the control or clause it is against, grade, category, waiver and state as pg_ims props, the control''s evidence as relevant-evidence (docs/oscal.md)';

CREATE FUNCTION @extschema@.export_oscal_poam(org_id bigint) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'oscal_poam_export'
	LANGUAGE C STABLE STRICT
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.export_oscal_poam(bigint) IS
'the open nonconformities of an organization and its major and minor findings that no waiver accepts as an OSCAL 1.2.1 plan of action and milestones (JSON built with cJSON): a poam-item each, a nonconformity''s corrective actions as remediations of its risk with due dates and owners (docs/oscal.md)';

-- src/oscal_mapping.c: the control and clause mapping between the
-- standards as an OSCAL mapping collection (docs/oscal.md)
CREATE FUNCTION @extschema@.export_oscal_mapping() RETURNS jsonb
	AS 'MODULE_PATHNAME', 'oscal_mapping_export'
	LANGUAGE C STABLE
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.export_oscal_mapping() IS
'the control mapping (ims.control_mapping) and the clause mapping (ims.clause_mapping) between the standards as an OSCAL 1.2.1 mapping collection (JSON built with cJSON): one mapping per pair of standards and kind, one map per pair with its NIST IR 8477 relationship, strength and provenance (docs/oscal.md)';
