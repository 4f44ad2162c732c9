--
-- clause_coverage: documents declare the clauses they serve beyond their
-- topic's (ims.document_clause), records count as evidence that a clause
-- is served, and ims.clause_coverage computes the status that
-- ims.report_clause_mapping shows, for many organizations at once.
--
SET search_path = public, ims;
SELECT create_organization('Coverage Alpha') AS alpha \gset
SELECT create_organization('Coverage Beta') AS beta \gset

-- An error's SQLSTATE, message, detail and hint, or 'ok'; the ids of
-- organizations and documents, which depend on the tests before this one,
-- written N.
CREATE FUNCTION coverage_outcome(stmt text) RETURNS text
	LANGUAGE plpgsql AS $$
DECLARE
	state text;
	message text;
	detail text;
	hint text;
BEGIN
	EXECUTE stmt;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT,
		detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
	RETURN regexp_replace(regexp_replace(
		concat_ws(E'\n', state || ' ' || message, 'DETAIL: ' || detail, 'HINT: ' || hint),
		'document \d+', 'document N', 'g'), '\(\d+, \d+', '(N, N', 'g');
END
$$;
GRANT EXECUTE ON FUNCTION coverage_outcome(text) TO PUBLIC;

-- The status of some clause pairs of one organization, from the function.
CREATE FUNCTION coverage_of(org bigint, clauses text[])
	RETURNS TABLE (target_clause text, status text, status_rank integer, documents text)
	LANGUAGE sql STABLE AS $$
	SELECT c.target_clause, c.status, c.status_rank, c.documents
	FROM ims.clause_coverage(ARRAY[org]) c JOIN ims.clause_mapping m USING (source_standard, target_standard, target_clause)
	WHERE c.target_clause = ANY (clauses) ORDER BY m.ordinal
$$;
GRANT EXECUTE ON FUNCTION coverage_of(bigint, text[]) TO PUBLIC;

INSERT INTO document (org_id, kind, topic, title, covers) VALUES
	(:alpha, 'procedure', 'competence', 'Competence and awareness', '{iso27001:2022,iso42001:2023}'),
	(:alpha, 'procedure', 'document_control', 'Document control', '{iso27001:2022}'),
	(:alpha, 'record', 'document_control', 'Register of documents', '{iso27001:2022,iso42001:2023}'),
	(:alpha, 'record', 'management_review', 'Management review minutes', '{iso27001:2022,iso42001:2023}'),
	(:alpha, 'record', 'objectives', 'Security objectives', '{iso27001:2022}'),
	(:alpha, 'policy', 'policy', 'Security policy', '{iso27001:2022}'),
	(:alpha, 'procedure', 'impact_assessment', 'Impact assessment', '{iso42001:2023}'),
	(:beta, 'procedure', 'competence', 'Beta competence', '{iso27001:2022,iso42001:2023}');
SELECT doc_id AS competence FROM document WHERE org_id = :alpha AND title = 'Competence and awareness' \gset
SELECT doc_id AS doc_control FROM document WHERE org_id = :alpha AND title = 'Document control' \gset
SELECT doc_id AS minutes FROM document WHERE org_id = :alpha AND title = 'Management review minutes' \gset
SELECT doc_id AS objectives FROM document WHERE org_id = :alpha AND title = 'Security objectives' \gset
SELECT doc_id AS policy FROM document WHERE org_id = :alpha AND title = 'Security policy' \gset
SELECT doc_id AS beta_competence FROM document WHERE org_id = :beta AND title = 'Beta competence' \gset

-- Before any declaration: each document serves its topic's clauses only.
-- 7.5.3: the procedure covers ISO 27001 only, so the record beside it that
-- covers both does not make the pair integrated; 6.2: a record covering
-- one standard; 6.1.4: a new artifact, with its procedure.
SELECT * FROM coverage_of(:alpha, '{5.1,5.2,6.1.4,6.2,7.2,7.3,7.5.3,9.3.3}');

