/* extension/install/36_history.sql */

----------------------------------------------------------------------------
-- The history of the record (docs/history.md): every change of every
-- per-organization table, as a hash chain per organization
--
-- Triggers (attached by ims.attach_history in 97_history_attach.sql, once
-- every table exists) append one entry per changed row: the table, the
-- operation, the row's key, the row before and after as jsonb, the role,
-- the application user (ims.application_user) when set, the transaction
-- and the time.  They run SECURITY DEFINER, as the owner of the
-- extension: the roles whose changes they record hold no privilege on
-- the history but SELECT, under the read capability of the organization.
--
-- Each entry's SHA-256 covers its content and the hash of the entry
-- before it (ims.history_entry_hash), so an entry changed, removed or
-- inserted breaks the chain at that entry, and ims.verify_history names
-- it.  ims.history_chain holds each organization's head: appending
-- updates its row, so the writers of one organization queue there until
-- they commit, and a chain never forks.  No table refers to the
-- organization: the history outlives a deleted organization.
----------------------------------------------------------------------------

CREATE TABLE @extschema@.history (
	org_id bigint NOT NULL,
	seq bigint NOT NULL,
	table_name name NOT NULL,
	operation text NOT NULL,
	row_key jsonb,
	row_before jsonb,
	row_after jsonb,
	role_name name NOT NULL,
	application_user text,
	txid bigint NOT NULL,
	logged_at timestamptz NOT NULL,
	prev_hash text,
	hash text NOT NULL,
	CONSTRAINT history_pkey PRIMARY KEY (org_id, seq),
	CONSTRAINT history_seq_check CHECK (seq > 0),
	CONSTRAINT history_operation_check
		CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE', 'BASELINE', 'PURGE')),
	CONSTRAINT history_hash_check CHECK (hash ~ '^[0-9a-f]{64}$'),
	CONSTRAINT history_prev_hash_check
		CHECK (CASE WHEN seq = 1 THEN prev_hash IS NULL ELSE prev_hash ~ '^[0-9a-f]{64}$' END)
);
COMMENT ON TABLE @extschema@.history IS 'Every change of the records of each organization, one entry per row changed, as a hash chain per organization (ims.verify_history); written by triggers only, never changed';
COMMENT ON COLUMN @extschema@.history.org_id IS 'The organization whose record changed';
COMMENT ON COLUMN @extschema@.history.seq IS 'Position of the entry in the organization''s chain, from 1 without gaps';
COMMENT ON COLUMN @extschema@.history.table_name IS 'Table of the extension whose row changed (history for a PURGE entry)';
COMMENT ON COLUMN @extschema@.history.operation IS 'INSERT, UPDATE, DELETE; BASELINE for a row that existed when the history was attached (an update from 1.1); PURGE for the superuser''s removal of old entries (ims.purge_history)';
COMMENT ON COLUMN @extschema@.history.row_key IS 'Primary key of the row, as a jsonb object (of the row after, or before for a DELETE)';
COMMENT ON COLUMN @extschema@.history.row_before IS 'The row before the change (null for INSERT and BASELINE)';
COMMENT ON COLUMN @extschema@.history.row_after IS 'The row after the change (null for DELETE); for PURGE, what was removed and why';
COMMENT ON COLUMN @extschema@.history.role_name IS 'Database role that made the change (the caller of any SECURITY DEFINER function in between)';
COMMENT ON COLUMN @extschema@.history.application_user IS 'The setting ims.application_user at the time, for an application that logs in with one role for many people; null when not set';
COMMENT ON COLUMN @extschema@.history.txid IS 'Transaction that made the change (pg_current_xact_id)';
COMMENT ON COLUMN @extschema@.history.logged_at IS 'When the change was made (clock time of the statement that wrote the row)';
COMMENT ON COLUMN @extschema@.history.prev_hash IS 'Hash of the entry before it in the chain; null for the first entry';
COMMENT ON COLUMN @extschema@.history.hash IS 'SHA-256, in hexadecimal, of prev_hash and the entry''s content (ims.history_entry_hash)';

