/* extension/updates/1.1--1.2.sql: what 1.2 changes in a 1.1 database (CHANGELOG.md) */

----------------------------------------------------------------------------
-- Control pairs have a strength, and the shipped mapping is the one of the
-- second review (docs/mapping-review.md): pairs dropped and added, clause
-- pairs 4.1 and 6.1.1 analogous, a new action for 9.3.2.  First in the
-- script, so that what follows (the finding rules among it) can name the
-- column.
--
-- The pairs of a mapping imported into 1.1 get moderate, the strength an
-- imported mapping that states none gets in 1.2; the column then keeps no
-- default, as in a fresh install.  The shipped pairs are deleted and loaded
-- again from catalogs/mapping-27001-42001.json by the loader of CREATE
-- EXTENSION (as 1.0--1.1 loaded the shipped regulation), so an updated
-- database holds the rows a fresh install holds, and none of the dropped
-- pairs.  No other table refers to the mapping tables.
----------------------------------------------------------------------------

ALTER TABLE @extschema@.control_mapping ADD COLUMN strength text NOT NULL DEFAULT 'moderate';
ALTER TABLE @extschema@.control_mapping ALTER COLUMN strength DROP DEFAULT;
ALTER TABLE @extschema@.control_mapping ADD CONSTRAINT control_mapping_strength_check
	CHECK (strength IN ('strong', 'moderate', 'weak'));
COMMENT ON COLUMN @extschema@.control_mapping.strength IS 'How much of one control''s implementation and evidence carries over to the other: strong (one process or artefact serves both once extended to the new scope), moderate (a substantial part carries, the rest is specific), weak (a shared element only; deciding the two differently is normal); moderate when an imported mapping states none (docs/mapping-review.md)';

DELETE FROM @extschema@.clause_mapping WHERE builtin;
DELETE FROM @extschema@.control_mapping WHERE builtin;
CREATE FUNCTION @extschema@.load_builtin_catalog(file text, mapping boolean) RETURNS text
	AS 'MODULE_PATHNAME', 'catalog_load_builtin' LANGUAGE C STRICT VOLATILE;
SELECT @extschema@.load_builtin_catalog('mapping-27001-42001.json', true);
DROP FUNCTION @extschema@.load_builtin_catalog(text, boolean);

-- @replace view report_control_mapping

----------------------------------------------------------------------------
-- A restore keeps organizations that name imported standards
----------------------------------------------------------------------------

-- @replace function check_standard_codes

----------------------------------------------------------------------------
-- Access per organization as membership in roles (docs/tenancy.md): each
-- organization has a read, an edit and an approve role; ims.org_access is
-- the ledger of the grants, which its trigger applies to the memberships;
-- the policies ask for a role's privileges and read no table.  The grants
-- made in 1.1 become memberships here (ims.sync_access).
----------------------------------------------------------------------------

-- @replace function org_role
-- @replace function has_org_access
-- @replace function org_access_support
-- @replace function org_access_held
-- @replace function accessible_orgs
-- @replace function set_org_membership
-- @replace function org_role_members
-- @replace function sync_access
-- @replace function drop_access_roles
-- @replace function stamp_org_access
-- @replace function apply_org_access
CREATE TRIGGER org_access_apply AFTER INSERT OR UPDATE OR DELETE ON @extschema@.org_access
	FOR EACH ROW EXECUTE FUNCTION @extschema@.apply_org_access();

-- the policies of every record table, written once (50_tenancy.sql); it
-- replaces the policies of 1.1
-- @replace function protect_record_table
SELECT @extschema@.protect_record_table(t)
FROM unnest(ARRAY['document', 'ai_system', 'risk', 'risk_control', 'impact_assessment',
				  'soa', 'soa_entry', 'evidence', 'auditor', 'internal_audit',
				  'management_review', 'certification_body']) AS t;
