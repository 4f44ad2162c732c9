/*-------------------------------------------------------------------------
 *
 * findings.c
 *	  The validator: what a certification auditor would find in the
 *	  integrated management system of one or more organizations.
 *
 * Each rule of SPEC section 7 is one set-based query over every organization
 * asked for at once, so the cost grows with the data, not with the number
 * of organizations times the number of rules.  Queries run through SPI
 * with parameters, as the caller: row-level security limits them to the
 * organizations the caller may read.  The queries return facts; the
 * messages and hints are written here, one place per code, and the
 * findings are sorted here (digits as numbers, otherwise byte-wise), so
 * that their order does not depend on a collation; lists inside messages
 * are ordered with COLLATE "C" for the same reason.
 *
 * Findings are data, not errors: a call raises only when it is itself
 * wrong.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "pg_ims.h"

/*
 * Every rule's query takes $1, the organizations (bigint[]), and returns
 * org_id, severity (NULL: the rule's own), standard, ref, arg1, arg2.
 * Messages and hints use {ref}, {1} and {2} for those columns.
 */
typedef struct FindingRule
{
	const char *code;
	const char *severity;		/* major, minor or observation */
	bool		soa_rule;		/* also run by ims.validate_soa */
	const char *query;
	const char *message;
	const char *hint;
} FindingRule;

/* The organizations of $1 that the caller can see. */
#define ORGS "ims.organization o WHERE o.org_id = ANY ($1)"

/* The live SoA of each organization: its draft, or else its approved version. */
#define LIVE_SOA \
	"live AS MATERIALIZED (SELECT DISTINCT ON (s.org_id) s.org_id, s.soa_id, s.version, s.status " \
	"         FROM ims.soa s JOIN ims.organization o USING (org_id) " \
	"         WHERE o.org_id = ANY ($1) AND s.status IN ('draft', 'approved') " \
	"         ORDER BY s.org_id, s.status = 'draft' DESC) "

/* The entries of the live SoA, with the control named as a report names it. */
#define LIVE_ENTRIES \
	"WITH " LIVE_SOA \
	"SELECT e.org_id, NULL::text AS severity, e.standard, " \
	"       ims.standard_label(e.standard) || ' ' || e.control_id AS ref, " \
	"       NULL::text AS arg1, NULL::text AS arg2 " \
	"FROM live l JOIN ims.soa_entry e ON e.org_id = l.org_id AND e.soa_id = l.soa_id "

/* The latest impact assessment of each AI system. */
#define LATEST_ASSESSMENT \
	"latest AS (SELECT DISTINCT ON (i.org_id, i.system_id) i.* " \
	"           FROM ims.impact_assessment i JOIN ims.organization o USING (org_id) " \
	"           WHERE o.org_id = ANY ($1) " \
	"           ORDER BY i.org_id, i.system_id, i.assessed_on DESC, i.assessment_id DESC) "

/* An AI system the AIMS must cover. */
#define ACTIVE_AI_SYSTEM "s.in_scope AND s.lifecycle_stage <> 'retired'"

#define BLANK(x) "coalesce(btrim(" x "), '') = ''"

