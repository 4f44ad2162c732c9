/* extension/install/30_record.sql */

----------------------------------------------------------------------------
-- The record of each organization (SPEC section 5)
--
-- Every table carries org_id first in its primary key, so the schema can be
-- distributed by organization.  Row-level security keeps each organization's
-- rows to the roles granted access to it (ims.grant_access); see
-- docs/tenancy.md.
----------------------------------------------------------------------------

-- The name policy (src/names.c; docs/security.md): a name is one line of
-- visible text.  The CHECK constraints of the name columns below call it,
-- and so do the functions that write them, with a detail and a hint.
CREATE FUNCTION @extschema@.name_fault(name text) RETURNS text
	AS 'MODULE_PATHNAME', 'name_fault'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.name_fault(text) IS
'NULL when the name policy allows the name (one line: not empty, no control character, line break or bidirectional override, no white space of any kind at either end), else what is wrong with it';

CREATE TABLE @extschema@.organization (
	org_id bigserial NOT NULL,
	name text NOT NULL,
	integration_model text NOT NULL DEFAULT 'undecided',
	ims_owner text,
	scope_statement text,
	standards text[] NOT NULL DEFAULT ARRAY['iso27001:2022', 'iso42001:2023'],
	created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	CONSTRAINT organization_pkey PRIMARY KEY (org_id),
	CONSTRAINT organization_name_check CHECK (@extschema@.name_fault(name) IS NULL),
	CONSTRAINT organization_ims_owner_check CHECK (@extschema@.name_fault(ims_owner) IS NULL),
	CONSTRAINT organization_integration_model_check
		CHECK (integration_model IN ('undecided', 'structural_extension', 'bolt_on')),
	CONSTRAINT organization_standards_check CHECK (pg_catalog.cardinality(standards) > 0)
);
COMMENT ON TABLE @extschema@.organization IS 'An organization whose integrated management system pg_ims records; every other record belongs to one';
COMMENT ON COLUMN @extschema@.organization.org_id IS 'Identifier of the organization';
COMMENT ON COLUMN @extschema@.organization.name IS 'Name of the organization';
COMMENT ON COLUMN @extschema@.organization.integration_model IS 'How ISO 42001 joins the ISMS: structural_extension (one system), bolt_on (a second system beside the first) or undecided';
COMMENT ON COLUMN @extschema@.organization.ims_owner IS 'The one person who owns the integrated system across both standards';
COMMENT ON COLUMN @extschema@.organization.scope_statement IS 'Scope of the integrated management system (clause 4.3 of both standards)';
COMMENT ON COLUMN @extschema@.organization.standards IS 'Standards in scope (codes of ims.standard); the SoA lists every control of each';
COMMENT ON COLUMN @extschema@.organization.created_at IS 'When the organization was created in pg_ims';

CREATE TABLE @extschema@.org_access (
	org_id bigint NOT NULL,
	member name NOT NULL,
	capability text NOT NULL,
	granted_by name NOT NULL DEFAULT CURRENT_USER,
	granted_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	CONSTRAINT org_access_pkey PRIMARY KEY (org_id, member),
	CONSTRAINT org_access_org_fkey FOREIGN KEY (org_id)
		REFERENCES @extschema@.organization (org_id) ON DELETE CASCADE,
	CONSTRAINT org_access_capability_check CHECK (capability IN ('read', 'edit', 'approve'))
);
COMMENT ON TABLE @extschema@.org_access IS 'Which roles may read, edit or approve the records of an organization; written by ims.grant_access and ims.revoke_access';
COMMENT ON COLUMN @extschema@.org_access.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.org_access.member IS 'Role granted access; members of that role have it too';
COMMENT ON COLUMN @extschema@.org_access.capability IS 'read, edit (includes read) or approve (includes edit)';
COMMENT ON COLUMN @extschema@.org_access.granted_by IS 'Role that granted it';
COMMENT ON COLUMN @extschema@.org_access.granted_at IS 'When it was granted';

