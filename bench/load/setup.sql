-- bench/load/setup.sql: the data of bench/load.sh, loaded as the superuser
-- into a fresh database before the load starts.
--
-- 100 organizations, each with the record of a mid-sized company extending
-- its ISMS to ISO 42001 (after scripts/sample_organization.sql and the
-- generator of bench/findings.sh): ten documents, three AI systems, about
-- twenty risks with their controls, impact assessments, one consolidated
-- SoA draft of 131 entries, fifty evidence rows, auditors, audits, reviews
-- and a certification body, with the gaps such companies have, so that
-- ims.integration_findings has real work and real findings for every
-- organization.
--
-- Organizations are made the way a DBA makes them, with
-- ims.create_organization and ims.init_soa; the rest is inserted
-- set-based.  One organization in ten gets a fully decided SoA that is
-- approved with ims.approve_soa before the load, then a new draft
-- (ims.init_soa carries the decisions over) that the load edits: the
-- approved version and its digest must come through the load untouched.
--
-- Everything the bench itself needs lives in schema "load", outside the
-- extension: the organization and control numbering the pgbench scripts
-- draw from, the digests returned at approval, and the log of SoA edits
-- that lets load.sh tell whether an edit was lost.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

CREATE EXTENSION pg_ims;

-- The role the pgbench clients log in as: an ordinary login role, no
-- superuser, no BYPASSRLS, not the owner of the tables, so every row they
-- read or write goes through row-level security (docs/tenancy.md).  It
-- needs no privilege on ims itself, only a capability per organization
-- (granted at the end).
CREATE ROLE ims_load LOGIN;

-- A deterministic number in [0, 2^31) for a (salt, a, b) triple, and the
-- same as a percentage: the same data on every run.
CREATE FUNCTION pg_temp.rnd(salt integer, a bigint, b bigint DEFAULT 0) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (hashint8(a * 1000003 + b * 7919 + salt * 104729) & 2147483647)::integer;
CREATE FUNCTION pg_temp.pct(salt integer, a bigint, b bigint DEFAULT 0) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN pg_temp.rnd(salt, a, b) % 100;

CREATE SCHEMA load;

-- Organization n (1..100) of the bench and its real org_id.  load.sh
-- checks that the ids are contiguous and hands the range to pgbench.
CREATE TABLE load.org (n integer PRIMARY KEY, org_id bigint NOT NULL UNIQUE);

-- Control n (1..131) of both catalogs, in catalog order, with the kinds of
-- evidence its catalog entry suggests: what pgbench's random(1, 131)
-- stands for.
CREATE TABLE load.control (
	n integer PRIMARY KEY,
	standard text NOT NULL,
	control_id text NOT NULL,
	kinds text[] NOT NULL,
	UNIQUE (standard, control_id)
);
INSERT INTO load.control
SELECT row_number() OVER (ORDER BY standard, ordinal), standard, control_id, evidence_kinds
FROM ims.control WHERE standard IN ('iso27001:2022', 'iso42001:2023');

-- Every SoA edit of the load, written in the same transaction after its
-- UPDATE took the entry's row lock: of two edits of one entry, the later
-- to commit gets the higher id, so the last id per entry names the value
-- that must be in ims.soa_entry afterwards.
CREATE TABLE load.edit_log (
	id bigserial PRIMARY KEY,
	org_id bigint NOT NULL,
	soa_id bigint NOT NULL,
	standard text NOT NULL,
	control_id text NOT NULL,
	applicability text NOT NULL,
	justification text,
	implementation text NOT NULL
);

-- The SoA versions approved before the load, with the digest
-- ims.approve_soa returned.
CREATE TABLE load.approved (
	org_id bigint PRIMARY KEY,
	soa_id bigint NOT NULL,
	version integer NOT NULL,
	approved_by text NOT NULL,
	digest text NOT NULL
);

INSERT INTO load.org (n, org_id)
SELECT i, ims.create_organization(format('Load organization %s', i),
		CASE WHEN pg_temp.pct(2, i) < 90 THEN format('IMS owner %s', i) END)
FROM generate_series(1, 100) AS i;

UPDATE ims.organization o
SET integration_model = CASE WHEN pg_temp.pct(1, g.n) < 70 THEN 'structural_extension'
							 WHEN pg_temp.pct(1, g.n) < 85 THEN 'bolt_on' ELSE 'undecided' END,
	scope_statement = 'The SaaS platform, its operations and its AI systems'
