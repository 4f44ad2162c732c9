-- bench/load/digests.sql: after the load, one line per live SoA version of
-- every organization the caller sees: its digest by ims.soa_digest and by
-- the plain-SQL recomputation, and its number of entries.  Drafts are
-- hashed with the approver "Load check" (what their digest would be if
-- approved now), approved versions with their recorded approver.
-- load.sh runs it twice as the superuser, each in its own session and
-- transaction, and once as the load role (row-level security), and
-- requires the three outputs to be identical and both digests to agree.
\set ON_ERROR_STOP on
\ir sql_digest.sql
SELECT s.org_id, s.version, s.status,
	ims.soa_digest(s.org_id, s.soa_id, a.approver) AS c_digest,
	pg_temp.sql_digest(s.org_id, s.soa_id, a.approver) AS sql_digest,
	(SELECT count(*) FROM ims.soa_entry e WHERE e.org_id = s.org_id AND e.soa_id = s.soa_id) AS entries
FROM ims.soa s
CROSS JOIN LATERAL (SELECT coalesce(s.approved_by, 'Load check') AS approver) AS a
WHERE s.status IN ('draft', 'approved')
ORDER BY s.org_id, s.version;
