--
-- history: the history of the record (36_history.sql, docs/history.md).
-- Every per-organization table writes it; no member can change it; an
-- entry changed, removed or inserted by a role that can bypass the
-- triggers is named by verify_history; documents and evidence under
-- control; the record as it was; the diff of two SoA versions.
--
SET search_path = public, ims;

-- every table of the extension with an org_id column has the history
-- trigger, the history's own two excepted: a table added without it (a
-- part after 97_history_attach.sql, or an update that does not call
-- attach_history) shows here
SELECT c.relname AS without_history
FROM pg_class c
WHERE c.relnamespace = 'ims'::regnamespace AND c.relkind IN ('r', 'p')
  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped)
  AND c.relname NOT IN ('history', 'history_chain')
  AND NOT EXISTS (SELECT 1 FROM pg_trigger t
                  WHERE t.tgrelid = c.oid AND t.tgname = 'history_log' AND t.tgenabled = 'O'
                    AND t.tgfoid = 'ims.log_history'::regproc
                    AND t.tgtype & 1 = 1        -- FOR EACH ROW
                    AND t.tgtype & 28 = 28)     -- INSERT, DELETE and UPDATE
ORDER BY 1;
-- the trigger's arguments are the table's primary key
SELECT c.relname
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
WHERE t.tgname = 'history_log' AND t.tgnargs <> i.indnkeyatts;
-- the trigger function belongs to the owner of the extension and runs as
-- it; history_append, which it calls, runs as its caller, and only the
-- owner may call either
SELECT p.proname, p.prosecdef, pg_get_userbyid(p.proowner) = pg_get_userbyid(e.extowner) AS extension_owner,
       has_function_privilege('public', p.oid, 'EXECUTE') AS public_execute
FROM pg_proc p, pg_extension e
WHERE e.extname = 'pg_ims' AND p.proname IN ('log_history', 'history_append')
ORDER BY 1;

CREATE ROLE regress_pg_ims_hist_editor;
CREATE ROLE regress_pg_ims_hist_reader;
CREATE ROLE regress_pg_ims_hist_outsider;
SELECT create_organization('Chain GmbH') AS org \gset
SELECT create_organization('Other GmbH') AS other \gset
SELECT grant_access(:org, 'regress_pg_ims_hist_editor', 'edit');
SELECT grant_access(:org, 'regress_pg_ims_hist_reader', 'read');
SELECT grant_access(:other, 'regress_pg_ims_hist_outsider', 'edit');
INSERT INTO risk (org_id, title, risk_type, likelihood, impact) VALUES (:org, 'Leak of customer data', 'confidentiality', 2, 3)
RETURNING risk_id AS risk \gset
INSERT INTO risk (org_id, title, risk_type, likelihood, impact) VALUES (:other, 'Outage', 'availability', 2, 2);

-- the owner of the tables changes a risk's rating directly in SQL: the
-- history shows it, with the role and the application user
SET ims.application_user = 'dana@chain.example';
UPDATE risk SET likelihood = 4 WHERE org_id = :org AND risk_id = :risk;
RESET ims.application_user;
SELECT seq, table_name, operation, row_key, role_name = current_user AS by_owner, application_user,
       row_before ->> 'likelihood' AS likelihood_before, row_after ->> 'likelihood' AS likelihood_after,
       txid = pg_current_xact_id()::text::bigint AS this_transaction
FROM history WHERE org_id = :org ORDER BY seq;
-- an UPDATE that changes nothing is not a change
UPDATE risk SET likelihood = 4 WHERE org_id = :org AND risk_id = :risk;
SELECT count(*) AS entries FROM history WHERE org_id = :org;
-- each organization has its own chain
SELECT org_id = :org AS chain_gmbh, count(*), min(seq), max(seq) FROM history
WHERE org_id IN (:org, :other) GROUP BY 1 ORDER BY 1;
SELECT * FROM verify_history(:org);
SELECT history_head(:org) = (SELECT seq || ':' || hash FROM history WHERE org_id = :org AND seq = 5) AS head;

