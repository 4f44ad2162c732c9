--
-- soa: the consolidated Statement of Applicability: ims.init_soa, carrying
-- decisions over, and the immutability of approved versions.
--
SET search_path = public, ims;
SELECT create_organization('SoA Test GmbH') AS org \gset

-- a draft with one undecided entry per control of both catalogs
SELECT init_soa(:org) AS soa \gset
SELECT version, status, approved_by, approved_at, digest FROM soa WHERE org_id = :org;
SELECT standard, count(*), min(applicability), max(applicability), min(implementation), max(implementation)
FROM soa_entry WHERE org_id = :org AND soa_id = :soa GROUP BY 1 ORDER BY 1;
SELECT count(*) AS entries FROM soa_entry WHERE org_id = :org AND soa_id = :soa;

-- asking again gives the same draft, with a notice
SELECT init_soa(:org) = :soa AS same_draft;
-- a second draft cannot exist beside it
\set VERBOSITY terse
INSERT INTO soa (org_id, version) VALUES (:org, 2);
\set VERBOSITY default

-- bad arguments
SELECT init_soa(NULL);
SELECT init_soa(999999);

-- decide some entries in the draft
UPDATE soa_entry SET applicability = 'applicable(risk,legal)', implementation = 'implemented',
       justification = 'Treats the data leak risk; required by GDPR.', owner = 'CISO'
WHERE org_id = :org AND soa_id = :soa AND standard = 'iso27001:2022' AND control_id IN ('A.5.1', 'A.5.34');
UPDATE soa_entry SET applicability = 'not_applicable', justification = 'No premises of our own.'
WHERE org_id = :org AND soa_id = :soa AND standard = 'iso27001:2022' AND control_id = 'A.7.1';
UPDATE soa_entry SET applicability = 'applicable(impact)', implementation = 'partial', owner = 'Head of AI'
WHERE org_id = :org AND soa_id = :soa AND standard = 'iso42001:2023' AND control_id = 'A.5.2';
-- the two A.5.2 controls are distinct entries
SELECT standard, control_id, applicability, implementation FROM soa_entry
WHERE org_id = :org AND soa_id = :soa AND control_id = 'A.5.2' ORDER BY standard;

-- approval is refused while a major finding stands (here, undecided controls)
SELECT approve_soa(:org, 'Management board');
-- decide the rest
UPDATE soa_entry SET applicability = 'applicable(business)', justification = 'Good practice.'
WHERE org_id = :org AND soa_id = :soa AND applicability = 'undecided';
-- even an administrator cannot approve by hand with a made-up digest, nor
-- turn a draft into anything but an approved version
UPDATE soa SET status = 'approved', approved_by = 'Management board',
       approved_at = now(), digest = repeat('ab', 32)
WHERE org_id = :org AND soa_id = :soa;
UPDATE soa SET status = 'superseded', approved_by = 'Management board',
       approved_at = now(), digest = repeat('ab', 32)
WHERE org_id = :org AND soa_id = :soa;
SELECT approve_soa(:org, ' ');
-- the approval
SELECT approve_soa(:org, 'Management board') = soa_digest(:org, :soa, 'Management board') AS digest_returned;
SELECT version, status, approved_by, approved_at IS NOT NULL AS approved_at_set,
       digest = soa_digest(:org, :soa, 'Management board') AS digest_matches
FROM soa WHERE org_id = :org;

-- the approved version is immutable: its entries...
UPDATE soa_entry SET applicability = 'undecided'
WHERE org_id = :org AND soa_id = :soa AND standard = 'iso27001:2022' AND control_id = 'A.5.1';
DELETE FROM soa_entry WHERE org_id = :org AND soa_id = :soa AND control_id = 'A.7.1';
UPDATE soa_entry SET owner = 'Somebody else' WHERE org_id = :org AND soa_id = :soa;
-- ...and the version itself
UPDATE soa SET approved_by = 'Someone else' WHERE org_id = :org AND soa_id = :soa;
UPDATE soa SET status = 'draft', approved_by = NULL, approved_at = NULL, digest = NULL
WHERE org_id = :org AND soa_id = :soa;
DELETE FROM soa WHERE org_id = :org AND soa_id = :soa;
SELECT count(*) AS entries_still_there FROM soa_entry WHERE org_id = :org AND soa_id = :soa;

