--
-- catalog_seed: the catalogs CREATE EXTENSION loads.  Ids and titles are
-- listed in full: they must equal the published ones (checked against the
-- project's reference lists when this file was written).
--
SELECT code, title, kind, builtin FROM ims.standard ORDER BY code;

-- 93 and 38 controls; ISO 27001 by theme, ISO 42001 by area
SELECT standard, count(*) FROM ims.control GROUP BY 1 ORDER BY 1;
SELECT theme, area, area_title, count(*)
FROM ims.control WHERE standard = 'iso27001:2022'
GROUP BY 1, 2, 3 ORDER BY min(ordinal);
SELECT area, area_title, count(*)
FROM ims.control WHERE standard = 'iso42001:2023'
GROUP BY 1, 2 ORDER BY min(ordinal);

-- every control, in catalog order
SELECT control_id, title FROM ims.control WHERE standard = 'iso27001:2022' ORDER BY ordinal;
SELECT control_id, title FROM ims.control WHERE standard = 'iso42001:2023' ORDER BY ordinal;

-- every clause of both standards, with its parent
SELECT number, title, parent FROM ims.clause WHERE standard = 'iso27001:2022' ORDER BY ordinal;
SELECT number, title, parent FROM ims.clause WHERE standard = 'iso42001:2023' ORDER BY ordinal;

-- the clauses ISO 42001 adds: AI system impact assessment at planning and operation
SELECT c.number, c.title
FROM ims.clause c
WHERE c.standard = 'iso42001:2023'
  AND NOT EXISTS (SELECT 1 FROM ims.clause d
                  WHERE d.standard = 'iso27001:2022' AND d.number = c.number)
ORDER BY c.ordinal;

-- every control names evidence kinds that exist
SELECT c.standard, c.control_id, k
FROM ims.control c, unnest(c.evidence_kinds) AS k
WHERE NOT EXISTS (SELECT 1 FROM ims.evidence_kind e WHERE e.code = k);
SELECT count(*) AS controls_without_evidence_kinds
FROM ims.control WHERE cardinality(evidence_kinds) = 0;
SELECT domain, count(*) FROM ims.evidence_kind GROUP BY 1 ORDER BY 1;

-- Annex C reference lists
SELECT list, item_id, title FROM ims.reference_item ORDER BY list, ordinal;

-- the clause mapping: every ISO 42001 clause once, 6.1.4 and 8.4 without counterpart
SELECT relation, count(*) FROM ims.clause_mapping GROUP BY 1 ORDER BY 1;
SELECT count(*) = (SELECT count(*) FROM ims.clause WHERE standard = 'iso42001:2023') AS every_clause_mapped
FROM ims.clause_mapping;
SELECT source_clause, target_clause, relation, action
FROM ims.clause_mapping ORDER BY ordinal;

-- the control mapping: relations, and the pairs the source article names
SELECT relation, count(*) FROM ims.control_mapping GROUP BY 1 ORDER BY 1;
SELECT source_control, target_control, relation
FROM ims.control_mapping
WHERE (source_control, target_control) IN (('A.5.1', 'A.2.2'), ('A.5.19', 'A.10.3'))
   OR (source_control IN ('A.8.10', 'A.8.11') AND target_control LIKE 'A.7.%')
ORDER BY 1, 2;
-- no pair is left without its one-line rationale and provenance
SELECT count(*) FROM ims.control_mapping
WHERE length(rationale) < 20 OR length(provenance) < 5 OR rationale LIKE '%' || chr(10) || '%';
-- no physical-security control is mapped to an AI impact assessment control
SELECT source_control, target_control FROM ims.control_mapping m
JOIN ims.control c ON c.standard = m.source_standard AND c.control_id = m.source_control
WHERE c.theme = 'physical' AND m.target_control LIKE 'A.5.%';
-- every pair has a strength (docs/mapping-review.md gives the reason for each)
SELECT strength, count(*) FROM ims.control_mapping GROUP BY 1 ORDER BY 1;
-- the second review: three pairs dropped, one restored, A.6.8/A.3.3 weak
SELECT d.source_control, d.target_control, m.strength
FROM (VALUES ('A.5.33', 'A.5.3'), ('A.8.29', 'A.6.2.5'), ('A.5.9', 'A.7.2'), ('A.5.31', 'A.8.5'), ('A.6.8', 'A.3.3'))
	AS d(source_control, target_control)
LEFT JOIN ims.control_mapping m USING (source_control, target_control)
ORDER BY 1, 2;
-- every reviewed control pair, by ISO 42001 control
SELECT m.source_control, m.target_control, m.relation, m.strength, m.rationale
FROM ims.control_mapping m
JOIN ims.control t ON t.standard = m.target_standard AND t.control_id = m.target_control
JOIN ims.control s ON s.standard = m.source_standard AND s.control_id = m.source_control
ORDER BY t.ordinal, s.ordinal;
