--
-- security: hostile objects planted in a schema that stands before
-- pg_catalog in the search path must never be called by pg_ims: not by
-- CREATE EXTENSION, not by any function, trigger or view.  Each planted
-- object announces itself with a warning if called; the expected output
-- has none.  Then the same work with an empty search path.
--
\getenv abs_srcdir PG_ABS_SRCDIR
CREATE DATABASE regress_pg_ims_security;
\c regress_pg_ims_security
CREATE SCHEMA evil;
CREATE FUNCTION evil.texteq(text, text) RETURNS boolean LANGUAGE plpgsql AS
$$ BEGIN RAISE WARNING 'hijacked text ='; RETURN $1 OPERATOR(pg_catalog.=) $2; END $$;
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.texteq);
CREATE FUNCTION evil.textne(text, text) RETURNS boolean LANGUAGE plpgsql AS
$$ BEGIN RAISE WARNING 'hijacked text <>'; RETURN $1 OPERATOR(pg_catalog.<>) $2; END $$;
CREATE OPERATOR evil.<> (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.textne);
CREATE FUNCTION evil.int8eq(bigint, bigint) RETURNS boolean LANGUAGE plpgsql AS
$$ BEGIN RAISE WARNING 'hijacked bigint ='; RETURN $1 OPERATOR(pg_catalog.=) $2; END $$;
CREATE OPERATOR evil.= (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = evil.int8eq);
CREATE FUNCTION evil.textcat(text, text) RETURNS text LANGUAGE plpgsql AS
$$ BEGIN RAISE WARNING 'hijacked ||'; RETURN $1 OPERATOR(pg_catalog.||) $2; END $$;
CREATE OPERATOR evil.|| (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.textcat);
CREATE FUNCTION evil.textregexeq(text, text) RETURNS boolean LANGUAGE plpgsql AS
$$ BEGIN RAISE WARNING 'hijacked ~'; RETURN $1 OPERATOR(pg_catalog.~) $2; END $$;
CREATE OPERATOR evil.~ (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.textregexeq);
CREATE FUNCTION evil.btrim(text) RETURNS text LANGUAGE plpgsql AS
$$ BEGIN RAISE WARNING 'hijacked btrim'; RETURN pg_catalog.btrim($1); END $$;
CREATE FUNCTION evil.lower(text) RETURNS text LANGUAGE plpgsql AS
$$ BEGIN RAISE WARNING 'hijacked lower'; RETURN pg_catalog.lower($1); END $$;
CREATE FUNCTION evil.unnest(anyarray) RETURNS SETOF anyelement LANGUAGE plpgsql AS
$$ BEGIN RAISE WARNING 'hijacked unnest'; RETURN QUERY SELECT * FROM pg_catalog.unnest($1); END $$;
CREATE FUNCTION evil.now() RETURNS timestamptz LANGUAGE plpgsql AS
$$ BEGIN RAISE WARNING 'hijacked now'; RETURN pg_catalog.now(); END $$;
GRANT USAGE ON SCHEMA evil TO PUBLIC;

SET search_path = evil, pg_catalog, public;
-- the traps are armed: plain SQL in this search path falls into them
SELECT 'a'::text = 'a'::text AS trapped, lower('X');
-- the extension installs and loads its catalogs without calling them
CREATE EXTENSION pg_ims;
-- and every function, trigger and view works without calling them
\set catalog `cat :abs_srcdir/data/catalog_good.json`
\set mapping `cat :abs_srcdir/data/mapping_good.json`
SELECT ims.import_catalog(:'catalog');
SELECT ims.import_mapping(:'mapping');
\set oscal `cat :abs_srcdir/data/oscal/basic-catalog.json`
SELECT ims.import_oscal_catalog(:'oscal', 'oscal:basic');
SELECT ims.import_catalog('{"format": "pg_ims/catalog", "format_version": 1,
  "standard": {"code": "sec-act:2026", "title": "Security Act", "kind": "regulation"},
  "clauses": [{"number": "Art. 1", "title": "Logging"}], "controls": []}');
