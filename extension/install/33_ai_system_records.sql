/* extension/install/33_ai_system_records.sql */

----------------------------------------------------------------------------
-- Each AI system as an instance (docs/ai-systems.md)
--
-- ISO 42001 asks for records per AI system, not per asset: who is
-- accountable for it, what role the organization plays for it (ISO 42001
-- 4.1, ISO/IEC 22989), what it is made of and who supplies that (A.10),
-- the data it uses (A.7), its life-cycle records (A.6.2.2 to A.6.2.8 and
-- decommissioning), the changes made to it, and an impact assessment with
-- impacts as rows, mitigations, a decision and an approval (A.5, in the
-- shape ISO/IEC 42005 gives it).  Evidence (ims.evidence) can name the
-- system it is for.
--
-- Every table carries org_id first in its key; row-level security is
-- given to them in 50_tenancy.sql, and pg_dump keeps them (end of part).
-- This part runs after 30_record.sql, and the update to 1.2 runs it
-- whole, so the columns it adds to tables of 1.1 are added here, at the
-- end of those tables, in both.
----------------------------------------------------------------------------

-- What ai_system gains: its owner, the organization's roles for it, and
-- the decision whether it was decommissioned.
ALTER TABLE @extschema@.ai_system
	ADD COLUMN owner text,
	ADD COLUMN ai_roles text[],
	ADD CONSTRAINT ai_system_owner_check CHECK (@extschema@.name_fault(owner) IS NULL),
	ADD CONSTRAINT ai_system_ai_roles_check
		CHECK (pg_catalog.cardinality(ai_roles) > 0
			   AND ai_roles OPERATOR(pg_catalog.<@)
				   ARRAY['ai_provider', 'ai_producer', 'ai_customer', 'ai_partner', 'ai_subject', 'relevant_authority']);
COMMENT ON COLUMN @extschema@.ai_system.owner IS 'The one person accountable for the system (ISO 42001 A.3.2); SYS002 when a system in scope has none';
COMMENT ON COLUMN @extschema@.ai_system.ai_roles IS 'The organization''s roles for the system (ISO 42001 4.1, ISO/IEC 22989 5.19): ai_provider, ai_producer, ai_customer, ai_partner, ai_subject, relevant_authority; beside the AI Act roles of ai_act_roles; null until determined';
COMMENT ON CONSTRAINT ai_system_owner_check ON @extschema@.ai_system IS
'the name policy (ims.name_fault): one line, no control character, no white space at either end';

-- Evidence for one AI system: a model card, an evaluation report, a
-- deployment runbook are evidence of a control for a system.
ALTER TABLE @extschema@.evidence
	ADD COLUMN system_id bigint,
	ADD CONSTRAINT evidence_ai_system_fkey FOREIGN KEY (org_id, system_id)
		REFERENCES @extschema@.ai_system (org_id, system_id);
CREATE INDEX evidence_ai_system_idx ON @extschema@.evidence (org_id, system_id) WHERE system_id IS NOT NULL;
COMMENT ON COLUMN @extschema@.evidence.system_id IS 'The AI system the evidence is for (its model card, its evaluation report); null for evidence of the control as a whole';

-- Changes made to a system; a significant one asks for an impact
-- assessment made for it (ISO 42001 6.3, 8.4).
CREATE TABLE @extschema@.ai_system_change (
	org_id bigint NOT NULL,
	change_id bigserial NOT NULL,
	system_id bigint NOT NULL,
	changed_on date NOT NULL,
	kind text NOT NULL,
	description text NOT NULL,
	significant boolean NOT NULL,
	CONSTRAINT ai_system_change_pkey PRIMARY KEY (org_id, change_id),
	CONSTRAINT ai_system_change_system_key UNIQUE (org_id, system_id, change_id),
	CONSTRAINT ai_system_change_system_fkey FOREIGN KEY (org_id, system_id)
		REFERENCES @extschema@.ai_system (org_id, system_id) ON DELETE CASCADE,
	CONSTRAINT ai_system_change_kind_check
		CHECK (kind IN ('retraining', 'new_data', 'new_model', 'new_use', 'new_deployment', 'configuration', 'decommissioning')),
	CONSTRAINT ai_system_change_description_check CHECK (pg_catalog.btrim(description) <> '')
);
COMMENT ON TABLE @extschema@.ai_system_change IS 'Changes made or planned to an AI system; a significant one needs an impact assessment made for it (AIA002)';
COMMENT ON COLUMN @extschema@.ai_system_change.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.ai_system_change.change_id IS 'Identifier of the change';
COMMENT ON COLUMN @extschema@.ai_system_change.system_id IS 'The AI system changed';
COMMENT ON COLUMN @extschema@.ai_system_change.changed_on IS 'When it was or will be made';
COMMENT ON COLUMN @extschema@.ai_system_change.kind IS 'retraining, new_data, new_model, new_use, new_deployment, configuration or decommissioning';
COMMENT ON COLUMN @extschema@.ai_system_change.description IS 'What changes';
COMMENT ON COLUMN @extschema@.ai_system_change.significant IS 'Whether it is a significant change, which an impact assessment must assess (ISO 42001 8.4)';