-- a member's changes are logged under the member's role, through a
-- SECURITY DEFINER function too (the role that called it)
SET SESSION AUTHORIZATION regress_pg_ims_hist_editor;
UPDATE risk SET treatment = 'mitigate', owner = 'Dana' WHERE risk_id = :risk;
SELECT init_soa(:org) > 0 AS draft;
DELETE FROM risk WHERE risk_id = :risk;
SELECT operation, table_name, count(*), min(role_name) AS role_name
FROM history WHERE seq > 5 GROUP BY 1, 2 ORDER BY 1, 2;
-- the member reads the history of its organization, and nothing else
SELECT DISTINCT org_id = :org AS own FROM history;
SELECT count(*) AS chain_heads FROM history_chain;
-- and can change it in no way
UPDATE history SET role_name = 'someone' WHERE org_id = :org;
DELETE FROM history WHERE org_id = :org;
INSERT INTO history SELECT * FROM history WHERE org_id = :org AND seq = 1;
TRUNCATE history;
UPDATE history_chain SET last_seq = 1;
DELETE FROM history_chain;
SELECT history_append(:org, 'risk', 'INSERT', NULL, NULL, '{}');
COPY risk (org_id, title, risk_type) FROM stdin;
1	Copied	integrity
\.
-- nor skip it: the trigger is not its to disable
ALTER TABLE risk DISABLE TRIGGER history_log;
SET session_replication_role = replica;
RESET SESSION AUTHORIZATION;

-- nor write it through a trigger of its own
CREATE TABLE history_fake (org_id bigint, risk_id bigint);
ALTER TABLE history_fake OWNER TO regress_pg_ims_hist_editor;
SET SESSION AUTHORIZATION regress_pg_ims_hist_editor;
CREATE TRIGGER history_log AFTER INSERT ON history_fake FOR EACH ROW EXECUTE FUNCTION ims.log_history('org_id');
RESET SESSION AUTHORIZATION;
-- and a superuser's such trigger writes nothing either
CREATE TRIGGER history_log AFTER INSERT ON history_fake FOR EACH ROW EXECUTE FUNCTION ims.log_history('org_id');
INSERT INTO history_fake VALUES (:org, 1);
DROP TABLE history_fake;

-- a reader verifies the chain and reads the head; an outsider neither
SET SESSION AUTHORIZATION regress_pg_ims_hist_reader;
SELECT * FROM verify_history(:org);
SELECT count(*) AS readable FROM history;
SELECT history_head(:other);
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION regress_pg_ims_hist_outsider;
SELECT * FROM verify_history(:org);
SELECT count(*) AS readable FROM history WHERE org_id = :org;
RESET SESSION AUTHORIZATION;

-- the owner is refused too, by the guard
UPDATE history SET role_name = 'someone' WHERE org_id = :org AND seq = 2;
DELETE FROM history WHERE org_id = :org AND seq = 2;
TRUNCATE history;
UPDATE history_chain SET last_seq = 1 WHERE org_id = :org;
DELETE FROM history_chain WHERE org_id = :org;

-- a superuser who disables the triggers can change the history; the
-- chain then names the entry, whatever was changed
CREATE FUNCTION history_tampered(stmt text, OUT valid boolean, OUT first_invalid bigint, OUT problem text)
LANGUAGE plpgsql AS $$
BEGIN
	-- run the change and verify, then roll the change back, so that each
	-- case starts from a valid chain (the variables keep their values)
	BEGIN
		SET LOCAL session_replication_role = replica;
		EXECUTE stmt;
		SET LOCAL session_replication_role = origin;
		SELECT v.valid, v.first_invalid, v.problem INTO valid, first_invalid, problem
		FROM ims.verify_history(current_setting('regress.org')::bigint) v;
		RAISE EXCEPTION 'undo';
	EXCEPTION WHEN raise_exception THEN
		NULL;
	END;
