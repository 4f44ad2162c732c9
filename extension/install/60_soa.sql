/* extension/install/60_soa.sql */

----------------------------------------------------------------------------
-- The consolidated SoA
----------------------------------------------------------------------------

-- init_soa and approve_soa lock the organization row FOR NO KEY UPDATE
-- (ims.lock_organization, before they check access), not FOR UPDATE: the
-- foreign keys of the record tables take KEY SHARE on it, which FOR UPDATE
-- blocks; an editor who holds a share lock on the draft
-- (soa_entry_guard) and then inserts evidence would deadlock with an
-- approval waiting for that lock (specs/approve_soa.spec).
CREATE FUNCTION @extschema@.init_soa(org_id bigint) RETURNS bigint
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	draft record;
	approved_id bigint;
	next_version integer;
	new_id bigint;
	in_scope text[];
BEGIN
	-- Two sessions starting a draft for one organization queue here; the
	-- access check comes after the lock (ims.lock_organization).
	PERFORM @extschema@.lock_organization(init_soa.org_id, 'edit');

	SELECT s.soa_id, s.version INTO draft FROM @extschema@.soa s
	WHERE s.org_id OPERATOR(pg_catalog.=) init_soa.org_id AND s.status OPERATOR(pg_catalog.=) 'draft';
	IF FOUND THEN
		RAISE NOTICE 'organization % already has a draft Statement of Applicability, version %',
			org_id, draft.version
			USING HINT = 'Edit that draft, or approve it with ims.approve_soa().';
		RETURN draft.soa_id;
	END IF;

	SELECT s.soa_id INTO approved_id FROM @extschema@.soa s
	WHERE s.org_id OPERATOR(pg_catalog.=) init_soa.org_id AND s.status OPERATOR(pg_catalog.=) 'approved';
	SELECT COALESCE(max(s.version), 0) OPERATOR(pg_catalog.+) 1 INTO next_version
	FROM @extschema@.soa s WHERE s.org_id OPERATOR(pg_catalog.=) init_soa.org_id;

	INSERT INTO @extschema@.soa (org_id, version) VALUES (init_soa.org_id, next_version)
	RETURNING soa.soa_id INTO new_id;

	-- One entry per control of every standard in scope; decisions of the
	-- approved version carry over, controls new since then start undecided.
	-- The standards are read first and the approved entries in a subquery
	-- of their own, each filtered by the organization: Citus then routes
	-- both to the organization's shard and joins the catalog, a reference
	-- table, to what they return (docs/findings.md, Routing).
	SELECT o.standards INTO in_scope FROM @extschema@.organization o
	WHERE o.org_id OPERATOR(pg_catalog.=) init_soa.org_id;
	INSERT INTO @extschema@.soa_entry
		(org_id, soa_id, standard, control_id, applicability, justification, implementation, owner)
	SELECT init_soa.org_id, new_id, c.standard, c.control_id,
		   COALESCE(p.applicability, 'undecided'), p.justification,
		   COALESCE(p.implementation, 'not_started'),
		   -- an owner the name policy refuses (written under 1.1) is not carried over
		   CASE WHEN @extschema@.name_fault(p.owner) IS NULL THEN p.owner END
	FROM @extschema@.control c
	LEFT JOIN (SELECT e.standard, e.control_id, e.applicability, e.justification, e.implementation, e.owner
			   FROM @extschema@.soa_entry e
			   WHERE e.org_id OPERATOR(pg_catalog.=) init_soa.org_id
				 AND e.soa_id OPERATOR(pg_catalog.=) approved_id) p
		ON p.standard OPERATOR(pg_catalog.=) c.standard
	   AND p.control_id OPERATOR(pg_catalog.=) c.control_id
	WHERE c.standard OPERATOR(pg_catalog.=) ANY (in_scope)
	  AND NOT c.withdrawn;			-- a control its catalog withdrew (22_oscal_catalog.sql)

	RETURN new_id;