FROM load.org g WHERE o.org_id = g.org_id;

-- Ten documents: nine topics, and a tenth that is either a second incident
-- procedure written for ISO 42001 only (INT003) or an integrated
-- communication procedure; now and then a procedure covers ISO 27001 only
-- (INT004).
INSERT INTO ims.document (org_id, kind, topic, title, covers, version, owner, approved_by)
SELECT g.org_id, t.kind, t.topic, t.title,
	CASE WHEN t.n = 6 AND d.dup THEN '{iso27001:2022}'
		 WHEN t.n = 10 AND d.dup THEN '{iso42001:2023}'
		 WHEN t.n > 1 AND pg_temp.pct(4, g.n, t.n) < 8 THEN '{iso27001:2022}'
		 ELSE '{iso27001:2022,iso42001:2023}' END::text[],
	format('%s.%s', 1 + pg_temp.rnd(5, g.n, t.n) % 4, pg_temp.rnd(6, g.n, t.n) % 10),
	'Quality office',
	CASE WHEN t.n = 1 THEN 'Management board' ELSE format('IMS owner %s', g.n) END
FROM load.org g
CROSS JOIN LATERAL (SELECT pg_temp.pct(3, g.n) < 30 AS dup) AS d
CROSS JOIN LATERAL (VALUES
	(1, 'policy', 'policy', 'Information security and AI policy'),
	(2, 'procedure', 'document_control', 'Control of documented information'),
	(3, 'procedure', 'internal_audit', 'Internal audit procedure'),
	(4, 'procedure', 'management_review', 'Management review procedure'),
	(5, 'procedure', 'risk_assessment', 'Risk assessment methodology'),
	(6, 'procedure', 'incident', 'Incident management'),
	(7, 'procedure', 'competence', 'Competence and awareness'),
	(8, 'procedure', 'nonconformity', 'Nonconformity and corrective action'),
	(9, 'procedure', 'supplier', 'Supplier management'),
	(10, 'procedure', CASE WHEN d.dup THEN 'incident' ELSE 'communication' END,
		CASE WHEN d.dup THEN 'AI incident and concern handling' ELSE 'Communication procedure' END)
) AS t(n, kind, topic, title)
ORDER BY g.n, t.n;

-- Three AI systems, the sample organization's; a few retired or out of
-- scope.
INSERT INTO ims.ai_system (org_id, name, intended_use, foreseeable_misuse, lifecycle_stage,
	in_scope, last_significant_change)
SELECT g.org_id, s.name, s.use, 'Use outside its intended purpose',
	CASE WHEN pg_temp.pct(7, g.n, s.n) < 10 THEN 'design'
		 WHEN pg_temp.pct(7, g.n, s.n) < 20 THEN 'development'
		 WHEN pg_temp.pct(7, g.n, s.n) < 30 THEN 'verification'
		 WHEN pg_temp.pct(7, g.n, s.n) < 50 THEN 'deployment'
		 WHEN pg_temp.pct(7, g.n, s.n) < 97 THEN 'operation' ELSE 'retired' END,
	pg_temp.pct(8, g.n, s.n) < 95,
	current_date - (150 + pg_temp.rnd(9, g.n, s.n) % 900)
FROM load.org g
CROSS JOIN (VALUES (1, 'Support assistant', 'Answers customer questions'),
	(2, 'CV screening model', 'Ranks job applications for recruiters'),
	(3, 'Fraud scoring model', 'Scores card payments for fraud')) AS s(n, name, use)
ORDER BY g.n, s.n;

-- 18 to 22 risks in one register: twelve of a CIA type (some with CVSS),
-- the rest of an AI type, most linked to an AI system; one organization in
-- five forgot the AI risks of its third system (RSK001), bolt-on ones
-- mostly keep a register of their own (INT005), a few risks lack a
-- treatment or an owner (RSK002).
INSERT INTO ims.risk (org_id, register, title, risk_type, ai_system_id, asset, likelihood,
	impact, cvss, treatment, owner)