SELECT @extschema@.protect_record_table('org_access', 'approve');
DROP POLICY organization_read ON @extschema@.organization;
DROP POLICY organization_update ON @extschema@.organization;
CREATE POLICY organization_read ON @extschema@.organization FOR SELECT
	USING (@extschema@.org_access_held(org_id, 'read'));
CREATE POLICY organization_update ON @extschema@.organization FOR UPDATE
	USING (@extschema@.org_access_held(org_id, 'edit'))
	WITH CHECK (@extschema@.org_access_held(org_id, 'edit'));
SELECT count(*) FROM @extschema@.sync_access();

----------------------------------------------------------------------------
-- Documents declare the clauses they serve beyond their topic's
-- (ims.document_clause)
----------------------------------------------------------------------------

CREATE TABLE @extschema@.document_clause (
	org_id bigint NOT NULL,
	doc_id bigint NOT NULL,
	standard text NOT NULL,
	clause text NOT NULL,
	CONSTRAINT document_clause_pkey PRIMARY KEY (org_id, doc_id, standard, clause),
	CONSTRAINT document_clause_document_fkey FOREIGN KEY (org_id, doc_id)
		REFERENCES @extschema@.document (org_id, doc_id) ON DELETE CASCADE,
	CONSTRAINT document_clause_clause_fkey FOREIGN KEY (standard, clause)
		REFERENCES @extschema@.clause (standard, number)
);
COMMENT ON TABLE @extschema@.document_clause IS 'Clauses a document serves beyond its topic''s (ims.clause_topic), per standard, and only of the standards it covers';
COMMENT ON COLUMN @extschema@.document_clause.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.document_clause.doc_id IS 'The document (deleting it deletes its declarations)';
COMMENT ON COLUMN @extschema@.document_clause.standard IS 'Standard of the clause; one the document covers';
COMMENT ON COLUMN @extschema@.document_clause.clause IS 'Clause number the document serves, such as 7.3 (a clause of ims.clause)';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.document_clause', '');

-- the policies of every record table (above)
SELECT @extschema@.protect_record_table('document_clause');

-- @replace function check_document_clause
CREATE TRIGGER document_clause_covered BEFORE INSERT OR UPDATE ON @extschema@.document_clause
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_document_clause();
-- @replace function check_document_covers_declared
CREATE TRIGGER document_covers_declared BEFORE UPDATE OF covers ON @extschema@.document
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_document_covers_declared();

