--
-- privileges: the claims of docs/security.md, with roles that are not
-- superusers.  Which functions run as their owner, which ones PUBLIC may
-- execute, and what actually stops a role without a capability: not the
-- EXECUTE privilege of the write functions, but ims.require_org_access,
-- row-level security and the trigger on ims.soa.  Then the opt-in REVOKE
-- recipe of docs/security.md, undone at the end.
--
-- The two organizations get fixed ids, so that the messages below do not
-- depend on which tests ran before this one.
--

-- (a) The SECURITY DEFINER functions of the extension, with their
-- search_path.  A new one shows here as a diff: audit it in
-- docs/security.md before changing this file.
SELECT p.oid::regprocedure AS definer, p.proowner = e.extowner AS owned_by_extension_owner, p.proconfig
FROM pg_extension e
JOIN pg_depend d ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid AND d.deptype = 'e'
                AND d.classid = 'pg_proc'::regclass
JOIN pg_proc p ON p.oid = d.objid
WHERE e.extname = 'pg_ims' AND p.prosecdef
ORDER BY p.oid::regprocedure::text COLLATE "C";

-- PL/pgSQL and SQL functions that do not pin search_path: only
-- standard_label, a BEGIN ATOMIC body bound when the extension was created
SELECT p.oid::regprocedure AS unpinned, l.lanname, p.prosqlbody IS NOT NULL AS body_bound_at_create
FROM pg_extension e
JOIN pg_depend d ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid AND d.deptype = 'e'
                AND d.classid = 'pg_proc'::regclass
JOIN pg_proc p ON p.oid = d.objid
JOIN pg_language l ON l.oid = p.prolang
WHERE e.extname = 'pg_ims' AND l.lanname IN ('plpgsql', 'sql') AND p.proconfig IS NULL
ORDER BY p.oid::regprocedure::text COLLATE "C";

