#!/bin/bash
# bench/oscal_import.sh: ims.import_oscal_catalog() on NIST SP 800-53 rev5
# MODERATE (287 controls and enhancements, 3.9 MB of OSCAL JSON) against a
# pure-SQL import of the same controls from jsonb (SPEC section 9).
#
# Two sides, timed in the same backend, alternating in order, each from the
# document as text to the rows in ims.standard and ims.control:
#   c_import    ims.import_oscal_catalog(doc, code): cJSON, the checks of
#               src/oscal_parse.c, one INSERT of all controls;
#   sql_import  doc::jsonb, a recursive walk of groups and controls in SQL,
#               one INSERT of the same rows (and none of the checks).
# Both rows are deleted after each round, untimed.  Target: c_import at
# most 1.0 times sql_import.  A measurement, not a test: exits 0 once run.
set -eu -o pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

. scripts/cluster.sh
cluster_setup

rounds=${ROUNDS:-7}
doc=data/oscal/NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog.json

{
cat <<'SQL'
CREATE EXTENSION pg_ims;
CREATE TEMP TABLE timings (what text, ms float8, controls integer, n serial);
CREATE TEMP TABLE source (doc text);
SQL
echo "\\set doc \`cat $doc\`"
cat <<'SQL'
INSERT INTO source VALUES (:'doc');

-- The pure-SQL peer: the same rows as the C import, from jsonb.
CREATE FUNCTION pg_temp.sql_import(doc text, code text) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	j jsonb := doc::jsonb;
	n integer;
BEGIN
	INSERT INTO ims.standard (code, title, kind)
	VALUES (code, j #>> '{catalog,metadata,title}', 'control_catalog');
	WITH RECURSIVE node(obj, kind, parent_id, gid, gtitle, path) AS (
		SELECT j -> 'catalog', 'catalog'::text, NULL::text, NULL::text, NULL::text, ARRAY[]::bigint[]
		UNION ALL
		SELECT c.obj, c.kind, c.parent_id, c.gid, c.gtitle, n.path || c.ord
		FROM node n,
		LATERAL (SELECT g.value AS obj, 'group'::text AS kind, NULL::text AS parent_id,
						g.value ->> 'id' AS gid, g.value ->> 'title' AS gtitle, g.ord
				 FROM jsonb_array_elements(CASE WHEN n.kind <> 'control' THEN n.obj -> 'groups' END)
					  WITH ORDINALITY AS g(value, ord)
				 UNION ALL
				 SELECT k.value, 'control', CASE WHEN n.kind = 'control' THEN n.obj ->> 'id' END,
						n.gid, n.gtitle, 100000 + k.ord
				 FROM jsonb_array_elements(n.obj -> 'controls') WITH ORDINALITY AS k(value, ord)) AS c
	)
	INSERT INTO ims.control (standard, control_id, title, area, area_title, ordinal, parent, display_id)
	SELECT code, obj ->> 'id', obj ->> 'title', gid, gtitle, row_number() OVER (ORDER BY path), parent_id,
		   (SELECT p ->> 'value' FROM jsonb_array_elements(obj -> 'props') AS p
			WHERE p ->> 'name' = 'label' AND NOT p ? 'class' LIMIT 1)
	FROM node WHERE kind = 'control';
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END $$;

CREATE PROCEDURE pg_temp.timed(what text, stmt text)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
	result integer;
BEGIN
	EXECUTE stmt INTO result;
	INSERT INTO timings (what, ms, controls)
	VALUES (what, extract(epoch FROM clock_timestamp() - t0) * 1000, result);
END $$;

CREATE PROCEDURE pg_temp.clear()
LANGUAGE sql AS $$
	DELETE FROM ims.control WHERE standard LIKE 'bench:%';
	DELETE FROM ims.standard WHERE code LIKE 'bench:%';
$$;
SQL
# untimed warm-up of both sides, then alternating rounds
echo "CALL pg_temp.timed('warmup', \$s\$SELECT ims.import_oscal_catalog(doc, 'bench:w1') FROM source\$s\$);"
echo "CALL pg_temp.timed('warmup', \$s\$SELECT pg_temp.sql_import(doc, 'bench:w2') FROM source\$s\$);"
echo "CALL pg_temp.clear();"
for round in $(seq 1 $rounds); do
	if [ $((round % 2)) = 1 ]; then sides="c_import sql_import"; else sides="sql_import c_import"; fi
	for side in $sides; do
		case $side in
		c_import) stmt="SELECT ims.import_oscal_catalog(doc, 'bench:$round') FROM source" ;;
		sql_import) stmt="SELECT pg_temp.sql_import(doc, 'bench:s$round') FROM source" ;;
		esac
		echo "CALL pg_temp.timed('$side', \$s\$$stmt\$s\$);"
	done
	echo "CALL pg_temp.clear();"
done
cat <<'SQL'
\pset footer off
SELECT what, count(*) AS rounds, min(controls) AS controls, max(controls) AS controls_max,
	   round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1) AS median_ms,
	   round(min(ms)::numeric, 1) AS min_ms
FROM timings WHERE what <> 'warmup' GROUP BY what ORDER BY what;
\pset tuples_only on
\pset format unaligned
SELECT 'ratio oscal_import c_import/sql_import (median of ' || count(*) / 2 || ' rounds): '
	   || round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE what = 'c_import')
		 / percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE what = 'sql_import'))::numeric, 2)
FROM timings WHERE what <> 'warmup';
SELECT 'target oscal_import ratio at most 1.0; both sides imported '
	   || string_agg(DISTINCT controls::text, ', ') || ' controls' FROM timings;
SQL
} | psql -d postgres
cluster_stop