-- A declared clause makes the clause covered, per standard: 7.3 for ISO
-- 27001 alone is half the pair (extend), for both it is integrated
INSERT INTO document_clause VALUES (:alpha, :competence, 'iso27001:2022', '7.3');
SELECT * FROM coverage_of(:alpha, '{7.2,7.3}');
INSERT INTO document_clause VALUES (:alpha, :competence, 'iso42001:2023', '7.3');
SELECT * FROM coverage_of(:alpha, '{7.2,7.3}');
-- a clause of its own topic declared again changes nothing
INSERT INTO document_clause VALUES (:alpha, :competence, 'iso42001:2023', '7.2');
SELECT * FROM coverage_of(:alpha, '{7.2}');

-- A record counts: the minutes, declaring 5.1 for both standards, make it
-- integrated where no policy, procedure or manual serves it
INSERT INTO document_clause VALUES (:alpha, :minutes, 'iso27001:2022', '5.1'), (:alpha, :minutes, 'iso42001:2023', '5.1');
SELECT * FROM coverage_of(:alpha, '{5.1}');
-- a policy written for ISO 27001 alone that declares it too: now the policy
-- is what the integration extends, and the pair is to extend
INSERT INTO document_clause VALUES (:alpha, :policy, 'iso27001:2022', '5.1');
SELECT * FROM coverage_of(:alpha, '{5.1}');
DELETE FROM document_clause WHERE org_id = :alpha AND doc_id = :policy;
-- a record that serves one side only: extend
SELECT * FROM coverage_of(:alpha, '{6.2}');

-- Deleting a document deletes its declarations
INSERT INTO document (org_id, kind, topic, title, covers)
VALUES (:alpha, 'record', 'context', 'Awareness campaign 2026', '{iso27001:2022,iso42001:2023}')
RETURNING doc_id AS campaign \gset
INSERT INTO document_clause VALUES (:alpha, :campaign, 'iso42001:2023', '7.3');
SELECT count(*) AS campaign_declarations FROM document_clause WHERE doc_id = :campaign;
DELETE FROM document WHERE org_id = :alpha AND doc_id = :campaign;
SELECT count(*) AS campaign_declarations FROM document_clause WHERE doc_id = :campaign;

-- Every error branch.  A declaration for a standard the document does not
-- cover, on INSERT and on UPDATE:
SELECT coverage_outcome(format($$INSERT INTO ims.document_clause VALUES (%s, %s, 'iso42001:2023', '7.5.3')$$, :alpha, :doc_control));
INSERT INTO document_clause VALUES (:alpha, :doc_control, 'iso27001:2022', '9.1');
SELECT coverage_outcome(format($$UPDATE ims.document_clause SET standard = 'iso42001:2023' WHERE org_id = %s AND doc_id = %s$$, :alpha, :doc_control));
DELETE FROM document_clause WHERE org_id = :alpha AND doc_id = :doc_control;
-- a standard that does not exist is one the document does not cover
SELECT coverage_outcome(format($$INSERT INTO ims.document_clause VALUES (%s, %s, 'iso9001:2015', '7.3')$$, :alpha, :competence));
-- covers may not drop a standard the document still declares clauses of
SELECT coverage_outcome(format($$UPDATE ims.document SET covers = '{iso27001:2022}' WHERE org_id = %s AND doc_id = %s$$, :alpha, :competence));
SELECT coverage_outcome(format($$UPDATE ims.document SET covers = '{iso42001:2023}' WHERE org_id = %s AND doc_id = %s$$, :alpha, :minutes));
-- a null covers is left to the NOT NULL constraint
SELECT coverage_outcome(format($$UPDATE ims.document SET covers = NULL WHERE org_id = %s AND doc_id = %s$$, :alpha, :competence));
-- a clause the standard does not have, a document that does not exist,
-- a document of another organization, the same declaration twice, nulls
SELECT coverage_outcome(format($$INSERT INTO ims.document_clause VALUES (%s, %s, 'iso27001:2022', '7.9')$$, :alpha, :competence));
SELECT coverage_outcome(format($$INSERT INTO ims.document_clause VALUES (%s, 999999999, 'iso27001:2022', '7.3')$$, :alpha));
SELECT coverage_outcome(format($$INSERT INTO ims.document_clause VALUES (%s, %s, 'iso27001:2022', '7.3')$$, :alpha, :beta_competence));
SELECT coverage_outcome(format($$INSERT INTO ims.document_clause VALUES (%s, %s, 'iso27001:2022', '7.3')$$, :alpha, :competence));
SELECT coverage_outcome(format($$INSERT INTO ims.document_clause VALUES (%s, %s, NULL, '7.3')$$, :alpha, :competence));
SELECT coverage_outcome(format($$INSERT INTO ims.document_clause VALUES (%s, %s, 'iso27001:2022', NULL)$$, :alpha, :competence));
-- a document whose declarations follow it cannot change organization
SELECT coverage_outcome(format($$UPDATE ims.document SET org_id = %s WHERE org_id = %s AND doc_id = %s$$, :beta, :alpha, :competence));
-- covers that keep every declared standard may change
UPDATE document SET covers = '{iso42001:2023,iso27001:2022}' WHERE org_id = :alpha AND doc_id = :competence RETURNING covers;
-- Bad input leaves nothing half-written: one bad row of several refuses all
SELECT coverage_outcome(format($$INSERT INTO ims.document_clause VALUES (%s, %s, 'iso27001:2022', '7.4'), (%s, %s, 'iso42001:2023', '7.4')$$,
                               :alpha, :doc_control, :alpha, :doc_control));
