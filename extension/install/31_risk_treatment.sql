/* extension/install/31_risk_treatment.sql */

----------------------------------------------------------------------------
-- Risk criteria, treatment plans, residual-risk acceptance and objectives
-- (ISO 27001 and ISO 42001 6.1.2 a, 6.1.3 e-f, 6.2, 8.3; docs/risk-treatment.md)
--
-- Information security and AI risks are rated on scales of their own
-- domain (ims.risk_domain): a bias risk is rated by the severity of the
-- harm to the people affected, not by what an outage costs.  A rating's
-- level is likelihood times consequence; the domain's acceptable level
-- says which residual risks the criteria accept, and any other residual
-- risk needs a risk owner's acceptance, recorded here, append-only, and
-- counting only while the rating it accepted stands.
----------------------------------------------------------------------------

CREATE TABLE @extschema@.risk_criteria (
	org_id bigint NOT NULL,
	domain text NOT NULL,
	likelihood_scale text[] NOT NULL,
	consequence_scale text[] NOT NULL,
	consequence_basis text NOT NULL,
	acceptable_level integer NOT NULL,
	method text,
	approved_by text,
	approved_on date,
	CONSTRAINT risk_criteria_pkey PRIMARY KEY (org_id, domain),
	CONSTRAINT risk_criteria_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT risk_criteria_domain_check CHECK (domain IN ('information_security', 'ai')),
	CONSTRAINT risk_criteria_likelihood_scale_check
		CHECK (pg_catalog.cardinality(likelihood_scale) BETWEEN 2 AND 10
			   AND pg_catalog.array_position(likelihood_scale, NULL) IS NULL),
	CONSTRAINT risk_criteria_consequence_scale_check
		CHECK (pg_catalog.cardinality(consequence_scale) BETWEEN 2 AND 10
			   AND pg_catalog.array_position(consequence_scale, NULL) IS NULL),
	CONSTRAINT risk_criteria_consequence_basis_check CHECK (pg_catalog.btrim(consequence_basis) <> ''),
	CONSTRAINT risk_criteria_acceptable_level_check
		CHECK (acceptable_level BETWEEN 1 AND pg_catalog.cardinality(likelihood_scale) * pg_catalog.cardinality(consequence_scale)),
	CONSTRAINT risk_criteria_approved_by_check CHECK (@extschema@.name_fault(approved_by) IS NULL),
	CONSTRAINT risk_criteria_approval_check CHECK ((approved_by IS NULL) = (approved_on IS NULL))
);
COMMENT ON TABLE @extschema@.risk_criteria IS 'The risk criteria of an organization, one set per risk domain (clause 6.1.2 a of ISO 27001, 6.1.1 of ISO 42001): the scales risks of the domain are rated on and the level up to which a residual risk is acceptable';
COMMENT ON COLUMN @extschema@.risk_criteria.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.risk_criteria.domain IS 'information_security (risks of a CIA type) or ai (risks of an AI type), as ims.risk_domain() names them';
COMMENT ON COLUMN @extschema@.risk_criteria.likelihood_scale IS 'The likelihood levels, lowest first (2 to 10): a risk of the domain is rated 1 to their number';
COMMENT ON COLUMN @extschema@.risk_criteria.consequence_scale IS 'The consequence levels, lowest first (2 to 10): a risk''s impact is rated 1 to their number';
COMMENT ON COLUMN @extschema@.risk_criteria.consequence_basis IS 'What a consequence level measures, such as the impact on the organization and its customers, or the severity of the harm to the individuals, groups or society affected';
COMMENT ON COLUMN @extschema@.risk_criteria.acceptable_level IS 'The highest level (likelihood times consequence) at which a residual risk is accepted by these criteria; above it a risk owner accepts it (ims.risk_acceptance)';
COMMENT ON COLUMN @extschema@.risk_criteria.method IS 'How risks are identified, analysed and evaluated, or where the methodology is documented';
COMMENT ON COLUMN @extschema@.risk_criteria.approved_by IS 'Who approved the criteria';
COMMENT ON COLUMN @extschema@.risk_criteria.approved_on IS 'When they were approved';

-- The ratings of a risk fit the scales of its domain's criteria, and new
-- criteria fit the ratings already made.  Without criteria, a risk is rated
-- on the scales of 1 to 5 that pg_ims used before it had criteria.  A
-- restore may load risks before the criteria they were rated on (pg_dump
-- orders extension tables only by foreign keys): it is let through as
-- check_standard_codes lets it through (45_integrity.sql), and the criteria
-- loaded after check the risks already there.
CREATE FUNCTION @extschema@.risk_rating_fault(criteria @extschema@.risk_criteria, likelihood integer, impact integer)
	RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
	SELECT CASE
		WHEN likelihood > cardinality(criteria.likelihood_scale)
		THEN format('Likelihood %s is beyond the %s levels of the %s likelihood scale (%s).', likelihood,
					cardinality(criteria.likelihood_scale), CASE criteria.domain WHEN 'ai' THEN 'AI' ELSE 'information security' END,
					array_to_string(criteria.likelihood_scale, ', '))
		WHEN impact > cardinality(criteria.consequence_scale)
		THEN format('Impact %s is beyond the %s levels of the %s consequence scale (%s).', impact,
					cardinality(criteria.consequence_scale), CASE criteria.domain WHEN 'ai' THEN 'AI' ELSE 'information security' END,
					array_to_string(criteria.consequence_scale, ', '))
	END
