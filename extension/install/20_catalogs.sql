/* extension/install/20_catalogs.sql */

----------------------------------------------------------------------------
-- Catalogs of standards (src/catalog_load.c loads them)
----------------------------------------------------------------------------

CREATE TABLE @extschema@.standard (
	code text NOT NULL,
	title text NOT NULL,
	kind text NOT NULL,
	builtin boolean NOT NULL DEFAULT false,
	CONSTRAINT standard_pkey PRIMARY KEY (code),
	CONSTRAINT standard_code_check CHECK (code ~ '^[a-z0-9][a-z0-9._:-]{0,63}$'),
	CONSTRAINT standard_kind_check CHECK (kind IN ('management_system', 'control_catalog', 'regulation'))
);
COMMENT ON TABLE @extschema@.standard IS 'Standards whose catalogs are loaded: the two shipped ones and any imported';
COMMENT ON COLUMN @extschema@.standard.code IS 'Stable code, such as iso27001:2022 or iso42001:2023';
COMMENT ON COLUMN @extschema@.standard.title IS 'Title of the standard';
COMMENT ON COLUMN @extschema@.standard.kind IS 'management_system, control_catalog or regulation';
COMMENT ON COLUMN @extschema@.standard.builtin IS 'True for catalogs shipped with pg_ims (loaded by CREATE EXTENSION)';

CREATE TABLE @extschema@.clause (
	standard text NOT NULL,
	number text NOT NULL,
	title text NOT NULL,
	parent text,
	ordinal integer NOT NULL,
	CONSTRAINT clause_pkey PRIMARY KEY (standard, number),
	CONSTRAINT clause_standard_fkey FOREIGN KEY (standard) REFERENCES @extschema@.standard (code),
	CONSTRAINT clause_parent_fkey FOREIGN KEY (standard, parent) REFERENCES @extschema@.clause (standard, number)
);
COMMENT ON TABLE @extschema@.clause IS 'Clauses and sub-clauses of each standard (ids and titles only)';
COMMENT ON COLUMN @extschema@.clause.number IS 'Clause number as published, such as 6.1.4';
COMMENT ON COLUMN @extschema@.clause.parent IS 'Number of the enclosing clause; null for a top-level clause';
COMMENT ON COLUMN @extschema@.clause.ordinal IS 'Position in the catalog, for document order';

CREATE TABLE @extschema@.evidence_kind (
	code text NOT NULL,
	title text NOT NULL,
	domain text NOT NULL,
	builtin boolean NOT NULL DEFAULT false,
	CONSTRAINT evidence_kind_pkey PRIMARY KEY (code),
	CONSTRAINT evidence_kind_code_check CHECK (code ~ '^[a-z][a-z0-9_]{0,63}$'),
	CONSTRAINT evidence_kind_domain_check CHECK (domain IN ('information_security', 'ai', 'management'))
);
COMMENT ON TABLE @extschema@.evidence_kind IS 'Kinds of evidence, each in a domain: an ISO 42001 control evidenced only by information_security kinds is a finding (SOA008)';
COMMENT ON COLUMN @extschema@.evidence_kind.code IS 'Code used in evidence rows and in control.evidence_kinds, a lowercase word';
COMMENT ON COLUMN @extschema@.evidence_kind.title IS 'What the evidence is';
COMMENT ON COLUMN @extschema@.evidence_kind.domain IS 'information_security, ai or management';
COMMENT ON COLUMN @extschema@.evidence_kind.builtin IS 'True for the kinds shipped with pg_ims; kinds you add are kept by pg_dump';

