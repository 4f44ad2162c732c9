-- bench/load/check.sql: what must hold after the load, checked as the
-- superuser (who sees every organization).  psql variables from load.sh:
-- edits and inserts, the transactions pgbench counted for soa_edit.sql and
-- evidence_insert.sql; evidence_before, the evidence rows before the load.
-- Prints one line per check, starting "ok" or "FAIL"; load.sh fails the
-- run on any "FAIL".
\set ON_ERROR_STOP on
\ir sql_digest.sql

-- Every organization still has exactly one draft, and every draft exactly
-- one entry per control of both catalogs (93 + 38 = 131): no edit lost,
-- duplicated or moved an entry.
SELECT format('%s drafts: %s organizations without exactly one draft, %s drafts without exactly the 131 controls',
		CASE WHEN bad_orgs + bad_drafts = 0 THEN 'ok' ELSE 'FAIL' END, bad_orgs, bad_drafts)
FROM (SELECT
	(SELECT count(*) FROM load.org g
	 WHERE (SELECT count(*) FROM ims.soa s WHERE s.org_id = g.org_id AND s.status = 'draft') <> 1) AS bad_orgs,
	(SELECT count(*) FROM ims.soa s
	 WHERE s.status = 'draft'
	   AND ((SELECT count(*) FROM ims.soa_entry e WHERE e.org_id = s.org_id AND e.soa_id = s.soa_id) <> 131
			OR EXISTS (SELECT 1 FROM load.control c
					   WHERE NOT EXISTS (SELECT 1 FROM ims.soa_entry e
										 WHERE e.org_id = s.org_id AND e.soa_id = s.soa_id
										   AND e.standard = c.standard AND e.control_id = c.control_id)))) AS bad_drafts
) AS x;

-- Every committed edit updated exactly one entry (one log row each), and
-- each edited entry holds the value of its last edit: no lost update.
-- pgbench -T counts the transactions that ended before the deadline; one
-- in flight per client may still commit after it, uncounted, so the log
-- may hold up to :clients more edits than pgbench reports, never fewer.
SELECT format('%s edits: %s logged for %s committed, %s entries edited, %s not holding their last edit',
		CASE WHEN logged BETWEEN :edits AND :edits + :clients AND lost = 0 THEN 'ok' ELSE 'FAIL' END, logged, :edits, edited, lost)
FROM (SELECT
	(SELECT count(*) FROM load.edit_log) AS logged,
	(SELECT count(DISTINCT (org_id, soa_id, standard, control_id)) FROM load.edit_log) AS edited,
	(SELECT count(*) FROM (SELECT DISTINCT ON (org_id, soa_id, standard, control_id) *
						   FROM load.edit_log ORDER BY org_id, soa_id, standard, control_id, id DESC) AS l
	 JOIN ims.soa_entry e USING (org_id, soa_id, standard, control_id)
	 WHERE (e.applicability::text, e.justification, e.implementation)
		   IS DISTINCT FROM (l.applicability, l.justification, l.implementation)) AS lost
) AS x;

-- Every committed evidence insert left one row (and, as above, up to one
-- per client committed after pgbench's deadline).
SELECT format('%s evidence: %s rows, %s before the load + %s committed inserts',
		CASE WHEN n BETWEEN :evidence_before + :inserts AND :evidence_before + :inserts + :clients THEN 'ok' ELSE 'FAIL' END, n, :evidence_before, :inserts)
FROM (SELECT count(*) AS n FROM ims.evidence) AS x;

-- The versions approved before the load are untouched: still approved,
-- still 131 entries, and their stored digest is the one ims.approve_soa
-- returned, recomputes to itself with ims.soa_digest, and matches the
-- plain-SQL recomputation of the content.
SELECT format('%s approved versions: %s of %s still approved and intact',
		CASE WHEN intact = total AND total > 0 THEN 'ok' ELSE 'FAIL' END, intact, total)
FROM (SELECT count(*) AS total,
	count(*) FILTER (WHERE s.status = 'approved' AND s.digest = a.digest
		AND s.approved_by = a.approved_by
		AND a.digest = ims.soa_digest(s.org_id, s.soa_id, s.approved_by)
		AND a.digest = pg_temp.sql_digest(s.org_id, s.soa_id, s.approved_by)
		AND (SELECT count(*) FROM ims.soa_entry e WHERE e.org_id = s.org_id AND e.soa_id = s.soa_id) = 131) AS intact
	FROM load.approved a JOIN ims.soa s USING (org_id, soa_id)) AS x;

-- The load role's grants are as given: one edit grant per organization.
SELECT format('%s grants: %s of the load role''s %s grants are edit',
		CASE WHEN edit = 100 AND total = 100 THEN 'ok' ELSE 'FAIL' END, edit, total)
FROM (SELECT count(*) AS total, count(*) FILTER (WHERE capability = 'edit') AS edit
	  FROM ims.org_access WHERE member = 'ims_load') AS x;