$$;
COMMENT ON FUNCTION @extschema@.risk_rating_fault(@extschema@.risk_criteria, integer, integer) IS
'NULL when a likelihood and an impact fit the scales of the criteria, else what does not';

CREATE FUNCTION @extschema@.check_risk_rating() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	criteria @extschema@.risk_criteria;
	fault text;
BEGIN
	-- the moment the residual rating last changed, which acceptances made
	-- before it no longer cover; a restore brings its own
	IF TG_OP OPERATOR(pg_catalog.=) 'INSERT' THEN
		NEW.rating_changed_at := coalesce(NEW.rating_changed_at, pg_catalog.now());
	ELSIF (NEW.likelihood, NEW.impact, NEW.residual_likelihood, NEW.residual_impact, NEW.treatment)
		  IS DISTINCT FROM (OLD.likelihood, OLD.impact, OLD.residual_likelihood, OLD.residual_impact, OLD.treatment) THEN
		NEW.rating_changed_at := pg_catalog.now();
	END IF;
	SELECT * INTO criteria FROM @extschema@.risk_criteria c
	WHERE c.org_id OPERATOR(pg_catalog.=) NEW.org_id
	  AND c.domain OPERATOR(pg_catalog.=) @extschema@.risk_domain(NEW.risk_type);
	IF NOT FOUND THEN
		IF TG_OP OPERATOR(pg_catalog.=) 'INSERT'
		   AND pg_catalog.current_setting('row_security') OPERATOR(pg_catalog.=) 'off'
		   AND @extschema@.is_record_admin() THEN
			RETURN NEW;
		END IF;
		criteria.domain := @extschema@.risk_domain(NEW.risk_type);
		criteria.likelihood_scale := '{1,2,3,4,5}';
		criteria.consequence_scale := '{1,2,3,4,5}';
	END IF;
	fault := coalesce(@extschema@.risk_rating_fault(criteria, NEW.likelihood, NEW.impact),
					  @extschema@.risk_rating_fault(criteria, NEW.residual_likelihood, NEW.residual_impact));
	IF fault IS NOT NULL THEN
		IF criteria.org_id IS NULL THEN
			RAISE EXCEPTION 'risk "%" is rated beyond the scales of 1 to 5', NEW.title
				USING ERRCODE = 'check_violation', DETAIL = fault,
					HINT = 'Without risk criteria for its domain a risk is rated 1 to 5; record the criteria (ims.risk_criteria) to rate it on scales of your own.',
					SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
		END IF;
			RAISE EXCEPTION 'risk "%" is rated beyond the scales of its domain''s risk criteria', NEW.title
				USING ERRCODE = 'check_violation', DETAIL = fault,
					HINT = 'Rate it on the scales of ims.risk_criteria for its domain, or change the criteria first.',
					SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.check_risk_rating() IS
'trigger: the inherent and residual ratings of a risk fit the scales of its domain''s risk criteria (1 to 5 where the organization has none; a restore is let through); stamps rating_changed_at when the rating or the treatment changes';

CREATE FUNCTION @extschema@.check_risk_criteria() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	misfit record;
	-- NEW as the table's row type: on Citus the trigger runs on a shard,
	-- whose row type risk_rating_fault does not take
	criteria @extschema@.risk_criteria := NEW;
BEGIN
	SELECT r.title, coalesce(@extschema@.risk_rating_fault(criteria, r.likelihood, r.impact),
							 @extschema@.risk_rating_fault(criteria, r.residual_likelihood, r.residual_impact)) AS fault,
		   count(*) OVER () AS n
	INTO misfit
	FROM @extschema@.risk r
	WHERE r.org_id OPERATOR(pg_catalog.=) NEW.org_id
	  AND @extschema@.risk_domain(r.risk_type) OPERATOR(pg_catalog.=) NEW.domain
	  AND coalesce(@extschema@.risk_rating_fault(criteria, r.likelihood, r.impact),
				   @extschema@.risk_rating_fault(criteria, r.residual_likelihood, r.residual_impact)) IS NOT NULL
	ORDER BY r.risk_id
	LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'the % risk criteria do not fit % rated risks',
			CASE NEW.domain WHEN 'ai' THEN 'AI' ELSE 'information security' END, misfit.n
			USING ERRCODE = 'check_violation',
				DETAIL = pg_catalog.format('Risk "%s": %s', misfit.title, misfit.fault),
				HINT = 'Rate those risks again on the new scales first, or keep as many levels as they use.',
				SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.check_risk_criteria() IS