CREATE TABLE @extschema@.control (
	standard text NOT NULL,
	control_id text NOT NULL,
	title text NOT NULL,
	area text,
	area_title text,
	theme text,
	evidence_kinds text[] NOT NULL DEFAULT '{}',
	ordinal integer NOT NULL,
	parent text,
	display_id text,
	CONSTRAINT control_pkey PRIMARY KEY (standard, control_id),
	CONSTRAINT control_standard_fkey FOREIGN KEY (standard) REFERENCES @extschema@.standard (code),
	CONSTRAINT control_parent_fkey FOREIGN KEY (standard, parent)
		REFERENCES @extschema@.control (standard, control_id)
);
COMMENT ON TABLE @extschema@.control IS 'Annex A controls of each standard (ids and titles only); ids collide across standards, so the key is (standard, control_id)';
COMMENT ON COLUMN @extschema@.control.control_id IS 'Control id as published, such as A.5.19';
COMMENT ON COLUMN @extschema@.control.area IS 'Annex A area, such as A.5 (ISO 27001) or A.10 (ISO 42001)';
COMMENT ON COLUMN @extschema@.control.area_title IS 'Title of the area';
COMMENT ON COLUMN @extschema@.control.theme IS 'ISO 27001 theme: organizational, people, physical or technological';
COMMENT ON COLUMN @extschema@.control.evidence_kinds IS 'Kinds of evidence that show the control operates (codes of ims.evidence_kind)';
COMMENT ON COLUMN @extschema@.control.ordinal IS 'Position in the catalog, for document order (A.5.9 before A.5.10)';
COMMENT ON COLUMN @extschema@.control.parent IS 'For a control enhancement (OSCAL: a control inside a control), the id of the control it enhances';
COMMENT ON COLUMN @extschema@.control.display_id IS 'Id as the catalog displays it when it differs from control_id: the OSCAL label prop, such as AC-2(1) for ac-2.1';

CREATE TABLE @extschema@.reference_item (
	standard text NOT NULL,
	list text NOT NULL,
	item_id text NOT NULL,
	title text NOT NULL,
	ordinal integer NOT NULL,
	CONSTRAINT reference_item_pkey PRIMARY KEY (standard, list, item_id),
	CONSTRAINT reference_item_standard_fkey FOREIGN KEY (standard) REFERENCES @extschema@.standard (code)
);
COMMENT ON TABLE @extschema@.reference_item IS 'Reference lists of a standard, such as ISO 42001 Annex C objectives and risk sources';
COMMENT ON COLUMN @extschema@.reference_item.list IS 'Name of the list, such as annex_c_objectives';

CREATE TABLE @extschema@.clause_mapping (
	source_standard text NOT NULL,
	source_clause text,
	target_standard text NOT NULL,
	target_clause text NOT NULL,
	relation text NOT NULL,
	action text NOT NULL,
	builtin boolean NOT NULL DEFAULT false,
	ordinal integer NOT NULL,
	CONSTRAINT clause_mapping_pkey PRIMARY KEY (source_standard, target_standard, target_clause),
	CONSTRAINT clause_mapping_source_fkey FOREIGN KEY (source_standard, source_clause)
		REFERENCES @extschema@.clause (standard, number),
	CONSTRAINT clause_mapping_target_fkey FOREIGN KEY (target_standard, target_clause)
		REFERENCES @extschema@.clause (standard, number),
	CONSTRAINT clause_mapping_relation_check CHECK (relation IN ('equal', 'analogous', 'no_counterpart')),
	CONSTRAINT clause_mapping_counterpart_check CHECK ((relation = 'no_counterpart') = (source_clause IS NULL))
);
COMMENT ON TABLE @extschema@.clause_mapping IS 'Clause pairs between two standards (harmonized structure, clauses 4-10) and the action that integrates them';
COMMENT ON COLUMN @extschema@.clause_mapping.source_clause IS 'Clause of the source standard; null when the target clause has no counterpart (ISO 42001 6.1.4, 8.4)';
COMMENT ON COLUMN @extschema@.clause_mapping.relation IS 'equal (one document serves both), analogous (same clause, other subject) or no_counterpart';
COMMENT ON COLUMN @extschema@.clause_mapping.action IS 'What an organization with the source system does to cover the target clause';
COMMENT ON COLUMN @extschema@.clause_mapping.builtin IS 'True for the mapping shipped with pg_ims';
COMMENT ON COLUMN @extschema@.clause_mapping.ordinal IS 'Position in the mapping document';

