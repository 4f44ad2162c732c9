/* extension/install/50_tenancy.sql */

----------------------------------------------------------------------------
-- Tenant isolation: row-level security per organization (docs/tenancy.md)
----------------------------------------------------------------------------

-- Access to an organization is membership in one of its three roles,
-- ims.org_role(org_id, 'read' | 'edit' | 'approve'); approve is a member of
-- edit and edit of read, so each capability includes the ones before it.
-- ims.org_access is the ledger of the grants (who granted what, when): its
-- trigger makes the memberships follow it, and ims.sync_access() rebuilds
-- them from it (after a restore into a cluster that has other roles, or a
-- renamed database).  The policies ask only whether the current user has
-- the privileges of a role: no table is read, no subquery runs, and the
-- answer is the same on every node of a Citus cluster (src/org_access.c).
CREATE FUNCTION @extschema@.org_role(org_id bigint, capability text) RETURNS name
	AS 'MODULE_PATHNAME', 'org_role_name'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.org_role(bigint, text) IS
'the name of the role whose members hold read, edit or approve on an organization: ims_<database>_<org_id>_<capability>';

-- Whether a role holds a capability on one organization.  A caller may ask
-- only about itself and a role its session could SET ROLE to; about any
-- other role the answer is false, so no one probes another's access.
CREATE FUNCTION @extschema@.has_org_access(org_id bigint, capability text, member name DEFAULT CURRENT_USER)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'org_has_access'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.has_org_access(bigint, text, name) IS
'whether a role (by default the caller) holds read, edit or approve on an organization, directly or through a role it inherits';

-- What every policy calls, for every row: the same answer as
-- ims.has_org_access for the current user, without a name to compare.
-- Its planner support says that it keeps every row (src/org_access.c).
-- COST 10 lets a query's own cheap leakproof conditions go first.
-- PostgreSQL evaluates a table's policy before the query's conditions on
-- it, except leakproof conditions costing less than ten operators, which
-- it sorts in with the policy by cost.  At the default COST 1 the policy
-- came first, and a validator rule that scans a table for one organization
-- (org_id = ANY($1)) asked it about every row of every organization; at
-- COST 10 it asks about that organization's rows only.
CREATE FUNCTION @extschema@.org_access_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'org_access_support'
	LANGUAGE C STRICT;
COMMENT ON FUNCTION @extschema@.org_access_support(internal) IS
'planner support of ims.org_access_held: the policies keep every row a member asks for, not the third the planner assumes of a boolean function';
CREATE FUNCTION @extschema@.org_access_held(org_id bigint, capability text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'org_access_held'
	LANGUAGE C STABLE STRICT PARALLEL SAFE
	COST 10
	SUPPORT @extschema@.org_access_support;
COMMENT ON FUNCTION @extschema@.org_access_held(bigint, text) IS
'whether the current user holds read, edit or approve on an organization: the predicate of the row-level security policies';

-- The organizations on which a role holds a capability.  SECURITY DEFINER
-- so that it sees every organization, whatever the caller may read.
CREATE FUNCTION @extschema@.accessible_orgs(capability text, member name DEFAULT CURRENT_USER)
	RETURNS bigint[]
	LANGUAGE sql STABLE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT ARRAY(SELECT o.org_id FROM @extschema@.organization o
				 WHERE @extschema@.has_org_access(o.org_id, accessible_orgs.capability, accessible_orgs.member)
				 ORDER BY o.org_id);
END;
COMMENT ON FUNCTION @extschema@.accessible_orgs(text, name) IS
'the organizations on which a role (by default the caller) holds read, edit or approve, directly or through a role it inherits';

-- Make member hold exactly capability on the organization through its
-- roles (NULL: none), creating the roles if they are missing.  Only what
-- differs is granted or revoked, so no notice or warning is raised.
-- Creating roles and granting them needs what the extension's owner has
-- and its users do not: EXECUTE is revoked from PUBLIC, and its callers
-- run as the owner (the ledger's trigger and create_organization, both
-- definers) or are a superuser's (sync_access).
CREATE FUNCTION @extschema@.set_org_membership(org_id bigint, member name, capability text) RETURNS void
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	cap text;
	below text;
	role_name name;
	is_member boolean;
	member_oid oid := (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) set_org_membership.member);