----------------------------------------------------------------------------
-- OSCAL catalogs (docs/oscal.md): withdrawn controls are marked and left
-- out of new SoA drafts; the standards imported from OSCAL are recorded,
-- so that a plan keeps their control ids.  A standard imported into 1.1
-- is not recorded (its catalog's uuid is not known): its ids stay
-- standard-qualified until it is imported again under a new code.
----------------------------------------------------------------------------

-- @part 22_oscal_catalog.sql
-- @replace function export_oscal_ssp

-- The findings and the nonconformity register as OSCAL assessment results
-- and a plan of action and milestones (docs/oscal.md)

-- @replace function export_oscal_assessment_results
-- @replace function export_oscal_poam
-- @replace function export_oscal_mapping

----------------------------------------------------------------------------
-- The clause mapping's status, written once: ims.clause_coverage counts the
-- declared clauses beside the topic's, and records as evidence that a
-- clause is served, for many organizations at once; report_clause_mapping
-- reads it (its columns do not change).  Before the finding rules, which
-- may call it.
----------------------------------------------------------------------------

-- @part 35_clause_coverage.sql
-- @replace view report_clause_mapping

----------------------------------------------------------------------------
-- A revoke either revokes or raises: every function that checks access and
-- then writes locks the organization first (ims.lock_organization)
----------------------------------------------------------------------------

-- @replace function lock_organization
-- @replace function grant_access
-- @replace function revoke_access
-- @replace function init_soa

-- ims.approve_soa checks the findings itself and seals its write, so that
-- the soa_guard trigger need not run the validator where the row is (on
-- Citus, a shard; docs/scale-out.md).
CREATE TABLE @extschema@.approval_key (
	key text NOT NULL,
	CONSTRAINT approval_key_pkey PRIMARY KEY (key)
);
COMMENT ON TABLE @extschema@.approval_key IS
'the secret under which ims.approve_soa seals its approvals; readable by the extension''s owner only, made anew by every CREATE EXTENSION (not dumped)';
INSERT INTO @extschema@.approval_key (key)
SELECT pg_catalog.gen_random_uuid()::text OPERATOR(pg_catalog.||) pg_catalog.gen_random_uuid()::text;
REVOKE ALL ON @extschema@.approval_key FROM PUBLIC;
-- @replace function check_soa_blockers
-- @replace function approval_seal
-- @replace function approval_seal_matches
-- @replace function seal_soa_approval
-- @replace function approve_soa

----------------------------------------------------------------------------
-- The server stamps an approval: approved_at is the time of the approving
-- transaction, the new approving_role the role that approves; a draft's
-- created_at is the time of its creation.  Versions approved before keep
-- their approved_at and have no approving_role; their digests do not change.
----------------------------------------------------------------------------

ALTER TABLE @extschema@.soa ADD COLUMN approving_role name;
ALTER TABLE @extschema@.soa ADD CONSTRAINT soa_approving_role_check
	CHECK (status <> 'draft' OR approving_role IS NULL);
COMMENT ON COLUMN @extschema@.soa.approved_by IS 'Person or body that approved it, as passed to ims.approve_soa; part of the digest';
COMMENT ON COLUMN @extschema@.soa.approved_at IS 'When it was approved: the time of the approving transaction, set by the server';
COMMENT ON COLUMN @extschema@.soa.created_at IS 'When the draft was created: the time of the creating transaction, set by the server';
COMMENT ON COLUMN @extschema@.soa.approving_role IS 'Database role that approved it, set by the server (NULL for versions approved before 1.2)';

-- @replace function guard_soa

----------------------------------------------------------------------------
-- The AI Act gap of every AI system, scoped per system: Art. 4 and Art. 50
-- for systems that are not high-risk; Art. 27 for the three kinds of
-- deployer it binds; Art. 60 and 61 for real-world testing.  The facts
-- they turn on are new columns of ai_system, null (to be determined) in
-- the systems of a 1.1 database.  The view is replaced below.
----------------------------------------------------------------------------

ALTER TABLE @extschema@.ai_system
	ADD COLUMN ai_act_transparency text[],
	ADD COLUMN ai_act_annex_iii text,
	ADD COLUMN ai_act_public_service boolean,
	ADD COLUMN ai_act_real_world_testing boolean,
	ADD CONSTRAINT ai_system_ai_act_transparency_check
		CHECK (ai_act_transparency OPERATOR(pg_catalog.<@)
			   ARRAY['interacts_with_persons', 'synthetic_content', 'emotion_recognition',
					 'biometric_categorisation', 'deep_fake', 'public_interest_text']),
	ADD CONSTRAINT ai_system_ai_act_transparency_class_check
		CHECK (NOT (ai_act_risk_class = 'minimal' AND pg_catalog.cardinality(ai_act_transparency) > 0)
			   AND NOT (ai_act_risk_class = 'limited' AND pg_catalog.cardinality(ai_act_transparency) = 0)),
	ADD CONSTRAINT ai_system_ai_act_annex_iii_check
		CHECK (ai_act_annex_iii IN ('1(a)', '1(b)', '1(c)', '2', '3(a)', '3(b)', '3(c)', '3(d)', '4(a)', '4(b)',
									'5(a)', '5(b)', '5(c)', '5(d)', '6(a)', '6(b)', '6(c)', '6(d)', '6(e)',
									'7(a)', '7(b)', '7(c)', '7(d)', '8(a)', '8(b)', 'not_listed'));
COMMENT ON COLUMN @extschema@.ai_system.ai_act_transparency IS 'The cases of EU AI Act Art. 50 the system falls under: interacts_with_persons (50(1)), synthetic_content (50(2)), emotion_recognition, biometric_categorisation (50(3)), deep_fake, public_interest_text (50(4)); {} for none; null until determined (Art. 50 is then to be determined)';
COMMENT ON COLUMN @extschema@.ai_system.ai_act_annex_iii IS 'The point of EU AI Act Annex III that lists the system, such as 4(a) or 5(b), or not_listed; null until determined (Art. 27 is then to be determined)';
COMMENT ON COLUMN @extschema@.ai_system.ai_act_public_service IS 'Whether the organization, as deployer of the system, is a body governed by public law or a private entity providing public services (EU AI Act Art. 27(1)); null until determined';
COMMENT ON COLUMN @extschema@.ai_system.ai_act_real_world_testing IS 'Whether the organization, as provider or prospective provider, tests the system in real world conditions outside an AI regulatory sandbox (EU AI Act Art. 60 and 61); null until determined';

-- @replace function check_ai_act_classification
DROP TRIGGER ai_system_ai_act_check ON @extschema@.ai_system;
CREATE TRIGGER ai_system_ai_act_check
	BEFORE INSERT OR UPDATE OF ai_act_roles, ai_act_risk_class, ai_act_transparency, ai_act_annex_iii ON @extschema@.ai_system
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_ai_act_classification();

----------------------------------------------------------------------------
-- No status of the AI Act gap reads as compliance: controls_in_place is
-- now supporting_controls_evidenced, and the counts have names that say
-- what they count.  The view keeps its 1.1 columns in their order and
-- adds its new ones at the end (CHANGELOG.md).  Its scope tests are a
-- function, which Citus runs beside each shard (docs/scale-out.md).
----------------------------------------------------------------------------

-- @replace function ai_act_art50_cases
-- @replace function ai_act_scope
-- @replace view report_ai_act_gap

----------------------------------------------------------------------------
-- Names that cannot break or forge the documents (docs/security.md): the
-- name policy, ims.name_fault(), as CHECK constraints and in the functions
-- that write names.
--
-- A 1.1 database may hold names the policy refuses.  Each constraint is
-- added NOT VALID and then validated when no row breaks it, which is the
-- common case and gives the same schema as a fresh install; otherwise it
-- stays NOT VALID, which still holds every new or updated row, and a
-- warning says which rows to correct and how to validate it then.
-- Superseded SoA versions are exempt (their approver is part of their
-- digest), and init_soa does not carry over an owner the policy refuses.
----------------------------------------------------------------------------

-- @replace function name_fault

ALTER TABLE @extschema@.organization
	DROP CONSTRAINT organization_name_check,
	ADD CONSTRAINT organization_name_check CHECK (@extschema@.name_fault(name) IS NULL) NOT VALID,
	ADD CONSTRAINT organization_ims_owner_check CHECK (@extschema@.name_fault(ims_owner) IS NULL) NOT VALID;
ALTER TABLE @extschema@.soa
	ADD CONSTRAINT soa_approved_by_check
		CHECK (status = 'superseded' OR @extschema@.name_fault(approved_by) IS NULL) NOT VALID;
ALTER TABLE @extschema@.soa_entry
	ADD CONSTRAINT soa_entry_owner_check CHECK (@extschema@.name_fault(owner) IS NULL) NOT VALID;
COMMENT ON CONSTRAINT organization_name_check ON @extschema@.organization IS
'the name policy (ims.name_fault): one line, no control character, no white space at either end';
COMMENT ON CONSTRAINT organization_ims_owner_check ON @extschema@.organization IS
'the name policy (ims.name_fault): one line, no control character, no white space at either end';
COMMENT ON CONSTRAINT soa_approved_by_check ON @extschema@.soa IS
'the name policy (ims.name_fault) for the approver of the draft and the approved version';
COMMENT ON CONSTRAINT soa_entry_owner_check ON @extschema@.soa_entry IS
'the name policy (ims.name_fault): one line, no control character, no white space at either end';

DO $$
DECLARE
	c record;
	n bigint;
BEGIN
	FOR c IN SELECT * FROM (VALUES
		('organization', 'organization_name_check', 'name', 'true'),
		('organization', 'organization_ims_owner_check', 'ims_owner', 'true'),
		('soa', 'soa_approved_by_check', 'approved_by', 'status <> ''superseded'''),
		('soa_entry', 'soa_entry_owner_check', 'owner', 'true')) AS t(tab, con, col, cond)
	LOOP
		EXECUTE pg_catalog.format('SELECT count(*) FROM %I.%I WHERE %s AND %I.name_fault(%I) IS NOT NULL',
								  '@extschema@', c.tab, c.cond, '@extschema@', c.col)
			INTO n;
		IF n OPERATOR(pg_catalog.=) 0 THEN
			EXECUTE pg_catalog.format('ALTER TABLE %I.%I VALIDATE CONSTRAINT %I', '@extschema@', c.tab, c.con);
		ELSE
			RAISE WARNING 'rows of %.% that break the name policy: %; constraint % is not validated', '@extschema@', c.tab, n, c.con
				USING DETAIL = pg_catalog.format('%I.name_fault(%I) says what is wrong with each.', '@extschema@', c.col),
					HINT = pg_catalog.format('Correct them, then run ALTER TABLE %I.%I VALIDATE CONSTRAINT %I.',
											 '@extschema@', c.tab, c.con);
		END IF;
	END LOOP;
END
$$;

-- @replace function create_organization

----------------------------------------------------------------------------
-- Risk criteria per domain, inherent and residual ratings, treatment plans,
-- residual-risk acceptance and the objectives register
-- (31_risk_treatment.sql; docs/risk-treatment.md).  The rating of a 1.1
-- risk becomes its inherent rating: the columns keep their names and
-- values, and the 1-to-5 bound becomes the bound of the domain's scale (at
-- most 10).  Such a risk has no residual rating and its organization no
-- criteria until they are recorded (RSK004 says so); its rating counts as
-- changed at the update, so no acceptance can predate it.  Before the
-- finding rules, which read the new tables.
----------------------------------------------------------------------------

