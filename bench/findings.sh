#!/bin/bash
# bench/findings.sh: the validator over 1,000 synthetic organizations
# against a bare scan of the same rows, then again over 2,000 (SPEC §9).
#
# Each organization has the record of a mid-sized company extending its
# ISMS to ISO 42001: 131 SoA entries, about 20 risks, 3 AI systems, 50
# evidence rows, ten documents, impact assessments, audits, reviews and a
# certification body, with the gaps such companies have, so that every
# organization yields some findings and none yields all.
#
# Three sides, timed in the same backend, alternating in order:
#   findings_all      ims.evaluate_findings(NULL, false): every organization
#                     in one call, one set-based query per rule (what
#                     ims.report_findings does);
#   findings_per_org  ims.integration_findings(org_id) called once per
#                     organization;
#   scan              count(*) of every table the validator reads, summed
#                     in one statement: the floor any validator pays.
# Target: findings_all at most 3x the scan, and linear growth (time at
# 2,000 organizations about twice the time at 1,000).  The figures are
# ratios measured in one run, so they mean something on any machine; this
# is a measurement, not a test, and always exits 0 once it has run.
#
# Everything runs as the superuser, which row-level security does not
# apply to: the bench measures the validator, not the RLS policies
# (has_org_access per row would be a cost of its own, measured elsewhere).
set -eu -o pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

. scripts/cluster.sh
cluster_setup

rounds=3

# The tables the validator reads, each counted once.
tables="organization document ai_system risk impact_assessment soa soa_entry evidence
	internal_audit auditor management_review certification_body"
scan_stmt="SELECT 0"
for t in $tables; do
	scan_stmt="$scan_stmt + (SELECT count(*) FROM ims.$t)"
done

# Rounds alternate the order of the three sides, so that none always runs
# first after the previous one filled the cache.
timings()
{
	local orgs=$1 round sides side stmt
	for round in $(seq 1 $rounds); do
		if [ $((round % 2)) = 1 ]; then
			sides="findings_all findings_per_org scan"
		else
			sides="scan findings_per_org findings_all"
		fi
		for side in $sides; do
			case $side in
			findings_all) stmt='SELECT count(*) FROM ims.evaluate_findings(NULL, false)' ;;
			findings_per_org) stmt='SELECT count(*) FROM ims.organization o, ims.integration_findings(o.org_id)' ;;
			scan) stmt=$scan_stmt ;;
			esac
			echo "CALL pg_temp.timed('$side', $orgs, \$s\$$stmt\$s\$);"
		done
	done
}

# Untimed runs first: the validator prepares its plans on first use, and
# after five executions the plan cache settles on generic plans (planned
# for an array of unknown length), as in any long-lived session; the timed
# rounds measure those.
warmup()
{
	local orgs=$1
	echo "CALL pg_temp.timed('warmup', $orgs, \$s\$SELECT count(*) FROM ims.evaluate_findings(NULL, false)\$s\$);"
	echo "CALL pg_temp.timed('warmup', $orgs, \$s\$SELECT count(*) FROM ims.organization o, ims.integration_findings(o.org_id)\$s\$);"
	echo "CALL pg_temp.timed('warmup', $orgs, \$s\$$scan_stmt\$s\$);"
}