-- the next draft carries the approved decisions over
SELECT init_soa(:org) AS soa2 \gset
SELECT version, status FROM soa WHERE org_id = :org ORDER BY version;
SELECT count(*) AS entries,
       count(*) FILTER (WHERE n.applicability = o.applicability
                          AND n.implementation = o.implementation
                          AND n.justification IS NOT DISTINCT FROM o.justification
                          AND n.owner IS NOT DISTINCT FROM o.owner) AS carried_over
FROM soa_entry n JOIN soa_entry o USING (org_id, standard, control_id)
WHERE n.org_id = :org AND n.soa_id = :soa2 AND o.soa_id = :soa;
SELECT standard, control_id, applicability, implementation, justification, owner FROM soa_entry
WHERE org_id = :org AND soa_id = :soa2 AND applicability <> 'applicable(business)' ORDER BY standard, control_id;
-- the draft can be changed
UPDATE soa_entry SET applicability = 'applicable(risk)'
WHERE org_id = :org AND soa_id = :soa2 AND standard = 'iso27001:2022' AND control_id = 'A.8.8';

-- approving the next version supersedes the previous one, which stays frozen
SELECT length(approve_soa(:org, 'Management board')) AS digest_length;
SELECT version, status, approved_by FROM soa WHERE org_id = :org ORDER BY version;
UPDATE soa SET status = 'approved' WHERE org_id = :org AND soa_id = :soa;
UPDATE soa_entry SET owner = 'x' WHERE org_id = :org AND soa_id = :soa AND control_id = 'A.5.1';

-- superseding by hand, with no later version approved, is refused at commit
UPDATE soa SET status = 'superseded' WHERE org_id = :org AND status = 'approved';
SELECT version, status FROM soa WHERE org_id = :org ORDER BY version;

-- a standard brought into scope later joins the next draft, undecided
SELECT count(*) AS acme_controls FROM control WHERE standard = 'acme:2025';
UPDATE organization SET standards = standards || 'acme:2025'::text WHERE org_id = :org;
SELECT init_soa(:org) AS soa3 \gset
SELECT standard, count(*), count(*) FILTER (WHERE applicability <> 'undecided') AS decided
FROM soa_entry WHERE org_id = :org AND soa_id = :soa3 GROUP BY 1 ORDER BY 1;
-- and the draft cannot be approved until they are decided
SELECT approve_soa(:org, 'Management board');
-- nor by UPDATE: approve_soa checks the findings itself and seals its
-- write (the trigger may run where the validator cannot: docs/scale-out.md);
-- a write with a seal made up by hand gets the trigger's check, as one
-- with none, and no seal is made while a blocker stands
UPDATE soa SET status = 'approved', approved_by = 'Board', approved_at = now() - interval '1 second',
       digest = soa_digest(org_id, soa_id, 'Board') || ':' || repeat('0', 64)
WHERE org_id = :org AND soa_id = :soa3;
UPDATE soa SET status = 'approved', approved_by = 'Board',
       digest = soa_digest(org_id, soa_id, 'Board') || ':' || repeat('0', 64)
WHERE org_id = :org AND soa_id = :soa3;
SELECT seal_soa_approval(:org, :soa3, 'Board');
SELECT status FROM soa WHERE org_id = :org AND soa_id = :soa3;

-- the digest depends on the content only: rewriting the draft's rows in
-- another physical order, and in another order of insertion, leaves it as it was
SELECT soa_digest(:org, :soa3, 'Board') AS before_digest \gset
CREATE TEMP TABLE entries_copy AS SELECT * FROM soa_entry WHERE org_id = :org AND soa_id = :soa3;
DELETE FROM soa_entry WHERE org_id = :org AND soa_id = :soa3;
INSERT INTO soa_entry SELECT * FROM entries_copy ORDER BY control_id DESC, standard DESC;
SELECT soa_digest(:org, :soa3, 'Board') = :'before_digest' AS same_digest,
       soa_digest(:org, :soa3, 'Another approver') <> :'before_digest' AS approver_counts,
       (SELECT count(*) FROM soa_entry WHERE org_id = :org AND soa_id = :soa3) AS entries;
UPDATE soa_entry SET owner = 'Someone' WHERE org_id = :org AND soa_id = :soa3 AND control_id = 'AC-1';
SELECT soa_digest(:org, :soa3, 'Board') <> :'before_digest' AS content_counts;
SELECT soa_digest(:org, 999999, 'Board') IS NULL AS unknown_version_is_null;
DROP TABLE entries_copy;