SELECT count(*) AS declarations_of_7_4 FROM document_clause WHERE clause = '7.4';
SELECT d.title, c.standard, c.clause FROM document_clause c JOIN document d USING (org_id, doc_id)
WHERE c.org_id = :alpha ORDER BY d.title, c.standard, c.clause;

-- The function and the view agree, for every pair of both organizations;
-- one call over both equals one call per organization
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE (c.status, c.status_rank, c.documents) IS NOT DISTINCT FROM (r.status, r.status_rank, r.documents)) AS alike
FROM clause_coverage(ARRAY[:alpha, :beta]::bigint[]) c
JOIN report_clause_mapping r USING (org_id, source_standard, target_standard, target_clause);
SELECT (SELECT count(*) FROM (SELECT * FROM clause_coverage(ARRAY[:alpha, :beta]::bigint[])
                              EXCEPT ALL
                              (SELECT * FROM clause_coverage(ARRAY[:alpha]::bigint[])
                               UNION ALL SELECT * FROM clause_coverage(ARRAY[:beta]::bigint[]))) x) AS only_in_one_call,
       (SELECT count(*) FROM clause_coverage(ARRAY[:alpha, :beta]::bigint[])) AS rows_both;
-- doc_ids lists the documents in the order of documents
SELECT target_clause, documents, doc_ids = ARRAY[:minutes]::bigint[] AS minutes_only
FROM clause_coverage(ARRAY[:alpha]::bigint[]) WHERE target_clause = '5.1';
-- every_organization: the same rows as every organization's id, whatever org_ids says
SELECT (SELECT count(*) FROM (SELECT * FROM clause_coverage(NULL, every_organization => true)
                              EXCEPT ALL
                              SELECT * FROM clause_coverage(ARRAY(SELECT org_id FROM organization))) x) AS only_in_every,
       (SELECT count(*) FROM (SELECT * FROM clause_coverage(ARRAY(SELECT org_id FROM organization))
                              EXCEPT ALL
                              SELECT * FROM clause_coverage('{}', true)) x) AS only_in_ids,
       (SELECT count(*) FROM clause_coverage(NULL, true)) >= 86 AS at_least_both_here;
-- no organization, or an empty list: no row
SELECT count(*) FROM clause_coverage(NULL);
SELECT count(*) FROM clause_coverage('{}');
SELECT count(*) FROM clause_coverage(ARRAY[999999999]::bigint[]);
-- an organization without ISO 42001 in its standards has no pair
UPDATE organization SET standards = '{iso27001:2022}' WHERE org_id = :beta;
SELECT count(*) FROM clause_coverage(ARRAY[:beta]::bigint[]);
UPDATE organization SET standards = '{iso27001:2022,iso42001:2023}' WHERE org_id = :beta;

