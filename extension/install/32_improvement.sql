/* extension/install/32_improvement.sql */

----------------------------------------------------------------------------
-- The improvement loop of both standards (docs/improvement.md): the audit
-- programme (9.2.2), the outputs of the management review (9.3.3), and one
-- register of nonconformities and corrective actions (10.2).
--
-- The audit and the review keep their 1.1 tables (30_record.sql); what the
-- programme and the review add are columns added here and tables of their
-- own.  An audit recorded as 1.1 recorded it, with covers and no scope,
-- covers the whole of each standard it names: ims.cycle_coverage counts
-- it as 1.1 did.  Before 35 and 41, whose functions read these tables.
----------------------------------------------------------------------------

ALTER TABLE @extschema@.internal_audit
	ADD COLUMN criteria text,
	ADD COLUMN ended_on date,
	ADD COLUMN conclusion text,
	ADD COLUMN reported_on date,
	ADD COLUMN reported_to text,
	ADD CONSTRAINT internal_audit_ended_on_check CHECK (ended_on >= performed_on),
	ADD CONSTRAINT internal_audit_reported_on_check CHECK (reported_on >= performed_on),
	ADD CONSTRAINT internal_audit_reported_to_check CHECK (@extschema@.name_fault(reported_to) IS NULL);
COMMENT ON COLUMN @extschema@.internal_audit.criteria IS 'Audit criteria: the requirements audited against, such as ISO/IEC 42001:2023 clauses 4 to 10 and the AI policy (9.2.2 a)';
COMMENT ON COLUMN @extschema@.internal_audit.ended_on IS 'Last day of the audit, when it took more than one (performed_on is the first)';
COMMENT ON COLUMN @extschema@.internal_audit.conclusion IS 'The audit''s conclusion: whether the management system conforms and is effectively implemented (9.2.1)';
COMMENT ON COLUMN @extschema@.internal_audit.reported_on IS 'When its results were reported to relevant management (9.2.2 c); null until they are';
COMMENT ON COLUMN @extschema@.internal_audit.reported_to IS 'To whom the results were reported, such as Management board';

-- The scope of an audit: the clauses and controls of each standard it
-- covers.  A clause includes its sub-clauses (8 includes 8.4).  A standard
-- the audit covers with no scope row is covered whole.
CREATE TABLE @extschema@.audit_scope (
	org_id bigint NOT NULL,
	scope_id bigserial NOT NULL,
	audit_id bigint NOT NULL,
	standard text NOT NULL,
	clause text,
	control_id text,
	CONSTRAINT audit_scope_pkey PRIMARY KEY (org_id, scope_id),
	CONSTRAINT audit_scope_audit_fkey FOREIGN KEY (org_id, audit_id)
		REFERENCES @extschema@.internal_audit (org_id, audit_id) ON DELETE CASCADE,
	CONSTRAINT audit_scope_clause_fkey FOREIGN KEY (standard, clause)
		REFERENCES @extschema@.clause (standard, number),
	CONSTRAINT audit_scope_control_fkey FOREIGN KEY (standard, control_id)
		REFERENCES @extschema@.control (standard, control_id),
	CONSTRAINT audit_scope_item_check CHECK (pg_catalog.num_nonnulls(clause, control_id) = 1),
	CONSTRAINT audit_scope_item_key UNIQUE NULLS NOT DISTINCT (org_id, audit_id, standard, clause, control_id)
);
COMMENT ON TABLE @extschema@.audit_scope IS 'The scope of an internal audit (9.2.2 b): the clauses and controls of each standard it covers; a standard the audit covers without a scope row is covered whole';
COMMENT ON COLUMN @extschema@.audit_scope.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.audit_scope.scope_id IS 'Identifier of the scope row';
COMMENT ON COLUMN @extschema@.audit_scope.audit_id IS 'The audit (deleting it deletes its scope)';
COMMENT ON COLUMN @extschema@.audit_scope.standard IS 'Standard of the clause or control; one the audit covers';
COMMENT ON COLUMN @extschema@.audit_scope.clause IS 'Clause audited, with its sub-clauses, such as 8 or 8.4 (a clause of ims.clause); null for a control';
COMMENT ON COLUMN @extschema@.audit_scope.control_id IS 'Control audited, such as A.6.2.4 (a control of ims.control); null for a clause';

-- The audit team beside its lead (internal_audit.lead_auditor_id), and the
-- areas each auditor is responsible for: an auditor does not audit their
-- own work (9.2.2 b, impartiality; AUD004).
CREATE TABLE @extschema@.audit_team_member (
	org_id bigint NOT NULL,
	audit_id bigint NOT NULL,
	auditor_id bigint NOT NULL,
	CONSTRAINT audit_team_member_pkey PRIMARY KEY (org_id, audit_id, auditor_id),
	CONSTRAINT audit_team_member_audit_fkey FOREIGN KEY (org_id, audit_id)
		REFERENCES @extschema@.internal_audit (org_id, audit_id) ON DELETE CASCADE,
	CONSTRAINT audit_team_member_auditor_fkey FOREIGN KEY (org_id, auditor_id)
		REFERENCES @extschema@.auditor (org_id, auditor_id)
);
COMMENT ON TABLE @extschema@.audit_team_member IS 'The members of an audit team beside its lead auditor (internal_audit.lead_auditor_id)';
COMMENT ON COLUMN @extschema@.audit_team_member.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.audit_team_member.audit_id IS 'The audit (deleting it deletes its team)';
COMMENT ON COLUMN @extschema@.audit_team_member.auditor_id IS 'An auditor of the team';

