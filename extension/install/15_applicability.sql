/* extension/install/15_applicability.sql */

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