static const FindingRule rules[] = {
	{"INT001", "minor", false,
		"SELECT o.org_id, CASE WHEN o.integration_model = 'bolt_on' THEN 'major' END, NULL, o.name, "
		"       o.integration_model, NULL "
		"FROM " ORGS " AND o.integration_model <> 'structural_extension'",
		"the integration model is {1}: ISO 42001 is not run as an extension of the ISMS",
	"Extend the ISMS structurally (one scope, one owner, one risk process, one SoA, one audit cycle, one management review) and set integration_model to structural_extension."},

	{"INT002", "minor", false,
		"SELECT o.org_id, NULL, NULL, o.name, NULL, NULL FROM " ORGS " AND " BLANK("o.ims_owner"),
		"no single owner is named for the integrated management system",
	"Name one person accountable for both standards in organization.ims_owner, with authority over the security and the AI teams (clause 5.3)."},

	{"INT003", "minor", false,
		"SELECT d.org_id, NULL, NULL, d.topic, d.topic, "
		"       string_agg(format('\"%s\" (%s)', d.title, ims.standard_label(d.covers[1])), ', ' "
		"                  ORDER BY d.title COLLATE \"C\") "
		"FROM ims.document d JOIN ims.organization o USING (org_id) "
		"WHERE o.org_id = ANY ($1) AND cardinality(d.covers) = 1 AND d.kind <> 'record' "
		"GROUP BY d.org_id, d.topic HAVING count(DISTINCT d.covers[1]) > 1",
		"{1} is documented separately for each standard: {2}",
	"Merge them into one document that covers both standards, with the AI-specific steps as a section of it."},

	{"INT004", "minor", false,
		"WITH clause_topic AS (SELECT DISTINCT ON (topic) topic, clause FROM ims.clause_topic "
		"                      WHERE clause ~ '^(7|8|9|10)(\\.|$)' "
		"                      ORDER BY topic, position('.' IN clause) = 0, length(clause), clause) "
		"SELECT d.org_id, NULL, 'iso27001:2022', d.title, t.clause, d.kind "
		"FROM ims.document d JOIN clause_topic t USING (topic) "
		"WHERE d.org_id = ANY ($1) AND d.kind <> 'record' "
		"  AND EXISTS (SELECT 1 FROM ims.organization o WHERE o.org_id = d.org_id "
		"              AND 'iso42001:2023' = ANY (o.standards)) "
		"  AND 'iso27001:2022' = ANY (d.covers) AND NOT 'iso42001:2023' = ANY (d.covers) "
		"  AND NOT EXISTS (SELECT 1 FROM ims.document x WHERE x.org_id = d.org_id "
		"                  AND x.topic = d.topic AND 'iso42001:2023' = ANY (x.covers))",
		"the clause {1} {2} \"{ref}\" covers ISO 27001 only: it was not extended to the AIMS scope",
	"Add the AIMS scope to it (ims.clause_mapping gives the action for the clause) and add iso42001:2023 to its covers."},

	{"INT005", "minor", false,
		"SELECT r.org_id, NULL, NULL, "
		"       string_agg(DISTINCT r.register COLLATE \"C\", ', ' ORDER BY r.register COLLATE \"C\"), "
		"       count(DISTINCT r.register)::text, NULL "
		"FROM ims.risk r JOIN ims.organization o USING (org_id) "
		"WHERE o.org_id = ANY ($1) GROUP BY r.org_id HAVING count(DISTINCT r.register) > 1",
		"{1} risk registers are kept: {ref}",
	"Keep one risk register for information security and AI risks; the risk_type of each risk tells them apart."},

	{"RSK001", "major", false,
		"SELECT s.org_id, NULL, 'iso42001:2023', s.name, NULL, NULL "
		"FROM ims.ai_system s JOIN ims.organization o USING (org_id) "
		"WHERE o.org_id = ANY ($1) AND " ACTIVE_AI_SYSTEM " "
		"  AND NOT EXISTS (SELECT 1 FROM ims.risk r WHERE r.org_id = s.org_id "
		"                  AND r.ai_system_id = s.system_id AND ims.risk_domain(r.risk_type) = 'ai')",
		"the AI system \"{ref}\" has no risk of an AI type",
	"Assess its AI risks (ISO 42001 6.1.2): harms to individuals, groups and society, fairness, transparency, robustness; record them in the one register with their risk_type."},

	{"RSK002", "minor", false,
		"SELECT r.org_id, NULL, NULL, r.title, "
		"       concat_ws(' and ', CASE WHEN r.treatment IS NULL THEN 'no treatment' END, "
		"                 CASE WHEN " BLANK("r.owner") " THEN 'no owner' END), NULL "
		"FROM ims.risk r JOIN ims.organization o USING (org_id) "
		"WHERE o.org_id = ANY ($1) AND (r.treatment IS NULL OR " BLANK("r.owner") ")",
		"the risk \"{ref}\" has {1}",
	"Decide its treatment (mitigate, accept, avoid or transfer) and name its owner (clause 6.1.3)."},

	{"AIA001", "major", false,
		"SELECT s.org_id, NULL, 'iso42001:2023', s.name, NULL, NULL "
		"FROM ims.ai_system s JOIN ims.organization o USING (org_id) "
		"WHERE o.org_id = ANY ($1) AND " ACTIVE_AI_SYSTEM " "
		"  AND NOT EXISTS (SELECT 1 FROM ims.impact_assessment i "
		"                  WHERE i.org_id = s.org_id AND i.system_id = s.system_id)",
		"the AI system \"{ref}\" has no impact assessment",
	"Assess its impacts on individuals, groups and society before it is deployed and at planned intervals (ISO 42001 6.1.4, 8.4, A.5.2)."},

	{"AIA002", "minor", false,
		"WITH " LATEST_ASSESSMENT
		"SELECT s.org_id, CASE WHEN l.assessed_on < s.last_significant_change THEN 'major' END, "
		"       'iso42001:2023', s.name, "
		"       CASE WHEN l.assessed_on < s.last_significant_change "
		"            THEN format('it was made on %s, before the system''s last significant change on %s', "
		"                        to_char(l.assessed_on, 'YYYY-MM-DD'), to_char(s.last_significant_change, 'YYYY-MM-DD')) "
		"            ELSE format('its review was due on %s', to_char(l.next_review, 'YYYY-MM-DD')) END, NULL "
		"FROM latest l JOIN ims.ai_system s ON s.org_id = l.org_id AND s.system_id = l.system_id "
		"WHERE " ACTIVE_AI_SYSTEM " "
		"  AND (l.assessed_on < s.last_significant_change OR l.next_review < current_date)",
		"the impact assessment of \"{ref}\" is out of date: {1}",
	"Reassess the system, record the new assessment, and set the date of its next review (ISO 42001 8.4)."},

	{"AIA003", "minor", false,
		"WITH " LATEST_ASSESSMENT
		"SELECT s.org_id, NULL, 'iso42001:2023', s.name, "
		"       concat_ws(', ', CASE WHEN " BLANK("l.individuals") " THEN 'impacts on individuals' END, "
		"                 CASE WHEN " BLANK("l.groups") " THEN 'impacts on groups' END, "
		"                 CASE WHEN " BLANK("l.society") " THEN 'impacts on society' END, "
		"                 CASE WHEN " BLANK("l.foreseeable_misuse") " THEN 'foreseeable misuse' END, "
		"                 CASE WHEN " BLANK("l.stakeholder_views") " THEN 'stakeholder views' END), NULL "
		"FROM latest l JOIN ims.ai_system s ON s.org_id = l.org_id AND s.system_id = l.system_id "
		"WHERE " ACTIVE_AI_SYSTEM " AND (" BLANK("l.individuals") " OR " BLANK("l.groups") " OR "
		BLANK("l.society") " OR " BLANK("l.foreseeable_misuse") " OR " BLANK("l.stakeholder_views") ")",
		"the latest impact assessment of \"{ref}\" lacks {1}",
	"Complete it: impacts on individuals, on groups and on society, reasonably foreseeable misuse, and the views of affected stakeholders (ISO 42001 A.5.4, A.5.5)."},

	{"SOA001", "major", true,
		"SELECT o.org_id, NULL, NULL, o.name, NULL, NULL FROM " ORGS
		"  AND NOT EXISTS (SELECT 1 FROM ims.soa s WHERE s.org_id = o.org_id "
		"                  AND s.status IN ('draft', 'approved'))",
		"there is no Statement of Applicability",
	"Create the consolidated draft with ims.init_soa(org_id): one SoA over both Annex A catalogs."},

	{"SOA002", "major", true,
		"WITH v AS (SELECT s.org_id, s.version, "
		"                  array_remove(array_agg(DISTINCT e.standard), NULL) AS standards "
		"           FROM ims.soa s JOIN ims.organization o USING (org_id) "
		"           LEFT JOIN ims.soa_entry e ON e.org_id = s.org_id AND e.soa_id = s.soa_id "
		"           WHERE o.org_id = ANY ($1) AND s.status IN ('draft', 'approved') "
		"             AND EXISTS (SELECT 1 FROM ims.soa t WHERE t.org_id = s.org_id "
		"                         AND t.soa_id <> s.soa_id AND t.status IN ('draft', 'approved')) "
		"           GROUP BY s.org_id, s.soa_id, s.version) "
		"SELECT o.org_id, NULL, NULL, o.name, count(*)::text, "
		"       string_agg(format('version %s (%s)', v.version, "
		"                         (SELECT string_agg(ims.standard_label(x), ', ' ORDER BY x COLLATE \"C\") "
		"                          FROM unnest(v.standards) AS x)), '; ' "
		"                  ORDER BY v.version) "
		"FROM v JOIN ims.organization o USING (org_id) "
		"GROUP BY o.org_id HAVING count(*) > 1 AND NOT bool_or(v.standards @> o.standards)",
		"{1} live SoA versions each cover part of the scope: {2}",
	"Keep one consolidated SoA: build the next draft with ims.init_soa(), which lists every control of every standard in scope, and approve it."},

	{"SOA003", "major", true,
		"WITH " LIVE_SOA ", "
		"per_standard AS (SELECT standard, count(*) AS n FROM ims.control GROUP BY standard), "
		"short AS (SELECT l.org_id, l.soa_id, l.version, o.standards "
		"          FROM live l JOIN ims.organization o USING (org_id) "
		"          WHERE (SELECT count(*) FROM ims.soa_entry e WHERE e.org_id = l.org_id "
		"                 AND e.soa_id = l.soa_id AND e.standard = ANY (o.standards)) "
		"              < (SELECT sum(n) FROM per_standard p WHERE p.standard = ANY (o.standards))) "
		"SELECT k.org_id, NULL, c.standard, ims.standard_label(c.standard) || ' ' || c.control_id, "
		"       k.version::text, NULL "
		"FROM short k JOIN ims.control c ON c.standard = ANY (k.standards) "
		"LEFT JOIN ims.soa_entry e ON e.org_id = k.org_id AND e.soa_id = k.soa_id "
		"                          AND e.standard = c.standard AND e.control_id = c.control_id "
		"WHERE e.org_id IS NULL",
		"{ref} is missing from version {1} of the SoA",
	"Every control of the standards in scope must be in the SoA with a decision: add the missing entry to the draft (a new draft from ims.init_soa() lists every control)."},

	{"SOA004", "major", true,
		LIVE_ENTRIES "WHERE ims.decision(e.applicability) = 'undecided'",
		"{ref} is undecided",
	"Decide whether the control applies: with the reasons for including it, or with the justification for excluding it."},

	{"SOA005", "major", true,
		LIVE_ENTRIES "WHERE ims.decision(e.applicability) = 'not_applicable' AND " BLANK("e.justification"),
		"{ref} is excluded without justification",
	"Record why the control does not apply in the entry's justification (ISO 27001 6.1.3 d, ISO 42001 6.1.3)."},

	{"SOA006", "minor", true,
		LIVE_ENTRIES "WHERE ims.decision(e.applicability) = 'applicable' "
		"  AND cardinality(ims.reasons(e.applicability)) = 0",
		"{ref} is applicable but no reason for including it is recorded",
	"Record the reasons, such as applicable(risk,legal): risk treatment, law, contract, business requirement, interested party or impact assessment."},

	{"SOA007", "minor", true,
		LIVE_ENTRIES "WHERE ims.decision(e.applicability) = 'applicable' AND e.implementation = 'implemented' "
		"  AND NOT EXISTS (SELECT 1 FROM ims.evidence v WHERE v.org_id = e.org_id "
		"                  AND v.standard = e.standard AND v.control_id = e.control_id "
		"                  AND v.collected_on <= current_date "
		"                  AND (v.valid_until IS NULL OR v.valid_until >= current_date))",
		"{ref} is marked implemented but has no current evidence",
	"Attach evidence that the control operates (ims.evidence), of a kind that fits the control, and keep it current."},

	{"SOA008", "minor", true,
		"SELECT v.org_id, NULL, v.standard, ims.standard_label(v.standard) || ' ' || v.control_id, "
		"       string_agg(DISTINCT k.title COLLATE \"C\", ', ' ORDER BY k.title COLLATE \"C\"), NULL "
		"FROM ims.evidence v JOIN ims.organization o USING (org_id) "
		"JOIN ims.evidence_kind k ON k.code = v.kind "
		"WHERE o.org_id = ANY ($1) AND v.standard = 'iso42001:2023' "
		"  AND v.collected_on <= current_date AND (v.valid_until IS NULL OR v.valid_until >= current_date) "
		"GROUP BY v.org_id, v.standard, v.control_id "
		"HAVING bool_and(k.domain = 'information_security')",
		"{ref} is evidenced only by information security evidence: {1}",
	"Evidence an AI control with AI evidence (a model card, an evaluation report, an impact assessment, a monitoring dashboard): a penetration test is no evidence of an AI control."},

	{"SOA009", "minor", true,
		"WITH " LIVE_SOA ", "
		"excluded AS MATERIALIZED (SELECT e.org_id, e.soa_id, e.standard, e.control_id "
		"             FROM live l JOIN ims.soa_entry e ON e.org_id = l.org_id AND e.soa_id = l.soa_id "
		"             WHERE ims.decision(e.applicability) = 'not_applicable' AND " BLANK("e.justification") "), "
		"counterpart AS (SELECT source_standard AS std, source_control AS id, "
		"                       target_standard AS other_std, target_control AS other_id FROM ims.control_mapping "
		"                UNION ALL "
		"                SELECT target_standard, target_control, source_standard, source_control "
		"                FROM ims.control_mapping), "
		"pair AS MATERIALIZED (SELECT x.org_id, x.soa_id, x.standard, x.control_id, c.other_std, c.other_id "
		"                      FROM excluded x JOIN ims.organization o USING (org_id) "
		"                      JOIN counterpart c ON c.std = x.standard AND c.id = x.control_id "
		"                      WHERE x.standard = ANY (o.standards) AND c.other_std = ANY (o.standards)) "
		"SELECT p.org_id, NULL, p.standard, ims.standard_label(p.standard) || ' ' || p.control_id, "
		"       CASE WHEN count(*) = 1 THEN 'the control mapped to it, ' ELSE 'the controls mapped to it, ' END "
		"       || string_agg(ims.standard_label(p.other_std) || ' ' || p.other_id, ', ' "
		"                     ORDER BY p.other_std COLLATE \"C\", p.other_id COLLATE \"C\") "
		"       || CASE WHEN count(*) = 1 THEN ', is applicable' ELSE ', are applicable' END, NULL "
		"FROM pair p JOIN ims.soa_entry a ON a.org_id = p.org_id AND a.soa_id = p.soa_id "
		"                                AND a.standard = p.other_std AND a.control_id = p.other_id "
		"WHERE ims.decision(a.applicability) = 'applicable' "
		"GROUP BY p.org_id, p.standard, p.control_id",
		"{ref} is excluded without justification while {1}",
	"Say why the counterpart's reason for inclusion does not hold for this control, or decide both alike (ims.control_mapping says how they relate)."},

	{"SOA010", "minor", true,
		"SELECT o.org_id, NULL, NULL, o.name, 'has never been approved', NULL FROM " ORGS
		"  AND NOT EXISTS (SELECT 1 FROM ims.soa s WHERE s.org_id = o.org_id AND s.status = 'approved') "
		"UNION ALL "
		"SELECT s.org_id, NULL, NULL, format('version %s', s.version), "
		"       format('was approved by %s, not by %s, who approved the information security policy', "
		"              s.approved_by, p.approvers), NULL "
		"FROM ims.soa s JOIN ims.organization o USING (org_id), "
		"     LATERAL (SELECT string_agg(DISTINCT d.approved_by COLLATE \"C\", ' or ' "
		"                                ORDER BY d.approved_by COLLATE \"C\") AS approvers, "
		"                     bool_or(lower(btrim(d.approved_by)) = lower(btrim(s.approved_by))) AS same "
		"              FROM ims.document d WHERE d.org_id = s.org_id AND d.kind = 'policy' "
		"              AND 'iso27001:2022' = ANY (d.covers) AND d.approved_by IS NOT NULL) AS p "
		"WHERE o.org_id = ANY ($1) AND s.status = 'approved' AND p.approvers IS NOT NULL AND NOT p.same",
		"the Statement of Applicability {1}",
	"Have the SoA approved with ims.approve_soa() by the management that approved the information security policy."},

	{"AUD001", "major", false,
		"SELECT o.org_id, NULL, NULL, o.name, "
		"       (SELECT string_agg(ims.standard_label(x), ' and ' ORDER BY x COLLATE \"C\") FROM unnest(o.standards) AS x), NULL "
		"FROM " ORGS
		"  AND NOT EXISTS (SELECT 1 FROM ims.internal_audit a WHERE a.org_id = o.org_id "
		"                  AND a.performed_on > current_date - interval '12 months' "
		"                  AND a.performed_on <= current_date "
		"                  AND a.covers @> o.standards)",
		"no internal audit in the last 12 months covered {1}",
	"Run one internal audit cycle that covers both standards (clause 9.2), led by an auditor competent in each."},

	{"AUD002", "minor", false,
		"SELECT a.org_id, NULL, NULL, format('internal audit %s', a.cycle), "
		"       CASE WHEN u.auditor_id IS NULL THEN 'names no lead auditor' "
		"            ELSE format('is led by %s, who has no competence record for %s', u.name, "
		"                        (SELECT string_agg(ims.standard_label(x), ' and ' ORDER BY x COLLATE \"C\") "
		"                         FROM unnest(o.standards) AS x WHERE NOT x = ANY (u.competence))) END, NULL "
		"FROM (SELECT DISTINCT ON (a.org_id) a.* FROM ims.internal_audit a JOIN ims.organization o USING (org_id) "
		"      WHERE o.org_id = ANY ($1) ORDER BY a.org_id, a.performed_on DESC, a.audit_id DESC) AS a "
		"JOIN ims.organization o USING (org_id) "
		"LEFT JOIN ims.auditor u ON u.org_id = a.org_id AND u.auditor_id = a.lead_auditor_id "
		"WHERE u.auditor_id IS NULL OR NOT u.competence @> o.standards",
		"the latest {ref} {1}",
	"Record the lead auditor's competence for each standard (clause 7.2): an ISO 42001 audit needs competence in AI management."},

	{"MRV001", "major", false,
		"SELECT o.org_id, NULL, NULL, o.name, "
		"       (SELECT string_agg(ims.standard_label(x), ' and ' ORDER BY x COLLATE \"C\") FROM unnest(o.standards) AS x), NULL "
		"FROM " ORGS
		"  AND NOT EXISTS (SELECT 1 FROM ims.management_review r WHERE r.org_id = o.org_id "
		"                  AND r.held_on > current_date - interval '12 months' "
		"                  AND r.held_on <= current_date "
		"                  AND r.covers @> o.standards)",
		"no management review in the last 12 months covered {1}",
	"Hold one management review that covers both standards (clause 9.3), with the inputs of each."},

	{"MRV002", "minor", false,
		"SELECT r.org_id, NULL, 'iso42001:2023', format('management review of %s', to_char(r.held_on, 'YYYY-MM-DD')), "
		"       (SELECT string_agg(i, ', ' ORDER BY n) FROM unnest(ARRAY['ai_objectives', 'ai_system_performance', "
		"               'ai_risks', 'impact_assessment_outcomes']) WITH ORDINALITY AS x(i, n) "
		"        WHERE NOT i = ANY (r.agenda)), NULL "
		"FROM (SELECT DISTINCT ON (r.org_id) r.* FROM ims.management_review r JOIN ims.organization o USING (org_id) "
		"      WHERE o.org_id = ANY ($1) AND 'iso42001:2023' = ANY (o.standards) "
		"      ORDER BY r.org_id, r.held_on DESC, r.review_id DESC) AS r "
		"WHERE NOT r.agenda @> ARRAY['ai_objectives', 'ai_system_performance', 'ai_risks', 'impact_assessment_outcomes']",
		"the agenda of the latest {ref} lacks the AIMS inputs {1}",
	"Extend the agenda template with AI objectives, AI system performance, AI risks and impact assessment outcomes (ISO 42001 9.3.2)."},

	{"CRT001", "major", false,
		"SELECT o.org_id, NULL, x, ims.standard_label(x), NULL, NULL "
		"FROM ims.organization o, unnest(o.standards) AS x "
		"WHERE o.org_id = ANY ($1) "
		"  AND NOT EXISTS (SELECT 1 FROM ims.certification_body b WHERE b.org_id = o.org_id "
		"                  AND x = ANY (b.accredited_for))",
		"no certification body accredited for {ref} is engaged",
	"Engage a certification body accredited for both standards, so that one audit team can certify the integrated system."},

	{"CRT002", "observation", false,
		"SELECT o.org_id, "
		"       CASE WHEN NOT EXISTS (SELECT 1 FROM ims.certification_body b WHERE b.org_id = o.org_id "
		"                             AND b.accredited_for @> o.standards) THEN 'minor' END, NULL, o.name, "
		"       CASE WHEN NOT EXISTS (SELECT 1 FROM ims.certification_body b WHERE b.org_id = o.org_id "
		"                             AND b.accredited_for @> o.standards) "
		"            THEN 'no single certification body is accredited for every standard in scope, so no combined audit is possible' "
		"            ELSE 'no certification body accredited for every standard in scope has confirmed a combined audit window' END, "
		"       NULL "
		"FROM " ORGS
		"  AND EXISTS (SELECT 1 FROM ims.certification_body b WHERE b.org_id = o.org_id) "
		"  AND NOT EXISTS (SELECT 1 FROM ims.certification_body b WHERE b.org_id = o.org_id "
		"                  AND b.accredited_for @> o.standards AND b.combined_audit_confirmed)",
		"{1}",
	"Agree one audit window for all standards with one certification body accredited for each, so the system is audited as one."},
};