CREATE TABLE @extschema@.history_chain (
	org_id bigint NOT NULL,
	last_seq bigint NOT NULL,
	prev_hash text,
	head_hash text NOT NULL,
	CONSTRAINT history_chain_pkey PRIMARY KEY (org_id),
	CONSTRAINT history_chain_last_seq_check CHECK (last_seq > 0),
	CONSTRAINT history_chain_head_hash_check CHECK (head_hash ~ '^[0-9a-f]{64}$')
);
COMMENT ON TABLE @extschema@.history_chain IS 'The head of each organization''s history chain: the last entry and its hash; writers of one organization queue on its row';
COMMENT ON COLUMN @extschema@.history_chain.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.history_chain.last_seq IS 'seq of the last entry of its history';
COMMENT ON COLUMN @extschema@.history_chain.prev_hash IS 'Hash of the entry before the last (null when the last is the first)';
COMMENT ON COLUMN @extschema@.history_chain.head_hash IS 'Hash of the last entry: the head an auditor can hold and compare later (ims.history_head)';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.history', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.history_chain', '');

-- src/history.c
CREATE FUNCTION @extschema@.history_actor() RETURNS name
	AS 'MODULE_PATHNAME', 'history_actor'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.history_actor() IS
'the current role outside any SECURITY DEFINER function: the role a history entry names';

-- The content an entry's hash covers, as one canonical text: a jsonb
-- array (jsonb prints its keys in one order whatever order they were
-- written in) with the time as microseconds since 1970, which neither
-- DateStyle nor TimeZone changes, so a restored entry hashes the same.
-- Every name in it is qualified, and it has no SET clause, so that the
-- planner inlines it into the statements that append and verify.
CREATE FUNCTION @extschema@.history_entry_hash(prev_hash text, org_id bigint, seq bigint, table_name name,
											   operation text, row_key jsonb, row_before jsonb, row_after jsonb,
											   role_name name, application_user text, txid bigint,
											   logged_at timestamptz)
	RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
RETURN pg_catalog.encode(pg_catalog.sha256(
	pg_catalog.decode(coalesce(prev_hash, ''), 'hex')
	OPERATOR(pg_catalog.||) pg_catalog.convert_to(pg_catalog.jsonb_build_array(
		org_id, seq, table_name, operation, row_key, row_before, row_after, role_name, application_user, txid,
		(EXTRACT(epoch FROM logged_at) OPERATOR(pg_catalog.*) 1000000)::bigint)::text, 'UTF8')), 'hex');
COMMENT ON FUNCTION @extschema@.history_entry_hash(text, bigint, bigint, name, text, jsonb, jsonb, jsonb, name, text, bigint, timestamptz) IS
'SHA-256 in hexadecimal of the previous entry''s hash (as bytes) followed by the UTF-8 text of jsonb_build_array(org_id, seq, table_name, operation, row_key, row_before, row_after, role_name, application_user, txid, logged_at in microseconds since 1970)';

-- Appends one entry to an organization's chain.  The UPDATE of the head
-- locks it until the transaction ends: the next writer of the same
-- organization waits there, and then reads the new head (READ COMMITTED
-- reads it again; REPEATABLE READ fails with a serialization error).  Only
-- the trigger below (SECURITY DEFINER), ims.attach_history and
-- ims.purge_history call it, as the owner; it is no definer itself.
CREATE FUNCTION @extschema@.history_append(org_id bigint, table_name name, operation text, row_key jsonb,
										   row_before jsonb, row_after jsonb)
	RETURNS bigint
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	actor name := @extschema@.history_actor();
	app text := NULLIF(pg_catalog.current_setting('ims.application_user', true), '');
	xid bigint := pg_catalog.pg_current_xact_id()::text::bigint;
	at timestamptz := pg_catalog.clock_timestamp();
	s bigint;
	p text;
	h text;
BEGIN
	FOR attempt IN 1..2 LOOP
		-- The chain's row locked first and the hash computed here, not in
		-- the UPDATE: Citus refuses a STABLE function of the row's columns
		-- in an UPDATE of a distributed table (docs/scale-out.md).
		SELECT c.last_seq OPERATOR(pg_catalog.+) 1, c.head_hash INTO s, p
		FROM @extschema@.history_chain c
		WHERE c.org_id OPERATOR(pg_catalog.=) history_append.org_id
		FOR UPDATE;
		IF FOUND THEN
			h := @extschema@.history_entry_hash(p, history_append.org_id, s,
				history_append.table_name, history_append.operation, history_append.row_key,
				history_append.row_before, history_append.row_after, actor, app, xid, at);
			UPDATE @extschema@.history_chain c
			SET last_seq = s, prev_hash = p, head_hash = h
			WHERE c.org_id OPERATOR(pg_catalog.=) history_append.org_id;
		END IF;
		EXIT WHEN FOUND;
		-- the organization's first entry; a concurrent first entry wins, and
		-- the loop appends after it
		INSERT INTO @extschema@.history_chain (org_id, last_seq, prev_hash, head_hash)
		VALUES (history_append.org_id, 1, NULL,
				@extschema@.history_entry_hash(NULL, history_append.org_id, 1, history_append.table_name,
					history_append.operation, history_append.row_key, history_append.row_before,
					history_append.row_after, actor, app, xid, at))
		ON CONFLICT ON CONSTRAINT history_chain_pkey DO NOTHING
		RETURNING history_chain.last_seq, history_chain.prev_hash, history_chain.head_hash INTO s, p, h;
		EXIT WHEN FOUND;
	END LOOP;
	INSERT INTO @extschema@.history (org_id, seq, table_name, operation, row_key, row_before, row_after,
									 role_name, application_user, txid, logged_at, prev_hash, hash)
	VALUES (history_append.org_id, s, history_append.table_name, history_append.operation, history_append.row_key,
			history_append.row_before, history_append.row_after, actor, app, xid, at, p, h);
	RETURN s;