'trigger: risk criteria keep enough levels for the risks of their domain already rated';

CREATE TRIGGER risk_criteria_fit BEFORE INSERT OR UPDATE ON @extschema@.risk_criteria
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_risk_criteria();
CREATE TRIGGER risk_rating_fit BEFORE INSERT OR UPDATE ON @extschema@.risk
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_risk_rating();

----------------------------------------------------------------------------
-- The treatment plan: actions, each with an owner and a due date, and the
-- controls of the risk's treatment that each implements (6.1.3 e, 8.3).
-- The plan's approval by the risk owner is on the risk (plan_approved_by).
----------------------------------------------------------------------------

CREATE TABLE @extschema@.risk_treatment_action (
	org_id bigint NOT NULL,
	action_id bigserial NOT NULL,
	risk_id bigint NOT NULL,
	action text NOT NULL,
	owner text NOT NULL,
	due_on date NOT NULL,
	status text NOT NULL DEFAULT 'planned',
	completed_on date,
	CONSTRAINT risk_treatment_action_pkey PRIMARY KEY (org_id, action_id),
	CONSTRAINT risk_treatment_action_risk_key UNIQUE (org_id, risk_id, action_id),
	CONSTRAINT risk_treatment_action_risk_fkey FOREIGN KEY (org_id, risk_id)
		REFERENCES @extschema@.risk (org_id, risk_id) ON DELETE CASCADE,
	CONSTRAINT risk_treatment_action_action_check CHECK (pg_catalog.btrim(action) <> ''),
	CONSTRAINT risk_treatment_action_owner_check CHECK (@extschema@.name_fault(owner) IS NULL),
	CONSTRAINT risk_treatment_action_status_check CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
	CONSTRAINT risk_treatment_action_completed_check CHECK ((status = 'done') = (completed_on IS NOT NULL))
);
COMMENT ON TABLE @extschema@.risk_treatment_action IS 'The actions of a risk''s treatment plan (clause 6.1.3 e, implemented under 8.3)';
COMMENT ON COLUMN @extschema@.risk_treatment_action.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.risk_treatment_action.action_id IS 'Identifier of the action';
COMMENT ON COLUMN @extschema@.risk_treatment_action.risk_id IS 'The risk it treats (deleting the risk deletes its plan)';
COMMENT ON COLUMN @extschema@.risk_treatment_action.action IS 'What is to be done';
COMMENT ON COLUMN @extschema@.risk_treatment_action.owner IS 'Who is responsible for it';
COMMENT ON COLUMN @extschema@.risk_treatment_action.due_on IS 'When it is to be completed';
COMMENT ON COLUMN @extschema@.risk_treatment_action.status IS 'planned, in_progress, done or cancelled';
COMMENT ON COLUMN @extschema@.risk_treatment_action.completed_on IS 'When it was completed; set exactly when the status is done';

CREATE TABLE @extschema@.risk_treatment_action_control (
	org_id bigint NOT NULL,
	action_id bigint NOT NULL,
	risk_id bigint NOT NULL,
	standard text NOT NULL,
	control_id text NOT NULL,
	CONSTRAINT risk_treatment_action_control_pkey PRIMARY KEY (org_id, action_id, standard, control_id),
	CONSTRAINT risk_treatment_action_control_action_fkey FOREIGN KEY (org_id, risk_id, action_id)
		REFERENCES @extschema@.risk_treatment_action (org_id, risk_id, action_id) ON DELETE CASCADE,
	CONSTRAINT risk_treatment_action_control_control_fkey FOREIGN KEY (org_id, risk_id, standard, control_id)
		REFERENCES @extschema@.risk_control (org_id, risk_id, standard, control_id) ON DELETE CASCADE
);
COMMENT ON TABLE @extschema@.risk_treatment_action_control IS 'The controls an action implements: controls of its risk''s treatment (ims.risk_control)';
COMMENT ON COLUMN @extschema@.risk_treatment_action_control.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.risk_treatment_action_control.action_id IS 'The action';
COMMENT ON COLUMN @extschema@.risk_treatment_action_control.risk_id IS 'The risk of the action, whose treatment must include the control';
COMMENT ON COLUMN @extschema@.risk_treatment_action_control.standard IS 'Standard of the control';
COMMENT ON COLUMN @extschema@.risk_treatment_action_control.control_id IS 'The control implemented';

