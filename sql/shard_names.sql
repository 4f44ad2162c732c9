-- Under Citus, error messages lose the shard ids of the names they quote
-- (src/shard_names.c).  The filter acts where the GUC citus.version
-- exists; on this server, without Citus, a placeholder of that name stands
-- in for it.  The shards' names are made by hand: a table and its
-- constraint named as Citus names a shard's.
LOAD 'pg_ims';
CREATE TABLE shard_names_102036 (id int CONSTRAINT shard_names_pkey_102036 PRIMARY KEY, label text);
INSERT INTO shard_names_102036 VALUES (1, 'plan_202612');
-- without Citus, messages stay as they are
INSERT INTO shard_names_102036 VALUES (1, 'again');
SET citus.version = 'placeholder';
-- the quoted names lose their shard ids: message, detail and context
INSERT INTO shard_names_102036 VALUES (1, 'again');
INSERT INTO shard_names_102036 VALUES (NULL, 'no id');
DO $$ BEGIN RAISE EXCEPTION 'relation "ims.risk_102040" is locked' USING DETAIL = 'Shard "risk_102040" on node 2.', HINT = 'See "organization_pkey_102036".'; END $$;
-- values are not quoted names, and stay: the key, a label, short numbers
ALTER TABLE shard_names_102036 ADD CONSTRAINT shard_names_label_key UNIQUE (label);
INSERT INTO shard_names_102036 VALUES (2, 'plan_202612');
DO $$ BEGIN RAISE EXCEPTION 'name "plan_12345" and "x__123456" and "_123456" keep their digits'; END $$;
RESET citus.version;
DROP TABLE shard_names_102036;