ALTER TABLE @extschema@.risk
	ADD COLUMN other_types @extschema@.risk_type[],
	ADD COLUMN affected_subjects text[],
	ADD COLUMN residual_likelihood smallint,
	ADD COLUMN residual_impact smallint,
	ADD COLUMN rating_changed_at timestamptz,
	ADD COLUMN plan_approved_by text,
	ADD COLUMN plan_approved_on date,
	DROP CONSTRAINT risk_likelihood_check,
	DROP CONSTRAINT risk_impact_check,
	ADD CONSTRAINT risk_likelihood_check CHECK (likelihood BETWEEN 1 AND 10),
	ADD CONSTRAINT risk_impact_check CHECK (impact BETWEEN 1 AND 10),
	ADD CONSTRAINT risk_residual_check
		CHECK ((residual_likelihood IS NULL) = (residual_impact IS NULL)
			   AND residual_likelihood BETWEEN 1 AND likelihood AND residual_impact BETWEEN 1 AND impact),
	ADD CONSTRAINT risk_other_types_check
		CHECK (pg_catalog.cardinality(other_types) > 0 AND NOT risk_type OPERATOR(@extschema@.=) ANY (other_types)
			   AND pg_catalog.array_position(other_types, NULL) IS NULL),
	ADD CONSTRAINT risk_affected_subjects_check
		CHECK (pg_catalog.cardinality(affected_subjects) > 0
			   AND affected_subjects OPERATOR(pg_catalog.<@) ARRAY['individuals', 'groups', 'society']),
	ADD CONSTRAINT risk_plan_approved_by_check CHECK (@extschema@.name_fault(plan_approved_by) IS NULL),
	ADD CONSTRAINT risk_plan_approval_check CHECK ((plan_approved_by IS NULL) = (plan_approved_on IS NULL));