-- The life-cycle records of a system: one kind of record per control of
-- A.6.2, and its decommissioning (which A.6.2.6 plans).
CREATE TABLE @extschema@.ai_lifecycle_record (
	org_id bigint NOT NULL,
	record_id bigserial NOT NULL,
	system_id bigint NOT NULL,
	stage text NOT NULL,
	control_id text GENERATED ALWAYS AS (
		CASE stage
			WHEN 'requirements' THEN 'A.6.2.2'
			WHEN 'design_development' THEN 'A.6.2.3'
			WHEN 'verification_validation' THEN 'A.6.2.4'
			WHEN 'deployment_approval' THEN 'A.6.2.5'
			WHEN 'operation_monitoring' THEN 'A.6.2.6'
			WHEN 'decommissioning' THEN 'A.6.2.6'
			WHEN 'technical_documentation' THEN 'A.6.2.7'
			WHEN 'event_log' THEN 'A.6.2.8'
		END) STORED,
	title text NOT NULL,
	recorded_on date NOT NULL,
	summary text,
	measures text,
	results text,
	decision text,
	approved_by text,
	uri text,
	valid_until date,
	CONSTRAINT ai_lifecycle_record_pkey PRIMARY KEY (org_id, record_id),
	CONSTRAINT ai_lifecycle_record_system_fkey FOREIGN KEY (org_id, system_id)
		REFERENCES @extschema@.ai_system (org_id, system_id) ON DELETE CASCADE,
	CONSTRAINT ai_lifecycle_record_stage_check
		CHECK (stage IN ('requirements', 'design_development', 'verification_validation', 'deployment_approval',
						 'operation_monitoring', 'technical_documentation', 'event_log', 'decommissioning')),
	CONSTRAINT ai_lifecycle_record_title_check CHECK (pg_catalog.btrim(title) <> ''),
	CONSTRAINT ai_lifecycle_record_approved_by_check CHECK (@extschema@.name_fault(approved_by) IS NULL),
	CONSTRAINT ai_lifecycle_record_validity_check CHECK (valid_until >= recorded_on),
	-- verification and validation without its measures and results is no record of either
	CONSTRAINT ai_lifecycle_record_vv_check
		CHECK (stage <> 'verification_validation'
			   OR (pg_catalog.btrim(coalesce(measures, '')) <> '' AND pg_catalog.btrim(coalesce(results, '')) <> '')),
	-- an approval or a decision states what was decided
	CONSTRAINT ai_lifecycle_record_decision_check
		CHECK (stage NOT IN ('deployment_approval', 'event_log', 'decommissioning')
			   OR pg_catalog.btrim(coalesce(decision, '')) <> '')
);
COMMENT ON TABLE @extschema@.ai_lifecycle_record IS 'Life-cycle records of an AI system (ISO 42001 A.6.2.2 to A.6.2.8, and decommissioning): each is evidence of its control for that system';
COMMENT ON COLUMN @extschema@.ai_lifecycle_record.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.ai_lifecycle_record.record_id IS 'Identifier of the record';
COMMENT ON COLUMN @extschema@.ai_lifecycle_record.system_id IS 'The AI system';
COMMENT ON COLUMN @extschema@.ai_lifecycle_record.stage IS 'requirements (A.6.2.2), design_development (A.6.2.3), verification_validation (A.6.2.4), deployment_approval (A.6.2.5), operation_monitoring (A.6.2.6: the operation and monitoring plan), technical_documentation (A.6.2.7), event_log (A.6.2.8: the decision which events are logged), decommissioning';
COMMENT ON COLUMN @extschema@.ai_lifecycle_record.control_id IS 'The ISO 42001 control the record evidences, from its stage';
COMMENT ON COLUMN @extschema@.ai_lifecycle_record.title IS 'What the record is';
COMMENT ON COLUMN @extschema@.ai_lifecycle_record.recorded_on IS 'When it was made';
COMMENT ON COLUMN @extschema@.ai_lifecycle_record.summary IS 'What it says';
COMMENT ON COLUMN @extschema@.ai_lifecycle_record.measures IS 'Measures used (verification and validation: required), such as accuracy per group, false positive rate';
COMMENT ON COLUMN @extschema@.ai_lifecycle_record.results IS 'Results obtained against their criteria (verification and validation: required)';
COMMENT ON COLUMN @extschema@.ai_lifecycle_record.decision IS 'What was decided (deployment approval, event-log decision, decommissioning: required)';
COMMENT ON COLUMN @extschema@.ai_lifecycle_record.approved_by IS 'Who approved it';
COMMENT ON COLUMN @extschema@.ai_lifecycle_record.uri IS 'Where it is kept';
COMMENT ON COLUMN @extschema@.ai_lifecycle_record.valid_until IS 'Until when it counts as current; null for no expiry';

