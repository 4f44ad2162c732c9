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

----------------------------------------------------------------------------
-- The server stamps an approval: approved_at is the time of the approving
-- transaction, the new approving_role the role that approves; a draft's
-- created_at is the time of its creation.  Versions approved before keep
-- their approved_at and have no approving_role; their digests do not change.
----------------------------------------------------------------------------

ALTER TABLE @extschema@.soa ADD COLUMN approving_role name;
ALTER TABLE @extschema@.soa ADD CONSTRAINT soa_approving_role_check
	CHECK (status <> 'draft' OR approving_role IS NULL);
COMMENT ON COLUMN @extschema@.soa.approved_by IS 'Person or body that approved it, as passed to ims.approve_soa; part of the digest';
COMMENT ON COLUMN @extschema@.soa.approved_at IS 'When it was approved: the time of the approving transaction, set by the server';
COMMENT ON COLUMN @extschema@.soa.created_at IS 'When the draft was created: the time of the creating transaction, set by the server';
COMMENT ON COLUMN @extschema@.soa.approving_role IS 'Database role that approved it, set by the server (NULL for versions approved before 1.2)';

-- @replace function guard_soa