UPDATE @extschema@.risk SET rating_changed_at = pg_catalog.now();
COMMENT ON COLUMN @extschema@.risk.likelihood IS 'Inherent likelihood, before treatment: 1 (lowest) to the number of levels of the likelihood scale of its domain''s criteria (ims.risk_criteria; at most 10)';
COMMENT ON COLUMN @extschema@.risk.impact IS 'Inherent impact, before treatment: 1 (lowest) to the number of levels of the consequence scale of its domain''s criteria (at most 10)';
COMMENT ON COLUMN @extschema@.risk.other_types IS 'Further types the risk truly has beside risk_type, such as confidentiality for a prompt injection of type ai_security; risk_type alone decides its domain';
COMMENT ON COLUMN @extschema@.risk.affected_subjects IS 'Whom an AI risk affects (ISO 42001 6.1.4): individuals, groups, society (one or more); null where not assessed';
COMMENT ON COLUMN @extschema@.risk.residual_likelihood IS 'Residual likelihood, after the treatment (at most the inherent); null until rated';
COMMENT ON COLUMN @extschema@.risk.residual_impact IS 'Residual impact, after the treatment (at most the inherent); null until rated';
COMMENT ON COLUMN @extschema@.risk.rating_changed_at IS 'When the rating or the treatment last changed, set by the server; acceptances made before it no longer count';
COMMENT ON COLUMN @extschema@.risk.plan_approved_by IS 'The risk owner who approved the treatment plan (clause 6.1.3 f)';
COMMENT ON COLUMN @extschema@.risk.plan_approved_on IS 'When the treatment plan was approved';

