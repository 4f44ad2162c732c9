#!/bin/bash
# scripts/demo.sh: `make demo`.  Installs what is missing, builds, installs,
# starts a throwaway cluster, creates the extension and prints what a
# compliance lead looks at first: the two catalogs and how their clauses
# and controls map onto each other.
set -eu
cd "$(dirname "$0")/.."

scripts/deps.sh
make -s all >/dev/null
make -s install >/dev/null

. scripts/cluster.sh
cluster_start

psql -X -q -v ON_ERROR_STOP=1 --pset=footer=off <<'SQL'
CREATE EXTENSION pg_ims;
SET search_path = public, ims;

\echo
\echo '== Catalogs loaded =='
SELECT s.code AS standard, s.title, count(c.*) AS controls,
       (SELECT count(*) FROM clause k WHERE k.standard = s.code) AS clauses
FROM standard s LEFT JOIN control c ON c.standard = s.code
GROUP BY s.code, s.title ORDER BY s.code;

\echo '== Annex A controls per area =='
SELECT standard, area, area_title, coalesce(theme, '') AS theme, count(*) AS controls
FROM control GROUP BY 1, 2, 3, 4 ORDER BY 1, min(ordinal);

\echo '== Clause mapping ISO/IEC 27001 -> ISO/IEC 42001 (what to do per clause) =='
SELECT coalesce(m.source_clause, '-') AS "27001", m.target_clause AS "42001",
       t.title AS "42001 title", m.relation, m.action
FROM clause_mapping m
JOIN clause t ON t.standard = m.target_standard AND t.number = m.target_clause
WHERE m.target_standard = 'iso42001:2023' AND (t.parent IS NOT NULL OR m.relation = 'no_counterpart')
ORDER BY m.ordinal;

\echo '== Reviewed control pairs per ISO 42001 area =='
SELECT t.area, t.area_title, count(*) AS pairs,
       string_agg(DISTINCT m.relation, ', ') AS relations
FROM control_mapping m
JOIN control t ON t.standard = m.target_standard AND t.control_id = m.target_control
GROUP BY t.area, t.area_title ORDER BY min(t.ordinal);

\echo '== ISO 42001 controls with no ISO 27001 counterpart: new work, not an extension =='
SELECT c.control_id, c.title
FROM control c
WHERE c.standard = 'iso42001:2023'
  AND NOT EXISTS (SELECT 1 FROM control_mapping m
                  WHERE m.target_standard = c.standard AND m.target_control = c.control_id)
ORDER BY c.ordinal;
SQL
echo "Demo cluster stopped; run 'make test' for the full test suite."
