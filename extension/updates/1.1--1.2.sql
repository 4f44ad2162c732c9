/* extension/updates/1.1--1.2.sql: what 1.2 changes in a 1.1 database (CHANGELOG.md) */

----------------------------------------------------------------------------
-- A restore keeps organizations that name imported standards
----------------------------------------------------------------------------

-- @replace function check_standard_codes

----------------------------------------------------------------------------
-- The finding rules move from the library into the extension: one SQL
-- function each, listed in ims.finding_rule.  ims.evaluate_findings keeps
-- its definition; the 1.2 library reads the rules from the table.
----------------------------------------------------------------------------

-- @part 41_finding_rules.sql

----------------------------------------------------------------------------
-- A revoke either revokes or raises: every function that checks access and
-- then writes locks the organization first (ims.lock_organization)
----------------------------------------------------------------------------

-- @replace function lock_organization
-- @replace function grant_access
-- @replace function revoke_access
-- @replace function init_soa
-- @replace function approve_soa