BEGIN
	FOREACH cap IN ARRAY ARRAY['read', 'edit', 'approve'] LOOP
		role_name := @extschema@.org_role(set_org_membership.org_id, cap);
		IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) role_name) THEN
			EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', role_name);
			EXECUTE pg_catalog.format('COMMENT ON ROLE %I IS %L', role_name,
				pg_catalog.format('pg_ims: %s on organization %s of database %s; granted with ims.grant_access()',
								  cap, set_org_membership.org_id, pg_catalog.current_database()));
			IF below IS NOT NULL THEN
				EXECUTE pg_catalog.format('GRANT %I TO %I', below, role_name);
			END IF;
		END IF;
		below := role_name;
		IF member_oid IS NULL THEN
			CONTINUE;
		END IF;
		is_member := EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) m.roleid
							 WHERE r.rolname OPERATOR(pg_catalog.=) role_name AND m.member OPERATOR(pg_catalog.=) member_oid);
		IF cap IS NOT DISTINCT FROM set_org_membership.capability AND NOT is_member THEN
			EXECUTE pg_catalog.format('GRANT %I TO %I', role_name, set_org_membership.member);
		ELSIF cap IS DISTINCT FROM set_org_membership.capability AND is_member THEN
			EXECUTE pg_catalog.format('REVOKE %I FROM %I', role_name, set_org_membership.member);
		END IF;
	END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.set_org_membership(bigint, name, text) IS
'makes a role a member of exactly the organization''s role for a capability (NULL: of none), creating the organization''s roles if missing; what the ledger''s trigger runs';
REVOKE ALL ON FUNCTION @extschema@.set_org_membership(bigint, name, text) FROM PUBLIC;

-- The members of an organization's roles other than the roles' own chain
-- (approve in edit, edit in read), with the capability each holds.
CREATE FUNCTION @extschema@.org_role_members(org_id bigint, OUT member name, OUT capability text)
	RETURNS SETOF record
	LANGUAGE sql STABLE
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT m.rolname, c.capability
	FROM unnest(ARRAY['read', 'edit', 'approve']) AS c(capability)
	JOIN pg_catalog.pg_roles r ON r.rolname OPERATOR(pg_catalog.=) @extschema@.org_role(org_role_members.org_id, c.capability)
	JOIN pg_catalog.pg_auth_members a ON a.roleid OPERATOR(pg_catalog.=) r.oid
	JOIN pg_catalog.pg_roles m ON m.oid OPERATOR(pg_catalog.=) a.member
	WHERE m.rolname OPERATOR(pg_catalog.<>) ALL (ARRAY[@extschema@.org_role(org_role_members.org_id, 'edit'),
											   @extschema@.org_role(org_role_members.org_id, 'approve')])
	ORDER BY 1, 2;
END;
COMMENT ON FUNCTION @extschema@.org_role_members(bigint) IS
'the roles that are members of an organization''s roles, with the capability each membership gives: what ims.sync_access() compares with the ledger';

-- Make every organization's memberships what ims.org_access says: roles
-- created where missing, grants the ledger holds made, memberships it does
-- not hold revoked.  For the DBA: after restoring a dump into a cluster
-- whose roles were not restored with it, after renaming the database, or
-- to undo grants of the organizations' roles made by hand.
-- Not a definer: EXECUTE is revoked from PUBLIC, and it runs with the
-- privileges of the superuser (or the role the DBA grants it to) that
-- calls it.
CREATE FUNCTION @extschema@.sync_access(OUT org_id bigint, OUT member name, OUT change text)
	RETURNS SETOF record
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	o bigint;
	m record;