END
$$;
COMMENT ON FUNCTION @extschema@.init_soa(bigint) IS
'creates the draft consolidated SoA of an organization: one entry per control of every standard in scope (undecided), or the next version carrying over the approved decisions; returns its soa_id (an existing draft''s, with a notice)';

CREATE FUNCTION @extschema@.integration_findings(org_id bigint)
	RETURNS TABLE (code text, severity text, standard text, ref text, message text, hint text,
				   category text, requirement text, blocks_approval boolean, waived_until date)
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM @extschema@.require_org_access(integration_findings.org_id, 'read');
	RETURN QUERY
		SELECT f.code, f.grade, f.standard, f.ref, f.message, f.hint,
			   f.category, f.requirement, f.blocks_approval, f.waived_until
		FROM @extschema@.evaluate_findings(ARRAY[integration_findings.org_id], false) f;
END
$$;
COMMENT ON FUNCTION @extschema@.integration_findings(bigint) IS
'every finding of SPEC section 7 for one organization: what a certification auditor would find, each with its grade in severity (major, minor, observation), the object in ref, what to do in hint, its category, the requirement it is against, whether it blocks SoA approval and until when a waiver accepts it (docs/findings.md)';

CREATE FUNCTION @extschema@.validate_soa(org_id bigint)
	RETURNS TABLE (code text, severity text, standard text, ref text, message text, hint text,
				   category text, requirement text, blocks_approval boolean, waived_until date)
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM @extschema@.require_org_access(validate_soa.org_id, 'read');
	RETURN QUERY
		SELECT f.code, f.grade, f.standard, f.ref, f.message, f.hint,
			   f.category, f.requirement, f.blocks_approval, f.waived_until
		FROM @extschema@.evaluate_findings(ARRAY[validate_soa.org_id], true) f;
END
$$;
COMMENT ON FUNCTION @extschema@.validate_soa(bigint) IS
'the SoA rules (scope soa of ims.finding_rule) for one organization, on its live SoA: the draft, or else the approved version; columns as ims.integration_findings';

-- The check an approval must pass besides capability and digest: no
-- finding that blocks approval stands.  A waiver accepts a finding for a
-- while; it does not make an incomplete SoA approvable.  Raises, or
-- returns nothing.
CREATE FUNCTION @extschema@.check_soa_blockers(org_id bigint) RETURNS void
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	blockers record;
BEGIN
	SELECT pg_catalog.count(*), pg_catalog.string_agg(f.code OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) f.message, '; ')
	INTO blockers
	FROM (SELECT * FROM @extschema@.evaluate_findings(ARRAY[check_soa_blockers.org_id], true) v
		  WHERE v.blocks_approval LIMIT 5) f;
	IF blockers.count OPERATOR(pg_catalog.>) 0 THEN
		RAISE EXCEPTION 'the Statement of Applicability of organization % cannot be approved while findings that block approval stand', org_id
			USING ERRCODE = 'object_not_in_prerequisite_state',
				DETAIL = pg_catalog.format('Among them: %s.', blockers.string_agg),
				HINT = pg_catalog.format('SELECT * FROM ims.validate_soa(%s) WHERE blocks_approval lists them all; resolve each (a waiver does not), then approve.', org_id);
	END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.check_soa_blockers(bigint) IS
'raises unless no finding that blocks approval stands for the organization''s live SoA (waived or not); what an approval must pass';