-- The view's plan: clause_coverage is inlined (no function scan), so a
-- filter on org_id reaches the scans of the documents and declarations
CREATE FUNCTION coverage_plan(stmt text, org bigint)
	RETURNS TABLE (inlined boolean, documents_filtered boolean, declarations_filtered boolean)
	LANGUAGE plpgsql AS $$
DECLARE
	plan text := '';
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || stmt LOOP
		plan := plan || line || E'\n';
	END LOOP;
	inlined := plan !~ 'Function Scan on clause_coverage';
	-- the scan node, then its Index Cond or Filter line naming the organization
	documents_filtered := plan ~ ('on document [a-z_0-9]+\n[^\n]*(Cond|Filter): [^\n]*org_id = ' || org || '\M');
	declarations_filtered := plan ~ ('on document_clause [a-z_0-9]+\n[^\n]*(Cond|Filter): [^\n]*org_id = ' || org || '\M');
	RETURN NEXT;
END
$$;
SELECT * FROM coverage_plan(format('SELECT * FROM ims.report_clause_mapping WHERE org_id = %s', :alpha), :alpha);

-- Row-level security: a member of one organization sees and writes only
-- its own declarations, and the coverage of its own organization only
CREATE ROLE regress_pg_ims_cov_editor;
CREATE ROLE regress_pg_ims_cov_reader;
SELECT grant_access(:beta, 'regress_pg_ims_cov_editor', 'edit');
SELECT grant_access(:alpha, 'regress_pg_ims_cov_reader', 'read');
SET SESSION AUTHORIZATION regress_pg_ims_cov_editor;
INSERT INTO document_clause VALUES (:beta, :beta_competence, 'iso27001:2022', '7.3'), (:beta, :beta_competence, 'iso42001:2023', '7.3');
SELECT org_id = :beta AS beta, count(*) FROM document_clause GROUP BY 1;
SELECT org_id = :beta AS beta, count(*), count(*) FILTER (WHERE status = 'integrated') AS integrated
FROM clause_coverage(ARRAY[:alpha, :beta]::bigint[]) GROUP BY 1;
SELECT org_id = :beta AS beta, count(*) FROM report_clause_mapping GROUP BY 1;
SELECT * FROM coverage_of(:beta, '{7.3}');
-- another organization's rows: not seen, not written
SELECT coverage_outcome(format($$INSERT INTO ims.document_clause VALUES (%s, %s, 'iso27001:2022', '7.4')$$, :alpha, :competence));
WITH d AS (DELETE FROM document_clause WHERE org_id = :alpha RETURNING 1) SELECT count(*) AS alpha_deleted FROM d;
WITH u AS (UPDATE document_clause SET clause = '7.4' WHERE org_id = :alpha RETURNING 1) SELECT count(*) AS alpha_updated FROM u;
-- nor moved there
SELECT coverage_outcome(format($$UPDATE ims.document_clause SET org_id = %s WHERE org_id = %s$$, :alpha, :beta));
RESET SESSION AUTHORIZATION;
-- read is not edit: the reader of Alpha sees its declarations, writes none
SET SESSION AUTHORIZATION regress_pg_ims_cov_reader;
SELECT org_id = :alpha AS alpha, count(*) FROM document_clause GROUP BY 1;
SELECT coverage_outcome(format($$INSERT INTO ims.document_clause VALUES (%s, %s, 'iso27001:2022', '7.4')$$, :alpha, :competence));
WITH u AS (UPDATE document SET covers = '{iso27001:2022}' WHERE org_id = :alpha AND doc_id = :competence RETURNING 1)
SELECT count(*) AS alpha_documents_updated FROM u;
RESET SESSION AUTHORIZATION;
SELECT count(*) AS alpha_declarations FROM document_clause WHERE org_id = :alpha;

SELECT revoke_access(:beta, 'regress_pg_ims_cov_editor');
SELECT revoke_access(:alpha, 'regress_pg_ims_cov_reader');
DROP ROLE regress_pg_ims_cov_editor, regress_pg_ims_cov_reader;
DROP FUNCTION coverage_plan(text, bigint);
DROP FUNCTION coverage_of(bigint, text[]);
DROP FUNCTION coverage_outcome(text);
