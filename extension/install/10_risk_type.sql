/* extension/install/10_risk_type.sql */

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
