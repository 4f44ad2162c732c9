-- bench/record.sql: the synthetic record of the benches' organizations,
-- \i'd by bench/findings.sh and bench/load/setup.sql, so that both measure
-- the same kind of company: a mid-sized one extending its ISMS to ISO
-- 42001 (after scripts/sample_organization.sql), with the gaps such
-- companies have, so that every organization yields some findings and
-- none yields all.
--
-- The caller creates the organizations, and a temporary table or view
-- pg_temp.bench_org (n, org_id) that numbers them; the numbers, not the
-- ids, seed every choice, so the data is the same on every run.
-- CALL pg_temp.generate_record(first_n, last_n) then writes, organization
-- by organization as applications do (so that one organization's rows
-- share heap pages), each organization's documents, AI systems, risks,
-- impact assessments, risk criteria, treatment actions, acceptances,
-- objectives, auditors, internal audits, management reviews and
-- certification body.  The SoA, its entries and the evidence differ by
-- bench and stay with each.

-- A deterministic number in [0, 2^31) for a (salt, a, b) triple, and the
-- same as a percentage (pct(...) < 15 holds for about 15% of triples): the
-- same data on every run, without a random generator's state.
CREATE FUNCTION pg_temp.rnd(salt integer, a bigint, b bigint DEFAULT 0) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (hashint8(a * 1000003 + b * 7919 + salt * 104729) & 2147483647)::integer;
CREATE FUNCTION pg_temp.pct(salt integer, a bigint, b bigint DEFAULT 0) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN pg_temp.rnd(salt, a, b) % 100;