-- The dataset register (A.7.2 to A.7.6).
CREATE TABLE @extschema@.dataset (
	org_id bigint NOT NULL,
	dataset_id bigserial NOT NULL,
	name text NOT NULL,
	source text,
	acquisition text,
	licence text,
	consent_basis text,
	provenance text,
	quality_measures text,
	known_biases text,
	limitations text,
	preparation text,
	personal_data boolean,
	owner text,
	CONSTRAINT dataset_pkey PRIMARY KEY (org_id, dataset_id),
	CONSTRAINT dataset_name_key UNIQUE (org_id, name),
	CONSTRAINT dataset_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT dataset_name_check CHECK (@extschema@.name_fault(name) IS NULL),
	CONSTRAINT dataset_owner_check CHECK (@extschema@.name_fault(owner) IS NULL)
);
COMMENT ON TABLE @extschema@.dataset IS 'The dataset register (ISO 42001 A.7.2 to A.7.6): where data comes from, the right to use it, its provenance, quality, biases and preparation';
COMMENT ON COLUMN @extschema@.dataset.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.dataset.dataset_id IS 'Identifier of the dataset';
COMMENT ON COLUMN @extschema@.dataset.name IS 'Name of the dataset';
COMMENT ON COLUMN @extschema@.dataset.source IS 'Where the data comes from: own systems, a supplier, a public source (A.7.3)';
COMMENT ON COLUMN @extschema@.dataset.acquisition IS 'How it was acquired: collected, bought, licensed, scraped, generated (A.7.3)';
COMMENT ON COLUMN @extschema@.dataset.licence IS 'The licence or contract that grants the right to use it (A.7.3)';
COMMENT ON COLUMN @extschema@.dataset.consent_basis IS 'The consent or other legal basis for the personal data in it (A.7.3)';
COMMENT ON COLUMN @extschema@.dataset.provenance IS 'Its provenance: origin, versions and transformations, so it can be traced (A.7.5)';
COMMENT ON COLUMN @extschema@.dataset.quality_measures IS 'Quality requirements and how they are measured (A.7.4)';
COMMENT ON COLUMN @extschema@.dataset.known_biases IS 'Known biases (A.7.4)';
COMMENT ON COLUMN @extschema@.dataset.limitations IS 'Known limitations: coverage, age, representativeness (A.7.4)';
COMMENT ON COLUMN @extschema@.dataset.preparation IS 'How it is prepared: cleaning, labelling, imputation, splitting (A.7.6)';
COMMENT ON COLUMN @extschema@.dataset.personal_data IS 'Whether it holds personal data; null until determined';
COMMENT ON COLUMN @extschema@.dataset.owner IS 'Person responsible for the dataset';

CREATE TABLE @extschema@.dataset_use (
	org_id bigint NOT NULL,
	dataset_id bigint NOT NULL,
	system_id bigint NOT NULL,
	purpose text NOT NULL,
	CONSTRAINT dataset_use_pkey PRIMARY KEY (org_id, dataset_id, system_id, purpose),
	CONSTRAINT dataset_use_dataset_fkey FOREIGN KEY (org_id, dataset_id)
		REFERENCES @extschema@.dataset (org_id, dataset_id) ON DELETE CASCADE,
	CONSTRAINT dataset_use_system_fkey FOREIGN KEY (org_id, system_id)
		REFERENCES @extschema@.ai_system (org_id, system_id) ON DELETE CASCADE,
	CONSTRAINT dataset_use_purpose_check CHECK (purpose IN ('training', 'validation', 'test', 'inference'))
);
CREATE INDEX dataset_use_system_idx ON @extschema@.dataset_use (org_id, system_id);
COMMENT ON TABLE @extschema@.dataset_use IS 'Which AI systems use a dataset, and for what';
COMMENT ON COLUMN @extschema@.dataset_use.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.dataset_use.dataset_id IS 'The dataset';
COMMENT ON COLUMN @extschema@.dataset_use.system_id IS 'The AI system that uses it';
COMMENT ON COLUMN @extschema@.dataset_use.purpose IS 'training, validation, test or inference';