END
$$;
COMMENT ON FUNCTION @extschema@.history_append(bigint, name, text, jsonb, jsonb, jsonb) IS
'appends one entry to the history chain of an organization and returns its seq; for the history triggers and ims.purge_history only';
REVOKE ALL ON FUNCTION @extschema@.history_append(bigint, name, text, jsonb, jsonb, jsonb) FROM PUBLIC;

-- The trigger of every per-organization table.  Its arguments are the
-- columns of the table's primary key.  A restore is not logged: the
-- restored history already holds its rows' entries, and logging them again
-- would append a second history to the first.  A restore is known as the
-- other triggers know it (check_standard_codes, 45_integrity.sql): an
-- insert by a record admin (a superuser, a BYPASSRLS role or the owner of
-- the tables) with row_security off, which pg_dump's output and pg_restore
-- always set; here the admin is the outer user (ims.history_actor), since
-- this function runs as the owner.  An UPDATE that changes nothing is not
-- logged either.
CREATE FUNCTION @extschema@.log_history() RETURNS trigger
	LANGUAGE plpgsql
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	old_row jsonb;
	new_row jsonb;
	key jsonb;
	old_org bigint;
	new_org bigint;
	k text;
BEGIN
	IF TG_TABLE_SCHEMA OPERATOR(pg_catalog.<>) '@extschema@' THEN
		RAISE EXCEPTION 'ims.log_history() writes the history of the tables of schema @extschema@ only'
			USING ERRCODE = 'insufficient_privilege',
				DETAIL = pg_catalog.format('It was called by a trigger of %I.%I.', TG_TABLE_SCHEMA, TG_TABLE_NAME),
				HINT = 'Drop the trigger; ims.attach_history() attaches it to the tables of the extension.';
	END IF;
	IF TG_OP OPERATOR(pg_catalog.=) 'INSERT'
	   AND pg_catalog.current_setting('row_security') OPERATOR(pg_catalog.=) 'off'
	   AND EXISTS (SELECT 1 FROM pg_catalog.pg_roles r, pg_catalog.pg_class c
				   WHERE r.rolname OPERATOR(pg_catalog.=) @extschema@.history_actor()
					 AND c.oid OPERATOR(pg_catalog.=) TG_RELID
					 AND (r.rolsuper OR r.rolbypassrls OR pg_catalog.pg_has_role(r.oid, c.relowner, 'USAGE'))) THEN
		RETURN NULL;
	END IF;
	IF TG_OP OPERATOR(pg_catalog.<>) 'INSERT' THEN
		old_row := pg_catalog.to_jsonb(OLD);
		old_org := (old_row OPERATOR(pg_catalog.->>) 'org_id')::bigint;
	END IF;
	IF TG_OP OPERATOR(pg_catalog.<>) 'DELETE' THEN
		new_row := pg_catalog.to_jsonb(NEW);
		new_org := (new_row OPERATOR(pg_catalog.->>) 'org_id')::bigint;
		IF old_row OPERATOR(pg_catalog.=) new_row THEN
			RETURN NULL;
		END IF;
	END IF;
	key := '{}';
	FOREACH k IN ARRAY TG_ARGV LOOP
		key := key OPERATOR(pg_catalog.||)
			pg_catalog.jsonb_build_object(k, coalesce(new_row, old_row) OPERATOR(pg_catalog.->) k);
	END LOOP;
	PERFORM @extschema@.history_append(coalesce(new_org, old_org), TG_TABLE_NAME, TG_OP, key, old_row, new_row);
	-- a row moved to another organization: its old organization's chain says so too
	IF old_org OPERATOR(pg_catalog.<>) new_org THEN
		PERFORM @extschema@.history_append(old_org, TG_TABLE_NAME, TG_OP, key, old_row, new_row);
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.log_history() IS
'trigger of every per-organization table: appends the change of a row to its organization''s history (not a restore''s inserts: a record admin''s with row_security off)';
-- Nobody else attaches it: a trigger of another table would write the
-- history of any organization as the owner.
REVOKE ALL ON FUNCTION @extschema@.log_history() FROM PUBLIC;