CREATE TABLE @extschema@.auditor_area (
	org_id bigint NOT NULL,
	area_id bigserial NOT NULL,
	auditor_id bigint NOT NULL,
	standard text NOT NULL,
	clause text,
	control_id text,
	CONSTRAINT auditor_area_pkey PRIMARY KEY (org_id, area_id),
	CONSTRAINT auditor_area_auditor_fkey FOREIGN KEY (org_id, auditor_id)
		REFERENCES @extschema@.auditor (org_id, auditor_id) ON DELETE CASCADE,
	CONSTRAINT auditor_area_clause_fkey FOREIGN KEY (standard, clause)
		REFERENCES @extschema@.clause (standard, number),
	CONSTRAINT auditor_area_control_fkey FOREIGN KEY (standard, control_id)
		REFERENCES @extschema@.control (standard, control_id),
	CONSTRAINT auditor_area_item_check CHECK (pg_catalog.num_nonnulls(clause, control_id) = 1),
	CONSTRAINT auditor_area_item_key UNIQUE NULLS NOT DISTINCT (org_id, auditor_id, standard, clause, control_id)
);
COMMENT ON TABLE @extschema@.auditor_area IS 'The areas an auditor is responsible for in their own work, as clauses or controls: an audit whose scope includes one is the auditor auditing their own work (AUD004)';
COMMENT ON COLUMN @extschema@.auditor_area.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.auditor_area.area_id IS 'Identifier of the area';
COMMENT ON COLUMN @extschema@.auditor_area.auditor_id IS 'The auditor (deleting the auditor deletes the areas)';
COMMENT ON COLUMN @extschema@.auditor_area.standard IS 'Standard of the clause or control';
COMMENT ON COLUMN @extschema@.auditor_area.clause IS 'Clause the auditor is responsible for, with its sub-clauses; null for a control';
COMMENT ON COLUMN @extschema@.auditor_area.control_id IS 'Control the auditor is responsible for, such as A.8.15; null for a clause';

-- A scope row names a standard its audit covers.
CREATE FUNCTION @extschema@.check_audit_scope() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	audit record;
BEGIN
	SELECT a.cycle, a.covers INTO audit FROM @extschema@.internal_audit a
	WHERE a.org_id OPERATOR(pg_catalog.=) NEW.org_id AND a.audit_id OPERATOR(pg_catalog.=) NEW.audit_id
	FOR SHARE;
	-- no such audit, or one the writer may not edit: the foreign key or
	-- row-level security refuses the row, with its own message
	IF NOT FOUND THEN
		RETURN NEW;
	END IF;
	IF NOT NEW.standard OPERATOR(pg_catalog.=) ANY (audit.covers) THEN
		RAISE EXCEPTION 'internal audit % does not cover standard "%"', NEW.audit_id, NEW.standard
			USING ERRCODE = 'foreign_key_violation',
				DETAIL = pg_catalog.format('Internal audit %s covers %s; its scope can name clauses and controls of those standards only.',
										   audit.cycle, pg_catalog.array_to_string(audit.covers, ', ')),
				HINT = pg_catalog.format('Add %s to the audit''s covers first.', NEW.standard),
				SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'standard';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.check_audit_scope() IS
'trigger: a scope row of an internal audit (ims.audit_scope) names a standard the audit covers';
CREATE TRIGGER audit_scope_covered BEFORE INSERT OR UPDATE ON @extschema@.audit_scope
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_audit_scope();

-- An audit's covers keep every standard its scope names.  The scope row's
-- trigger locks the audit FOR SHARE and an UPDATE of covers holds the
-- audit's row lock before this trigger runs, so the two queue.
CREATE FUNCTION @extschema@.check_audit_covers_scoped() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	dropped text;
	n bigint;
BEGIN
	-- a null covers is the NOT NULL constraint's to refuse, with its own message
	IF NEW.covers IS NULL THEN
		RETURN NEW;
	END IF;
	SELECT s.standard, pg_catalog.count(*) INTO dropped, n
	FROM @extschema@.audit_scope s
	WHERE s.org_id OPERATOR(pg_catalog.=) OLD.org_id AND s.audit_id OPERATOR(pg_catalog.=) OLD.audit_id
	  AND NOT s.standard OPERATOR(pg_catalog.=) ANY (NEW.covers)
	GROUP BY s.standard
	ORDER BY s.standard COLLATE "C"
	LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'internal audit % has a scope in standard "%"', OLD.audit_id, dropped
			USING ERRCODE = 'foreign_key_violation',
				DETAIL = pg_catalog.format('Its scope (ims.audit_scope) names %s %s of %s; its new covers leave that standard out.',
										   n, CASE WHEN n OPERATOR(pg_catalog.=) 1 THEN 'clause or control' ELSE 'clauses or controls' END,
										   dropped),
				HINT = 'Delete those scope rows first, or keep the standard in covers.',
				SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'covers';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.check_audit_covers_scoped() IS
'trigger: an internal audit''s covers keep every standard its scope (ims.audit_scope) names';
CREATE TRIGGER internal_audit_covers_scoped BEFORE UPDATE OF covers ON @extschema@.internal_audit
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_audit_covers_scoped();