BEGIN
	FOR o IN SELECT g.org_id FROM @extschema@.organization g ORDER BY 1 LOOP
		FOR m IN
			SELECT coalesce(h.member, l.member) AS member, h.capability AS held, l.capability AS granted
			FROM @extschema@.org_role_members(o) h
			-- a grant to a role dropped since names no one
			FULL JOIN (SELECT a.member, a.capability FROM @extschema@.org_access a
					   JOIN pg_catalog.pg_roles r ON r.rolname OPERATOR(pg_catalog.=) a.member
					   WHERE a.org_id OPERATOR(pg_catalog.=) o) l ON l.member OPERATOR(pg_catalog.=) h.member
			WHERE h.capability IS DISTINCT FROM l.capability
			ORDER BY 1
		LOOP
			PERFORM @extschema@.set_org_membership(o, m.member, m.granted);
			org_id := o;
			member := m.member;
			change := CASE WHEN m.granted IS NULL THEN pg_catalog.format('revoked %s', m.held)
						   WHEN m.held IS NULL THEN pg_catalog.format('granted %s', m.granted)
						   ELSE pg_catalog.format('%s instead of %s', m.granted, m.held) END;
			RETURN NEXT;
		END LOOP;
		-- the roles, even of an organization without grants
		PERFORM @extschema@.set_org_membership(o, NULL, NULL);
	END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.sync_access() IS
'makes the memberships of every organization''s roles what ims.org_access records (creating missing roles) and lists each change; superusers only unless the DBA grants EXECUTE';
REVOKE ALL ON FUNCTION @extschema@.sync_access() FROM PUBLIC;

-- Roles belong to the cluster: dropping the extension or the database
-- leaves them.  This drops the roles of this database's organizations.
-- Not a definer either: it drops roles with its caller's privileges.
CREATE FUNCTION @extschema@.drop_access_roles() RETURNS integer
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r name;
	dropped integer := 0;
BEGIN
	-- approve first: it is a member of edit, edit of read
	FOR r IN
		SELECT x.rolname FROM pg_catalog.pg_roles x
		WHERE x.rolname OPERATOR(pg_catalog.~) ('^' OPERATOR(pg_catalog.||)
			pg_catalog.regexp_replace(@extschema@.org_role(0, 'read'), '_0_read$', '') OPERATOR(pg_catalog.||)
			'_[0-9]+_(read|edit|approve)$')
		ORDER BY x.rolname OPERATOR(pg_catalog.~) '_approve$' DESC, x.rolname OPERATOR(pg_catalog.~) '_edit$' DESC, 1
	LOOP
		EXECUTE pg_catalog.format('DROP ROLE %I', r);
		dropped := dropped OPERATOR(pg_catalog.+) 1;
	END LOOP;
	RETURN dropped;
END
$$;
COMMENT ON FUNCTION @extschema@.drop_access_roles() IS
'drops the roles of this database''s organizations (run it before DROP EXTENSION or DROP DATABASE: roles outlive both) and returns how many; superusers only unless the DBA grants EXECUTE';
REVOKE ALL ON FUNCTION @extschema@.drop_access_roles() FROM PUBLIC;

-- Raise the right error unless the caller holds the capability (or is a
-- record admin).  A caller without access learns nothing of whether the
-- organization exists.
CREATE FUNCTION @extschema@.require_org_access(org_id bigint, capability text) RETURNS void
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF org_id IS NULL THEN
		RAISE EXCEPTION 'organization must not be null'
			USING ERRCODE = 'null_value_not_allowed',
				HINT = 'Pass the org_id that ims.create_organization() returned.';
	END IF;
	IF @extschema@.is_record_admin() THEN
		IF NOT EXISTS (SELECT 1 FROM @extschema@.organization o
					   WHERE o.org_id OPERATOR(pg_catalog.=) require_org_access.org_id) THEN
			RAISE EXCEPTION 'organization % does not exist', org_id
				USING ERRCODE = 'undefined_object',
					HINT = 'Create it with ims.create_organization().';
		END IF;
		RETURN;
	END IF;
	IF NOT @extschema@.has_org_access(org_id, capability) THEN
		RAISE EXCEPTION 'permission denied for organization %', org_id
			USING ERRCODE = 'insufficient_privilege',
				DETAIL = pg_catalog.format('This needs the %s capability, which role %s does not hold on it.',
										   capability, CURRENT_USER),
				HINT = 'A superuser or a role with approve on the organization can run ims.grant_access().';
	END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.require_org_access(bigint, text) IS