-- @part 31_risk_treatment.sql
SELECT @extschema@.protect_record_table(t)
FROM unnest(ARRAY['risk_criteria', 'risk_treatment_action', 'risk_treatment_action_control',
				  'risk_reference', 'objective', 'objective_measurement', 'objective_reference']) AS t;
SELECT @extschema@.protect_record_table('risk_acceptance', 'approve');
GRANT USAGE ON SEQUENCE @extschema@.risk_treatment_action_action_id_seq,
	@extschema@.risk_acceptance_acceptance_id_seq, @extschema@.objective_objective_id_seq TO PUBLIC;
CREATE TRIGGER objective_standards_known BEFORE INSERT OR UPDATE OF standards ON @extschema@.objective
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_standard_codes('standards');
-- (report_risk_register, whose likelihood and impact are now inherent, is
-- replaced with the BI views below)

----------------------------------------------------------------------------
-- Documented information under control (7.5): documents have a status, an
-- approval date, a review date and a retention; evidence the SHA-256 of
-- the file as collected, who collected and who reviewed it.  A document
-- of a 1.1 database with an approver is approved, the others drafts.
-- Then the history of the record (36_history.sql), before the finding
-- rules, which read it; its triggers are attached at the end.
----------------------------------------------------------------------------

ALTER TABLE @extschema@.document
	ADD COLUMN status text NOT NULL DEFAULT 'draft',
	ADD COLUMN approved_on date,
	ADD COLUMN next_review date,
	ADD COLUMN retention interval,
	ADD CONSTRAINT document_status_check CHECK (status IN ('draft', 'approved', 'withdrawn')),
	ADD CONSTRAINT document_retention_check CHECK (retention > '0'::interval);
UPDATE @extschema@.document SET status = 'approved' WHERE approved_by IS NOT NULL;
COMMENT ON COLUMN @extschema@.document.status IS 'draft (being written or revised), approved (the version in force) or withdrawn (no longer in force, kept for its retention)';
COMMENT ON COLUMN @extschema@.document.approved_on IS 'When the current version was approved';
COMMENT ON COLUMN @extschema@.document.next_review IS 'Date by which the document is to be reviewed for suitability again (ISO 27001 and ISO 42001 7.5.2); DOC001 when past';
COMMENT ON COLUMN @extschema@.document.retention IS 'How long the document, or the records it governs, is kept after it is superseded or withdrawn (7.5.3 retention and disposition)';
ALTER TABLE @extschema@.evidence
	ADD COLUMN file_sha256 text,
	ADD COLUMN collected_by text,
	ADD COLUMN reviewed_by text,
	ADD CONSTRAINT evidence_file_sha256_check CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
	ADD CONSTRAINT evidence_collected_by_check CHECK (@extschema@.name_fault(collected_by) IS NULL),
	ADD CONSTRAINT evidence_reviewed_by_check CHECK (@extschema@.name_fault(reviewed_by) IS NULL);