-- (b) EXECUTE of PUBLIC on every function of the extension, read from the
-- ACL itself (a NULL proacl is the default: EXECUTE for PUBLIC)
CREATE VIEW privileges_public_execute AS
SELECT p.oid::regprocedure AS function,
       EXISTS (SELECT 1 FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
               WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE') AS public_execute
FROM pg_extension e
JOIN pg_depend d ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid AND d.deptype = 'e'
                AND d.classid = 'pg_proc'::regclass
JOIN pg_proc p ON p.oid = d.objid
WHERE e.extname = 'pg_ims';
SELECT function, public_execute FROM privileges_public_execute ORDER BY function::text COLLATE "C";

-- fresh: no privilege of its own and no capability; approver: approve on B
CREATE ROLE regress_pg_ims_fresh;
CREATE ROLE regress_pg_ims_approver;
INSERT INTO ims.organization (org_id, name) VALUES (900001, 'Privileges A'), (900002, 'Privileges B');
SELECT ims.init_soa(900002) AS b_soa \gset
SELECT ims.grant_access(900002, 'regress_pg_ims_approver', 'approve');

-- a fresh role may execute exactly what PUBLIC may
SELECT count(*) AS differ_from_public FROM privileges_public_execute
WHERE has_function_privilege('regress_pg_ims_fresh', function, 'EXECUTE') <> public_execute;

-- (c) Without any ims.grant_access, the fresh role may call the write
-- functions: the refusal comes from inside them (require_org_access), not
-- from the EXECUTE privilege.  Row-level security refuses its writes.
\set VERBOSITY sqlstate
SET SESSION AUTHORIZATION regress_pg_ims_fresh;
SELECT ims.init_soa(900001);
\echo :LAST_ERROR_MESSAGE
SELECT ims.approve_soa(900002, 'Board');
\echo :LAST_ERROR_MESSAGE
SELECT ims.grant_access(900001, 'regress_pg_ims_fresh', 'approve');
\echo :LAST_ERROR_MESSAGE
SELECT ims.revoke_access(900002, 'regress_pg_ims_approver', 'approve');
\echo :LAST_ERROR_MESSAGE
INSERT INTO ims.soa_entry (org_id, soa_id, standard, control_id) VALUES (900002, :b_soa, 'iso27001:2022', 'A.5.1');
\echo :LAST_ERROR_MESSAGE
SELECT count(*) AS soa_entries_seen FROM ims.soa_entry WHERE org_id IN (900001, 900002);
RESET SESSION AUTHORIZATION;
\set VERBOSITY default

-- one call gives it edit on A: init_soa works, B stays out of reach
SELECT ims.grant_access(900001, 'regress_pg_ims_fresh', 'edit');
SET SESSION AUTHORIZATION regress_pg_ims_fresh;
SELECT ims.init_soa(900001) IS NOT NULL AS a_draft;
\set VERBOSITY sqlstate
INSERT INTO ims.soa_entry (org_id, soa_id, standard, control_id) VALUES (900002, :b_soa, 'iso27001:2022', 'A.5.1');
\echo :LAST_ERROR_MESSAGE
SELECT ims.init_soa(900002);
\echo :LAST_ERROR_MESSAGE
\set VERBOSITY default
WITH u AS (UPDATE ims.soa_entry SET owner = 'fresh' WHERE org_id = 900002 RETURNING 1)
SELECT count(*) AS b_entries_changed FROM u;
RESET SESSION AUTHORIZATION;

-- (d) The opt-in recipe: EXECUTE revoked from PUBLIC, granted to a role
REVOKE EXECUTE ON FUNCTION ims.init_soa(bigint) FROM PUBLIC;
SET SESSION AUTHORIZATION regress_pg_ims_fresh;
\set VERBOSITY sqlstate
SELECT ims.init_soa(900001);
\echo :LAST_ERROR_MESSAGE
\set VERBOSITY default
RESET SESSION AUTHORIZATION;
GRANT EXECUTE ON FUNCTION ims.init_soa(bigint) TO regress_pg_ims_fresh;
SET SESSION AUTHORIZATION regress_pg_ims_fresh;
SELECT ims.init_soa(900001) IS NOT NULL AS a_draft_again;
RESET SESSION AUTHORIZATION;
-- back to the shipped privileges
REVOKE EXECUTE ON FUNCTION ims.init_soa(bigint) FROM regress_pg_ims_fresh;
GRANT EXECUTE ON FUNCTION ims.init_soa(bigint) TO PUBLIC;

-- Revoking ims.approve_soa would not stop an approval: the trigger
-- soa_guard enforces it, whoever writes the UPDATE.  An approver approves by
-- hand; an editor cannot, even by hand.  All of it rolled back.
BEGIN;
REVOKE EXECUTE ON FUNCTION ims.approve_soa(bigint, text) FROM PUBLIC;
SET SESSION AUTHORIZATION regress_pg_ims_approver;
UPDATE ims.soa_entry SET applicability = 'applicable(risk)', justification = 'Needed.' WHERE org_id = 900002;
SAVEPOINT revoked;
\set VERBOSITY sqlstate
SELECT ims.approve_soa(900002, 'Board');
\echo :LAST_ERROR_MESSAGE
\set VERBOSITY default
ROLLBACK TO revoked;
UPDATE ims.soa s SET status = 'approved', approved_by = 'Board', approved_at = now(),
       digest = ims.soa_digest(s.org_id, s.soa_id, 'Board')
WHERE s.org_id = 900002 AND s.status = 'draft'
RETURNING s.version, s.status, s.approved_by;
SET SESSION AUTHORIZATION regress_pg_ims_fresh;
\set VERBOSITY sqlstate
UPDATE ims.soa s SET status = 'approved', approved_by = 'Fresh', approved_at = now(),
       digest = ims.soa_digest(s.org_id, s.soa_id, 'Fresh')
WHERE s.org_id = 900001 AND s.status = 'draft';
\echo :LAST_ERROR_MESSAGE
\set VERBOSITY default
ROLLBACK;
SELECT org_id, version, status FROM ims.soa WHERE org_id IN (900001, 900002) ORDER BY org_id;

-- (e) Creating organizations and loading catalogs are closed to a plain
-- role; and EXECUTE on an importer is not enough, since it writes the
-- catalog tables as its caller
\set catalog '{"format": "pg_ims/catalog", "format_version": 1, "standard": {"code": "regress-privileges:1", "title": "Privileges", "kind": "control_catalog"}, "clauses": [{"number": "1", "title": "Scope", "parent": null}], "controls": [{"id": "P-1", "title": "A control"}]}'
SET SESSION AUTHORIZATION regress_pg_ims_fresh;
\set VERBOSITY sqlstate
SELECT ims.create_organization('Fresh Inc');
\echo :LAST_ERROR_MESSAGE
SELECT ims.import_catalog(:'catalog');
\echo :LAST_ERROR_MESSAGE
RESET SESSION AUTHORIZATION;
GRANT EXECUTE ON FUNCTION ims.import_catalog(text) TO regress_pg_ims_fresh;
SET SESSION AUTHORIZATION regress_pg_ims_fresh;
SELECT ims.import_catalog(:'catalog');
\echo :LAST_ERROR_MESSAGE
\set VERBOSITY default
RESET SESSION AUTHORIZATION;
REVOKE EXECUTE ON FUNCTION ims.import_catalog(text) FROM regress_pg_ims_fresh;
SELECT count(*) AS loaded FROM ims.standard WHERE code = 'regress-privileges:1';

-- has_org_access and accessible_orgs answer only about roles the session
-- could SET ROLE to
SET SESSION AUTHORIZATION regress_pg_ims_fresh;
SELECT ims.has_org_access(900001, 'edit') AS own_edit_a,
       ims.has_org_access(900002, 'approve', 'regress_pg_ims_approver') AS probe_approver;
SELECT ims.accessible_orgs('edit') AS own_edit_orgs,
       ims.accessible_orgs('read', 'regress_pg_ims_approver') AS probe_approver_orgs;
SET SESSION AUTHORIZATION regress_pg_ims_approver;
SELECT ims.has_org_access(900002, 'approve') AS own_approve_b,
       ims.has_org_access(900001, 'read', 'regress_pg_ims_fresh') AS probe_fresh;
RESET SESSION AUTHORIZATION;

-- PUBLIC's EXECUTE is as it was at the start
SELECT function FROM privileges_public_execute WHERE NOT public_execute ORDER BY function::text COLLATE "C";

DROP VIEW privileges_public_execute;
DELETE FROM ims.soa WHERE org_id IN (900001, 900002);
DELETE FROM ims.organization WHERE org_id IN (900001, 900002);
DROP ROLE regress_pg_ims_fresh, regress_pg_ims_approver;
