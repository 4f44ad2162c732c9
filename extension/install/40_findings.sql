/* extension/install/40_findings.sql */

----------------------------------------------------------------------------
-- The validator (src/findings.c drives the rules; docs/findings.md)
----------------------------------------------------------------------------

CREATE FUNCTION @extschema@.standard_label(code text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT CASE WHEN code ~ '^iso[0-9]+:' THEN 'ISO ' || substring(code FROM '^iso([0-9]+):') ELSE code END;
END;
COMMENT ON FUNCTION @extschema@.standard_label(text) IS
'short name of a standard for reports: iso27001:2022 gives ISO 27001; other codes are returned as they are';

CREATE FUNCTION @extschema@.evaluate_findings(org_ids bigint[], soa_only boolean DEFAULT false,
	OUT org_id bigint, OUT code text, OUT grade text, OUT grade_rank integer, OUT category text,
	OUT requirement text, OUT blocks_approval boolean, OUT standard text, OUT ref text,
	OUT message text, OUT hint text, OUT waived_until date)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'findings_evaluate'
	LANGUAGE C STABLE
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.evaluate_findings(bigint[], boolean) IS
'findings of SPEC section 7 for the given organizations (NULL: every organization the caller can see), each with its grade, category, requirement, whether it blocks SoA approval, and the expiry of the waiver that accepts it; sorted by organization, grade, code and ref; soa_only keeps the SOA rules';