-- AI suppliers, what they supply, and the due diligence of A.10.3.
CREATE TABLE @extschema@.ai_supplier (
	org_id bigint NOT NULL,
	supplier_id bigserial NOT NULL,
	name text NOT NULL,
	supplies text NOT NULL,
	contract_terms text,
	contact text,
	CONSTRAINT ai_supplier_pkey PRIMARY KEY (org_id, supplier_id),
	CONSTRAINT ai_supplier_name_key UNIQUE (org_id, name),
	CONSTRAINT ai_supplier_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT ai_supplier_name_check CHECK (@extschema@.name_fault(name) IS NULL),
	CONSTRAINT ai_supplier_supplies_check CHECK (pg_catalog.btrim(supplies) <> '')
);
COMMENT ON TABLE @extschema@.ai_supplier IS 'Suppliers of AI models, AI services and data (ISO 42001 A.10.3)';
COMMENT ON COLUMN @extschema@.ai_supplier.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.ai_supplier.supplier_id IS 'Identifier of the supplier';
COMMENT ON COLUMN @extschema@.ai_supplier.name IS 'Name of the supplier';
COMMENT ON COLUMN @extschema@.ai_supplier.supplies IS 'What it supplies: a foundation model, a hosted inference API, labelled data, ...';
COMMENT ON COLUMN @extschema@.ai_supplier.contract_terms IS 'The AI terms of the contract: use of the organization''s data for training, output ownership, liability, notice of model changes, audit rights';
COMMENT ON COLUMN @extschema@.ai_supplier.contact IS 'Contact at the supplier';

CREATE TABLE @extschema@.ai_supplier_review (
	org_id bigint NOT NULL,
	review_id bigserial NOT NULL,
	supplier_id bigint NOT NULL,
	reviewed_on date NOT NULL,
	reviewed_by text NOT NULL,
	model_provenance text,
	training_data_origin text,
	performance_claims text,
	output_ip text,
	contract_terms text,
	conclusion text,
	next_review date,
	CONSTRAINT ai_supplier_review_pkey PRIMARY KEY (org_id, review_id),
	CONSTRAINT ai_supplier_review_supplier_fkey FOREIGN KEY (org_id, supplier_id)
		REFERENCES @extschema@.ai_supplier (org_id, supplier_id) ON DELETE CASCADE,
	CONSTRAINT ai_supplier_review_reviewed_by_check CHECK (@extschema@.name_fault(reviewed_by) IS NULL),
	CONSTRAINT ai_supplier_review_next_check CHECK (next_review > reviewed_on)
);
COMMENT ON TABLE @extschema@.ai_supplier_review IS 'Due diligence of an AI supplier (ISO 42001 A.10.3): the points a review must cover, its conclusion and its next date; the latest counts';
COMMENT ON COLUMN @extschema@.ai_supplier_review.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.ai_supplier_review.review_id IS 'Identifier of the review';
COMMENT ON COLUMN @extschema@.ai_supplier_review.supplier_id IS 'The supplier reviewed';
COMMENT ON COLUMN @extschema@.ai_supplier_review.reviewed_on IS 'When it was reviewed';
COMMENT ON COLUMN @extschema@.ai_supplier_review.reviewed_by IS 'Who reviewed it';
COMMENT ON COLUMN @extschema@.ai_supplier_review.model_provenance IS 'What is known of the model''s provenance: who built it, from what, which version';
COMMENT ON COLUMN @extschema@.ai_supplier_review.training_data_origin IS 'Where its training data comes from, and the rights to it';
COMMENT ON COLUMN @extschema@.ai_supplier_review.performance_claims IS 'The performance the supplier claims, and how it was checked';
COMMENT ON COLUMN @extschema@.ai_supplier_review.output_ip IS 'Who owns the outputs, and the intellectual property risks in them';
COMMENT ON COLUMN @extschema@.ai_supplier_review.contract_terms IS 'Whether the contract''s AI terms were checked, and what they give';
COMMENT ON COLUMN @extschema@.ai_supplier_review.conclusion IS 'The conclusion: approved, approved with conditions, rejected, and why';
COMMENT ON COLUMN @extschema@.ai_supplier_review.next_review IS 'When it must be reviewed again';