{
cat <<'SQL'
CREATE EXTENSION pg_ims;
-- One backend, no parallel workers: the validator's queries run through
-- SPI, which plans without parallelism, so the scan does too.
SET max_parallel_workers_per_gather = 0;

CREATE TEMP TABLE timings (what text, orgs integer, ms float8, result bigint, n serial);
CREATE PROCEDURE pg_temp.timed(what text, orgs integer, stmt text)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
	result bigint;
BEGIN
	EXECUTE stmt INTO result;
	INSERT INTO timings VALUES (what, orgs,
		extract(epoch FROM clock_timestamp() - t0) * 1000, result);
END $$;

-- A deterministic number in [0, 2^31) for a (salt, a, b) triple: the same
-- data on every run, without a random generator's state.
CREATE FUNCTION pg_temp.rnd(salt integer, a bigint, b bigint DEFAULT 0) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (hashint8(a * 1000003 + b * 7919 + salt * 104729) & 2147483647)::integer;
-- The same, as a percentage: pct(...) < 15 holds for about 15% of triples.
CREATE FUNCTION pg_temp.pct(salt integer, a bigint, b bigint DEFAULT 0) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN pg_temp.rnd(salt, a, b) % 100;

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

	-- Ten documents: nine topics, and a tenth that is either a second
	-- incident procedure written for ISO 42001 only (duplication, INT003)
	-- or an integrated communication procedure.  A clause procedure now
	-- and then covers ISO 27001 only (INT004).
	INSERT INTO ims.document (org_id, kind, topic, title, covers, version, owner, approved_by)
	SELECT i, t.kind, t.topic, t.title,
		CASE WHEN t.n = 6 AND dup THEN '{iso27001:2022}'
			 WHEN t.n = 10 AND dup THEN '{iso42001:2023}'
			 WHEN t.n > 1 AND pg_temp.pct(4, i, t.n) < 8 THEN '{iso27001:2022}'
			 ELSE '{iso27001:2022,iso42001:2023}' END::text[],
		format('%s.%s', 1 + pg_temp.rnd(5, i, t.n) % 4, pg_temp.rnd(6, i, t.n) % 10),
		'Quality office',
		CASE WHEN t.n = 1 THEN 'Management board' ELSE format('IMS owner %s', i) END
	FROM generate_series(first_org, last_org) AS i
	CROSS JOIN LATERAL (SELECT pg_temp.pct(3, i) < 30 AS dup) AS d
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
	ORDER BY i, t.n;

	-- Three AI systems; a few are retired or out of scope.
	INSERT INTO ims.ai_system (org_id, name, intended_use, foreseeable_misuse, lifecycle_stage,
		in_scope, last_significant_change)
	SELECT i, s.name, s.use, 'Use outside its intended purpose',
		CASE WHEN pg_temp.pct(7, i, s.n) < 10 THEN 'design'
			 WHEN pg_temp.pct(7, i, s.n) < 20 THEN 'development'
			 WHEN pg_temp.pct(7, i, s.n) < 30 THEN 'verification'
			 WHEN pg_temp.pct(7, i, s.n) < 50 THEN 'deployment'
			 WHEN pg_temp.pct(7, i, s.n) < 97 THEN 'operation' ELSE 'retired' END,
		pg_temp.pct(8, i, s.n) < 95,
		current_date - (150 + pg_temp.rnd(9, i, s.n) % 900)
	FROM generate_series(first_org, last_org) AS i
	CROSS JOIN (VALUES (1, 'Support assistant', 'Answers customer questions'),
		(2, 'CV screening model', 'Ranks job applications for recruiters'),
		(3, 'Fraud scoring model', 'Scores card payments for fraud')) AS s(n, name, use)
	ORDER BY i, s.n;

	-- 18 to 22 risks in the one register: twelve of a CIA type (some with a
	-- CVSS score), the rest of an AI type (never with CVSS), most of those
	-- linked to an AI system.  One organization in five forgot the AI risks
	-- of its third system (RSK001); bolt-on organizations mostly keep their
	-- AI risks in a register of their own (INT005); a few risks lack a
	-- treatment or an owner (RSK002).
	INSERT INTO ims.risk (org_id, register, title, risk_type, ai_system_id, asset, likelihood,
		impact, cvss, treatment, owner)
	SELECT i,
		CASE WHEN ai AND o.integration_model = 'bolt_on' AND pg_temp.pct(10, i) < 70
			 THEN 'aims_register' ELSE 'integrated' END,
		format('Risk %s of organization %s', k, i),
		CASE WHEN ai THEN (ARRAY['harm_to_individuals', 'harm_to_groups', 'harm_to_society',
				'human_rights', 'fairness', 'transparency', 'accountability', 'safety',
				'ai_security', 'privacy', 'robustness', 'environmental', 'data_quality',
				'maintainability'])[1 + pg_temp.rnd(11, i, k) % 14]
			 ELSE (ARRAY['confidentiality', 'integrity', 'availability'])[1 + pg_temp.rnd(11, i, k) % 3]
		END::ims.risk_type,
		CASE WHEN ai AND pg_temp.pct(12, i, k) < 90
				THEN sys.system_id[CASE WHEN k % 3 = 2 AND pg_temp.pct(13, i) < 20 THEN 1 ELSE 1 + k % 3 END]
			 WHEN NOT ai AND pg_temp.pct(12, i, k) < 15 THEN sys.system_id[1 + k % 3] END,
		format('Asset %s', 1 + pg_temp.rnd(14, i, k) % 8),
		1 + pg_temp.rnd(15, i, k) % 5, 1 + pg_temp.rnd(16, i, k) % 5,
		CASE WHEN NOT ai AND pg_temp.pct(17, i, k) < 40 THEN (pg_temp.rnd(18, i, k) % 101) / 10.0 END,
		CASE WHEN pg_temp.pct(19, i, k) >= 3
			 THEN (ARRAY['mitigate', 'mitigate', 'accept', 'avoid', 'transfer'])[1 + pg_temp.rnd(20, i, k) % 5] END,
		CASE WHEN pg_temp.pct(21, i, k) >= 3 THEN format('Risk owner %s', 1 + pg_temp.rnd(22, i, k) % 5) END
	FROM ims.organization o
	CROSS JOIN LATERAL (SELECT array_agg(s.system_id ORDER BY s.system_id) AS system_id
		FROM ims.ai_system s WHERE s.org_id = o.org_id) AS sys
	CROSS JOIN LATERAL generate_series(1, 18 + pg_temp.rnd(23, o.org_id) % 5) AS k
	CROSS JOIN LATERAL (SELECT k > 12 AS ai) AS a
	CROSS JOIN LATERAL (SELECT o.org_id AS i) AS oi
	WHERE o.org_id BETWEEN first_org AND last_org
	ORDER BY o.org_id, k;

	-- Impact assessments: most systems have one, some an older one too; a
	-- review date passes a year after the assessment (AIA002), a few
	-- predate the system's last significant change (AIA002) or leave a
	-- question blank (AIA003), and some systems have none (AIA001).
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
	WHERE s.org_id BETWEEN first_org AND last_org
	  AND pg_temp.pct(24, s.system_id) < 88
	  AND (v.latest OR pg_temp.pct(32, s.system_id) < 30)
	ORDER BY s.org_id, s.system_id, v.latest;

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

	-- Two internal auditors, the lead one now and then without an ISO 42001
	-- competence record (AUD002).
	INSERT INTO ims.auditor (org_id, name, competence, training_record)
	SELECT i, a.name,
		CASE WHEN a.n = 1 AND pg_temp.pct(50, i) >= 20 THEN '{iso27001:2022,iso42001:2023}'
			 ELSE '{iso27001:2022}' END::text[],
		'Lead auditor course'
	FROM generate_series(first_org, last_org) AS i
	CROSS JOIN (VALUES (1, 'Lead auditor'), (2, 'Second auditor')) AS a(n, name)
	ORDER BY i, a.n;

	-- Last year's audit of the ISMS alone, and this cycle's: usually in the
	-- last twelve months and over both standards (AUD001 otherwise), led by
	-- the lead auditor or, rarely, by no one named.
	INSERT INTO ims.internal_audit (org_id, cycle, performed_on, covers, lead_auditor_id)
	SELECT i, format('cycle %s', v.n),
		current_date - pg_temp.rnd(51, i) % 470 - CASE WHEN v.n = 1 THEN 365 ELSE 0 END,
		CASE WHEN v.n = 2 AND pg_temp.pct(52, i) < 85 THEN '{iso27001:2022,iso42001:2023}'
			 ELSE '{iso27001:2022}' END::text[],
		CASE WHEN v.n = 1 OR pg_temp.pct(53, i) >= 5 THEN
			(SELECT min(u.auditor_id) FROM ims.auditor u WHERE u.org_id = i) END
	FROM generate_series(first_org, last_org) AS i
	CROSS JOIN (VALUES (1), (2)) AS v(n)
	ORDER BY i, v.n;

	-- Management reviews, the same way; the agenda of the latest one now
	-- and then lacks AIMS inputs (MRV002).
	INSERT INTO ims.management_review (org_id, held_on, chair, covers, agenda)
	SELECT i, current_date - pg_temp.rnd(54, i) % 450 - CASE WHEN v.n = 1 THEN 365 ELSE 0 END,
		'CEO',
		CASE WHEN v.n = 2 AND pg_temp.pct(55, i) < 85 THEN '{iso27001:2022,iso42001:2023}'
			 ELSE '{iso27001:2022}' END::text[],
		ARRAY['isms_objectives', 'audit_results', 'security_risks']
			|| CASE WHEN v.n = 1 THEN '{}'::text[]
					WHEN pg_temp.pct(56, i) < 70
					THEN ARRAY['ai_objectives', 'ai_system_performance', 'ai_risks', 'impact_assessment_outcomes']
					ELSE ARRAY['ai_objectives', 'ai_risks'] END
	FROM generate_series(first_org, last_org) AS i
	CROSS JOIN (VALUES (1), (2)) AS v(n)
	WHERE v.n = 2 OR pg_temp.pct(57, i) < 50
	ORDER BY i, v.n;

	-- A certification body for most: accredited for ISO 42001 too in most
	-- cases (CRT001 otherwise), a combined audit window confirmed in about
	-- half (CRT002).
	INSERT INTO ims.certification_body (org_id, name, accredited_for, combined_audit_confirmed)
	SELECT i, format('Certification body %s', 1 + pg_temp.rnd(58, i) % 7),
		CASE WHEN pg_temp.pct(59, i) < 75 THEN '{iso27001:2022,iso42001:2023}'
			 ELSE '{iso27001:2022}' END::text[],
		pg_temp.pct(60, i) < 55
	FROM generate_series(first_org, last_org) AS i
	WHERE pg_temp.pct(61, i) < 92;
END
$gen$;

-- The data, and what the validator makes of it, so a reader can judge
-- whether it looks like real organizations.
CREATE PROCEDURE pg_temp.describe(orgs integer)
LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	SELECT format('data at %s orgs: %s rows; per organization %s SoA entries, %s risks (%s%% of an AI type), '
			'%s AI systems, %s impact assessments, %s evidence rows, %s documents', orgs,
		(SELECT count(*) FROM ims.organization) + (SELECT count(*) FROM ims.document)
			+ (SELECT count(*) FROM ims.ai_system) + (SELECT count(*) FROM ims.risk)
			+ (SELECT count(*) FROM ims.impact_assessment) + (SELECT count(*) FROM ims.soa)
			+ (SELECT count(*) FROM ims.soa_entry) + (SELECT count(*) FROM ims.evidence)
			+ (SELECT count(*) FROM ims.internal_audit) + (SELECT count(*) FROM ims.auditor)
			+ (SELECT count(*) FROM ims.management_review) + (SELECT count(*) FROM ims.certification_body),
		round((SELECT count(*) FROM ims.soa_entry)::numeric / orgs, 1),
		round((SELECT count(*) FROM ims.risk)::numeric / orgs, 1),
		(SELECT round(100.0 * count(*) FILTER (WHERE ims.risk_domain(risk_type) = 'ai') / count(*)) FROM ims.risk),
		round((SELECT count(*) FROM ims.ai_system)::numeric / orgs, 1),
		round((SELECT count(*) FROM ims.impact_assessment)::numeric / orgs, 1),
		round((SELECT count(*) FROM ims.evidence)::numeric / orgs, 1),
		round((SELECT count(*) FROM ims.document)::numeric / orgs, 1))
	INTO line;
	RAISE NOTICE '%', line;
END $$;
SQL

echo "CALL pg_temp.generate(1, 1000);"
cat <<'SQL'
VACUUM ANALYZE;
CHECKPOINT;
CALL pg_temp.describe(1000);
CREATE TEMP TABLE findings_1000 AS SELECT org_id, code, severity FROM ims.evaluate_findings(NULL, false);
SELECT format('findings at 1000 orgs: %s; per organization min %s, median %s, max %s; organizations without any: %s',
		(SELECT count(*) FROM findings_1000), min(n), percentile_disc(0.5) WITHIN GROUP (ORDER BY n), max(n),
		1000 - count(*))
	FROM (SELECT org_id, count(*) AS n FROM findings_1000 GROUP BY org_id) AS per_org;
SELECT format('  %s %-11s %6s findings in %4s organizations', code, severity, count(*), count(DISTINCT org_id))
	FROM findings_1000 GROUP BY code, severity ORDER BY code, severity;
SELECT format('  codes that never fired: %s', coalesce(string_agg(c, ', ' ORDER BY c), 'none'))
	FROM unnest('{INT001,INT002,INT003,INT004,INT005,RSK001,RSK002,AIA001,AIA002,AIA003,SOA001,SOA002,SOA003,SOA004,SOA005,SOA006,SOA007,SOA008,SOA009,SOA010,AUD001,AUD002,MRV001,MRV002,CRT001,CRT002}'::text[]) AS c
	WHERE c NOT IN (SELECT code FROM findings_1000);
SQL
warmup 1000
timings 1000

echo "CALL pg_temp.generate(1001, 2000);"
cat <<'SQL'
VACUUM ANALYZE;
CHECKPOINT;
CALL pg_temp.describe(2000);
SQL
warmup 2000
timings 2000

cat <<'SQL'
SELECT format('%-16s %4s orgs ms: %s  median %s  (%s rows)', what, orgs,
		string_agg(round(ms::numeric, 1)::text, ', ' ORDER BY n),
		round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1),
		string_agg(DISTINCT result::text, ', '))
	FROM timings WHERE what <> 'warmup' GROUP BY what, orgs ORDER BY orgs, what;
