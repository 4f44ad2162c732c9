-- bench/load/snapshot_check.sql: run as the load role while the load is on.
-- Within one repeatable-read transaction (one snapshot) every draft's
-- digest must come out the same from ims.soa_digest in two statements some
-- time apart and from the plain-SQL recomputation, and every draft must
-- hold its 131 entries, one per control: a digest that moves inside a
-- snapshot, or disagrees with the content it claims to hash, would mean
-- an approval could record a digest of something other than what it
-- checked.  Prints one line; load.sh fails the run unless every count
-- after the first is 0.
\set ON_ERROR_STOP on
\ir sql_digest.sql
BEGIN ISOLATION LEVEL REPEATABLE READ;
CREATE TEMP TABLE first_pass AS
SELECT s.org_id, s.soa_id,
	ims.soa_digest(s.org_id, s.soa_id, 'Load check') AS c_digest,
	pg_temp.sql_digest(s.org_id, s.soa_id, 'Load check') AS sql_digest,
	(SELECT count(*) FROM ims.soa_entry e WHERE e.org_id = s.org_id AND e.soa_id = s.soa_id) AS entries,
	(SELECT count(*) FROM ims.soa_entry e JOIN load.control c USING (standard, control_id)
	 WHERE e.org_id = s.org_id AND e.soa_id = s.soa_id) AS controls
FROM ims.soa s WHERE s.status = 'draft';
SELECT pg_sleep(0.5) \g /dev/null
SELECT format('snapshot check: %s drafts; %s differ from the SQL recomputation, %s changed within the snapshot, %s without their 131 entries',
	count(*),
	count(*) FILTER (WHERE f.c_digest IS DISTINCT FROM f.sql_digest OR f.c_digest IS NULL),
	count(*) FILTER (WHERE f.c_digest IS DISTINCT FROM ims.soa_digest(f.org_id, f.soa_id, 'Load check')),
	count(*) FILTER (WHERE f.entries <> 131 OR f.controls <> 131))
FROM first_pass f;
COMMIT;