-- What an AI system is made of: its own model, a third party's model, an
-- AI service.
CREATE TABLE @extschema@.ai_component (
	org_id bigint NOT NULL,
	component_id bigserial NOT NULL,
	system_id bigint NOT NULL,
	kind text NOT NULL,
	name text NOT NULL,
	version text,
	supplier_id bigint,
	CONSTRAINT ai_component_pkey PRIMARY KEY (org_id, component_id),
	CONSTRAINT ai_component_system_fkey FOREIGN KEY (org_id, system_id)
		REFERENCES @extschema@.ai_system (org_id, system_id) ON DELETE CASCADE,
	CONSTRAINT ai_component_supplier_fkey FOREIGN KEY (org_id, supplier_id)
		REFERENCES @extschema@.ai_supplier (org_id, supplier_id),
	CONSTRAINT ai_component_kind_check CHECK (kind IN ('own_model', 'third_party_model', 'ai_service', 'software')),
	CONSTRAINT ai_component_name_check CHECK (@extschema@.name_fault(name) IS NULL),
	-- what a third party provides names the third party
	CONSTRAINT ai_component_supplier_check
		CHECK (kind IN ('own_model', 'software') OR supplier_id IS NOT NULL)
);
CREATE INDEX ai_component_supplier_idx ON @extschema@.ai_component (org_id, supplier_id) WHERE supplier_id IS NOT NULL;
COMMENT ON TABLE @extschema@.ai_component IS 'What an AI system is made of: its own models, third parties'' models and AI services, and other software';
COMMENT ON COLUMN @extschema@.ai_component.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.ai_component.component_id IS 'Identifier of the component';
COMMENT ON COLUMN @extschema@.ai_component.system_id IS 'The AI system it is part of';
COMMENT ON COLUMN @extschema@.ai_component.kind IS 'own_model, third_party_model, ai_service or software; a third party''s names its supplier';
COMMENT ON COLUMN @extschema@.ai_component.name IS 'Name of the component, such as the model''s';
COMMENT ON COLUMN @extschema@.ai_component.version IS 'Version in use';
COMMENT ON COLUMN @extschema@.ai_component.supplier_id IS 'The AI supplier that supplies it; required for a third party''s model or service';

-- Who is responsible for what, per system and party (A.10.2).
CREATE TABLE @extschema@.ai_responsibility (
	org_id bigint NOT NULL,
	allocation_id bigserial NOT NULL,
	system_id bigint NOT NULL,
	party text NOT NULL,
	supplier_id bigint,
	party_name text,
	responsibility text NOT NULL,
	documented_in text,
	CONSTRAINT ai_responsibility_pkey PRIMARY KEY (org_id, allocation_id),
	CONSTRAINT ai_responsibility_system_fkey FOREIGN KEY (org_id, system_id)
		REFERENCES @extschema@.ai_system (org_id, system_id) ON DELETE CASCADE,
	CONSTRAINT ai_responsibility_supplier_fkey FOREIGN KEY (org_id, supplier_id)
		REFERENCES @extschema@.ai_supplier (org_id, supplier_id),
	CONSTRAINT ai_responsibility_party_check CHECK (party IN ('organization', 'supplier', 'customer', 'partner')),
	CONSTRAINT ai_responsibility_party_named_check
		CHECK (CASE party WHEN 'organization' THEN supplier_id IS NULL
						  WHEN 'supplier' THEN supplier_id IS NOT NULL
						  ELSE supplier_id IS NULL AND party_name IS NOT NULL
							   AND @extschema@.name_fault(party_name) IS NULL END),
	CONSTRAINT ai_responsibility_text_check CHECK (pg_catalog.btrim(responsibility) <> '')
);
COMMENT ON TABLE @extschema@.ai_responsibility IS 'The allocation of responsibilities for an AI system between the organization and its suppliers, customers and partners (ISO 42001 A.10.2)';
COMMENT ON COLUMN @extschema@.ai_responsibility.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.ai_responsibility.allocation_id IS 'Identifier of the allocation';
COMMENT ON COLUMN @extschema@.ai_responsibility.system_id IS 'The AI system';
COMMENT ON COLUMN @extschema@.ai_responsibility.party IS 'organization (the organization itself), supplier (supplier_id), customer or partner (party_name)';
COMMENT ON COLUMN @extschema@.ai_responsibility.supplier_id IS 'The AI supplier, when party is supplier';
COMMENT ON COLUMN @extschema@.ai_responsibility.party_name IS 'The customer or partner, when party is customer or partner';
COMMENT ON COLUMN @extschema@.ai_responsibility.responsibility IS 'What the party is responsible for: human oversight, model updates, monitoring, incident reporting, ...';
COMMENT ON COLUMN @extschema@.ai_responsibility.documented_in IS 'The contract or agreement that allocates it';

-- The impact assessment in the shape of ISO/IEC 42005: the description
-- of the system and its intended uses, the affected parties and how their
-- views were obtained, the impacts as rows, the mitigations, the decision
-- and its conditions, the approval, the change it was made for.  Where
-- Art. 27 of the EU AI Act binds the organization as deployer, the same
-- record is its fundamental rights impact assessment (fria).  The text
-- columns of 1.1 (individuals, groups, society) stay as summaries; the
-- update to 1.2 makes a row of ims.impact of each.
ALTER TABLE @extschema@.impact_assessment
	ADD COLUMN system_description text,
	ADD COLUMN intended_uses text,
	ADD COLUMN affected_parties text,
	ADD COLUMN stakeholder_method text,
	ADD COLUMN decision text,
	ADD COLUMN decision_conditions text,
	ADD COLUMN approved_on date,
	ADD COLUMN change_id bigint,
	ADD COLUMN fria boolean NOT NULL DEFAULT false,
	ADD CONSTRAINT impact_assessment_change_fkey FOREIGN KEY (org_id, system_id, change_id)
		REFERENCES @extschema@.ai_system_change (org_id, system_id, change_id),
	ADD CONSTRAINT impact_assessment_decision_check
		CHECK (decision IN ('proceed', 'proceed_with_conditions', 'do_not_proceed')),
	ADD CONSTRAINT impact_assessment_conditions_check
		CHECK (decision IS DISTINCT FROM 'proceed_with_conditions'
			   OR pg_catalog.btrim(coalesce(decision_conditions, '')) <> ''),
	ADD CONSTRAINT impact_assessment_approval_check
		CHECK (approved_on IS NULL OR (approved_by IS NOT NULL AND decision IS NOT NULL AND approved_on >= assessed_on));
