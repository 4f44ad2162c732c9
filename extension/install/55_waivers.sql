/* extension/install/55_waivers.sql */

----------------------------------------------------------------------------
-- Waivers: a finding the organization accepts, with a justification, an
-- owner and an expiry.  A waived finding is still listed, marked as waived
-- until the waiver expires; a finding that blocks SoA approval blocks it
-- waived or not (docs/findings.md).
----------------------------------------------------------------------------

CREATE TABLE @extschema@.finding_waiver (
	org_id bigint NOT NULL,
	waiver_id bigserial NOT NULL,
	code text NOT NULL,
	ref text NOT NULL,
	justification text NOT NULL,
	owner text NOT NULL,
	accepted_by text NOT NULL,
	accepted_on date NOT NULL DEFAULT current_date,
	expires_on date NOT NULL,
	CONSTRAINT finding_waiver_pkey PRIMARY KEY (org_id, waiver_id),
	CONSTRAINT finding_waiver_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT finding_waiver_code_fkey FOREIGN KEY (code) REFERENCES @extschema@.finding_rule (code),
	CONSTRAINT finding_waiver_justification_check CHECK (btrim(justification) <> ''),
	CONSTRAINT finding_waiver_owner_check CHECK (@extschema@.name_fault(owner) IS NULL),
	CONSTRAINT finding_waiver_accepted_by_check CHECK (@extschema@.name_fault(accepted_by) IS NULL),
	CONSTRAINT finding_waiver_expiry_check
		CHECK (expires_on > accepted_on AND expires_on <= accepted_on + 366)
);
COMMENT ON TABLE @extschema@.finding_waiver IS
'Findings an organization accepts for a time, with the justification, the owner of the decision and its expiry: a waived finding is listed as waived until it expires, and one that blocks SoA approval still blocks it';
COMMENT ON COLUMN @extschema@.finding_waiver.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.finding_waiver.waiver_id IS 'Identifier of the waiver';
COMMENT ON COLUMN @extschema@.finding_waiver.code IS 'Code of the finding accepted (ims.finding_rule)';
COMMENT ON COLUMN @extschema@.finding_waiver.ref IS 'The ref of the finding accepted, as ims.integration_findings gives it';
COMMENT ON COLUMN @extschema@.finding_waiver.justification IS 'Why the finding is accepted for now';
COMMENT ON COLUMN @extschema@.finding_waiver.owner IS 'Who owns the decision and its follow-up';
COMMENT ON COLUMN @extschema@.finding_waiver.accepted_by IS 'Who accepted it, with the approve capability';
COMMENT ON COLUMN @extschema@.finding_waiver.accepted_on IS 'When it was accepted: from this day it is in force';
COMMENT ON COLUMN @extschema@.finding_waiver.expires_on IS 'Last day it is in force: at most a year after acceptance, so that a waiver comes back to the next management review';
CREATE INDEX finding_waiver_finding_idx ON @extschema@.finding_waiver (org_id, code, ref);
SELECT pg_catalog.pg_extension_config_dump('@extschema@.finding_waiver', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.finding_waiver_waiver_id_seq', '');

-- Accepting a finding is a management decision: reading waivers needs
-- read, writing them approve, as granting access does.
SELECT @extschema@.protect_record_table('finding_waiver', 'approve');
GRANT USAGE ON SEQUENCE @extschema@.finding_waiver_waiver_id_seq TO PUBLIC;

CREATE FUNCTION @extschema@.waive_finding(org_id bigint, code text, ref text, justification text,
										  owner text, expires_on date, accepted_by text)
	RETURNS bigint
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	name record;
	fault text;
	waiver bigint;
BEGIN
	PERFORM @extschema@.require_org_access(waive_finding.org_id, 'approve');
	IF NOT EXISTS (SELECT 1 FROM @extschema@.finding_rule r WHERE r.code OPERATOR(pg_catalog.=) waive_finding.code) THEN
		RAISE EXCEPTION 'finding code "%" does not exist', waive_finding.code
			USING ERRCODE = 'undefined_object',
				HINT = 'SELECT code FROM ims.finding_rule lists the codes.';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM @extschema@.evaluate_findings(ARRAY[waive_finding.org_id], false) f
				   WHERE f.code OPERATOR(pg_catalog.=) waive_finding.code
					 AND f.ref OPERATOR(pg_catalog.=) waive_finding.ref) THEN
		RAISE EXCEPTION 'organization % has no finding % with ref "%"', waive_finding.org_id,
			waive_finding.code, waive_finding.ref
			USING ERRCODE = 'no_data_found',
				HINT = pg_catalog.format('SELECT code, ref FROM ims.integration_findings(%s) lists the findings that stand.',
										 waive_finding.org_id);
	END IF;
	IF coalesce(pg_catalog.btrim(waive_finding.justification), '') OPERATOR(pg_catalog.=) '' THEN
		RAISE EXCEPTION 'a waiver needs a justification'
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Say why the finding is accepted for now and what will be done about it.';
	END IF;
	FOR name IN SELECT * FROM (VALUES ('owner', waive_finding.owner),
									  ('accepted_by', waive_finding.accepted_by)) AS v(field, value)
	LOOP
		fault := CASE WHEN name.value IS NULL THEN 'It is missing.' ELSE @extschema@.name_fault(name.value) END;
		IF fault IS NOT NULL THEN
			RAISE EXCEPTION 'invalid % of a waiver', name.field
				USING ERRCODE = 'invalid_parameter_value', DETAIL = fault,
					HINT = 'Name a person or a body, as one line of visible text.';
		END IF;
	END LOOP;
	IF waive_finding.expires_on IS NULL OR waive_finding.expires_on <= current_date
	   OR waive_finding.expires_on > current_date + 366 THEN
		RAISE EXCEPTION 'a waiver must expire within a year from today'
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = pg_catalog.format('The expiry given is %s.', coalesce(waive_finding.expires_on::text, 'missing')),
				HINT = 'Accept the finding until a date in the next twelve months, such as the next management review, and accept it again then if it still stands.';
	END IF;
	INSERT INTO @extschema@.finding_waiver (org_id, code, ref, justification, owner, accepted_by, expires_on)
	VALUES (waive_finding.org_id, waive_finding.code, waive_finding.ref, waive_finding.justification,
			waive_finding.owner, waive_finding.accepted_by, waive_finding.expires_on)
	RETURNING waiver_id INTO waiver;
	RETURN waiver;
END
$$;
COMMENT ON FUNCTION @extschema@.waive_finding(bigint, text, text, text, text, date, text) IS
'accepts a finding that stands for an organization until expires_on (at most a year), with a justification and an owner; needs the approve capability; returns the waiver''s id';