CREATE TABLE @extschema@.document (
	org_id bigint NOT NULL,
	doc_id bigserial NOT NULL,
	kind text NOT NULL,
	topic text NOT NULL,
	title text NOT NULL,
	covers text[] NOT NULL,
	version text,
	owner text,
	approved_by text,
	status text NOT NULL DEFAULT 'draft',
	approved_on date,
	next_review date,
	retention interval,
	CONSTRAINT document_pkey PRIMARY KEY (org_id, doc_id),
	CONSTRAINT document_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT document_kind_check CHECK (kind IN ('policy', 'procedure', 'manual', 'record')),
	CONSTRAINT document_topic_check CHECK (topic ~ '^[a-z][a-z0-9_]*$'),
	CONSTRAINT document_title_check CHECK (pg_catalog.btrim(title) <> ''),
	CONSTRAINT document_covers_check CHECK (pg_catalog.cardinality(covers) > 0),
	CONSTRAINT document_status_check CHECK (status IN ('draft', 'approved', 'withdrawn')),
	CONSTRAINT document_retention_check CHECK (retention > '0'::interval)
);
COMMENT ON TABLE @extschema@.document IS 'Documented information of the management system: policies, procedures, manuals, records';
COMMENT ON COLUMN @extschema@.document.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.document.doc_id IS 'Identifier of the document';
COMMENT ON COLUMN @extschema@.document.kind IS 'policy, procedure, manual or record';
COMMENT ON COLUMN @extschema@.document.topic IS 'What it governs: document_control, internal_audit, management_review, risk_assessment, competence, nonconformity, supplier, incident, ...';
COMMENT ON COLUMN @extschema@.document.title IS 'Title of the document';
COMMENT ON COLUMN @extschema@.document.covers IS 'Standards the document is written for (codes of ims.standard); an integrated procedure covers both';
COMMENT ON COLUMN @extschema@.document.version IS 'Version label';
COMMENT ON COLUMN @extschema@.document.owner IS 'Person who owns the document';
COMMENT ON COLUMN @extschema@.document.approved_by IS 'Person who approved the current version';
COMMENT ON COLUMN @extschema@.document.status IS 'draft (being written or revised), approved (the version in force) or withdrawn (no longer in force, kept for its retention)';
COMMENT ON COLUMN @extschema@.document.approved_on IS 'When the current version was approved';
COMMENT ON COLUMN @extschema@.document.next_review IS 'Date by which the document is to be reviewed for suitability again (ISO 27001 and ISO 42001 7.5.2); DOC001 when past';
COMMENT ON COLUMN @extschema@.document.retention IS 'How long the document, or the records it governs, is kept after it is superseded or withdrawn (7.5.3 retention and disposition)';

-- A document serves the clauses of its topic (ims.clause_topic) in every
-- standard it covers, and the clauses it declares here: one topic cannot
-- say that "Competence and awareness" serves 7.3 as well as 7.2, or that
-- the management review minutes show leadership (5.1).  A declaration is
-- per standard, and only for a standard the document covers (trigger
-- document_clause_covered, 45_integrity.sql).
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

