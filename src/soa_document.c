/*-------------------------------------------------------------------------
 *
 * soa_document.c
 *	  The consolidated Statement of Applicability as a document for
 *	  auditors: Markdown, HTML (one self-contained file with print CSS and
 *	  an inline SVG chart), CSV, and JSON built with cJSON.
 *
 * Everything is read through SPI as the caller, from the report views, so
 * a document shows only what the caller may read.  The content is: a
 * header (organization, version, status, approver, date, digest), one
 * table of both catalogs with standard-qualified ids, the clause mapping
 * summary, and the open findings.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <cjson/cJSON.h>

#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "json_build.h"
#include "text_encoding.h"
#include "soa_live.h"
#include "pg_ims.h"

typedef enum DocumentFormat
{
	FORMAT_MARKDOWN,
	FORMAT_HTML,
	FORMAT_CSV
} DocumentFormat;

/*
 * The columns of the entry query (ReadEntries), by name; the CSV document
 * has them all, in this order, under these headers.
 */
static const char *const entry_columns[] = {
	"standard", "control_id", "control", "title", "area", "area_title", "applicability",
	"decision", "reasons", "justification", "implementation", "owner", "evidence"
};

/* The entry columns of the Markdown and HTML tables. */
static const char *const table_columns[] = {
	"control", "title", "applicability", "justification", "implementation", "owner", "evidence"
};

typedef struct SoaHeader
{
	char	   *organization;
	char	   *version;
	char	   *status;
	char	   *approved_by;
	char	   *approved_at;
	char	   *digest;
	char	   *history_head;	/* ims.history_head: what an auditor holds */
} SoaHeader;

/* The two summaries every format carries, each in one place. */
static const char *const clause_summary_sql =
"SELECT status, count(*)::text AS clauses, "
"       string_agg(target_clause, ', ' ORDER BY clause_rank) AS target_clauses "
"FROM ims.report_clause_mapping WHERE org_id = $1 GROUP BY status, status_rank ORDER BY status_rank";
static const char *const clause_summary_columns[] = {"status", "clauses", "target_clauses"};
/* Every finding, for the JSON document: what a program reads. */
static const char *const findings_sql =
"SELECT code, grade AS severity, category, requirement, ref, message, hint "
"FROM ims.evaluate_findings(ARRAY[$1], false)";
/*
 * The findings rolled up per requirement, for the Markdown and HTML
 * documents: what a reader of an audit report expects, one row per
 * nonconformity with its examples, not one per object.
 */
static const char *const nonconformities_sql =
"SELECT grade, category, coalesce(citation, '') AS citation, examples, codes "
"FROM ims.nonconformities(ARRAY[$1])";
static const char *const nonconformity_columns[] = {"grade", "category", "citation", "examples", "codes"};
/* The same for the HTML document, with the hints of the findings rolled up. */
static const char *const nonconformities_hints_sql =
"WITH f AS MATERIALIZED (SELECT code, standard, requirement, hint FROM ims.evaluate_findings(ARRAY[$1], false)) "
"SELECT n.grade, n.category, coalesce(n.citation, '') AS citation, n.examples, n.codes, "
"       (SELECT string_agg(DISTINCT f.hint, E'\n' ORDER BY f.hint) FROM f "
"        WHERE f.code = ANY (string_to_array(n.codes, ', ')) "
"          AND f.requirement IS NOT DISTINCT FROM n.requirement) AS hints "
"FROM ims.nonconformities(ARRAY[$1]) n";
static const char *const nonconformity_hint_columns[] = {"grade", "category", "citation", "examples", "codes", "hints"};
static const char *const nonconformity_hint_headings[] = {"Grade", "Category", "Requirement", "Findings", "Codes", "What to do"};

/* Checks access and reads the live version's header. */
static SoaHeader
ReadHeader(Datum org)
{
	SoaHeader	h;

	SoaLiveRead(org, "o.name AS organization, s.version::text AS version, s.status, s.approved_by, "
				"to_char(s.approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI \"UTC\"') AS approved_at, "
				"s.digest");
	h.organization = PgImsSpiText(0, "organization");
	h.version = PgImsSpiText(0, "version");
	h.status = PgImsSpiText(0, "status");
	h.approved_by = PgImsSpiText(0, "approved_by");
	h.approved_at = PgImsSpiText(0, "approved_at");
	h.digest = PgImsSpiText(0, "digest");
	h.history_head = PgImsHistoryHead(org);
	return h;
}

/*
 * The columns entry_columns of the entries s of ims.report_soa.  The
 * evidence is filtered by the organization itself, not only through s:
 * Citus routes a correlated subquery to the organization's shard only so.
 */