END
$$;
SELECT set_config('regress.org', :'org', false) IS NOT NULL AS set;
CREATE TEMP TABLE tamper_case (n int, stmt text);
INSERT INTO tamper_case VALUES
 (1, 'UPDATE ims.history SET row_after = jsonb_set(row_after, ''{likelihood}'', ''2'') WHERE org_id = ' || :org || ' AND seq = 5'),
 (2, 'UPDATE ims.history SET role_name = ''someone'' WHERE org_id = ' || :org || ' AND seq = 3'),
 (3, 'UPDATE ims.history SET application_user = NULL WHERE org_id = ' || :org || ' AND seq = 5'),
 (4, 'UPDATE ims.history SET logged_at = logged_at - interval ''1 day'' WHERE org_id = ' || :org || ' AND seq = 2'),
 (5, 'DELETE FROM ims.history WHERE org_id = ' || :org || ' AND seq = 5'),
 (6, 'DELETE FROM ims.history WHERE org_id = ' || :org || ' AND seq IN (5, 6)'),
 (7, 'DELETE FROM ims.history WHERE org_id = ' || :org || ' AND seq <= 3'),
 (8, 'DELETE FROM ims.history WHERE org_id = ' || :org || ' AND seq = (SELECT max(seq) FROM ims.history WHERE org_id = ' || :org || ')'),
 (9, 'INSERT INTO ims.history SELECT org_id, seq + 1, table_name, operation, row_key, row_before, row_after, role_name, application_user, txid, logged_at, hash, hash FROM ims.history WHERE org_id = ' || :org || ' AND seq = (SELECT max(seq) FROM ims.history WHERE org_id = ' || :org || ')'),
 -- a rewritten entry with a recomputed hash still breaks the next one
 (10, 'UPDATE ims.history h SET row_after = jsonb_set(row_after, ''{likelihood}'', ''2''), hash = ims.history_entry_hash(prev_hash, org_id, seq, table_name, operation, row_key, row_before, jsonb_set(row_after, ''{likelihood}'', ''2''), role_name, application_user, txid, logged_at) WHERE org_id = ' || :org || ' AND seq = 5'),
 (11, 'UPDATE ims.history_chain SET head_hash = repeat(''0'', 64) WHERE org_id = ' || :org),
 -- an entry appended with a correct hash, but not through the chain head
 (12, 'INSERT INTO ims.history SELECT org_id, seq + 1, table_name, operation, row_key, row_before, row_after, role_name, application_user, txid, logged_at, hash, ims.history_entry_hash(hash, org_id, seq + 1, table_name, operation, row_key, row_before, row_after, role_name, application_user, txid, logged_at) FROM ims.history WHERE org_id = ' || :org || ' AND seq = (SELECT max(seq) FROM ims.history WHERE org_id = ' || :org || ')');
SELECT c.n, t.* FROM tamper_case c, history_tampered(c.stmt) t ORDER BY c.n;
SELECT * FROM verify_history(:org);
DROP FUNCTION history_tampered(text);

-- a restore's rows are not logged (the restored history holds their
-- entries): a record admin's COPY with row_security off, as pg_dump's
-- output and pg_restore write them; a member cannot COPY into a table under
-- row-level security
SET row_security = off;
SELECT format('COPY ims.risk (org_id, risk_id, title, risk_type) FROM PROGRAM %L',
              format('printf ''%s\t900\tCopied\tintegrity\n''', :org)) \gexec
RESET row_security;
SELECT count(*) AS logged FROM history WHERE row_key ->> 'risk_id' = '900';
DELETE FROM risk WHERE risk_id = 900;
SELECT operation, row_key FROM history WHERE row_key ->> 'risk_id' = '900';
-- the same COPY by the owner outside a restore (row_security on) is logged
SELECT format('COPY ims.risk (org_id, risk_id, title, risk_type) FROM PROGRAM %L',
              format('printf ''%s\t901\tLoaded\tintegrity\n''', :org)) \gexec
SELECT operation, row_key FROM history WHERE row_key ->> 'risk_id' = '901';
DELETE FROM risk WHERE risk_id = 901;