CREATE TABLE @extschema@.ai_system (
	org_id bigint NOT NULL,
	system_id bigserial NOT NULL,
	name text NOT NULL,
	intended_use text,
	foreseeable_misuse text,
	lifecycle_stage text NOT NULL DEFAULT 'design',
	in_scope boolean NOT NULL DEFAULT true,
	last_significant_change date,
	ai_act_roles text[],
	ai_act_risk_class text,
	ai_act_transparency text[],
	ai_act_annex_iii text,
	ai_act_public_service boolean,
	ai_act_real_world_testing boolean,
	CONSTRAINT ai_system_pkey PRIMARY KEY (org_id, system_id),
	CONSTRAINT ai_system_name_key UNIQUE (org_id, name),
	CONSTRAINT ai_system_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT ai_system_name_check CHECK (pg_catalog.btrim(name) <> ''),
	CONSTRAINT ai_system_lifecycle_stage_check
		CHECK (lifecycle_stage IN ('design', 'development', 'verification', 'deployment', 'operation', 'retired')),
	CONSTRAINT ai_system_ai_act_roles_check
		CHECK (pg_catalog.cardinality(ai_act_roles) > 0
			   AND ai_act_roles OPERATOR(pg_catalog.<@) ARRAY['provider', 'deployer', 'importer', 'distributor']),
	CONSTRAINT ai_system_ai_act_risk_class_check
		CHECK (ai_act_risk_class IN ('prohibited', 'high', 'limited', 'minimal')),
	CONSTRAINT ai_system_ai_act_transparency_check
		CHECK (ai_act_transparency OPERATOR(pg_catalog.<@)
			   ARRAY['interacts_with_persons', 'synthetic_content', 'emotion_recognition',
					 'biometric_categorisation', 'deep_fake', 'public_interest_text']),
	CONSTRAINT ai_system_ai_act_transparency_class_check
		CHECK (NOT (ai_act_risk_class = 'minimal' AND pg_catalog.cardinality(ai_act_transparency) > 0)
			   AND NOT (ai_act_risk_class = 'limited' AND pg_catalog.cardinality(ai_act_transparency) = 0)),
	CONSTRAINT ai_system_ai_act_annex_iii_check
		CHECK (ai_act_annex_iii IN ('1(a)', '1(b)', '1(c)', '2', '3(a)', '3(b)', '3(c)', '3(d)', '4(a)', '4(b)',
									'5(a)', '5(b)', '5(c)', '5(d)', '6(a)', '6(b)', '6(c)', '6(d)', '6(e)',
									'7(a)', '7(b)', '7(c)', '7(d)', '8(a)', '8(b)', 'not_listed'))
);
COMMENT ON TABLE @extschema@.ai_system IS 'AI systems the organization develops, provides or uses (ISO 42001 4.3, A.6, A.9)';
COMMENT ON COLUMN @extschema@.ai_system.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.ai_system.system_id IS 'Identifier of the AI system';
COMMENT ON COLUMN @extschema@.ai_system.name IS 'Name of the AI system, unique in the organization';
COMMENT ON COLUMN @extschema@.ai_system.intended_use IS 'What the system is for (A.9.4)';
COMMENT ON COLUMN @extschema@.ai_system.foreseeable_misuse IS 'Reasonably foreseeable misuse';
COMMENT ON COLUMN @extschema@.ai_system.lifecycle_stage IS 'design, development, verification, deployment, operation or retired';
COMMENT ON COLUMN @extschema@.ai_system.in_scope IS 'Whether the system is in the scope of the AI management system';
COMMENT ON COLUMN @extschema@.ai_system.last_significant_change IS 'Date of the last significant change; an impact assessment older than this is out of date';
COMMENT ON COLUMN @extschema@.ai_system.ai_act_roles IS 'EU AI Act operator roles the organization holds for the system: provider, deployer, importer, distributor (one or more); null until classified';
COMMENT ON COLUMN @extschema@.ai_system.ai_act_risk_class IS 'EU AI Act risk class: prohibited, high, limited or minimal; null until classified';
COMMENT ON COLUMN @extschema@.ai_system.ai_act_transparency IS 'The cases of EU AI Act Art. 50 the system falls under: interacts_with_persons (50(1)), synthetic_content (50(2)), emotion_recognition, biometric_categorisation (50(3)), deep_fake, public_interest_text (50(4)); {} for none; null until determined (Art. 50 is then to be determined)';
COMMENT ON COLUMN @extschema@.ai_system.ai_act_annex_iii IS 'The point of EU AI Act Annex III that lists the system, such as 4(a) or 5(b), or not_listed; null until determined (Art. 27 is then to be determined)';
COMMENT ON COLUMN @extschema@.ai_system.ai_act_public_service IS 'Whether the organization, as deployer of the system, is a body governed by public law or a private entity providing public services (EU AI Act Art. 27(1)); null until determined';
COMMENT ON COLUMN @extschema@.ai_system.ai_act_real_world_testing IS 'Whether the organization, as provider or prospective provider, tests the system in real world conditions outside an AI regulatory sandbox (EU AI Act Art. 60 and 61); null until determined';