CREATE TABLE @extschema@.control_mapping (
	source_standard text NOT NULL,
	source_control text NOT NULL,
	target_standard text NOT NULL,
	target_control text NOT NULL,
	relation text NOT NULL,
	rationale text NOT NULL,
	provenance text NOT NULL,
	builtin boolean NOT NULL DEFAULT false,
	strength text NOT NULL,
	CONSTRAINT control_mapping_pkey PRIMARY KEY (source_standard, source_control, target_standard, target_control),
	CONSTRAINT control_mapping_source_fkey FOREIGN KEY (source_standard, source_control)
		REFERENCES @extschema@.control (standard, control_id),
	CONSTRAINT control_mapping_target_fkey FOREIGN KEY (target_standard, target_control)
		REFERENCES @extschema@.control (standard, control_id),
	CONSTRAINT control_mapping_relation_check CHECK (relation IN ('equal', 'subset', 'superset', 'intersects')),
	CONSTRAINT control_mapping_strength_check CHECK (strength IN ('strong', 'moderate', 'weak'))
);
COMMENT ON TABLE @extschema@.control_mapping IS 'Reviewed control pairs between two standards, each with a relation and a one-line rationale';
COMMENT ON COLUMN @extschema@.control_mapping.relation IS 'OSCAL/NIST OLIR relation read "source relation target": equal, subset, superset or intersects';
COMMENT ON COLUMN @extschema@.control_mapping.rationale IS 'Why the pair holds and where it stops';
COMMENT ON COLUMN @extschema@.control_mapping.provenance IS 'Where the pair comes from and who reviewed it';
COMMENT ON COLUMN @extschema@.control_mapping.builtin IS 'True for the mapping shipped with pg_ims';
COMMENT ON COLUMN @extschema@.control_mapping.strength IS 'How much of one control''s implementation and evidence carries over to the other: strong (one process or artefact serves both once extended to the new scope), moderate (a substantial part carries, the rest is specific), weak (a shared element only; deciding the two differently is normal); moderate when an imported mapping states none (docs/mapping-review.md)';

CREATE INDEX control_mapping_target_idx ON @extschema@.control_mapping (target_standard, target_control);

-- Imported rows are user data: pg_dump keeps them; shipped rows come back
-- with CREATE EXTENSION on restore.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.standard', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.clause',
	'WHERE standard NOT IN (SELECT code FROM @extschema@.standard WHERE builtin)');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.control',
	'WHERE standard NOT IN (SELECT code FROM @extschema@.standard WHERE builtin)');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.reference_item',
	'WHERE standard NOT IN (SELECT code FROM @extschema@.standard WHERE builtin)');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.evidence_kind', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.clause_mapping', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.control_mapping', 'WHERE NOT builtin');

INSERT INTO @extschema@.evidence_kind (code, title, domain, builtin)
SELECT code, title, domain, true FROM (VALUES
	('access_review', 'Access rights review', 'information_security'),
	('asset_inventory', 'Asset inventory extract', 'information_security'),
	('backup_test', 'Backup restore test', 'information_security'),
	('business_continuity_test', 'Business continuity or disaster recovery test', 'information_security'),
	('configuration_baseline', 'Configuration baseline or hardening check', 'information_security'),
	('incident_record', 'Information security incident record', 'information_security'),
	('log_review', 'Log review record', 'information_security'),
	('pentest_report', 'Penetration test report', 'information_security'),
	('physical_inspection', 'Physical security inspection', 'information_security'),
	('vulnerability_scan', 'Vulnerability scan report', 'information_security'),
	('ai_incident_record', 'AI incident or concern record', 'ai'),
	('bias_assessment', 'Bias and fairness assessment', 'ai'),
	('data_provenance_record', 'Data provenance record', 'ai'),
	('data_quality_report', 'Data quality report', 'ai'),
	('decommissioning_procedure', 'AI system decommissioning procedure', 'ai'),
	('deployment_runbook', 'AI system deployment runbook', 'ai'),
	('evaluation_report', 'Model evaluation, verification or validation report', 'ai'),
	('human_oversight_record', 'Human oversight record', 'ai'),
	('impact_assessment', 'AI system impact assessment', 'ai'),
	('model_card', 'Model card or AI system documentation', 'ai'),
	('monitoring_dashboard', 'AI system performance monitoring dashboard', 'ai'),
	('audit_report', 'Audit report', 'management'),
	('competence_record', 'Competence record', 'management'),
	('contract', 'Contract or agreement', 'management'),
	('policy', 'Approved policy', 'management'),
	('procedure', 'Approved procedure', 'management'),
	('record', 'Other documented record', 'management'),
	('review_minutes', 'Management review minutes', 'management'),
	('supplier_assessment', 'Supplier assessment', 'management'),
	('training_record', 'Training record', 'management')) AS k(code, title, domain);

