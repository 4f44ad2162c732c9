/* extension/install/25_regulations.sql */

----------------------------------------------------------------------------
-- Regulations: obligations and the items of a standard that support them
-- (the EU AI Act to ISO 42001 crosswalk; docs/ai-act.md)
----------------------------------------------------------------------------

CREATE TABLE @extschema@.obligation (
	regulation text NOT NULL,
	ref text NOT NULL,
	standard text NOT NULL,
	roles text[] NOT NULL,
	risk_classes text[] NOT NULL,
	coverage text NOT NULL,
	rationale text NOT NULL,
	not_covered text NOT NULL,
	provenance text NOT NULL,
	builtin boolean NOT NULL DEFAULT false,
	ordinal integer NOT NULL,
	CONSTRAINT obligation_pkey PRIMARY KEY (regulation, standard, ref),
	CONSTRAINT obligation_ref_fkey FOREIGN KEY (regulation, ref)
		REFERENCES @extschema@.clause (standard, number),
	CONSTRAINT obligation_standard_fkey FOREIGN KEY (standard) REFERENCES @extschema@.standard (code),
	CONSTRAINT obligation_roles_check
		CHECK (pg_catalog.cardinality(roles) > 0
			   AND roles OPERATOR(pg_catalog.<@) ARRAY['provider', 'deployer', 'importer', 'distributor']),
	CONSTRAINT obligation_risk_classes_check
		CHECK (pg_catalog.cardinality(risk_classes) > 0
			   AND risk_classes OPERATOR(pg_catalog.<@) ARRAY['prohibited', 'high', 'limited', 'minimal']),
	CONSTRAINT obligation_coverage_check CHECK (coverage IN ('partial', 'weak', 'none'))
);
COMMENT ON TABLE @extschema@.obligation IS 'Obligations of a regulation (its articles and annexes, rows of ims.clause) and how far a standard supports each: a standard supports a legal obligation, it never satisfies it';
COMMENT ON COLUMN @extschema@.obligation.regulation IS 'Code of the regulation, such as eu-ai-act:2024';
COMMENT ON COLUMN @extschema@.obligation.ref IS 'Article or annex, a clause number of the regulation, such as Art. 9';
COMMENT ON COLUMN @extschema@.obligation.standard IS 'The standard whose clauses and controls support the obligation, such as iso42001:2023';
COMMENT ON COLUMN @extschema@.obligation.roles IS 'Operators the obligation binds: provider, deployer, importer, distributor';
COMMENT ON COLUMN @extschema@.obligation.risk_classes IS 'Risk classes of AI system it applies to: prohibited, high, limited, minimal';
COMMENT ON COLUMN @extschema@.obligation.coverage IS 'How far the standard supports it: partial, weak or none (never full)';
COMMENT ON COLUMN @extschema@.obligation.rationale IS 'Why the supporting items support it and where they stop';
COMMENT ON COLUMN @extschema@.obligation.not_covered IS 'What the regulation requires here that the standard does not cover';
COMMENT ON COLUMN @extschema@.obligation.provenance IS 'Where the pairing comes from and who reviewed it';
COMMENT ON COLUMN @extschema@.obligation.builtin IS 'True for the crosswalk shipped with pg_ims';
COMMENT ON COLUMN @extschema@.obligation.ordinal IS 'Position in the crosswalk document';

CREATE TABLE @extschema@.obligation_clause (
	regulation text NOT NULL,
	ref text NOT NULL,
	standard text NOT NULL,
	clause text NOT NULL,
	builtin boolean NOT NULL DEFAULT false,
	CONSTRAINT obligation_clause_pkey PRIMARY KEY (regulation, standard, ref, clause),
	CONSTRAINT obligation_clause_obligation_fkey FOREIGN KEY (regulation, standard, ref)
		REFERENCES @extschema@.obligation (regulation, standard, ref),
	CONSTRAINT obligation_clause_clause_fkey FOREIGN KEY (standard, clause)
		REFERENCES @extschema@.clause (standard, number)
);
COMMENT ON TABLE @extschema@.obligation_clause IS 'Clauses of the standard that support an obligation';
COMMENT ON COLUMN @extschema@.obligation_clause.regulation IS 'Code of the regulation';
COMMENT ON COLUMN @extschema@.obligation_clause.ref IS 'The obligation (article or annex)';
COMMENT ON COLUMN @extschema@.obligation_clause.standard IS 'The supporting standard';
COMMENT ON COLUMN @extschema@.obligation_clause.clause IS 'A supporting clause of the standard, such as 6.1.4';
COMMENT ON COLUMN @extschema@.obligation_clause.builtin IS 'True for the crosswalk shipped with pg_ims';

CREATE TABLE @extschema@.obligation_control (
	regulation text NOT NULL,
	ref text NOT NULL,
	standard text NOT NULL,
	control_id text NOT NULL,
	builtin boolean NOT NULL DEFAULT false,
	CONSTRAINT obligation_control_pkey PRIMARY KEY (regulation, standard, ref, control_id),
	CONSTRAINT obligation_control_obligation_fkey FOREIGN KEY (regulation, standard, ref)
		REFERENCES @extschema@.obligation (regulation, standard, ref),
	CONSTRAINT obligation_control_control_fkey FOREIGN KEY (standard, control_id)
		REFERENCES @extschema@.control (standard, control_id)
);
COMMENT ON TABLE @extschema@.obligation_control IS 'Controls of the standard that support an obligation';
COMMENT ON COLUMN @extschema@.obligation_control.regulation IS 'Code of the regulation';
COMMENT ON COLUMN @extschema@.obligation_control.ref IS 'The obligation (article or annex)';
COMMENT ON COLUMN @extschema@.obligation_control.standard IS 'The supporting standard';
COMMENT ON COLUMN @extschema@.obligation_control.control_id IS 'A supporting control of the standard, such as A.5.2';
COMMENT ON COLUMN @extschema@.obligation_control.builtin IS 'True for the crosswalk shipped with pg_ims';

CREATE INDEX obligation_control_control_idx ON @extschema@.obligation_control (standard, control_id);

SELECT pg_catalog.pg_extension_config_dump('@extschema@.obligation', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.obligation_clause', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.obligation_control', 'WHERE NOT builtin');

GRANT SELECT ON @extschema@.obligation, @extschema@.obligation_clause, @extschema@.obligation_control TO PUBLIC;

CREATE FUNCTION @extschema@.import_crosswalk(doc text) RETURNS integer
	AS 'MODULE_PATHNAME', 'crosswalk_import' LANGUAGE C STRICT VOLATILE;
COMMENT ON FUNCTION @extschema@.import_crosswalk(text) IS
'load a crosswalk from a regulation to a standard, both loaded (docs/catalog-format.md), all or nothing; returns the number of obligations';
REVOKE ALL ON FUNCTION @extschema@.import_crosswalk(text) FROM PUBLIC;