SELECT g.org_id,
	CASE WHEN a.ai AND o.integration_model = 'bolt_on' AND pg_temp.pct(10, g.n) < 70
		 THEN 'aims_register' ELSE 'integrated' END,
	format('Risk %s of organization %s', k, g.n),
	CASE WHEN a.ai THEN (ARRAY['harm_to_individuals', 'harm_to_groups', 'harm_to_society',
			'human_rights', 'fairness', 'transparency', 'accountability', 'safety',
			'ai_security', 'privacy', 'robustness', 'environmental', 'data_quality',
			'maintainability'])[1 + pg_temp.rnd(11, g.n, k) % 14]
		 ELSE (ARRAY['confidentiality', 'integrity', 'availability'])[1 + pg_temp.rnd(11, g.n, k) % 3]
	END::ims.risk_type,
	CASE WHEN a.ai AND pg_temp.pct(12, g.n, k) < 90
			THEN sys.system_id[CASE WHEN k % 3 = 2 AND pg_temp.pct(13, g.n) < 20 THEN 1 ELSE 1 + k % 3 END]
		 WHEN NOT a.ai AND pg_temp.pct(12, g.n, k) < 15 THEN sys.system_id[1 + k % 3] END,
	format('Asset %s', 1 + pg_temp.rnd(14, g.n, k) % 8),
	1 + pg_temp.rnd(15, g.n, k) % 5, 1 + pg_temp.rnd(16, g.n, k) % 5,
	CASE WHEN NOT a.ai AND pg_temp.pct(17, g.n, k) < 40 THEN (pg_temp.rnd(18, g.n, k) % 101) / 10.0 END,
	CASE WHEN pg_temp.pct(19, g.n, k) >= 3
		 THEN (ARRAY['mitigate', 'mitigate', 'accept', 'avoid', 'transfer'])[1 + pg_temp.rnd(20, g.n, k) % 5] END,
	CASE WHEN pg_temp.pct(21, g.n, k) >= 3 THEN format('Risk owner %s', 1 + pg_temp.rnd(22, g.n, k) % 5) END
FROM load.org g
JOIN ims.organization o ON o.org_id = g.org_id
CROSS JOIN LATERAL (SELECT array_agg(s.system_id ORDER BY s.system_id) AS system_id
	FROM ims.ai_system s WHERE s.org_id = g.org_id) AS sys
CROSS JOIN LATERAL generate_series(1, 18 + pg_temp.rnd(23, g.n) % 5) AS k
CROSS JOIN LATERAL (SELECT k > 12 AS ai) AS a
ORDER BY g.n, k;

-- Each risk treated by one or two controls of its own domain's catalog, as
-- in the sample organization.
INSERT INTO ims.risk_control (org_id, risk_id, standard, control_id)
SELECT DISTINCT r.org_id, r.risk_id, c.standard, c.control_id
FROM ims.risk r
CROSS JOIN generate_series(1, 2) AS j
JOIN load.control c ON c.n = CASE WHEN ims.risk_domain(r.risk_type) = 'ai'
		THEN 94 + pg_temp.rnd(64, r.risk_id, j) % 38
		ELSE 1 + pg_temp.rnd(64, r.risk_id, j) % 93 END
WHERE j = 1 OR pg_temp.pct(65, r.risk_id) < 40;

-- Impact assessments: most systems have one, some an older one too; now
-- and then overdue or older than the last change (AIA002), with a blank
-- question (AIA003), or missing (AIA001).
INSERT INTO ims.impact_assessment (org_id, system_id, assessed_on, individuals, groups, society,
	severity, foreseeable_misuse, stakeholder_views, approved_by, next_review)
SELECT s.org_id, s.system_id, d.assessed_on,
	CASE WHEN v.latest AND pg_temp.pct(26, s.system_id) < 3 THEN NULL ELSE 'Applicants ranked unfairly' END,
	CASE WHEN v.latest AND pg_temp.pct(27, s.system_id) < 3 THEN NULL ELSE 'Older applicants' END,
	CASE WHEN v.latest AND pg_temp.pct(28, s.system_id) < 3 THEN NULL ELSE 'Trust in hiring' END,
	(ARRAY['low', 'medium', 'high', 'critical'])[1 + pg_temp.rnd(29, s.system_id) % 4],
	CASE WHEN v.latest AND pg_temp.pct(30, s.system_id) < 4 THEN '' ELSE 'Automatic rejection' END,
	CASE WHEN v.latest AND pg_temp.pct(31, s.system_id) < 5 THEN NULL ELSE 'Works council consulted' END,
	'IMS owner', d.assessed_on + 365