-- The clauses of each standard in scope that the audits of the cycle (the
-- last 12 months, not after today) leave out, for the standards at least
-- one of them covers: the largest clauses left out whole (8.4 when 8.1 to
-- 8.3 are audited, 9 when nothing of 9 is).  One sub-clause belongs to
-- another when its number extends the other's (8.4 to 8), as in the
-- numbering of the harmonized structure.  ims.cycle_coverage and AUD003
-- read it.
CREATE FUNCTION @extschema@.audit_clause_gaps(org_ids bigint[])
	RETURNS TABLE (org_id bigint, standard text, clause text, title text, ordinal integer)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH audited AS MATERIALIZED (
		SELECT a.org_id, a.audit_id, x AS standard,
		       EXISTS (SELECT 1 FROM @extschema@.audit_scope s WHERE s.org_id = a.org_id AND s.org_id = ANY (org_ids)
		               AND s.audit_id = a.audit_id AND s.standard = x) AS scoped
		FROM @extschema@.internal_audit a JOIN @extschema@.organization o USING (org_id), unnest(a.covers) AS x
		WHERE o.org_id = ANY (org_ids) AND a.org_id = ANY (org_ids) AND x = ANY (o.standards)
		  AND a.performed_on > current_date - interval '12 months' AND a.performed_on <= current_date),
	scope AS MATERIALIZED (
		SELECT s.org_id, s.standard, s.clause
		FROM audited d JOIN @extschema@.audit_scope s
		  ON s.org_id = d.org_id AND s.org_id = ANY (org_ids) AND s.audit_id = d.audit_id AND s.standard = d.standard
		WHERE s.clause IS NOT NULL),
	partial AS (
		SELECT d.org_id, d.standard FROM audited d GROUP BY d.org_id, d.standard HAVING bool_and(d.scoped))
	SELECT p.org_id, p.standard, c.number, c.title, c.ordinal
	FROM partial p JOIN @extschema@.clause c ON c.standard = p.standard
	WHERE NOT EXISTS (SELECT 1 FROM scope s WHERE s.org_id = p.org_id AND s.org_id = ANY (org_ids) AND s.standard = p.standard
	                  AND (s.clause = c.number OR s.clause LIKE c.number || '.%' OR c.number LIKE s.clause || '.%'))
	  AND (c.parent IS NULL
	       OR EXISTS (SELECT 1 FROM scope s WHERE s.org_id = p.org_id AND s.org_id = ANY (org_ids) AND s.standard = p.standard
	                  AND (s.clause = c.parent OR s.clause LIKE c.parent || '.%')));
END;
COMMENT ON FUNCTION @extschema@.audit_clause_gaps(bigint[]) IS
'for each standard in scope that the internal audits of the last 12 months cover, of the organizations the caller can see, the largest clauses none of them audited (a standard an audit covers without a scope row is audited whole, as in 1.1)';

----------------------------------------------------------------------------
-- The management review: attendees, the inputs as presented, the outputs
-- of 9.3.3 (decisions and actions), carried into the next review's input
-- "status of actions from previous reviews"
----------------------------------------------------------------------------

ALTER TABLE @extschema@.management_review
	ADD COLUMN attendees text[] NOT NULL DEFAULT '{}',
	ADD COLUMN inputs jsonb,
	ADD CONSTRAINT management_review_inputs_check CHECK (jsonb_typeof(inputs) = 'array');
COMMENT ON COLUMN @extschema@.management_review.attendees IS 'Who attended, such as {CEO,CISO,Head of AI}';
COMMENT ON COLUMN @extschema@.management_review.inputs IS 'The inputs as presented at the meeting: the rows of ims.management_review_agenda as a JSON array, taken by ims.record_review_inputs; null when not taken';

CREATE TABLE @extschema@.review_output (
	org_id bigint NOT NULL,
	output_id bigserial NOT NULL,
	review_id bigint NOT NULL,
	kind text NOT NULL,
	decision text NOT NULL,
	owner text,
	due_on date,
	status text NOT NULL DEFAULT 'open',
	done_on date,
	CONSTRAINT review_output_pkey PRIMARY KEY (org_id, output_id),
	CONSTRAINT review_output_review_fkey FOREIGN KEY (org_id, review_id)
		REFERENCES @extschema@.management_review (org_id, review_id) ON DELETE CASCADE,
	CONSTRAINT review_output_kind_check CHECK (kind IN ('improvement', 'change', 'resources', 'decision')),
	CONSTRAINT review_output_decision_check CHECK (pg_catalog.btrim(decision) <> ''),
	CONSTRAINT review_output_owner_check CHECK (@extschema@.name_fault(owner) IS NULL),
	CONSTRAINT review_output_status_check CHECK (status IN ('open', 'done', 'cancelled')),
	CONSTRAINT review_output_action_check CHECK (status = 'open' OR done_on IS NOT NULL),
	CONSTRAINT review_output_due_check CHECK ((owner IS NULL) = (due_on IS NULL))
);
COMMENT ON TABLE @extschema@.review_output IS 'The outputs of a management review (9.3.3): decisions on opportunities for improvement and on changes to the management system, each action with its owner and due date';
COMMENT ON COLUMN @extschema@.review_output.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.review_output.output_id IS 'Identifier of the output';
COMMENT ON COLUMN @extschema@.review_output.review_id IS 'The review that decided it (deleting the review deletes its outputs)';
COMMENT ON COLUMN @extschema@.review_output.kind IS 'improvement (an opportunity for continual improvement), change (a change to the management system), resources (resources needed) or decision (another decision)';
COMMENT ON COLUMN @extschema@.review_output.decision IS 'What was decided';
COMMENT ON COLUMN @extschema@.review_output.owner IS 'Who carries out the action; null for a decision that needs no action (then due_on is null too)';
COMMENT ON COLUMN @extschema@.review_output.due_on IS 'When the action is due';
COMMENT ON COLUMN @extschema@.review_output.status IS 'open, done or cancelled; the open actions are the next review''s input "status of actions from previous reviews"';
COMMENT ON COLUMN @extschema@.review_output.done_on IS 'When it was done or cancelled';

-- The input "status of actions from previous reviews", written once: the
-- date of the last review held and the actions still open, each with its
-- owner and due date.  Called by ims.management_review_agenda.  PL/pgSQL,
-- not SQL: Citus plans the query of a PL/pgSQL function for the value of
-- org, and routes it to the organization's shard; the query of an SQL
-- function with an argument it cannot plan at all.
CREATE FUNCTION @extschema@.review_actions_input(org bigint) RETURNS text
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN concat_ws('; ',
	       (SELECT 'last review held on ' || to_char(max(r.held_on), 'YYYY-MM-DD')
	        FROM @extschema@.management_review r WHERE r.org_id = org AND r.held_on <= current_date
	        HAVING max(r.held_on) IS NOT NULL),
	       (SELECT format('%s open %s: %s', count(*), CASE count(*) WHEN 1 THEN 'action' ELSE 'actions' END,
	                      string_agg(format('%s (%s, due %s%s, review of %s)', o.decision, o.owner,
	                                        to_char(o.due_on, 'YYYY-MM-DD'),
	                                        CASE WHEN o.due_on < current_date THEN ', overdue' ELSE '' END,
	                                        to_char(r.held_on, 'YYYY-MM-DD')),
	                                 '; ' ORDER BY o.due_on, o.output_id))
	        FROM @extschema@.review_output o JOIN @extschema@.management_review r USING (org_id, review_id)
	        WHERE o.org_id = org AND o.status = 'open' AND o.owner IS NOT NULL
	        HAVING count(*) > 0));
