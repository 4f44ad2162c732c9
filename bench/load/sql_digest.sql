-- bench/load/sql_digest.sql: pg_temp.sql_digest(org_id, soa_id, approver),
-- the SoA digest recomputed in plain SQL exactly as docs/soa-digest.md
-- gives it, without any function of pg_ims: a second opinion on
-- ims.soa_digest (src/soa_digest.c) that load.sh compares it with.
-- Included by digests.sql and snapshot_check.sql; any role may create it.
-- STABLE and in SQL, so it reads with the snapshot of the statement that
-- calls it, as ims.soa_digest does.
CREATE FUNCTION pg_temp.sql_digest(org bigint, soa bigint, approver text) RETURNS text
LANGUAGE sql STABLE
RETURN (
	SELECT encode(sha256(convert_to(
		'{"format":"pg_ims/soa-digest","format_version":1'
		|| ',"org_id":' || to_json(s.org_id::text)::text
		|| ',"version":' || to_json(s.version::text)::text
		|| ',"approved_by":' || coalesce(to_json(approver)::text, 'null')
		|| ',"entries":[' || coalesce((
			SELECT string_agg(to_json(ARRAY[e.standard, e.control_id, e.applicability::text,
						e.justification, e.implementation, e.owner])::text,
					',' ORDER BY e.standard COLLATE "C", e.control_id COLLATE "C")
			FROM ims.soa_entry e WHERE e.org_id = s.org_id AND e.soa_id = s.soa_id), '')
		|| ']}', 'UTF8')), 'hex')
	FROM ims.soa s WHERE s.org_id = org AND s.soa_id = soa);