----------------------------------------------------------------------------
-- Residual-risk acceptance (6.1.3 f): who accepted which rating of a risk,
-- when, why and until when.  Append-only; an acceptance counts while the
-- rating it accepted is the risk's residual rating and it has not expired.
----------------------------------------------------------------------------

CREATE TABLE @extschema@.risk_acceptance (
	org_id bigint NOT NULL,
	acceptance_id bigserial NOT NULL,
	risk_id bigint NOT NULL,
	accepted_by text NOT NULL,
	accepting_role name NOT NULL DEFAULT CURRENT_USER,
	accepted_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	accepted_likelihood smallint,
	accepted_impact smallint,
	justification text NOT NULL,
	expires_on date,
	CONSTRAINT risk_acceptance_pkey PRIMARY KEY (org_id, acceptance_id),
	CONSTRAINT risk_acceptance_risk_fkey FOREIGN KEY (org_id, risk_id)
		REFERENCES @extschema@.risk (org_id, risk_id),
	CONSTRAINT risk_acceptance_accepted_by_check CHECK (@extschema@.name_fault(accepted_by) IS NULL),
	CONSTRAINT risk_acceptance_justification_check CHECK (pg_catalog.btrim(justification) <> ''),
	CONSTRAINT risk_acceptance_rating_check CHECK (accepted_likelihood >= 1 AND accepted_impact >= 1)
);
COMMENT ON TABLE @extschema@.risk_acceptance IS 'Acceptances of residual risks by their owners (clause 6.1.3 f), append-only: one stops counting when the residual rating changes after it or it expires';
COMMENT ON COLUMN @extschema@.risk_acceptance.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.risk_acceptance.acceptance_id IS 'Identifier of the acceptance';
COMMENT ON COLUMN @extschema@.risk_acceptance.risk_id IS 'The risk accepted (a risk with acceptances cannot be deleted)';
COMMENT ON COLUMN @extschema@.risk_acceptance.accepted_by IS 'The person or body who accepted it, normally the risk owner';
COMMENT ON COLUMN @extschema@.risk_acceptance.accepting_role IS 'The database role that recorded it, set by the server';
COMMENT ON COLUMN @extschema@.risk_acceptance.accepted_at IS 'When it was recorded, set by the server';
COMMENT ON COLUMN @extschema@.risk_acceptance.accepted_likelihood IS 'The residual likelihood accepted: the risk''s at the time, set by the server';
COMMENT ON COLUMN @extschema@.risk_acceptance.accepted_impact IS 'The residual impact accepted: the risk''s at the time, set by the server';
COMMENT ON COLUMN @extschema@.risk_acceptance.justification IS 'Why the residual risk is accepted';
COMMENT ON COLUMN @extschema@.risk_acceptance.expires_on IS 'The day after which it no longer counts; null for no expiry (it still stops counting when the rating changes)';

-- The residual rating a risk has for its acceptance: the residual rating
-- where one is recorded; for a risk the organization accepts as it is,
-- its inherent rating.
CREATE FUNCTION @extschema@.check_risk_acceptance() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
BEGIN
	IF TG_OP OPERATOR(pg_catalog.<>) 'INSERT' THEN
		RAISE EXCEPTION 'risk acceptances cannot be changed or deleted'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				DETAIL = pg_catalog.format('Acceptance %s of risk %s is part of the record of who accepted what.',
										   OLD.acceptance_id, OLD.risk_id),
				HINT = 'Record a new acceptance with ims.accept_risk(); one made before a change of the rating stops counting by itself.';
	END IF;
	-- a restore writes its rows as they were recorded (45_integrity.sql)
	IF pg_catalog.current_setting('row_security') OPERATOR(pg_catalog.=) 'off' AND @extschema@.is_record_admin()
	   AND NEW.accepted_likelihood IS NOT NULL AND NEW.accepted_impact IS NOT NULL THEN
		RETURN NEW;
	END IF;
	SELECT k.title, k.treatment,
		   coalesce(k.residual_likelihood, CASE WHEN k.treatment OPERATOR(pg_catalog.=) 'accept' THEN k.likelihood END) AS likelihood,
		   coalesce(k.residual_impact, CASE WHEN k.treatment OPERATOR(pg_catalog.=) 'accept' THEN k.impact END) AS impact
	INTO r
	FROM @extschema@.risk k
	WHERE k.org_id OPERATOR(pg_catalog.=) NEW.org_id AND k.risk_id OPERATOR(pg_catalog.=) NEW.risk_id
	FOR SHARE;
	IF NOT FOUND THEN
		RETURN NEW;		-- the foreign key refuses it
	END IF;
	IF r.likelihood IS NULL OR r.impact IS NULL THEN
		RAISE EXCEPTION 'risk "%" has no residual rating to accept', r.title
			USING ERRCODE = 'object_not_in_prerequisite_state',
				DETAIL = pg_catalog.format('Its treatment is %s and its residual likelihood and impact are not rated.',
										   coalesce(r.treatment, 'not decided')),
				HINT = 'Rate the residual risk (residual_likelihood, residual_impact) after its treatment, then accept it.';
	END IF;
	IF (NEW.accepted_likelihood IS NOT NULL AND NEW.accepted_likelihood OPERATOR(pg_catalog.<>) r.likelihood)
	   OR (NEW.accepted_impact IS NOT NULL AND NEW.accepted_impact OPERATOR(pg_catalog.<>) r.impact) THEN
		RAISE EXCEPTION 'an acceptance accepts the current residual rating of risk "%"', r.title
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = pg_catalog.format('The residual rating is likelihood %s, impact %s; the acceptance names likelihood %s, impact %s.',
										   r.likelihood, r.impact, NEW.accepted_likelihood, NEW.accepted_impact),
				HINT = 'Leave accepted_likelihood and accepted_impact out: the server records the rating accepted.';
	END IF;
	IF NEW.expires_on <= current_date THEN
		RAISE EXCEPTION 'an acceptance must expire after today'
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = pg_catalog.format('The expiry given is %s.', NEW.expires_on),
				HINT = 'Give a date in the future, such as the next risk review, or none.';
	END IF;
	NEW.accepted_likelihood := r.likelihood;
	NEW.accepted_impact := r.impact;
	NEW.accepted_at := pg_catalog.now();
	NEW.accepting_role := CURRENT_USER;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.check_risk_acceptance() IS