FROM ims.ai_system s
CROSS JOIN LATERAL (VALUES (false), (true)) AS v(latest)
CROSS JOIN LATERAL (SELECT current_date - (pg_temp.rnd(25, s.system_id) % 480)
	- CASE WHEN v.latest THEN 0 ELSE 400 END AS assessed_on) AS d
WHERE pg_temp.pct(24, s.system_id) < 88
  AND (v.latest OR pg_temp.pct(32, s.system_id) < 30)
ORDER BY s.org_id, s.system_id, v.latest;

-- The consolidated SoA draft of every organization: 131 undecided entries.
SELECT count(ims.init_soa(g.org_id)) AS drafts FROM load.org g \gset

-- One organization in ten decided every control (a tenth excluded, with a
-- justification), so that its draft has no major finding, and approved it.
-- The approval is done by the superuser here, as a record admin may; the
-- load role only holds edit.
UPDATE ims.soa_entry e
SET applicability = CASE WHEN pg_temp.pct(70, g.n, c.n) < 10 THEN 'not_applicable'
						 WHEN c.standard = 'iso42001:2023' THEN 'applicable(risk,impact)'
						 ELSE 'applicable(risk)' END::ims.applicability,
	justification = CASE WHEN pg_temp.pct(70, g.n, c.n) < 10 THEN 'No such activity in scope'
						 ELSE 'Selected by risk treatment' END,
	implementation = CASE WHEN pg_temp.pct(70, g.n, c.n) < 10 THEN 'not_started'
						  WHEN pg_temp.pct(71, g.n, c.n) < 60 THEN 'implemented' ELSE 'partial' END,
	owner = format('Control owner %s', 1 + pg_temp.rnd(40, g.n, c.n) % 6)
FROM load.org g, load.control c, ims.soa s
WHERE g.n % 10 = 0 AND s.org_id = g.org_id AND s.status = 'draft'
  AND e.org_id = s.org_id AND e.soa_id = s.soa_id
  AND e.standard = c.standard AND e.control_id = c.control_id;

DO $$
DECLARE
	g record;
BEGIN
	FOR g IN SELECT o.org_id, s.soa_id, s.version FROM load.org o
			 JOIN ims.soa s ON s.org_id = o.org_id AND s.status = 'draft'
			 WHERE o.n % 10 = 0 ORDER BY o.n
	LOOP
		INSERT INTO load.approved (org_id, soa_id, version, approved_by, digest)
		VALUES (g.org_id, g.soa_id, g.version, 'Management board',
				ims.approve_soa(g.org_id, 'Management board'));
	END LOOP;
END
$$;

-- Their next draft, version 2, carrying the approved decisions over: the
-- load edits it while version 1 stays in force.
SELECT count(ims.init_soa(a.org_id)) AS redrafts FROM load.approved a \gset

-- The other drafts are work in progress: a few entries still undecided
-- (SOA004), a few exclusions without a justification (SOA005, SOA009),
-- applicable controls mostly with reasons (SOA006 when not) and
-- implemented to various degrees.
UPDATE ims.soa_entry e
SET applicability = x.applicability::ims.applicability,
	justification = CASE WHEN x.decision = 'not_applicable' AND pg_temp.pct(38, g.n, c.n) >= 12
						 THEN 'No such activity in scope'
						 WHEN x.decision = 'applicable' THEN 'Selected by risk treatment' END,
	implementation = CASE WHEN x.decision <> 'applicable' THEN 'not_started'
						  WHEN pg_temp.pct(39, g.n, c.n) < 35 THEN 'implemented'
						  WHEN pg_temp.pct(39, g.n, c.n) < 60 THEN 'partial'
						  WHEN pg_temp.pct(39, g.n, c.n) < 80 THEN 'planned' ELSE 'not_started' END,
	owner = format('Control owner %s', 1 + pg_temp.rnd(40, g.n, c.n) % 6)
FROM load.org g
JOIN ims.soa s ON s.org_id = g.org_id AND s.status = 'draft'
CROSS JOIN load.control c
CROSS JOIN LATERAL (SELECT CASE
		WHEN pg_temp.pct(35, g.n, c.n) < pg_temp.rnd(36, g.n) % 6 THEN 'undecided'
		WHEN pg_temp.pct(37, g.n, c.n) < 10 THEN 'not_applicable'
		ELSE 'applicable' END AS decision) AS d
