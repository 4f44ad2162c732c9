/* extension/install/35_clause_coverage.sql */

----------------------------------------------------------------------------
-- Clause coverage: which documents serve each clause pair of the mapping,
-- and its status (docs/views.md, "How the status is derived")
--
-- Written once, here, for ims.report_clause_mapping and for any finding
-- rule about clauses: this part comes before 41_finding_rules.sql because a
-- BEGIN ATOMIC body binds the functions it calls when it is created.
----------------------------------------------------------------------------

-- A document serves a clause of a standard when the clause is one of its
-- topic's (ims.clause_topic) and it covers the standard, or when it
-- declares the clause for the standard (ims.document_clause).  A pair is
-- integrated when one document serves both of its sides; a record
-- (kind = 'record') counts as evidence that a clause is served, but where
-- a policy, procedure or manual serves the pair, that document is what the
-- integration extends, so a record covering both standards beside a
-- procedure written for one does not make the pair integrated.
--
-- One set-based query over every organization asked for, as the finding
-- rules are: the documents' clauses are joined to the two sides of every
-- pair by hash, so the cost grows with the documents, not with the
-- organizations times the pairs.  It runs as the caller: row-level
-- security limits it to the organizations the caller may read.
CREATE FUNCTION @extschema@.clause_coverage(org_ids bigint[])
	RETURNS TABLE (org_id bigint, source_standard text, source_clause text,
				   target_standard text, target_clause text,
				   status text, status_rank integer, documents text, doc_ids bigint[])
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT p.org_id, p.source_standard, p.source_clause, p.target_standard, p.target_clause,
	       CASE WHEN p.relation = 'no_counterpart' THEN 'new_artifact'
	            WHEN a.maintained_both OR (NOT a.maintained AND a.record_both) THEN 'integrated'
	            WHEN a.documents IS NOT NULL THEN 'extend'
	            ELSE 'missing' END,
	       CASE WHEN p.relation = 'no_counterpart' THEN 4
	            WHEN a.maintained_both OR (NOT a.maintained AND a.record_both) THEN 1
	            WHEN a.documents IS NOT NULL THEN 2
	            ELSE 3 END,
	       a.documents, a.doc_ids
	FROM (SELECT o.org_id, m.source_standard, m.source_clause, m.target_standard, m.target_clause, m.relation
	      FROM @extschema@.organization o
	      JOIN @extschema@.clause_mapping m
	        ON m.target_standard = ANY (o.standards)
	       AND (m.source_standard = ANY (o.standards) OR m.relation = 'no_counterpart')
	      WHERE o.org_id = ANY (org_ids)) AS p
	LEFT JOIN (
		-- per pair: its documents, with the standards each serves it for
		SELECT s.org_id, s.source_standard, s.target_standard, s.target_clause,
		       string_agg(d.title || ' (' || concat_ws(', ', CASE WHEN s.source_side THEN s.source_standard END,
		                                               CASE WHEN s.target_side THEN s.target_standard END) || ')',
		                  '; ' ORDER BY d.title, d.doc_id) AS documents,
		       array_agg(d.doc_id ORDER BY d.title, d.doc_id) AS doc_ids,
		       bool_or(d.kind <> 'record') AS maintained,
		       bool_or(d.kind <> 'record' AND s.source_side AND s.target_side) AS maintained_both,
		       bool_or(d.kind = 'record' AND s.source_side AND s.target_side) AS record_both
		FROM (
			-- per pair and document: which sides of the pair it serves
			SELECT v.org_id, m.source_standard, m.target_standard, m.target_clause, v.doc_id,
			       bool_or(x.side = 1) AS source_side, bool_or(x.side = 2) AS target_side
			FROM @extschema@.clause_mapping m
			CROSS JOIN LATERAL (VALUES (1, m.source_standard, m.source_clause),
			                           (2, m.target_standard, m.target_clause)) AS x(side, standard, clause)
			JOIN (
				-- what each document serves: its topic's clauses in the
				-- standards it covers, and the clauses it declares
				SELECT d.org_id, d.doc_id, c.standard, t.clause
				FROM @extschema@.document d
				JOIN @extschema@.clause_topic t ON t.topic = d.topic
				CROSS JOIN LATERAL unnest(d.covers) AS c(standard)
				WHERE d.org_id = ANY (org_ids)
				UNION ALL
				SELECT c.org_id, c.doc_id, c.standard, c.clause
				FROM @extschema@.document_clause c
				WHERE c.org_id = ANY (org_ids)) AS v
			  ON v.standard = x.standard AND v.clause = x.clause
			GROUP BY v.org_id, m.source_standard, m.target_standard, m.target_clause, v.doc_id) AS s
		JOIN @extschema@.document d ON d.org_id = s.org_id AND d.doc_id = s.doc_id
		GROUP BY s.org_id, s.source_standard, s.target_standard, s.target_clause) AS a
	  ON a.org_id = p.org_id AND a.source_standard = p.source_standard
	 AND a.target_standard = p.target_standard AND a.target_clause = p.target_clause;
END;
COMMENT ON FUNCTION @extschema@.clause_coverage(bigint[]) IS
'the clause pairs of ims.clause_mapping for each of the organizations the caller can see, with the documents that serve each (by topic or by declaration in ims.document_clause) and its status: integrated, extend, missing or new_artifact, ranked 1 to 4 (docs/views.md)';