#define NUM_RULES ((int) lengthof(rules))

/* Plans are prepared once per backend and kept. */
static SPIPlanPtr plans[lengthof(rules)];

typedef struct Finding
{
	int64		org_id;
	int			severity_rank;	/* 1 major, 2 minor, 3 observation */
	const char *code;
	const char *severity;
	char	   *standard;
	char	   *ref;
	char	   *message;
	const char *hint;
} Finding;

static int
SeverityRank(const char *severity)
{
	if (strcmp(severity, "major") == 0)
		return 1;
	if (strcmp(severity, "minor") == 0)
		return 2;
	if (strcmp(severity, "observation") == 0)
		return 3;
	elog(ERROR, "unknown finding severity \"%s\"", severity);
	return 0;
}

static const char *
SeverityName(int rank)
{
	return rank == 1 ? "major" : rank == 2 ? "minor" : "observation";
}

/* Replace {ref}, {1} and {2} in a message; absent values read as "". */
static char *
FormatMessage(const char *template, const char *ref, const char *arg1, const char *arg2)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (const char *p = template; *p; p++)
	{
		if (strncmp(p, "{ref}", 5) == 0)
		{
			appendStringInfoString(&buf, ref ? ref : "");
			p += 4;
		}
		else if (strncmp(p, "{1}", 3) == 0 || strncmp(p, "{2}", 3) == 0)
		{
			const char *arg = p[1] == '1' ? arg1 : arg2;

			appendStringInfoString(&buf, arg ? arg : "");
			p += 2;
		}
		else
			appendStringInfoChar(&buf, *p);
	}
	return buf.data;
}