-- the superuser's maintenance path removes old entries and leaves an entry
-- saying so; the chain verifies from there
SET SESSION AUTHORIZATION regress_pg_ims_hist_editor;
SELECT purge_history(:org, now(), 'retention');
RESET SESSION AUTHORIZATION;
SELECT purge_history(:org, now(), '  ');
SELECT purge_history(:org, NULL, 'retention');
SELECT purge_history(:org, '2000-01-01', 'retention') AS nothing_before_2000;
SELECT max(seq) AS last_before_purge FROM history WHERE org_id = :other \gset
SELECT purge_history(:other, clock_timestamp(), 'retention of 3 years ended') = :last_before_purge AS purged_all;
SELECT seq, operation, table_name, row_after - 'before' - 'through_hash' AS purge,
       row_after ->> 'through_hash' ~ '^[0-9a-f]{64}$' AS through_hash, role_name = current_user AS by_superuser
FROM history WHERE org_id = :other;
SELECT * FROM verify_history(:other);
INSERT INTO risk (org_id, title, risk_type) VALUES (:other, 'Fire', 'availability');
SELECT * FROM verify_history(:other);
-- removing the purge entry itself shows
BEGIN;
SET LOCAL session_replication_role = replica;
DELETE FROM history WHERE org_id = :other AND operation = 'PURGE';
SELECT first_invalid = :last_before_purge + 2 AS after_purge, problem FROM verify_history(:other);
ROLLBACK;

-- errors
SELECT * FROM verify_history(NULL);
SELECT * FROM verify_history(999999);
SELECT history_head(999999);

----------------------------------------------------------------------------
-- What the register said on the day: record_as_of, risks_as_of,
-- soa_as_of; and soa_diff between two versions
----------------------------------------------------------------------------
SELECT create_organization('Asof GmbH') AS asof \gset
INSERT INTO risk (org_id, title, risk_type, likelihood, impact) VALUES (:asof, 'Leak', 'confidentiality', 2, 3)
RETURNING risk_id AS r1 \gset
INSERT INTO risk (org_id, title, risk_type, likelihood, impact) VALUES (:asof, 'Bias', 'fairness', 3, 3)
RETURNING risk_id AS r2 \gset
SELECT init_soa(:asof) AS soa1 \gset
UPDATE soa_entry SET applicability = 'applicable(risk)', implementation = 'implemented', owner = 'Dana'
WHERE org_id = :asof AND soa_id = :soa1;
UPDATE soa_entry SET applicability = 'not_applicable', justification = 'No development'
WHERE org_id = :asof AND soa_id = :soa1 AND standard = 'iso27001:2022' AND control_id = 'A.8.25';
SELECT approve_soa(:asof, 'Board') ~ '^[0-9a-f]{64}$' AS approved;
SELECT clock_timestamp() AS audit_day \gset
UPDATE risk SET likelihood = 5 WHERE org_id = :asof AND risk_id = :r1;
DELETE FROM risk WHERE org_id = :asof AND risk_id = :r2;
INSERT INTO risk (org_id, title, risk_type) VALUES (:asof, 'Outage', 'availability');
SELECT init_soa(:asof) AS soa2 \gset
UPDATE soa_entry SET applicability = 'applicable(risk,legal)', justification = 'Contract'
WHERE org_id = :asof AND soa_id = :soa2 AND standard = 'iso27001:2022' AND control_id = 'A.8.25';
UPDATE soa_entry SET implementation = 'partial', owner = 'Eve'
WHERE org_id = :asof AND soa_id = :soa2 AND standard = 'iso42001:2023' AND control_id = 'A.2.2';
SELECT approve_soa(:asof, 'Board') ~ '^[0-9a-f]{64}$' AS approved;