CREATE TABLE @extschema@.risk (
	org_id bigint NOT NULL,
	risk_id bigserial NOT NULL,
	register text NOT NULL DEFAULT 'integrated',
	title text NOT NULL,
	risk_type @extschema@.risk_type NOT NULL,
	ai_system_id bigint,
	asset text,
	likelihood smallint,
	impact smallint,
	cvss numeric(3,1),
	treatment text,
	owner text,
	other_types @extschema@.risk_type[],
	affected_subjects text[],
	residual_likelihood smallint,
	residual_impact smallint,
	rating_changed_at timestamptz,
	plan_approved_by text,
	plan_approved_on date,
	CONSTRAINT risk_pkey PRIMARY KEY (org_id, risk_id),
	CONSTRAINT risk_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT risk_ai_system_fkey FOREIGN KEY (org_id, ai_system_id)
		REFERENCES @extschema@.ai_system (org_id, system_id),
	CONSTRAINT risk_register_check CHECK (register ~ '^[a-z][a-z0-9_]*$'),
	CONSTRAINT risk_title_check CHECK (pg_catalog.btrim(title) <> ''),
	CONSTRAINT risk_likelihood_check CHECK (likelihood BETWEEN 1 AND 10),
	CONSTRAINT risk_impact_check CHECK (impact BETWEEN 1 AND 10),
	CONSTRAINT risk_residual_check
		CHECK ((residual_likelihood IS NULL) = (residual_impact IS NULL)
			   AND residual_likelihood BETWEEN 1 AND likelihood AND residual_impact BETWEEN 1 AND impact),
	CONSTRAINT risk_other_types_check
		CHECK (pg_catalog.cardinality(other_types) > 0 AND NOT risk_type OPERATOR(@extschema@.=) ANY (other_types)
			   AND pg_catalog.array_position(other_types, NULL) IS NULL),
	CONSTRAINT risk_affected_subjects_check
		CHECK (pg_catalog.cardinality(affected_subjects) > 0
			   AND affected_subjects OPERATOR(pg_catalog.<@) ARRAY['individuals', 'groups', 'society']),
	CONSTRAINT risk_plan_approved_by_check CHECK (@extschema@.name_fault(plan_approved_by) IS NULL),
	CONSTRAINT risk_plan_approval_check CHECK ((plan_approved_by IS NULL) = (plan_approved_on IS NULL)),
	CONSTRAINT risk_cvss_range_check CHECK (cvss BETWEEN 0 AND 10),
	CONSTRAINT risk_cvss_domain_check
		CHECK (cvss IS NULL OR @extschema@.risk_domain(risk_type) OPERATOR(pg_catalog.=) 'information_security'),
	CONSTRAINT risk_treatment_check CHECK (treatment IN ('mitigate', 'accept', 'avoid', 'transfer'))
);
COMMENT ON TABLE @extschema@.risk IS 'The one risk register: information security (CIA) and AI risks side by side, each with a risk_type';
COMMENT ON COLUMN @extschema@.risk.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.risk.risk_id IS 'Identifier of the risk';
COMMENT ON COLUMN @extschema@.risk.register IS 'Register the risk is kept in; an integrated system keeps one (INT005)';
COMMENT ON COLUMN @extschema@.risk.title IS 'What could happen';
COMMENT ON COLUMN @extschema@.risk.risk_type IS 'Category: confidentiality, integrity, availability or an AI harm (ims.risk_types())';
COMMENT ON COLUMN @extschema@.risk.ai_system_id IS 'AI system the risk arises from, if any';
COMMENT ON COLUMN @extschema@.risk.asset IS 'Asset or process at risk';
COMMENT ON COLUMN @extschema@.risk.likelihood IS 'Inherent likelihood, before treatment: 1 (lowest) to the number of levels of the likelihood scale of its domain''s criteria (ims.risk_criteria; at most 10)';
COMMENT ON COLUMN @extschema@.risk.impact IS 'Inherent impact, before treatment: 1 (lowest) to the number of levels of the consequence scale of its domain''s criteria (at most 10)';
COMMENT ON COLUMN @extschema@.risk.cvss IS 'CVSS base score, 0.0 to 10.0; only for information security risks (a bias risk is not scored with CVSS)';
COMMENT ON COLUMN @extschema@.risk.treatment IS 'mitigate, accept, avoid or transfer';
COMMENT ON COLUMN @extschema@.risk.owner IS 'Risk owner';
COMMENT ON COLUMN @extschema@.risk.other_types IS 'Further types the risk truly has beside risk_type, such as confidentiality for a prompt injection of type ai_security; risk_type alone decides its domain';
COMMENT ON COLUMN @extschema@.risk.affected_subjects IS 'Whom an AI risk affects (ISO 42001 6.1.4): individuals, groups, society (one or more); null where not assessed';
COMMENT ON COLUMN @extschema@.risk.residual_likelihood IS 'Residual likelihood, after the treatment (at most the inherent); null until rated';
COMMENT ON COLUMN @extschema@.risk.residual_impact IS 'Residual impact, after the treatment (at most the inherent); null until rated';
COMMENT ON COLUMN @extschema@.risk.rating_changed_at IS 'When the rating or the treatment last changed, set by the server; acceptances made before it no longer count';
COMMENT ON COLUMN @extschema@.risk.plan_approved_by IS 'The risk owner who approved the treatment plan (clause 6.1.3 f)';
COMMENT ON COLUMN @extschema@.risk.plan_approved_on IS 'When the treatment plan was approved';