#define ENTRY_SELECT \
	"SELECT s.standard, s.control_id, s.control_ref AS control, s.title, s.area, s.area_title, " \
	"       s.applicability, s.decision, array_to_string(s.reasons, ', ') AS reasons, " \
	"       s.justification, s.implementation, s.owner, " \
	"       (SELECT string_agg(v.title || ' (' || v.kind || ')', '; ' ORDER BY v.collected_on DESC, v.title) " \
	"        FROM ims.evidence v WHERE v.org_id = $1 AND v.org_id = s.org_id AND v.standard = s.standard " \
	"          AND v.control_id = s.control_id AND v.collected_on <= current_date " \
	"          AND (v.valid_until IS NULL OR v.valid_until >= current_date)) AS evidence "

/* The SoA entries, columns entry_columns; returns their number. */
static uint64
ReadEntries(Datum org)
{
	return SoaQuery(ENTRY_SELECT
					"FROM ims.report_soa s WHERE s.org_id = $1 "
					"ORDER BY s.standard COLLATE \"C\", s.control_rank", org);
}

/*
 * The same, for the HTML tables: with the standard's title, and the grade
 * (major, minor, observation) and number of the open findings against
 * the control (not waived; ims.evaluate_findings), null without any.
 * The findings are read first, by a query of their own, and given to the
 * query of the entries as a constant: on Citus the query of the entries
 * goes to the organization's shard whole, where the validator cannot run.
 */
static uint64
ReadHtmlEntries(Datum org)
{
	char	   *findings;

	SoaQuery("SELECT coalesce(jsonb_agg(f), '[]')::text AS findings "
			 "FROM (SELECT f.standard, f.requirement, count(*) AS findings, "
			 "             CASE WHEN bool_or(f.grade = 'major') THEN 'major' "
			 "                  WHEN bool_or(f.grade = 'minor') THEN 'minor' ELSE 'observation' END AS finding_grade "
			 "      FROM ims.evaluate_findings(ARRAY[$1], false) f "
			 "      WHERE f.waived_until IS NULL AND f.requirement IS NOT NULL "
			 "      GROUP BY f.standard, f.requirement) f", org);
	findings = PgImsSpiText(0, "findings");
	return SoaQuery(psprintf("WITH f AS (SELECT * FROM jsonb_to_recordset(%s::jsonb) "
							 "           AS f(standard text, requirement text, findings bigint, finding_grade text)) "
							 ENTRY_SELECT ", st.title AS standard_title, f.finding_grade, f.findings::text AS findings "
							 "FROM ims.report_soa s JOIN ims.standard st ON st.code = s.standard "
							 "LEFT JOIN f ON f.standard = s.standard AND f.requirement = s.control_id "
							 "WHERE s.org_id = $1 "
							 "ORDER BY s.standard COLLATE \"C\", s.control_rank",
							 quote_literal_cstr(findings)), org);
}

/*
 * One escaping helper per format, used for every value the document
 * writes in that format (docs/soa-document.md says what each escapes).
 * They read the database encoding: in a UTF-8 database every Unicode
 * control character and line break is known; in another one only the
 * ASCII ones (names.h).
 */
static bool
DatabaseIsUtf8(void)
{
	return GetDatabaseEncoding() == PG_UTF8;
}

/* U+FFFD, or "?" where the database encoding may not hold it. */
static void
AppendReplacement(StringInfo buf, bool utf8)
{
	appendStringInfoString(buf, utf8 ? "\xEF\xBF\xBD" : "?");
}

/* ---- Markdown (CommonMark with GFM tables) ---- */

/*
 * A value inside a heading or a table cell: the characters that make
 * inline structure are backslash-escaped (the backslash itself, code
 * spans, emphasis, links and images, raw HTML and autolinks, entities,
 * the closing "#" of a heading, the cell separator, strikethrough); a
 * line break (CR LF, LF, CR, VT, FF, NEL, U+2028, U+2029) becomes <br>,
 * so the value never starts a line of its own (a heading, a list, a
 * forged table row); a tab becomes a space and any other control
 * character U+FFFD.
 */
static void
MarkdownText(StringInfo buf, const char *s)
{
	bool		utf8 = DatabaseIsUtf8();

	while (s && *s)
	{
		const char *start = s;
		int32		c = PgImsNextChar(&s, utf8);

		if (c == '\r' && *s == '\n')
			continue;			/* CR LF: one break, written at the LF */
		if (PgImsIsLineBreak(c))
			appendStringInfoString(buf, "<br>");
		else if (c == '\t')
			appendStringInfoChar(buf, ' ');
		else if (PgImsIsControl(c))
			AppendReplacement(buf, utf8);
		else if (c >= 0 && c < 0x80 && strchr("\\`*_[]<>&#|~", c) != NULL)
		{
			appendStringInfoChar(buf, '\\');
			appendStringInfoChar(buf, (char) c);
		}
		else
			appendBinaryStringInfo(buf, start, s - start);
	}
}

