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
	return h;
}

/* The SoA entries, columns entry_columns; returns their number. */
static uint64
ReadEntries(Datum org)
{
	return SoaQuery("SELECT s.standard, s.control_id, s.control_ref AS control, s.title, s.area, s.area_title, "
					"       s.applicability, s.decision, array_to_string(s.reasons, ', ') AS reasons, "
					"       s.justification, s.implementation, s.owner, "
					"       (SELECT string_agg(v.title || ' (' || v.kind || ')', '; ' ORDER BY v.collected_on DESC, v.title) "
					"        FROM ims.evidence v WHERE v.org_id = s.org_id AND v.standard = s.standard "
					"          AND v.control_id = s.control_id AND v.collected_on <= current_date "
					"          AND (v.valid_until IS NULL OR v.valid_until >= current_date)) AS evidence "
					"FROM ims.report_soa s WHERE s.org_id = $1 "
					"ORDER BY s.standard COLLATE \"C\", s.control_rank", org);
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
	HeaderLine	lines[6];
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

/* An inline SVG bar chart: implemented share of each Annex A area. */
static void
ReadinessChart(StringInfo buf, Datum org)
{
	int			bar = 18;
	int			width = 420;
	int			height;
	uint64		n;

	n = SoaQuery("SELECT standard_label || ' ' || group_id AS label, "
				 "       coalesce(implemented_pct, 0)::int AS pct, group_title "
				 "FROM ims.report_readiness WHERE org_id = $1 AND group_kind = 'annex_a_area' "
				 "ORDER BY standard COLLATE \"C\", group_rank", org);
	height = (int) n * (bar + 6) + 10;
	appendStringInfo(buf, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
					 "aria-label=\"Share of controls implemented per Annex A area\">\n", width + 180, height);
	for (uint64 i = 0; i < n; i++)
	{
		int			pct = atoi(PgImsSpiText(i, "pct"));
		int			y = 5 + (int) i * (bar + 6);

		appendStringInfo(buf, "<text x=\"0\" y=\"%d\" font-size=\"12\">", y + 13);
		HtmlText(buf, PgImsSpiText(i, "label"));
		appendStringInfoString(buf, "</text>");
		appendStringInfo(buf, "<rect x=\"110\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#e5e7eb\"/>", y, width, bar);
		appendStringInfo(buf, "<rect x=\"110\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>",
						 y, width * pct / 100, bar, pct >= 80 ? "#15803d" : pct >= 40 ? "#ca8a04" : "#b91c1c");
		HtmlText(buf, PgImsSpiText(i, "group_title"));
		appendStringInfo(buf, "</title></rect><text x=\"%d\" y=\"%d\" font-size=\"12\">%d%%</text>\n",
						 width + 120, y + 13, pct);
	}
	appendStringInfoString(buf, "</svg>\n");
}

/*
 * One HTML table row: the named columns of row i of the last result, the
 * row of class row_class unless that is NULL.
 */
static void
HtmlRow(StringInfo buf, uint64 i, const char *row_class, const char *const *columns, int n_columns)
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
		appendStringInfoString(buf, "<td>");
		HtmlText(buf, PgImsSpiText(i, columns[c]));
		appendStringInfoString(buf, "</td>");
	}
	appendStringInfoString(buf, "</tr>\n");
}

static void
HtmlDocument(StringInfo buf, Datum org, const SoaHeader *h)
{
	HeaderLine	lines[6];
	int			n_lines = HeaderLines(h, lines);
	uint64		n;

	appendStringInfoString(buf, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Statement of Applicability: ");
	HtmlText(buf, h->organization);
	appendStringInfoString(buf, "</title>\n<style>\n"
						   "body { font-family: system-ui, sans-serif; margin: 2em; color: #111; }\n"
						   "h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.5em; }\n"
						   "table { border-collapse: collapse; width: 100%; font-size: 0.85em; }\n"
						   "th, td { border: 1px solid #d1d5db; padding: 4px 6px; text-align: left; vertical-align: top; }\n"
						   "th { background: #f3f4f6; }\n"
						   "table.header { width: auto; } table.header th { width: 10em; }\n"
						   "td { white-space: pre-line; } td:first-child { white-space: nowrap; }\n"
						   "td.undecided { background: #fef3c7; } td.not_applicable { color: #6b7280; }\n"
						   "tr.major td { background: #fee2e2; }\n"
						   "@media print { body { margin: 0; font-size: 10pt; } thead { display: table-header-group; }\n"
						   "  tr { page-break-inside: avoid; } h2 { page-break-after: avoid; } }\n"
						   "</style>\n</head>\n<body>\n<h1>Statement of Applicability: ");
	HtmlText(buf, h->organization);
	appendStringInfoString(buf, "</h1>\n<p>Consolidated for ISO/IEC 27001:2022 and ISO/IEC 42001:2023: one table, both Annex A catalogs.</p>\n<table class=\"header\">\n");
	for (int i = 0; i < n_lines; i++)
	{
		appendStringInfo(buf, "<tr><th>%s</th><td>", lines[i].label);
		HtmlText(buf, lines[i].value);
		appendStringInfoString(buf, "</td></tr>\n");
	}
	appendStringInfoString(buf, "</table>\n<h2>Readiness: controls implemented per Annex A area</h2>\n");
	ReadinessChart(buf, org);

	n = ReadEntries(org);
	appendStringInfo(buf, "<h2>Controls (%llu)</h2>\n<table>\n<thead><tr><th>Control</th><th>Title</th><th>Applicability</th>"
					 "<th>Justification</th><th>Implementation</th><th>Owner</th><th>Evidence</th></tr></thead>\n<tbody>\n",
					 (unsigned long long) n);
	for (uint64 i = 0; i < n; i++)
	{
		appendStringInfoString(buf, "<tr>");
		for (int c = 0; c < (int) lengthof(table_columns); c++)
		{
			/* the applicability cell is coloured by its decision */
			if (strcmp(table_columns[c], "applicability") == 0)
			{
				appendStringInfoString(buf, "<td class=\"");
				HtmlText(buf, PgImsSpiText(i, "decision"));
				appendStringInfoString(buf, "\">");
			}
			else
				appendStringInfoString(buf, "<td>");
			HtmlText(buf, PgImsSpiText(i, table_columns[c]));
			appendStringInfoString(buf, "</td>");
		}
		appendStringInfoString(buf, "</tr>\n");
	}
	appendStringInfoString(buf, "</tbody>\n</table>\n");

	n = SoaQuery(clause_summary_sql, org);
	appendStringInfoString(buf, "<h2>Clause mapping ISO/IEC 27001 to ISO/IEC 42001</h2>\n<table>\n"
						   "<thead><tr><th>Status</th><th>Clauses</th><th>ISO 42001 clauses</th></tr></thead>\n<tbody>\n");
	for (uint64 i = 0; i < n; i++)
		HtmlRow(buf, i, NULL, clause_summary_columns, lengthof(clause_summary_columns));
	appendStringInfoString(buf, "</tbody>\n</table>\n");

	n = SoaQuery(nonconformities_sql, org);
	appendStringInfo(buf, "<h2>Open findings, per requirement (%llu)</h2>\n", (unsigned long long) n);
	appendStringInfoString(buf, "<table>\n<thead><tr><th>Grade</th><th>Category</th><th>Requirement</th><th>Findings</th><th>Codes</th></tr></thead>\n<tbody>\n");
	for (uint64 i = 0; i < n; i++)
		HtmlRow(buf, i, PgImsSpiText(i, "grade"), nonconformity_columns, lengthof(nonconformity_columns));
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