COMMENT ON COLUMN @extschema@.impact_assessment.individuals IS 'Summary of the impacts on individuals (A.5.4); the impacts themselves are rows of ims.impact';
COMMENT ON COLUMN @extschema@.impact_assessment.groups IS 'Summary of the impacts on groups of individuals (A.5.4); the impacts themselves are rows of ims.impact';
COMMENT ON COLUMN @extschema@.impact_assessment.society IS 'Summary of the societal impacts (A.5.5); the impacts themselves are rows of ims.impact';
COMMENT ON COLUMN @extschema@.impact_assessment.system_description IS 'The system as assessed: what it does, its components, its data';
COMMENT ON COLUMN @extschema@.impact_assessment.intended_uses IS 'The intended uses assessed, and their context of use';
COMMENT ON COLUMN @extschema@.impact_assessment.affected_parties IS 'Who is affected: users, subjects of its decisions, groups, the public';
COMMENT ON COLUMN @extschema@.impact_assessment.stakeholder_method IS 'How the views of affected parties were obtained: interviews, survey, works council, advisory board';
COMMENT ON COLUMN @extschema@.impact_assessment.decision IS 'proceed, proceed_with_conditions or do_not_proceed; null while the assessment is open';
COMMENT ON COLUMN @extschema@.impact_assessment.decision_conditions IS 'The conditions of a decision to proceed with conditions (required for it)';
COMMENT ON COLUMN @extschema@.impact_assessment.approved_on IS 'When approved_by approved the assessment and its decision; null while unapproved';
COMMENT ON COLUMN @extschema@.impact_assessment.change_id IS 'The recorded change of the system (ims.ai_system_change) the assessment was made for';
COMMENT ON COLUMN @extschema@.impact_assessment.fria IS 'Whether the record is also the fundamental rights impact assessment of EU AI Act Art. 27, which the organization makes as deployer';

CREATE TABLE @extschema@.impact (
	org_id bigint NOT NULL,
	impact_id bigserial NOT NULL,
	assessment_id bigint NOT NULL,
	subject text NOT NULL,
	nature text NOT NULL,
	description text NOT NULL,
	affected text,
	likelihood text,
	severity text,
	CONSTRAINT impact_pkey PRIMARY KEY (org_id, impact_id),
	CONSTRAINT impact_assessment_fkey FOREIGN KEY (org_id, assessment_id)
		REFERENCES @extschema@.impact_assessment (org_id, assessment_id) ON DELETE CASCADE,
	CONSTRAINT impact_subject_check CHECK (subject IN ('individuals', 'groups', 'society')),
	CONSTRAINT impact_nature_check CHECK (nature IN ('benefit', 'harm')),
	CONSTRAINT impact_description_check CHECK (pg_catalog.btrim(description) <> ''),
	CONSTRAINT impact_likelihood_check CHECK (likelihood IN ('rare', 'unlikely', 'possible', 'likely', 'almost_certain')),
	CONSTRAINT impact_severity_check CHECK (severity IN ('low', 'medium', 'high', 'critical'))
);
CREATE INDEX impact_assessment_idx ON @extschema@.impact (org_id, assessment_id);
COMMENT ON TABLE @extschema@.impact IS 'The impacts an impact assessment identified, one a row: on individuals, groups or society, a benefit or a harm, with the likelihood and severity of a harm';
COMMENT ON COLUMN @extschema@.impact.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.impact.impact_id IS 'Identifier of the impact';
COMMENT ON COLUMN @extschema@.impact.assessment_id IS 'The impact assessment';
COMMENT ON COLUMN @extschema@.impact.subject IS 'individuals, groups (of individuals) or society (A.5.4, A.5.5)';
COMMENT ON COLUMN @extschema@.impact.nature IS 'benefit or harm';
COMMENT ON COLUMN @extschema@.impact.description IS 'What the impact is; a subject found not to be harmed is a harm row that says so, rated low and rare';
COMMENT ON COLUMN @extschema@.impact.affected IS 'Who exactly is affected';
COMMENT ON COLUMN @extschema@.impact.likelihood IS 'rare, unlikely, possible, likely or almost_certain; a harm without one is unrated (AIA005)';
COMMENT ON COLUMN @extschema@.impact.severity IS 'low, medium, high or critical; a harm without one is unrated (AIA005)';