-- a draft may be thrown away, with its entries
DELETE FROM soa WHERE org_id = :org AND soa_id = :soa3;
SELECT count(*) FROM soa_entry WHERE org_id = :org AND soa_id = :soa3;

-- an organization scoped to ISO 27001 alone gets its 93 controls
SELECT create_organization('ISMS Only AG') AS isms_only \gset
UPDATE organization SET standards = '{iso27001:2022}' WHERE org_id = :isms_only;
SELECT init_soa(:isms_only) AS isms_soa \gset
SELECT standard, count(*) FROM soa_entry WHERE org_id = :isms_only AND soa_id = :isms_soa GROUP BY 1;

-- the server stamps an approval: approved_at is the time of the approving
-- transaction and approving_role the role that approves, however the
-- UPDATE is written and whoever writes it; a draft's created_at is the
-- server's too
SELECT version, approving_role = current_user AS stamped_role FROM soa WHERE org_id = :org ORDER BY version;
-- (on the ISO 27001 organization's draft; explicit soa_ids leave the sequence as it was)
\set stamp :isms_only
\set stamp_soa :isms_soa
UPDATE soa_entry SET applicability = 'applicable(risk)', justification = 'Treats risks.' WHERE org_id = :stamp;
UPDATE soa SET created_at = '2001-01-01 00:00:00+00' WHERE org_id = :stamp AND soa_id = :stamp_soa;
UPDATE soa SET status = 'approved', approved_by = 'Board', approved_at = '2001-02-03 04:05:06+00',
       digest = soa_digest(org_id, soa_id, 'Board')
WHERE org_id = :stamp AND soa_id = :stamp_soa;
UPDATE soa SET status = 'approved', approved_by = 'Board', approved_at = now(),
       approving_role = 'regress_pg_ims_someone_else', digest = soa_digest(org_id, soa_id, 'Board')
WHERE org_id = :stamp AND soa_id = :stamp_soa;
BEGIN;
UPDATE soa SET status = 'approved', approved_by = 'Board', digest = soa_digest(org_id, soa_id, 'Board')
WHERE org_id = :stamp AND soa_id = :stamp_soa;
SELECT status, approved_at = now() AS at_transaction_time, approved_at >= created_at AS after_draft,
       approving_role = current_user AS by_current_role,
       digest = soa_digest(org_id, soa_id, 'Board') AS digest_matches
FROM soa WHERE org_id = :stamp AND soa_id = :stamp_soa;
COMMIT;
-- an editor's new draft starts now, whatever the INSERT says
CREATE ROLE regress_pg_ims_stamp_editor;
SELECT grant_access(:stamp, 'regress_pg_ims_stamp_editor', 'edit');
SET SESSION AUTHORIZATION regress_pg_ims_stamp_editor;
INSERT INTO soa (org_id, soa_id, version, created_at) VALUES (:stamp, 900001, 2, '2001-01-01 00:00:00+00');
INSERT INTO soa (org_id, soa_id, version) VALUES (:stamp, 900001, 2);
RESET SESSION AUTHORIZATION;
SELECT version, status, created_at > now() - interval '1 hour' AS created_now
FROM soa WHERE org_id = :stamp ORDER BY version;
DELETE FROM soa WHERE org_id = :stamp AND version = 2;
DELETE FROM org_access WHERE org_id = :stamp;
DROP ROLE regress_pg_ims_stamp_editor;
-- a restore (a record admin inserting) keeps the approval as it was written
INSERT INTO soa (org_id, soa_id, version, status, approved_by, approved_at, digest, created_at, approving_role)
VALUES (:stamp, 900002, 7, 'superseded', 'Old board', '2020-01-01 00:00:00+00', repeat('c', 64),
        '2019-12-01 00:00:00+00', 'regress_pg_ims_gone');
SELECT version, status, approved_at = '2020-01-01 00:00:00+00' AS kept_approved_at,
       created_at = '2019-12-01 00:00:00+00' AS kept_created_at, approving_role
FROM soa WHERE org_id = :stamp AND version = 7;
SET session_replication_role = replica;
DELETE FROM soa WHERE org_id = :stamp AND version = 7;
RESET session_replication_role;
