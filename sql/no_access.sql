--
-- no_access: what a role without a capability on an organization learns
-- from pg_ims about it.  Every function that takes an org_id, and every
-- table of the record, must answer such a role the same for an
-- organization that exists and for an id that names none: the same
-- SQLSTATE, message, detail and hint, or the same result.  Otherwise the
-- difference tells it which ids exist (docs/security.md, "What row-level
-- security hides").  A record admin may get the precise message.
--
SET search_path = public, ims;
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/sql/include/load_sample.sql
SELECT soa_id AS soa FROM ims.soa WHERE org_id = :org AND status = 'draft' \gset
SELECT min(doc_id) AS doc FROM ims.document WHERE org_id = :org \gset
SELECT max(org_id) + 1000 AS missing FROM ims.organization \gset
CREATE ROLE regress_pg_ims_outsider;
CREATE ROLE regress_pg_ims_neighbour;
SELECT create_organization('Neighbour') AS neighbour \gset
SELECT grant_access(:neighbour, 'regress_pg_ims_neighbour', 'approve');

-- The outcome of one call for one org_id (%s in call): its result, or its
-- error with the id itself written N.
CREATE FUNCTION no_access_outcome(call text, org bigint) RETURNS text
	LANGUAGE plpgsql AS $$
DECLARE
	result text;
	state text;
	message text;
	detail text;
	hint text;
BEGIN
	EXECUTE format(call, org) INTO result;
	RETURN 'returns ' || coalesce(result, 'NULL');
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT,
		detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
	RETURN state || ' ' || replace(message, org::text, 'N') || ' | ' || detail || ' | ' || hint;
END
$$;

-- Every call a role may make about one organization.
CREATE TABLE no_access_call (n int PRIMARY KEY, call text NOT NULL);
INSERT INTO no_access_call VALUES
	(1, $$SELECT ims.has_org_access(%s, 'read')$$),
	(2, $$SELECT ims.require_org_access(%s, 'read')$$),
	(3, $$SELECT ims.grant_access(%s, 'regress_pg_ims_outsider', 'read')$$),
	(4, $$SELECT ims.revoke_access(%s, 'regress_pg_ims_outsider', 'read')$$),
	(5, $$SELECT ims.init_soa(%s)$$),
	(6, $$SELECT count(*) FROM ims.integration_findings(%s)$$),
	(7, $$SELECT count(*) FROM ims.validate_soa(%s)$$),
	(8, $$SELECT ims.approve_soa(%s, 'Board')$$),
	(9, $$SELECT ims.soa_digest(%s, $$ || :soa || $$, 'Board')$$),
	(10, $$SELECT count(*) FROM ims.management_review_agenda(%s)$$),
	(11, $$SELECT ims.soa_document(%s, 'markdown')$$),
	(12, $$SELECT ims.soa_json(%s)$$),
	(13, $$SELECT ims.export_oscal_ssp(%s)$$),
	(14, $$SELECT count(*) FROM ims.evaluate_findings(ARRAY[%s]::bigint[], true)$$),
	(15, $$SELECT count(*) FROM ims.live_soa(ARRAY[%s]::bigint[])$$),
	(16, $$SELECT count(*) FROM ims.report_findings WHERE org_id = %s$$),
	(17, $$SELECT count(*) FROM ims.soa_entry WHERE org_id = %s$$),
	(18, $$WITH u AS (UPDATE ims.organization SET name = 'x' WHERE org_id = %s RETURNING 1) SELECT count(*) FROM u$$),
	(19, $$WITH u AS (UPDATE ims.soa_entry SET owner = 'x' WHERE org_id = %s RETURNING 1) SELECT count(*) FROM u$$),
	(20, $$WITH d AS (DELETE FROM ims.soa WHERE org_id = %s RETURNING 1) SELECT count(*) FROM d$$),
	(21, $$INSERT INTO ims.soa_entry (org_id, soa_id, standard, control_id) VALUES (%s, $$ || :soa || $$, 'iso27001:2022', 'A.5.1') RETURNING 1$$),
	(22, $$INSERT INTO ims.soa (org_id, version) VALUES (%s, 99) RETURNING 1$$),
	(23, $$INSERT INTO ims.soa (org_id, version, status) VALUES (%s, 99, 'approved') RETURNING 1$$),
	(24, $$INSERT INTO ims.document (org_id, kind, topic, title, covers) VALUES (%s, 'policy', 'policy', 'x', '{iso27001:2022}') RETURNING 1$$),
	(25, $$INSERT INTO ims.org_access (org_id, member, capability) VALUES (%s, 'regress_pg_ims_outsider', 'approve') RETURNING 1$$),
	(26, $$INSERT INTO ims.org_access (org_id, member, capability) VALUES (%s, 'regress_pg_ims_no_such_role', 'approve') RETURNING 1$$),
	(27, $$UPDATE ims.soa SET status = 'approved' WHERE org_id = %s RETURNING 1$$),
	(28, $$SELECT count(*) FROM ims.report_clause_mapping WHERE org_id = %s$$),
	(29, $$SELECT count(*) FROM ims.document_clause WHERE org_id = %s$$),
	(30, $$INSERT INTO ims.document_clause VALUES (%s, $$ || :doc || $$, 'iso27001:2022', '5.1') RETURNING 1$$),
	(31, $$SELECT count(*) FROM ims.clause_coverage(ARRAY[%s]::bigint[])$$);
GRANT SELECT ON no_access_call TO PUBLIC;

-- a role with no capability at all: the sample organization and an id
-- that names none give the same answer to every call
SET SESSION AUTHORIZATION regress_pg_ims_outsider;
SELECT n, no_access_outcome(call, :org) = no_access_outcome(call, :missing) AS same,
       no_access_outcome(call, :missing) AS outcome
FROM no_access_call ORDER BY n;
RESET SESSION AUTHORIZATION;

-- a role with approve on another organization: the same
SET SESSION AUTHORIZATION regress_pg_ims_neighbour;
SELECT n, no_access_outcome(call, :org) = no_access_outcome(call, :missing) AS same
FROM no_access_call ORDER BY n;
RESET SESSION AUTHORIZATION;

-- a record admin sees every organization, and is told which ids exist
SELECT no_access_outcome($$SELECT ims.require_org_access(%s, 'read')$$, :org) AS admin_existing,
       no_access_outcome($$SELECT ims.require_org_access(%s, 'read')$$, :missing) AS admin_missing;

-- nothing above changed the sample
SELECT count(*) AS outsider_grants FROM ims.org_access WHERE member LIKE 'regress_pg_ims_outsider';
SELECT name FROM ims.organization WHERE org_id = :org;

DROP TABLE no_access_call;
DROP FUNCTION no_access_outcome(text, bigint);
DELETE FROM ims.org_access WHERE member LIKE 'regress_pg_ims_%';
DROP ROLE regress_pg_ims_outsider, regress_pg_ims_neighbour;