CREATE FUNCTION @extschema@.import_catalog(doc text) RETURNS text
	AS 'MODULE_PATHNAME', 'catalog_import' LANGUAGE C STRICT VOLATILE;
COMMENT ON FUNCTION @extschema@.import_catalog(text) IS
'load a catalog in the pg_ims format (docs/catalog-format.md), all or nothing; returns its standard code';

CREATE FUNCTION @extschema@.import_mapping(doc text) RETURNS integer
	AS 'MODULE_PATHNAME', 'mapping_import' LANGUAGE C STRICT VOLATILE;
COMMENT ON FUNCTION @extschema@.import_mapping(text) IS
'load a mapping between two loaded standards (docs/catalog-format.md), all or nothing; returns the number of pairs';

CREATE FUNCTION @extschema@.import_oscal_catalog(doc text, standard text) RETURNS integer
	AS 'MODULE_PATHNAME', 'oscal_catalog_import' LANGUAGE C STRICT VOLATILE;
COMMENT ON FUNCTION @extschema@.import_oscal_catalog(text, text) IS
'load the controls of a NIST OSCAL catalog (JSON) as the standard of the given code, all or nothing; returns the number of controls (docs/oscal.md)';

REVOKE ALL ON FUNCTION @extschema@.import_catalog(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION @extschema@.import_oscal_catalog(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION @extschema@.import_mapping(text) FROM PUBLIC;

GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;
GRANT SELECT ON @extschema@.standard, @extschema@.clause, @extschema@.control,
	@extschema@.evidence_kind, @extschema@.reference_item,
	@extschema@.clause_mapping, @extschema@.control_mapping TO PUBLIC;

-- Which document topic serves each clause of the harmonized structure
-- (clauses 4 to 10 carry the same numbers in both standards).
CREATE TABLE @extschema@.clause_topic (
	clause text NOT NULL,
	topic text NOT NULL,
	CONSTRAINT clause_topic_pkey PRIMARY KEY (clause),
	CONSTRAINT clause_topic_topic_check CHECK (topic ~ '^[a-z][a-z0-9_]*$')
);
COMMENT ON TABLE @extschema@.clause_topic IS 'The document topic (ims.document.topic) that serves each clause 4 to 10 of the harmonized structure, in both standards';
COMMENT ON COLUMN @extschema@.clause_topic.clause IS 'Clause number, such as 7.5.3';
COMMENT ON COLUMN @extschema@.clause_topic.topic IS 'Document topic, such as document_control';
GRANT SELECT ON @extschema@.clause_topic TO PUBLIC;
INSERT INTO @extschema@.clause_topic (clause, topic) VALUES
	('4', 'context'), ('4.1', 'context'), ('4.2', 'interested_parties'), ('4.3', 'scope'), ('4.4', 'scope'),
	('5', 'leadership'), ('5.1', 'leadership'), ('5.2', 'policy'), ('5.3', 'roles'),
	('6', 'risk_assessment'), ('6.1', 'risk_assessment'), ('6.1.1', 'risk_assessment'),
	('6.1.2', 'risk_assessment'), ('6.1.3', 'risk_treatment'), ('6.1.4', 'impact_assessment'),
	('6.2', 'objectives'), ('6.3', 'change_management'),
	('7', 'resources'), ('7.1', 'resources'), ('7.2', 'competence'), ('7.3', 'awareness'),
	('7.4', 'communication'), ('7.5', 'document_control'), ('7.5.1', 'document_control'),
	('7.5.2', 'document_control'), ('7.5.3', 'document_control'),
	('8', 'operational_planning'), ('8.1', 'operational_planning'), ('8.2', 'risk_assessment'),
	('8.3', 'risk_treatment'), ('8.4', 'impact_assessment'),
	('9', 'monitoring'), ('9.1', 'monitoring'), ('9.2', 'internal_audit'), ('9.2.1', 'internal_audit'),
	('9.2.2', 'internal_audit'), ('9.3', 'management_review'), ('9.3.1', 'management_review'),
	('9.3.2', 'management_review'), ('9.3.3', 'management_review'),
	('10', 'improvement'), ('10.1', 'improvement'), ('10.2', 'nonconformity');