-- The history is never changed: UPDATE, DELETE and TRUNCATE are refused
-- to every role, the owner included.  The one way round is the
-- superuser's ims.purge_history, which appends an entry saying what it
-- removed.  (A superuser can also disable triggers; ims.verify_history
-- then names the entry changed.)
CREATE FUNCTION @extschema@.guard_history() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF pg_catalog.current_setting('ims.history_purge', true) OPERATOR(pg_catalog.=) pg_catalog.pg_current_xact_id()::text
	   AND TG_OP OPERATOR(pg_catalog.<>) 'TRUNCATE'
	   AND (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) @extschema@.history_actor()) THEN
		RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	-- the head of the chain moves as entries are appended: by ims.history_append
	-- called by a trigger (the WHEN of history_chain_guard lets those
	-- through), or by ims.attach_history and ims.purge_history, which say so
	IF TG_TABLE_NAME OPERATOR(pg_catalog.=) 'history_chain' AND TG_OP OPERATOR(pg_catalog.=) 'UPDATE'
	   AND pg_catalog.current_setting('ims.history_append', true) OPERATOR(pg_catalog.=) pg_catalog.pg_current_xact_id()::text THEN
		RETURN NEW;
	END IF;
	RAISE EXCEPTION 'the history of the record cannot be changed'
		USING ERRCODE = 'insufficient_privilege',
			DETAIL = pg_catalog.format('%s of %I.%I is refused to every role, role %s included.',
									   TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME, @extschema@.history_actor()),
			HINT = 'Entries are only appended; a superuser removes old entries with ims.purge_history(), which leaves an entry of its own.';
END
$$;
COMMENT ON FUNCTION @extschema@.guard_history() IS
'trigger: refuses UPDATE, DELETE and TRUNCATE of the history and its chain heads, except the deletions of ims.purge_history';
CREATE TRIGGER history_guard BEFORE UPDATE OR DELETE ON @extschema@.history
	FOR EACH ROW EXECUTE FUNCTION @extschema@.guard_history();
CREATE TRIGGER history_guard_truncate BEFORE TRUNCATE ON @extschema@.history
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.guard_history();
-- An UPDATE of a head from a history trigger (WHEN sees the depth of that
-- trigger, 1) passes without calling the function: that is every append.
CREATE TRIGGER history_chain_guard BEFORE UPDATE ON @extschema@.history_chain
	FOR EACH ROW WHEN (pg_catalog.pg_trigger_depth() OPERATOR(pg_catalog.<) 1)
	EXECUTE FUNCTION @extschema@.guard_history();
CREATE TRIGGER history_chain_guard_delete BEFORE DELETE ON @extschema@.history_chain
	FOR EACH ROW EXECUTE FUNCTION @extschema@.guard_history();
CREATE TRIGGER history_chain_guard_truncate BEFORE TRUNCATE ON @extschema@.history_chain
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.guard_history();

