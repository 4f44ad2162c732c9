-- scripts/fill_checked_database.sql: the state the dump/restore and upgrade
-- checks carry across: a user catalog and mapping, a kind of evidence of
-- one's own, the sample organization, a read grant to the role :reader,
-- and an SoA approved with ims.approve_soa (once its open decisions are
-- made) with a new draft after it.  Runs against 1.0 and later.
-- psql -v catalog=... -v mapping=... -v reader=ROLE -f this file, from the
-- top of the tree.
\set ON_ERROR_STOP on
\set QUIET on
\o /dev/null
SELECT ims.import_catalog(:'catalog');
SELECT ims.import_mapping(:'mapping');
INSERT INTO ims.evidence_kind (code, title, domain) VALUES ('red_team_report', 'AI red-team exercise report', 'ai');
\i scripts/sample_organization.sql
SELECT format('CREATE ROLE %I', :'reader') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'reader') \gexec
SELECT ims.grant_access(org_id, :'reader', 'read') FROM ims.organization;
UPDATE ims.soa_entry SET applicability = 'applicable(business)', justification = 'Good practice.'
WHERE ims.decision(applicability) = 'undecided';
UPDATE ims.soa_entry SET justification = 'No secure areas of our own.' WHERE justification IS NULL
  AND ims.decision(applicability) = 'not_applicable';
SELECT ims.approve_soa(org_id, 'Management board') FROM ims.organization;
SELECT ims.init_soa(org_id) FROM ims.organization;
\o