-- The results of the impact assessment feed the risk assessment (ISO
-- 42001 6.1.4 to 6.1.2): the risks an impact feeds.
CREATE TABLE @extschema@.impact_risk (
	org_id bigint NOT NULL,
	impact_id bigint NOT NULL,
	risk_id bigint NOT NULL,
	CONSTRAINT impact_risk_pkey PRIMARY KEY (org_id, impact_id, risk_id),
	CONSTRAINT impact_risk_impact_fkey FOREIGN KEY (org_id, impact_id)
		REFERENCES @extschema@.impact (org_id, impact_id) ON DELETE CASCADE,
	CONSTRAINT impact_risk_risk_fkey FOREIGN KEY (org_id, risk_id)
		REFERENCES @extschema@.risk (org_id, risk_id) ON DELETE CASCADE
);
CREATE INDEX impact_risk_risk_idx ON @extschema@.impact_risk (org_id, risk_id);
COMMENT ON TABLE @extschema@.impact_risk IS 'The risks of the register an impact feeds (ISO 42001 6.1.4: the results of the impact assessment are considered in the risk assessment, 6.1.2)';
COMMENT ON COLUMN @extschema@.impact_risk.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.impact_risk.impact_id IS 'The impact';
COMMENT ON COLUMN @extschema@.impact_risk.risk_id IS 'The risk it feeds';

CREATE TABLE @extschema@.impact_mitigation (
	org_id bigint NOT NULL,
	mitigation_id bigserial NOT NULL,
	impact_id bigint NOT NULL,
	description text NOT NULL,
	risk_id bigint,
	standard text,
	control_id text,
	CONSTRAINT impact_mitigation_pkey PRIMARY KEY (org_id, mitigation_id),
	CONSTRAINT impact_mitigation_impact_fkey FOREIGN KEY (org_id, impact_id)
		REFERENCES @extschema@.impact (org_id, impact_id) ON DELETE CASCADE,
	CONSTRAINT impact_mitigation_risk_fkey FOREIGN KEY (org_id, risk_id)
		REFERENCES @extschema@.risk (org_id, risk_id),
	CONSTRAINT impact_mitigation_control_fkey FOREIGN KEY (standard, control_id)
		REFERENCES @extschema@.control (standard, control_id),
	CONSTRAINT impact_mitigation_control_check CHECK ((standard IS NULL) = (control_id IS NULL)),
	CONSTRAINT impact_mitigation_description_check CHECK (pg_catalog.btrim(description) <> '')
);
CREATE INDEX impact_mitigation_impact_idx ON @extschema@.impact_mitigation (org_id, impact_id);
COMMENT ON TABLE @extschema@.impact_mitigation IS 'How a harm is mitigated: the measure, the risk whose treatment carries it and the control that implements it';
COMMENT ON COLUMN @extschema@.impact_mitigation.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.impact_mitigation.mitigation_id IS 'Identifier of the mitigation';
COMMENT ON COLUMN @extschema@.impact_mitigation.impact_id IS 'The impact mitigated';
COMMENT ON COLUMN @extschema@.impact_mitigation.description IS 'The measure';
COMMENT ON COLUMN @extschema@.impact_mitigation.risk_id IS 'The risk of the register whose treatment carries the measure';
COMMENT ON COLUMN @extschema@.impact_mitigation.standard IS 'Standard of the control that implements it';
COMMENT ON COLUMN @extschema@.impact_mitigation.control_id IS 'The control that implements it';

-- The records are user data: pg_dump keeps all of them, and their sequences.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ai_system_change', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ai_lifecycle_record', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.dataset', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.dataset_use', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ai_supplier', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ai_supplier_review', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ai_component', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ai_responsibility', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.impact', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.impact_risk', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.impact_mitigation', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ai_system_change_change_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ai_lifecycle_record_record_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.dataset_dataset_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ai_supplier_supplier_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ai_supplier_review_review_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ai_component_component_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ai_responsibility_allocation_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.impact_impact_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.impact_mitigation_mitigation_id_seq', '');