SELECT format('findings at %s orgs: the per-organization calls %s the one call (%s)', orgs,
		CASE WHEN count(DISTINCT result) = 1 THEN 'agree with' ELSE 'DISAGREE with' END,
		string_agg(DISTINCT result::text, ', '))
	FROM timings WHERE what IN ('findings_all', 'findings_per_org') GROUP BY orgs ORDER BY orgs;

CREATE TEMP VIEW medians AS
	SELECT what, orgs, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms
	FROM timings WHERE what <> 'warmup' GROUP BY what, orgs;
SELECT format('ratio %s/scan at %s orgs = %s', f.what, f.orgs, round((f.ms / s.ms)::numeric, 1))
	FROM medians f JOIN medians s ON s.orgs = f.orgs AND s.what = 'scan'
	WHERE f.what <> 'scan' ORDER BY f.orgs, f.what;
SELECT format('growth %s 1000->2000 = %s', a.what, round((b.ms / a.ms)::numeric, 2))
	FROM medians a JOIN medians b ON b.what = a.what AND b.orgs = 2000
	WHERE a.orgs = 1000 ORDER BY a.what;
SELECT 'target: findings_all/scan at most 3; growth about 2.0 (linear)';
SQL
} | psql -At 2>&1 | sed 's/^NOTICE:  //'
