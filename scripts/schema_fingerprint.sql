-- scripts/schema_fingerprint.sql: every object of the pg_ims extension as
-- sorted lines of text, to compare two databases (scripts/check-upgrade.sh).
-- Object identities, definitions, comments, privileges, row-level security,
-- the rows pg_dump keeps, and the shipped catalogs' rows; never OIDs.
\pset format unaligned
\pset tuples_only on
WITH members AS (
	SELECT d.classid, d.objid
	FROM pg_depend d
	WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
	  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'pg_ims')
), lines AS (
	-- every member by identity, with its comment
	SELECT 'member ' || pg_describe_object(m.classid, m.objid, 0) || ' comment=' ||
		   coalesce(obj_description(m.objid, (SELECT relname FROM pg_class WHERE oid = m.classid)), '-') AS line
	FROM members m
	UNION ALL
	-- columns in order: name, type, nullability, default, comment
	SELECT 'column ' || c.relname || '.' || a.attnum || ' ' || a.attname || ' ' ||
		   format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END ||
		   coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), '') ||
		   ' comment=' || coalesce(col_description(c.oid, a.attnum), '-')
	FROM members m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
	JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
	UNION ALL
	SELECT 'constraint ' || c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
	FROM members m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
	JOIN pg_constraint k ON k.conrelid = c.oid
	UNION ALL
	SELECT 'index ' || pg_get_indexdef(i.indexrelid)
	FROM members m JOIN pg_index i ON m.classid = 'pg_class'::regclass AND i.indrelid = m.objid
	UNION ALL
	SELECT 'trigger ' || pg_get_triggerdef(t.oid)
	FROM members m JOIN pg_trigger t ON m.classid = 'pg_class'::regclass AND t.tgrelid = m.objid
	WHERE NOT t.tgisinternal
	UNION ALL
	SELECT 'policy ' || p.tablename || ' ' || p.policyname || ' ' || p.cmd || ' ' || array_to_string(p.roles, ',') ||
		   ' using ' || coalesce(p.qual, '-') || ' check ' || coalesce(p.with_check, '-')
	FROM pg_policies p WHERE p.schemaname = 'ims'
	UNION ALL
	SELECT 'relation ' || c.relname || ' kind=' || c.relkind::text || ' rls=' || c.relrowsecurity ||
		   ' force=' || c.relforcerowsecurity || ' acl=' || coalesce(c.relacl::text, '-') ||
		   ' options=' || coalesce(c.reloptions::text, '-')
	FROM members m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
	UNION ALL
	SELECT 'view ' || c.relname || ' ' || pg_get_viewdef(c.oid)
	FROM members m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
	WHERE c.relkind = 'v'
	UNION ALL
	SELECT 'function ' || p.oid::regprocedure::text || ' acl=' || coalesce(p.proacl::text, '-') ||
		   ' ' || CASE WHEN p.prokind IN ('f', 'p', 'w') THEN pg_get_functiondef(p.oid) ELSE p.prokind::text END
	FROM members m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
	WHERE p.prokind <> 'a'
	UNION ALL
	SELECT 'config ' || c.relname || ' ' || x.cond
	FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(reloid, cond)
	JOIN pg_class c ON c.oid = x.reloid WHERE e.extname = 'pg_ims'
	UNION ALL
	-- the shipped catalogs
	SELECT 'standard ' || t::text FROM ims.standard t WHERE builtin
	UNION ALL SELECT 'clause ' || t::text FROM ims.clause t
	WHERE standard IN (SELECT code FROM ims.standard WHERE builtin)
	UNION ALL SELECT 'control ' || t::text FROM ims.control t
	WHERE standard IN (SELECT code FROM ims.standard WHERE builtin)
	UNION ALL SELECT 'reference_item ' || t::text FROM ims.reference_item t
	WHERE standard IN (SELECT code FROM ims.standard WHERE builtin)
	UNION ALL SELECT 'evidence_kind ' || t::text FROM ims.evidence_kind t WHERE builtin
	UNION ALL SELECT 'clause_mapping ' || t::text FROM ims.clause_mapping t WHERE builtin
	UNION ALL SELECT 'control_mapping ' || t::text FROM ims.control_mapping t WHERE builtin
	UNION ALL SELECT 'clause_topic ' || t::text FROM ims.clause_topic t
	UNION ALL SELECT 'obligation ' || t::text FROM ims.obligation t WHERE builtin
	UNION ALL SELECT 'obligation_clause ' || t::text FROM ims.obligation_clause t WHERE builtin
	UNION ALL SELECT 'obligation_control ' || t::text FROM ims.obligation_control t WHERE builtin
)
SELECT line FROM lines ORDER BY line COLLATE "C";