CREATE TABLE @extschema@.risk_control (
	org_id bigint NOT NULL,
	risk_id bigint NOT NULL,
	standard text NOT NULL,
	control_id text NOT NULL,
	CONSTRAINT risk_control_pkey PRIMARY KEY (org_id, risk_id, standard, control_id),
	CONSTRAINT risk_control_risk_fkey FOREIGN KEY (org_id, risk_id)
		REFERENCES @extschema@.risk (org_id, risk_id) ON DELETE CASCADE,
	CONSTRAINT risk_control_control_fkey FOREIGN KEY (standard, control_id)
		REFERENCES @extschema@.control (standard, control_id)
);
-- RSK003 looks up the risks that a control of one organization treats.
CREATE INDEX risk_control_control_idx ON @extschema@.risk_control (org_id, standard, control_id);
COMMENT ON TABLE @extschema@.risk_control IS 'Controls selected to treat a risk (risk treatment plan)';
COMMENT ON COLUMN @extschema@.risk_control.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.risk_control.risk_id IS 'The risk treated';
COMMENT ON COLUMN @extschema@.risk_control.standard IS 'Standard of the control';
COMMENT ON COLUMN @extschema@.risk_control.control_id IS 'The control that treats it';

CREATE TABLE @extschema@.impact_assessment (
	org_id bigint NOT NULL,
	assessment_id bigserial NOT NULL,
	system_id bigint NOT NULL,
	assessed_on date NOT NULL,
	individuals text,
	groups text,
	society text,
	severity text,
	foreseeable_misuse text,
	stakeholder_views text,
	approved_by text,
	next_review date,
	for_change_on date,
	CONSTRAINT impact_assessment_pkey PRIMARY KEY (org_id, assessment_id),
	CONSTRAINT impact_assessment_system_fkey FOREIGN KEY (org_id, system_id)
		REFERENCES @extschema@.ai_system (org_id, system_id),
	CONSTRAINT impact_assessment_severity_check CHECK (severity IN ('low', 'medium', 'high', 'critical')),
	CONSTRAINT impact_assessment_review_check CHECK (next_review > assessed_on),
	CONSTRAINT impact_assessment_for_change_check
		CHECK (for_change_on BETWEEN assessed_on AND coalesce(next_review, assessed_on + 366))
);
COMMENT ON TABLE @extschema@.impact_assessment IS 'AI system impact assessments (ISO 42001 6.1.4, 8.4, A.5): one or more per AI system';
COMMENT ON COLUMN @extschema@.impact_assessment.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.impact_assessment.assessment_id IS 'Identifier of the assessment';
COMMENT ON COLUMN @extschema@.impact_assessment.system_id IS 'The AI system assessed';
COMMENT ON COLUMN @extschema@.impact_assessment.assessed_on IS 'Date of the assessment';
COMMENT ON COLUMN @extschema@.impact_assessment.individuals IS 'Impacts on individuals (A.5.4)';
COMMENT ON COLUMN @extschema@.impact_assessment.groups IS 'Impacts on groups of individuals (A.5.4)';
COMMENT ON COLUMN @extschema@.impact_assessment.society IS 'Societal impacts (A.5.5)';
COMMENT ON COLUMN @extschema@.impact_assessment.severity IS 'Overall severity: low, medium, high or critical';
COMMENT ON COLUMN @extschema@.impact_assessment.foreseeable_misuse IS 'Reasonably foreseeable misuse considered';
COMMENT ON COLUMN @extschema@.impact_assessment.stakeholder_views IS 'Views of affected stakeholders gathered';
COMMENT ON COLUMN @extschema@.impact_assessment.approved_by IS 'Person who approved the assessment';
COMMENT ON COLUMN @extschema@.impact_assessment.next_review IS 'Date by which it must be reviewed';
COMMENT ON COLUMN @extschema@.impact_assessment.for_change_on IS 'The significant change, proposed or made, this assessment was made for (ISO 42001 8.4: assess before the change); NULL for an assessment made for no particular change';