END
$$;
COMMENT ON FUNCTION @extschema@.review_actions_input(bigint) IS
'the management review input "status of actions from previous reviews" of an organization: the last review held and the open actions of the reviews (ims.review_output); NULL when there is neither';

----------------------------------------------------------------------------
-- One register of nonconformities and corrective actions for both
-- standards (10.2).  Not to be confused with ims.report_nonconformities,
-- which rolls up the validator's findings as an auditor's report would:
-- a finding becomes a nonconformity of the register when it is raised
-- (ims.raise_nonconformity), and then keeps its code and ref.
----------------------------------------------------------------------------

CREATE TABLE @extschema@.nonconformity_record (
	org_id bigint NOT NULL,
	nc_id bigserial NOT NULL,
	raised_on date NOT NULL DEFAULT current_date,
	source text NOT NULL,
	audit_id bigint,
	review_id bigint,
	finding_code text,
	finding_ref text,
	source_ref text,
	standard text,
	requirement text,
	grade text NOT NULL,
	description text NOT NULL,
	evidence text,
	correction text,
	root_cause text,
	effectiveness_review text,
	effectiveness_reviewed_on date,
	effective boolean,
	closed_on date,
	CONSTRAINT nonconformity_record_pkey PRIMARY KEY (org_id, nc_id),
	CONSTRAINT nonconformity_record_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT nonconformity_record_audit_fkey FOREIGN KEY (org_id, audit_id)
		REFERENCES @extschema@.internal_audit (org_id, audit_id),
	CONSTRAINT nonconformity_record_review_fkey FOREIGN KEY (org_id, review_id)
		REFERENCES @extschema@.management_review (org_id, review_id),
	CONSTRAINT nonconformity_record_source_check
		CHECK (source IN ('internal_audit', 'external_audit', 'management_review', 'incident', 'complaint', 'validator_finding')),
	CONSTRAINT nonconformity_record_audit_check CHECK ((source = 'internal_audit') = (audit_id IS NOT NULL)),
	CONSTRAINT nonconformity_record_review_check CHECK ((source = 'management_review') = (review_id IS NOT NULL)),
	CONSTRAINT nonconformity_record_finding_check
		CHECK ((source = 'validator_finding') = (finding_code IS NOT NULL AND finding_ref IS NOT NULL)
		       AND (finding_code IS NULL) = (finding_ref IS NULL)),
	CONSTRAINT nonconformity_record_finding_code_check CHECK (finding_code ~ '^[A-Z]{3}[0-9]{3}$'),
	CONSTRAINT nonconformity_record_requirement_check
		CHECK (requirement ~ '^(([4-9]|10)(\.[0-9]+)*( [a-z])?|A\.[0-9]+(\.[0-9]+)*)$'),
	CONSTRAINT nonconformity_record_grade_check CHECK (grade IN ('major', 'minor')),
	CONSTRAINT nonconformity_record_description_check CHECK (pg_catalog.btrim(description) <> ''),
	CONSTRAINT nonconformity_record_effectiveness_check
		CHECK ((effectiveness_reviewed_on IS NULL) = (effective IS NULL)),
	CONSTRAINT nonconformity_record_closed_on_check CHECK (closed_on >= raised_on)
);
COMMENT ON TABLE @extschema@.nonconformity_record IS 'The register of nonconformities of both standards (10.2): where each came from, the requirement, its grade, correction, root cause, corrective actions (ims.corrective_action), the review of their effectiveness and the closure; not the validator''s roll-up ims.report_nonconformities';
COMMENT ON COLUMN @extschema@.nonconformity_record.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.nonconformity_record.nc_id IS 'Identifier of the nonconformity';
COMMENT ON COLUMN @extschema@.nonconformity_record.raised_on IS 'When it was raised';
COMMENT ON COLUMN @extschema@.nonconformity_record.source IS 'Where it came from: internal_audit, external_audit, management_review, incident, complaint or validator_finding';
COMMENT ON COLUMN @extschema@.nonconformity_record.audit_id IS 'The internal audit that found it (source internal_audit)';
COMMENT ON COLUMN @extschema@.nonconformity_record.review_id IS 'The management review that raised it (source management_review)';
COMMENT ON COLUMN @extschema@.nonconformity_record.finding_code IS 'Code of the validator''s finding it was raised from (source validator_finding), such as AUD003';
COMMENT ON COLUMN @extschema@.nonconformity_record.finding_ref IS 'Ref of that finding: with the code and the organization it names the finding (ims.evaluate_findings)';
COMMENT ON COLUMN @extschema@.nonconformity_record.source_ref IS 'Reference of the source outside pg_ims: the external audit report, incident or complaint number';
COMMENT ON COLUMN @extschema@.nonconformity_record.standard IS 'Standard whose requirement is not met (code of ims.standard); null for one both share';
COMMENT ON COLUMN @extschema@.nonconformity_record.requirement IS 'The requirement not met: a clause (8.4) or a control (A.6.2.4) of the standard';
COMMENT ON COLUMN @extschema@.nonconformity_record.grade IS 'major or minor, as a certification body grades it';
COMMENT ON COLUMN @extschema@.nonconformity_record.description IS 'What is wrong';
COMMENT ON COLUMN @extschema@.nonconformity_record.evidence IS 'The objective evidence of it';
COMMENT ON COLUMN @extschema@.nonconformity_record.correction IS 'The correction: what was done to control and correct it and deal with its consequences (10.2 a)';
COMMENT ON COLUMN @extschema@.nonconformity_record.root_cause IS 'Its cause, as the review of the nonconformity determined it (10.2 b)';
COMMENT ON COLUMN @extschema@.nonconformity_record.effectiveness_review IS 'How the effectiveness of the corrective actions was reviewed, and what was found (10.2 d)';
COMMENT ON COLUMN @extschema@.nonconformity_record.effectiveness_reviewed_on IS 'When the effectiveness was reviewed';
COMMENT ON COLUMN @extschema@.nonconformity_record.effective IS 'Whether the corrective actions were found effective; null until reviewed';
COMMENT ON COLUMN @extschema@.nonconformity_record.closed_on IS 'When it was closed: only after an effectiveness review that found the actions effective, and with every corrective action done or cancelled; null while open';