static void
MarkdownCell(StringInfo buf, const char *s)
{
	appendStringInfoChar(buf, ' ');
	MarkdownText(buf, s);
	appendStringInfoString(buf, " |");
}

/* ---- HTML ---- */

/*
 * Text in an element or an attribute value: & < > " ' as references; line
 * breaks (CR LF and every other) as one LF, which the style sheet shows
 * as a break in a cell (white-space: pre-line); a tab kept; any other
 * control character, which HTML does not allow, as U+FFFD.
 */
static void
HtmlText(StringInfo buf, const char *s)
{
	bool		utf8 = DatabaseIsUtf8();

	while (s && *s)
	{
		const char *start = s;
		int32		c = PgImsNextChar(&s, utf8);

		switch (c)
		{
			case '&':
				appendStringInfoString(buf, "&amp;");
				break;
			case '<':
				appendStringInfoString(buf, "&lt;");
				break;
			case '>':
				appendStringInfoString(buf, "&gt;");
				break;
			case '"':
				appendStringInfoString(buf, "&quot;");
				break;
			case '\'':
				appendStringInfoString(buf, "&#39;");
				break;
			case '\t':
				appendStringInfoChar(buf, '\t');
				break;
			default:
				if (c == '\r' && *s == '\n')
					break;		/* CR LF: one break, written at the LF */
				if (PgImsIsLineBreak(c))
					appendStringInfoChar(buf, '\n');
				else if (PgImsIsControl(c))
					AppendReplacement(buf, utf8);
				else
					appendBinaryStringInfo(buf, start, s - start);
		}
	}
}

/* ---- CSV (RFC 4180) ---- */

/*
 * A field, always quoted, quotes doubled; NULL an empty unquoted field.
 * A value a spreadsheet would take for a formula (one that begins with
 * "=", "+", "-", "@", a tab or a carriage return: OWASP's CSV injection
 * guidance) gets a single quote in front, so that it is shown as text.
 */
static void
CsvField(StringInfo buf, const char *s, bool last)
{
	if (s != NULL)
	{
		appendStringInfoChar(buf, '"');
		if (*s != '\0' && strchr("=+-@\t\r", *s) != NULL)
			appendStringInfoChar(buf, '\'');
		for (; *s; s++)
		{
			if (*s == '"')
				appendStringInfoChar(buf, '"');
			appendStringInfoChar(buf, *s);
		}
		appendStringInfoChar(buf, '"');
	}
	appendStringInfoString(buf, last ? "\r\n" : ",");
}

static const char *
Or(const char *s, const char *otherwise)
{
	return s ? s : otherwise;
}

/* The header lines, the same in Markdown and HTML. */
typedef struct HeaderLine
{
	const char *label;
	const char *value;
} HeaderLine;

static int
HeaderLines(const SoaHeader *h, HeaderLine *lines)
{
	int			n = 0;

	lines[n++] = (HeaderLine) {"Organization", h->organization};
	lines[n++] = (HeaderLine) {"Version", h->version};
	lines[n++] = (HeaderLine) {"Status", h->status};
	lines[n++] = (HeaderLine) {"Approved by", Or(h->approved_by, "not approved")};
	lines[n++] = (HeaderLine) {"Approved on", Or(h->approved_at, "not approved")};
	lines[n++] = (HeaderLine) {"SHA-256 digest", Or(h->digest, "none: the version is a draft")};
	/* sequence number and hash of the latest entry of the record's history */
	lines[n++] = (HeaderLine) {"History head", Or(h->history_head, "no history yet")};
	return n;
}

/* One Markdown table row: the named columns of row i of the last result. */
static void
MarkdownRow(StringInfo buf, uint64 i, const char *const *columns, int n_columns)
{
	appendStringInfoChar(buf, '|');
	for (int c = 0; c < n_columns; c++)
		MarkdownCell(buf, PgImsSpiText(i, columns[c]));
	appendStringInfoChar(buf, '\n');
}