SELECT ims.import_crosswalk('{"format": "pg_ims/crosswalk", "format_version": 1,
  "regulation": "sec-act:2026", "standard": "iso42001:2023",
  "obligations": [{"ref": "Art. 1", "roles": ["provider"], "risk_classes": ["high"], "coverage": "partial",
                   "clauses": ["9.1"], "controls": ["A.6.2.8"], "rationale": "Logs.", "not_covered": "Retention.",
                   "provenance": "test"}]}');
SELECT ims.create_organization('Secure GmbH', 'Owner') AS org \gset
CREATE ROLE regress_pg_ims_sec;
SELECT ims.grant_access(:org, 'regress_pg_ims_sec', 'approve');
INSERT INTO ims.document (org_id, kind, topic, title, covers, approved_by)
VALUES (:org, 'policy', 'policy', 'Policy', '{iso27001:2022,iso42001:2023}', 'Board');
INSERT INTO ims.ai_system (org_id, name, ai_act_roles, ai_act_risk_class)
VALUES (:org, 'Model', '{provider}', 'high');
INSERT INTO ims.risk (org_id, title, risk_type, cvss, treatment, owner) VALUES (:org, 'Leak', 'c', 5.0, 'mitigate', 'CISO');
-- (the trigger that explains a refused CVSS score is not hijacked either)
INSERT INTO ims.risk (org_id, title, risk_type, cvss) VALUES (:org, 'Bias', 'bias', 5.0);
SELECT ims.init_soa(:org) AS soa \gset
UPDATE ims.soa_entry SET applicability = 'applicable(risk)', justification = 'Needed.' WHERE org_id = :org;
SELECT count(*) FROM ims.integration_findings(:org);
SELECT count(*) FROM ims.validate_soa(:org);
SELECT length(ims.approve_soa(:org, 'Board')) AS digest_length;
SELECT ims.init_soa(:org) IS NOT NULL AS next_draft;
SELECT count(*) FROM ims.report_findings;
SELECT count(*) FROM ims.report_soa;
SELECT count(*) FROM ims.report_clause_mapping;
SELECT count(*) FROM ims.report_control_mapping;
SELECT count(*) FROM ims.report_risk_register;
SELECT count(*) FROM ims.report_impact_assessments;
SELECT count(*) FROM ims.report_readiness;
SELECT count(*) FROM ims.management_review_agenda(:org);
SELECT length(ims.soa_document(:org, 'markdown')) > 0 AS md, length(ims.soa_document(:org, 'html')) > 0 AS html,
       length(ims.soa_document(:org, 'csv')) > 0 AS csv, jsonb_typeof(ims.soa_json(:org)) AS json;
SELECT jsonb_typeof(ims.export_oscal_ssp(:org)) AS ssp;
SELECT count(*) FROM ims.report_ai_act_gap;
SELECT ims.revoke_access(:org, 'regress_pg_ims_sec', 'approve');
SET SESSION AUTHORIZATION regress_pg_ims_sec;
SET search_path = evil, pg_catalog, public;
SELECT ims.has_org_access(:org, 'edit') AS edit, count(*) > 0 AS sees_findings FROM ims.integration_findings(:org);
RESET SESSION AUTHORIZATION;

-- an empty search path: everything is reached by its qualified name
SET search_path = '';
SELECT pg_catalog.count(*) FROM ims.integration_findings(:org);
SELECT pg_catalog.length(ims.soa_document(:org));
SELECT 'fairness'::ims.risk_type OPERATOR(ims.=) 'bias'::ims.risk_type AS typed;
SELECT ims.init_soa(:org) IS NOT NULL AS draft;
SELECT pg_catalog.count(*) FROM ims.report_readiness;

\c contrib_regression
DROP DATABASE regress_pg_ims_security;
DROP ROLE regress_pg_ims_sec;