'raises 42501 unless the caller holds the capability on the organization (42704 for an admin naming an unknown one)';

-- Every function that checks the caller's access to an organization and
-- then writes calls this first: it locks the organization row, then checks.
-- The functions that change access or approve (grant_access, revoke_access,
-- approve_soa, init_soa) take the same lock, so they queue per
-- organization, and a check made after the lock sees every change of
-- access that committed while the caller waited (in READ COMMITTED each
-- statement takes a new snapshot).  Checking first and locking or writing
-- afterwards let a revoke pass its check, lose the capability to a
-- concurrent revoke, and then match no row under row-level security: it
-- returned success and revoked nothing (specs/revoke_access.spec).
-- FOR NO KEY UPDATE, as in init_soa: the foreign keys of the record tables
-- take KEY SHARE on the row, which it lets through.  A caller without edit
-- locks nothing (row-level security hides the row from FOR NO KEY UPDATE)
-- and is refused by the check.
CREATE FUNCTION @extschema@.lock_organization(org_id bigint, capability text) RETURNS void
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM 1 FROM @extschema@.organization o
	WHERE o.org_id OPERATOR(pg_catalog.=) lock_organization.org_id FOR NO KEY UPDATE;
	IF FOUND THEN
		PERFORM @extschema@.require_org_access(lock_organization.org_id, lock_organization.capability);
		RETURN;
	END IF;
	-- nothing locked: no such organization, or no access to it; this raises
	PERFORM @extschema@.require_org_access(lock_organization.org_id, lock_organization.capability);
	-- it did not: the caller was given access between the lock and the check
	RAISE EXCEPTION 'access to organization % changed during the call', org_id
		USING ERRCODE = 'serialization_failure',
			DETAIL = 'The organization could not be locked before the access to it was checked.',
			HINT = 'Run the call again.';
END
$$;
COMMENT ON FUNCTION @extschema@.lock_organization(bigint, text) IS
'locks an organization''s row FOR NO KEY UPDATE, then raises unless the caller holds the capability (as ims.require_org_access); what every function that checks access and then writes calls first';

CREATE FUNCTION @extschema@.create_organization(name text, owner text DEFAULT NULL) RETURNS bigint
	LANGUAGE plpgsql
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	new_id bigint;
	fault text;
BEGIN
	IF name IS NULL OR name OPERATOR(pg_catalog.=) '' THEN
		RAISE EXCEPTION 'organization name must not be empty'
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Pass the legal or trading name of the organization.';
	END IF;
	fault := @extschema@.name_fault(name);
	IF fault IS NOT NULL THEN
		RAISE EXCEPTION 'invalid organization name'
			USING ERRCODE = 'invalid_parameter_value', DETAIL = fault,
				HINT = 'A name is one line of text: no tab, line break or other control character, and no white space of any kind at its start or end.';
	END IF;
	fault := @extschema@.name_fault(owner);
	IF fault IS NOT NULL THEN
		RAISE EXCEPTION 'invalid owner of the management system'
			USING ERRCODE = 'invalid_parameter_value', DETAIL = fault,
				HINT = 'Name one person, on one line: no tab, line break or other control character, and no white space of any kind at the start or end; or pass NULL.';
	END IF;
	INSERT INTO @extschema@.organization (name, ims_owner)
	VALUES (create_organization.name, create_organization.owner)
	RETURNING organization.org_id INTO new_id;
	-- Its roles, with no member: roles of a database of the same name
	-- dropped before (roles outlive it) must not give their access to the
	-- new organization of the same org_id.
	PERFORM @extschema@.set_org_membership(new_id, r.member, NULL)
	FROM @extschema@.org_role_members(new_id) r;
	PERFORM @extschema@.set_org_membership(new_id, NULL, NULL);
	RETURN new_id;