COMMENT ON COLUMN @extschema@.evidence.file_sha256 IS 'SHA-256 of the file as it was collected, in lowercase hexadecimal, as the client computed it (the database stores and reports it; it does not fetch the URI); EVD001 when missing';
COMMENT ON COLUMN @extschema@.evidence.collected_by IS 'Person who collected the evidence';
COMMENT ON COLUMN @extschema@.evidence.reviewed_by IS 'Person who reviewed it as evidence of the control';

-- @part 36_history.sql

----------------------------------------------------------------------------
-- The improvement loop (docs/improvement.md): the audit programme (scope,
-- team, the auditors' own areas, criteria, conclusion, report to
-- management), the review's attendees, inputs as presented and outputs,
-- one register of nonconformities and corrective actions, and the roles
-- with their holders, the competence they need and the records of it.  The audits
-- and reviews of a 1.1 database are kept as they are: an audit without a
-- scope row covers the whole of each standard it names, as 1.1 counted it,
-- so no row is migrated.  Before the finding rules, whose bodies read these
-- tables; the policies are those of 50_tenancy.sql.
----------------------------------------------------------------------------

-- @part 32_improvement.sql
SELECT @extschema@.protect_record_table(t)
FROM unnest(ARRAY['audit_scope', 'audit_team_member', 'auditor_area', 'review_output',
				  'nonconformity_record', 'corrective_action', 'role', 'role_holder', 'competence_record']) AS t;

-- @replace view report_audit_programme
-- @replace view report_nonconformity_register
-- @replace view report_competence

----------------------------------------------------------------------------
-- The finding rules move from the library into the extension: one SQL
-- function each, listed in ims.finding_rule with the grade a certification
-- body would give, the category, the requirement and whether they block SoA
-- approval.  ims.evaluate_findings returns those columns and the waivers,
-- so it and what returns its rows are made again.  An impact assessment can
-- name the change it was made for.
----------------------------------------------------------------------------

ALTER TABLE @extschema@.impact_assessment
	ADD COLUMN for_change_on date,
	ADD CONSTRAINT impact_assessment_for_change_check
		CHECK (for_change_on BETWEEN assessed_on AND coalesce(next_review, assessed_on + 366));
CREATE INDEX risk_control_control_idx ON @extschema@.risk_control (org_id, standard, control_id);
COMMENT ON COLUMN @extschema@.impact_assessment.for_change_on IS
'The significant change, proposed or made, this assessment was made for (ISO 42001 8.4: assess before the change); NULL for an assessment made for no particular change';

----------------------------------------------------------------------------
-- Each AI system as an instance (33_ai_system_records.sql): its owner and
-- AI roles, evidence that names it, its changes and life-cycle records,
-- the dataset register, AI suppliers, components and responsibilities,
-- and the impact assessment with impacts, risks fed and mitigations as
-- rows.  Before the finding rules, which read them.  The impacts a 1.1
-- assessment wrote as text (individuals, groups, society) become rows of
-- ims.impact: harms, unrated (AIA005 asks for their likelihood and
-- severity); the text stays as the assessment's summary.
----------------------------------------------------------------------------

-- @part 33_ai_system_records.sql
SELECT @extschema@.protect_record_table(t)
FROM unnest(ARRAY['ai_system_change', 'ai_lifecycle_record', 'dataset', 'dataset_use', 'ai_supplier',
				  'ai_supplier_review', 'ai_component', 'ai_responsibility', 'impact', 'impact_risk',
				  'impact_mitigation']) AS t;