-- The current, fitting evidence of each ISO 42001 control for each AI
-- system, from the three places that hold it: evidence that names the
-- system (of a kind its control suggests, or any kind outside information security, as for SOA008), the
-- system's life-cycle records, and the dataset register (a dataset the
-- system uses evidences A.7.2, and A.7.3 to A.7.6 where the register
-- records what they ask).  SYS003, report_ai_systems and the documents
-- read this one definition.
CREATE FUNCTION @extschema@.ai_system_evidence(org_ids bigint[], every_organization boolean DEFAULT false)
	RETURNS TABLE (org_id bigint, system_id bigint, standard text, control_id text, source text,
				   source_id bigint, title text, kind text, collected_on date)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT v.org_id, v.system_id, v.standard, v.control_id, 'evidence', v.evidence_id, v.title, v.kind, v.collected_on
	FROM @extschema@.evidence v
	JOIN @extschema@.control c ON c.standard = v.standard AND c.control_id = v.control_id
	JOIN @extschema@.evidence_kind k ON k.code = v.kind
	WHERE (every_organization OR v.org_id = ANY (org_ids)) AND v.system_id IS NOT NULL
	  AND v.collected_on <= current_date AND (v.valid_until IS NULL OR v.valid_until >= current_date)
	  AND (v.kind = ANY (c.evidence_kinds) OR k.domain <> 'information_security')
	UNION ALL
	SELECT r.org_id, r.system_id, 'iso42001:2023', r.control_id, 'lifecycle_record', r.record_id, r.title,
	       'record', r.recorded_on
	FROM @extschema@.ai_lifecycle_record r
	WHERE (every_organization OR r.org_id = ANY (org_ids))
	  AND r.recorded_on <= current_date AND (r.valid_until IS NULL OR r.valid_until >= current_date)
	UNION ALL
	SELECT u.org_id, u.system_id, 'iso42001:2023', x.control_id, 'dataset', d.dataset_id, d.name,
	       CASE WHEN x.control_id IN ('A.7.4', 'A.7.6') THEN 'data_quality_report' ELSE 'data_provenance_record' END,
	       NULL::date
	FROM (SELECT DISTINCT du.org_id, du.dataset_id, du.system_id FROM @extschema@.dataset_use du
	      WHERE every_organization OR du.org_id = ANY (org_ids)) u
	JOIN @extschema@.dataset d ON d.org_id = u.org_id AND (every_organization OR d.org_id = ANY (org_ids)) AND d.dataset_id = u.dataset_id,
	     LATERAL (VALUES ('A.7.2', true),
	                     ('A.7.3', coalesce(btrim(d.source), '') <> ''
	                               AND (coalesce(btrim(d.licence), '') <> '' OR coalesce(btrim(d.consent_basis), '') <> '')),
	                     ('A.7.4', coalesce(btrim(d.quality_measures), '') <> ''),
	                     ('A.7.5', coalesce(btrim(d.provenance), '') <> ''),
	                     ('A.7.6', coalesce(btrim(d.preparation), '') <> '')) AS x(control_id, holds)
	WHERE x.holds;
END;
COMMENT ON FUNCTION @extschema@.ai_system_evidence(bigint[], boolean) IS
'the current, fitting evidence of each ISO 42001 control for each AI system of the organizations (every_organization: of every one the caller can see): evidence that names the system (of a kind its control suggests, or any kind outside information security, as for SOA008), its life-cycle records, and the datasets it uses (A.7.2 to A.7.6 where the register records what they ask); source says which';

-- The controls of ISO 42001 that need evidence per AI system, and from
-- which life-cycle stage on: requirements from design, design documents
-- and data from development, verification and validation from
-- verification, the rest from deployment.
CREATE FUNCTION @extschema@.ai_system_controls()
	RETURNS TABLE (control_id text, from_stage text, from_rank integer)
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT * FROM (VALUES ('A.6.2.2', 'design', 1), ('A.6.2.3', 'development', 2), ('A.6.2.4', 'verification', 3),
	                      ('A.6.2.5', 'deployment', 4), ('A.6.2.6', 'deployment', 4), ('A.6.2.7', 'deployment', 4),
	                      ('A.6.2.8', 'deployment', 4), ('A.7.2', 'development', 2), ('A.7.3', 'development', 2),
	                      ('A.7.4', 'development', 2), ('A.7.5', 'development', 2), ('A.7.6', 'development', 2))
	       AS t(control_id, from_stage, from_rank);
END;
COMMENT ON FUNCTION @extschema@.ai_system_controls() IS
'the ISO 42001 controls evidenced per AI system (A.6.2.2 to A.6.2.8, A.7.2 to A.7.6), each with the life-cycle stage from which a system needs its evidence';

CREATE FUNCTION @extschema@.lifecycle_rank(stage text) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT CASE stage WHEN 'design' THEN 1 WHEN 'development' THEN 2 WHEN 'verification' THEN 3
	                  WHEN 'deployment' THEN 4 WHEN 'operation' THEN 5 WHEN 'retired' THEN 6 END;
END;
COMMENT ON FUNCTION @extschema@.lifecycle_rank(text) IS
'the rank of a life-cycle stage of ims.ai_system: 1 design, 2 development, 3 verification, 4 deployment, 5 operation, 6 retired';