CROSS JOIN LATERAL (SELECT d.decision, CASE d.decision
		WHEN 'applicable' THEN CASE
			WHEN pg_temp.pct(41, g.n, c.n) < 2 THEN 'applicable'
			WHEN c.standard = 'iso42001:2023' AND pg_temp.pct(41, g.n, c.n) < 40 THEN 'applicable(risk,impact)'
			WHEN pg_temp.pct(41, g.n, c.n) < 60 THEN 'applicable(risk)'
			WHEN pg_temp.pct(41, g.n, c.n) < 75 THEN 'applicable(risk,legal)'
			WHEN pg_temp.pct(41, g.n, c.n) < 88 THEN 'applicable(contract,business)'
			ELSE 'applicable(interested_party)' END
		ELSE d.decision END AS applicability) AS x
WHERE g.n % 10 <> 0
  AND e.org_id = s.org_id AND e.soa_id = s.soa_id
  AND e.standard = c.standard AND e.control_id = c.control_id;

-- Fifty pieces of evidence: most on implemented controls, of a kind the
-- catalog suggests, the rest on any control; some expired (SOA007), some
-- without expiry, and now and then a penetration test for an ISO 42001
-- control (SOA008).
INSERT INTO ims.evidence (org_id, standard, control_id, kind, title, uri, collected_on, valid_until)
SELECT g.org_id, c.standard, c.control_id,
	CASE WHEN c.standard = 'iso42001:2023' AND pg_temp.pct(44, g.n, j) < 10 THEN 'pentest_report'
		 ELSE c.kinds[1 + pg_temp.rnd(45, g.n, j) % cardinality(c.kinds)] END,
	format('Evidence %s', j), format('https://evidence.example/%s/%s', g.n, j),
	current_date - pg_temp.rnd(46, g.n, j) % 420,
	CASE WHEN pg_temp.pct(47, g.n, j) >= 20 THEN current_date - pg_temp.rnd(46, g.n, j) % 420 + 365 END
FROM load.org g
CROSS JOIN LATERAL (SELECT array_agg(l.n ORDER BY pg_temp.rnd(48, g.n, l.n), l.n) AS ns
	FROM ims.soa s
	JOIN ims.soa_entry e ON e.org_id = s.org_id AND e.soa_id = s.soa_id
	JOIN load.control l ON l.standard = e.standard AND l.control_id = e.control_id
	WHERE s.org_id = g.org_id AND s.status = 'draft' AND e.implementation = 'implemented') AS impl
CROSS JOIN generate_series(1, 50) AS j
JOIN load.control c ON c.n = CASE
	WHEN j <= 45 AND coalesce(cardinality(impl.ns), 0) > 0 THEN impl.ns[1 + (j - 1) % cardinality(impl.ns)]
	ELSE 1 + pg_temp.rnd(49, g.n, j) % 131 END
ORDER BY g.n, j;

-- Two internal auditors, the lead one now and then without an ISO 42001
-- competence record (AUD002).
INSERT INTO ims.auditor (org_id, name, competence, training_record)
SELECT g.org_id, a.name,
	CASE WHEN a.n = 1 AND pg_temp.pct(50, g.n) >= 20 THEN '{iso27001:2022,iso42001:2023}'
		 ELSE '{iso27001:2022}' END::text[],
	'Lead auditor course'
FROM load.org g
CROSS JOIN (VALUES (1, 'Lead auditor'), (2, 'Second auditor')) AS a(n, name)
ORDER BY g.n, a.n;

-- Last year's audit of the ISMS alone and this cycle's, usually recent and
-- over both standards (AUD001 otherwise).
INSERT INTO ims.internal_audit (org_id, cycle, performed_on, covers, lead_auditor_id)
SELECT g.org_id, format('cycle %s', v.n),
	current_date - pg_temp.rnd(51, g.n) % 470 - CASE WHEN v.n = 1 THEN 365 ELSE 0 END,
	CASE WHEN v.n = 2 AND pg_temp.pct(52, g.n) < 85 THEN '{iso27001:2022,iso42001:2023}'
		 ELSE '{iso27001:2022}' END::text[],
	CASE WHEN v.n = 1 OR pg_temp.pct(53, g.n) >= 5 THEN
		(SELECT min(u.auditor_id) FROM ims.auditor u WHERE u.org_id = g.org_id) END