static void
MarkdownDocument(StringInfo buf, Datum org, const SoaHeader *h)
{
	HeaderLine	lines[7];
	int			n_lines = HeaderLines(h, lines);
	uint64		n;

	appendStringInfoString(buf, "# Statement of Applicability: ");
	MarkdownText(buf, h->organization);
	appendStringInfoString(buf, "\n\n");
	appendStringInfoString(buf, "Consolidated for ISO/IEC 27001:2022 and ISO/IEC 42001:2023: one table, both Annex A catalogs.\n\n");
	appendStringInfoString(buf, "| | |\n|---|---|\n");
	for (int i = 0; i < n_lines; i++)
	{
		appendStringInfoChar(buf, '|');
		MarkdownCell(buf, lines[i].label);
		MarkdownCell(buf, lines[i].value);
		appendStringInfoChar(buf, '\n');
	}

	n = ReadEntries(org);
	appendStringInfo(buf, "\n## Controls (%llu)\n\n", (unsigned long long) n);
	appendStringInfoString(buf, "| Control | Title | Applicability | Justification | Implementation | Owner | Evidence |\n");
	appendStringInfoString(buf, "|---|---|---|---|---|---|---|\n");
	for (uint64 i = 0; i < n; i++)
		MarkdownRow(buf, i, table_columns, lengthof(table_columns));

	n = SoaQuery(clause_summary_sql, org);
	appendStringInfoString(buf, "\n## Clause mapping ISO/IEC 27001 to ISO/IEC 42001\n\n| Status | Clauses | ISO 42001 clauses |\n|---|---|---|\n");
	for (uint64 i = 0; i < n; i++)
		MarkdownRow(buf, i, clause_summary_columns, lengthof(clause_summary_columns));

	n = SoaQuery(nonconformities_sql, org);
	appendStringInfo(buf, "\n## Open findings, per requirement (%llu)\n\n", (unsigned long long) n);
	if (n == 0)
		appendStringInfoString(buf, "None.\n");
	else
	{
		appendStringInfoString(buf, "| Grade | Category | Requirement | Findings | Codes |\n|---|---|---|---|---|\n");
		for (uint64 i = 0; i < n; i++)
			MarkdownRow(buf, i, nonconformity_columns, lengthof(nonconformity_columns));
	}
}

/*
 * An inline SVG bar chart per Annex A area, a heading per standard: each
 * bar split into the share implemented (partial counting half), the share
 * decided but not yet implemented, and the share still undecided, so that
 * an area nobody has decided does not read as one nobody has started; a
 * legend says which colour is which.
 */