-- Attaches the history trigger to every table of the extension with an
-- org_id column that has none yet (the history's own tables excepted);
-- returns how many it attached.  With baseline, it appends a BASELINE
-- entry for every row those tables already hold (an update from a
-- version without history).  The install calls it once every table
-- exists (97_history_attach.sql), and so does the end of each update.
CREATE FUNCTION @extschema@.attach_history(baseline boolean DEFAULT false) RETURNS integer
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t record;
	r record;
	n integer := 0;
BEGIN
	FOR t IN
		SELECT c.oid::regclass AS rel, c.relname,
			   ARRAY(SELECT a.attname::text
					 FROM pg_catalog.pg_index i
					 CROSS JOIN LATERAL pg_catalog.unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
					 JOIN pg_catalog.pg_attribute a
					   ON a.attrelid OPERATOR(pg_catalog.=) i.indrelid AND a.attnum OPERATOR(pg_catalog.=) k.attnum
					 WHERE i.indrelid OPERATOR(pg_catalog.=) c.oid AND i.indisprimary
					 ORDER BY k.ord) AS pk
		FROM pg_catalog.pg_class c
		WHERE c.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::regnamespace
		  AND c.relkind OPERATOR(pg_catalog.=) 'r'
		  AND c.relname NOT IN ('history', 'history_chain')
		  AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
					  WHERE a.attrelid OPERATOR(pg_catalog.=) c.oid AND a.attname OPERATOR(pg_catalog.=) 'org_id'
						AND NOT a.attisdropped)
		  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger g
						  WHERE g.tgrelid OPERATOR(pg_catalog.=) c.oid AND g.tgname OPERATOR(pg_catalog.=) 'history_log')
		ORDER BY c.relname
	LOOP
		EXECUTE pg_catalog.format(
			'CREATE TRIGGER history_log AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION %I.log_history(%s)',
			t.rel, '@extschema@',
			(SELECT pg_catalog.string_agg(pg_catalog.quote_literal(x), ', ') FROM pg_catalog.unnest(t.pk) AS x));
		IF baseline THEN
			PERFORM pg_catalog.set_config('ims.history_append', pg_catalog.pg_current_xact_id()::text, true);
			FOR r IN EXECUTE pg_catalog.format('SELECT pg_catalog.to_jsonb(x) AS j FROM %s x ORDER BY 1', t.rel) LOOP
				PERFORM @extschema@.history_append((r.j OPERATOR(pg_catalog.->>) 'org_id')::bigint, t.relname, 'BASELINE',
					(SELECT pg_catalog.jsonb_object_agg(x, r.j OPERATOR(pg_catalog.->) x) FROM pg_catalog.unnest(t.pk) AS x),
					NULL, r.j);
			END LOOP;
			PERFORM pg_catalog.set_config('ims.history_append', '', true);
		END IF;
		n := n OPERATOR(pg_catalog.+) 1;
	END LOOP;
	RETURN n;
END
$$;
COMMENT ON FUNCTION @extschema@.attach_history(boolean) IS
'attaches the history trigger to every per-organization table of the extension that has none (with baseline, appends a BASELINE entry for each of their rows); returns how many tables it attached';
REVOKE ALL ON FUNCTION @extschema@.attach_history(boolean) FROM PUBLIC;

