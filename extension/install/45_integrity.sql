/* extension/install/45_integrity.sql */

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
	-- a null array is the NOT NULL constraint's to refuse, with its own message
	FROM pg_catalog.jsonb_array_elements_text(
		NULLIF(pg_catalog.to_jsonb(NEW) -> TG_ARGV[0], 'null'::pg_catalog.jsonb)) AS c
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
CREATE TRIGGER objective_standards_known BEFORE INSERT OR UPDATE OF standards ON @extschema@.objective
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_standard_codes('standards');
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

-- A document declares clauses only of the standards it covers
-- (ims.document_clause): a procedure written for ISO 27001 alone does not
-- serve an ISO 42001 clause, whatever it declares.  The two triggers below
-- hold the rule from both sides: a declaration must name a standard of the
-- document's covers, and covers may not drop a standard the document still
-- declares clauses of.  Each locks the other's row first (the declaration
-- locks its document FOR SHARE; an update of covers holds the document's
-- row), so a declaration and a concurrent change of covers cannot both
-- pass on snapshots that miss each other.  The foreign key
-- document_clause_document_fkey orders a restore's rows (documents first),
-- so no restore is refused here.
CREATE FUNCTION @extschema@.check_document_clause() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	doc record;
BEGIN
	SELECT d.title, d.covers INTO doc FROM @extschema@.document d
	WHERE d.org_id OPERATOR(pg_catalog.=) NEW.org_id AND d.doc_id OPERATOR(pg_catalog.=) NEW.doc_id
	FOR SHARE;
	-- no such document, or one the writer may not edit: the foreign key or
	-- row-level security refuses the row, with its own message
	IF NOT FOUND THEN
		RETURN NEW;
	END IF;
	IF NOT NEW.standard OPERATOR(pg_catalog.=) ANY (doc.covers) THEN
		RAISE EXCEPTION 'document % does not cover standard "%"', NEW.doc_id, NEW.standard
			USING ERRCODE = 'foreign_key_violation',
				DETAIL = pg_catalog.format('Document "%s" covers %s; it can serve clauses of those standards only.',
										   doc.title, pg_catalog.array_to_string(doc.covers, ', ')),
				HINT = pg_catalog.format('Add %s to the document''s covers first, or declare the clause for a standard it covers.',
										 NEW.standard),
				SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'standard';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.check_document_clause() IS
'trigger: a clause declaration (ims.document_clause) names a standard its document covers';
CREATE TRIGGER document_clause_covered BEFORE INSERT OR UPDATE ON @extschema@.document_clause
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_document_clause();

CREATE FUNCTION @extschema@.check_document_covers_declared() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	dropped text;
	clauses text;
	n bigint;
BEGIN
	-- a null covers is the NOT NULL constraint's to refuse, with its own message
	IF NEW.covers IS NULL THEN
		RETURN NEW;
	END IF;
	SELECT c.standard, pg_catalog.count(*), pg_catalog.string_agg(c.clause, ', ' ORDER BY k.ordinal, c.clause COLLATE "C")
	INTO dropped, n, clauses
	FROM @extschema@.document_clause c
	LEFT JOIN @extschema@.clause k ON k.standard OPERATOR(pg_catalog.=) c.standard
								   AND k.number OPERATOR(pg_catalog.=) c.clause
	WHERE c.org_id OPERATOR(pg_catalog.=) OLD.org_id AND c.doc_id OPERATOR(pg_catalog.=) OLD.doc_id
	  AND NOT c.standard OPERATOR(pg_catalog.=) ANY (NEW.covers)
	GROUP BY c.standard
	ORDER BY c.standard COLLATE "C"
	LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'document % declares clauses of standard "%"', OLD.doc_id, dropped
			USING ERRCODE = 'foreign_key_violation',
				DETAIL = pg_catalog.format('Document "%s" declares %s %s of %s in ims.document_clause; its new covers leave that standard out.',
										   OLD.title, CASE WHEN n OPERATOR(pg_catalog.=) 1 THEN 'clause' ELSE 'clauses' END,
										   clauses, dropped),
				HINT = 'Delete those declarations from ims.document_clause first, or keep the standard in covers.',
				SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'covers';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.check_document_covers_declared() IS
'trigger: a document''s covers keep every standard it declares clauses of (ims.document_clause)';
CREATE TRIGGER document_covers_declared BEFORE UPDATE OF covers ON @extschema@.document
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_document_covers_declared();