static void
ReadinessChart(StringInfo buf, Datum org)
{
	int			bar = 16;
	int			row = bar + 6;
	int			width = 360;
	int			x0 = 110;
	int			height;
	int			y = 0;
	const char *standard = NULL;
	int			n_standards;
	uint64		n;
	static const char *const legend[][2] = {
		{"#15803d", "implemented (partial counts half)"},
		{"#9ca3af", "decided, not yet implemented"},
		{"#f59e0b", "undecided"}
	};

	n = SoaQuery("SELECT standard, standard_label, standard_label || ' ' || group_id AS label, group_title, "
				 "       coalesce(implemented_pct, 0)::int AS implemented, "
				 "       greatest(coalesce(decided_pct, 0) - coalesce(implemented_pct, 0), 0)::int AS decided_only, "
				 "       (100 - coalesce(decided_pct, 0))::int AS undecided "
				 "FROM ims.readiness($1) WHERE group_kind = 'annex_a_area' "
				 "ORDER BY standard COLLATE \"C\", group_rank", org);
	n_standards = 0;
	for (uint64 i = 0; i < n; i++)
		if (i == 0 || strcmp(PgImsSpiText(i - 1, "standard"), PgImsSpiText(i, "standard")) != 0)
			n_standards++;
	height = (int) n * row + n_standards * row + 2 * row + 10;
	appendStringInfo(buf, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
					 "class=\"chart\" role=\"img\" aria-label=\"Per Annex A area: share of controls implemented, "
					 "decided but not implemented, and undecided\">\n",
					 x0 + width + 240, height, x0 + width + 240, height);
	/* the legend, first */
	for (int l = 0; l < (int) lengthof(legend); l++)
	{
		int			lx = l == 0 ? 0 : l == 1 ? 240 : 450;

		appendStringInfo(buf, "<rect x=\"%d\" y=\"4\" width=\"12\" height=\"12\" fill=\"%s\"/>"
						 "<text x=\"%d\" y=\"14\" font-size=\"12\">%s</text>\n",
						 lx, legend[l][0], lx + 16, legend[l][1]);
	}
	y = 2 * row;
	for (uint64 i = 0; i < n; i++)
	{
		char	   *this_standard = PgImsSpiText(i, "standard");
		int			implemented = atoi(PgImsSpiText(i, "implemented"));
		int			decided_only = atoi(PgImsSpiText(i, "decided_only"));
		int			undecided = atoi(PgImsSpiText(i, "undecided"));
		int			w1 = width * implemented / 100;
		int			w2 = width * decided_only / 100;
		int			w3 = width * undecided / 100;

		if (standard == NULL || strcmp(standard, this_standard) != 0)
		{
			appendStringInfo(buf, "<text x=\"0\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">", y + 13);
			HtmlText(buf, PgImsSpiText(i, "standard_label"));
			appendStringInfoString(buf, "</text>\n");
			y += row;
			standard = this_standard;
		}
		appendStringInfo(buf, "<text x=\"0\" y=\"%d\" font-size=\"12\">", y + 12);
		HtmlText(buf, PgImsSpiText(i, "label"));
		appendStringInfoString(buf, "</text>");
		appendStringInfo(buf, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#d1d5db\"/>",
						 x0, y, width, bar);
		appendStringInfo(buf, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
						 x0, y, w1, bar, legend[0][0]);
		appendStringInfo(buf, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
						 x0 + w1, y, w2, bar, legend[1][0]);
		appendStringInfo(buf, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>",
						 x0 + width - w3, y, w3, bar, legend[2][0]);
		HtmlText(buf, PgImsSpiText(i, "group_title"));
		appendStringInfo(buf, "</title></rect><text x=\"%d\" y=\"%d\" font-size=\"12\">%d%% implemented",
						 x0 + width + 8, y + 12, implemented);
		if (undecided > 0)
			appendStringInfo(buf, ", %d%% undecided", undecided);
		appendStringInfoString(buf, "</text>\n");
		y += row;
	}
	appendStringInfoString(buf, "</svg>\n");
}

/*
 * One HTML table row: the named columns of row i of the last result, the
 * row of class row_class unless that is NULL.
 */
static void
HtmlRow(StringInfo buf, uint64 i, const char *row_class, const char *const *columns,
		const char *const *headings, int n_columns)
{
	if (row_class != NULL)
	{
		appendStringInfoString(buf, "<tr class=\"");
		HtmlText(buf, row_class);
		appendStringInfoString(buf, "\">");
	}
	else
		appendStringInfoString(buf, "<tr>");
	for (int c = 0; c < n_columns; c++)
	{
		/* headings: the labels of the narrow layout (table.cards) */
		if (headings != NULL)
			appendStringInfo(buf, "<td data-label=\"%s\">", headings[c]);
		else
			appendStringInfoString(buf, "<td>");
		HtmlText(buf, PgImsSpiText(i, columns[c]));
		appendStringInfoString(buf, "</td>");
	}
	appendStringInfoString(buf, "</tr>\n");
}

/* The column headings of the HTML controls table, as table_columns. */
static const char *const table_headings[] = {
	"Control", "Title", "Applicability", "Justification", "Implementation", "Owner", "Evidence"
};

/*
 * The HTML document: readable from a 760 px window to print.  Above
 * 820 px and on paper the controls are a table per standard; below, each
 * entry is a block of labelled lines (the labels come from data-label),
 * so nothing runs off the right edge.
 */
static void
HtmlDocument(StringInfo buf, Datum org, const SoaHeader *h)
{
	HeaderLine	lines[8];
	int			n_lines = HeaderLines(h, lines);
	const char *standard = NULL;
	char	   *generated;
	uint64		n;

	SoaQuery("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI \"UTC\"') AS generated", org);
	generated = PgImsSpiText(0, "generated");
	lines[n_lines++] = (HeaderLine) {"Generated on", generated};

	appendStringInfoString(buf, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
						   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Statement of Applicability: ");
	HtmlText(buf, h->organization);
	appendStringInfoString(buf, "</title>\n<style>\n"
						   "body { font-family: system-ui, sans-serif; margin: 2em; color: #111; max-width: 80em; }\n"
						   "h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.5em; } h3 { font-size: 1.05em; margin-top: 1.2em; }\n"
						   "table { border-collapse: collapse; width: 100%; font-size: 0.85em; }\n"
						   "th, td { border: 1px solid #d1d5db; padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: break-word; }\n"
						   "th { background: #f3f4f6; }\n"
						   "table.header { width: auto; } table.header th { width: 10em; }\n"
						   "td { white-space: pre-line; } table.controls td:first-child { white-space: nowrap; }\n"
						   "td.undecided { background: #fef3c7; } td.not_applicable { color: #6b7280; }\n"
						   "tr.major td { background: #fee2e2; } tr.finding-major td:first-child { border-left: 4px solid #b91c1c; }\n"
						   "tr.finding-minor td:first-child { border-left: 4px solid #ea580c; }\n"
						   "tr.finding-observation td:first-child { border-left: 4px solid #2563eb; }\n"
						   ".flag { display: inline-block; font-size: 0.8em; font-weight: bold; padding: 0 4px; border-radius: 3px; color: #fff; white-space: nowrap; }\n"
						   ".flag.major { background: #b91c1c; } .flag.minor { background: #ea580c; } .flag.observation { background: #2563eb; }\n"
						   "svg.chart { max-width: 100%; height: auto; }\n"
						   "p.legend span { margin-right: 1.2em; }\n"
						   "@media screen and (max-width: 820px) {\n"
						   "  body { margin: 1em; }\n"
						   "  table.cards thead { display: none; }\n"
						   "  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: auto; }\n"
						   "  table.cards tr { border: 1px solid #d1d5db; margin-bottom: 0.6em; }\n"
						   "  table.cards td { border: none; padding: 2px 6px; }\n"
						   "  table.cards td::before { content: attr(data-label) \": \"; font-weight: bold; }\n"
						   "  table.cards td:first-child { font-weight: bold; background: #f3f4f6; white-space: normal; }\n"
						   "  table.controls td:first-child::before { content: none; }\n"
						   "}\n"
						   "@media print { body { margin: 0; font-size: 9pt; max-width: none; } thead { display: table-header-group; }\n"
						   "  table { font-size: 8pt; } tr { page-break-inside: avoid; } h2, h3 { page-break-after: avoid; }\n"
						   "  .flag, tr.major td, td.undecided { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }\n"
						   "</style>\n</head>\n<body>\n<h1>Statement of Applicability: ");
	HtmlText(buf, h->organization);
	appendStringInfoString(buf, "</h1>\n<p>Consolidated for ISO/IEC 27001:2022 and ISO/IEC 42001:2023: one section per standard, each in catalog order.</p>\n<table class=\"header\">\n");
	for (int i = 0; i < n_lines; i++)
	{
		appendStringInfo(buf, "<tr><th>%s</th><td>", lines[i].label);
		HtmlText(buf, lines[i].value);
		appendStringInfoString(buf, "</td></tr>\n");
	}
	appendStringInfoString(buf, "</table>\n<h2>Readiness per Annex A area</h2>\n");
	ReadinessChart(buf, org);

	n = ReadHtmlEntries(org);
	appendStringInfo(buf, "<h2>Controls (%llu)</h2>\n", (unsigned long long) n);
	appendStringInfoString(buf, "<p class=\"legend\"><span><span class=\"flag major\">major</span> "
						   "<span class=\"flag minor\">minor</span> <span class=\"flag observation\">observation</span>: "
						   "the entry has open findings of that grade (the highest shown; "
						   "see Open findings)</span><span style=\"background:#fef3c7\">undecided</span>"
						   "<span style=\"color:#6b7280\">not applicable</span></p>\n");
	for (uint64 i = 0; i < n; i++)
	{
		char	   *this_standard = PgImsSpiText(i, "standard");
		char	   *grade = PgImsSpiText(i, "finding_grade");

		if (standard == NULL || strcmp(standard, this_standard) != 0)
		{
			if (standard != NULL)
				appendStringInfoString(buf, "</tbody>\n</table>\n");
			appendStringInfoString(buf, "<h3>");
			HtmlText(buf, PgImsSpiText(i, "standard_title"));
			appendStringInfoString(buf, "</h3>\n<table class=\"controls cards\">\n<thead><tr>");
			for (int c = 0; c < (int) lengthof(table_headings); c++)
				appendStringInfo(buf, "<th>%s</th>", table_headings[c]);
			appendStringInfoString(buf, "</tr></thead>\n<tbody>\n");
			standard = this_standard;
		}
		if (grade != NULL)
		{
			appendStringInfoString(buf, "<tr class=\"finding-");
			HtmlText(buf, grade);
			appendStringInfoString(buf, "\">");
		}
		else
			appendStringInfoString(buf, "<tr>");
		for (int c = 0; c < (int) lengthof(table_columns); c++)
		{
			appendStringInfo(buf, "<td data-label=\"%s\"", table_headings[c]);
			/* the applicability cell is coloured by its decision */
			if (strcmp(table_columns[c], "applicability") == 0)
			{
				appendStringInfoString(buf, " class=\"");
				HtmlText(buf, PgImsSpiText(i, "decision"));
				appendStringInfoChar(buf, '"');
			}
			appendStringInfoChar(buf, '>');
			HtmlText(buf, PgImsSpiText(i, table_columns[c]));
			if (c == 0 && grade != NULL)
			{
				appendStringInfoString(buf, " <span class=\"flag ");
				HtmlText(buf, grade);
				appendStringInfoString(buf, "\">");
				HtmlText(buf, PgImsSpiText(i, "findings"));
				appendStringInfoChar(buf, ' ');
				HtmlText(buf, grade);
				appendStringInfoString(buf, "</span>");
			}
			appendStringInfoString(buf, "</td>");
		}
		appendStringInfoString(buf, "</tr>\n");
	}
	if (standard != NULL)
		appendStringInfoString(buf, "</tbody>\n</table>\n");

	n = SoaQuery(clause_summary_sql, org);
	appendStringInfoString(buf, "<h2>Clause mapping ISO/IEC 27001 to ISO/IEC 42001</h2>\n<table>\n"
						   "<thead><tr><th>Status</th><th>Clauses</th><th>ISO 42001 clauses</th></tr></thead>\n<tbody>\n");
	for (uint64 i = 0; i < n; i++)
		HtmlRow(buf, i, NULL, clause_summary_columns, NULL, lengthof(clause_summary_columns));
	appendStringInfoString(buf, "</tbody>\n</table>\n");

	n = SoaQuery(nonconformities_hints_sql, org);
	appendStringInfo(buf, "<h2>Open findings, per requirement (%llu)</h2>\n", (unsigned long long) n);
	appendStringInfoString(buf, "<table class=\"cards\">\n<thead><tr>");
	for (int c = 0; c < (int) lengthof(nonconformity_hint_headings); c++)
		appendStringInfo(buf, "<th>%s</th>", nonconformity_hint_headings[c]);
	appendStringInfoString(buf, "</tr></thead>\n<tbody>\n");
	for (uint64 i = 0; i < n; i++)
		HtmlRow(buf, i, PgImsSpiText(i, "grade"), nonconformity_hint_columns, nonconformity_hint_headings,
				lengthof(nonconformity_hint_columns));
	appendStringInfoString(buf, "</tbody>\n</table>\n</body>\n</html>\n");
}

static void
CsvDocument(StringInfo buf, Datum org)
{
	uint64		n = ReadEntries(org);
	int			n_columns = lengthof(entry_columns);

	/*
	 * A byte-order mark first, in a UTF-8 database: spreadsheets (Excel,
	 * LibreOffice's default import) take a CSV file without one for the
	 * platform's legacy code page and garble non-ASCII names.
	 */
	if (GetDatabaseEncoding() == PG_UTF8)
		appendStringInfoString(buf, "\xEF\xBB\xBF");
	for (int c = 0; c < n_columns; c++)
		appendStringInfo(buf, "%s%s", entry_columns[c], c + 1 < n_columns ? "," : "\r\n");
	for (uint64 i = 0; i < n; i++)
		for (int c = 0; c < n_columns; c++)
			CsvField(buf, PgImsSpiText(i, entry_columns[c]), c + 1 == n_columns);
}

/*
 * ims.soa_document(org_id bigint, format text DEFAULT 'markdown') → text
 */
PG_FUNCTION_INFO_V1(soa_document);
Datum
soa_document(PG_FUNCTION_ARGS)
{
	Datum		org = PG_GETARG_DATUM(0);
	char	   *format = text_to_cstring(PG_GETARG_TEXT_PP(1));
	DocumentFormat kind;
	StringInfoData buf;
	MemoryContext caller = CurrentMemoryContext;
	SoaHeader	h;
	text	   *result;

	if (pg_strcasecmp(format, "markdown") == 0 || pg_strcasecmp(format, "md") == 0)
		kind = FORMAT_MARKDOWN;
	else if (pg_strcasecmp(format, "html") == 0)
		kind = FORMAT_HTML;
	else if (pg_strcasecmp(format, "csv") == 0)
		kind = FORMAT_CSV;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown SoA document format \"%s\"", format),
				 errhint("The formats are markdown, html and csv; ims.soa_json() gives JSON.")));

	PgImsSpiConnect();
	h = ReadHeader(org);
	initStringInfo(&buf);
	if (kind == FORMAT_MARKDOWN)
		MarkdownDocument(&buf, org, &h);
	else if (kind == FORMAT_HTML)
		HtmlDocument(&buf, org, &h);
	else
		CsvDocument(&buf, org);

	MemoryContextSwitchTo(caller);
	result = cstring_to_text_with_len(buf.data, buf.len);
	PgImsSpiFinish();
	PG_RETURN_TEXT_P(result);
}