-- The seal of an approval (docs/scale-out.md).  ims.approve_soa checks
-- the findings itself, on the coordinator on Citus, where the validator
-- can read every table (in a trigger on a shard it cannot), and the
-- soa_guard trigger lets its write through without checking them again
-- only when the write carries the seal: a SHA-256, keyed by a secret only
-- the extension's owner reads (ims.approval_key), of the organization,
-- the version, the digest, the approver and the approval time.  The seal
-- travels in the row itself (after the digest, "digest:seal", taken off by
-- the trigger), since the trigger may run on another node than the
-- approval: no session setting reaches it there, and a member could set
-- one anyway.  ims.seal_soa_approval makes a seal only after the findings
-- check passed, so a member who calls it by hand gets only what
-- approve_soa would have let through; a write with any other seal, or
-- none, gets the findings check in the trigger, as before.  The approval
-- time bounds a seal's use: the trigger accepts a sealed approval time
-- only within a minute before the writing transaction's.
CREATE TABLE @extschema@.approval_key (
	key text NOT NULL,
	CONSTRAINT approval_key_pkey PRIMARY KEY (key)
);
COMMENT ON TABLE @extschema@.approval_key IS
'the secret under which ims.approve_soa seals its approvals; readable by the extension''s owner only, made anew by every CREATE EXTENSION (not dumped)';
INSERT INTO @extschema@.approval_key (key)
SELECT pg_catalog.gen_random_uuid()::text OPERATOR(pg_catalog.||) pg_catalog.gen_random_uuid()::text;
REVOKE ALL ON @extschema@.approval_key FROM PUBLIC;