GRANT USAGE ON SEQUENCE @extschema@.ai_system_change_change_id_seq, @extschema@.ai_lifecycle_record_record_id_seq,
	@extschema@.dataset_dataset_id_seq, @extschema@.ai_supplier_supplier_id_seq,
	@extschema@.ai_supplier_review_review_id_seq, @extschema@.ai_component_component_id_seq,
	@extschema@.ai_responsibility_allocation_id_seq, @extschema@.impact_impact_id_seq,
	@extschema@.impact_mitigation_mitigation_id_seq TO PUBLIC;

INSERT INTO @extschema@.impact (org_id, assessment_id, subject, nature, description)
SELECT i.org_id, i.assessment_id, x.subject, 'harm', btrim(x.description)
FROM @extschema@.impact_assessment i,
	 LATERAL (VALUES (1, 'individuals', i.individuals), (2, 'groups', i.groups), (3, 'society', i.society))
		AS x(n, subject, description)
WHERE pg_catalog.btrim(x.description) OPERATOR(pg_catalog.<>) ''
ORDER BY i.org_id, i.assessment_id, x.n;

DROP VIEW @extschema@.report_findings;
DROP FUNCTION @extschema@.integration_findings(bigint);
DROP FUNCTION @extschema@.validate_soa(bigint);
DROP FUNCTION @extschema@.evaluate_findings(bigint[], boolean);
-- @replace function evaluate_findings
-- @part 41_finding_rules.sql
-- @part 55_waivers.sql
-- @replace function integration_findings
-- @replace function validate_soa
-- @replace function management_review_agenda
-- @replace function organization_list
-- @replace view report_findings
-- @replace function nonconformities
-- @replace view report_nonconformities
-- the risk treatment and the objectives, which name the helpers of the rules
-- @replace view report_risk_treatment
-- @replace view report_objectives

----------------------------------------------------------------------------
-- Readiness that follows the article's tracks: per AI system, partial
-- counted half, evidence counted apart, overlapping work not summed, the
-- audit and review only when not complete, a standalone ISO 42001
-- organization priced as such, and a row for the certification audit
-- (docs/views.md, "Readiness estimate").  Open nonconformities of a clause
-- or control keep its group from showing done; a new last column,
-- open_findings, counts them.
----------------------------------------------------------------------------

-- @replace function readiness
-- the shares and weeks get their precision (numeric(3,0), numeric(7,1)):
-- a change of column type, which CREATE OR REPLACE VIEW cannot make
DROP VIEW @extschema@.report_readiness;
-- @replace view report_readiness

----------------------------------------------------------------------------
-- The AI systems, datasets and AI suppliers, one row each
-- (33_ai_system_records.sql)
----------------------------------------------------------------------------

-- report_impact_assessments reads the new records as AIA002, AIA003 and
-- AIA005 do; its columns do not change, and readiness, which reads it,
-- keeps its body.
-- @replace view report_impact_assessments
-- @replace view report_ai_systems
-- @replace view report_datasets
-- @replace view report_ai_suppliers

----------------------------------------------------------------------------
-- Views a BI tool can read (docs/views.md): every array also as text, in a
-- new last column
----------------------------------------------------------------------------

-- @replace view report_soa
-- @replace view report_risk_register

----------------------------------------------------------------------------
-- The history's last step (97_history_attach.sql), once every table of
-- 1.2 exists: its row-level security, and the trigger on every
-- per-organization table.  Every row the database already holds gets a
-- BASELINE entry, so that the chain starts from the record as it was at
-- the update (ims.record_as_of knows nothing before it).
----------------------------------------------------------------------------

-- The baseline first: the part's own attach_history() then finds every
-- table attached and attaches none.
SELECT @extschema@.attach_history(baseline => true);
-- @part 97_history_attach.sql

----------------------------------------------------------------------------
-- Distribution by organization on Citus (docs/scale-out.md)
----------------------------------------------------------------------------

-- @part 95_distribution.sql
