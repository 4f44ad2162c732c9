/* extension/pg_ims--1.2.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION pg_ims" to load this file. \quit

COMMENT ON SCHEMA @extschema@ IS
'pg_ims: the record of an integrated ISO/IEC 27001 + ISO/IEC 42001 management system';

----------------------------------------------------------------------------
-- Type ims.risk_type: one risk category (src/risk_type.c)
----------------------------------------------------------------------------

CREATE TYPE @extschema@.risk_type;

CREATE FUNCTION @extschema@.risk_type_in(cstring) RETURNS @extschema@.risk_type
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.risk_type_out(@extschema@.risk_type) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.risk_type_recv(internal) RETURNS @extschema@.risk_type
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.risk_type_send(@extschema@.risk_type) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.risk_type (
	INPUT = @extschema@.risk_type_in,
	OUTPUT = @extschema@.risk_type_out,
	RECEIVE = @extschema@.risk_type_recv,
	SEND = @extschema@.risk_type_send,
	INTERNALLENGTH = 2,
	PASSEDBYVALUE,
	ALIGNMENT = int2,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.risk_type IS
'A risk category: confidentiality, integrity, availability (domain information_security) or an AI harm such as fairness or transparency (domain ai)';

CREATE FUNCTION @extschema@.risk_type_eq(@extschema@.risk_type, @extschema@.risk_type) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.risk_type_ne(@extschema@.risk_type, @extschema@.risk_type) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.risk_type_lt(@extschema@.risk_type, @extschema@.risk_type) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.risk_type_le(@extschema@.risk_type, @extschema@.risk_type) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.risk_type_gt(@extschema@.risk_type, @extschema@.risk_type) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.risk_type_ge(@extschema@.risk_type, @extschema@.risk_type) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.risk_type_cmp(@extschema@.risk_type, @extschema@.risk_type) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.risk_type_hash(@extschema@.risk_type) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.risk_type_hash_extended(@extschema@.risk_type, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.risk_type_in(cstring) IS 'text input of risk_type';
COMMENT ON FUNCTION @extschema@.risk_type_out(@extschema@.risk_type) IS 'text output of risk_type (canonical label)';
COMMENT ON FUNCTION @extschema@.risk_type_recv(internal) IS 'binary input of risk_type (the label as text)';
COMMENT ON FUNCTION @extschema@.risk_type_send(@extschema@.risk_type) IS 'binary output of risk_type (the label as text)';
COMMENT ON FUNCTION @extschema@.risk_type_eq(@extschema@.risk_type, @extschema@.risk_type) IS 'implementation of = for risk_type';
COMMENT ON FUNCTION @extschema@.risk_type_ne(@extschema@.risk_type, @extschema@.risk_type) IS 'implementation of <> for risk_type';
COMMENT ON FUNCTION @extschema@.risk_type_lt(@extschema@.risk_type, @extschema@.risk_type) IS 'implementation of < for risk_type';
COMMENT ON FUNCTION @extschema@.risk_type_le(@extschema@.risk_type, @extschema@.risk_type) IS 'implementation of <= for risk_type';
COMMENT ON FUNCTION @extschema@.risk_type_gt(@extschema@.risk_type, @extschema@.risk_type) IS 'implementation of > for risk_type';
COMMENT ON FUNCTION @extschema@.risk_type_ge(@extschema@.risk_type, @extschema@.risk_type) IS 'implementation of >= for risk_type';
COMMENT ON FUNCTION @extschema@.risk_type_cmp(@extschema@.risk_type, @extschema@.risk_type) IS 'btree comparison of risk_type';
COMMENT ON FUNCTION @extschema@.risk_type_hash(@extschema@.risk_type) IS 'hash of risk_type';
COMMENT ON FUNCTION @extschema@.risk_type_hash_extended(@extschema@.risk_type, bigint) IS 'seeded 64-bit hash of risk_type';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.risk_type, RIGHTARG = @extschema@.risk_type,
	FUNCTION = @extschema@.risk_type_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.risk_type, RIGHTARG = @extschema@.risk_type,
	FUNCTION = @extschema@.risk_type_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.risk_type, RIGHTARG = @extschema@.risk_type,
	FUNCTION = @extschema@.risk_type_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.risk_type, RIGHTARG = @extschema@.risk_type,
	FUNCTION = @extschema@.risk_type_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.risk_type, RIGHTARG = @extschema@.risk_type,
	FUNCTION = @extschema@.risk_type_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.risk_type, RIGHTARG = @extschema@.risk_type,
	FUNCTION = @extschema@.risk_type_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS @extschema@.risk_type_ops
	DEFAULT FOR TYPE @extschema@.risk_type USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.risk_type_cmp(@extschema@.risk_type, @extschema@.risk_type),
	FUNCTION 4 pg_catalog.btequalimage(oid);

CREATE OPERATOR CLASS @extschema@.risk_type_hash_ops
	DEFAULT FOR TYPE @extschema@.risk_type USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.risk_type_hash(@extschema@.risk_type),
	FUNCTION 2 @extschema@.risk_type_hash_extended(@extschema@.risk_type, bigint);

CREATE FUNCTION @extschema@.risk_type_larger(@extschema@.risk_type, @extschema@.risk_type) RETURNS @extschema@.risk_type
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.risk_type_smaller(@extschema@.risk_type, @extschema@.risk_type) RETURNS @extschema@.risk_type
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.risk_type_larger(@extschema@.risk_type, @extschema@.risk_type) IS 'the later of two risk_type values in sort order';
COMMENT ON FUNCTION @extschema@.risk_type_smaller(@extschema@.risk_type, @extschema@.risk_type) IS 'the earlier of two risk_type values in sort order';
CREATE AGGREGATE @extschema@.max(@extschema@.risk_type) (
	SFUNC = @extschema@.risk_type_larger, STYPE = @extschema@.risk_type,
	SORTOP = OPERATOR(@extschema@.>), COMBINEFUNC = @extschema@.risk_type_larger, PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.min(@extschema@.risk_type) (
	SFUNC = @extschema@.risk_type_smaller, STYPE = @extschema@.risk_type,
	SORTOP = OPERATOR(@extschema@.<), COMBINEFUNC = @extschema@.risk_type_smaller, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.max(@extschema@.risk_type) IS 'the latest risk_type in sort order';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.risk_type) IS 'the earliest risk_type in sort order';

CREATE CAST (@extschema@.risk_type AS text) WITH INOUT AS ASSIGNMENT;
CREATE CAST (text AS @extschema@.risk_type) WITH INOUT AS ASSIGNMENT;
CREATE CAST (@extschema@.risk_type AS varchar) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.risk_type) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION @extschema@.risk_domain(@extschema@.risk_type) RETURNS text
	AS 'MODULE_PATHNAME', 'risk_type_domain' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.risk_domain(@extschema@.risk_type) IS
'domain of a risk type: information_security (confidentiality, integrity, availability) or ai';

CREATE FUNCTION @extschema@.risk_type_rank(@extschema@.risk_type) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.risk_type_rank(@extschema@.risk_type) IS
'sort position of a risk type (1 = confidentiality), for clients that sort text';

CREATE FUNCTION @extschema@.risk_types(OUT label text, OUT domain text, OUT description text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'risk_type_labels_srf' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 17;
COMMENT ON FUNCTION @extschema@.risk_types() IS
'every risk type label in sort order, with its domain and a description';

----------------------------------------------------------------------------
-- Type ims.applicability: an SoA decision and its reasons (src/applicability.c)
----------------------------------------------------------------------------

CREATE TYPE @extschema@.applicability;

CREATE FUNCTION @extschema@.applicability_in(cstring) RETURNS @extschema@.applicability
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.applicability_out(@extschema@.applicability) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.applicability_recv(internal) RETURNS @extschema@.applicability
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.applicability_send(@extschema@.applicability) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.applicability (
	INPUT = @extschema@.applicability_in,
	OUTPUT = @extschema@.applicability_out,
	RECEIVE = @extschema@.applicability_recv,
	SEND = @extschema@.applicability_send,
	INTERNALLENGTH = 2,
	PASSEDBYVALUE,
	ALIGNMENT = int2,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.applicability IS
'A Statement of Applicability decision: applicable(reasons), not_applicable or undecided; reasons are risk, legal, contract, business, interested_party, impact';

CREATE FUNCTION @extschema@.applicability_eq(@extschema@.applicability, @extschema@.applicability) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.applicability_ne(@extschema@.applicability, @extschema@.applicability) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.applicability_lt(@extschema@.applicability, @extschema@.applicability) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.applicability_le(@extschema@.applicability, @extschema@.applicability) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.applicability_gt(@extschema@.applicability, @extschema@.applicability) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.applicability_ge(@extschema@.applicability, @extschema@.applicability) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.applicability_cmp(@extschema@.applicability, @extschema@.applicability) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.applicability_hash(@extschema@.applicability) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.applicability_hash_extended(@extschema@.applicability, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.applicability_in(cstring) IS 'text input of applicability';
COMMENT ON FUNCTION @extschema@.applicability_out(@extschema@.applicability) IS 'text output of applicability (canonical form)';
COMMENT ON FUNCTION @extschema@.applicability_recv(internal) IS 'binary input of applicability (the canonical text)';
COMMENT ON FUNCTION @extschema@.applicability_send(@extschema@.applicability) IS 'binary output of applicability (the canonical text)';
COMMENT ON FUNCTION @extschema@.applicability_eq(@extschema@.applicability, @extschema@.applicability) IS 'implementation of = for applicability';
COMMENT ON FUNCTION @extschema@.applicability_ne(@extschema@.applicability, @extschema@.applicability) IS 'implementation of <> for applicability';
COMMENT ON FUNCTION @extschema@.applicability_lt(@extschema@.applicability, @extschema@.applicability) IS 'implementation of < for applicability';
COMMENT ON FUNCTION @extschema@.applicability_le(@extschema@.applicability, @extschema@.applicability) IS 'implementation of <= for applicability';
COMMENT ON FUNCTION @extschema@.applicability_gt(@extschema@.applicability, @extschema@.applicability) IS 'implementation of > for applicability';
COMMENT ON FUNCTION @extschema@.applicability_ge(@extschema@.applicability, @extschema@.applicability) IS 'implementation of >= for applicability';
COMMENT ON FUNCTION @extschema@.applicability_cmp(@extschema@.applicability, @extschema@.applicability) IS 'btree comparison of applicability';
COMMENT ON FUNCTION @extschema@.applicability_hash(@extschema@.applicability) IS 'hash of applicability';
COMMENT ON FUNCTION @extschema@.applicability_hash_extended(@extschema@.applicability, bigint) IS 'seeded 64-bit hash of applicability';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.applicability, RIGHTARG = @extschema@.applicability,
	FUNCTION = @extschema@.applicability_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.applicability, RIGHTARG = @extschema@.applicability,
	FUNCTION = @extschema@.applicability_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.applicability, RIGHTARG = @extschema@.applicability,
	FUNCTION = @extschema@.applicability_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.applicability, RIGHTARG = @extschema@.applicability,
	FUNCTION = @extschema@.applicability_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.applicability, RIGHTARG = @extschema@.applicability,
	FUNCTION = @extschema@.applicability_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.applicability, RIGHTARG = @extschema@.applicability,
	FUNCTION = @extschema@.applicability_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS @extschema@.applicability_ops
	DEFAULT FOR TYPE @extschema@.applicability USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.applicability_cmp(@extschema@.applicability, @extschema@.applicability),
	FUNCTION 4 pg_catalog.btequalimage(oid);

CREATE OPERATOR CLASS @extschema@.applicability_hash_ops
	DEFAULT FOR TYPE @extschema@.applicability USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.applicability_hash(@extschema@.applicability),
	FUNCTION 2 @extschema@.applicability_hash_extended(@extschema@.applicability, bigint);

CREATE FUNCTION @extschema@.applicability_larger(@extschema@.applicability, @extschema@.applicability) RETURNS @extschema@.applicability
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.applicability_smaller(@extschema@.applicability, @extschema@.applicability) RETURNS @extschema@.applicability
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.applicability_larger(@extschema@.applicability, @extschema@.applicability) IS 'the later of two applicability values in sort order';
COMMENT ON FUNCTION @extschema@.applicability_smaller(@extschema@.applicability, @extschema@.applicability) IS 'the earlier of two applicability values in sort order';
CREATE AGGREGATE @extschema@.max(@extschema@.applicability) (
	SFUNC = @extschema@.applicability_larger, STYPE = @extschema@.applicability,
	SORTOP = OPERATOR(@extschema@.>), COMBINEFUNC = @extschema@.applicability_larger, PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.min(@extschema@.applicability) (
	SFUNC = @extschema@.applicability_smaller, STYPE = @extschema@.applicability,
	SORTOP = OPERATOR(@extschema@.<), COMBINEFUNC = @extschema@.applicability_smaller, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.max(@extschema@.applicability) IS 'the latest applicability in sort order';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.applicability) IS 'the earliest applicability in sort order';

CREATE CAST (@extschema@.applicability AS text) WITH INOUT AS ASSIGNMENT;
CREATE CAST (text AS @extschema@.applicability) WITH INOUT AS ASSIGNMENT;
CREATE CAST (@extschema@.applicability AS varchar) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.applicability) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION @extschema@.is_applicable(@extschema@.applicability) RETURNS boolean
	AS 'MODULE_PATHNAME', 'applicability_is_applicable' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_applicable(@extschema@.applicability) IS
'true when the decision is applicable, with or without reasons';

CREATE FUNCTION @extschema@.reasons(@extschema@.applicability) RETURNS text[]
	AS 'MODULE_PATHNAME', 'applicability_reasons_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.reasons(@extschema@.applicability) IS
'reasons for inclusion in canonical order; empty when none is recorded or the control is not applicable';

CREATE FUNCTION @extschema@.decision(@extschema@.applicability) RETURNS text
	AS 'MODULE_PATHNAME', 'applicability_decision' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.decision(@extschema@.applicability) IS
'the decision alone: applicable, not_applicable or undecided';

CREATE FUNCTION @extschema@.applicability_rank(@extschema@.applicability) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.applicability_rank(@extschema@.applicability) IS
'an integer that sorts as the type sorts (applicable, not_applicable, undecided), for clients that sort text';

----------------------------------------------------------------------------
-- Catalogs of standards (src/catalog.c loads them)
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
	CONSTRAINT control_mapping_pkey PRIMARY KEY (source_standard, source_control, target_standard, target_control),
	CONSTRAINT control_mapping_source_fkey FOREIGN KEY (source_standard, source_control)
		REFERENCES @extschema@.control (standard, control_id),
	CONSTRAINT control_mapping_target_fkey FOREIGN KEY (target_standard, target_control)
		REFERENCES @extschema@.control (standard, control_id),
	CONSTRAINT control_mapping_relation_check CHECK (relation IN ('equal', 'subset', 'superset', 'intersects'))
);
COMMENT ON TABLE @extschema@.control_mapping IS 'Reviewed control pairs between two standards, each with a relation and a one-line rationale';
COMMENT ON COLUMN @extschema@.control_mapping.relation IS 'OSCAL/NIST OLIR relation read "source relation target": equal, subset, superset or intersects';
COMMENT ON COLUMN @extschema@.control_mapping.rationale IS 'Why the pair holds and where it stops';
COMMENT ON COLUMN @extschema@.control_mapping.provenance IS 'Where the pair comes from and who reviewed it';
COMMENT ON COLUMN @extschema@.control_mapping.builtin IS 'True for the mapping shipped with pg_ims';

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

-- The shipped catalogs, mapping and crosswalk, loaded by the same C code as
-- ims.import_catalog(), ims.import_mapping() and ims.import_crosswalk().
-- The loaders exist only while this script runs.
CREATE FUNCTION @extschema@.load_builtin_catalog(file text, mapping boolean) RETURNS text
	AS 'MODULE_PATHNAME', 'catalog_load_builtin' LANGUAGE C STRICT VOLATILE;
CREATE FUNCTION @extschema@.load_builtin_crosswalk(file text) RETURNS text
	AS 'MODULE_PATHNAME', 'crosswalk_load_builtin' LANGUAGE C STRICT VOLATILE;
SELECT @extschema@.load_builtin_catalog('iso27001-2022.json', false);
SELECT @extschema@.load_builtin_catalog('iso42001-2023.json', false);
SELECT @extschema@.load_builtin_catalog('mapping-27001-42001.json', true);
SELECT @extschema@.load_builtin_catalog('eu-ai-act-2024.json', false);
SELECT @extschema@.load_builtin_crosswalk('crosswalk-euaiact-42001.json');
DROP FUNCTION @extschema@.load_builtin_catalog(text, boolean);
DROP FUNCTION @extschema@.load_builtin_crosswalk(text);

----------------------------------------------------------------------------
-- The record of each organization (SPEC section 5)
--
-- Every table carries org_id first in its primary key, so the schema can be
-- distributed by organization.  Row-level security keeps each organization's
-- rows to the roles granted access to it (ims.grant_access); see
-- docs/tenancy.md.
----------------------------------------------------------------------------

CREATE TABLE @extschema@.organization (
	org_id bigserial NOT NULL,
	name text NOT NULL,
	integration_model text NOT NULL DEFAULT 'undecided',
	ims_owner text,
	scope_statement text,
	standards text[] NOT NULL DEFAULT ARRAY['iso27001:2022', 'iso42001:2023'],
	created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	CONSTRAINT organization_pkey PRIMARY KEY (org_id),
	CONSTRAINT organization_name_check CHECK (pg_catalog.btrim(name) <> ''),
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
	CONSTRAINT document_pkey PRIMARY KEY (org_id, doc_id),
	CONSTRAINT document_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT document_kind_check CHECK (kind IN ('policy', 'procedure', 'manual', 'record')),
	CONSTRAINT document_topic_check CHECK (topic ~ '^[a-z][a-z0-9_]*$'),
	CONSTRAINT document_title_check CHECK (pg_catalog.btrim(title) <> ''),
	CONSTRAINT document_covers_check CHECK (pg_catalog.cardinality(covers) > 0)
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
		CHECK (ai_act_risk_class IN ('prohibited', 'high', 'limited', 'minimal'))
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
	CONSTRAINT risk_pkey PRIMARY KEY (org_id, risk_id),
	CONSTRAINT risk_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT risk_ai_system_fkey FOREIGN KEY (org_id, ai_system_id)
		REFERENCES @extschema@.ai_system (org_id, system_id),
	CONSTRAINT risk_register_check CHECK (register ~ '^[a-z][a-z0-9_]*$'),
	CONSTRAINT risk_title_check CHECK (pg_catalog.btrim(title) <> ''),
	CONSTRAINT risk_likelihood_check CHECK (likelihood BETWEEN 1 AND 5),
	CONSTRAINT risk_impact_check CHECK (impact BETWEEN 1 AND 5),
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
COMMENT ON COLUMN @extschema@.risk.likelihood IS 'Likelihood, 1 (rare) to 5 (almost certain)';
COMMENT ON COLUMN @extschema@.risk.impact IS 'Impact, 1 (negligible) to 5 (severe)';
COMMENT ON COLUMN @extschema@.risk.cvss IS 'CVSS base score, 0.0 to 10.0; only for information security risks (a bias risk is not scored with CVSS)';
COMMENT ON COLUMN @extschema@.risk.treatment IS 'mitigate, accept, avoid or transfer';
COMMENT ON COLUMN @extschema@.risk.owner IS 'Risk owner';

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
	CONSTRAINT impact_assessment_pkey PRIMARY KEY (org_id, assessment_id),
	CONSTRAINT impact_assessment_system_fkey FOREIGN KEY (org_id, system_id)
		REFERENCES @extschema@.ai_system (org_id, system_id),
	CONSTRAINT impact_assessment_severity_check CHECK (severity IN ('low', 'medium', 'high', 'critical')),
	CONSTRAINT impact_assessment_review_check CHECK (next_review > assessed_on)
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

CREATE TABLE @extschema@.soa (
	org_id bigint NOT NULL,
	soa_id bigserial NOT NULL,
	version integer NOT NULL,
	status text NOT NULL DEFAULT 'draft',
	approved_by text,
	approved_at timestamptz,
	digest text,
	created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
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
	CONSTRAINT soa_digest_check CHECK (digest ~ '^[0-9a-f]{64}$')
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
COMMENT ON COLUMN @extschema@.soa.approved_by IS 'Person who approved it';
COMMENT ON COLUMN @extschema@.soa.approved_at IS 'When it was approved';
COMMENT ON COLUMN @extschema@.soa.digest IS 'SHA-256 of the canonical content at approval, in hexadecimal';
COMMENT ON COLUMN @extschema@.soa.created_at IS 'When the draft was created';

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
		CHECK (implementation IN ('not_started', 'planned', 'partial', 'implemented'))
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
	CONSTRAINT evidence_pkey PRIMARY KEY (org_id, evidence_id),
	CONSTRAINT evidence_org_fkey FOREIGN KEY (org_id) REFERENCES @extschema@.organization (org_id),
	CONSTRAINT evidence_control_fkey FOREIGN KEY (standard, control_id)
		REFERENCES @extschema@.control (standard, control_id),
	CONSTRAINT evidence_kind_fkey FOREIGN KEY (kind) REFERENCES @extschema@.evidence_kind (code),
	CONSTRAINT evidence_title_check CHECK (pg_catalog.btrim(title) <> ''),
	CONSTRAINT evidence_validity_check CHECK (valid_until >= collected_on)
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

----------------------------------------------------------------------------
-- The validator (src/findings.c) and the SoA digest (src/soa_digest.c)
----------------------------------------------------------------------------

CREATE FUNCTION @extschema@.standard_label(code text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT CASE WHEN code ~ '^iso[0-9]+:' THEN 'ISO ' || substring(code FROM '^iso([0-9]+):') ELSE code END;
END;
COMMENT ON FUNCTION @extschema@.standard_label(text) IS
'short name of a standard for reports: iso27001:2022 gives ISO 27001; other codes are returned as they are';

CREATE FUNCTION @extschema@.evaluate_findings(org_ids bigint[], soa_only boolean DEFAULT false,
	OUT org_id bigint, OUT code text, OUT severity text, OUT severity_rank integer,
	OUT standard text, OUT ref text, OUT message text, OUT hint text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'findings_evaluate'
	LANGUAGE C STABLE
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.evaluate_findings(bigint[], boolean) IS
'findings of SPEC section 7 for the given organizations (NULL: every organization the caller can see), sorted by organization, severity, code and ref; soa_only keeps the SOA rules';

CREATE FUNCTION @extschema@.soa_digest(org_id bigint, soa_id bigint, approver text) RETURNS text
	AS 'MODULE_PATHNAME', 'soa_digest'
	LANGUAGE C STABLE
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.soa_digest(bigint, bigint, text) IS
'SHA-256, in hexadecimal, of the canonical content of an SoA version with its approver (docs/soa-digest.md); NULL if the caller cannot see it';

----------------------------------------------------------------------------
-- Integrity that constraints cannot express, with messages that say why
----------------------------------------------------------------------------

-- Arrays of standard codes (covers, competence, accredited_for, standards)
-- cannot carry a foreign key; this trigger checks them against ims.standard.
-- TG_ARGV[0] names the column.
--
-- A restore is the one writer it lets through unchecked.  pg_dump orders
-- the data of extension tables only by their foreign keys, so ims.organization
-- (which has none) is loaded before the imported rows of ims.standard it
-- names; checking then would refuse every organization of the dump.  A
-- restore inserts as a record administrator with row_security off (pg_dump
-- and pg_restore always set it so), and only a role that bypasses row-level
-- security can write these tables that way; such a role can disable the
-- trigger anyway.  Every other insert, and every update, is checked.
CREATE FUNCTION @extschema@.check_standard_codes() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	unknown text;
BEGIN
	IF TG_OP OPERATOR(pg_catalog.=) 'INSERT'
	   AND pg_catalog.current_setting('row_security') OPERATOR(pg_catalog.=) 'off'
	   AND @extschema@.is_record_admin() THEN
		RETURN NEW;
	END IF;
	SELECT c INTO unknown
	FROM pg_catalog.jsonb_array_elements_text(pg_catalog.to_jsonb(NEW) -> TG_ARGV[0]) AS c
	WHERE NOT EXISTS (SELECT 1 FROM @extschema@.standard s WHERE s.code OPERATOR(pg_catalog.=) c)
	LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'standard "%" does not exist', unknown
			USING ERRCODE = 'foreign_key_violation',
				DETAIL = pg_catalog.format('Column "%s" of %s.%s lists it.', TG_ARGV[0], TG_TABLE_SCHEMA, TG_TABLE_NAME),
				HINT = 'Standards are named by their codes in ims.standard, such as iso27001:2022 and iso42001:2023.',
				SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[0];
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.check_standard_codes() IS
'trigger: every element of the array column named by the trigger argument is a code of ims.standard (a restore, which loads ims.standard later, is let through)';

CREATE TRIGGER organization_standards_known BEFORE INSERT OR UPDATE OF standards ON @extschema@.organization
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_standard_codes('standards');
CREATE TRIGGER document_covers_known BEFORE INSERT OR UPDATE OF covers ON @extschema@.document
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_standard_codes('covers');
CREATE TRIGGER auditor_competence_known BEFORE INSERT OR UPDATE OF competence ON @extschema@.auditor
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_standard_codes('competence');
CREATE TRIGGER internal_audit_covers_known BEFORE INSERT OR UPDATE OF covers ON @extschema@.internal_audit
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_standard_codes('covers');
CREATE TRIGGER management_review_covers_known BEFORE INSERT OR UPDATE OF covers ON @extschema@.management_review
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_standard_codes('covers');
CREATE TRIGGER certification_body_accredited_for_known BEFORE INSERT OR UPDATE OF accredited_for ON @extschema@.certification_body
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_standard_codes('accredited_for');

-- risk_cvss_domain_check is the guarantee; this trigger runs first to say why.
CREATE FUNCTION @extschema@.check_risk_cvss() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NEW.cvss IS NOT NULL
	   AND @extschema@.risk_domain(NEW.risk_type) OPERATOR(pg_catalog.=) 'ai' THEN
		RAISE EXCEPTION 'an AI risk cannot carry a CVSS score'
			USING ERRCODE = 'check_violation',
				DETAIL = pg_catalog.format('Risk "%s" is of type %s, in the ai domain; CVSS scores the severity of software vulnerabilities, not harms such as bias or opacity.',
										   NEW.title, NEW.risk_type),
				HINT = 'Leave cvss empty and rate the risk with likelihood and impact.',
				SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'cvss',
				CONSTRAINT = 'risk_cvss_domain_check';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.check_risk_cvss() IS
'trigger: refuses a CVSS score on a risk of the ai domain, explaining why';
CREATE TRIGGER risk_cvss_check BEFORE INSERT OR UPDATE OF cvss, risk_type ON @extschema@.risk
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_risk_cvss();

-- The constraints on ai_act_roles and ai_act_risk_class hold whatever
-- writes the row; this trigger, which runs first, says what is wrong.
CREATE FUNCTION @extschema@.check_ai_act_classification() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	bad text;
BEGIN
	IF NEW.ai_act_roles IS NOT NULL THEN
		IF pg_catalog.cardinality(NEW.ai_act_roles) OPERATOR(pg_catalog.=) 0 THEN
			RAISE EXCEPTION 'AI Act roles of AI system "%" must not be empty', NEW.name
				USING ERRCODE = 'check_violation',
					DETAIL = 'An empty list says the organization holds no role for the system.',
					HINT = 'Leave ai_act_roles null until the system is classified, or list provider, deployer, importer or distributor.',
					SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'ai_act_roles',
					CONSTRAINT = 'ai_system_ai_act_roles_check';
		END IF;
		SELECT r INTO bad FROM pg_catalog.unnest(NEW.ai_act_roles) AS r
		WHERE r IS NULL OR r OPERATOR(pg_catalog.<>) ALL (ARRAY['provider', 'deployer', 'importer', 'distributor'])
		LIMIT 1;
		IF FOUND THEN
			RAISE EXCEPTION 'invalid AI Act role "%" for AI system "%"', coalesce(bad, 'null'), NEW.name
				USING ERRCODE = 'check_violation',
					DETAIL = 'The AI Act (Art. 3) names the operators provider, deployer, importer and distributor.',
					HINT = 'List the roles the organization holds for the system, such as {provider,deployer}.',
					SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'ai_act_roles',
					CONSTRAINT = 'ai_system_ai_act_roles_check';
		END IF;
	END IF;
	IF NEW.ai_act_risk_class IS NOT NULL
	   AND NEW.ai_act_risk_class OPERATOR(pg_catalog.<>) ALL (ARRAY['prohibited', 'high', 'limited', 'minimal']) THEN
		RAISE EXCEPTION 'invalid AI Act risk class "%" for AI system "%"', NEW.ai_act_risk_class, NEW.name
			USING ERRCODE = 'check_violation',
				DETAIL = 'The risk classes are prohibited (Art. 5), high (Art. 6 and Annex III), limited (Art. 50) and minimal.',
				HINT = 'Leave ai_act_risk_class null until the system is classified.',
				SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'ai_act_risk_class',
				CONSTRAINT = 'ai_system_ai_act_risk_class_check';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.check_ai_act_classification() IS
'trigger: refuses an empty or unknown AI Act role or an unknown risk class of an AI system, explaining why';
CREATE TRIGGER ai_system_ai_act_check BEFORE INSERT OR UPDATE OF ai_act_roles, ai_act_risk_class ON @extschema@.ai_system
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_ai_act_classification();

-- True when the current role bypasses the record's row-level security:
-- superusers, BYPASSRLS roles and the owner of the extension's tables (the
-- role a restore runs as).  Such a role may write entries into an approved
-- SoA version, which is what a restore does; it cannot approve without a
-- valid digest either.
CREATE FUNCTION @extschema@.is_record_admin() RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
	SELECT r.rolsuper OR r.rolbypassrls
		OR pg_catalog.pg_has_role(CURRENT_USER, c.relowner, 'USAGE')
	FROM pg_catalog.pg_roles r, pg_catalog.pg_class c
	WHERE r.rolname OPERATOR(pg_catalog.=) CURRENT_USER
	  AND c.oid OPERATOR(pg_catalog.=) '@extschema@.organization'::pg_catalog.regclass
$$;
COMMENT ON FUNCTION @extschema@.is_record_admin() IS
'true for superusers, BYPASSRLS roles and the owner of the record tables: they see every organization';

-- Approved and superseded SoA versions are immutable, and only
-- ims.approve_soa changes a version's status.
CREATE FUNCTION @extschema@.guard_soa() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	majors record;
BEGIN
	IF TG_OP = 'INSERT' THEN
		IF NEW.status OPERATOR(pg_catalog.<>) 'draft' AND NOT @extschema@.is_record_admin() THEN
			RAISE EXCEPTION 'a Statement of Applicability starts as a draft'
				USING ERRCODE = 'object_not_in_prerequisite_state',
					DETAIL = pg_catalog.format('The new version has status "%s".', NEW.status),
					HINT = 'Create the draft with ims.init_soa() and approve it with ims.approve_soa().';
		END IF;
		RETURN NEW;
	END IF;

	IF OLD.status OPERATOR(pg_catalog.<>) 'draft' THEN
		-- the one change allowed: ims.approve_soa supersedes the approved version
		IF TG_OP = 'UPDATE' AND OLD.status OPERATOR(pg_catalog.=) 'approved'
		   AND NEW.status OPERATOR(pg_catalog.=) 'superseded'
		   AND (NEW.org_id, NEW.soa_id, NEW.version, NEW.approved_by, NEW.approved_at, NEW.digest, NEW.created_at)
			   IS NOT DISTINCT FROM
			   (OLD.org_id, OLD.soa_id, OLD.version, OLD.approved_by, OLD.approved_at, OLD.digest, OLD.created_at)
		   AND (@extschema@.is_record_admin() OR @extschema@.has_org_access(NEW.org_id, 'approve')) THEN
			RETURN NEW;
		END IF;
		RAISE EXCEPTION 'version % of the Statement of Applicability of organization % is % and cannot be changed',
				OLD.version, OLD.org_id, OLD.status
			USING ERRCODE = 'object_not_in_prerequisite_state',
				DETAIL = pg_catalog.format('It was approved by %s with digest %s.', OLD.approved_by, OLD.digest),
				HINT = 'Run ims.init_soa() for a new draft that carries its decisions over.';
	END IF;

	IF TG_OP = 'UPDATE'
	   AND (NEW.status, NEW.approved_by, NEW.approved_at, NEW.digest)
		   IS DISTINCT FROM (OLD.status, OLD.approved_by, OLD.approved_at, OLD.digest) THEN
		-- Whoever changes the status, and however, an approval must hold:
		-- the approve capability, no major SoA finding, and the digest of
		-- exactly this content.  ims.approve_soa() is the way to do it.
		IF NEW.status OPERATOR(pg_catalog.<>) 'approved' THEN
			RAISE EXCEPTION 'a draft Statement of Applicability can only be approved'
				USING ERRCODE = 'object_not_in_prerequisite_state',
					DETAIL = pg_catalog.format('Version %s would become "%s".', OLD.version, NEW.status),
					HINT = 'Approve it with ims.approve_soa(org_id, approver), or delete the draft.';
		END IF;
		IF NOT @extschema@.is_record_admin()
		   AND NOT @extschema@.has_org_access(NEW.org_id, 'approve') THEN
			RAISE EXCEPTION 'permission denied to approve the Statement of Applicability of organization %', NEW.org_id
				USING ERRCODE = 'insufficient_privilege',
					DETAIL = pg_catalog.format('Approval needs the approve capability, which role %s does not hold.', CURRENT_USER),
					HINT = 'A superuser or an approver of the organization can grant it with ims.grant_access().';
		END IF;
		SELECT pg_catalog.count(*), pg_catalog.string_agg(f.code OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) f.message, '; ')
		INTO majors
		FROM (SELECT * FROM @extschema@.evaluate_findings(ARRAY[NEW.org_id], true) v
			  WHERE v.severity OPERATOR(pg_catalog.=) 'major' LIMIT 5) f;
		IF majors.count OPERATOR(pg_catalog.>) 0 THEN
			RAISE EXCEPTION 'the Statement of Applicability of organization % cannot be approved while major findings stand', NEW.org_id
				USING ERRCODE = 'object_not_in_prerequisite_state',
					DETAIL = pg_catalog.format('Among them: %s.', majors.string_agg),
					HINT = pg_catalog.format('SELECT * FROM ims.validate_soa(%s) lists them all; resolve every major finding, then approve.', NEW.org_id);
		END IF;
		IF NEW.digest IS DISTINCT FROM @extschema@.soa_digest(NEW.org_id, NEW.soa_id, NEW.approved_by) THEN
			RAISE EXCEPTION 'the digest of version % does not match its content', NEW.version
				USING ERRCODE = 'object_not_in_prerequisite_state',
					DETAIL = 'The digest is the SHA-256 of the canonical SoA content and the approver (docs/soa-digest.md).',
					HINT = 'Approve with ims.approve_soa(), which computes it.';
		END IF;
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.guard_soa() IS
'trigger: approved and superseded SoA versions are immutable; a draft becomes approved only with the approve capability, no major SoA finding and the digest of its content';
CREATE TRIGGER soa_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.soa
	FOR EACH ROW EXECUTE FUNCTION @extschema@.guard_soa();

-- Superseding is the other half of an approval: by the end of the
-- transaction, a later version of the organization must be approved.
CREATE FUNCTION @extschema@.check_soa_superseded() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NEW.status OPERATOR(pg_catalog.=) 'superseded'
	   AND NOT EXISTS (SELECT 1 FROM @extschema@.soa s
					   WHERE s.org_id OPERATOR(pg_catalog.=) NEW.org_id
						 AND s.status OPERATOR(pg_catalog.=) 'approved'
						 AND s.version OPERATOR(pg_catalog.>) NEW.version) THEN
		RAISE EXCEPTION 'version % of the Statement of Applicability of organization % was superseded without a later version being approved',
				NEW.version, NEW.org_id
			USING ERRCODE = 'object_not_in_prerequisite_state',
				DETAIL = 'An organization keeps its approved SoA until the next version is approved.',
				HINT = 'Approve the draft with ims.approve_soa(), which supersedes the previous version itself.';
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.check_soa_superseded() IS
'deferred trigger: a version becomes superseded only when a later version is approved in the same transaction';
CREATE CONSTRAINT TRIGGER soa_superseded_check AFTER UPDATE OF status ON @extschema@.soa
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_soa_superseded();

CREATE FUNCTION @extschema@.guard_soa_entry() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	target record;
	frozen record;
BEGIN
	-- an update may move an entry, so both its old and its new version count
	FOR target IN
		SELECT o.org_id, o.soa_id FROM (SELECT OLD.org_id, OLD.soa_id) AS o WHERE TG_OP <> 'INSERT'
		UNION
		SELECT n.org_id, n.soa_id FROM (SELECT NEW.org_id, NEW.soa_id) AS n WHERE TG_OP <> 'DELETE'
	LOOP
		-- FOR SHARE: an approval (which locks the version FOR UPDATE) waits
		-- for this edit to commit, and an edit waits for an approval under
		-- way, then sees the version approved.
		SELECT s.version, s.status, s.approved_by INTO frozen
		FROM @extschema@.soa s
		WHERE s.org_id OPERATOR(pg_catalog.=) target.org_id
		  AND s.soa_id OPERATOR(pg_catalog.=) target.soa_id
		FOR SHARE;
		-- entries written into an approved version by a restore are allowed
		IF FOUND AND frozen.status OPERATOR(pg_catalog.<>) 'draft'
		   AND NOT (TG_OP = 'INSERT' AND @extschema@.is_record_admin()) THEN
			RAISE EXCEPTION 'version % of the Statement of Applicability of organization % is % and cannot be changed',
					frozen.version, target.org_id, frozen.status
				USING ERRCODE = 'object_not_in_prerequisite_state',
					DETAIL = pg_catalog.format('It was approved by %s; its entries stay as approved.', frozen.approved_by),
					HINT = 'Run ims.init_soa() for a new draft that carries its decisions over, and change that.';
		END IF;
	END LOOP;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.guard_soa_entry() IS
'trigger: entries of approved and superseded SoA versions cannot be inserted, updated or deleted';
CREATE TRIGGER soa_entry_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.soa_entry
	FOR EACH ROW EXECUTE FUNCTION @extschema@.guard_soa_entry();

----------------------------------------------------------------------------
-- Tenant isolation: row-level security per organization (docs/tenancy.md)
----------------------------------------------------------------------------

-- The organizations on which a role holds a capability.  SECURITY DEFINER
-- because the row-level security of ims.org_access itself calls it.  The
-- role asked about defaults to the caller; a caller may ask only about a
-- role its session could SET ROLE to, so no one probes another's access.
-- The policies call it once per statement, as an uncorrelated subquery
-- (an InitPlan), and compare org_id with the array, which an index on
-- org_id serves: a function called for every row made reads by members
-- some thirty times slower than by the superuser (bench/load.sh).
CREATE FUNCTION @extschema@.accessible_orgs(capability text, member name DEFAULT CURRENT_USER)
	RETURNS bigint[]
	LANGUAGE plpgsql STABLE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	wanted integer := CASE capability WHEN 'read' THEN 1 WHEN 'edit' THEN 2 WHEN 'approve' THEN 3 END;
BEGIN
	IF wanted IS NULL THEN
		RAISE EXCEPTION 'invalid capability "%"', capability
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Capabilities are read, edit and approve.';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
				   WHERE r.rolname OPERATOR(pg_catalog.=) member
					 AND pg_catalog.pg_has_role(SESSION_USER, r.oid, 'MEMBER')) THEN
		RETURN '{}';
	END IF;
	RETURN ARRAY(
		SELECT DISTINCT a.org_id
		FROM @extschema@.org_access a
		JOIN pg_catalog.pg_roles r ON r.rolname OPERATOR(pg_catalog.=) a.member
		WHERE pg_catalog.pg_has_role(accessible_orgs.member, r.oid, 'USAGE')
		  AND CASE a.capability WHEN 'read' THEN 1 WHEN 'edit' THEN 2 WHEN 'approve' THEN 3 END
			  OPERATOR(pg_catalog.>=) wanted
		ORDER BY a.org_id);
END
$$;
COMMENT ON FUNCTION @extschema@.accessible_orgs(text, name) IS
'the organizations on which a role (by default the caller) holds read, edit or approve, directly or through a role it inherits; what the row-level security policies compare org_id with';

-- Whether a role holds a capability on one organization.
CREATE FUNCTION @extschema@.has_org_access(org_id bigint, capability text, member name DEFAULT CURRENT_USER)
	RETURNS boolean
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN has_org_access.org_id OPERATOR(pg_catalog.=) ANY (@extschema@.accessible_orgs(capability, member));
END
$$;
COMMENT ON FUNCTION @extschema@.has_org_access(bigint, text, name) IS
'whether a role (by default the caller) holds read, edit or approve on an organization, directly or through a role it inherits';

-- Raise the right error unless the caller holds the capability (or is a
-- record admin).  A caller without access learns nothing of whether the
-- organization exists.
CREATE FUNCTION @extschema@.require_org_access(org_id bigint, capability text) RETURNS void
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF org_id IS NULL THEN
		RAISE EXCEPTION 'organization must not be null'
			USING ERRCODE = 'null_value_not_allowed',
				HINT = 'Pass the org_id that ims.create_organization() returned.';
	END IF;
	IF @extschema@.is_record_admin() THEN
		IF NOT EXISTS (SELECT 1 FROM @extschema@.organization o
					   WHERE o.org_id OPERATOR(pg_catalog.=) require_org_access.org_id) THEN
			RAISE EXCEPTION 'organization % does not exist', org_id
				USING ERRCODE = 'undefined_object',
					HINT = 'Create it with ims.create_organization().';
		END IF;
		RETURN;
	END IF;
	IF NOT @extschema@.has_org_access(org_id, capability) THEN
		RAISE EXCEPTION 'permission denied for organization %', org_id
			USING ERRCODE = 'insufficient_privilege',
				DETAIL = pg_catalog.format('This needs the %s capability, which role %s does not hold on it.',
										   capability, CURRENT_USER),
				HINT = 'A superuser or a role with approve on the organization can run ims.grant_access().';
	END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.require_org_access(bigint, text) IS
'raises 42501 unless the caller holds the capability on the organization (42704 for an admin naming an unknown one)';

CREATE FUNCTION @extschema@.create_organization(name text, owner text DEFAULT NULL) RETURNS bigint
	LANGUAGE plpgsql
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	new_id bigint;
BEGIN
	IF name IS NULL OR pg_catalog.btrim(name) OPERATOR(pg_catalog.=) '' THEN
		RAISE EXCEPTION 'organization name must not be empty'
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Pass the legal or trading name of the organization.';
	END IF;
	INSERT INTO @extschema@.organization (name, ims_owner)
	VALUES (create_organization.name, create_organization.owner)
	RETURNING organization.org_id INTO new_id;
	RETURN new_id;
END
$$;
COMMENT ON FUNCTION @extschema@.create_organization(text, text) IS
'creates an organization and returns its org_id; owner is the one person who owns the integrated system. Grant access with ims.grant_access()';

-- grant_access and revoke_access store and match the role's name as
-- pg_get_userbyid() gives it: regrole's text form quotes names that need it
-- ("Dana", "app-user"), which named no role in ims.org_access (1.0 bug).
CREATE FUNCTION @extschema@.grant_access(org_id bigint, member regrole, capability text) RETURNS void
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF grant_access.member IS NULL OR grant_access.capability IS NULL THEN
		RAISE EXCEPTION 'member and capability must not be null'
			USING ERRCODE = 'null_value_not_allowed',
				HINT = 'Name an existing role and one of read, edit, approve.';
	END IF;
	IF grant_access.capability NOT IN ('read', 'edit', 'approve') THEN
		RAISE EXCEPTION 'invalid capability "%"', grant_access.capability
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Capabilities are read, edit and approve; each includes the ones before it.';
	END IF;
	PERFORM @extschema@.require_org_access(org_id, 'approve');
	INSERT INTO @extschema@.org_access AS a (org_id, member, capability)
	VALUES (grant_access.org_id, pg_catalog.pg_get_userbyid(grant_access.member), grant_access.capability)
	ON CONFLICT ON CONSTRAINT org_access_pkey DO UPDATE
		SET capability = EXCLUDED.capability, granted_by = CURRENT_USER, granted_at = pg_catalog.now();
END
$$;
COMMENT ON FUNCTION @extschema@.grant_access(bigint, regrole, text) IS
'gives a role read, edit or approve on one organization (replacing what it had); superusers and the organization''s approvers only';

CREATE FUNCTION @extschema@.revoke_access(org_id bigint, member regrole, capability text DEFAULT 'read') RETURNS void
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	lower_capability text;
BEGIN
	IF revoke_access.member IS NULL OR revoke_access.capability IS NULL THEN
		RAISE EXCEPTION 'member and capability must not be null'
			USING ERRCODE = 'null_value_not_allowed',
				HINT = 'Name an existing role and one of read, edit, approve.';
	END IF;
	IF revoke_access.capability NOT IN ('read', 'edit', 'approve') THEN
		RAISE EXCEPTION 'invalid capability "%"', revoke_access.capability
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Capabilities are read, edit and approve; revoking read removes all access.';
	END IF;
	PERFORM @extschema@.require_org_access(revoke_access.org_id, 'approve');
	lower_capability := CASE revoke_access.capability WHEN 'approve' THEN 'edit' WHEN 'edit' THEN 'read' END;
	IF lower_capability IS NULL THEN
		DELETE FROM @extschema@.org_access a
		WHERE a.org_id OPERATOR(pg_catalog.=) revoke_access.org_id
		  AND a.member OPERATOR(pg_catalog.=) pg_catalog.pg_get_userbyid(revoke_access.member);
	ELSE
		-- revoking a capability leaves the one below it, if the role had more
		UPDATE @extschema@.org_access a
		SET capability = lower_capability, granted_by = CURRENT_USER, granted_at = pg_catalog.now()
		WHERE a.org_id OPERATOR(pg_catalog.=) revoke_access.org_id
		  AND a.member OPERATOR(pg_catalog.=) pg_catalog.pg_get_userbyid(revoke_access.member)
		  AND CASE a.capability WHEN 'read' THEN 1 WHEN 'edit' THEN 2 WHEN 'approve' THEN 3 END
			  OPERATOR(pg_catalog.>=)
			  CASE revoke_access.capability WHEN 'read' THEN 1 WHEN 'edit' THEN 2 WHEN 'approve' THEN 3 END;
	END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.revoke_access(bigint, regrole, text) IS
'takes a capability back from a role on one organization: approve leaves edit, edit leaves read, read removes all access';

-- A grant records who made it and when, whoever writes the row, and names
-- an existing role.
CREATE FUNCTION @extschema@.stamp_org_access() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) NEW.member) THEN
		RAISE EXCEPTION 'role "%" does not exist', NEW.member
			USING ERRCODE = 'undefined_object',
				HINT = 'Create the role first; access is granted to existing roles.';
	END IF;
	-- a record admin's rows are kept as written: that is what a restore does
	IF NOT @extschema@.is_record_admin() THEN
		NEW.granted_by := CURRENT_USER;
		NEW.granted_at := pg_catalog.now();
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.stamp_org_access() IS
'trigger: a grant names an existing role; unless a record admin (a restore) writes it, the server records the granting role and time';
CREATE TRIGGER org_access_stamp BEFORE INSERT OR UPDATE ON @extschema@.org_access
	FOR EACH ROW EXECUTE FUNCTION @extschema@.stamp_org_access();

----------------------------------------------------------------------------
-- The consolidated SoA
----------------------------------------------------------------------------

-- init_soa and approve_soa lock the organization row FOR NO KEY UPDATE, not
-- FOR UPDATE: the foreign keys of the record tables take KEY SHARE on it,
-- which FOR UPDATE blocks; an editor who holds a share lock on the draft
-- (soa_entry_guard) and then inserts evidence would deadlock with an
-- approval waiting for that lock (specs/approve_soa.spec).
CREATE FUNCTION @extschema@.init_soa(org_id bigint) RETURNS bigint
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	draft record;
	approved_id bigint;
	next_version integer;
	new_id bigint;
BEGIN
	PERFORM @extschema@.require_org_access(org_id, 'edit');

	-- Two sessions starting a draft for one organization queue here.
	PERFORM 1 FROM @extschema@.organization o
	WHERE o.org_id OPERATOR(pg_catalog.=) init_soa.org_id FOR NO KEY UPDATE;

	SELECT s.soa_id, s.version INTO draft FROM @extschema@.soa s
	WHERE s.org_id OPERATOR(pg_catalog.=) init_soa.org_id AND s.status OPERATOR(pg_catalog.=) 'draft';
	IF FOUND THEN
		RAISE NOTICE 'organization % already has a draft Statement of Applicability, version %',
			org_id, draft.version
			USING HINT = 'Edit that draft, or approve it with ims.approve_soa().';
		RETURN draft.soa_id;
	END IF;

	SELECT s.soa_id INTO approved_id FROM @extschema@.soa s
	WHERE s.org_id OPERATOR(pg_catalog.=) init_soa.org_id AND s.status OPERATOR(pg_catalog.=) 'approved';
	SELECT COALESCE(max(s.version), 0) OPERATOR(pg_catalog.+) 1 INTO next_version
	FROM @extschema@.soa s WHERE s.org_id OPERATOR(pg_catalog.=) init_soa.org_id;

	INSERT INTO @extschema@.soa (org_id, version) VALUES (init_soa.org_id, next_version)
	RETURNING soa.soa_id INTO new_id;

	-- One entry per control of every standard in scope; decisions of the
	-- approved version carry over, controls new since then start undecided.
	INSERT INTO @extschema@.soa_entry
		(org_id, soa_id, standard, control_id, applicability, justification, implementation, owner)
	SELECT init_soa.org_id, new_id, c.standard, c.control_id,
		   COALESCE(p.applicability, 'undecided'), p.justification,
		   COALESCE(p.implementation, 'not_started'), p.owner
	FROM @extschema@.organization o
	JOIN @extschema@.control c ON c.standard OPERATOR(pg_catalog.=) ANY (o.standards)
	LEFT JOIN @extschema@.soa_entry p
		ON p.org_id OPERATOR(pg_catalog.=) o.org_id
	   AND p.soa_id OPERATOR(pg_catalog.=) approved_id
	   AND p.standard OPERATOR(pg_catalog.=) c.standard
	   AND p.control_id OPERATOR(pg_catalog.=) c.control_id
	WHERE o.org_id OPERATOR(pg_catalog.=) init_soa.org_id;

	RETURN new_id;
END
$$;
COMMENT ON FUNCTION @extschema@.init_soa(bigint) IS
'creates the draft consolidated SoA of an organization: one entry per control of every standard in scope (undecided), or the next version carrying over the approved decisions; returns its soa_id (an existing draft''s, with a notice)';

CREATE FUNCTION @extschema@.integration_findings(org_id bigint)
	RETURNS TABLE (code text, severity text, standard text, ref text, message text, hint text)
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM @extschema@.require_org_access(integration_findings.org_id, 'read');
	RETURN QUERY
		SELECT f.code, f.severity, f.standard, f.ref, f.message, f.hint
		FROM @extschema@.evaluate_findings(ARRAY[integration_findings.org_id], false) f;
END
$$;
COMMENT ON FUNCTION @extschema@.integration_findings(bigint) IS
'every finding of SPEC section 7 for one organization: what a certification auditor would find, each with the object in ref and what to do in hint (docs/findings.md)';

CREATE FUNCTION @extschema@.validate_soa(org_id bigint)
	RETURNS TABLE (code text, severity text, standard text, ref text, message text, hint text)
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM @extschema@.require_org_access(validate_soa.org_id, 'read');
	RETURN QUERY
		SELECT f.code, f.severity, f.standard, f.ref, f.message, f.hint
		FROM @extschema@.evaluate_findings(ARRAY[validate_soa.org_id], true) f;
END
$$;
COMMENT ON FUNCTION @extschema@.validate_soa(bigint) IS
'the SoA rules (SOA001 to SOA010) for one organization, on its live SoA: the draft, or else the approved version';

CREATE FUNCTION @extschema@.approve_soa(org_id bigint, approver text) RETURNS text
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	draft record;
	new_digest text;
BEGIN
	IF approver IS NULL OR pg_catalog.btrim(approver) OPERATOR(pg_catalog.=) '' THEN
		RAISE EXCEPTION 'approver must not be empty'
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Name the person or body that approves the SoA, such as the management board.';
	END IF;
	PERFORM @extschema@.require_org_access(approve_soa.org_id, 'approve');

	-- One approval, or init_soa, at a time per organization.
	PERFORM 1 FROM @extschema@.organization o
	WHERE o.org_id OPERATOR(pg_catalog.=) approve_soa.org_id FOR NO KEY UPDATE;
	-- Edits of the draft hold a share lock on it: wait for them to finish.
	SELECT s.soa_id, s.version INTO draft FROM @extschema@.soa s
	WHERE s.org_id OPERATOR(pg_catalog.=) approve_soa.org_id AND s.status OPERATOR(pg_catalog.=) 'draft'
	FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'organization % has no draft Statement of Applicability to approve', org_id
			USING ERRCODE = 'object_not_in_prerequisite_state',
				HINT = 'Create one with ims.init_soa(); it carries the decisions of the approved version over.';
	END IF;

	approver := pg_catalog.btrim(approver);
	new_digest := @extschema@.soa_digest(approve_soa.org_id, draft.soa_id, approver);
	UPDATE @extschema@.soa s SET status = 'superseded'
	WHERE s.org_id OPERATOR(pg_catalog.=) approve_soa.org_id AND s.status OPERATOR(pg_catalog.=) 'approved';
	-- The soa_guard trigger checks the capability, the findings and the digest.
	UPDATE @extschema@.soa s
	SET status = 'approved', approved_by = approver, approved_at = pg_catalog.now(), digest = new_digest
	WHERE s.org_id OPERATOR(pg_catalog.=) approve_soa.org_id
	  AND s.soa_id OPERATOR(pg_catalog.=) draft.soa_id;
	RETURN new_digest;
END
$$;
COMMENT ON FUNCTION @extschema@.approve_soa(bigint, text) IS
'approves the draft SoA of an organization: refused without the approve capability or while a major SoA finding stands; supersedes the previous approved version, records who and when, and returns the SHA-256 digest of the content';

CREATE VIEW @extschema@.report_findings WITH (security_invoker = true) AS
SELECT f.org_id, o.name AS organization, f.code, f.severity, f.severity_rank,
	   f.standard, f.ref, f.message, f.hint
FROM @extschema@.evaluate_findings(NULL, false) WITH ORDINALITY AS f
JOIN @extschema@.organization o ON o.org_id = f.org_id
ORDER BY f.ordinality;
COMMENT ON VIEW @extschema@.report_findings IS
'the findings of every organization the caller can see, sorted by organization, severity, code and ref (docs/findings.md)';
COMMENT ON COLUMN @extschema@.report_findings.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_findings.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_findings.code IS 'Finding code, such as SOA004 (docs/findings.md)';
COMMENT ON COLUMN @extschema@.report_findings.severity IS 'major, minor or observation';
COMMENT ON COLUMN @extschema@.report_findings.severity_rank IS '1 major, 2 minor, 3 observation: sorts by severity';
COMMENT ON COLUMN @extschema@.report_findings.standard IS 'Standard the finding concerns, when it concerns one';
COMMENT ON COLUMN @extschema@.report_findings.ref IS 'The object found wanting: a control (ISO 42001 A.5.2), an AI system, a document, a risk';
COMMENT ON COLUMN @extschema@.report_findings.message IS 'What is wrong';
COMMENT ON COLUMN @extschema@.report_findings.hint IS 'What to do about it';
GRANT SELECT ON @extschema@.report_findings TO PUBLIC;

----------------------------------------------------------------------------
-- Row-level security policies and privileges
--
-- Table privileges go to PUBLIC; the policies are the access control: a
-- role sees and writes an organization's rows only with a capability on it.
----------------------------------------------------------------------------

-- Every policy says: the row's organization is one on which the current
-- role holds the capability (ims.accessible_orgs, once per statement).
DO $$
DECLARE
	t text;
	can_read text := 'org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs(''read''))::bigint[])';
	can_edit text := 'org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs(''edit''))::bigint[])';
BEGIN
	FOREACH t IN ARRAY ARRAY['document', 'ai_system', 'risk', 'risk_control', 'impact_assessment',
							 'soa', 'soa_entry', 'evidence', 'auditor', 'internal_audit',
							 'management_review', 'certification_body']
	LOOP
		EXECUTE format('ALTER TABLE @extschema@.%I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE format('CREATE POLICY %I ON @extschema@.%I FOR SELECT USING (%s)', t || '_read', t, can_read);
		EXECUTE format('CREATE POLICY %I ON @extschema@.%I FOR INSERT WITH CHECK (%s)', t || '_insert', t, can_edit);
		EXECUTE format('CREATE POLICY %I ON @extschema@.%I FOR UPDATE USING (%s) WITH CHECK (%s)',
					   t || '_update', t, can_edit, can_edit);
		EXECUTE format('CREATE POLICY %I ON @extschema@.%I FOR DELETE USING (%s)', t || '_delete', t, can_edit);
		EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.%I TO PUBLIC', t);
	END LOOP;
END
$$;

ALTER TABLE @extschema@.organization ENABLE ROW LEVEL SECURITY;
CREATE POLICY organization_read ON @extschema@.organization FOR SELECT
	USING (org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs('read'))::bigint[]));
CREATE POLICY organization_update ON @extschema@.organization FOR UPDATE
	USING (org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs('edit'))::bigint[]))
	WITH CHECK (org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs('edit'))::bigint[]));
GRANT SELECT, UPDATE ON @extschema@.organization TO PUBLIC;

ALTER TABLE @extschema@.org_access ENABLE ROW LEVEL SECURITY;
CREATE POLICY org_access_read ON @extschema@.org_access FOR SELECT
	USING (org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs('read'))::bigint[]));
CREATE POLICY org_access_insert ON @extschema@.org_access FOR INSERT
	WITH CHECK (org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs('approve'))::bigint[]));
CREATE POLICY org_access_update ON @extschema@.org_access FOR UPDATE
	USING (org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs('approve'))::bigint[]))
	WITH CHECK (org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs('approve'))::bigint[]));
CREATE POLICY org_access_delete ON @extschema@.org_access FOR DELETE
	USING (org_id OPERATOR(pg_catalog.=) ANY ((SELECT @extschema@.accessible_orgs('approve'))::bigint[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.org_access TO PUBLIC;

GRANT USAGE ON SEQUENCE @extschema@.document_doc_id_seq, @extschema@.ai_system_system_id_seq,
	@extschema@.risk_risk_id_seq, @extschema@.impact_assessment_assessment_id_seq,
	@extschema@.soa_soa_id_seq, @extschema@.evidence_evidence_id_seq, @extschema@.auditor_auditor_id_seq,
	@extschema@.internal_audit_audit_id_seq, @extschema@.management_review_review_id_seq,
	@extschema@.certification_body_body_id_seq TO PUBLIC;

REVOKE ALL ON FUNCTION @extschema@.create_organization(text, text) FROM PUBLIC;

-- The records are user data: pg_dump keeps all of them, and their sequences.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.organization', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.org_access', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.document', '');
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

----------------------------------------------------------------------------
-- Reports (SPEC section 8; docs/views.md is their contract)
--
-- Every view is security_invoker: it shows the rows the caller may see.
-- Custom types appear as text with an integer rank beside them.
----------------------------------------------------------------------------

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

-- The live SoA of each organization: its draft, or else its approved version.
CREATE VIEW @extschema@.report_soa WITH (security_invoker = true) AS
SELECT e.org_id, o.name AS organization, s.soa_id, s.version, s.status,
	   e.standard, @extschema@.standard_label(e.standard) AS standard_label,
	   e.control_id, @extschema@.standard_label(e.standard) || ' ' || e.control_id AS control_ref,
	   c.title, c.area, c.area_title, c.ordinal AS control_rank,
	   e.applicability::text AS applicability, @extschema@.applicability_rank(e.applicability) AS applicability_rank,
	   @extschema@.decision(e.applicability) AS decision, @extschema@.reasons(e.applicability) AS reasons,
	   e.justification, e.implementation,
	   array_position(ARRAY['not_started', 'planned', 'partial', 'implemented'], e.implementation) AS implementation_rank,
	   e.owner,
	   (SELECT count(*) FROM @extschema@.evidence v
		WHERE v.org_id = e.org_id AND v.standard = e.standard AND v.control_id = e.control_id
		  AND v.collected_on <= current_date AND (v.valid_until IS NULL OR v.valid_until >= current_date))
		   AS current_evidence,
	   (SELECT count(*) FROM @extschema@.evidence v JOIN @extschema@.evidence_kind k ON k.code = v.kind
		WHERE v.org_id = e.org_id AND v.standard = e.standard AND v.control_id = e.control_id
		  AND v.collected_on <= current_date AND (v.valid_until IS NULL OR v.valid_until >= current_date)
		  AND (e.standard <> 'iso42001:2023' OR k.domain <> 'information_security'))
		   AS fitting_evidence
FROM @extschema@.soa s
JOIN @extschema@.organization o ON o.org_id = s.org_id
JOIN @extschema@.soa_entry e ON e.org_id = s.org_id AND e.soa_id = s.soa_id
JOIN @extschema@.control c ON c.standard = e.standard AND c.control_id = e.control_id
WHERE s.status = 'draft'
   OR (s.status = 'approved' AND NOT EXISTS (SELECT 1 FROM @extschema@.soa d
											 WHERE d.org_id = s.org_id AND d.status = 'draft'));
COMMENT ON VIEW @extschema@.report_soa IS 'The consolidated SoA: one row per entry of the live version (the draft, or else the approved one), both catalogs';
COMMENT ON COLUMN @extschema@.report_soa.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_soa.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_soa.soa_id IS 'The SoA version shown';
COMMENT ON COLUMN @extschema@.report_soa.version IS 'Its version number';
COMMENT ON COLUMN @extschema@.report_soa.status IS 'draft or approved';
COMMENT ON COLUMN @extschema@.report_soa.standard IS 'Standard code, such as iso42001:2023';
COMMENT ON COLUMN @extschema@.report_soa.standard_label IS 'Short name, such as ISO 42001';
COMMENT ON COLUMN @extschema@.report_soa.control_id IS 'Control id, such as A.5.2';
COMMENT ON COLUMN @extschema@.report_soa.control_ref IS 'Standard-qualified id, such as ISO 42001 A.5.2 (ids collide across standards)';
COMMENT ON COLUMN @extschema@.report_soa.title IS 'Control title';
COMMENT ON COLUMN @extschema@.report_soa.area IS 'Annex A area, such as A.5';
COMMENT ON COLUMN @extschema@.report_soa.area_title IS 'Title of the area';
COMMENT ON COLUMN @extschema@.report_soa.control_rank IS 'Position in its catalog: sorts A.5.9 before A.5.10';
COMMENT ON COLUMN @extschema@.report_soa.applicability IS 'Decision and reasons as text, such as applicable(risk,legal)';
COMMENT ON COLUMN @extschema@.report_soa.applicability_rank IS 'Integer that sorts as the applicability type sorts';
COMMENT ON COLUMN @extschema@.report_soa.decision IS 'applicable, not_applicable or undecided';
COMMENT ON COLUMN @extschema@.report_soa.reasons IS 'Reasons for inclusion, in canonical order';
COMMENT ON COLUMN @extschema@.report_soa.justification IS 'Why the control is included or excluded';
COMMENT ON COLUMN @extschema@.report_soa.implementation IS 'not_started, planned, partial or implemented';
COMMENT ON COLUMN @extschema@.report_soa.implementation_rank IS '1 not_started to 4 implemented';
COMMENT ON COLUMN @extschema@.report_soa.owner IS 'Person responsible for the control';
COMMENT ON COLUMN @extschema@.report_soa.current_evidence IS 'Number of current evidence rows for the control';
COMMENT ON COLUMN @extschema@.report_soa.fitting_evidence IS 'Current evidence of a fitting kind: for an ISO 42001 control, not of the information_security domain (SOA008)';
GRANT SELECT ON @extschema@.report_soa TO PUBLIC;

-- Each clause pair of each organization, and whether its documents already
-- serve both standards.
CREATE VIEW @extschema@.report_clause_mapping WITH (security_invoker = true) AS
SELECT o.org_id, o.name AS organization,
	   m.source_standard, m.source_clause, sc.title AS source_title,
	   m.target_standard, m.target_clause, tc.title AS target_title,
	   m.ordinal AS clause_rank, m.relation, m.action, t.topic,
	   d.documents,
	   CASE WHEN m.relation = 'no_counterpart' THEN 'new_artifact'
			WHEN d.integrated THEN 'integrated'
			WHEN d.documents IS NOT NULL THEN 'extend'
			ELSE 'missing' END AS status,
	   CASE WHEN m.relation = 'no_counterpart' THEN 4
			WHEN d.integrated THEN 1
			WHEN d.documents IS NOT NULL THEN 2
			ELSE 3 END AS status_rank
FROM @extschema@.organization o
JOIN @extschema@.clause_mapping m
  ON m.target_standard = ANY (o.standards)
 AND (m.source_standard = ANY (o.standards) OR m.relation = 'no_counterpart')
JOIN @extschema@.clause tc ON tc.standard = m.target_standard AND tc.number = m.target_clause
LEFT JOIN @extschema@.clause sc ON sc.standard = m.source_standard AND sc.number = m.source_clause
LEFT JOIN @extschema@.clause_topic t ON t.clause = m.target_clause
LEFT JOIN LATERAL (
	SELECT string_agg(x.title || ' (' || array_to_string(x.covers, ', ') || ')', '; ' ORDER BY x.title) AS documents,
		   bool_or(x.covers @> ARRAY[m.source_standard, m.target_standard]
				   OR (m.relation = 'no_counterpart' AND m.target_standard = ANY (x.covers))) AS integrated
	FROM @extschema@.document x
	WHERE x.org_id = o.org_id AND x.topic = t.topic) AS d ON true;
COMMENT ON VIEW @extschema@.report_clause_mapping IS 'Each clause pair of the two standards for each organization: relation, integration action, the documents on its topic, and status integrated, extend, missing or new_artifact';
COMMENT ON COLUMN @extschema@.report_clause_mapping.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_clause_mapping.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_clause_mapping.source_standard IS 'Standard the organization starts from (ISO 27001)';
COMMENT ON COLUMN @extschema@.report_clause_mapping.source_clause IS 'Its clause; null when the target clause has no counterpart';
COMMENT ON COLUMN @extschema@.report_clause_mapping.source_title IS 'Title of the source clause';
COMMENT ON COLUMN @extschema@.report_clause_mapping.target_standard IS 'Standard being added (ISO 42001)';
COMMENT ON COLUMN @extschema@.report_clause_mapping.target_clause IS 'Its clause';
COMMENT ON COLUMN @extschema@.report_clause_mapping.target_title IS 'Title of the target clause';
COMMENT ON COLUMN @extschema@.report_clause_mapping.clause_rank IS 'Position in the mapping: sorts clauses in document order';
COMMENT ON COLUMN @extschema@.report_clause_mapping.relation IS 'equal, analogous or no_counterpart';
COMMENT ON COLUMN @extschema@.report_clause_mapping.action IS 'What to do to bring the clause into the integrated system';
COMMENT ON COLUMN @extschema@.report_clause_mapping.topic IS 'Document topic that serves the clause (ims.clause_topic)';
COMMENT ON COLUMN @extschema@.report_clause_mapping.documents IS 'The organization''s documents on that topic, with the standards each covers';
COMMENT ON COLUMN @extschema@.report_clause_mapping.status IS 'integrated (a document covers both standards), extend (documents exist, none covers both), missing (no document), new_artifact (no counterpart in the source standard)';
COMMENT ON COLUMN @extschema@.report_clause_mapping.status_rank IS '1 integrated, 2 extend, 3 missing, 4 new_artifact';
GRANT SELECT ON @extschema@.report_clause_mapping TO PUBLIC;

CREATE VIEW @extschema@.report_control_mapping WITH (security_invoker = true) AS
SELECT o.org_id, o.name AS organization,
	   @extschema@.standard_label(m.source_standard) || ' ' || m.source_control AS source_ref, sc.title AS source_title,
	   @extschema@.standard_label(m.target_standard) || ' ' || m.target_control AS target_ref, tc.title AS target_title,
	   m.relation, m.rationale, m.provenance,
	   sa.applicability AS source_applicability, sa.applicability_rank AS source_applicability_rank,
	   ta.applicability AS target_applicability, ta.applicability_rank AS target_applicability_rank,
	   sa.decision = ta.decision AS decided_alike,
	   tc.ordinal AS target_rank, sc.ordinal AS source_rank
FROM @extschema@.organization o
JOIN @extschema@.control_mapping m ON m.source_standard = ANY (o.standards) AND m.target_standard = ANY (o.standards)
JOIN @extschema@.control sc ON sc.standard = m.source_standard AND sc.control_id = m.source_control
JOIN @extschema@.control tc ON tc.standard = m.target_standard AND tc.control_id = m.target_control
LEFT JOIN @extschema@.report_soa sa ON sa.org_id = o.org_id AND sa.standard = m.source_standard AND sa.control_id = m.source_control
LEFT JOIN @extschema@.report_soa ta ON ta.org_id = o.org_id AND ta.standard = m.target_standard AND ta.control_id = m.target_control;
COMMENT ON VIEW @extschema@.report_control_mapping IS 'Each reviewed control pair for each organization, with both sides'' decisions in its live SoA';
COMMENT ON COLUMN @extschema@.report_control_mapping.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_control_mapping.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_control_mapping.source_ref IS 'ISO 27001 control, standard-qualified';
COMMENT ON COLUMN @extschema@.report_control_mapping.source_title IS 'Its title';
COMMENT ON COLUMN @extschema@.report_control_mapping.target_ref IS 'ISO 42001 control, standard-qualified';
COMMENT ON COLUMN @extschema@.report_control_mapping.target_title IS 'Its title';
COMMENT ON COLUMN @extschema@.report_control_mapping.relation IS 'equal, subset, superset or intersects, read "source relation target"';
COMMENT ON COLUMN @extschema@.report_control_mapping.rationale IS 'Why the pair holds and where it stops';
COMMENT ON COLUMN @extschema@.report_control_mapping.provenance IS 'Where the pair comes from';
COMMENT ON COLUMN @extschema@.report_control_mapping.source_applicability IS 'Decision on the source control in the live SoA';
COMMENT ON COLUMN @extschema@.report_control_mapping.target_applicability IS 'Decision on the target control in the live SoA';
COMMENT ON COLUMN @extschema@.report_control_mapping.source_applicability_rank IS 'Integer that sorts as the source applicability sorts';
COMMENT ON COLUMN @extschema@.report_control_mapping.target_applicability_rank IS 'Integer that sorts as the target applicability sorts';
COMMENT ON COLUMN @extschema@.report_control_mapping.decided_alike IS 'Whether both controls have the same decision (applicable, not_applicable, undecided); null while either is not in the live SoA';
COMMENT ON COLUMN @extschema@.report_control_mapping.target_rank IS 'Position of the target control in its catalog';
COMMENT ON COLUMN @extschema@.report_control_mapping.source_rank IS 'Position of the source control in its catalog';
GRANT SELECT ON @extschema@.report_control_mapping TO PUBLIC;

CREATE VIEW @extschema@.report_risk_register WITH (security_invoker = true) AS
SELECT r.org_id, o.name AS organization, r.risk_id, r.register, r.title,
	   r.risk_type::text AS risk_type, @extschema@.risk_type_rank(r.risk_type) AS risk_type_rank,
	   @extschema@.risk_domain(r.risk_type) AS risk_domain,
	   s.name AS ai_system, r.asset, r.likelihood, r.impact, r.likelihood * r.impact AS score,
	   r.cvss, r.treatment, r.owner,
	   (SELECT array_agg(@extschema@.standard_label(k.standard) || ' ' || k.control_id ORDER BY k.standard, c.ordinal)
		FROM @extschema@.risk_control k JOIN @extschema@.control c USING (standard, control_id)
		WHERE k.org_id = r.org_id AND k.risk_id = r.risk_id) AS controls
FROM @extschema@.risk r
JOIN @extschema@.organization o ON o.org_id = r.org_id
LEFT JOIN @extschema@.ai_system s ON s.org_id = r.org_id AND s.system_id = r.ai_system_id;
COMMENT ON VIEW @extschema@.report_risk_register IS 'The one risk register: information security and AI risks, with their treatment and controls';
COMMENT ON COLUMN @extschema@.report_risk_register.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_risk_register.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_risk_register.risk_id IS 'Identifier of the risk';
COMMENT ON COLUMN @extschema@.report_risk_register.register IS 'Register the risk is kept in';
COMMENT ON COLUMN @extschema@.report_risk_register.title IS 'What could happen';
COMMENT ON COLUMN @extschema@.report_risk_register.risk_type IS 'Risk type as text';
COMMENT ON COLUMN @extschema@.report_risk_register.risk_type_rank IS 'Integer that sorts as risk_type sorts (CIA first)';
COMMENT ON COLUMN @extschema@.report_risk_register.risk_domain IS 'information_security or ai';
COMMENT ON COLUMN @extschema@.report_risk_register.ai_system IS 'AI system the risk arises from, if any';
COMMENT ON COLUMN @extschema@.report_risk_register.asset IS 'Asset or process at risk';
COMMENT ON COLUMN @extschema@.report_risk_register.likelihood IS 'Likelihood, 1 to 5';
COMMENT ON COLUMN @extschema@.report_risk_register.impact IS 'Impact, 1 to 5';
COMMENT ON COLUMN @extschema@.report_risk_register.score IS 'Likelihood times impact, 1 to 25';
COMMENT ON COLUMN @extschema@.report_risk_register.cvss IS 'CVSS base score (information security risks only)';
COMMENT ON COLUMN @extschema@.report_risk_register.treatment IS 'mitigate, accept, avoid or transfer';
COMMENT ON COLUMN @extschema@.report_risk_register.owner IS 'Risk owner';
COMMENT ON COLUMN @extschema@.report_risk_register.controls IS 'Controls that treat it, standard-qualified';
GRANT SELECT ON @extschema@.report_risk_register TO PUBLIC;

CREATE VIEW @extschema@.report_impact_assessments WITH (security_invoker = true) AS
SELECT i.org_id, o.name AS organization, i.assessment_id, s.name AS ai_system, s.lifecycle_stage, s.in_scope,
	   i.assessed_on, i.severity,
	   array_position(ARRAY['low', 'medium', 'high', 'critical'], i.severity) AS severity_rank,
	   i.individuals, i.groups, i.society, i.foreseeable_misuse, i.stakeholder_views,
	   i.approved_by, i.next_review,
	   i.assessment_id = (SELECT l.assessment_id FROM @extschema@.impact_assessment l
						  WHERE l.org_id = i.org_id AND l.system_id = i.system_id
						  ORDER BY l.assessed_on DESC, l.assessment_id DESC LIMIT 1) AS is_latest,
	   i.assessed_on < s.last_significant_change AS before_last_change,
	   i.next_review < current_date AS review_overdue,
	   num_nulls(nullif(btrim(i.individuals), ''), nullif(btrim(i.groups), ''), nullif(btrim(i.society), ''),
				 nullif(btrim(i.foreseeable_misuse), ''), nullif(btrim(i.stakeholder_views), '')) AS missing_parts
FROM @extschema@.impact_assessment i
JOIN @extschema@.organization o ON o.org_id = i.org_id
JOIN @extschema@.ai_system s ON s.org_id = i.org_id AND s.system_id = i.system_id;
COMMENT ON VIEW @extschema@.report_impact_assessments IS 'AI system impact assessments, with whether each is the latest, out of date or incomplete';
COMMENT ON COLUMN @extschema@.report_impact_assessments.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_impact_assessments.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_impact_assessments.assessment_id IS 'Identifier of the assessment';
COMMENT ON COLUMN @extschema@.report_impact_assessments.ai_system IS 'The AI system assessed';
COMMENT ON COLUMN @extschema@.report_impact_assessments.lifecycle_stage IS 'Its life-cycle stage';
COMMENT ON COLUMN @extschema@.report_impact_assessments.in_scope IS 'Whether it is in the AIMS scope';
COMMENT ON COLUMN @extschema@.report_impact_assessments.assessed_on IS 'Date of the assessment';
COMMENT ON COLUMN @extschema@.report_impact_assessments.severity IS 'low, medium, high or critical';
COMMENT ON COLUMN @extschema@.report_impact_assessments.severity_rank IS '1 low to 4 critical';
COMMENT ON COLUMN @extschema@.report_impact_assessments.individuals IS 'Impacts on individuals';
COMMENT ON COLUMN @extschema@.report_impact_assessments.groups IS 'Impacts on groups';
COMMENT ON COLUMN @extschema@.report_impact_assessments.society IS 'Impacts on society';
COMMENT ON COLUMN @extschema@.report_impact_assessments.foreseeable_misuse IS 'Foreseeable misuse considered';
COMMENT ON COLUMN @extschema@.report_impact_assessments.stakeholder_views IS 'Stakeholder views gathered';
COMMENT ON COLUMN @extschema@.report_impact_assessments.approved_by IS 'Who approved it';
COMMENT ON COLUMN @extschema@.report_impact_assessments.next_review IS 'Review due date';
COMMENT ON COLUMN @extschema@.report_impact_assessments.is_latest IS 'Whether it is the latest assessment of its system';
COMMENT ON COLUMN @extschema@.report_impact_assessments.before_last_change IS 'Whether it predates the system''s last significant change';
COMMENT ON COLUMN @extschema@.report_impact_assessments.review_overdue IS 'Whether its review date has passed';
COMMENT ON COLUMN @extschema@.report_impact_assessments.missing_parts IS 'How many of individuals, groups, society, foreseeable misuse and stakeholder views are empty';
GRANT SELECT ON @extschema@.report_impact_assessments TO PUBLIC;

-- Readiness per clause group and Annex A area, with the remaining effort
-- estimated from the source article's figures (docs/views.md gives the
-- method): procedural extensions 4 to 8 weeks in all, new artifacts 2 to 4
-- months (8.7 to 17.4 weeks) in all, each shared out by what is still
-- open; one more month (4.3 weeks) for the internal audit and management
-- review cycle, counted once, in the total.
CREATE VIEW @extschema@.report_readiness WITH (security_invoker = true) AS
WITH clause_rows AS (
	SELECT m.org_id, m.organization, 'clause'::text AS group_kind, NULL::text AS standard,
		   split_part(m.target_clause, '.', 1) AS group_id, min(m.clause_rank) AS group_rank,
		   count(*) AS items,
		   count(*) FILTER (WHERE m.documents IS NOT NULL) AS decided,
		   count(*) FILTER (WHERE m.status = 'integrated' OR (m.status = 'new_artifact' AND m.documents IS NOT NULL)) AS implemented,
		   count(*) FILTER (WHERE m.status = 'integrated' OR (m.status = 'new_artifact' AND m.documents IS NOT NULL)) AS evidenced,
		   count(*) FILTER (WHERE m.status IN ('extend', 'missing')) AS open_procedural,
		   count(*) FILTER (WHERE m.status = 'new_artifact' AND m.documents IS NULL) AS open_artifacts,
		   count(*) FILTER (WHERE m.status = 'new_artifact') AS artifact_items
	FROM @extschema@.report_clause_mapping m
	GROUP BY m.org_id, m.organization, split_part(m.target_clause, '.', 1)),
area_rows AS (
	SELECT s.org_id, s.organization, 'annex_a_area'::text, s.standard, s.area, min(s.control_rank),
		   count(*),
		   count(*) FILTER (WHERE s.decision <> 'undecided'),
		   count(*) FILTER (WHERE s.decision = 'not_applicable' OR s.implementation = 'implemented'),
		   count(*) FILTER (WHERE s.decision = 'not_applicable' OR s.fitting_evidence > 0),
		   0::bigint,
		   count(*) FILTER (WHERE s.standard = 'iso42001:2023' AND s.decision <> 'not_applicable'
							AND s.implementation <> 'implemented'),
		   0::bigint
	FROM @extschema@.report_soa s
	GROUP BY s.org_id, s.organization, s.standard, s.area),
all_rows AS (SELECT * FROM clause_rows UNION ALL SELECT * FROM area_rows),
-- The two pools of work: procedural extensions (clause pairs with a
-- counterpart) and new artifacts (clause pairs without one, and the ISO
-- 42001 controls, whether or not the SoA lists them yet).
ai_controls AS (
	SELECT o.org_id, count(c.*) AS items,
		   count(c.*) - (SELECT count(*) FROM @extschema@.report_soa s
						 WHERE s.org_id = o.org_id AND s.standard = c_std.code
						   AND (s.decision = 'not_applicable' OR s.implementation = 'implemented')) AS open
	FROM @extschema@.organization o
	CROSS JOIN LATERAL (SELECT 'iso42001:2023'::text AS code) AS c_std
	LEFT JOIN @extschema@.control c ON c.standard = c_std.code AND c_std.code = ANY (o.standards)
	GROUP BY o.org_id, c_std.code),
totals AS (
	SELECT r.org_id,
		   nullif(sum(r.items - r.artifact_items) FILTER (WHERE r.group_kind = 'clause'), 0) AS procedural_items,
		   sum(r.open_procedural) AS open_procedural,
		   nullif(sum(r.artifact_items) + min(a.items), 0) AS artifact_items,
		   sum(r.open_artifacts) FILTER (WHERE r.group_kind = 'clause') + min(a.open) AS open_artifacts
	FROM all_rows r JOIN ai_controls a USING (org_id)
	GROUP BY r.org_id)
SELECT r.org_id, r.organization, r.group_kind, r.standard,
	   @extschema@.standard_label(r.standard) AS standard_label, r.group_id,
	   CASE r.group_kind WHEN 'clause' THEN (SELECT min(c.title) FROM @extschema@.clause_mapping m
											 JOIN @extschema@.clause c ON c.standard = m.target_standard
																	  AND c.number = m.target_clause
											 WHERE m.target_clause = r.group_id)
		   ELSE (SELECT min(c.area_title) FROM @extschema@.control c
				 WHERE c.standard = r.standard AND c.area = r.group_id) END AS group_title,
	   r.group_rank, r.items,
	   round(100.0 * r.decided / r.items) AS decided_pct,
	   round(100.0 * r.implemented / r.items) AS implemented_pct,
	   round(100.0 * r.evidenced / r.items) AS evidenced_pct,
	   round((4 * coalesce(r.open_procedural / t.procedural_items, 0)
			  + 8.7 * coalesce(r.open_artifacts / t.artifact_items, 0))::numeric, 1) AS weeks_low,
	   round((8 * coalesce(r.open_procedural / t.procedural_items, 0)
			  + 17.4 * coalesce(r.open_artifacts / t.artifact_items, 0))::numeric, 1) AS weeks_high
FROM all_rows r JOIN totals t USING (org_id)
UNION ALL
SELECT t.org_id, o.name, 'total', NULL, NULL, NULL, 'Remaining effort, with one month for the internal audit and management review cycle',
	   NULL, NULL, NULL, NULL, NULL,
	   round((4 * coalesce(t.open_procedural / t.procedural_items, 0)
			  + 8.7 * coalesce(t.open_artifacts / t.artifact_items, 0) + 4.3)::numeric, 1),
	   round((8 * coalesce(t.open_procedural / t.procedural_items, 0)
			  + 17.4 * coalesce(t.open_artifacts / t.artifact_items, 0) + 4.3)::numeric, 1)
FROM totals t JOIN @extschema@.organization o ON o.org_id = t.org_id;
COMMENT ON VIEW @extschema@.report_readiness IS 'Readiness per clause group (4 to 10) and Annex A area: shares decided, implemented and evidenced, and the remaining effort in weeks estimated from the source article''s figures (docs/views.md)';
COMMENT ON COLUMN @extschema@.report_readiness.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_readiness.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_readiness.group_kind IS 'clause, annex_a_area or total';
COMMENT ON COLUMN @extschema@.report_readiness.standard IS 'Standard of an Annex A area; null for clause groups (both standards) and the total';
COMMENT ON COLUMN @extschema@.report_readiness.standard_label IS 'Its short name';
COMMENT ON COLUMN @extschema@.report_readiness.group_id IS 'Clause group (4 to 10) or area (A.5 ...)';
COMMENT ON COLUMN @extschema@.report_readiness.group_title IS 'Title of the clause or area';
COMMENT ON COLUMN @extschema@.report_readiness.group_rank IS 'Sorts the groups in document order within their kind';
COMMENT ON COLUMN @extschema@.report_readiness.items IS 'Clause pairs or controls in the group';
COMMENT ON COLUMN @extschema@.report_readiness.decided_pct IS 'Clauses: share with a document on their topic. Controls: share decided';
COMMENT ON COLUMN @extschema@.report_readiness.implemented_pct IS 'Clauses: share integrated (new artifacts: documented). Controls: share implemented or excluded';
COMMENT ON COLUMN @extschema@.report_readiness.evidenced_pct IS 'Clauses: share integrated (new artifacts: documented). Controls: share with current evidence of a fitting kind, or excluded';
COMMENT ON COLUMN @extschema@.report_readiness.weeks_low IS 'Remaining effort, low estimate, in weeks';
COMMENT ON COLUMN @extschema@.report_readiness.weeks_high IS 'Remaining effort, high estimate, in weeks';
GRANT SELECT ON @extschema@.report_readiness TO PUBLIC;

-- The one agenda of the integrated management review: the inputs both
-- standards ask of it (clause 9.3.2 of each), and the AIMS inputs, each
-- with what the record holds for it (NULL where it holds nothing).
CREATE FUNCTION @extschema@.management_review_agenda(org_id bigint)
	RETURNS TABLE (item text, standard text, title text, input text)
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	org bigint := management_review_agenda.org_id;
BEGIN
	PERFORM @extschema@.require_org_access(org, 'read');
	RETURN QUERY
	WITH docs AS (
		SELECT d.topic, string_agg(concat_ws(' ', d.title, d.version), '; ' ORDER BY d.title) AS titles,
			   string_agg(concat_ws(' ', d.title, d.version), '; ' ORDER BY d.title)
				   FILTER (WHERE 'iso27001:2022' = ANY (d.covers)) AS titles27,
			   string_agg(concat_ws(' ', d.title, d.version), '; ' ORDER BY d.title)
				   FILTER (WHERE 'iso42001:2023' = ANY (d.covers)) AS titles42
		FROM @extschema@.document d WHERE d.org_id = org GROUP BY d.topic),
	f AS (SELECT count(*) FILTER (WHERE v.severity = 'major') AS major,
				 count(*) FILTER (WHERE v.severity = 'minor') AS minor
		  FROM @extschema@.evaluate_findings(ARRAY[org], false) v),
	last_review AS (SELECT max(r.held_on) AS held_on FROM @extschema@.management_review r WHERE r.org_id = org),
	last_audit AS (SELECT a.cycle, a.performed_on, a.covers FROM @extschema@.internal_audit a
				   WHERE a.org_id = org ORDER BY a.performed_on DESC LIMIT 1),
	risks AS (SELECT count(*) FILTER (WHERE @extschema@.risk_domain(r.risk_type) = 'information_security') AS cia,
					 count(*) FILTER (WHERE @extschema@.risk_domain(r.risk_type) = 'ai') AS ai,
					 count(*) FILTER (WHERE @extschema@.risk_domain(r.risk_type) = 'ai' AND r.treatment IS NULL) AS ai_open,
					 count(*) FILTER (WHERE @extschema@.risk_domain(r.risk_type) = 'information_security' AND r.treatment IS NULL) AS cia_open
			  FROM @extschema@.risk r WHERE r.org_id = org),
	ev AS (SELECT count(*) AS current_rows,
				  count(*) FILTER (WHERE v.kind IN ('monitoring_dashboard', 'evaluation_report')) AS ai_performance
		   FROM @extschema@.evidence v WHERE v.org_id = org AND v.collected_on <= current_date
			 AND (v.valid_until IS NULL OR v.valid_until >= current_date)),
	ia AS (SELECT count(*) AS recent, count(DISTINCT i.system_id) AS systems
		   FROM @extschema@.impact_assessment i WHERE i.org_id = org
			 AND i.assessed_on > current_date - interval '12 months')
	SELECT x.item, x.standard, x.title, x.input FROM (VALUES
		(1, 'previous_actions', NULL::text, 'Status of actions from previous management reviews',
		 (SELECT 'last review held on ' || to_char(held_on, 'YYYY-MM-DD') FROM last_review WHERE held_on IS NOT NULL)),
		(2, 'context_changes', NULL, 'Changes in internal and external issues',
		 (SELECT titles FROM docs WHERE topic = 'context')),
		(3, 'interested_parties', NULL, 'Changes in the needs and expectations of interested parties',
		 (SELECT titles FROM docs WHERE topic = 'interested_parties')),
		(4, 'nonconformities', NULL, 'Nonconformities, corrective actions and open findings',
		 (SELECT format('%s major and %s minor findings open (ims.integration_findings)', major, minor) FROM f)),
		(5, 'monitoring_results', NULL, 'Monitoring and measurement results',
		 (SELECT current_rows || ' current evidence records' FROM ev WHERE current_rows > 0)),
		(6, 'audit_results', NULL, 'Results of internal audits',
		 (SELECT format('internal audit %s on %s, covering %s', cycle, to_char(performed_on, 'YYYY-MM-DD'),
						array_to_string(covers, ', ')) FROM last_audit)),
		(7, 'is_objectives', 'iso27001:2022', 'Fulfilment of the information security objectives',
		 (SELECT titles27 FROM docs WHERE topic = 'objectives')),
		(8, 'is_risks', 'iso27001:2022', 'Information security risk assessment and treatment',
		 (SELECT format('%s information security risks, %s without treatment', cia, cia_open) FROM risks WHERE cia > 0)),
		(9, 'ai_objectives', 'iso42001:2023', 'Fulfilment of the AI objectives',
		 (SELECT titles42 FROM docs WHERE topic = 'objectives')),
		(10, 'ai_system_performance', 'iso42001:2023', 'Performance of the AI systems',
		 (SELECT ai_performance || ' current monitoring or evaluation records' FROM ev WHERE ai_performance > 0)),
		(11, 'ai_risks', 'iso42001:2023', 'AI risks and their treatment',
		 (SELECT format('%s AI risks, %s without treatment', ai, ai_open) FROM risks WHERE ai > 0)),
		(12, 'impact_assessment_outcomes', 'iso42001:2023', 'Outcomes of AI system impact assessments',
		 (SELECT format('%s assessments of %s AI systems in the last 12 months', recent, systems) FROM ia WHERE recent > 0)),
		(13, 'improvement', NULL, 'Opportunities for continual improvement',
		 (SELECT titles FROM docs WHERE topic = 'improvement'))
	) AS x(n, item, standard, title, input)
	ORDER BY x.n;
END
$$;
COMMENT ON FUNCTION @extschema@.management_review_agenda(bigint) IS
'the one agenda of the integrated management review: the inputs of clause 9.3.2 of both standards and the AIMS inputs, each with what the record holds for it (input is NULL where it holds nothing); standard is NULL for the inputs both standards ask for';

-- The consolidated SoA as a document for auditors (src/soa_document.c)
CREATE FUNCTION @extschema@.soa_document(org_id bigint, format text DEFAULT 'markdown') RETURNS text
	AS 'MODULE_PATHNAME', 'soa_document'
	LANGUAGE C STABLE STRICT
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.soa_document(bigint, text) IS
'the live SoA of an organization as a document: markdown, html (self-contained, print CSS, inline SVG readiness chart) or csv (a header and one row per entry)';

CREATE FUNCTION @extschema@.soa_json(org_id bigint) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'soa_json'
	LANGUAGE C STABLE STRICT
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.soa_json(bigint) IS
'the live SoA of an organization as one JSON document built with cJSON: header, one object per entry (with its applicability), clause mapping, open findings';

CREATE FUNCTION @extschema@.export_oscal_ssp(org_id bigint) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'oscal_ssp_export'
	LANGUAGE C STABLE STRICT
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.export_oscal_ssp(bigint) IS
'the live SoA of an organization as an OSCAL 1.0.6 system security plan (JSON built with cJSON): one implemented-requirement per applicable control, standard-qualified ids (docs/oscal.md)';

----------------------------------------------------------------------------
-- The EU AI Act gap of each high-risk AI system (docs/ai-act.md)
----------------------------------------------------------------------------

CREATE VIEW @extschema@.report_ai_act_gap WITH (security_invoker = true) AS
SELECT a.org_id, o.name AS organization, a.system_id, a.name AS ai_system,
	   a.in_scope AS in_aims_scope,
	   coalesce(pg_catalog.array_to_string(a.ai_act_roles, ', '), 'not recorded') AS ai_act_roles,
	   ob.ref AS obligation, cl.title AS obligation_title, ob.ordinal AS obligation_rank,
	   coalesce(pg_catalog.array_to_string(ARRAY(SELECT r FROM pg_catalog.unnest(ob.roles) AS r
												 WHERE a.ai_act_roles IS NULL OR r = ANY (a.ai_act_roles)), ', '),
				'') AS binding_roles,
	   ob.coverage, ob.coverage = 'none' AS not_covered_by_iso42001,
	   (SELECT pg_catalog.string_agg(x.clause, ', ' ORDER BY c.ordinal)
		FROM @extschema@.obligation_clause x
		JOIN @extschema@.clause c ON c.standard = x.standard AND c.number = x.clause
		WHERE x.regulation = ob.regulation AND x.standard = ob.standard AND x.ref = ob.ref) AS supporting_clauses,
	   ctl.detail AS supporting_controls,
	   coalesce(ctl.supporting, 0) AS controls_supporting,
	   coalesce(ctl.applicable, 0) AS controls_applicable,
	   coalesce(ctl.implemented, 0) AS controls_implemented,
	   coalesce(ctl.evidenced, 0) AS controls_evidenced,
	   CASE
		   WHEN ob.coverage = 'none' THEN 'not_covered'
		   WHEN NOT a.in_scope THEN 'outside_aims_scope'
		   WHEN coalesce(ctl.supporting, 0) = 0 THEN 'clauses_only'
		   WHEN coalesce(ctl.applicable, 0) < coalesce(ctl.supporting, 0) THEN 'controls_not_applied'
		   WHEN ctl.implemented < ctl.applicable THEN 'controls_not_implemented'
		   WHEN ctl.evidenced < ctl.applicable THEN 'controls_without_evidence'
		   ELSE 'controls_in_place'
	   END AS status,
	   CASE ob.coverage
		   WHEN 'none' THEN 'ISO 42001 does not cover ' || ob.ref || '.'
		   ELSE 'ISO 42001 supports ' || ob.ref || ' (' || ob.coverage || ') but does not satisfy it.'
	   END AS iso42001_statement,
	   ob.not_covered, ob.rationale
FROM @extschema@.ai_system a
JOIN @extschema@.organization o ON o.org_id = a.org_id
JOIN @extschema@.obligation ob
  ON ob.regulation = 'eu-ai-act:2024' AND ob.standard = 'iso42001:2023'
 AND 'high' = ANY (ob.risk_classes)
 AND (a.ai_act_roles IS NULL OR ob.roles && a.ai_act_roles)
JOIN @extschema@.clause cl ON cl.standard = ob.regulation AND cl.number = ob.ref
LEFT JOIN LATERAL (
	SELECT count(*) AS supporting,
		   count(*) FILTER (WHERE s.decision = 'applicable') AS applicable,
		   count(*) FILTER (WHERE s.decision = 'applicable' AND s.implementation = 'implemented') AS implemented,
		   count(*) FILTER (WHERE s.decision = 'applicable' AND s.fitting_evidence > 0) AS evidenced,
		   pg_catalog.string_agg(x.control_id || ' ' ||
								 CASE WHEN s.control_id IS NULL THEN '(not in the SoA)'
									  ELSE '(' || s.decision || ', ' || s.implementation || ', '
										   || s.fitting_evidence || ' fitting evidence)' END,
								 '; ' ORDER BY c.ordinal) AS detail
	FROM @extschema@.obligation_control x
	JOIN @extschema@.control c ON c.standard = x.standard AND c.control_id = x.control_id
	LEFT JOIN @extschema@.report_soa s
	  ON s.org_id = a.org_id AND s.standard = x.standard AND s.control_id = x.control_id
	WHERE x.regulation = ob.regulation AND x.standard = ob.standard AND x.ref = ob.ref
) AS ctl ON true
WHERE a.ai_act_risk_class = 'high';
COMMENT ON VIEW @extschema@.report_ai_act_gap IS 'Per high-risk AI system, each EU AI Act obligation that binds its roles, the ISO 42001 clauses and controls that support it with their SoA status and evidence, and what ISO 42001 does not cover: ISO 42001 supports the AI Act, it never satisfies it';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.org_id IS 'The organization';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.organization IS 'Its name';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.system_id IS 'The high-risk AI system';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.ai_system IS 'Its name';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.in_aims_scope IS 'Whether the system is in the AIMS scope; outside it, the ISO 42001 controls do not reach it';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.ai_act_roles IS 'The organization''s AI Act roles for the system, or not recorded (then every role''s obligations are listed)';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.obligation IS 'Article or annex, such as Art. 9';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.obligation_title IS 'Its title';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.obligation_rank IS 'Position in the crosswalk, for sorting';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.binding_roles IS 'Which of the system''s roles the obligation binds';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.coverage IS 'How far ISO 42001 supports the obligation: partial, weak or none';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.not_covered_by_iso42001 IS 'True when no ISO 42001 clause or control supports the obligation (the EU declaration of conformity, CE marking, registration, consent to real-world testing); Art. 43 conformity assessment and Annex IV are weakly or partly supported, and their gaps are in not_covered';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.supporting_clauses IS 'ISO 42001 clauses that support it, comma-separated';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.supporting_controls IS 'ISO 42001 controls that support it, each with its decision, implementation and number of current evidence rows of a fitting kind in the live SoA';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.controls_supporting IS 'Number of supporting controls';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.controls_applicable IS 'How many of them the SoA decides applicable';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.controls_implemented IS 'How many of those are implemented';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.controls_evidenced IS 'How many of those have current evidence of a fitting kind';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.status IS 'not_covered, outside_aims_scope, clauses_only (supported by management-system clauses, no control), controls_not_applied, controls_not_implemented, controls_without_evidence or controls_in_place (the legal obligation remains open in every case)';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.iso42001_statement IS 'One sentence: ISO 42001 supports but does not satisfy the obligation, or does not cover it';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.not_covered IS 'What the AI Act requires here that ISO 42001 does not cover';
COMMENT ON COLUMN @extschema@.report_ai_act_gap.rationale IS 'Why the supporting items support the obligation and where they stop';
GRANT SELECT ON @extschema@.report_ai_act_gap TO PUBLIC;
