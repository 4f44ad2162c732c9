/* extension/updates/1.1--1.2.sql: what 1.2 changes in a 1.1 database (CHANGELOG.md) */

----------------------------------------------------------------------------
-- A restore keeps organizations that name imported standards
----------------------------------------------------------------------------

-- @replace function check_standard_codes

----------------------------------------------------------------------------
-- Documents declare the clauses they serve beyond their topic's
-- (ims.document_clause)
----------------------------------------------------------------------------

CREATE TABLE @extschema@.document_clause (
	org_id bigint NOT NULL,
	doc_id bigint NOT NULL,
	standard text NOT NULL,
	clause text NOT NULL,
	CONSTRAINT document_clause_pkey PRIMARY KEY (org_id, doc_id, standard, clause),
	CONSTRAINT document_clause_document_fkey FOREIGN KEY (org_id, doc_id)
		REFERENCES @extschema@.document (org_id, doc_id) ON DELETE CASCADE,
	CONSTRAINT document_clause_clause_fkey FOREIGN KEY (standard, clause)
		REFERENCES @extschema@.clause (standard, number)
);
COMMENT ON TABLE @extschema@.document_clause IS 'Clauses a document serves beyond its topic''s (ims.clause_topic), per standard, and only of the standards it covers';
COMMENT ON COLUMN @extschema@.document_clause.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.document_clause.doc_id IS 'The document (deleting it deletes its declarations)';
COMMENT ON COLUMN @extschema@.document_clause.standard IS 'Standard of the clause; one the document covers';
COMMENT ON COLUMN @extschema@.document_clause.clause IS 'Clause number the document serves, such as 7.3 (a clause of ims.clause)';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.document_clause', '');

ALTER TABLE @extschema@.document_clause ENABLE ROW LEVEL SECURITY;
CREATE POLICY document_clause_read ON @extschema@.document_clause FOR SELECT
	USING (org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs('read'))::bigint[]));
CREATE POLICY document_clause_insert ON @extschema@.document_clause FOR INSERT
	WITH CHECK (org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs('edit'))::bigint[]));
CREATE POLICY document_clause_update ON @extschema@.document_clause FOR UPDATE
	USING (org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs('edit'))::bigint[]))
	WITH CHECK (org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs('edit'))::bigint[]));
CREATE POLICY document_clause_delete ON @extschema@.document_clause FOR DELETE
	USING (org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs('edit'))::bigint[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.document_clause TO PUBLIC;

-- @replace function check_document_clause
CREATE TRIGGER document_clause_covered BEFORE INSERT OR UPDATE ON @extschema@.document_clause
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_document_clause();
-- @replace function check_document_covers_declared
CREATE TRIGGER document_covers_declared BEFORE UPDATE OF covers ON @extschema@.document
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_document_covers_declared();

----------------------------------------------------------------------------
-- The clause mapping's status, written once: ims.clause_coverage counts the
-- declared clauses beside the topic's, and records as evidence that a
-- clause is served, for many organizations at once; report_clause_mapping
-- reads it (its columns do not change).  Before the finding rules, which
-- may call it.
----------------------------------------------------------------------------

-- @part 35_clause_coverage.sql
-- @replace view report_clause_mapping

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
-- Names that cannot break or forge the documents (docs/security.md): the
-- name policy, ims.name_fault(), as CHECK constraints and in the functions
-- that write names.
--
-- A 1.1 database may hold names the policy refuses.  Each constraint is
-- added NOT VALID and then validated when no row breaks it, which is the
-- common case and gives the same schema as a fresh install; otherwise it
-- stays NOT VALID, which still holds every new or updated row, and a
-- warning says which rows to correct and how to validate it then.
-- Superseded SoA versions are exempt (their approver is part of their
-- digest), and init_soa does not carry over an owner the policy refuses.
----------------------------------------------------------------------------

-- @replace function name_fault

ALTER TABLE @extschema@.organization
	DROP CONSTRAINT organization_name_check,
	ADD CONSTRAINT organization_name_check CHECK (@extschema@.name_fault(name) IS NULL) NOT VALID,
	ADD CONSTRAINT organization_ims_owner_check CHECK (@extschema@.name_fault(ims_owner) IS NULL) NOT VALID;
ALTER TABLE @extschema@.soa
	ADD CONSTRAINT soa_approved_by_check
		CHECK (status = 'superseded' OR @extschema@.name_fault(approved_by) IS NULL) NOT VALID;
ALTER TABLE @extschema@.soa_entry
	ADD CONSTRAINT soa_entry_owner_check CHECK (@extschema@.name_fault(owner) IS NULL) NOT VALID;
COMMENT ON CONSTRAINT organization_name_check ON @extschema@.organization IS
'the name policy (ims.name_fault): one line, no control character, no white space at either end';
COMMENT ON CONSTRAINT organization_ims_owner_check ON @extschema@.organization IS
'the name policy (ims.name_fault): one line, no control character, no white space at either end';
COMMENT ON CONSTRAINT soa_approved_by_check ON @extschema@.soa IS
'the name policy (ims.name_fault) for the approver of the draft and the approved version';
COMMENT ON CONSTRAINT soa_entry_owner_check ON @extschema@.soa_entry IS
'the name policy (ims.name_fault): one line, no control character, no white space at either end';

DO $$
DECLARE
	c record;
	n bigint;
BEGIN
	FOR c IN SELECT * FROM (VALUES
		('organization', 'organization_name_check', 'name', 'true'),
		('organization', 'organization_ims_owner_check', 'ims_owner', 'true'),
		('soa', 'soa_approved_by_check', 'approved_by', 'status <> ''superseded'''),
		('soa_entry', 'soa_entry_owner_check', 'owner', 'true')) AS t(tab, con, col, cond)
	LOOP
		EXECUTE pg_catalog.format('SELECT count(*) FROM %I.%I WHERE %s AND %I.name_fault(%I) IS NOT NULL',
								  '@extschema@', c.tab, c.cond, '@extschema@', c.col)
			INTO n;
		IF n OPERATOR(pg_catalog.=) 0 THEN
			EXECUTE pg_catalog.format('ALTER TABLE %I.%I VALIDATE CONSTRAINT %I', '@extschema@', c.tab, c.con);
		ELSE
			RAISE WARNING 'rows of %.% that break the name policy: %; constraint % is not validated', '@extschema@', c.tab, n, c.con
				USING DETAIL = pg_catalog.format('%I.name_fault(%I) says what is wrong with each.', '@extschema@', c.col),
					HINT = pg_catalog.format('Correct them, then run ALTER TABLE %I.%I VALIDATE CONSTRAINT %I.',
											 '@extschema@', c.tab, c.con);
		END IF;
	END LOOP;
END
$$;

-- @replace function create_organization