CREATE PROCEDURE pg_temp.generate_record(first_n integer, last_n integer)
LANGUAGE plpgsql AS $gen$
BEGIN
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
	FROM pg_temp.bench_org g
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
	WHERE g.n BETWEEN first_n AND last_n
	ORDER BY g.n, t.n;

	-- The objectives (one organization in ten set none for ISO 42001:
	-- OBJ001) and the impact assessment procedure (one in twenty has none:
	-- AIA004).
	INSERT INTO ims.document (org_id, kind, topic, title, covers, version, owner, approved_by)
	SELECT g.org_id, t.kind, t.topic, t.title,
		CASE WHEN t.n = 1 AND pg_temp.pct(50, g.n) < 10 THEN '{iso27001:2022}'
			 WHEN t.n = 2 THEN '{iso42001:2023}'
			 ELSE '{iso27001:2022,iso42001:2023}' END::text[],
		'2026', 'Quality office', 'Management board'
	FROM pg_temp.bench_org g
	CROSS JOIN (VALUES (1, 'record', 'objectives', 'Objectives of the integrated system'),
		(2, 'procedure', 'impact_assessment', 'AI system impact assessment')) AS t(n, kind, topic, title)
	WHERE g.n BETWEEN first_n AND last_n AND (t.n = 1 OR pg_temp.pct(51, g.n) >= 5)
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
	FROM pg_temp.bench_org g
	CROSS JOIN (VALUES (1, 'Support assistant', 'Answers customer questions'),
		(2, 'CV screening model', 'Ranks job applications for recruiters'),
		(3, 'Fraud scoring model', 'Scores card payments for fraud')) AS s(n, name, use)
	WHERE g.n BETWEEN first_n AND last_n
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
	FROM pg_temp.bench_org g
	JOIN ims.organization o ON o.org_id = g.org_id
	CROSS JOIN LATERAL (SELECT array_agg(s.system_id ORDER BY s.system_id) AS system_id
		FROM ims.ai_system s WHERE s.org_id = g.org_id) AS sys
	CROSS JOIN LATERAL generate_series(1, 18 + pg_temp.rnd(23, g.n) % 5) AS k
	CROSS JOIN LATERAL (SELECT k > 12 AS ai) AS a
	WHERE g.n BETWEEN first_n AND last_n
	ORDER BY g.n, k;

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
	JOIN pg_temp.bench_org g ON g.org_id = s.org_id
	CROSS JOIN LATERAL (VALUES (false), (true)) AS v(latest)
	CROSS JOIN LATERAL (SELECT current_date - (pg_temp.rnd(25, s.system_id) % 480)
		- CASE WHEN v.latest THEN 0 ELSE 400 END AS assessed_on) AS d
	WHERE g.n BETWEEN first_n AND last_n
	  AND pg_temp.pct(24, s.system_id) < 88
	  AND (v.latest OR pg_temp.pct(32, s.system_id) < 30)
	ORDER BY s.org_id, s.system_id, v.latest;

	-- Two internal auditors, the lead one now and then without an ISO 42001
	-- competence record (AUD002).
	INSERT INTO ims.auditor (org_id, name, competence, training_record)
	SELECT g.org_id, a.name,
		CASE WHEN a.n = 1 AND pg_temp.pct(50, g.n) >= 20 THEN '{iso27001:2022,iso42001:2023}'
			 ELSE '{iso27001:2022}' END::text[],
		'Lead auditor course'
	FROM pg_temp.bench_org g
	CROSS JOIN (VALUES (1, 'Lead auditor'), (2, 'Second auditor')) AS a(n, name)
	WHERE g.n BETWEEN first_n AND last_n
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
	FROM pg_temp.bench_org g
	CROSS JOIN (VALUES (1), (2)) AS v(n)
	WHERE g.n BETWEEN first_n AND last_n
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
	FROM pg_temp.bench_org g
	CROSS JOIN (VALUES (1), (2)) AS v(n)
	WHERE g.n BETWEEN first_n AND last_n AND (v.n = 2 OR pg_temp.pct(57, g.n) < 50)
	ORDER BY g.n, v.n;

	-- Risk criteria of both domains for most, the AI ones missing in one in
	-- ten (RSK004); residual ratings one level below the inherent ones on
	-- most risks, plans approved on most (RSK008), one or two actions per
	-- treated risk with some late (RSK007), the residual risks above the
	-- criteria accepted by their owners in most cases (RSK005), an accepted
	-- rating changed afterwards now and then (RSK006); two to four objectives,
	-- most measured (OBJ001, OBJ002).
	INSERT INTO ims.risk_criteria (org_id, domain, likelihood_scale, consequence_scale, consequence_basis,
		acceptable_level, approved_by, approved_on)
	SELECT g.org_id, d.domain, '{Rare,Unlikely,Possible,Likely,Certain}', '{Negligible,Minor,Moderate,Major,Severe}',
		CASE d.domain WHEN 'ai' THEN 'Harm to the people affected' ELSE 'Impact on the organization' END,
		CASE d.domain WHEN 'ai' THEN 4 ELSE 6 END, 'Management board', current_date - 300
	FROM pg_temp.bench_org g
	CROSS JOIN (VALUES ('information_security'), ('ai')) AS d(domain)
	WHERE g.n BETWEEN first_n AND last_n AND (d.domain = 'information_security' OR pg_temp.pct(101, g.n) >= 10)
	ORDER BY g.n, d.domain;
	UPDATE ims.risk r
	SET residual_likelihood = greatest(1, r.likelihood - 1), residual_impact = greatest(1, r.impact - 1),
		plan_approved_by = CASE WHEN pg_temp.pct(103, g.n, r.risk_id) < 85 THEN r.owner END,
		plan_approved_on = CASE WHEN pg_temp.pct(103, g.n, r.risk_id) < 85 AND r.owner IS NOT NULL
								THEN current_date - 200 END
	FROM pg_temp.bench_org g
	WHERE r.org_id = g.org_id AND g.n BETWEEN first_n AND last_n AND pg_temp.pct(102, g.n, r.risk_id) < 90;
	INSERT INTO ims.risk_treatment_action (org_id, risk_id, action, owner, due_on, status, completed_on)
	SELECT r.org_id, r.risk_id, format('Action %s of risk %s', a, r.risk_id), coalesce(r.owner, 'Risk owner 1'),
		x.due_on, x.status, CASE WHEN x.status = 'done' THEN x.due_on END
	FROM pg_temp.bench_org g
	JOIN ims.risk r ON r.org_id = g.org_id
	CROSS JOIN LATERAL generate_series(1, 1 + pg_temp.rnd(106, r.risk_id) % 2) AS a
	CROSS JOIN LATERAL (SELECT current_date + 150 - pg_temp.rnd(104, r.risk_id, a) % 240 AS due_on,
		(ARRAY['planned', 'in_progress', 'done', 'done'])[1 + pg_temp.rnd(105, r.risk_id, a) % 4] AS status) x
	WHERE g.n BETWEEN first_n AND last_n AND r.treatment IN ('mitigate', 'transfer', 'avoid')
	ORDER BY g.n, r.risk_id, a;
	INSERT INTO ims.risk_acceptance (org_id, risk_id, accepted_by, justification, expires_on)
	SELECT t.org_id, t.risk_id, coalesce(r.owner, 'Risk owner 1'), 'Accepted by its owner.', current_date + 200
	FROM pg_temp.bench_org g
	JOIN ims.risk_treatment_status(ARRAY[g.org_id]) t ON true
	JOIN ims.risk r ON r.org_id = t.org_id AND r.risk_id = t.risk_id
	WHERE g.n BETWEEN first_n AND last_n AND t.acceptance_status = 'not_accepted'
	  AND pg_temp.pct(107, g.n, t.risk_id) < 80
	ORDER BY g.n, t.risk_id;
	UPDATE ims.risk r SET residual_impact = r.impact
	FROM pg_temp.bench_org g
	WHERE r.org_id = g.org_id AND g.n BETWEEN first_n AND last_n AND r.residual_impact < r.impact
	  AND EXISTS (SELECT 1 FROM ims.risk_acceptance a WHERE a.org_id = r.org_id AND a.risk_id = r.risk_id)
	  AND pg_temp.pct(108, g.n, r.risk_id) < 15;
	INSERT INTO ims.objective (org_id, title, standards, target, measure, frequency, owner, set_on)
	SELECT g.org_id, format('Objective %s of organization %s', j, g.n),
		CASE WHEN j % 2 = 0 THEN '{iso42001:2023}' ELSE '{iso27001:2022}' END::text[],
		'at least 90 %', 'Share of cases on time', (ARRAY['monthly', 'quarterly', 'half_yearly'])[1 + j % 3],
		'Objective owner', current_date - 250
	FROM pg_temp.bench_org g
	CROSS JOIN LATERAL generate_series(1, 2 + pg_temp.rnd(109, g.n) % 3) AS j
	WHERE g.n BETWEEN first_n AND last_n AND (j % 2 = 1 OR pg_temp.pct(110, g.n) >= 15)
	ORDER BY g.n, j;
	INSERT INTO ims.objective_measurement (org_id, objective_id, measured_on, value)
	SELECT j.org_id, j.objective_id, current_date - 20 - 30 * m, 80 + pg_temp.rnd(111, j.objective_id, m) % 20
	FROM pg_temp.bench_org g
	JOIN ims.objective j ON j.org_id = g.org_id
	CROSS JOIN LATERAL generate_series(0, pg_temp.rnd(112, j.objective_id) % 4 - 1) AS m
	WHERE g.n BETWEEN first_n AND last_n
	ORDER BY g.n, j.objective_id, m;

	-- A certification body for most, accredited for ISO 42001 too in most
	-- cases (CRT001 otherwise), a combined audit window confirmed in about half
	-- (CRT002).
	INSERT INTO ims.certification_body (org_id, name, accredited_for, combined_audit_confirmed)
	SELECT g.org_id, format('Certification body %s', 1 + pg_temp.rnd(58, g.n) % 7),
		CASE WHEN pg_temp.pct(59, g.n) < 75 THEN '{iso27001:2022,iso42001:2023}'
			 ELSE '{iso27001:2022}' END::text[],
		pg_temp.pct(60, g.n) < 55
	FROM pg_temp.bench_org g
	WHERE g.n BETWEEN first_n AND last_n AND pg_temp.pct(61, g.n) < 92;
END
$gen$;
