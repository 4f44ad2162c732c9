/* extension/install/35_clause_coverage.sql */

----------------------------------------------------------------------------
-- Clause coverage: which documents serve each clause pair of the mapping,
-- and its status (docs/views.md, "How report_clause_mapping derives its
-- status")
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
-- rules are, and shaped for the plans it gets: a rule's generic plan
-- estimates org_ids at ten elements whatever it holds, so the query has no
-- join between two large inputs that such an estimate could turn into a
-- nested loop, or into a merge on org_id alone with the pair as a filter
-- (both happened on the data of bench/clause_coverage.sh).  Instead, one row per
-- pair of each organization and one row per pair and document that serves
-- it go into a single grouping per pair.  A document's rows come from a
-- hash join of the documents with the pairs of their topic, each row
-- knowing both sides from covers, and from the declarations of a side
-- neither of whose clauses is on the document's topic; a declaration of a
-- side is looked up by the key of ims.document_clause.  The grouping keys
-- are compared in the "C" collation (the order of groups means nothing),
-- after clause_mapping.ordinal, an integer.
--
-- every_organization: true for every organization the caller can see,
-- whatever org_ids says.  ims.report_clause_mapping passes it as a
-- constant: the filter on org_id then folds away and the planner expects
-- every organization's rows, not ten organizations' (hash joins for the
-- view's titles instead of a look-up per row).  The finding rules leave it
-- false.  It runs as the caller: row-level security limits it to the
-- organizations the caller may read.
CREATE FUNCTION @extschema@.clause_coverage(org_ids bigint[], every_organization boolean DEFAULT false)
	RETURNS TABLE (org_id bigint, source_standard text, source_clause text,
				   target_standard text, target_clause text,
				   status text, status_rank integer, documents text, doc_ids bigint[])
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT g.org_id, g.source_standard, g.source_clause, g.target_standard, g.target_clause,
	       (ARRAY['integrated', 'extend', 'missing', 'new_artifact'])[g.status_rank], g.status_rank,
	       g.documents, g.doc_ids
	FROM (
		SELECT r.org_id, r.source_standard, max(r.source_clause) AS source_clause,
		       r.target_standard, r.target_clause,
		       CASE WHEN bool_or(r.new_artifact) THEN 4
		            -- a policy, procedure or manual serves both sides
		            WHEN bool_or(r.maintained AND r.source_side AND r.target_side) THEN 1
		            -- one serves the pair, not both sides: it is what to extend
		            WHEN bool_or(r.maintained) THEN 2
		            -- only records serve the pair, and one serves both sides
		            WHEN bool_or(r.source_side AND r.target_side) THEN 1
		            WHEN bool_or(r.doc_id IS NOT NULL) THEN 2
		            ELSE 3 END AS status_rank,
		       string_agg(r.title || ' (' || concat_ws(', ', CASE WHEN r.source_side THEN r.source_standard END,
		                                               CASE WHEN r.target_side THEN r.target_standard END) || ')',
		                  '; ' ORDER BY r.title, r.doc_id) AS documents,
		       array_agg(r.doc_id ORDER BY r.title, r.doc_id) FILTER (WHERE r.doc_id IS NOT NULL) AS doc_ids
		FROM (
			-- one row per pair of each organization
			SELECT o.org_id, m.ordinal, m.source_standard COLLATE "C" AS source_standard, m.source_clause,
			       m.target_standard COLLATE "C" AS target_standard, m.target_clause COLLATE "C" AS target_clause,
			       m.relation = 'no_counterpart' AS new_artifact, true AS in_scope,
			       NULL::bigint AS doc_id, NULL::text AS title, NULL::boolean AS maintained,
			       NULL::boolean AS source_side, NULL::boolean AS target_side
			FROM @extschema@.organization o
			JOIN @extschema@.clause_mapping m
			  ON m.target_standard = ANY (o.standards)
			 AND (m.source_standard = ANY (o.standards) OR m.relation = 'no_counterpart')
			WHERE every_organization OR o.org_id = ANY (org_ids)
			UNION ALL
			-- one row per pair and document that serves a side of it (of
			-- whichever organizations: the rows of a pair the organization
			-- does not have make no group of their own, HAVING below)
			SELECT x.org_id, x.ordinal, x.source_standard, NULL, x.target_standard, x.target_clause, false, false,
			       x.doc_id, x.title, x.kind <> 'record',
			       x.source_by_topic OR ds.clause IS NOT NULL, x.target_by_topic OR dt.clause IS NOT NULL
			FROM (
				-- a document, and each pair one side of which is on its topic
				SELECT d.org_id, d.doc_id, d.kind, d.title, k.ordinal, k.source_standard, k.source_clause,
				       k.target_standard, k.target_clause,
				       k.source_topic = d.topic AND k.source_standard = ANY (d.covers) AS source_by_topic,
				       k.target_topic = d.topic AND k.target_standard = ANY (d.covers) AS target_by_topic
				FROM @extschema@.document d
				JOIN (SELECT m.ordinal, m.source_standard, m.source_clause, m.target_standard, m.target_clause,
				             st.topic AS source_topic, tt.topic AS target_topic, t.topic
				      FROM @extschema@.clause_mapping m
				      LEFT JOIN @extschema@.clause_topic st ON st.clause = m.source_clause
				      LEFT JOIN @extschema@.clause_topic tt ON tt.clause = m.target_clause
				      -- each pair once per topic of its sides
				      CROSS JOIN LATERAL (VALUES (tt.topic),
				                                 (CASE WHEN st.topic IS DISTINCT FROM tt.topic THEN st.topic END)) AS t(topic)
				      WHERE t.topic IS NOT NULL) AS k
				  ON k.topic = d.topic
				WHERE every_organization OR d.org_id = ANY (org_ids)
				UNION ALL
				-- a document, and each pair it declares a side of when
				-- neither side is on its topic (those are the rows above)
				SELECT DISTINCT d.org_id, d.doc_id, d.kind, d.title, k.ordinal, k.source_standard, k.source_clause,
				       k.target_standard, k.target_clause, false, false
				FROM @extschema@.document_clause c
				JOIN @extschema@.document d ON d.org_id = c.org_id AND d.doc_id = c.doc_id
				 AND (every_organization OR d.org_id = ANY (org_ids))
				JOIN (SELECT m.ordinal, m.source_standard, m.source_clause, m.target_standard, m.target_clause,
				             st.topic AS source_topic, tt.topic AS target_topic, s.standard, s.clause
				      FROM @extschema@.clause_mapping m
				      LEFT JOIN @extschema@.clause_topic st ON st.clause = m.source_clause
				      LEFT JOIN @extschema@.clause_topic tt ON tt.clause = m.target_clause
				      CROSS JOIN LATERAL (VALUES (m.source_standard, m.source_clause),
				                                 (m.target_standard, m.target_clause)) AS s(standard, clause)) AS k
				  ON k.standard = c.standard AND k.clause = c.clause
				WHERE (every_organization OR c.org_id = ANY (org_ids))
				  AND d.topic IS DISTINCT FROM k.source_topic AND d.topic IS DISTINCT FROM k.target_topic) AS x
			-- the declarations of either side, by the key of ims.document_clause
			LEFT JOIN @extschema@.document_clause ds
			  ON ds.org_id = x.org_id AND ds.doc_id = x.doc_id
			 AND ds.standard = x.source_standard AND ds.clause = x.source_clause
			 AND (every_organization OR ds.org_id = ANY (org_ids))
			LEFT JOIN @extschema@.document_clause dt
			  ON dt.org_id = x.org_id AND dt.doc_id = x.doc_id
			 AND dt.standard = x.target_standard AND dt.clause = x.target_clause
			 AND (every_organization OR dt.org_id = ANY (org_ids))
			WHERE x.source_by_topic OR x.target_by_topic OR ds.clause IS NOT NULL OR dt.clause IS NOT NULL) AS r
		GROUP BY r.org_id, r.ordinal, r.source_standard, r.target_standard, r.target_clause
		HAVING bool_or(r.in_scope)) AS g;
END;
COMMENT ON FUNCTION @extschema@.clause_coverage(bigint[], boolean) IS
'the clause pairs of ims.clause_mapping for each of the organizations the caller can see among org_ids (or all of them, every_organization), with the documents that serve each, by topic or by declaration in ims.document_clause, and its status: integrated, extend, missing or new_artifact, ranked 1 to 4 (docs/views.md)';