'trigger: risk acceptances are append-only; a new one accepts the risk''s current residual rating (the inherent one for a risk accepted as it is), which the server records with the time and the role (a restore''s rows are kept as written)';

CREATE TRIGGER risk_acceptance_append_only BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.risk_acceptance
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_risk_acceptance();

CREATE FUNCTION @extschema@.accept_risk(org_id bigint, risk_id bigint, accepted_by text, justification text,
										expires_on date DEFAULT NULL)
	RETURNS bigint
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	acceptance bigint;
BEGIN
	PERFORM @extschema@.lock_organization(accept_risk.org_id, 'approve');
	IF NOT EXISTS (SELECT 1 FROM @extschema@.risk r WHERE r.org_id OPERATOR(pg_catalog.=) accept_risk.org_id
				   AND r.risk_id OPERATOR(pg_catalog.=) accept_risk.risk_id) THEN
		RAISE EXCEPTION 'risk % of organization % does not exist', accept_risk.risk_id, accept_risk.org_id
			USING ERRCODE = 'no_data_found',
				HINT = pg_catalog.format('SELECT risk_id, title FROM ims.report_risk_treatment WHERE org_id = %s lists its risks.',
										 accept_risk.org_id);
	END IF;
	IF accept_risk.accepted_by IS NULL OR @extschema@.name_fault(accept_risk.accepted_by) IS NOT NULL THEN
		RAISE EXCEPTION 'invalid accepted_by of a risk acceptance'
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = coalesce(@extschema@.name_fault(accept_risk.accepted_by), 'It is missing.'),
				HINT = 'Name the risk owner who accepts the residual risk, as one line of visible text.';
	END IF;
	IF coalesce(pg_catalog.btrim(accept_risk.justification), '') OPERATOR(pg_catalog.=) '' THEN
		RAISE EXCEPTION 'a risk acceptance needs a justification'
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Say why the residual risk is acceptable, such as what it would cost to reduce it further.';
	END IF;
	INSERT INTO @extschema@.risk_acceptance (org_id, risk_id, accepted_by, justification, expires_on)
	VALUES (accept_risk.org_id, accept_risk.risk_id, accept_risk.accepted_by, accept_risk.justification,
			accept_risk.expires_on)
	RETURNING acceptance_id INTO acceptance;
	RETURN acceptance;
END
$$;
COMMENT ON FUNCTION @extschema@.accept_risk(bigint, bigint, text, text, date) IS
'records that a risk owner accepts the current residual rating of a risk (clause 6.1.3 f), with a justification and an optional expiry; needs the approve capability; returns the acceptance''s id';

----------------------------------------------------------------------------
-- What ISO 42001 Annex C lists that a risk or an objective cites: the
-- objectives a risk threatens or an objective serves, the risk sources a
-- risk arises from (ims.reference_item).
----------------------------------------------------------------------------

