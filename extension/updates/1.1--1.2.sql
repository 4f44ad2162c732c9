/* extension/updates/1.1--1.2.sql: what 1.2 changes in a 1.1 database (CHANGELOG.md) */

----------------------------------------------------------------------------
-- A restore keeps organizations that name imported standards
----------------------------------------------------------------------------

-- @replace function check_standard_codes