END
$$;
COMMENT ON FUNCTION @extschema@.create_organization(text, text) IS
'creates an organization and returns its org_id; owner is the one person who owns the integrated system. Grant access with ims.grant_access()';

-- grant_access and revoke_access store and match the role's name as
-- pg_get_userbyid() gives it: regrole's text form quotes names that need it
-- ("Dana", "app-user"), which named no role in ims.org_access (1.0 bug).
CREATE FUNCTION @extschema@.grant_access(org_id bigint, member regrole, capability text) RETURNS void
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF grant_access.member IS NULL OR grant_access.capability IS NULL THEN
		RAISE EXCEPTION 'member and capability must not be null'
			USING ERRCODE = 'null_value_not_allowed',
				HINT = 'Name an existing role and one of read, edit, approve.';
	END IF;
	IF grant_access.capability NOT IN ('read', 'edit', 'approve') THEN
		RAISE EXCEPTION 'invalid capability "%"', grant_access.capability
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Capabilities are read, edit and approve; each includes the ones before it.';
	END IF;
	-- lock, then check: a concurrent revoke of the caller's approve waits or is seen
	PERFORM @extschema@.lock_organization(grant_access.org_id, 'approve');
	-- inserts or updates one row, or raises (row-level security refuses an
	-- ON CONFLICT update of a row it hides; it does not skip it)
	-- (the grantor and time come in the row, not in the SET list: Citus
	-- refuses functions that are not IMMUTABLE in ON CONFLICT DO UPDATE)
	INSERT INTO @extschema@.org_access AS a (org_id, member, capability, granted_by, granted_at)
	VALUES (grant_access.org_id, pg_catalog.pg_get_userbyid(grant_access.member), grant_access.capability,
			CURRENT_USER, pg_catalog.now())
	ON CONFLICT ON CONSTRAINT org_access_pkey DO UPDATE
		SET capability = EXCLUDED.capability, granted_by = EXCLUDED.granted_by, granted_at = EXCLUDED.granted_at;
END
$$;
COMMENT ON FUNCTION @extschema@.grant_access(bigint, regrole, text) IS
'gives a role read, edit or approve on one organization (replacing what it had); superusers and the organization''s approvers only';

CREATE FUNCTION @extschema@.revoke_access(org_id bigint, member regrole, capability text DEFAULT 'read') RETURNS void
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	member_name name;
	lower_capability text;
	held text;