CREATE TABLE @extschema@.risk_reference (
	org_id bigint NOT NULL,
	risk_id bigint NOT NULL,
	standard text NOT NULL,
	list text NOT NULL,
	item_id text NOT NULL,
	CONSTRAINT risk_reference_pkey PRIMARY KEY (org_id, risk_id, standard, list, item_id),
	CONSTRAINT risk_reference_risk_fkey FOREIGN KEY (org_id, risk_id)
		REFERENCES @extschema@.risk (org_id, risk_id) ON DELETE CASCADE,
	CONSTRAINT risk_reference_item_fkey FOREIGN KEY (standard, list, item_id)
		REFERENCES @extschema@.reference_item (standard, list, item_id)
);
COMMENT ON TABLE @extschema@.risk_reference IS 'Items of a standard''s reference lists a risk cites, such as the ISO 42001 Annex C risk sources it arises from and objectives it threatens';
COMMENT ON COLUMN @extschema@.risk_reference.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.risk_reference.risk_id IS 'The risk';
COMMENT ON COLUMN @extschema@.risk_reference.standard IS 'Standard of the list';
COMMENT ON COLUMN @extschema@.risk_reference.list IS 'The list, such as annex_c_risk_sources or annex_c_objectives';
COMMENT ON COLUMN @extschema@.risk_reference.item_id IS 'The item, such as C.3.4';

----------------------------------------------------------------------------
-- The objectives register (6.2 of both standards): what each objective is,
-- for which standards, its target, how and how often it is measured, who
-- owns it and by when; measurements as rows, the latest read as its value.
----------------------------------------------------------------------------

CREATE TABLE @extschema@.objective (
	org_id bigint NOT NULL,
	objective_id bigserial NOT NULL,
	title text NOT NULL,
	standards text[] NOT NULL,
	target text NOT NULL,
	measure text NOT NULL,
	method text,
	frequency text NOT NULL,
	owner text NOT NULL,
	set_on date NOT NULL DEFAULT CURRENT_DATE,
	due_on date,
	status text NOT NULL DEFAULT 'active',
	CONSTRAINT objective_pkey PRIMARY KEY (org_id, objective_id),
	CONSTRAINT objective_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT objective_title_check CHECK (pg_catalog.btrim(title) <> ''),
	CONSTRAINT objective_standards_check CHECK (pg_catalog.cardinality(standards) > 0),
	CONSTRAINT objective_target_check CHECK (pg_catalog.btrim(target) <> ''),
	CONSTRAINT objective_measure_check CHECK (pg_catalog.btrim(measure) <> ''),
	CONSTRAINT objective_frequency_check CHECK (frequency IN ('monthly', 'quarterly', 'half_yearly', 'yearly')),
	CONSTRAINT objective_owner_check CHECK (@extschema@.name_fault(owner) IS NULL),
	CONSTRAINT objective_due_check CHECK (due_on >= set_on),
	CONSTRAINT objective_status_check CHECK (status IN ('planned', 'active', 'achieved', 'not_achieved', 'withdrawn'))
);
COMMENT ON TABLE @extschema@.objective IS 'The objectives of the management system (clause 6.2 of both standards): one register for information security and AI objectives';
COMMENT ON COLUMN @extschema@.objective.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.objective.objective_id IS 'Identifier of the objective';
COMMENT ON COLUMN @extschema@.objective.title IS 'The objective';
COMMENT ON COLUMN @extschema@.objective.standards IS 'Standards it is an objective of (codes of ims.standard)';
COMMENT ON COLUMN @extschema@.objective.target IS 'What counts as achieved, such as at least 95 % of releases with a bias test';
COMMENT ON COLUMN @extschema@.objective.measure IS 'What is measured';
COMMENT ON COLUMN @extschema@.objective.method IS 'How it is measured and evaluated (clause 9.1)';
COMMENT ON COLUMN @extschema@.objective.frequency IS 'How often it is measured: monthly, quarterly, half_yearly or yearly';
COMMENT ON COLUMN @extschema@.objective.owner IS 'Who is responsible for it';
COMMENT ON COLUMN @extschema@.objective.set_on IS 'When it was set; its first measurement is due one period later';
COMMENT ON COLUMN @extschema@.objective.due_on IS 'When it is to be achieved';
COMMENT ON COLUMN @extschema@.objective.status IS 'planned, active, achieved, not_achieved or withdrawn';

CREATE TABLE @extschema@.objective_measurement (
	org_id bigint NOT NULL,
	objective_id bigint NOT NULL,
	measured_on date NOT NULL,
	value numeric,
	result text,
	note text,
	CONSTRAINT objective_measurement_pkey PRIMARY KEY (org_id, objective_id, measured_on),
	CONSTRAINT objective_measurement_objective_fkey FOREIGN KEY (org_id, objective_id)
		REFERENCES @extschema@.objective (org_id, objective_id) ON DELETE CASCADE,
	CONSTRAINT objective_measurement_result_check CHECK (value IS NOT NULL OR coalesce(pg_catalog.btrim(result), '') <> '')
);
COMMENT ON TABLE @extschema@.objective_measurement IS 'Measurements of an objective (clauses 6.2 d and 9.1)';
COMMENT ON COLUMN @extschema@.objective_measurement.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.objective_measurement.objective_id IS 'The objective measured';
COMMENT ON COLUMN @extschema@.objective_measurement.measured_on IS 'When it was measured';
COMMENT ON COLUMN @extschema@.objective_measurement.value IS 'The value measured, in the unit of the target';
COMMENT ON COLUMN @extschema@.objective_measurement.result IS 'The result in words, where a number does not say it';
COMMENT ON COLUMN @extschema@.objective_measurement.note IS 'Remarks, such as what was done when the target was missed';