/*
 * Compare two texts so that runs of digits compare as numbers: control
 * "A.5.7" before "A.5.23", "A.8.1" before "A.10.2".  Bytes otherwise, so
 * the order never depends on a collation.
 */
static int
NaturalCompare(const char *a, const char *b)
{
	a = a ? a : "";
	b = b ? b : "";
	while (*a && *b)
	{
		if (isdigit((unsigned char) *a) && isdigit((unsigned char) *b))
		{
			const char *sa = a;
			const char *sb = b;
			size_t		la;
			size_t		lb;
			int			c;

			while (*sa == '0' && isdigit((unsigned char) sa[1]))
				sa++;
			while (*sb == '0' && isdigit((unsigned char) sb[1]))
				sb++;
			for (a = sa; isdigit((unsigned char) *a); a++)
				;
			for (b = sb; isdigit((unsigned char) *b); b++)
				;
			la = a - sa;
			lb = b - sb;
			if (la != lb)
				return la < lb ? -1 : 1;
			if ((c = memcmp(sa, sb, la)) != 0)
				return c;
		}
		else
		{
			if (*a != *b)
				return (unsigned char) *a < (unsigned char) *b ? -1 : 1;
			a++;
			b++;
		}
	}
	return (*a != '\0') - (*b != '\0');
}