CREATE FUNCTION @extschema@.approval_seal(org_id bigint, soa_id bigint, digest text, approver text, approved_at timestamptz)
	RETURNS text
	LANGUAGE sql STABLE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
	SELECT pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(pg_catalog.concat_ws('|', k.key, org_id, soa_id, digest,
				approver, pg_catalog.to_char(approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')), 'UTF8')), 'hex')
	FROM @extschema@.approval_key k
$$;
COMMENT ON FUNCTION @extschema@.approval_seal(bigint, bigint, text, text, timestamptz) IS
'the seal of an approval under ims.approval_key; for ims.seal_soa_approval and ims.approval_seal_matches only';
REVOKE ALL ON FUNCTION @extschema@.approval_seal(bigint, bigint, text, text, timestamptz) FROM PUBLIC;

CREATE FUNCTION @extschema@.approval_seal_matches(seal text, org_id bigint, soa_id bigint, digest text, approver text,
												  approved_at timestamptz)
	RETURNS boolean
	LANGUAGE sql STABLE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
	SELECT COALESCE(seal OPERATOR(pg_catalog.=) @extschema@.approval_seal(org_id, soa_id, digest, approver, approved_at), false)
$$;
COMMENT ON FUNCTION @extschema@.approval_seal_matches(text, bigint, bigint, text, text, timestamptz) IS
'whether a seal is the one ims.approve_soa made for this approval; what the soa_guard trigger asks';

CREATE FUNCTION @extschema@.seal_soa_approval(org_id bigint, soa_id bigint, approver text) RETURNS text
	LANGUAGE plpgsql
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	caller name := @extschema@.history_actor();		-- the role outside this function
BEGIN
	-- the caller's capability, as approve_soa checked it: the findings
	-- and a seal are for those who may approve
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r, pg_catalog.pg_class c
				   WHERE r.rolname OPERATOR(pg_catalog.=) caller
					 AND c.oid OPERATOR(pg_catalog.=) '@extschema@.organization'::pg_catalog.regclass
					 AND (r.rolsuper OR r.rolbypassrls OR pg_catalog.pg_has_role(caller, c.relowner, 'USAGE')))
	   AND NOT @extschema@.has_org_access(seal_soa_approval.org_id, 'approve', caller) THEN
		RAISE EXCEPTION 'permission denied to approve the Statement of Applicability of organization %', org_id
			USING ERRCODE = 'insufficient_privilege',
				DETAIL = pg_catalog.format('Approval needs the approve capability, which role %s does not hold.', caller),
				HINT = 'A superuser or an approver of the organization can grant it with ims.grant_access().';
	END IF;
	PERFORM @extschema@.check_soa_blockers(seal_soa_approval.org_id);
	RETURN @extschema@.approval_seal(seal_soa_approval.org_id, seal_soa_approval.soa_id,
		@extschema@.soa_digest(seal_soa_approval.org_id, seal_soa_approval.soa_id, approver), approver, pg_catalog.now());
END
$$;
COMMENT ON FUNCTION @extschema@.seal_soa_approval(bigint, bigint, text) IS
'raises unless the caller holds approve on the organization and no finding that blocks approval stands; else the seal of an approval of the version by approver now; what ims.approve_soa writes its approval with';

CREATE FUNCTION @extschema@.approve_soa(org_id bigint, approver text) RETURNS text
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	draft record;
	new_digest text;
	fault text;
	seal text;
	approved boolean;
BEGIN
	IF approver IS NULL OR approver OPERATOR(pg_catalog.=) '' THEN
		RAISE EXCEPTION 'approver must not be empty'
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Name the person or body that approves the SoA, such as the management board.';
	END IF;
	fault := @extschema@.name_fault(approver);
	IF fault IS NOT NULL THEN
		RAISE EXCEPTION 'invalid approver'
			USING ERRCODE = 'invalid_parameter_value', DETAIL = fault,
				HINT = 'Name the person or body that approves the SoA on one line: no tab, line break or other control character, and no white space of any kind at the start or end.';
	END IF;
	-- One approval, init_soa or change of access at a time per organization;
	-- the access check comes after the lock (ims.lock_organization).
	PERFORM @extschema@.lock_organization(approve_soa.org_id, 'approve');
	-- Edits of the draft hold a share lock on it: wait for them to finish.
	SELECT s.soa_id, s.version INTO draft FROM @extschema@.soa s
	WHERE s.org_id OPERATOR(pg_catalog.=) approve_soa.org_id AND s.status OPERATOR(pg_catalog.=) 'draft'
	FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'organization % has no draft Statement of Applicability to approve', org_id
			USING ERRCODE = 'object_not_in_prerequisite_state',
				HINT = 'Create one with ims.init_soa(); it carries the decisions of the approved version over.';
	END IF;

	-- The findings are checked here, where the validator can read every
	-- table (on Citus: on the coordinator), and the write is sealed, so the
	-- soa_guard trigger, which runs where the row is, does not check them
	-- again; it still checks the capability and the digest, and stamps
	-- approving_role.
	seal := @extschema@.seal_soa_approval(approve_soa.org_id, draft.soa_id, approver);
	new_digest := @extschema@.soa_digest(approve_soa.org_id, draft.soa_id, approver);
	UPDATE @extschema@.soa s SET status = 'superseded'
	WHERE s.org_id OPERATOR(pg_catalog.=) approve_soa.org_id AND s.status OPERATOR(pg_catalog.=) 'approved';
	-- The seal travels with the row, after the digest, to wherever the
	-- trigger runs (a worker, on Citus); the trigger takes it off.
	UPDATE @extschema@.soa s
	SET status = 'approved', approved_by = approver, approved_at = pg_catalog.now(),
		digest = new_digest OPERATOR(pg_catalog.||) ':' OPERATOR(pg_catalog.||) seal
	WHERE s.org_id OPERATOR(pg_catalog.=) approve_soa.org_id
	  AND s.soa_id OPERATOR(pg_catalog.=) draft.soa_id;
	approved := FOUND;
	-- the draft is locked, so only a lost capability can make this match
	-- nothing; an approval that approved nothing must not return a digest
	IF NOT approved THEN
		RAISE EXCEPTION 'version % of the Statement of Applicability of organization % was not approved', draft.version, org_id
			USING ERRCODE = 'serialization_failure',
				DETAIL = 'The version could no longer be written by the approving role when the approval came to write it.',
				HINT = 'Check the role''s access with ims.has_org_access(), then run ims.approve_soa() again.';
	END IF;
	RETURN new_digest;
END
$$;
COMMENT ON FUNCTION @extschema@.approve_soa(bigint, text) IS
'approves the draft SoA of an organization: refused without the approve capability or while a finding that blocks approval stands (waived or not); supersedes the previous approved version, records who and when, and returns the SHA-256 digest of the content';

-- The SoA digest (src/soa_digest.c; docs/soa-digest.md)
CREATE FUNCTION @extschema@.soa_digest(org_id bigint, soa_id bigint, approver text) RETURNS text
	AS 'MODULE_PATHNAME', 'soa_digest'
	LANGUAGE C STABLE
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.soa_digest(bigint, bigint, text) IS
'SHA-256, in hexadecimal, of the canonical content of an SoA version with its approver (docs/soa-digest.md); NULL if the caller cannot see it';

-- Approved and superseded SoA versions are immutable, and only
-- ims.approve_soa changes a version's status.
--
-- The server stamps the times and the approving role, whoever writes the
-- row and however: a draft's created_at is the time of the transaction
-- that inserts it and never changes; on approval, approved_at is the time
-- of the approving transaction and approving_role the role that approves
-- (CURRENT_USER, whose capability is checked).  A write that leaves them
-- out gets them; one that writes another value is refused, so that an
-- approval cannot be back-dated (specs/soa_backdate.spec).  approved_by is
-- the person or body the approver names, not something the server can
-- know; it is bound by the digest.  A record admin's inserts (a restore)
-- keep every column as written, approved versions included.
CREATE FUNCTION @extschema@.guard_soa() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	sealed boolean := false;
BEGIN
	IF TG_OP = 'INSERT' THEN
		IF NEW.status OPERATOR(pg_catalog.<>) 'draft' AND NOT @extschema@.is_record_admin() THEN
			RAISE EXCEPTION 'a Statement of Applicability starts as a draft'
				USING ERRCODE = 'object_not_in_prerequisite_state',
					DETAIL = pg_catalog.format('The new version has status "%s".', NEW.status),
					HINT = 'Create the draft with ims.init_soa() and approve it with ims.approve_soa().';
		END IF;
		IF NOT @extschema@.is_record_admin() THEN
			IF NEW.created_at IS NULL THEN
				NEW.created_at := pg_catalog.now();
			ELSIF NEW.created_at OPERATOR(pg_catalog.<>) pg_catalog.now() THEN
				RAISE EXCEPTION 'the creation time of a Statement of Applicability is set by the server'
					USING ERRCODE = 'generated_always',
						DETAIL = 'A draft records the time of the transaction that creates it.',
						HINT = 'Leave created_at out of the INSERT; ims.init_soa() creates the draft.';
			END IF;
		END IF;
		RETURN NEW;
	END IF;

	IF OLD.status OPERATOR(pg_catalog.<>) 'draft' THEN
		-- the one change allowed: ims.approve_soa supersedes the approved version
		IF TG_OP = 'UPDATE' AND OLD.status OPERATOR(pg_catalog.=) 'approved'
		   AND NEW.status OPERATOR(pg_catalog.=) 'superseded'
		   AND (NEW.org_id, NEW.soa_id, NEW.version, NEW.approved_by, NEW.approved_at, NEW.digest, NEW.created_at,
				NEW.approving_role)
			   IS NOT DISTINCT FROM
			   (OLD.org_id, OLD.soa_id, OLD.version, OLD.approved_by, OLD.approved_at, OLD.digest, OLD.created_at,
				OLD.approving_role)
		   AND (@extschema@.is_record_admin() OR @extschema@.has_org_access(NEW.org_id, 'approve')) THEN
			RETURN NEW;
		END IF;
		RAISE EXCEPTION 'version % of the Statement of Applicability of organization % is % and cannot be changed',
				OLD.version, OLD.org_id, OLD.status
			USING ERRCODE = 'object_not_in_prerequisite_state',
				DETAIL = pg_catalog.format('It was approved by %s with digest %s.', OLD.approved_by, OLD.digest),
				HINT = 'Run ims.init_soa() for a new draft that carries its decisions over.';
	END IF;

	IF TG_OP = 'UPDATE' AND NEW.created_at IS DISTINCT FROM OLD.created_at THEN
		RAISE EXCEPTION 'the creation time of a Statement of Applicability is set by the server'
			USING ERRCODE = 'generated_always',
				DETAIL = pg_catalog.format('Version %s keeps the time of the transaction that created it.', OLD.version),
				HINT = 'Leave created_at out of the UPDATE.';
	END IF;

	IF TG_OP = 'UPDATE'
	   AND (NEW.status, NEW.approved_by, NEW.approved_at, NEW.digest, NEW.approving_role)
		   IS DISTINCT FROM (OLD.status, OLD.approved_by, OLD.approved_at, OLD.digest, OLD.approving_role) THEN
		-- Whoever changes the status, and however, an approval must hold:
		-- the approve capability, no finding that blocks approval, and the digest of
		-- exactly this content.  ims.approve_soa() is the way to do it.
		-- ims.approve_soa's write carries its seal after the digest
		-- (approval_seal_matches); the row keeps the digest alone.
		IF NEW.digest LIKE '%:%' THEN
			sealed := @extschema@.approval_seal_matches(pg_catalog.split_part(NEW.digest, ':', 2), NEW.org_id,
				NEW.soa_id, pg_catalog.split_part(NEW.digest, ':', 1), NEW.approved_by, NEW.approved_at);
			NEW.digest := pg_catalog.split_part(NEW.digest, ':', 1);
		END IF;
		IF NEW.status OPERATOR(pg_catalog.<>) 'approved' THEN
			RAISE EXCEPTION 'a draft Statement of Applicability can only be approved'
				USING ERRCODE = 'object_not_in_prerequisite_state',
					DETAIL = pg_catalog.format('Version %s would become "%s".', OLD.version, NEW.status),
					HINT = 'Approve it with ims.approve_soa(org_id, approver), or delete the draft.';
		END IF;
		IF NOT @extschema@.is_record_admin()
		   AND NOT @extschema@.has_org_access(NEW.org_id, 'approve') THEN
			RAISE EXCEPTION 'permission denied to approve the Statement of Applicability of organization %', NEW.org_id
				USING ERRCODE = 'insufficient_privilege',
					DETAIL = pg_catalog.format('Approval needs the approve capability, which role %s does not hold.', CURRENT_USER),
					HINT = 'A superuser or an approver of the organization can grant it with ims.grant_access().';
		END IF;
		-- the server's time and role, for every writer: no back-dating
		IF NEW.approved_at IS NULL THEN
			NEW.approved_at := pg_catalog.now();
		ELSIF NEW.approved_at OPERATOR(pg_catalog.<>) pg_catalog.now()
			  AND NOT (NEW.approved_at OPERATOR(pg_catalog.<=) pg_catalog.now()
					   AND NEW.approved_at OPERATOR(pg_catalog.>) (pg_catalog.now() OPERATOR(pg_catalog.-) '1 minute'::pg_catalog.interval)
					   AND sealed) THEN
			RAISE EXCEPTION 'the approval time of a Statement of Applicability is set by the server'
				USING ERRCODE = 'generated_always',
					DETAIL = pg_catalog.format('Version %s is approved at the time of the transaction that approves it, not at a time the UPDATE names.', OLD.version),
					HINT = 'Leave approved_at out of the UPDATE, or approve with ims.approve_soa().';
		END IF;
		IF NEW.approving_role IS NULL THEN
			NEW.approving_role := CURRENT_USER;
		ELSIF NEW.approving_role OPERATOR(pg_catalog.<>) CURRENT_USER THEN
			RAISE EXCEPTION 'the approving role of a Statement of Applicability is set by the server'
				USING ERRCODE = 'generated_always',
					DETAIL = pg_catalog.format('Version %s is recorded as approved by the role that approves it.', OLD.version),
					HINT = 'Leave approving_role out of the UPDATE, or approve with ims.approve_soa().';
		END IF;
		-- ims.approve_soa checked the findings where they can be read (on
		-- Citus, on the coordinator) and sealed the write; any other
		-- approval is checked here.
		IF NOT sealed THEN
			PERFORM @extschema@.check_soa_blockers(NEW.org_id);
		END IF;
		IF NEW.digest IS DISTINCT FROM @extschema@.soa_digest(NEW.org_id, NEW.soa_id, NEW.approved_by) THEN
			RAISE EXCEPTION 'the digest of version % does not match its content', NEW.version
				USING ERRCODE = 'object_not_in_prerequisite_state',
					DETAIL = 'The digest is the SHA-256 of the canonical SoA content and the approver (docs/soa-digest.md).',
					HINT = 'Approve with ims.approve_soa(), which computes it.';
		END IF;
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.guard_soa() IS
'trigger: approved and superseded SoA versions are immutable; a draft becomes approved only with the approve capability, no finding that blocks approval and the digest of its content; the server sets created_at, approved_at and approving_role (a restore''s rows are kept as written)';
CREATE TRIGGER soa_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.soa
	FOR EACH ROW EXECUTE FUNCTION @extschema@.guard_soa();

-- Superseding is the other half of an approval: by the end of the
-- transaction, a later version of the organization must be approved.
CREATE FUNCTION @extschema@.check_soa_superseded() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NEW.status OPERATOR(pg_catalog.=) 'superseded'
	   AND NOT EXISTS (SELECT 1 FROM @extschema@.soa s
					   WHERE s.org_id OPERATOR(pg_catalog.=) NEW.org_id
						 AND s.status OPERATOR(pg_catalog.=) 'approved'
						 AND s.version OPERATOR(pg_catalog.>) NEW.version) THEN
		RAISE EXCEPTION 'version % of the Statement of Applicability of organization % was superseded without a later version being approved',
				NEW.version, NEW.org_id
			USING ERRCODE = 'object_not_in_prerequisite_state',
				DETAIL = 'An organization keeps its approved SoA until the next version is approved.',
				HINT = 'Approve the draft with ims.approve_soa(), which supersedes the previous version itself.';
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.check_soa_superseded() IS
'deferred trigger: a version becomes superseded only when a later version is approved in the same transaction';
CREATE CONSTRAINT TRIGGER soa_superseded_check AFTER UPDATE OF status ON @extschema@.soa
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_soa_superseded();

CREATE FUNCTION @extschema@.guard_soa_entry() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	target record;
	frozen record;
BEGIN
	-- an update may move an entry, so both its old and its new version count
	FOR target IN
		SELECT o.org_id, o.soa_id FROM (SELECT OLD.org_id, OLD.soa_id) AS o WHERE TG_OP <> 'INSERT'
		UNION
		SELECT n.org_id, n.soa_id FROM (SELECT NEW.org_id, NEW.soa_id) AS n WHERE TG_OP <> 'DELETE'
	LOOP
		-- FOR SHARE: an approval (which locks the version FOR UPDATE) waits
		-- for this edit to commit, and an edit waits for an approval under
		-- way, then sees the version approved.
		SELECT s.version, s.status, s.approved_by INTO frozen
		FROM @extschema@.soa s
		WHERE s.org_id OPERATOR(pg_catalog.=) target.org_id
		  AND s.soa_id OPERATOR(pg_catalog.=) target.soa_id
		FOR SHARE;
		-- entries written into an approved version by a restore are allowed
		IF FOUND AND frozen.status OPERATOR(pg_catalog.<>) 'draft'
		   AND NOT (TG_OP = 'INSERT' AND @extschema@.is_record_admin()) THEN
			RAISE EXCEPTION 'version % of the Statement of Applicability of organization % is % and cannot be changed',
					frozen.version, target.org_id, frozen.status
				USING ERRCODE = 'object_not_in_prerequisite_state',
					DETAIL = pg_catalog.format('It was approved by %s; its entries stay as approved.', frozen.approved_by),
					HINT = 'Run ims.init_soa() for a new draft that carries its decisions over, and change that.';
		END IF;
	END LOOP;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.guard_soa_entry() IS
'trigger: entries of approved and superseded SoA versions cannot be inserted, updated or deleted';
CREATE TRIGGER soa_entry_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.soa_entry
	FOR EACH ROW EXECUTE FUNCTION @extschema@.guard_soa_entry();