CREATE TABLE @extschema@.objective_reference (
	org_id bigint NOT NULL,
	objective_id bigint NOT NULL,
	standard text NOT NULL,
	list text NOT NULL,
	item_id text NOT NULL,
	CONSTRAINT objective_reference_pkey PRIMARY KEY (org_id, objective_id, standard, list, item_id),
	CONSTRAINT objective_reference_objective_fkey FOREIGN KEY (org_id, objective_id)
		REFERENCES @extschema@.objective (org_id, objective_id) ON DELETE CASCADE,
	CONSTRAINT objective_reference_item_fkey FOREIGN KEY (standard, list, item_id)
		REFERENCES @extschema@.reference_item (standard, list, item_id)
);
COMMENT ON TABLE @extschema@.objective_reference IS 'Items of a standard''s reference lists an objective cites, such as the ISO 42001 Annex C objectives it serves';
COMMENT ON COLUMN @extschema@.objective_reference.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.objective_reference.objective_id IS 'The objective';
COMMENT ON COLUMN @extschema@.objective_reference.standard IS 'Standard of the list';
COMMENT ON COLUMN @extschema@.objective_reference.list IS 'The list, such as annex_c_objectives';
COMMENT ON COLUMN @extschema@.objective_reference.item_id IS 'The item, such as C.2.5';

----------------------------------------------------------------------------
-- The status of each risk's treatment and of each objective, written once
-- for the rules and the report views
----------------------------------------------------------------------------