CREATE TABLE @extschema@.corrective_action (
	org_id bigint NOT NULL,
	action_id bigserial NOT NULL,
	nc_id bigint NOT NULL,
	description text NOT NULL,
	owner text NOT NULL,
	due_on date NOT NULL,
	status text NOT NULL DEFAULT 'open',
	done_on date,
	CONSTRAINT corrective_action_pkey PRIMARY KEY (org_id, action_id),
	CONSTRAINT corrective_action_nc_fkey FOREIGN KEY (org_id, nc_id)
		REFERENCES @extschema@.nonconformity_record (org_id, nc_id) ON DELETE CASCADE,
	CONSTRAINT corrective_action_description_check CHECK (pg_catalog.btrim(description) <> ''),
	CONSTRAINT corrective_action_owner_check CHECK (@extschema@.name_fault(owner) IS NULL),
	CONSTRAINT corrective_action_status_check CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
	CONSTRAINT corrective_action_done_on_check CHECK ((status IN ('done', 'cancelled')) = (done_on IS NOT NULL))
);
COMMENT ON TABLE @extschema@.corrective_action IS 'The corrective actions of a nonconformity of the register (10.2 c), each with its owner, due date and status';
COMMENT ON COLUMN @extschema@.corrective_action.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.corrective_action.action_id IS 'Identifier of the action';
COMMENT ON COLUMN @extschema@.corrective_action.nc_id IS 'The nonconformity it corrects (deleting it deletes its actions)';
COMMENT ON COLUMN @extschema@.corrective_action.description IS 'What is to be done to eliminate the cause';
COMMENT ON COLUMN @extschema@.corrective_action.owner IS 'Who does it';
COMMENT ON COLUMN @extschema@.corrective_action.due_on IS 'When it is due';
COMMENT ON COLUMN @extschema@.corrective_action.status IS 'open, in_progress, done or cancelled';
COMMENT ON COLUMN @extschema@.corrective_action.done_on IS 'When it was done or cancelled; null while open or in progress';

-- The register's part of the management review input "nonconformities
-- and corrective actions" (9.3.2 d 1): NULL while the register is empty.
-- Called by ims.management_review_agenda; PL/pgSQL for Citus, as
-- ims.review_actions_input.
CREATE FUNCTION @extschema@.register_input(org bigint) RETURNS text
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN (SELECT format('%s of %s nonconformities of the register open, %s corrective actions overdue (ims.report_nonconformity_register)',
	              count(*) FILTER (WHERE n.closed_on IS NULL), count(*),
	              (SELECT count(*) FROM @extschema@.corrective_action a
	               JOIN @extschema@.nonconformity_record m ON m.org_id = a.org_id AND m.nc_id = a.nc_id
	               WHERE a.org_id = org AND m.closed_on IS NULL
	                 AND a.status IN ('open', 'in_progress') AND a.due_on < current_date))
	FROM @extschema@.nonconformity_record n WHERE n.org_id = org
	HAVING count(*) > 0);
END
$$;
COMMENT ON FUNCTION @extschema@.register_input(bigint) IS
'the register''s part of the management review input "nonconformities and corrective actions" of an organization: how many nonconformities are open and corrective actions overdue; NULL while the register is empty';

-- A nonconformity is closed only after the effectiveness of its corrective
-- actions was reviewed and found effective (10.2 d), and with none of them
-- left to do.  A restore loads the register before its actions, so the
-- second check sees none and lets a closed row through.
CREATE FUNCTION @extschema@.check_nonconformity_closure() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	open_actions bigint;
BEGIN
	IF NEW.closed_on IS NULL THEN
		RETURN NEW;
	END IF;
	IF NEW.effectiveness_reviewed_on IS NULL OR pg_catalog.btrim(coalesce(NEW.effectiveness_review, '')) OPERATOR(pg_catalog.=) '' THEN
		RAISE EXCEPTION 'nonconformity % cannot be closed without an effectiveness review', NEW.nc_id
			USING ERRCODE = 'check_violation',
				DETAIL = 'Clause 10.2 d) asks that the effectiveness of the corrective actions be reviewed before a nonconformity is closed.',
				HINT = 'Record the review in effectiveness_review, effectiveness_reviewed_on and effective, then close it.',
				SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'closed_on';
	END IF;
	IF NOT NEW.effective THEN
		RAISE EXCEPTION 'nonconformity % cannot be closed: its corrective actions were found not effective', NEW.nc_id
			USING ERRCODE = 'check_violation',
				DETAIL = 'Its effectiveness review found that they did not eliminate the cause.',
				HINT = 'Determine the cause again, plan further corrective actions, and review their effectiveness.',
				SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'closed_on';
	END IF;
	SELECT pg_catalog.count(*) INTO open_actions FROM @extschema@.corrective_action a
	WHERE a.org_id OPERATOR(pg_catalog.=) NEW.org_id AND a.nc_id OPERATOR(pg_catalog.=) NEW.nc_id
	  AND a.status OPERATOR(pg_catalog.=) ANY (ARRAY['open', 'in_progress']);
	IF open_actions OPERATOR(pg_catalog.>) 0 THEN
		RAISE EXCEPTION 'nonconformity % cannot be closed while corrective actions are open', NEW.nc_id
			USING ERRCODE = 'check_violation',
				DETAIL = pg_catalog.format('Open or in progress: %s of its corrective actions. A nonconformity is closed when they are done and found effective.', open_actions),
				HINT = 'Mark the actions done (or cancelled, saying why in the effectiveness review) first.',
				SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'closed_on';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.check_nonconformity_closure() IS
