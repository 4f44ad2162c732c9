--
-- install: CREATE EXTENSION and the complete list of its members.
-- Any change to the object set shows here as a diff.
--
CREATE EXTENSION pg_ims;

-- a second CREATE fails, IF NOT EXISTS does not
CREATE EXTENSION pg_ims;
CREATE EXTENSION IF NOT EXISTS pg_ims;

SELECT extname, extversion, extrelocatable, extnamespace::regnamespace
FROM pg_extension WHERE extname = 'pg_ims';

-- every member, by kind; not the types PostgreSQL makes with a type or a
-- relation (its array type, the row type of a table or view), which are
-- members from PostgreSQL 17 on (commit e5bc9454e) and not before
SELECT pg_describe_object(classid, objid, 0) AS member
FROM pg_depend d
WHERE refclassid = 'pg_extension'::regclass
  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'pg_ims')
  AND deptype = 'e'
  AND NOT (classid = 'pg_type'::regclass
           AND EXISTS (SELECT 1 FROM pg_type t LEFT JOIN pg_class c ON c.oid = t.typrelid
                       WHERE t.oid = d.objid
                         AND (c.relkind <> 'c'
                              OR EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid))))
ORDER BY 1;

-- the tables pg_dump keeps user rows of, and which rows
SELECT c.relname, x.cond
FROM pg_extension e,
     unnest(e.extconfig, e.extcondition) AS x(reloid, cond)
     JOIN pg_class c ON c.oid = x.reloid
WHERE e.extname = 'pg_ims'
ORDER BY 1;

-- the shipped catalogs' loader does not outlive the install script
SELECT count(*) FROM pg_proc
WHERE pronamespace = 'ims'::regnamespace AND proname = 'load_builtin_catalog';

-- every table, column, type, function and view of the extension has a comment
SELECT pg_describe_object(classid, objid, 0) AS without_comment
FROM pg_depend d
WHERE refclassid = 'pg_extension'::regclass
  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'pg_ims')
  AND deptype = 'e'
  AND classid IN ('pg_class'::regclass, 'pg_type'::regclass, 'pg_proc'::regclass)
  AND obj_description(objid, classid::regclass::text) IS NULL
  AND NOT (classid = 'pg_type'::regclass
           AND EXISTS (SELECT 1 FROM pg_type t LEFT JOIN pg_class c ON c.oid = t.typrelid
                       WHERE t.oid = d.objid AND (t.typelem <> 0 OR c.relkind <> 'c')))
  AND NOT (classid = 'pg_class'::regclass
           AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = d.objid AND c.relkind IN ('i', 'S')))
ORDER BY 1;

-- write functions are not open to everyone
SELECT p.proname, has_function_privilege('public', p.oid, 'EXECUTE') AS public_execute
FROM pg_proc p
WHERE p.pronamespace = 'ims'::regnamespace AND p.proname LIKE 'import%'
ORDER BY 1;

-- row-level security: which tables have it, and their policies
SELECT relname, relrowsecurity FROM pg_class
WHERE relnamespace = 'ims'::regnamespace AND relkind = 'r' ORDER BY 1;
SELECT tablename, policyname, cmd, qual, with_check FROM pg_policies
WHERE schemaname = 'ims' ORDER BY tablename, policyname;

-- what PUBLIC may do with each table (row-level security decides the rows)
SELECT c.relname,
       has_table_privilege('public', c.oid, 'SELECT') AS sel,
       has_table_privilege('public', c.oid, 'INSERT') AS ins,
       has_table_privilege('public', c.oid, 'UPDATE') AS upd,
       has_table_privilege('public', c.oid, 'DELETE') AS del
FROM pg_class c WHERE c.relnamespace = 'ims'::regnamespace AND c.relkind = 'r' ORDER BY 1;

-- functions run as their owner: each is audited in docs/tenancy.md
SELECT p.oid::regprocedure, has_function_privilege('public', p.oid, 'EXECUTE') AS public_execute,
       p.proconfig
FROM pg_proc p WHERE p.pronamespace = 'ims'::regnamespace AND p.prosecdef ORDER BY p.oid::regprocedure::text;