CREATE FUNCTION @extschema@.risk_domain_standard(domain text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT CASE domain WHEN 'ai' THEN 'iso42001:2023' WHEN 'information_security' THEN 'iso27001:2022' END;
END;
COMMENT ON FUNCTION @extschema@.risk_domain_standard(text) IS
'the standard whose risk process a risk domain belongs to: iso27001:2022 for information_security, iso42001:2023 for ai';

CREATE FUNCTION @extschema@.frequency_interval(frequency text) RETURNS interval
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT CASE frequency WHEN 'monthly' THEN interval '1 month' WHEN 'quarterly' THEN interval '3 months'
		   WHEN 'half_yearly' THEN interval '6 months' WHEN 'yearly' THEN interval '1 year' END;
END;
COMMENT ON FUNCTION @extschema@.frequency_interval(text) IS
'the period of a measurement frequency of ims.objective (monthly, quarterly, half_yearly, yearly)';

-- every_organization: true for every organization the caller can see,
-- whatever org_ids says; the report views pass it as a constant, so that
-- the filters on org_id fold away and a view's own filter on org_id
-- reaches every table (and Citus routes it).  The finding rules leave it
-- false.  Each risk's latest acceptance and its actions are joined on
-- org_id, not read by lateral subqueries, for the same reason.
CREATE FUNCTION @extschema@.risk_treatment_status(org_ids bigint[], every_organization boolean DEFAULT false)
	RETURNS TABLE (org_id bigint, risk_id bigint, domain text, inherent_level integer,
				   residual_likelihood integer, residual_impact integer, residual_level integer,
				   acceptable_level integer, acceptance_id bigint, acceptance_status text,
				   actions bigint, actions_open bigint, actions_overdue bigint, most_overdue_days integer,
				   next_due_on date)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT r.org_id, r.risk_id, d.domain, r.likelihood * r.impact, e.likelihood, e.impact,
		   e.likelihood * e.impact, c.acceptable_level, a.acceptance_id,
		   CASE WHEN c.org_id IS NULL THEN 'no_criteria'
				WHEN e.likelihood IS NULL OR e.impact IS NULL THEN 'not_rated'
				WHEN e.likelihood * e.impact <= c.acceptable_level THEN 'within_criteria'
				WHEN a.acceptance_id IS NULL THEN 'not_accepted'
				WHEN (a.accepted_likelihood, a.accepted_impact) IS DISTINCT FROM (e.likelihood, e.impact)
					 OR r.rating_changed_at > a.accepted_at THEN 'stale'
				WHEN a.expires_on < current_date THEN 'expired'
				ELSE 'accepted' END,
		   coalesce(t.actions, 0), coalesce(t.actions_open, 0), coalesce(t.actions_overdue, 0),
		   t.most_overdue_days, t.next_due_on
	FROM @extschema@.risk r
	JOIN @extschema@.organization o ON o.org_id = r.org_id
	CROSS JOIN LATERAL (SELECT @extschema@.risk_domain(r.risk_type) AS domain) d
	CROSS JOIN LATERAL (
		SELECT coalesce(r.residual_likelihood::integer, CASE WHEN r.treatment = 'accept' THEN r.likelihood::integer END) AS likelihood,
			   coalesce(r.residual_impact::integer, CASE WHEN r.treatment = 'accept' THEN r.impact::integer END) AS impact) e
	LEFT JOIN @extschema@.risk_criteria c
	  ON c.org_id = r.org_id AND (every_organization OR c.org_id = ANY (org_ids)) AND c.domain = d.domain
	LEFT JOIN (SELECT DISTINCT ON (k.org_id, k.risk_id) k.org_id, k.risk_id, k.acceptance_id,
					  k.accepted_likelihood, k.accepted_impact, k.accepted_at, k.expires_on
			   FROM @extschema@.risk_acceptance k
			   WHERE every_organization OR k.org_id = ANY (org_ids)
			   ORDER BY k.org_id, k.risk_id, k.accepted_at DESC, k.acceptance_id DESC) a
	  ON a.org_id = r.org_id AND a.risk_id = r.risk_id
	LEFT JOIN (
		SELECT x.org_id, x.risk_id, count(*) AS actions,
			   count(*) FILTER (WHERE x.status IN ('planned', 'in_progress')) AS actions_open,
			   count(*) FILTER (WHERE x.status IN ('planned', 'in_progress') AND x.due_on < current_date) AS actions_overdue,
			   max(current_date - x.due_on) FILTER (WHERE x.status IN ('planned', 'in_progress') AND x.due_on < current_date)
				   AS most_overdue_days,
			   min(x.due_on) FILTER (WHERE x.status IN ('planned', 'in_progress')) AS next_due_on
		FROM @extschema@.risk_treatment_action x
		WHERE every_organization OR x.org_id = ANY (org_ids)
		GROUP BY x.org_id, x.risk_id) t
	  ON t.org_id = r.org_id AND t.risk_id = r.risk_id
	WHERE every_organization OR (o.org_id = ANY (org_ids) AND r.org_id = ANY (org_ids));
END;
COMMENT ON FUNCTION @extschema@.risk_treatment_status(bigint[], boolean) IS
'per risk of the organizations (every_organization: of every one the caller can see): its domain, inherent and residual levels (the residual rating of a risk accepted as it is is its inherent one), the acceptable level of its domain''s criteria, its latest acceptance and what it is worth (no_criteria, not_rated, within_criteria, not_accepted, stale, expired, accepted), and its treatment actions';

CREATE FUNCTION @extschema@.objective_status(org_ids bigint[], every_organization boolean DEFAULT false)
	RETURNS TABLE (org_id bigint, objective_id bigint, measurements bigint, latest_measured_on date,
				   latest_value numeric, latest_result text, next_measurement_due date)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT j.org_id, j.objective_id, coalesce(m.n, 0), l.measured_on, l.value, l.result,
		   (coalesce(l.measured_on, j.set_on) + @extschema@.frequency_interval(j.frequency))::date
	FROM @extschema@.objective j
	JOIN @extschema@.organization o ON o.org_id = j.org_id
	LEFT JOIN (SELECT x.org_id, x.objective_id, count(*) AS n FROM @extschema@.objective_measurement x
			   WHERE every_organization OR x.org_id = ANY (org_ids)
			   GROUP BY x.org_id, x.objective_id) m
	  ON m.org_id = j.org_id AND m.objective_id = j.objective_id
	LEFT JOIN (SELECT DISTINCT ON (x.org_id, x.objective_id) x.org_id, x.objective_id, x.measured_on, x.value, x.result
			   FROM @extschema@.objective_measurement x
			   WHERE every_organization OR x.org_id = ANY (org_ids)
			   ORDER BY x.org_id, x.objective_id, x.measured_on DESC) l
	  ON l.org_id = j.org_id AND l.objective_id = j.objective_id
	WHERE every_organization OR (o.org_id = ANY (org_ids) AND j.org_id = ANY (org_ids));
END;
COMMENT ON FUNCTION @extschema@.objective_status(bigint[], boolean) IS
'per objective of the organizations (every_organization: of every one the caller can see): how often it was measured, its latest measurement, and when the next one is due (one period after the latest, or after it was set)';

-- The records are user data: pg_dump keeps all of them, and their sequences.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.risk_criteria', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.risk_treatment_action', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.risk_treatment_action_control', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.risk_acceptance', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.risk_reference', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.objective', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.objective_measurement', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.objective_reference', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.risk_treatment_action_action_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.risk_acceptance_acceptance_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.objective_objective_id_seq', '');
