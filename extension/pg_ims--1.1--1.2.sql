/* extension/pg_ims--1.1--1.2.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION pg_ims UPDATE TO '1.2'" to load this file. \quit

----------------------------------------------------------------------------
-- A restore keeps organizations that name imported standards
----------------------------------------------------------------------------

-- The comment in pg_ims--1.2.sql says why a restore is let through.
CREATE OR REPLACE FUNCTION @extschema@.check_standard_codes() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	unknown text;
BEGIN
	IF TG_OP OPERATOR(pg_catalog.=) 'INSERT'
	   AND pg_catalog.current_setting('row_security') OPERATOR(pg_catalog.=) 'off'
	   AND @extschema@.is_record_admin() THEN
		RETURN NEW;
	END IF;
	SELECT c INTO unknown
	FROM pg_catalog.jsonb_array_elements_text(pg_catalog.to_jsonb(NEW) -> TG_ARGV[0]) AS c
	WHERE NOT EXISTS (SELECT 1 FROM @extschema@.standard s WHERE s.code OPERATOR(pg_catalog.=) c)
	LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'standard "%" does not exist', unknown
			USING ERRCODE = 'foreign_key_violation',
				DETAIL = pg_catalog.format('Column "%s" of %s.%s lists it.', TG_ARGV[0], TG_TABLE_SCHEMA, TG_TABLE_NAME),
				HINT = 'Standards are named by their codes in ims.standard, such as iso27001:2022 and iso42001:2023.',
				SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[0];
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.check_standard_codes() IS
'trigger: every element of the array column named by the trigger argument is a code of ims.standard (a restore, which loads ims.standard later, is let through)';

