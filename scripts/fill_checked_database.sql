-- scripts/fill_checked_database.sql: the state the dump/restore and upgrade
-- checks carry across: a user catalog and mapping, a kind of evidence of
-- one's own, the sample organization (since 1.2 with a clause of the user
-- catalog declared by one of its documents), a read grant to the role
-- :reader, and an SoA approved with ims.approve_soa (once its open decisions are
-- made) with a new draft after it; from 1.2 a waiver and an audit
-- programme too.  Runs against
-- 1.0 and later.
-- psql -v catalog=... -v mapping=... -v reader=ROLE -f this file, from the
-- top of the tree.
\set ON_ERROR_STOP on
\set QUIET on
\o /dev/null
SELECT ims.import_catalog(:'catalog');
SELECT ims.import_mapping(:'mapping');
INSERT INTO ims.evidence_kind (code, title, domain) VALUES ('red_team_report', 'AI red-team exercise report', 'ai');
\i scripts/sample_organization.sql
-- Since 1.2, a declaration of a clause of the imported catalog, by a
-- document that covers it: a restore must load the document and the
-- imported clause before the declaration, whose trigger checks the
-- document's covers.
SELECT to_regclass('ims.document_clause') IS NOT NULL AS has_declarations \gset
\if :has_declarations
UPDATE ims.document SET covers = covers || 'acme:2025'::text
WHERE title = 'Scope of the integrated management system';
INSERT INTO ims.document_clause (org_id, doc_id, standard, clause)
SELECT org_id, doc_id, 'acme:2025', '1' FROM ims.document
WHERE title = 'Scope of the integrated management system';
\endif
SELECT format('CREATE ROLE %I', :'reader') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'reader') \gexec
SELECT ims.grant_access(org_id, :'reader', 'read') FROM ims.organization;
UPDATE ims.soa_entry SET applicability = 'applicable(business)', justification = 'Good practice.'
WHERE ims.decision(applicability) = 'undecided';
UPDATE ims.soa_entry SET justification = 'No secure areas of our own.' WHERE justification IS NULL
  AND ims.decision(applicability) = 'not_applicable';
-- The library reads the finding rules from the extension since 1.2, so a
-- 1.0 or 1.1 database cannot run the validator that approve_soa asks
-- (scripts/check-upgrade.sh shows the error).  There the approval is made
-- as a superuser would: the guard is set aside, the digest is the real one.
SELECT to_regclass('ims.finding_rule') IS NULL AS before_rules \gset
\if :before_rules
ALTER TABLE ims.soa DISABLE TRIGGER soa_guard;
UPDATE ims.soa s SET status = 'approved', approved_by = 'Management board', approved_at = now(),
	digest = ims.soa_digest(s.org_id, s.soa_id, 'Management board')
WHERE s.status = 'draft';
ALTER TABLE ims.soa ENABLE TRIGGER soa_guard;
\else
SELECT ims.approve_soa(org_id, 'Management board') FROM ims.organization;
-- What 1.2 adds to the record: a finding accepted for a while, and an
-- impact assessment made for a change.
SELECT ims.waive_finding(org_id, 'CRT002', name, 'The body confirms the combined window in January.',
						 'Dana Keller', current_date + 60, 'Management board')
FROM ims.organization;
UPDATE ims.impact_assessment SET for_change_on = assessed_on + 10;
-- And the audit programme (the sample has the register and the review's
-- outputs): an audit of ISO 42001 with a scope of a clause and a control,
-- a member of its team beside the lead, and an auditor's own area.
INSERT INTO ims.auditor (org_id, name, competence) SELECT org_id, 'Lea Auditor', '{iso42001:2023}' FROM ims.organization;
INSERT INTO ims.internal_audit (org_id, cycle, performed_on, covers, lead_auditor_id)
SELECT org_id, '2026, AIMS', current_date - 40, '{iso42001:2023}', auditor_id FROM ims.auditor WHERE name = 'Lea Auditor';
INSERT INTO ims.audit_scope (org_id, audit_id, standard, clause)
SELECT org_id, audit_id, 'iso42001:2023', '8' FROM ims.internal_audit WHERE cycle = '2026, AIMS';
INSERT INTO ims.audit_scope (org_id, audit_id, standard, control_id)
SELECT org_id, audit_id, 'iso42001:2023', 'A.5.2' FROM ims.internal_audit WHERE cycle = '2026, AIMS';
INSERT INTO ims.audit_team_member (org_id, audit_id, auditor_id)
SELECT a.org_id, a.audit_id, u.auditor_id FROM ims.internal_audit a
JOIN ims.auditor u ON u.org_id = a.org_id AND u.name = 'Jonas Weber' WHERE a.cycle = '2026, AIMS';
INSERT INTO ims.auditor_area (org_id, auditor_id, standard, clause)
SELECT org_id, auditor_id, 'iso27001:2022', '8.1' FROM ims.auditor WHERE name = 'Lea Auditor';
\endif
SELECT ims.init_soa(org_id) FROM ims.organization;
\o