BEGIN
	IF revoke_access.member IS NULL OR revoke_access.capability IS NULL THEN
		RAISE EXCEPTION 'member and capability must not be null'
			USING ERRCODE = 'null_value_not_allowed',
				HINT = 'Name an existing role and one of read, edit, approve.';
	END IF;
	IF revoke_access.capability NOT IN ('read', 'edit', 'approve') THEN
		RAISE EXCEPTION 'invalid capability "%"', revoke_access.capability
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Capabilities are read, edit and approve; revoking read removes all access.';
	END IF;
	-- lock, then check: a concurrent revoke of the caller's approve waits or is seen
	PERFORM @extschema@.lock_organization(revoke_access.org_id, 'approve');
	member_name := pg_catalog.pg_get_userbyid(revoke_access.member);
	lower_capability := CASE revoke_access.capability WHEN 'approve' THEN 'edit' WHEN 'edit' THEN 'read' END;
	IF lower_capability IS NULL THEN
		DELETE FROM @extschema@.org_access a
		WHERE a.org_id OPERATOR(pg_catalog.=) revoke_access.org_id
		  AND a.member OPERATOR(pg_catalog.=) member_name;
	ELSE
		-- revoking a capability leaves the one below it, if the role had more
		UPDATE @extschema@.org_access a
		SET capability = lower_capability, granted_by = CURRENT_USER, granted_at = pg_catalog.now()
		WHERE a.org_id OPERATOR(pg_catalog.=) revoke_access.org_id
		  AND a.member OPERATOR(pg_catalog.=) member_name
		  AND CASE a.capability WHEN 'read' THEN 1 WHEN 'edit' THEN 2 WHEN 'approve' THEN 3 END
			  OPERATOR(pg_catalog.>=)
			  CASE revoke_access.capability WHEN 'read' THEN 1 WHEN 'edit' THEN 2 WHEN 'approve' THEN 3 END;
	END IF;
	IF NOT FOUND THEN
		-- A direct write of ims.org_access, which does not take the lock, may
		-- have taken the caller's approve since the check: say so first.
		PERFORM @extschema@.require_org_access(revoke_access.org_id, 'approve');
		SELECT a.capability INTO held FROM @extschema@.org_access a
		WHERE a.org_id OPERATOR(pg_catalog.=) revoke_access.org_id
		  AND a.member OPERATOR(pg_catalog.=) member_name;
		RAISE EXCEPTION 'role "%" does not hold % on organization %', member_name, revoke_access.capability, revoke_access.org_id
			USING ERRCODE = 'undefined_object',
				DETAIL = CASE WHEN held IS NULL
						 THEN 'It has no grant on the organization; access it has through a role it is a member of was granted to that role.'
						 ELSE pg_catalog.format('It holds %s.', held) END,
				HINT = 'ims.org_access lists the grants of the organization: revoke a capability the role holds, or revoke from the role that was granted it.';
	END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.revoke_access(bigint, regrole, text) IS
'takes a capability back from a role on one organization: approve leaves edit, edit leaves read, read removes all access; raises (42704) when the role does not hold it';

-- A grant records who made it and when, whoever writes the row, and names
-- an existing role.
CREATE FUNCTION @extschema@.stamp_org_access() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) NEW.member) THEN
		RAISE EXCEPTION 'role "%" does not exist', NEW.member
			USING ERRCODE = 'undefined_object',
				HINT = 'Create the role first; access is granted to existing roles.';
	END IF;
	IF NEW.member OPERATOR(pg_catalog.~) '^ims_[a-z0-9_]+_[0-9]+_(read|edit|approve)$'
	   AND EXISTS (SELECT 1 FROM pg_catalog.pg_shdescription d JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) d.objoid
				   WHERE r.rolname OPERATOR(pg_catalog.=) NEW.member AND d.description OPERATOR(pg_catalog.~~) 'pg_ims: %') THEN
		RAISE EXCEPTION 'role "%" is a role of pg_ims', NEW.member
			USING ERRCODE = 'invalid_grant_operation',
				DETAIL = 'It gives a capability on an organization; access is granted to the roles of people and teams.',
				HINT = 'Grant access to the role of a person or team instead.';
	END IF;
	-- a record admin's rows are kept as written: that is what a restore does
	IF NOT @extschema@.is_record_admin() THEN
		NEW.granted_by := CURRENT_USER;
		NEW.granted_at := pg_catalog.now();
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.stamp_org_access() IS
'trigger: a grant names an existing role that is not one of pg_ims; unless a record admin (a restore) writes it, the server records the granting role and time';
CREATE TRIGGER org_access_stamp BEFORE INSERT OR UPDATE ON @extschema@.org_access
	FOR EACH ROW EXECUTE FUNCTION @extschema@.stamp_org_access();