/* Column name of row i of the last result into object under its own name. */
static void
PutColumn(cJSON *object, uint64 i, const char *name)
{
	PgImsJsonPut(object, name, PgImsJsonString(PgImsSpiText(i, name)));
}

/* The document as cJSON: one object per SoA entry, with its applicability. */
static char *
SoaJsonText(Datum org)
{
	SoaHeader	h = ReadHeader(org);
	cJSON	   *doc = PgImsJsonObject();
	cJSON	   *soa = PgImsJsonObject();
	cJSON	   *entries = PgImsJsonArray();
	cJSON	   *findings = PgImsJsonArray();
	cJSON	   *mapping = PgImsJsonArray();
	char	   *text;
	uint64		n;

	PgImsJsonPut(doc, "format", PgImsJsonString("pg_ims/soa"));
	PgImsJsonPut(doc, "org_id", cJSON_CreateNumber((double) DatumGetInt64(org)));
	PgImsJsonPut(doc, "organization", PgImsJsonString(h.organization));
	PgImsJsonPut(soa, "version", cJSON_CreateNumber(atof(h.version)));
	PgImsJsonPut(soa, "status", PgImsJsonString(h.status));
	PgImsJsonPut(soa, "approved_by", PgImsJsonString(h.approved_by));
	PgImsJsonPut(soa, "approved_at", PgImsJsonString(h.approved_at));
	PgImsJsonPut(soa, "digest", PgImsJsonString(h.digest));
	PgImsJsonPut(doc, "history_head", PgImsJsonString(h.history_head));
	PgImsJsonPut(doc, "soa", soa);

	n = ReadEntries(org);
	for (uint64 i = 0; i < n; i++)
	{
		cJSON	   *e = PgImsJsonObject();
		cJSON	   *reasons = PgImsJsonArray();
		char	   *list = PgImsSpiText(i, "reasons");

		PutColumn(e, i, "standard");
		PutColumn(e, i, "control_id");
		PutColumn(e, i, "control");
		PutColumn(e, i, "title");
		PutColumn(e, i, "area");
		PutColumn(e, i, "applicability");
		PutColumn(e, i, "decision");
		/* reasons are lowercase words joined by ", " (ims.reasons) */
		if (list && *list)
			for (char *tok = strtok(list, ", "); tok; tok = strtok(NULL, ", "))
				PgImsJsonAppend(reasons, PgImsJsonString(tok));
		PgImsJsonPut(e, "reasons", reasons);
		PutColumn(e, i, "justification");
		PutColumn(e, i, "implementation");
		PutColumn(e, i, "owner");
		PutColumn(e, i, "evidence");
		PgImsJsonAppend(entries, e);
	}
	PgImsJsonPut(doc, "entries", entries);

	n = SoaQuery("SELECT source_clause, target_clause, relation, status FROM ims.report_clause_mapping "
				 "WHERE org_id = $1 ORDER BY clause_rank", org);
	for (uint64 i = 0; i < n; i++)
	{
		cJSON	   *m = PgImsJsonObject();

		PgImsJsonPut(m, "iso27001", PgImsJsonString(PgImsSpiText(i, "source_clause")));
		PgImsJsonPut(m, "iso42001", PgImsJsonString(PgImsSpiText(i, "target_clause")));
		PgImsJsonPut(m, "relation", PgImsJsonString(PgImsSpiText(i, "relation")));
		PgImsJsonPut(m, "status", PgImsJsonString(PgImsSpiText(i, "status")));
		PgImsJsonAppend(mapping, m);
	}
	PgImsJsonPut(doc, "clause_mapping", mapping);

	n = SoaQuery(findings_sql, org);
	for (uint64 i = 0; i < n; i++)
	{
		cJSON	   *f = PgImsJsonObject();

		PutColumn(f, i, "code");
		PutColumn(f, i, "severity");
		PutColumn(f, i, "category");
		PutColumn(f, i, "requirement");
		PutColumn(f, i, "ref");
		PutColumn(f, i, "message");
		PutColumn(f, i, "hint");
		PgImsJsonAppend(findings, f);
	}
	PgImsJsonPut(doc, "findings", findings);

	text = cJSON_PrintUnformatted(doc);
	if (text == NULL)
		elog(ERROR, "could not print the SoA JSON document");
	return text;
}

/*
 * ims.soa_json(org_id bigint) → jsonb
 */
PG_FUNCTION_INFO_V1(soa_json);
Datum
soa_json(PG_FUNCTION_ARGS)
{
	return PgImsBuildJsonb(SoaJsonText, PG_GETARG_DATUM(0), "pg_ims SoA JSON");
}