-- Recomputes the chains of organizations org_ids, entry by entry in one
-- pass, and names the first entry of each that does not hold: its hash is
-- not the hash of its content, its prev_hash is not the hash of the entry
-- before, an entry before it is missing, or the chain head names another
-- last entry.  One row per organization of org_ids, first_invalid null
-- when its chain holds.  One SQL query, inlined where it is read, so that
-- rule HIS001 and ims.verify_history share it and Citus runs it on the
-- organization's shard: every table is filtered by org_ids itself.
CREATE FUNCTION @extschema@.history_check(org_ids bigint[])
	RETURNS TABLE (org_id bigint, entries bigint, first_invalid bigint, problem text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT o.org_id, n.entries,
		   CASE
		   WHEN e.seq IS NOT NULL THEN e.seq
		   WHEN c.last_seq IS NULL AND n.last_seq IS NOT NULL THEN n.last_seq
		   WHEN c.last_seq IS NOT NULL AND n.last_seq IS NULL THEN 1
		   WHEN c.last_seq > n.last_seq THEN n.last_seq + 1
		   WHEN c.last_seq < n.last_seq THEN c.last_seq + 1
		   WHEN c.head_hash <> l.hash THEN n.last_seq
		   END,
		   CASE
		   WHEN e.seq IS NOT NULL THEN e.problem
		   WHEN c.last_seq IS NULL AND n.last_seq IS NOT NULL THEN 'the chain has no head'
		   WHEN c.last_seq IS NOT NULL AND n.last_seq IS NULL THEN format('entries 1 to %s are missing', c.last_seq)
		   WHEN c.last_seq > n.last_seq THEN
				CASE WHEN c.last_seq = n.last_seq + 1 THEN 'the last entry is missing'
				ELSE format('entries %s to %s, the last, are missing', n.last_seq + 1, c.last_seq) END
		   WHEN c.last_seq < n.last_seq THEN format('the entry is beyond the chain head, entry %s', c.last_seq)
		   WHEN c.head_hash <> l.hash THEN 'its hash is not the head of the chain'
		   END
	FROM @extschema@.organization o
	CROSS JOIN LATERAL (
		SELECT count(*) AS entries, max(h.seq) AS last_seq
		FROM @extschema@.history h
		WHERE h.org_id = o.org_id AND h.org_id = ANY (org_ids)) n
	LEFT JOIN LATERAL (
		SELECT x.seq, x.problem
		FROM (SELECT h.seq,
					 CASE
					 WHEN h.hash <> @extschema@.history_entry_hash(h.prev_hash, h.org_id, h.seq,
							h.table_name, h.operation, h.row_key, h.row_before, h.row_after, h.role_name,
							h.application_user, h.txid, h.logged_at)
						THEN 'its content does not match its hash'
					 WHEN lag(h.seq) OVER w IS NULL AND h.seq > 1 AND NOT EXISTS (
							SELECT 1 FROM @extschema@.history p
							WHERE p.org_id = h.org_id AND p.org_id = ANY (org_ids) AND p.operation = 'PURGE'
							  AND (p.row_after ->> 'through_seq')::bigint = h.seq - 1
							  AND p.row_after ->> 'through_hash' = h.prev_hash)
						THEN format('entries 1 to %s are missing, and no purge removed them', h.seq - 1)
					 WHEN lag(h.seq) OVER w <> h.seq - 1
						THEN CASE WHEN lag(h.seq) OVER w = h.seq - 2
							 THEN format('entry %s before it is missing', h.seq - 1)
							 ELSE format('entries %s to %s before it are missing', lag(h.seq) OVER w + 1, h.seq - 1) END
					 WHEN h.prev_hash IS DISTINCT FROM lag(h.hash) OVER w AND lag(h.seq) OVER w IS NOT NULL
						THEN format('its prev_hash is not the hash of entry %s', lag(h.seq) OVER w)
					 END AS problem
			  FROM @extschema@.history h
			  WHERE h.org_id = o.org_id AND h.org_id = ANY (org_ids)
			  WINDOW w AS (ORDER BY h.seq)) x
		WHERE x.problem IS NOT NULL
		ORDER BY x.seq
		LIMIT 1) e ON true
	LEFT JOIN @extschema@.history_chain c ON c.org_id = o.org_id AND c.org_id = ANY (org_ids)
	LEFT JOIN @extschema@.history l ON l.org_id = o.org_id AND l.org_id = ANY (org_ids) AND l.seq = n.last_seq
	WHERE o.org_id = ANY (org_ids);
END;
COMMENT ON FUNCTION @extschema@.history_check(bigint[]) IS
'recomputes the history chains of the organizations org_ids: per organization, how many entries it has and the first entry that does not hold, with the reason (null when the chain holds); reads only the rows the caller may read; ims.verify_history is the checked call for one organization';

-- One organization's chain, for anyone with read on it: ims.history_check
-- of that organization alone.  An organization without entries or head
-- (or none of that id) has a chain of no entries, which holds.
CREATE FUNCTION @extschema@.verify_history(org_id bigint, OUT entries bigint, OUT valid boolean,
										   OUT first_invalid bigint, OUT problem text)
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM @extschema@.require_org_access(verify_history.org_id, 'read');
	SELECT c.entries, c.first_invalid, c.problem INTO entries, first_invalid, problem
	FROM @extschema@.history_check(ARRAY[verify_history.org_id]) c;
	entries := coalesce(entries, 0);
	valid := first_invalid IS NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.verify_history(bigint) IS
'recomputes the history chain of an organization: how many entries it has, whether it holds, and the first entry that does not, with the reason; needs read on the organization';

CREATE FUNCTION @extschema@.history_head(org_id bigint) RETURNS text
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM @extschema@.require_org_access(history_head.org_id, 'read');
	RETURN (SELECT pg_catalog.format('%s:%s', c.last_seq, c.head_hash) FROM @extschema@.history_chain c
			WHERE c.org_id OPERATOR(pg_catalog.=) history_head.org_id);
END
$$;
COMMENT ON FUNCTION @extschema@.history_head(bigint) IS
'the head of an organization''s history chain as seq:hash (null before its first entry), for an auditor to hold and compare with ims.verify_history later; needs read on the organization';

-- The superuser's one way to remove entries (docs/history.md): every
-- entry of one organization logged before a time, in one piece from the
-- first.  It appends a PURGE entry naming the last entry removed, its hash
-- and the reason, and ims.verify_history checks the remaining chain from
-- there.
CREATE FUNCTION @extschema@.purge_history(org_id bigint, before timestamptz, reason text) RETURNS bigint
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	through record;
	removed bigint;
BEGIN
	IF NOT (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) CURRENT_USER) THEN
		RAISE EXCEPTION 'permission denied to purge the history of organization %', org_id
			USING ERRCODE = 'insufficient_privilege',
				DETAIL = 'Only a superuser may remove history entries.',
				HINT = 'Entries are kept; ask the administrator of the database.';
	END IF;
	IF reason IS NULL OR pg_catalog.btrim(reason) OPERATOR(pg_catalog.=) '' OR before IS NULL THEN
		RAISE EXCEPTION 'a purge of the history needs a time and a reason'
			USING ERRCODE = 'null_value_not_allowed',
				HINT = 'Pass the time before which entries go, and why (a retention period, say).';
	END IF;
	-- the last entry to remove: the entries before it go with it
	SELECT h.seq, h.hash INTO through FROM @extschema@.history h
	WHERE h.org_id OPERATOR(pg_catalog.=) purge_history.org_id AND h.logged_at OPERATOR(pg_catalog.<) before
	ORDER BY h.seq DESC LIMIT 1;
	IF through.seq IS NULL THEN
		RETURN 0;
	END IF;
	PERFORM pg_catalog.set_config('ims.history_purge', pg_catalog.pg_current_xact_id()::text, true);
	PERFORM pg_catalog.set_config('ims.history_append', pg_catalog.pg_current_xact_id()::text, true);
	DELETE FROM @extschema@.history h
	WHERE h.org_id OPERATOR(pg_catalog.=) purge_history.org_id AND h.seq OPERATOR(pg_catalog.<=) through.seq;
	GET DIAGNOSTICS removed = ROW_COUNT;
	PERFORM @extschema@.history_append(purge_history.org_id, 'history', 'PURGE', NULL, NULL,
		pg_catalog.jsonb_build_object('reason', reason, 'before', before, 'entries', removed,
									  'through_seq', through.seq, 'through_hash', through.hash));
	PERFORM pg_catalog.set_config('ims.history_purge', '', true);
	PERFORM pg_catalog.set_config('ims.history_append', '', true);
	RETURN removed;
