/* extension/install/95_distribution.sql */

----------------------------------------------------------------------------
-- Distribution by organization on Citus (docs/scale-out.md)
--
-- pg_ims does not depend on Citus: nothing here names a Citus object when
-- the extension is created; ims.distribute() finds Citus at run time and
-- calls it through EXECUTE.
----------------------------------------------------------------------------

-- The functions that take one organization and whose every query names it,
-- so that Citus can run a call on the worker that holds the organization's
-- shards (create_distributed_function, colocated with ims.organization):
-- the argument that carries the organization, by function.  A function is
-- listed only once make citus-check shows each of its queries routed to
-- one shard (docs/scale-out.md).
CREATE FUNCTION @extschema@.distributed_functions()
	RETURNS TABLE (fn regprocedure, org_argument text)
	LANGUAGE sql IMMUTABLE
	SET search_path = pg_catalog, pg_temp
AS $$
	SELECT f::pg_catalog.regprocedure, a
	FROM (VALUES
		('@extschema@.soa_digest(bigint,bigint,text)', 'org_id')
	) AS t(f, a)
$$;
COMMENT ON FUNCTION @extschema@.distributed_functions() IS
'the functions ims.distribute() makes Citus distributed functions, colocated with ims.organization, and the argument that names the organization';

CREATE FUNCTION @extschema@.distribute() RETURNS integer
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	done regclass[];
	todo regclass[];
	tables regclass[] := '{}';
	triggers name[];
	made_here bigint;
	g name;
	t regclass;
	progress boolean;
	made integer := 0;
	f record;
	verbosity text := pg_catalog.current_setting('client_min_messages');
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname OPERATOR(pg_catalog.=) 'citus') THEN
		RAISE EXCEPTION 'Citus is not installed in this database'
			USING ERRCODE = 'feature_not_supported',
				DETAIL = 'ims.distribute() makes the tables of pg_ims Citus reference and distributed tables.',
				HINT = 'Add citus to shared_preload_libraries on every node, CREATE EXTENSION citus, register the coordinator and add the workers, then call ims.distribute() again (docs/scale-out.md).';
	END IF;
	IF NOT (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) CURRENT_USER) THEN
		RAISE EXCEPTION 'permission denied to distribute the tables of pg_ims'
			USING ERRCODE = 'insufficient_privilege',
				DETAIL = pg_catalog.format('Distributing changes every table of every organization; role %s is not a superuser.', CURRENT_USER),
				HINT = 'Run ims.distribute() as a superuser on the coordinator.';
	END IF;
	-- pg_ims loaded with the server takes the shard names out of error
	-- messages from the first statement of a session on (src/shard_names.c)
	IF pg_catalog.current_setting('shared_preload_libraries') OPERATOR(pg_catalog.!~) '(^|[ ,"])pg_ims($|[ ,"])' THEN
		RAISE WARNING 'pg_ims is not in shared_preload_libraries'
			USING DETAIL = 'Until pg_ims is loaded in a session, its errors from distributed tables name their shards, such as "organization_pkey_102036".',
				HINT = 'Set shared_preload_libraries = ''citus,pg_ims'' on the coordinator and on every worker, and restart them (docs/scale-out.md).';
	END IF;

	-- Reference tables are referenced by the views of the extension, which
	-- stay local objects: Citus would otherwise turn them into Citus local
	-- tables on the coordinator first (docs/scale-out.md).
	PERFORM pg_catalog.set_config('citus.enable_local_reference_table_foreign_keys', 'off', true);
	-- The extension's tables have row triggers (guards, history).  They run
	-- on the shard the row is on and read only that organization's rows of
	-- colocated shards and the reference tables (docs/scale-out.md).
	PERFORM pg_catalog.set_config('citus.enable_unsafe_triggers', 'on', true);
	-- One connection per worker for the whole transaction: the reference
	-- tables created first are then visible to the distributed tables'
	-- foreign keys created after them.
	PERFORM pg_catalog.set_config('citus.multi_shard_modify_mode', 'sequential', true);

	-- Citus' notices, several per table, say nothing the caller acts on.
	PERFORM pg_catalog.set_config('client_min_messages', 'warning', true);

	EXECUTE 'SELECT COALESCE(pg_catalog.array_agg(logicalrelid), ''{}'') FROM pg_catalog.pg_dist_partition'
		INTO done;

	-- Tables without org_id are the catalogs, shared by every
	-- organization: reference tables, one copy on every node.  Tables with
	-- org_id, ims.organization first, are distributed by it and colocated
	-- with ims.organization, so that one organization's rows of every table
	-- are on one node.  Either kind in the order of its foreign keys: a
	-- table after every table it refers to.
	-- All but ims.org_access, the ledger of the grants, which stays a local
	-- table of the coordinator: its trigger grants and revokes the
	-- organizations' roles, and Citus propagates role changes only from
	-- the coordinator (on a shard the trigger would run on a worker).  Its
	-- foreign key to ims.organization goes, as Citus allows none from a
	-- local table to a distributed one; grant_access still checks the
	-- organization, and row-level security lets no one else write a grant
	-- for an organization whose roles do not exist.
	EXECUTE pg_catalog.format('ALTER TABLE @extschema@.org_access DROP CONSTRAINT IF EXISTS %I', 'org_access_org_fkey');
	-- Nor are its changes in the history: the history's chain is advanced
	-- on the organization's shard, under a guard that a write sent there
	-- from the coordinator does not pass (docs/scale-out.md).  The ledger
	-- keeps who granted what and when itself.
	IF EXISTS (SELECT 1 FROM pg_catalog.pg_trigger g
			   WHERE g.tgrelid OPERATOR(pg_catalog.=) '@extschema@.org_access'::pg_catalog.regclass
				 AND g.tgname OPERATOR(pg_catalog.=) 'history_log') THEN
		ALTER TABLE @extschema@.org_access DISABLE TRIGGER history_log;
	END IF;
	todo := ARRAY(
		SELECT c.oid::pg_catalog.regclass FROM pg_catalog.pg_class c
		WHERE c.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
		  AND c.relkind OPERATOR(pg_catalog.=) 'r'
		  AND c.oid OPERATOR(pg_catalog.<>) '@extschema@.org_access'::pg_catalog.regclass
		  AND NOT (c.oid::pg_catalog.regclass OPERATOR(pg_catalog.=) ANY (done))
		ORDER BY c.relname);
	WHILE pg_catalog.cardinality(todo) OPERATOR(pg_catalog.>) 0 LOOP
		progress := false;
		FOREACH t IN ARRAY todo LOOP
			CONTINUE WHEN EXISTS (
				SELECT 1 FROM pg_catalog.pg_constraint k
				WHERE k.contype OPERATOR(pg_catalog.=) 'f'
				  AND k.conrelid OPERATOR(pg_catalog.=) t
				  AND k.confrelid OPERATOR(pg_catalog.<>) t
				  AND NOT (k.confrelid::pg_catalog.regclass OPERATOR(pg_catalog.=) ANY (done)));
			CONTINUE WHEN t OPERATOR(pg_catalog.<>) '@extschema@.organization'::pg_catalog.regclass
				AND '@extschema@.organization'::pg_catalog.regclass OPERATOR(pg_catalog.<>) ALL (done)
				AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
							WHERE a.attrelid OPERATOR(pg_catalog.=) t AND a.attname OPERATOR(pg_catalog.=) 'org_id'
							  AND NOT a.attisdropped);
			-- Moving the rows into the shards is no new write: the table's
			-- own triggers (guards, history) stay off while Citus copies
			-- them, and come back on, on every shard, afterwards.
			triggers := ARRAY(SELECT g.tgname FROM pg_catalog.pg_trigger g
							  WHERE g.tgrelid OPERATOR(pg_catalog.=) t AND NOT g.tgisinternal
								AND g.tgenabled OPERATOR(pg_catalog.<>) 'D' ORDER BY g.tgname);
			FOREACH g IN ARRAY triggers LOOP
				EXECUTE pg_catalog.format('ALTER TABLE %s DISABLE TRIGGER %I', t, g);
			END LOOP;
			IF EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
					   WHERE a.attrelid OPERATOR(pg_catalog.=) t AND a.attname OPERATOR(pg_catalog.=) 'org_id'
						 AND NOT a.attisdropped) THEN
				IF t OPERATOR(pg_catalog.=) '@extschema@.organization'::pg_catalog.regclass THEN
					EXECUTE 'SELECT pg_catalog.create_distributed_table($1, ''org_id'')' USING t;
				ELSE
					EXECUTE 'SELECT pg_catalog.create_distributed_table($1, ''org_id'', colocate_with => $2)'
						USING t, '@extschema@.organization';
				END IF;
			ELSE
				EXECUTE 'SELECT pg_catalog.create_reference_table($1)' USING t;
			END IF;
			FOREACH g IN ARRAY triggers LOOP
				EXECUTE pg_catalog.format('ALTER TABLE %s ENABLE TRIGGER %I', t, g);
			END LOOP;
			done := done OPERATOR(pg_catalog.||) t;
			tables := tables OPERATOR(pg_catalog.||) t;
			made := made OPERATOR(pg_catalog.+) 1;
			progress := true;
		END LOOP;
		todo := ARRAY(SELECT u FROM pg_catalog.unnest(todo) AS u WHERE NOT (u OPERATOR(pg_catalog.=) ANY (done)));
		IF NOT progress THEN
			RAISE EXCEPTION 'the tables % cannot be distributed in the order of their foreign keys', todo
				USING ERRCODE = 'invalid_foreign_key',
					HINT = 'Each table must refer only to tables of the extension (docs/scale-out.md).';
		END IF;
	END LOOP;

	-- The rows now live in the shards: the coordinator's copy goes, once
	-- no local table refers to it.  The history's guard refuses every
	-- TRUNCATE; this one removes no entry (the shards hold them), so the
	-- guard is off for it alone (replica role: no user trigger fires).
	PERFORM pg_catalog.set_config('session_replication_role', 'replica', true);
	FOREACH t IN ARRAY tables LOOP
		EXECUTE 'SELECT pg_catalog.truncate_local_data_after_distributing_table($1)' USING t;
	END LOOP;
	PERFORM pg_catalog.set_config('session_replication_role', 'origin', true);

	-- Ids made on a worker.  Citus gives each node's copy of a bigint
	-- sequence its own range (the node's group id in the top 16 bits), but
	-- not the sequences of an extension, which each node creates from the
	-- extension's script: there they start at 1, and an insert run on a
	-- worker would take the ids of the coordinator's rows.  Each worker's
	-- copy of every sequence of the extension is moved to its range (once:
	-- never backwards), on every call, so that a node added since gets
	-- its own as well.
	IF EXISTS (SELECT 1 FROM pg_catalog.pg_class c
			   WHERE c.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
				 AND c.relkind OPERATOR(pg_catalog.=) 'S') THEN
		EXECUTE 'SELECT pg_catalog.count(*) FROM pg_catalog.run_command_on_workers($1) w WHERE NOT w.success'
			INTO made_here
			USING pg_catalog.format(
				'SELECT pg_catalog.count(pg_catalog.setval(c.oid, (g.groupid::bigint << 48) + 1, false)) '
				'FROM pg_catalog.pg_class c, pg_catalog.pg_dist_local_group g, pg_catalog.pg_sequences s '
				'WHERE c.relnamespace = %L::regnamespace AND c.relkind = ''S'' '
				'AND s.schemaname = %L AND s.sequencename = c.relname '
				'AND COALESCE(s.last_value, 0) < (g.groupid::bigint << 48)',
				'@extschema@', '@extschema@');
		IF made_here OPERATOR(pg_catalog.>) 0 THEN
			RAISE EXCEPTION 'the sequences of pg_ims could not be given their ranges on % workers', made_here
				USING ERRCODE = 'connection_failure',
					HINT = 'Check that every worker is reachable (SELECT * FROM citus_check_cluster_node_health()), then call ims.distribute() again.';
		END IF;
	END IF;

	FOR f IN
		SELECT d.fn, d.org_argument FROM @extschema@.distributed_functions() d
	LOOP
		EXECUTE 'SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_object o WHERE o.classid = ''pg_catalog.pg_proc''::pg_catalog.regclass AND o.objid = $1 AND o.distribution_argument_index IS NOT NULL)'
			INTO progress USING f.fn;
		CONTINUE WHEN progress;
		EXECUTE 'SELECT pg_catalog.create_distributed_function($1, $2, colocate_with => $3)'
			USING f.fn, f.org_argument, '@extschema@.organization'::text;
		made := made OPERATOR(pg_catalog.+) 1;
	END LOOP;

	PERFORM pg_catalog.set_config('client_min_messages', verbosity, true);
	IF made OPERATOR(pg_catalog.=) 0 THEN
		RAISE NOTICE 'pg_ims is already distributed'
			USING DETAIL = 'Every table of the extension but ims.org_access (local to the coordinator) is a Citus reference or distributed table, and every function of ims.distributed_functions() is distributed.';
	END IF;
	RETURN made;
END
$$;
COMMENT ON FUNCTION @extschema@.distribute() IS
'on Citus, as a superuser on the coordinator: makes the catalog tables reference tables, ims.organization and every table with org_id distributed tables colocated by org_id, and the functions of ims.distributed_functions() distributed functions; returns how many objects it distributed (0, with a notice, when everything already is; docs/scale-out.md)';
REVOKE ALL ON FUNCTION @extschema@.distribute() FROM PUBLIC;