-- today's register, and the one of the audit day
SELECT title, likelihood, impact FROM risk WHERE org_id = :asof ORDER BY risk_id;
SELECT title, likelihood, impact FROM risks_as_of(:asof, :'audit_day');
SELECT title FROM risks_as_of(:asof, '2000-01-01');
-- the SoA approved on the audit day, and now
SELECT version, approved_by, count(*), count(*) FILTER (WHERE applicability = 'not_applicable') AS excluded
FROM soa_as_of(:asof, :'audit_day') GROUP BY 1, 2;
SELECT version, applicability, justification, implementation, owner FROM soa_as_of(:asof, :'audit_day')
WHERE control_id IN ('A.8.25', 'A.2.2') ORDER BY standard, control_id;
SELECT version, applicability, justification, implementation, owner FROM soa_as_of(:asof, clock_timestamp())
WHERE control_id IN ('A.8.25', 'A.2.2') ORDER BY standard, control_id;
SELECT table_name, count(*) FROM record_as_of(:asof, :'audit_day') GROUP BY 1 ORDER BY 1;
-- entry by entry
SELECT * FROM soa_diff(:asof, 1, 2);
SELECT count(*) AS unchanged FROM soa_diff(:asof, 2, 2);
SELECT * FROM soa_diff(:asof, 1, 3);
SELECT * FROM soa_diff(:asof, 0, 2);
SET SESSION AUTHORIZATION regress_pg_ims_hist_outsider;
SELECT * FROM soa_diff(:asof, 1, 2);
SELECT count(*) FROM risks_as_of(:asof, clock_timestamp());
RESET SESSION AUTHORIZATION;
SELECT * FROM verify_history(:asof);

----------------------------------------------------------------------------
-- Documented information under control: documents and evidence
----------------------------------------------------------------------------
INSERT INTO document (org_id, kind, topic, title, covers, version, owner, approved_by, status, approved_on, next_review, retention)
VALUES (:asof, 'procedure', 'document_control', 'Control of documented information', '{iso27001:2022}', '2.0', 'Dana',
        'Board', 'approved', '2026-01-10', '2027-01-10', '3 years')
RETURNING doc_id AS doc \gset
SELECT status, version, approved_by, approved_on, next_review, retention FROM document WHERE doc_id = :doc;
-- a document starts as a draft
INSERT INTO document (org_id, kind, topic, title, covers) VALUES (:asof, 'policy', 'competence', 'Competence', '{iso27001:2022}')
RETURNING status;
INSERT INTO document (org_id, kind, topic, title, covers, status) VALUES (:asof, 'policy', 'competence', 'Competence', '{iso27001:2022}', 'final');
INSERT INTO document (org_id, kind, topic, title, covers, retention) VALUES (:asof, 'policy', 'competence', 'Competence', '{iso27001:2022}', '-1 year');
-- withdrawing is a change the history keeps
UPDATE document SET status = 'withdrawn' WHERE doc_id = :doc;
SELECT row_before ->> 'status' AS before, row_after ->> 'status' AS after FROM history
WHERE org_id = :asof AND table_name = 'document' AND operation = 'UPDATE';
-- evidence: the SHA-256 of the file as collected, lowercase hexadecimal
INSERT INTO evidence (org_id, standard, control_id, kind, title, uri, collected_on, file_sha256, collected_by, reviewed_by)
VALUES (:asof, 'iso27001:2022', 'A.8.25', 'pentest_report', 'Pentest 2026', 'https://dms.example/pentest-2026.pdf', '2026-11-01',
        encode(sha256('the report'::bytea), 'hex'), 'Dana', 'Eve')
RETURNING length(file_sha256), collected_by, reviewed_by;
INSERT INTO evidence (org_id, standard, control_id, kind, title, collected_on, file_sha256)
VALUES (:asof, 'iso27001:2022', 'A.8.25', 'pentest_report', 'Pentest', '2026-11-01', upper(encode(sha256('x'::bytea), 'hex')));
INSERT INTO evidence (org_id, standard, control_id, kind, title, collected_on, file_sha256)
VALUES (:asof, 'iso27001:2022', 'A.8.25', 'pentest_report', 'Pentest', '2026-11-01', md5('x'));
INSERT INTO evidence (org_id, standard, control_id, kind, title, collected_on, collected_by)
VALUES (:asof, 'iso27001:2022', 'A.8.25', 'pentest_report', 'Pentest', '2026-11-01', ' Dana');
SELECT * FROM verify_history(:asof);

SELECT revoke_access(:org, 'regress_pg_ims_hist_editor');
SELECT revoke_access(:org, 'regress_pg_ims_hist_reader');
SELECT revoke_access(:other, 'regress_pg_ims_hist_outsider');
DROP ROLE regress_pg_ims_hist_editor, regress_pg_ims_hist_reader, regress_pg_ims_hist_outsider;