CREATE TABLE @extschema@.soa (
	org_id bigint NOT NULL,
	soa_id bigserial NOT NULL,
	version integer NOT NULL,
	status text NOT NULL DEFAULT 'draft',
	approved_by text,
	approved_at timestamptz,
	digest text,
	created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	approving_role name,
	CONSTRAINT soa_pkey PRIMARY KEY (org_id, soa_id),
	CONSTRAINT soa_version_key UNIQUE (org_id, version),
	CONSTRAINT soa_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT soa_version_check CHECK (version > 0),
	CONSTRAINT soa_status_check CHECK (status IN ('draft', 'approved', 'superseded')),
	CONSTRAINT soa_approval_check CHECK (
		CASE WHEN status = 'draft'
			THEN approved_by IS NULL AND approved_at IS NULL AND digest IS NULL
			ELSE approved_by IS NOT NULL AND approved_at IS NOT NULL AND digest IS NOT NULL
		END),
	CONSTRAINT soa_digest_check CHECK (digest ~ '^[0-9a-f]{64}$'),
	-- not NOT NULL when approved: versions approved before 1.2 have none
	CONSTRAINT soa_approving_role_check CHECK (status <> 'draft' OR approving_role IS NULL),
	-- superseded versions are history: their approver was checked when
	-- they were approved, and is part of their digest
	CONSTRAINT soa_approved_by_check
		CHECK (status = 'superseded' OR @extschema@.name_fault(approved_by) IS NULL)
);
-- One draft and one approved version at a time: two live SoAs could
-- contradict each other.
CREATE UNIQUE INDEX soa_one_draft_idx ON @extschema@.soa (org_id) WHERE status = 'draft';
CREATE UNIQUE INDEX soa_one_approved_idx ON @extschema@.soa (org_id) WHERE status = 'approved';
COMMENT ON TABLE @extschema@.soa IS 'Versions of the one consolidated Statement of Applicability: at most one draft and one approved version per organization; approved versions are immutable';
COMMENT ON COLUMN @extschema@.soa.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.soa.soa_id IS 'Identifier of this version';
COMMENT ON COLUMN @extschema@.soa.version IS 'Version number, from 1';
COMMENT ON COLUMN @extschema@.soa.status IS 'draft, approved or superseded';
COMMENT ON COLUMN @extschema@.soa.approved_by IS 'Person or body that approved it, as passed to ims.approve_soa; part of the digest';
COMMENT ON COLUMN @extschema@.soa.approved_at IS 'When it was approved: the time of the approving transaction, set by the server';
COMMENT ON COLUMN @extschema@.soa.digest IS 'SHA-256 of the canonical content at approval, in hexadecimal';
COMMENT ON COLUMN @extschema@.soa.created_at IS 'When the draft was created: the time of the creating transaction, set by the server';
COMMENT ON COLUMN @extschema@.soa.approving_role IS 'Database role that approved it, set by the server (NULL for versions approved before 1.2)';

CREATE TABLE @extschema@.soa_entry (
	org_id bigint NOT NULL,
	soa_id bigint NOT NULL,
	standard text NOT NULL,
	control_id text NOT NULL,
	applicability @extschema@.applicability NOT NULL DEFAULT 'undecided',
	justification text,
	implementation text NOT NULL DEFAULT 'not_started',
	owner text,
	CONSTRAINT soa_entry_pkey PRIMARY KEY (org_id, soa_id, standard, control_id),
	CONSTRAINT soa_entry_soa_fkey FOREIGN KEY (org_id, soa_id)
		REFERENCES @extschema@.soa (org_id, soa_id) ON DELETE CASCADE,
	CONSTRAINT soa_entry_control_fkey FOREIGN KEY (standard, control_id)
		REFERENCES @extschema@.control (standard, control_id),
	CONSTRAINT soa_entry_implementation_check
		CHECK (implementation IN ('not_started', 'planned', 'partial', 'implemented')),
	CONSTRAINT soa_entry_owner_check CHECK (@extschema@.name_fault(owner) IS NULL)
);
COMMENT ON TABLE @extschema@.soa_entry IS 'One decision per control of every standard in scope: the consolidated SoA lists both Annex A catalogs in one table';
COMMENT ON COLUMN @extschema@.soa_entry.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.soa_entry.soa_id IS 'The SoA version';
COMMENT ON COLUMN @extschema@.soa_entry.standard IS 'Standard of the control (ids collide across standards)';
COMMENT ON COLUMN @extschema@.soa_entry.control_id IS 'The control';
COMMENT ON COLUMN @extschema@.soa_entry.applicability IS 'Decision and reasons for inclusion, such as applicable(risk,legal)';
COMMENT ON COLUMN @extschema@.soa_entry.justification IS 'Why the control is included or excluded; required for an exclusion';
COMMENT ON COLUMN @extschema@.soa_entry.implementation IS 'not_started, planned, partial or implemented';
COMMENT ON COLUMN @extschema@.soa_entry.owner IS 'Person responsible for the control';

