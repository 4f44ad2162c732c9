-- bench/load/setup.sql: the data of bench/load.sh, loaded as the superuser
-- into a fresh database before the load starts.
--
-- 100 organizations, each with the record of a mid-sized company extending
-- its ISMS to ISO 42001 (bench/record.sql, which bench/findings.sh uses
-- too): ten documents, three AI systems, about
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

-- pg_temp.rnd, pg_temp.pct and pg_temp.generate_record, shared with
-- bench/findings.sh.
\ir ../record.sql

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

-- Their documents, AI systems, risks, impact assessments, auditors, audits,
-- reviews and certification bodies (bench/record.sql).
CREATE TEMP VIEW bench_org AS SELECT n, org_id FROM load.org;
CALL pg_temp.generate_record(1, 100);

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
	count(*), count(*) FILTER (WHERE f.grade = 'major'), count(DISTINCT f.org_id),
	(SELECT min(k) FROM (SELECT count(*) AS k FROM ims.evaluate_findings(NULL, false) GROUP BY org_id) AS m))
FROM ims.evaluate_findings(NULL, false) AS f;