'trigger: a nonconformity of the register (ims.nonconformity_record) is closed only after an effectiveness review that found its corrective actions effective, with none of them open';
CREATE TRIGGER nonconformity_record_closure BEFORE INSERT OR UPDATE ON @extschema@.nonconformity_record
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_nonconformity_closure();

-- No corrective action is left to do on a closed nonconformity: a new or
-- reopened action of one is refused.  It locks the nonconformity FOR
-- SHARE, and the closing UPDATE holds the row's lock before its trigger
-- runs, so a closure and a new action queue on the nonconformity's row and
-- whichever waits sees what the other committed
-- (specs/nonconformity_closure.spec).
CREATE FUNCTION @extschema@.check_corrective_action_open() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	closed date;
BEGIN
	IF NOT NEW.status OPERATOR(pg_catalog.=) ANY (ARRAY['open', 'in_progress']) THEN
		RETURN NEW;
	END IF;
	SELECT n.closed_on INTO closed FROM @extschema@.nonconformity_record n
	WHERE n.org_id OPERATOR(pg_catalog.=) NEW.org_id AND n.nc_id OPERATOR(pg_catalog.=) NEW.nc_id
	FOR SHARE;
	-- no such nonconformity, or one the writer may not edit: the foreign
	-- key or row-level security refuses the row, with its own message
	IF closed IS NOT NULL THEN
		RAISE EXCEPTION 'nonconformity % is closed', NEW.nc_id
			USING ERRCODE = 'check_violation',
				DETAIL = 'A closed nonconformity has no corrective action left to do.',
				HINT = 'Reopen it (closed_on = NULL) if the cause was not eliminated, or raise a new nonconformity.',
				SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'status';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.check_corrective_action_open() IS
'trigger: a corrective action open or in progress (ims.corrective_action) belongs to a nonconformity that is not closed';
CREATE TRIGGER corrective_action_open BEFORE INSERT OR UPDATE ON @extschema@.corrective_action
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_corrective_action_open();

-- A finding of the validator raised as a nonconformity of the register in
-- one call: the finding is named by the organization, its code and its ref
-- (as a waiver names it), and the register keeps code and ref.
CREATE FUNCTION @extschema@.raise_nonconformity(org_id bigint, code text, ref text)
	RETURNS bigint
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	org bigint := raise_nonconformity.org_id;
	f record;
	existing bigint;
	nc bigint;
BEGIN
	PERFORM @extschema@.lock_organization(org, 'edit');
	IF code IS NULL OR ref IS NULL THEN
		RAISE EXCEPTION 'finding code and ref must not be null'
			USING ERRCODE = 'null_value_not_allowed',
				HINT = 'Pass the code and ref of a row of ims.integration_findings().';
	END IF;
	SELECT v.* INTO f FROM @extschema@.evaluate_findings(ARRAY[org], false) v
	WHERE v.code OPERATOR(pg_catalog.=) raise_nonconformity.code AND v.ref OPERATOR(pg_catalog.=) raise_nonconformity.ref;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'organization % has no finding % for "%"', org, code, ref
			USING ERRCODE = 'undefined_object',
				DETAIL = 'The validator does not find it now.',
				HINT = 'Pass the code and ref of a row of ims.integration_findings().';
	END IF;
	IF f.grade OPERATOR(pg_catalog.=) 'observation' THEN
		RAISE EXCEPTION 'finding % for "%" is an observation, not a nonconformity', code, ref
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = pg_catalog.format('Its category is %s.', f.category),
				HINT = 'Record it as an opportunity for improvement (ims.review_output of kind improvement) instead.';
	END IF;
	SELECT n.nc_id INTO existing FROM @extschema@.nonconformity_record n
	WHERE n.org_id OPERATOR(pg_catalog.=) org AND n.finding_code OPERATOR(pg_catalog.=) raise_nonconformity.code
	  AND n.finding_ref OPERATOR(pg_catalog.=) raise_nonconformity.ref AND n.closed_on IS NULL;
	IF FOUND THEN
		RAISE EXCEPTION 'finding % for "%" is already raised as nonconformity %', code, ref, existing
			USING ERRCODE = 'unique_violation',
				DETAIL = 'That nonconformity is still open.',
				HINT = 'Work on the open nonconformity; a finding that stands after it was closed can be raised again.';
	END IF;
	INSERT INTO @extschema@.nonconformity_record (org_id, source, finding_code, finding_ref, standard, requirement,
												  grade, description)
	VALUES (org, 'validator_finding', f.code, f.ref, f.standard, f.requirement, f.grade, f.message)
	RETURNING nonconformity_record.nc_id INTO nc;
	RETURN nc;
END
$$;
COMMENT ON FUNCTION @extschema@.raise_nonconformity(bigint, text, text) IS
'raises a finding of the validator (the organization, its code and ref, as ims.integration_findings lists it) as a nonconformity of the register, with its grade, standard, requirement and message, keeping code and ref; returns the nc_id';

-- A result of an internal audit raised as a nonconformity in one call.
CREATE FUNCTION @extschema@.raise_nonconformity(org_id bigint, audit_id bigint, standard text, requirement text,
	grade text, description text, evidence text DEFAULT NULL)
	RETURNS bigint
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	org bigint := raise_nonconformity.org_id;
	covers text[];
	nc bigint;