FROM load.org g
CROSS JOIN (VALUES (1), (2)) AS v(n)
ORDER BY g.n, v.n;

-- Management reviews, the same way; the latest agenda now and then lacks
-- AIMS inputs (MRV002).
INSERT INTO ims.management_review (org_id, held_on, chair, covers, agenda)
SELECT g.org_id, current_date - pg_temp.rnd(54, g.n) % 450 - CASE WHEN v.n = 1 THEN 365 ELSE 0 END,
	'CEO',
	CASE WHEN v.n = 2 AND pg_temp.pct(55, g.n) < 85 THEN '{iso27001:2022,iso42001:2023}'
		 ELSE '{iso27001:2022}' END::text[],
	ARRAY['isms_objectives', 'audit_results', 'security_risks']
		|| CASE WHEN v.n = 1 THEN '{}'::text[]
				WHEN pg_temp.pct(56, g.n) < 70
				THEN ARRAY['ai_objectives', 'ai_system_performance', 'ai_risks', 'impact_assessment_outcomes']
				ELSE ARRAY['ai_objectives', 'ai_risks'] END
FROM load.org g
CROSS JOIN (VALUES (1), (2)) AS v(n)
WHERE v.n = 2 OR pg_temp.pct(57, g.n) < 50
ORDER BY g.n, v.n;

-- A certification body for most, accredited for ISO 42001 too in most
-- cases (CRT001 otherwise), a combined audit window confirmed in about half
-- (CRT002).
INSERT INTO ims.certification_body (org_id, name, accredited_for, combined_audit_confirmed)
SELECT g.org_id, format('Certification body %s', 1 + pg_temp.rnd(58, g.n) % 7),
	CASE WHEN pg_temp.pct(59, g.n) < 75 THEN '{iso27001:2022,iso42001:2023}'
		 ELSE '{iso27001:2022}' END::text[],
	pg_temp.pct(60, g.n) < 55
FROM load.org g
WHERE pg_temp.pct(61, g.n) < 92;

-- The load role edits every organization: one grant each, as a DBA gives
-- it; it reads the bench's numbering and writes the edit log.
SELECT count(ims.grant_access(g.org_id, 'ims_load', 'edit')) AS grants FROM load.org g \gset
GRANT USAGE ON SCHEMA load TO ims_load;
GRANT SELECT ON load.org, load.control TO ims_load;
GRANT INSERT ON load.edit_log TO ims_load;
GRANT USAGE ON SEQUENCE load.edit_log_id_seq TO ims_load;

-- Lock waits longer than deadlock_timeout (1 s) go to the server log, so
-- that load.sh can report them; they are not failures, but a sign of
-- contention the extension's own locks cause.
ALTER SYSTEM SET log_lock_waits = on;
SELECT pg_reload_conf() AS reloaded \gset

VACUUM ANALYZE;
CHECKPOINT;

-- What the load starts from, so a reader can judge it.
SELECT format('setup: pg_ims %s; %s organizations (org_id %s..%s), %s SoA entries in %s drafts, %s approved before the load; '
		'%s documents, %s AI systems, %s risks, %s impact assessments, %s evidence rows; '
		'%s findings (%s major) in %s organizations, %s per organization at least',
	(SELECT extversion FROM pg_extension WHERE extname = 'pg_ims'),
	(SELECT count(*) FROM load.org), (SELECT min(org_id) FROM load.org), (SELECT max(org_id) FROM load.org),
	(SELECT count(*) FROM ims.soa_entry e JOIN ims.soa s USING (org_id, soa_id) WHERE s.status = 'draft'),
	(SELECT count(*) FROM ims.soa WHERE status = 'draft'),
	(SELECT count(*) FROM ims.soa WHERE status = 'approved'),
	(SELECT count(*) FROM ims.document), (SELECT count(*) FROM ims.ai_system),
	(SELECT count(*) FROM ims.risk), (SELECT count(*) FROM ims.impact_assessment),
	(SELECT count(*) FROM ims.evidence),
	count(*), count(*) FILTER (WHERE f.severity = 'major'), count(DISTINCT f.org_id),
	(SELECT min(k) FROM (SELECT count(*) AS k FROM ims.evaluate_findings(NULL, false) GROUP BY org_id) AS m))
FROM ims.evaluate_findings(NULL, false) AS f;