END
$$;
COMMENT ON FUNCTION @extschema@.purge_history(bigint, timestamptz, text) IS
'superuser only: removes an organization''s history entries logged before a time and appends a PURGE entry with the reason, the count and the hash of the last entry removed; returns how many it removed';
REVOKE ALL ON FUNCTION @extschema@.purge_history(bigint, timestamptz, text) FROM PUBLIC;

----------------------------------------------------------------------------
-- The record as it was: what the register said on the day of the audit
----------------------------------------------------------------------------

-- Each row of an organization's tables as it stood at a time: the last
-- entry of its key logged at or before then, unless that entry deleted
-- it.  Rows older than the history (a database updated from 1.1 before
-- its BASELINE entries) are not known before they were attached.
CREATE FUNCTION @extschema@.record_as_of(org_id bigint, at timestamptz)
	RETURNS TABLE (table_name name, row_key jsonb, row_data jsonb)
	LANGUAGE sql STABLE
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT l.table_name, l.row_key, l.row_after
	FROM (SELECT DISTINCT ON (h.table_name, h.row_key) h.table_name, h.row_key, h.row_after, h.operation
		  FROM @extschema@.history h
		  WHERE h.org_id OPERATOR(pg_catalog.=) record_as_of.org_id
			AND h.logged_at OPERATOR(pg_catalog.<=) record_as_of.at
			AND h.operation OPERATOR(pg_catalog.<>) 'PURGE'
		  ORDER BY h.table_name, h.row_key, h.seq DESC) l
	WHERE l.operation OPERATOR(pg_catalog.<>) 'DELETE'
	ORDER BY l.table_name, l.row_key;
END;
COMMENT ON FUNCTION @extschema@.record_as_of(bigint, timestamptz) IS
'every row of an organization''s record as it stood at a time, from the history: table, primary key and the row as jsonb; under the history''s row-level security';

CREATE FUNCTION @extschema@.risks_as_of(org_id bigint, at timestamptz)
	RETURNS SETOF @extschema@.risk
	LANGUAGE sql STABLE
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT (pg_catalog.jsonb_populate_record(NULL::@extschema@.risk, r.row_data)).*
	FROM @extschema@.record_as_of(risks_as_of.org_id, risks_as_of.at) r
	WHERE r.table_name OPERATOR(pg_catalog.=) 'risk'
	ORDER BY (r.row_data OPERATOR(pg_catalog.->>) 'risk_id')::bigint;
END;
COMMENT ON FUNCTION @extschema@.risks_as_of(bigint, timestamptz) IS
'the risk register of an organization as it stood at a time (from the history), with the columns of ims.risk';