-- The ledger and the memberships change together, whoever writes it:
-- ims.grant_access, ims.revoke_access, an approver writing the table, or a
-- restore.  SECURITY DEFINER for set_org_membership; what it may write is
-- what row-level security let the writer write.
CREATE FUNCTION @extschema@.apply_org_access() RETURNS trigger
	LANGUAGE plpgsql
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_OP OPERATOR(pg_catalog.<>) 'INSERT'
	   AND (TG_OP OPERATOR(pg_catalog.=) 'DELETE' OR OLD.org_id OPERATOR(pg_catalog.<>) NEW.org_id
			OR OLD.member OPERATOR(pg_catalog.<>) NEW.member) THEN
		PERFORM @extschema@.set_org_membership(OLD.org_id, OLD.member, NULL);
	END IF;
	IF TG_OP OPERATOR(pg_catalog.<>) 'DELETE' THEN
		PERFORM @extschema@.set_org_membership(NEW.org_id, NEW.member, NEW.capability);
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.apply_org_access() IS
'trigger: makes the memberships of the organization''s roles follow a grant written, changed or deleted in ims.org_access';
REVOKE ALL ON FUNCTION @extschema@.apply_org_access() FROM PUBLIC;
CREATE TRIGGER org_access_apply AFTER INSERT OR UPDATE OR DELETE ON @extschema@.org_access
	FOR EACH ROW EXECUTE FUNCTION @extschema@.apply_org_access();

-- True when the current role bypasses the record's row-level security:
-- superusers, BYPASSRLS roles and the owner of the extension's tables (the
-- role a restore runs as).  Such a role may write entries into an approved
-- SoA version, which is what a restore does; it cannot approve without a
-- valid digest either.
CREATE FUNCTION @extschema@.is_record_admin() RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
	SELECT r.rolsuper OR r.rolbypassrls
		OR pg_catalog.pg_has_role(CURRENT_USER, c.relowner, 'USAGE')
	FROM pg_catalog.pg_roles r, pg_catalog.pg_class c
	WHERE r.rolname OPERATOR(pg_catalog.=) CURRENT_USER
	  AND c.oid OPERATOR(pg_catalog.=) '@extschema@.organization'::pg_catalog.regclass
$$;
COMMENT ON FUNCTION @extschema@.is_record_admin() IS
'true for superusers, BYPASSRLS roles and the owner of the record tables: they see every organization';

----------------------------------------------------------------------------
-- Row-level security policies and privileges
--
-- Table privileges go to PUBLIC; the policies are the access control: a
-- role sees and writes an organization's rows only with a capability on it.
----------------------------------------------------------------------------

-- Every policy says: the current role holds the capability on the row's
-- organization (ims.org_access_held: a role membership, no table read):
-- read to see a row, edit (or what the table asks, such as approve for a
-- waiver) to write one.  Written once here for every record table, and
-- called again by an update for the tables it adds or whose policies it
-- changes (it replaces them).
CREATE FUNCTION @extschema@.protect_record_table(record_table text, write_capability text DEFAULT 'edit')
	RETURNS void
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	can_read text := '@extschema@.org_access_held(org_id, ''read'')';
	can_write text := format('@extschema@.org_access_held(org_id, %L)', write_capability);
	command text;
BEGIN
	EXECUTE format('ALTER TABLE @extschema@.%I ENABLE ROW LEVEL SECURITY', record_table);
	FOREACH command IN ARRAY ARRAY['read', 'insert', 'update', 'delete'] LOOP
		EXECUTE format('DROP POLICY IF EXISTS %I ON @extschema@.%I', record_table || '_' || command, record_table);
	END LOOP;
	EXECUTE format('CREATE POLICY %I ON @extschema@.%I FOR SELECT USING (%s)', record_table || '_read', record_table, can_read);
	EXECUTE format('CREATE POLICY %I ON @extschema@.%I FOR INSERT WITH CHECK (%s)',
				   record_table || '_insert', record_table, can_write);
	EXECUTE format('CREATE POLICY %I ON @extschema@.%I FOR UPDATE USING (%s) WITH CHECK (%s)',
				   record_table || '_update', record_table, can_write, can_write);
	EXECUTE format('CREATE POLICY %I ON @extschema@.%I FOR DELETE USING (%s)',
				   record_table || '_delete', record_table, can_write);
	EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.%I TO PUBLIC', record_table);