/* Organization, severity, code, ref; then the message, so ties have an order too. */
static int
CompareFindings(const void *a, const void *b)
{
	const Finding *x = a;
	const Finding *y = b;
	int			c;

	if (x->org_id != y->org_id)
		return x->org_id < y->org_id ? -1 : 1;
	if (x->severity_rank != y->severity_rank)
		return x->severity_rank - y->severity_rank;
	if ((c = strcmp(x->code, y->code)) != 0)
		return c;
	if ((c = NaturalCompare(x->ref, y->ref)) != 0)
		return c;
	return strcmp(x->message, y->message);
}

/* The organizations of every row the caller can see, for a NULL argument. */
static Datum
VisibleOrganizations(void)
{
	bool		isnull;
	Datum		orgs;
	int			rc = SPI_execute("SELECT coalesce(array_agg(org_id), '{}') FROM ims.organization", true, 1);

	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "could not list organizations: %s", SPI_result_code_string(rc));
	orgs = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	return orgs;
}

/*
 * ims.evaluate_findings(org_ids bigint[], soa_only boolean)
 *	  RETURNS TABLE (org_id, code, severity, severity_rank, standard, ref, message, hint)
 *
 * org_ids NULL means every organization the caller can see.  Runs with
 * search_path pinned by its CREATE FUNCTION, so unqualified operators in
 * the rule queries are pg_catalog's.
 */
