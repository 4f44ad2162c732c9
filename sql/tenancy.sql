--
-- tenancy: row-level security per organization, with three non-superuser
-- roles, each logged in as itself (SET SESSION AUTHORIZATION).  alice: approve on Alpha, read on Beta.  bob: edit on Beta, and
-- read on Gamma through the group role regress_pg_ims_auditors.  carol: no
-- grant at all.
--
SET search_path = public, ims;
CREATE ROLE regress_pg_ims_alice;
CREATE ROLE regress_pg_ims_bob;
CREATE ROLE regress_pg_ims_carol;
CREATE ROLE regress_pg_ims_auditors;
GRANT regress_pg_ims_auditors TO regress_pg_ims_bob;

SELECT create_organization('Alpha') AS alpha \gset
SELECT create_organization('Beta') AS beta \gset
SELECT create_organization('Gamma') AS gamma \gset
CREATE TABLE tenancy_name (org_id bigint PRIMARY KEY, name text);
INSERT INTO tenancy_name VALUES (:alpha, 'Alpha'), (:beta, 'Beta'), (:gamma, 'Gamma');
GRANT SELECT ON tenancy_name TO PUBLIC;

-- one row (or more) in every table of the record, for each organization
CREATE FUNCTION tenancy_fill(org bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	sys bigint;
	rsk bigint;
	aud bigint;
	doc bigint;
BEGIN
	INSERT INTO ims.document (org_id, kind, topic, title, covers)
	VALUES (org, 'procedure', 'incident', 'Incidents', '{iso27001:2022,iso42001:2023}') RETURNING doc_id INTO doc;
	INSERT INTO ims.document_clause VALUES (org, doc, 'iso42001:2023', '10.2');
	INSERT INTO ims.ai_system (org_id, name) VALUES (org, 'Model') RETURNING system_id INTO sys;
	INSERT INTO ims.risk (org_id, title, risk_type, ai_system_id) VALUES (org, 'Bias', 'fairness', sys)
	RETURNING risk_id INTO rsk;
	INSERT INTO ims.risk_control VALUES (org, rsk, 'iso42001:2023', 'A.5.4');
	INSERT INTO ims.impact_assessment (org_id, system_id, assessed_on) VALUES (org, sys, '2026-01-01');
	PERFORM ims.init_soa(org);
	INSERT INTO ims.evidence (org_id, standard, control_id, kind, title, collected_on)
	VALUES (org, 'iso42001:2023', 'A.5.2', 'impact_assessment', 'IA', '2026-01-01');
	INSERT INTO ims.auditor (org_id, name) VALUES (org, 'Auditor') RETURNING auditor_id INTO aud;
	INSERT INTO ims.internal_audit (org_id, cycle, performed_on, covers, lead_auditor_id)
	VALUES (org, '2026', '2026-03-01', '{iso27001:2022}', aud);
	INSERT INTO ims.management_review (org_id, held_on, covers) VALUES (org, '2026-04-01', '{iso27001:2022}');
	INSERT INTO ims.certification_body (org_id, name) VALUES (org, 'CB');
END $$;
SELECT tenancy_fill(:alpha), tenancy_fill(:beta), tenancy_fill(:gamma);

-- which organizations' rows the current role sees, table by table
CREATE FUNCTION tenancy_matrix() RETURNS TABLE (tab text, orgs text) LANGUAGE plpgsql AS $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['organization', 'org_access', 'document', 'document_clause', 'ai_system', 'risk', 'risk_control',
							 'impact_assessment', 'soa', 'soa_entry', 'evidence', 'auditor',
							 'internal_audit', 'management_review', 'certification_body']
	LOOP
		tab := t;
		EXECUTE format('SELECT coalesce(string_agg(DISTINCT n.name, %L ORDER BY n.name), %L)
						FROM ims.%I x JOIN public.tenancy_name n USING (org_id)', ',', '-', t)
		INTO orgs;
		RETURN NEXT;
	END LOOP;
END $$;

-- before any grant, no one but a superuser sees anything
SET SESSION AUTHORIZATION regress_pg_ims_alice;
SELECT * FROM tenancy_matrix();
RESET SESSION AUTHORIZATION;

-- grants: the DBA (a superuser) gives alice approve on Alpha; alice, as an
-- approver of Alpha only, cannot grant on Beta
SELECT grant_access(:alpha, 'regress_pg_ims_alice', 'approve');
SET SESSION AUTHORIZATION regress_pg_ims_alice;
SELECT grant_access(:beta, 'regress_pg_ims_alice', 'read');
RESET SESSION AUTHORIZATION;
SELECT grant_access(:beta, 'regress_pg_ims_alice', 'read');
SELECT grant_access(:beta, 'regress_pg_ims_bob', 'edit');
SELECT grant_access(:gamma, 'regress_pg_ims_auditors', 'read');
SELECT org_id = :alpha AS alpha, member, capability, granted_by FROM org_access ORDER BY org_id, member;

-- the matrix
SET SESSION AUTHORIZATION regress_pg_ims_alice;
SELECT * FROM tenancy_matrix();
SET SESSION AUTHORIZATION regress_pg_ims_bob;
SELECT * FROM tenancy_matrix();
SET SESSION AUTHORIZATION regress_pg_ims_carol;
SELECT * FROM tenancy_matrix();
RESET SESSION AUTHORIZATION;

-- writes: bob edits Beta...
SET SESSION AUTHORIZATION regress_pg_ims_bob;
INSERT INTO document (org_id, kind, topic, title, covers)
VALUES (:beta, 'policy', 'policy', 'Beta policy', '{iso27001:2022}') RETURNING title;
UPDATE document SET version = '2.0' WHERE org_id = :beta AND title = 'Beta policy' RETURNING title, version;
-- ...but cannot write into Alpha or Gamma, nor move a row there
INSERT INTO document (org_id, kind, topic, title, covers)
VALUES (:alpha, 'policy', 'policy', 'Planted policy', '{iso27001:2022}');
INSERT INTO document (org_id, kind, topic, title, covers)
VALUES (:gamma, 'policy', 'policy', 'Planted policy', '{iso27001:2022}');
UPDATE document SET org_id = :alpha WHERE org_id = :beta AND title = 'Beta policy';
UPDATE risk SET org_id = :gamma WHERE org_id = :beta;
-- rows of other organizations are out of reach: nothing is updated or deleted
WITH u AS (UPDATE document SET title = 'Defaced' WHERE org_id IN (:alpha, :gamma) RETURNING 1)
SELECT count(*) AS documents_defaced FROM u;
WITH d AS (DELETE FROM risk_control WHERE org_id = :alpha RETURNING 1)
SELECT count(*) AS alpha_risk_controls_deleted FROM d;
WITH d AS (DELETE FROM soa_entry WHERE org_id = :gamma RETURNING 1)
SELECT count(*) AS gamma_entries_deleted FROM d;
-- bob's read on Gamma, through his group, does not let him edit it
WITH u AS (UPDATE document SET title = 'Defaced' WHERE org_id = :gamma RETURNING 1)
SELECT count(*) AS gamma_documents_defaced FROM u;
INSERT INTO risk (org_id, title, risk_type) VALUES (:gamma, 'Planted', 'privacy');
-- nor may he grant, start a SoA elsewhere, or approve by hand
SELECT grant_access(:beta, 'regress_pg_ims_carol', 'read');
SELECT init_soa(:gamma);
UPDATE soa SET status = 'approved', approved_by = 'bob', approved_at = now(), digest = repeat('0', 64)
WHERE org_id = :beta;
-- nor learn Beta's blockers, or get a seal, from the function that seals approvals
SELECT seal_soa_approval(:beta, (SELECT soa_id FROM soa WHERE org_id = :beta AND status = 'draft'), 'bob');
RESET SESSION AUTHORIZATION;

-- alice reads Beta but cannot write it
SET SESSION AUTHORIZATION regress_pg_ims_alice;
INSERT INTO evidence (org_id, standard, control_id, kind, title, collected_on)
VALUES (:beta, 'iso27001:2022', 'A.5.1', 'policy', 'Planted', '2026-01-01');
WITH u AS (UPDATE soa_entry SET applicability = 'applicable(risk)' WHERE org_id = :beta RETURNING 1)
SELECT count(*) AS beta_entries_changed FROM u;
SELECT init_soa(:beta);
-- on Alpha she has approve, which includes edit
SELECT init_soa(:alpha) IS NOT NULL AS alpha_draft;
WITH u AS (UPDATE soa_entry SET applicability = 'applicable(risk)'
           WHERE org_id = :alpha AND standard = 'iso27001:2022' AND control_id = 'A.5.1' RETURNING 1)
SELECT count(*) AS alpha_entries_changed FROM u;
-- she may ask about her own access, not probe anyone else's
SELECT has_org_access(:alpha, 'approve') AS own_approve,
       has_org_access(:beta, 'edit') AS own_beta_edit,
       has_org_access(:beta, 'read', 'regress_pg_ims_bob') AS probe_bob;
SELECT has_org_access(:alpha, 'admin');
-- writing ims.org_access directly: the server records who granted and when,
-- and the member must be a role
INSERT INTO org_access (org_id, member, capability, granted_by, granted_at)
VALUES (:alpha, 'regress_pg_ims_auditors', 'read', 'postgres', '2000-01-01');
SELECT member, capability, granted_by, granted_at > now() - interval '1 hour' AS stamped_now
FROM org_access WHERE org_id = :alpha AND member = 'regress_pg_ims_auditors';
INSERT INTO org_access (org_id, member, capability) VALUES (:alpha, 'regress_pg_ims_nobody', 'read');
DELETE FROM org_access WHERE org_id = :alpha AND member = 'regress_pg_ims_auditors';
-- creating organizations is for the DBA
SELECT create_organization('Alice Inc');
RESET SESSION AUTHORIZATION;

-- carol, with no grant, is refused everything and sees nothing
SET SESSION AUTHORIZATION regress_pg_ims_carol;
SELECT count(*) FROM soa_entry;
INSERT INTO ai_system (org_id, name) VALUES (:alpha, 'Planted');
SELECT init_soa(:alpha);
SELECT grant_access(:alpha, 'regress_pg_ims_carol', 'approve');
RESET SESSION AUTHORIZATION;

-- alice, approver of Alpha, lets carol read it; carol sees exactly Alpha
SET SESSION AUTHORIZATION regress_pg_ims_alice;
SELECT grant_access(:alpha, 'regress_pg_ims_carol', 'read');
SET SESSION AUTHORIZATION regress_pg_ims_carol;
SELECT * FROM tenancy_matrix() WHERE orgs <> 'Alpha';
SELECT count(*) AS alpha_entries FROM soa_entry;
-- then takes it back
SET SESSION AUTHORIZATION regress_pg_ims_alice;
SELECT revoke_access(:alpha, 'regress_pg_ims_carol');
SET SESSION AUTHORIZATION regress_pg_ims_carol;
SELECT count(*) FROM organization;
RESET SESSION AUTHORIZATION;

-- revoking a capability leaves the one below it
SELECT revoke_access(:beta, 'regress_pg_ims_bob', 'edit');
SELECT member, capability FROM org_access WHERE org_id = :beta ORDER BY member;
SET SESSION AUTHORIZATION regress_pg_ims_bob;
INSERT INTO document (org_id, kind, topic, title, covers)
VALUES (:beta, 'policy', 'policy', 'Too late', '{iso27001:2022}');
SELECT count(*) > 0 AS still_reads_beta FROM document WHERE org_id = :beta;
RESET SESSION AUTHORIZATION;
-- a revoke that would take nothing back says so, and changes nothing
SELECT revoke_access(:beta, 'regress_pg_ims_bob', 'edit');
SELECT revoke_access(:alpha, 'regress_pg_ims_carol');
SELECT revoke_access(:gamma, 'regress_pg_ims_bob');
SELECT member, capability FROM org_access WHERE org_id IN (:alpha, :beta, :gamma) ORDER BY org_id, member;

-- nothing bob or alice tried elsewhere left a trace
SELECT n.name, d.title FROM document d JOIN tenancy_name n USING (org_id) ORDER BY n.name, d.title;

-- bad calls
SELECT grant_access(:alpha, 'regress_pg_ims_carol', 'owner');
SELECT grant_access(:alpha, NULL, 'read');
SELECT grant_access(:alpha, 'regress_pg_ims_nobody', 'read');
SELECT grant_access(999999, 'regress_pg_ims_carol', 'read');
SELECT revoke_access(:alpha, 'regress_pg_ims_carol', 'all');

-- a dropped role's grant matches no one, and breaks nothing
CREATE ROLE regress_pg_ims_temp;
SELECT grant_access(:alpha, 'regress_pg_ims_temp', 'read');
DROP ROLE regress_pg_ims_temp;
SET SESSION AUTHORIZATION regress_pg_ims_alice;
SELECT count(*) > 0 AS alice_still_reads FROM organization;
RESET SESSION AUTHORIZATION;

-- a role whose name needs quoting (capitals, a dash) is granted, reads,
-- and is revoked by its plain name
CREATE ROLE "Regress_pg_ims-Dana";
SELECT grant_access(:beta, '"Regress_pg_ims-Dana"', 'read');
SELECT member, capability FROM org_access WHERE member LIKE '%Dana%';
SET SESSION AUTHORIZATION "Regress_pg_ims-Dana";
SELECT name FROM organization;
RESET SESSION AUTHORIZATION;
SELECT revoke_access(:beta, '"Regress_pg_ims-Dana"', 'read');
SELECT count(*) AS dana_grants FROM org_access WHERE member LIKE '%Dana%';
DROP ROLE "Regress_pg_ims-Dana";

-- Access is membership in the organization's roles (docs/tenancy.md):
-- three roles per organization, named from the database and the org_id,
-- approve a member of edit and edit of read
SELECT org_role(:alpha, 'approve') = format('ims_%s_%s_approve', current_database(), :alpha) AS named_by_database_and_org;
SELECT org_role(:alpha, 'owner');
SELECT r.rolname = org_role(:alpha, 'read') AS read_role, m.rolname = org_role(:alpha, 'edit') AS member_edit_role
FROM pg_roles r JOIN pg_auth_members a ON a.roleid = r.oid JOIN pg_roles m ON m.oid = a.member
WHERE r.rolname = org_role(:alpha, 'read') AND m.rolname LIKE 'ims\_%';
SELECT r.rolcanlogin, r.rolsuper, r.rolinherit, shobj_description(r.oid, 'pg_authid') = format('pg_ims: edit on organization %s of database %s; granted with ims.grant_access()', :alpha, current_database()) AS described
FROM pg_roles r WHERE r.rolname = org_role(:alpha, 'edit');
-- the memberships are what the ledger says, whoever wrote it
SELECT n.name, m.member, m.capability
FROM tenancy_name n, org_role_members(n.org_id) m ORDER BY 1, 2;
SELECT n.name, a.member, a.capability
FROM org_access a JOIN tenancy_name n USING (org_id) JOIN pg_roles r ON r.rolname = a.member ORDER BY 1, 2;
-- a grant of an organization's role made by hand gives access; sync_access
-- lists it and takes it back, and gives back a membership revoked by hand
-- (tenancy_exec runs a statement that names an organization's role
-- without printing the name, whose org_id depends on the tests before; an
-- error comes back as its SQLSTATE, message, detail and hint, with the
-- org_id of a role's name as N)
CREATE FUNCTION tenancy_exec(statement text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	m text;
	d text;
	h text;
BEGIN
	EXECUTE statement;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS m = MESSAGE_TEXT, d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
	RETURN regexp_replace(format('%s: %s / %s / %s', SQLSTATE, m, d, h), '_[0-9]+_(read|edit|approve)', '_N_\1', 'g');
END $$;
SELECT tenancy_exec(format('GRANT %I TO regress_pg_ims_carol', org_role(:gamma, 'read')));
SELECT tenancy_exec(format('REVOKE %I FROM regress_pg_ims_alice', org_role(:alpha, 'approve')));
SET SESSION AUTHORIZATION regress_pg_ims_carol;
SELECT name FROM organization;
RESET SESSION AUTHORIZATION;
SELECT n.name, s.member, s.change FROM sync_access() s JOIN tenancy_name n USING (org_id) ORDER BY 1, 2;
SELECT count(*) AS nothing_left_to_sync FROM sync_access();
SET SESSION AUTHORIZATION regress_pg_ims_carol;
SELECT name FROM organization;
SELECT * FROM sync_access();
SELECT drop_access_roles();
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION regress_pg_ims_alice;
SELECT has_org_access(:alpha, 'approve') AS alice_approves_again;
-- the organization's roles are not grantees
SELECT tenancy_exec(format('SELECT ims.grant_access(%s, %L, %L)', :alpha, org_role(:beta, 'read'), 'read')) AS refused;
RESET SESSION AUTHORIZATION;
-- a new organization starts with roles of no member, even where the roles
-- of its org_id outlived a database of the same name
SELECT count(tenancy_exec(format('CREATE ROLE %I', org_role(last_value + 1, 'read')))) <= 1 AS created_if_missing
FROM ims.organization_org_id_seq WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = org_role(last_value + 1, 'read'));
SELECT tenancy_exec(format('GRANT %I TO regress_pg_ims_carol', org_role(last_value + 1, 'read'))) FROM ims.organization_org_id_seq;
SELECT has_org_access(last_value + 1, 'read', 'regress_pg_ims_carol') AS carol_reads_the_next_org_id FROM ims.organization_org_id_seq;
SELECT create_organization('Delta') AS delta \gset
SELECT count(*) AS delta_members FROM org_role_members(:delta);
SELECT has_org_access(:delta, 'read', 'regress_pg_ims_carol') AS carol_reads_delta;
-- the roles outlive the extension and the database: drop_access_roles
-- drops them, and sync_access makes them again from the ledger
CREATE TEMP TABLE memberships_before AS
SELECT o.org_id, m.member, m.capability FROM organization o, org_role_members(o.org_id) m;
SELECT count(*) AS roles_before FROM pg_roles WHERE rolname ~ format('^ims_%s_[0-9]+_(read|edit|approve)$', current_database()) \gset
SELECT drop_access_roles() = :roles_before AS dropped_them_all, :roles_before >= 3 * (SELECT count(*) FROM tenancy_name) AS three_per_organization;
SELECT count(*) AS roles_left FROM pg_roles WHERE rolname ~ format('^ims_%s_[0-9]+_(read|edit|approve)$', current_database());
SELECT has_org_access(:alpha, 'read', 'regress_pg_ims_alice') AS alice_reads_without_roles;
SELECT count(*) = (SELECT count(*) FROM memberships_before) AS granted_again FROM sync_access();
(SELECT o.org_id, m.member, m.capability FROM organization o, org_role_members(o.org_id) m
 EXCEPT SELECT * FROM memberships_before)
UNION ALL
(SELECT * FROM memberships_before
 EXCEPT SELECT o.org_id, m.member, m.capability FROM organization o, org_role_members(o.org_id) m);
DROP TABLE memberships_before;

-- the policies remember their answers for the current role
-- (src/org_access.c); a change of membership reaches them at the next
-- statement, even one made while that role stays current: carol, who reads
-- nothing of Alpha, is granted read and then revoked by a SECURITY DEFINER
-- function she calls herself (specs/access_change.spec: from another session)
CREATE FUNCTION tenancy_carol_reads(org bigint, allowed boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
	IF allowed THEN
		PERFORM ims.grant_access(org, 'regress_pg_ims_carol', 'read');
	ELSE
		PERFORM ims.revoke_access(org, 'regress_pg_ims_carol');
	END IF;
END $$;
GRANT EXECUTE ON FUNCTION tenancy_carol_reads(bigint, boolean) TO regress_pg_ims_carol;
SET SESSION AUTHORIZATION regress_pg_ims_carol;
SELECT count(*) AS carol_alpha_rows FROM organization WHERE org_id = :alpha;
SELECT tenancy_carol_reads(:alpha, true);
SELECT count(*) AS carol_alpha_rows FROM organization WHERE org_id = :alpha;
SELECT tenancy_carol_reads(:alpha, false);
SELECT count(*) AS carol_alpha_rows FROM organization WHERE org_id = :alpha;
-- a grant rolled back, or rolled back to a savepoint, takes its answer with it
BEGIN;
SELECT tenancy_carol_reads(:alpha, true);
SELECT count(*) AS carol_alpha_rows FROM organization WHERE org_id = :alpha;
ROLLBACK;
SELECT count(*) AS carol_alpha_rows FROM organization WHERE org_id = :alpha;
BEGIN;
SAVEPOINT before_grant;
SELECT tenancy_carol_reads(:alpha, true);
SELECT count(*) AS carol_alpha_rows FROM organization WHERE org_id = :alpha;
ROLLBACK TO SAVEPOINT before_grant;
SELECT count(*) AS carol_alpha_rows FROM organization WHERE org_id = :alpha;
COMMIT;
RESET SESSION AUTHORIZATION;
DROP FUNCTION tenancy_carol_reads(bigint, boolean);

DROP FUNCTION tenancy_matrix();
DROP FUNCTION tenancy_exec(text);
DROP FUNCTION tenancy_fill(bigint);
DROP TABLE tenancy_name;
DELETE FROM org_access WHERE member LIKE 'regress_pg_ims_%';
DROP ROLE regress_pg_ims_alice, regress_pg_ims_bob, regress_pg_ims_carol, regress_pg_ims_auditors;