-- The entries of the version of the SoA that was approved at the time
-- (none before the first approval).
CREATE FUNCTION @extschema@.soa_as_of(org_id bigint, at timestamptz)
	RETURNS TABLE (version integer, approved_by text, standard text, control_id text, applicability text,
				   justification text, implementation text, owner text)
	LANGUAGE sql STABLE
	SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH r AS (SELECT * FROM @extschema@.record_as_of(soa_as_of.org_id, soa_as_of.at)),
	approved AS (
		SELECT (r.row_data OPERATOR(pg_catalog.->>) 'soa_id')::bigint AS soa_id,
			   (r.row_data OPERATOR(pg_catalog.->>) 'version')::integer AS version,
			   r.row_data OPERATOR(pg_catalog.->>) 'approved_by' AS approved_by
		FROM r
		WHERE r.table_name OPERATOR(pg_catalog.=) 'soa'
		  AND r.row_data OPERATOR(pg_catalog.->>) 'status' OPERATOR(pg_catalog.=) 'approved')
	SELECT a.version, a.approved_by, e.row_data OPERATOR(pg_catalog.->>) 'standard',
		   e.row_data OPERATOR(pg_catalog.->>) 'control_id', e.row_data OPERATOR(pg_catalog.->>) 'applicability',
		   e.row_data OPERATOR(pg_catalog.->>) 'justification', e.row_data OPERATOR(pg_catalog.->>) 'implementation',
		   e.row_data OPERATOR(pg_catalog.->>) 'owner'
	FROM approved a
	JOIN r e ON e.table_name OPERATOR(pg_catalog.=) 'soa_entry'
			AND (e.row_data OPERATOR(pg_catalog.->>) 'soa_id')::bigint OPERATOR(pg_catalog.=) a.soa_id
	ORDER BY 3, 4;
END;
COMMENT ON FUNCTION @extschema@.soa_as_of(bigint, timestamptz) IS
'the entries of the Statement of Applicability that was approved at a time (from the history): version, approver and each control''s decision';

-- What changed between two versions of the SoA, entry by entry: a control
-- added or removed, or each of its columns that differs.
CREATE FUNCTION @extschema@.soa_diff(org_id bigint, from_version integer, to_version integer)
	RETURNS TABLE (standard text, control_id text, change text, field text, from_value text, to_value text)
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	from_id bigint;
	to_id bigint;
BEGIN
	PERFORM @extschema@.require_org_access(soa_diff.org_id, 'read');
	SELECT s.soa_id INTO from_id FROM @extschema@.soa s
	WHERE s.org_id OPERATOR(pg_catalog.=) soa_diff.org_id AND s.version OPERATOR(pg_catalog.=) from_version;
	SELECT s.soa_id INTO to_id FROM @extschema@.soa s
	WHERE s.org_id OPERATOR(pg_catalog.=) soa_diff.org_id AND s.version OPERATOR(pg_catalog.=) to_version;
	IF from_id IS NULL OR to_id IS NULL THEN
		RAISE EXCEPTION 'organization % has no version % of the Statement of Applicability',
				soa_diff.org_id, CASE WHEN from_id IS NULL THEN from_version ELSE to_version END
			USING ERRCODE = 'undefined_object',
				HINT = 'ims.soa lists the versions of the organization.';
	END IF;
	RETURN QUERY
	WITH a AS (SELECT * FROM @extschema@.soa_entry e
			   WHERE e.org_id OPERATOR(pg_catalog.=) soa_diff.org_id AND e.soa_id OPERATOR(pg_catalog.=) from_id),
	b AS (SELECT * FROM @extschema@.soa_entry e
		  WHERE e.org_id OPERATOR(pg_catalog.=) soa_diff.org_id AND e.soa_id OPERATOR(pg_catalog.=) to_id)
	SELECT coalesce(a.standard, b.standard), coalesce(a.control_id, b.control_id),
		   CASE WHEN a.control_id IS NULL THEN 'added' WHEN b.control_id IS NULL THEN 'removed' ELSE 'changed' END,
		   f.field, f.from_value, f.to_value
	FROM a FULL JOIN b ON a.standard OPERATOR(pg_catalog.=) b.standard AND a.control_id OPERATOR(pg_catalog.=) b.control_id
	CROSS JOIN LATERAL (VALUES (1, 'applicability', a.applicability::text, b.applicability::text),
							   (2, 'justification', a.justification, b.justification),
							   (3, 'implementation', a.implementation, b.implementation),
							   (4, 'owner', a.owner, b.owner)) AS f(n, field, from_value, to_value)
	WHERE f.from_value IS DISTINCT FROM f.to_value
	ORDER BY 1, 2, f.n;
END
$$;
COMMENT ON FUNCTION @extschema@.soa_diff(bigint, integer, integer) IS
'what changed between two versions of an organization''s Statement of Applicability: one row per control added, removed or changed and per field that differs, with the value in each version';