END
$$;
COMMENT ON FUNCTION @extschema@.protect_record_table(text, text) IS
'enables row-level security on a record table of the extension with the four policies of every record table (read to see, write_capability to insert, update and delete), replacing those it had, and grants it to PUBLIC; run by the install and update scripts';
REVOKE ALL ON FUNCTION @extschema@.protect_record_table(text, text) FROM PUBLIC;

SELECT @extschema@.protect_record_table(t)
FROM unnest(ARRAY['document', 'document_clause', 'ai_system', 'risk', 'risk_control', 'impact_assessment',
				  'soa', 'soa_entry', 'evidence', 'auditor', 'internal_audit',
				  'management_review', 'certification_body',
				  'risk_criteria', 'risk_treatment_action', 'risk_treatment_action_control',
				  'risk_reference', 'objective', 'objective_measurement', 'objective_reference',
				  -- AI system records (33_ai_system_records.sql)
				  'ai_system_change', 'ai_lifecycle_record', 'dataset', 'dataset_use', 'ai_supplier',
				  'ai_supplier_review', 'ai_component', 'ai_responsibility', 'impact', 'impact_risk',
				  'impact_mitigation',
				  -- the improvement loop (32_improvement.sql)
				  'audit_scope', 'audit_team_member', 'auditor_area', 'review_output',
				  'nonconformity_record', 'corrective_action', 'role', 'role_holder', 'competence_record']) AS t;
-- an acceptance of a residual risk is a decision, like approving the SoA;
-- the grants of an organization are its approvers' to write
SELECT @extschema@.protect_record_table(t, 'approve') FROM unnest(ARRAY['risk_acceptance', 'org_access']) AS t;

-- An organization is created by ims.create_organization and never deleted
-- through the policies: read to see it, edit to change it.
ALTER TABLE @extschema@.organization ENABLE ROW LEVEL SECURITY;
CREATE POLICY organization_read ON @extschema@.organization FOR SELECT
	USING (@extschema@.org_access_held(org_id, 'read'));
CREATE POLICY organization_update ON @extschema@.organization FOR UPDATE
	USING (@extschema@.org_access_held(org_id, 'edit'))
	WITH CHECK (@extschema@.org_access_held(org_id, 'edit'));
GRANT SELECT, UPDATE ON @extschema@.organization TO PUBLIC;

GRANT USAGE ON SEQUENCE @extschema@.document_doc_id_seq, @extschema@.ai_system_system_id_seq,
	@extschema@.risk_risk_id_seq, @extschema@.impact_assessment_assessment_id_seq,
	@extschema@.soa_soa_id_seq, @extschema@.evidence_evidence_id_seq, @extschema@.auditor_auditor_id_seq,
	@extschema@.internal_audit_audit_id_seq, @extschema@.management_review_review_id_seq,
	@extschema@.certification_body_body_id_seq, @extschema@.risk_treatment_action_action_id_seq,
	@extschema@.risk_acceptance_acceptance_id_seq, @extschema@.objective_objective_id_seq TO PUBLIC;
GRANT USAGE ON SEQUENCE @extschema@.ai_system_change_change_id_seq, @extschema@.ai_lifecycle_record_record_id_seq,
	@extschema@.dataset_dataset_id_seq, @extschema@.ai_supplier_supplier_id_seq,
	@extschema@.ai_supplier_review_review_id_seq, @extschema@.ai_component_component_id_seq,
	@extschema@.ai_responsibility_allocation_id_seq, @extschema@.impact_impact_id_seq,
	@extschema@.impact_mitigation_mitigation_id_seq TO PUBLIC;

REVOKE ALL ON FUNCTION @extschema@.create_organization(text, text) FROM PUBLIC;