CREATE TABLE @extschema@.evidence (
	org_id bigint NOT NULL,
	evidence_id bigserial NOT NULL,
	standard text NOT NULL,
	control_id text NOT NULL,
	kind text NOT NULL,
	title text NOT NULL,
	uri text,
	collected_on date NOT NULL,
	valid_until date,
	file_sha256 text,
	collected_by text,
	reviewed_by text,
	CONSTRAINT evidence_pkey PRIMARY KEY (org_id, evidence_id),
	CONSTRAINT evidence_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT evidence_control_fkey FOREIGN KEY (standard, control_id)
		REFERENCES @extschema@.control (standard, control_id),
	CONSTRAINT evidence_kind_fkey FOREIGN KEY (kind) REFERENCES @extschema@.evidence_kind (code),
	CONSTRAINT evidence_title_check CHECK (pg_catalog.btrim(title) <> ''),
	CONSTRAINT evidence_validity_check CHECK (valid_until >= collected_on),
	CONSTRAINT evidence_file_sha256_check CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
	CONSTRAINT evidence_collected_by_check CHECK (@extschema@.name_fault(collected_by) IS NULL),
	CONSTRAINT evidence_reviewed_by_check CHECK (@extschema@.name_fault(reviewed_by) IS NULL)
);
-- SOA007 and SOA008 look up the evidence of one control of one organization.
CREATE INDEX evidence_control_idx ON @extschema@.evidence (org_id, standard, control_id)
	INCLUDE (kind, collected_on, valid_until);
COMMENT ON TABLE @extschema@.evidence IS 'Evidence that a control operates, of a kind whose domain matters (a pentest report is no evidence of an impact assessment)';
COMMENT ON COLUMN @extschema@.evidence.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.evidence.evidence_id IS 'Identifier of the evidence';
COMMENT ON COLUMN @extschema@.evidence.standard IS 'Standard of the control evidenced';
COMMENT ON COLUMN @extschema@.evidence.control_id IS 'The control evidenced';
COMMENT ON COLUMN @extschema@.evidence.kind IS 'Kind of evidence (ims.evidence_kind)';
COMMENT ON COLUMN @extschema@.evidence.title IS 'What the evidence is';
COMMENT ON COLUMN @extschema@.evidence.uri IS 'Where it is kept';
COMMENT ON COLUMN @extschema@.evidence.collected_on IS 'When it was collected';
COMMENT ON COLUMN @extschema@.evidence.valid_until IS 'Until when it counts as current; null for no expiry';
COMMENT ON COLUMN @extschema@.evidence.file_sha256 IS 'SHA-256 of the file as it was collected, in lowercase hexadecimal, as the client computed it (the database stores and reports it; it does not fetch the URI); EVD001 when missing';
COMMENT ON COLUMN @extschema@.evidence.collected_by IS 'Person who collected the evidence';
COMMENT ON COLUMN @extschema@.evidence.reviewed_by IS 'Person who reviewed it as evidence of the control';

CREATE TABLE @extschema@.auditor (
	org_id bigint NOT NULL,
	auditor_id bigserial NOT NULL,
	name text NOT NULL,
	competence text[] NOT NULL DEFAULT '{}',
	training_record text,
	CONSTRAINT auditor_pkey PRIMARY KEY (org_id, auditor_id),
	CONSTRAINT auditor_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT auditor_name_check CHECK (pg_catalog.btrim(name) <> '')
);
COMMENT ON TABLE @extschema@.auditor IS 'Internal auditors and their competence (clause 7.2, 9.2)';
COMMENT ON COLUMN @extschema@.auditor.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.auditor.auditor_id IS 'Identifier of the auditor';
COMMENT ON COLUMN @extschema@.auditor.name IS 'Name of the auditor';
COMMENT ON COLUMN @extschema@.auditor.competence IS 'Standards the auditor has a competence record for (codes of ims.standard)';
COMMENT ON COLUMN @extschema@.auditor.training_record IS 'Reference to the training or competence record';