BEGIN
	PERFORM @extschema@.lock_organization(org, 'edit');
	SELECT a.covers INTO covers FROM @extschema@.internal_audit a
	WHERE a.org_id OPERATOR(pg_catalog.=) org AND a.audit_id OPERATOR(pg_catalog.=) raise_nonconformity.audit_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'internal audit % does not exist', audit_id
			USING ERRCODE = 'undefined_object',
				DETAIL = pg_catalog.format('Organization %s has no internal audit of that id.', org),
				HINT = 'Pass the audit_id of a row of ims.internal_audit.';
	END IF;
	IF standard IS NOT NULL AND NOT standard OPERATOR(pg_catalog.=) ANY (covers) THEN
		RAISE EXCEPTION 'internal audit % does not cover standard "%"', audit_id, standard
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = pg_catalog.format('It covers %s.', pg_catalog.array_to_string(covers, ', ')),
				HINT = 'Name a standard the audit covers, or NULL for a requirement both share.';
	END IF;
	INSERT INTO @extschema@.nonconformity_record (org_id, source, audit_id, standard, requirement, grade,
												  description, evidence)
	VALUES (org, 'internal_audit', raise_nonconformity.audit_id, raise_nonconformity.standard,
			raise_nonconformity.requirement, raise_nonconformity.grade, raise_nonconformity.description,
			raise_nonconformity.evidence)
	RETURNING nonconformity_record.nc_id INTO nc;
	RETURN nc;
END
$$;
COMMENT ON FUNCTION @extschema@.raise_nonconformity(bigint, bigint, text, text, text, text, text) IS
'raises a result of an internal audit as a nonconformity of the register (source internal_audit): the audit, the standard (one it covers; NULL for a requirement both share), the requirement (clause or control), major or minor, what is wrong and the evidence; returns the nc_id';

-- The inputs of a review as presented: ims.management_review_agenda at the
-- meeting, kept with the review.
CREATE FUNCTION @extschema@.record_review_inputs(org_id bigint, review_id bigint)
	RETURNS jsonb
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	org bigint := record_review_inputs.org_id;
	snapshot jsonb;
BEGIN
	PERFORM @extschema@.lock_organization(org, 'edit');
	SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('item', a.item, 'standard', a.standard,
															   'title', a.title, 'input', a.input) ORDER BY a.n)
	INTO snapshot
	FROM @extschema@.management_review_agenda(org) WITH ORDINALITY AS a(item, standard, title, input, n);
	UPDATE @extschema@.management_review r SET inputs = snapshot
	WHERE r.org_id OPERATOR(pg_catalog.=) org AND r.review_id OPERATOR(pg_catalog.=) record_review_inputs.review_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'management review % does not exist', review_id
			USING ERRCODE = 'undefined_object',
				DETAIL = pg_catalog.format('Organization %s has no management review of that id.', org),
				HINT = 'Record the review in ims.management_review first.';
	END IF;
	RETURN snapshot;
END
$$;
COMMENT ON FUNCTION @extschema@.record_review_inputs(bigint, bigint) IS
'keeps the inputs of a management review as presented: the rows of ims.management_review_agenda now, as a JSON array in management_review.inputs; call it at the meeting, before its outputs are recorded; returns the array';

----------------------------------------------------------------------------
-- Roles and competence (5.3, 7.2; ISO 42001 A.3.2, A.4.6): the roles of
-- the system, the AI roles among them (for one AI system or for all), who
-- holds them, the competence each needs, and the dated records that show
-- a holder has it.  COM001 reports a role held without a current record
-- of a competence it needs; the competence of internal auditors stays
-- ims.auditor.competence, which AUD002 reads.
----------------------------------------------------------------------------

CREATE TABLE @extschema@.role (
	org_id bigint NOT NULL,
	role_id bigserial NOT NULL,
	name text NOT NULL,
	kind text NOT NULL DEFAULT 'management_system',
	system_id bigint,
	responsibilities text,
	required_competence text[] NOT NULL DEFAULT '{}',
	CONSTRAINT role_pkey PRIMARY KEY (org_id, role_id),
	CONSTRAINT role_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT role_system_fkey FOREIGN KEY (org_id, system_id)
		REFERENCES @extschema@.ai_system (org_id, system_id) ON DELETE CASCADE,
	CONSTRAINT role_name_check CHECK (@extschema@.name_fault(name) IS NULL),
	CONSTRAINT role_kind_check CHECK (kind IN ('management_system', 'ai')),
	CONSTRAINT role_system_check CHECK (system_id IS NULL OR kind = 'ai'),
	CONSTRAINT role_required_competence_check
		CHECK (array_position(required_competence, NULL) IS NULL
		       AND NOT '' = ANY (required_competence)),
	CONSTRAINT role_name_key UNIQUE NULLS NOT DISTINCT (org_id, name, system_id)
);
COMMENT ON TABLE @extschema@.role IS 'Roles, responsibilities and authorities of the management system (5.3), the AI roles among them (ISO 42001 A.3.2): AI system owner, impact assessor, human overseer, data steward…, each with the competence it needs (7.2, A.4.6)';
COMMENT ON COLUMN @extschema@.role.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.role.role_id IS 'Identifier of the role';
COMMENT ON COLUMN @extschema@.role.name IS 'Name of the role, such as Human overseer';
COMMENT ON COLUMN @extschema@.role.kind IS 'management_system (a role of the integrated system) or ai (an AI role, ISO 42001 A.3.2)';
COMMENT ON COLUMN @extschema@.role.system_id IS 'The AI system the role is for (ims.ai_system); null for a role over every system or the whole management system';
COMMENT ON COLUMN @extschema@.role.responsibilities IS 'Its responsibilities and authorities';
COMMENT ON COLUMN @extschema@.role.required_competence IS 'The competences a holder needs, as short codes the competence records use, such as {ai_impact_assessment,iso42001:2023}';

