/* extension/install/00_schema.sql */

----------------------------------------------------------------------------
-- The schema
----------------------------------------------------------------------------

COMMENT ON SCHEMA @extschema@ IS
'pg_ims: the record of an integrated ISO/IEC 27001 + ISO/IEC 42001 management system';