PG_FUNCTION_INFO_V1(findings_evaluate);
Datum
findings_evaluate(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	bool		soa_only = PG_ARGISNULL(1) ? false : PG_GETARG_BOOL(1);
	MemoryContext caller = CurrentMemoryContext;
	Finding    *found = NULL;
	int			nfound = 0;
	int			capacity = 0;
	Datum		orgs;
	bool		many;
	Oid			argtypes[1] = {INT8ARRAYOID};

	InitMaterializedSRF(fcinfo, 0);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	orgs = PG_ARGISNULL(0) ? VisibleOrganizations() : PG_GETARG_DATUM(0);
	{
		ArrayType  *array = DatumGetArrayTypeP(orgs);

		many = ArrayGetNItems(ARR_NDIM(array), ARR_DIMS(array)) > 1;
	}

	for (int r = 0; r < NUM_RULES; r++)
	{
		const FindingRule *rule = &rules[r];
		int			rc;

		if (soa_only && !rule->soa_rule)
			continue;
		if (many)
		{
			/*
			 * A generic plan guesses ten organizations in $1; with many
			 * more, a plan made for the actual array is several times
			 * faster, and planning costs little beside the run.
			 */
			rc = SPI_execute_with_args(rule->query, 1, argtypes, &orgs, NULL, true, 0);
		}
		else
		{
			if (plans[r] == NULL)
		{
				SPIPlanPtr	plan = SPI_prepare(rule->query, 1, argtypes);

				if (plan == NULL)
					elog(ERROR, "could not prepare rule %s: %s", rule->code,
						 SPI_result_code_string(SPI_result));
				SPI_keepplan(plan);
				plans[r] = plan;
			}
			rc = SPI_execute_plan(plans[r], &orgs, NULL, true, 0);
		}
		if (rc != SPI_OK_SELECT)
			elog(ERROR, "rule %s failed: %s", rule->code, SPI_result_code_string(rc));

		for (uint64 i = 0; i < SPI_processed; i++)
		{
			HeapTuple	tuple = SPI_tuptable->vals[i];
			TupleDesc	desc = SPI_tuptable->tupdesc;
			bool		isnull;
			MemoryContext spi = MemoryContextSwitchTo(caller);
			char	   *severity = SPI_getvalue(tuple, desc, 2);
			char	   *ref = SPI_getvalue(tuple, desc, 4);
			Finding    *f;

			if (nfound == capacity)
			{
				capacity = capacity ? capacity * 2 : 64;
				found = found ? repalloc_huge(found, sizeof(Finding) * capacity)
					: palloc(sizeof(Finding) * capacity);
			}
			f = &found[nfound++];
			f->org_id = DatumGetInt64(SPI_getbinval(tuple, desc, 1, &isnull));
			f->severity_rank = SeverityRank(severity ? severity : rule->severity);
			f->severity = SeverityName(f->severity_rank);
			f->code = rule->code;
			f->standard = SPI_getvalue(tuple, desc, 3);
			f->ref = ref;
			f->message = FormatMessage(rule->message, ref, SPI_getvalue(tuple, desc, 5),
									   SPI_getvalue(tuple, desc, 6));
			f->hint = rule->hint;
			MemoryContextSwitchTo(spi);
		}
		SPI_freetuptable(SPI_tuptable);
	}
	SPI_finish();

	if (nfound > 1)
		qsort(found, nfound, sizeof(Finding), CompareFindings);
	for (int i = 0; i < nfound; i++)
	{
		Datum		values[8];
		bool		nulls[8] = {false, false, false, false, false, false, false, false};
		Finding    *f = &found[i];

		values[0] = Int64GetDatum(f->org_id);
		values[1] = CStringGetTextDatum(f->code);
		values[2] = CStringGetTextDatum(f->severity);
		values[3] = Int32GetDatum(f->severity_rank);
		nulls[4] = (f->standard == NULL);
		values[4] = f->standard ? CStringGetTextDatum(f->standard) : (Datum) 0;
		nulls[5] = (f->ref == NULL);
		values[5] = f->ref ? CStringGetTextDatum(f->ref) : (Datum) 0;
		values[6] = CStringGetTextDatum(f->message);
		values[7] = CStringGetTextDatum(f->hint);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