CREATE TABLE @extschema@.role_holder (
	org_id bigint NOT NULL,
	role_id bigint NOT NULL,
	holder text NOT NULL,
	since date NOT NULL DEFAULT current_date,
	until date,
	CONSTRAINT role_holder_pkey PRIMARY KEY (org_id, role_id, holder, since),
	CONSTRAINT role_holder_role_fkey FOREIGN KEY (org_id, role_id)
		REFERENCES @extschema@.role (org_id, role_id) ON DELETE CASCADE,
	CONSTRAINT role_holder_holder_check CHECK (@extschema@.name_fault(holder) IS NULL),
	CONSTRAINT role_holder_until_check CHECK (until >= since)
);
COMMENT ON TABLE @extschema@.role_holder IS 'Who holds each role, and since and until when (5.3)';
COMMENT ON COLUMN @extschema@.role_holder.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.role_holder.role_id IS 'The role (deleting it deletes its holders)';
COMMENT ON COLUMN @extschema@.role_holder.holder IS 'The person who holds it, named as in the competence records';
COMMENT ON COLUMN @extschema@.role_holder.since IS 'Since when';
COMMENT ON COLUMN @extschema@.role_holder.until IS 'Until when; null while held';

CREATE TABLE @extschema@.competence_record (
	org_id bigint NOT NULL,
	record_id bigserial NOT NULL,
	holder text NOT NULL,
	competence text NOT NULL,
	kind text NOT NULL,
	title text NOT NULL,
	obtained_on date NOT NULL,
	expires_on date,
	reference text,
	CONSTRAINT competence_record_pkey PRIMARY KEY (org_id, record_id),
	CONSTRAINT competence_record_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT competence_record_holder_check CHECK (@extschema@.name_fault(holder) IS NULL),
	CONSTRAINT competence_record_competence_check CHECK (pg_catalog.btrim(competence) <> ''),
	CONSTRAINT competence_record_kind_check CHECK (kind IN ('education', 'training', 'qualification', 'experience')),
	CONSTRAINT competence_record_title_check CHECK (pg_catalog.btrim(title) <> ''),
	CONSTRAINT competence_record_expires_on_check CHECK (expires_on >= obtained_on)
);
COMMENT ON TABLE @extschema@.competence_record IS 'Documented information as evidence of competence (7.2 d): the education, training, qualification or experience of a person, dated, with its expiry';
COMMENT ON COLUMN @extschema@.competence_record.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.competence_record.record_id IS 'Identifier of the record';
COMMENT ON COLUMN @extschema@.competence_record.holder IS 'The person, named as in ims.role_holder';
COMMENT ON COLUMN @extschema@.competence_record.competence IS 'The competence it shows, as a code of role.required_competence, such as ai_impact_assessment';
COMMENT ON COLUMN @extschema@.competence_record.kind IS 'education, training, qualification or experience';
COMMENT ON COLUMN @extschema@.competence_record.title IS 'What it is, such as ISO 42001 Lead Implementer certificate';
COMMENT ON COLUMN @extschema@.competence_record.obtained_on IS 'When it was obtained';
COMMENT ON COLUMN @extschema@.competence_record.expires_on IS 'Until when it counts; null for no expiry';
COMMENT ON COLUMN @extschema@.competence_record.reference IS 'Where the certificate or record is kept';

-- Each competence each current holder of a role needs, with the best
-- record of it: current (obtained, not expired) first, then the latest.
-- COM001 and report_competence read it.
CREATE FUNCTION @extschema@.role_competence(org_ids bigint[])
	RETURNS TABLE (org_id bigint, role_id bigint, holder text, competence text, record_id bigint,
				   obtained_on date, expires_on date, current boolean)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT h.org_id, h.role_id, h.holder, c, r.record_id, r.obtained_on, r.expires_on,
	       coalesce(r.obtained_on <= current_date AND (r.expires_on IS NULL OR r.expires_on >= current_date), false)
	FROM @extschema@.role_holder h
	JOIN @extschema@.role o ON o.org_id = h.org_id AND o.role_id = h.role_id
	JOIN @extschema@.organization g ON g.org_id = h.org_id
	CROSS JOIN LATERAL unnest(o.required_competence) AS c
	-- the best record of each holder's competence, joined on org_id (not a
	-- lateral subquery), so that a filter on org_id reaches it
	LEFT JOIN (SELECT DISTINCT ON (r.org_id, r.holder, r.competence) r.*
	           FROM @extschema@.competence_record r
	           WHERE (org_ids IS NULL OR r.org_id = ANY (org_ids)) AND r.obtained_on <= current_date
	           ORDER BY r.org_id, r.holder, r.competence,
	                    (r.expires_on IS NULL OR r.expires_on >= current_date) DESC,
	                    r.expires_on DESC NULLS FIRST, r.record_id DESC) AS r
	  ON r.org_id = h.org_id AND r.holder = h.holder AND r.competence = c
	-- each table by org_id, so that Citus routes one organization to one shard
	WHERE (org_ids IS NULL OR (g.org_id = ANY (org_ids) AND h.org_id = ANY (org_ids) AND o.org_id = ANY (org_ids)))
	  AND h.since <= current_date AND (h.until IS NULL OR h.until >= current_date);
END;
COMMENT ON FUNCTION @extschema@.role_competence(bigint[]) IS
'each competence each current holder of a role needs, of the given organizations (NULL: every one the caller can see), with the best record of it (a current one if any, else the latest expired) and whether it is current';

-- The register, the programme and the roles are user data: pg_dump keeps them, and
-- their sequences.  Row-level security: the DO list of 50_tenancy.sql.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.audit_scope', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.audit_team_member', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.auditor_area', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.review_output', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.nonconformity_record', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.corrective_action', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.role', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.role_holder', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.competence_record', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.audit_scope_scope_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.auditor_area_area_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.review_output_output_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.nonconformity_record_nc_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.corrective_action_action_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.role_role_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.competence_record_record_id_seq', '');
GRANT USAGE ON SEQUENCE @extschema@.audit_scope_scope_id_seq, @extschema@.auditor_area_area_id_seq,
	@extschema@.review_output_output_id_seq, @extschema@.nonconformity_record_nc_id_seq,
	@extschema@.corrective_action_action_id_seq, @extschema@.role_role_id_seq,
	@extschema@.competence_record_record_id_seq TO PUBLIC;
