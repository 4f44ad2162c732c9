/* extension/install/90_shipped_catalogs.sql */

----------------------------------------------------------------------------
-- The shipped catalogs, mapping and crosswalk (catalogs/*.json)
----------------------------------------------------------------------------

-- The shipped catalogs, mapping and crosswalk, loaded by the same C code as
-- ims.import_catalog(), ims.import_mapping() and ims.import_crosswalk().
-- The loaders exist only while this script runs.
CREATE FUNCTION @extschema@.load_builtin_catalog(file text, mapping boolean) RETURNS text
	AS 'MODULE_PATHNAME', 'catalog_load_builtin' LANGUAGE C STRICT VOLATILE;
CREATE FUNCTION @extschema@.load_builtin_crosswalk(file text) RETURNS text
	AS 'MODULE_PATHNAME', 'crosswalk_load_builtin' LANGUAGE C STRICT VOLATILE;
SELECT @extschema@.load_builtin_catalog('iso27001-2022.json', false);
SELECT @extschema@.load_builtin_catalog('iso42001-2023.json', false);
SELECT @extschema@.load_builtin_catalog('mapping-27001-42001.json', true);
SELECT @extschema@.load_builtin_catalog('eu-ai-act-2024.json', false);
SELECT @extschema@.load_builtin_crosswalk('crosswalk-euaiact-42001.json');
DROP FUNCTION @extschema@.load_builtin_catalog(text, boolean);
DROP FUNCTION @extschema@.load_builtin_crosswalk(text);
