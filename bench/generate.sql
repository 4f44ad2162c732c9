-- bench/generate.sql: organizations with the synthetic record of
-- bench/record.sql and a consolidated SoA with evidence and risk
-- treatment, set-based: CALL pg_temp.generate(first_org, last_org) writes
-- organizations first_org .. last_org with those org_ids.  \i'd by
-- bench/findings.sh, bench/scale.sh and scripts/citus-check.sh after
-- bench/record.sql and a temporary view pg_temp.bench_org (n, org_id).

-- How an organization keeps its SoA: 'approved', 'draft', 'none' (SOA001)
-- or 'split' (two partial SoAs, SOA002; bolt-on organizations only).
CREATE FUNCTION pg_temp.soa_shape(i bigint) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN pg_temp.pct(63, i) = 0 THEN 'none'
	WHEN pg_temp.pct(1, i) BETWEEN 70 AND 84 AND pg_temp.pct(62, i) < 6 THEN 'split'
	WHEN pg_temp.pct(33, i) < 35 THEN 'approved' ELSE 'draft' END;

-- Organizations first_org .. last_org and their whole record, set-based.
-- Rows go in organization by organization, as applications record them,
-- so that one organization's rows share heap pages: scattered rows would
-- make every per-organization index scan touch a page per row, and the
-- bench would measure the layout rather than the validator.
-- Shares are chosen so that every organization has some findings and none
-- has all: most got the integration right, some did not.
CREATE PROCEDURE pg_temp.generate(first_org bigint, last_org bigint)
LANGUAGE plpgsql AS $gen$
BEGIN
	INSERT INTO ims.organization (org_id, name, integration_model, ims_owner, scope_statement)
	SELECT i, format('Synthetic organization %s', i),
		CASE WHEN pg_temp.pct(1, i) < 70 THEN 'structural_extension'
			 WHEN pg_temp.pct(1, i) < 85 THEN 'bolt_on' ELSE 'undecided' END,
		CASE WHEN pg_temp.pct(2, i) < 90 THEN format('IMS owner %s', i) END,
		'The SaaS platform, its operations and its AI systems'
	FROM generate_series(first_org, last_org) AS i;
	PERFORM setval('ims.organization_org_id_seq', last_org);

	-- Documents, AI systems, risks, impact assessments, auditors, audits,
	-- reviews and certification bodies (bench/record.sql).
	CALL pg_temp.generate_record(first_org::integer, last_org::integer);

	-- One consolidated SoA per organization: about a third approved (by the
	-- policy's approver, or now and then by someone else: SOA010), the rest
	-- drafts in progress.  The exceptions an auditor meets: one organization
	-- in a hundred has no SoA yet (SOA001), and a few bolt-on organizations
	-- keep two, an approved one for ISO 27001 and a draft for ISO 42001
	-- (SOA002).  Approved versions are written directly, as a restore would
	-- (superusers may), with a placeholder digest: the validator does not
	-- read it.
	INSERT INTO ims.soa (org_id, version, status, approved_by, approved_at, digest)
	SELECT i, v.version,
		CASE WHEN approved THEN 'approved' ELSE 'draft' END,
		CASE WHEN approved THEN CASE WHEN pg_temp.pct(34, i) < 25 THEN 'CISO' ELSE 'Management board' END END,
		CASE WHEN approved THEN now() - interval '90 days' END,
		CASE WHEN approved THEN encode(sha256(convert_to(format('bench soa %s/%s', i, v.version), 'UTF8')), 'hex') END
	FROM generate_series(first_org, last_org) AS i
	CROSS JOIN (VALUES (1), (2)) AS v(version)
	CROSS JOIN LATERAL (SELECT pg_temp.soa_shape(i) AS shape) AS sh
	CROSS JOIN LATERAL (SELECT sh.shape = 'approved' OR (sh.shape = 'split' AND v.version = 1) AS approved) AS a
	WHERE sh.shape <> 'none' AND (v.version = 1 OR sh.shape = 'split')
	ORDER BY i, v.version;

	-- One entry per control of both catalogs (131), as ims.init_soa makes
	-- them, with decisions already taken.  A draft is still being worked
	-- on: a few entries undecided (SOA004), a few exclusions without a
	-- justification (SOA005, SOA009), now and then a control missing
	-- (SOA003).  Applicable controls mostly carry reasons (SOA006 when not)
	-- and are implemented to various degrees.
	INSERT INTO ims.soa_entry (org_id, soa_id, standard, control_id, applicability, justification,
		implementation, owner)
	SELECT s.org_id, s.soa_id, c.standard, c.control_id, x.applicability::ims.applicability,
		CASE WHEN x.decision = 'not_applicable'
				  AND (s.status = 'approved' OR pg_temp.pct(38, s.org_id, c.n) >= 12)
			 THEN 'No such activity in scope'
			 WHEN x.decision = 'applicable' THEN 'Selected by risk treatment' END,
		CASE WHEN x.decision <> 'applicable' THEN 'not_started'
			 WHEN pg_temp.pct(39, s.org_id, c.n) < 35 THEN 'implemented'
			 WHEN pg_temp.pct(39, s.org_id, c.n) < 60 THEN 'partial'
			 WHEN pg_temp.pct(39, s.org_id, c.n) < 80 THEN 'planned' ELSE 'not_started' END,
		format('Control owner %s', 1 + pg_temp.rnd(40, s.org_id, c.n) % 6)
	FROM ims.soa s
	CROSS JOIN (SELECT standard, control_id, row_number() OVER (ORDER BY standard, ordinal) AS n
		FROM ims.control WHERE standard IN ('iso27001:2022', 'iso42001:2023')) AS c
	CROSS JOIN LATERAL (SELECT CASE
			WHEN s.status = 'draft' AND pg_temp.pct(35, s.org_id, c.n) < pg_temp.rnd(36, s.org_id) % 6
				THEN 'undecided'
			WHEN pg_temp.pct(37, s.org_id, c.n) < 10 THEN 'not_applicable'
			ELSE 'applicable' END AS decision) AS d
	CROSS JOIN LATERAL (SELECT d.decision, CASE d.decision
			WHEN 'applicable' THEN CASE
				WHEN pg_temp.pct(41, s.org_id, c.n) < 2 THEN 'applicable'
				WHEN c.standard = 'iso42001:2023' AND pg_temp.pct(41, s.org_id, c.n) < 40 THEN 'applicable(risk,impact)'
				WHEN pg_temp.pct(41, s.org_id, c.n) < 60 THEN 'applicable(risk)'
				WHEN pg_temp.pct(41, s.org_id, c.n) < 75 THEN 'applicable(risk,legal)'
				WHEN pg_temp.pct(41, s.org_id, c.n) < 88 THEN 'applicable(contract,business)'
				ELSE 'applicable(interested_party)' END
			ELSE d.decision END AS applicability) AS x
	WHERE s.org_id BETWEEN first_org AND last_org
	  AND NOT (pg_temp.soa_shape(s.org_id) = 'split' AND (s.version = 1) <> (c.standard = 'iso27001:2022'))
	  AND NOT (s.status = 'draft' AND pg_temp.pct(42, s.org_id) < 5
			   AND c.n = 1 + pg_temp.rnd(43, s.org_id) % 131)
	ORDER BY s.org_id, s.soa_id, c.n;

	-- Fifty pieces of evidence: most on implemented controls, the rest on
	-- any control; some expired (SOA007 then), some without expiry.  ISO
	-- 27001 controls get information security or management evidence, ISO
	-- 42001 controls AI or management evidence, except now and then a
	-- penetration test or the like (SOA008).
	INSERT INTO ims.evidence (org_id, standard, control_id, kind, title, uri, collected_on, valid_until)
	SELECT o.org_id, c.standard, c.control_id,
		CASE WHEN c.standard = 'iso27001:2022' OR pg_temp.pct(44, o.org_id, j) < 12
			 THEN k.infosec[1 + pg_temp.rnd(45, o.org_id, j) % cardinality(k.infosec)]
			 ELSE k.ai[1 + pg_temp.rnd(45, o.org_id, j) % cardinality(k.ai)] END,
		format('Evidence %s', j), format('https://evidence.example/%s/%s', o.org_id, j),
		current_date - pg_temp.rnd(46, o.org_id, j) % 420,
		CASE WHEN pg_temp.pct(47, o.org_id, j) >= 20
			 THEN current_date - pg_temp.rnd(46, o.org_id, j) % 420 + 365 END
	FROM ims.organization o
	CROSS JOIN (SELECT array_agg(code ORDER BY code) FILTER (WHERE domain <> 'ai') AS infosec,
			array_agg(code ORDER BY code) FILTER (WHERE domain <> 'information_security') AS ai
		FROM ims.evidence_kind) AS k
	CROSS JOIN LATERAL (SELECT array_agg(e.standard ORDER BY pg_temp.rnd(48, o.org_id, hashtext(e.control_id)), e.control_id) AS std,
			array_agg(e.control_id ORDER BY pg_temp.rnd(48, o.org_id, hashtext(e.control_id)), e.control_id) AS ctl
		FROM ims.soa_entry e WHERE e.org_id = o.org_id AND e.implementation = 'implemented') AS impl
	CROSS JOIN (SELECT array_agg(standard ORDER BY standard, ordinal) AS std,
			array_agg(control_id ORDER BY standard, ordinal) AS ctl
		FROM ims.control WHERE standard IN ('iso27001:2022', 'iso42001:2023')) AS every
	CROSS JOIN generate_series(1, 50) AS j
	CROSS JOIN LATERAL (SELECT j <= 45 AND coalesce(cardinality(impl.std), 0) > 0 AS on_impl,
			1 + (j - 1) % greatest(cardinality(impl.std), 1) AS ix,
			1 + pg_temp.rnd(49, o.org_id, j) % cardinality(every.std) AS anyix) AS p
	CROSS JOIN LATERAL (SELECT CASE WHEN p.on_impl THEN impl.std[p.ix] ELSE every.std[p.anyix] END AS standard,
			CASE WHEN p.on_impl THEN impl.ctl[p.ix] ELSE every.ctl[p.anyix] END AS control_id) AS c
	WHERE o.org_id BETWEEN first_org AND last_org
	ORDER BY o.org_id, j;

	-- The risk treatment behind the SoA: each entry included for risk
	-- treatment treats one or two risks of the register, except now and
	-- then (SOA012); the risks of an AI type treated by ISO 42001 controls.
	INSERT INTO ims.risk_control (org_id, risk_id, standard, control_id)
	SELECT DISTINCT e.org_id, r.risks[1 + (pg_temp.rnd(52, e.org_id, hashtext(e.control_id) + k) % cardinality(r.risks))],
		e.standard, e.control_id
	FROM ims.soa_entry e
	JOIN ims.soa s ON s.org_id = e.org_id AND s.soa_id = e.soa_id AND s.status IN ('draft', 'approved')
	CROSS JOIN LATERAL (SELECT array_agg(r.risk_id ORDER BY r.risk_id) AS risks FROM ims.risk r
		WHERE r.org_id = e.org_id
		  AND (ims.risk_domain(r.risk_type) = 'ai') = (e.standard = 'iso42001:2023')) AS r
	CROSS JOIN generate_series(0, 1) AS k
	WHERE e.org_id BETWEEN first_org AND last_org
	  AND 'risk' = ANY (ims.reasons(e.applicability)) AND cardinality(r.risks) > 0
	  AND pg_temp.pct(53, e.org_id, hashtext(e.control_id)) >= 3
	  AND (k = 0 OR pg_temp.pct(54, e.org_id, hashtext(e.control_id)) < 40)
	ORDER BY 1, 3, 4, 2;
END
$gen$;