CREATE TABLE @extschema@.internal_audit (
	org_id bigint NOT NULL,
	audit_id bigserial NOT NULL,
	cycle text NOT NULL,
	performed_on date NOT NULL,
	covers text[] NOT NULL,
	lead_auditor_id bigint,
	CONSTRAINT internal_audit_pkey PRIMARY KEY (org_id, audit_id),
	CONSTRAINT internal_audit_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT internal_audit_auditor_fkey FOREIGN KEY (org_id, lead_auditor_id)
		REFERENCES @extschema@.auditor (org_id, auditor_id),
	CONSTRAINT internal_audit_covers_check CHECK (pg_catalog.cardinality(covers) > 0)
);
COMMENT ON TABLE @extschema@.internal_audit IS 'Internal audits (clause 9.2); an integrated system audits both standards in one cycle';
COMMENT ON COLUMN @extschema@.internal_audit.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.internal_audit.audit_id IS 'Identifier of the audit';
COMMENT ON COLUMN @extschema@.internal_audit.cycle IS 'Audit cycle or programme, such as 2026';
COMMENT ON COLUMN @extschema@.internal_audit.performed_on IS 'When the audit was performed';
COMMENT ON COLUMN @extschema@.internal_audit.covers IS 'Standards the audit covered (codes of ims.standard)';
COMMENT ON COLUMN @extschema@.internal_audit.lead_auditor_id IS 'Lead auditor';

CREATE TABLE @extschema@.management_review (
	org_id bigint NOT NULL,
	review_id bigserial NOT NULL,
	held_on date NOT NULL,
	chair text,
	covers text[] NOT NULL,
	agenda text[] NOT NULL DEFAULT '{}',
	CONSTRAINT management_review_pkey PRIMARY KEY (org_id, review_id),
	CONSTRAINT management_review_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT management_review_covers_check CHECK (pg_catalog.cardinality(covers) > 0)
);
COMMENT ON TABLE @extschema@.management_review IS 'Management reviews (clause 9.3); an integrated system holds one review for both standards';
COMMENT ON COLUMN @extschema@.management_review.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.management_review.review_id IS 'Identifier of the review';
COMMENT ON COLUMN @extschema@.management_review.held_on IS 'When the review was held';
COMMENT ON COLUMN @extschema@.management_review.chair IS 'Who chaired it';
COMMENT ON COLUMN @extschema@.management_review.covers IS 'Standards the review covered (codes of ims.standard)';
COMMENT ON COLUMN @extschema@.management_review.agenda IS 'Agenda items, such as ai_objectives, ai_system_performance, ai_risks, impact_assessment_outcomes';

CREATE TABLE @extschema@.certification_body (
	org_id bigint NOT NULL,
	body_id bigserial NOT NULL,
	name text NOT NULL,
	accredited_for text[] NOT NULL DEFAULT '{}',
	combined_audit_confirmed boolean NOT NULL DEFAULT false,
	CONSTRAINT certification_body_pkey PRIMARY KEY (org_id, body_id),
	CONSTRAINT certification_body_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT certification_body_name_check CHECK (pg_catalog.btrim(name) <> '')
);
COMMENT ON TABLE @extschema@.certification_body IS 'Certification bodies the organization works with';
COMMENT ON COLUMN @extschema@.certification_body.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.certification_body.body_id IS 'Identifier of the body';
COMMENT ON COLUMN @extschema@.certification_body.name IS 'Name of the certification body';
COMMENT ON COLUMN @extschema@.certification_body.accredited_for IS 'Standards it is accredited to certify (codes of ims.standard)';
COMMENT ON COLUMN @extschema@.certification_body.combined_audit_confirmed IS 'Whether it confirmed one combined audit window for both standards';

COMMENT ON CONSTRAINT organization_name_check ON @extschema@.organization IS
'the name policy (ims.name_fault): one line, no control character, no white space at either end';
COMMENT ON CONSTRAINT organization_ims_owner_check ON @extschema@.organization IS
'the name policy (ims.name_fault): one line, no control character, no white space at either end';
COMMENT ON CONSTRAINT soa_approved_by_check ON @extschema@.soa IS
'the name policy (ims.name_fault) for the approver of the draft and the approved version';
COMMENT ON CONSTRAINT soa_entry_owner_check ON @extschema@.soa_entry IS
'the name policy (ims.name_fault): one line, no control character, no white space at either end';

-- The records are user data: pg_dump keeps all of them, and their sequences.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.organization', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.org_access', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.document', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.document_clause', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ai_system', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.risk', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.risk_control', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.impact_assessment', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.soa', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.soa_entry', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.evidence', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.auditor', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.internal_audit', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.management_review', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.certification_body', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.organization_org_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.document_doc_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ai_system_system_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.risk_risk_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.impact_assessment_assessment_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.soa_soa_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.evidence_evidence_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.auditor_auditor_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.internal_audit_audit_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.management_review_review_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.certification_body_body_id_seq', '');
