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
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "json_build.h"
#include "soa_live.h"
#include "pg_ims.h"

typedef enum DocumentFormat
{
	FORMAT_MARKDOWN,
	FORMAT_HTML,
	FORMAT_CSV
} DocumentFormat;

/* Columns of the entry query, in order. */
enum
{
	E_STANDARD = 1, E_CONTROL_ID, E_REF, E_TITLE, E_AREA, E_AREA_TITLE, E_APPLICABILITY,
	E_DECISION, E_REASONS, E_JUSTIFICATION, E_IMPLEMENTATION, E_OWNER, E_EVIDENCE,
	E_NCOLS = E_EVIDENCE
};

static const char *const entry_headers[] = {
	"standard", "control_id", "control", "title", "area", "area_title", "applicability",
	"decision", "reasons", "justification", "implementation", "owner", "evidence"
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
"SELECT status, count(*)::text, string_agg(target_clause, ', ' ORDER BY clause_rank) "
"FROM ims.report_clause_mapping WHERE org_id = $1 GROUP BY status, status_rank ORDER BY status_rank";
static const char *const findings_sql =
"SELECT code, severity, ref, message, hint FROM ims.evaluate_findings(ARRAY[$1], false)";

/* Checks access and reads the live version's header. */
static SoaHeader
ReadHeader(Datum org)
{
	SoaHeader	h;

	SoaLiveRead(org, "o.name, s.version::text, s.status, s.approved_by, "
				"to_char(s.approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI \"UTC\"'), s.digest");
	h.organization = SoaValue(0, 1);
	h.version = SoaValue(0, 2);
	h.status = SoaValue(0, 3);
	h.approved_by = SoaValue(0, 4);
	h.approved_at = SoaValue(0, 5);
	h.digest = SoaValue(0, 6);
	return h;
}

static void
ReadEntries(Datum org)
{
	SoaQuery("SELECT s.standard, s.control_id, s.control_ref, s.title, s.area, s.area_title, s.applicability, "
		"       s.decision, array_to_string(s.reasons, ', '), s.justification, s.implementation, s.owner, "
		"       (SELECT string_agg(v.title || ' (' || v.kind || ')', '; ' ORDER BY v.collected_on DESC, v.title) "
		"        FROM ims.evidence v WHERE v.org_id = s.org_id AND v.standard = s.standard "
		"          AND v.control_id = s.control_id AND v.collected_on <= current_date "
		"          AND (v.valid_until IS NULL OR v.valid_until >= current_date)) "
		"FROM ims.report_soa s WHERE s.org_id = $1 "
		"ORDER BY s.standard COLLATE \"C\", s.control_rank", org);
}

/* ---- Markdown ---- */

static void
MarkdownCell(StringInfo buf, const char *s)
{
	appendStringInfoChar(buf, ' ');
	for (; s && *s; s++)
	{
		if (*s == '|')
			appendStringInfoString(buf, "\\|");
		else if (*s == '\n' || *s == '\r')
			appendStringInfoChar(buf, ' ');
		else
			appendStringInfoChar(buf, *s);
	}
	appendStringInfoString(buf, " |");
}

/* ---- HTML ---- */

static void
HtmlText(StringInfo buf, const char *s)
{
	for (; s && *s; s++)
	{
		switch (*s)
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
			default:
				appendStringInfoChar(buf, *s);
		}
	}
}

/* ---- CSV (RFC 4180) ---- */

static void
CsvField(StringInfo buf, const char *s, bool last)
{
	if (s != NULL)
	{
		appendStringInfoChar(buf, '"');
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

static void
MarkdownDocument(StringInfo buf, Datum org, const SoaHeader *h)
{
	HeaderLine	lines[6];
	int			n = HeaderLines(h, lines);

	appendStringInfo(buf, "# Statement of Applicability: %s\n\n", h->organization);
	appendStringInfoString(buf, "Consolidated for ISO/IEC 27001:2022 and ISO/IEC 42001:2023: one table, both Annex A catalogs.\n\n");
	appendStringInfoString(buf, "| | |\n|---|---|\n");
	for (int i = 0; i < n; i++)
	{
		appendStringInfoChar(buf, '|');
		MarkdownCell(buf, lines[i].label);
		MarkdownCell(buf, lines[i].value);
		appendStringInfoChar(buf, '\n');
	}

	ReadEntries(org);
	appendStringInfo(buf, "\n## Controls (%llu)\n\n", (unsigned long long) SPI_processed);
	appendStringInfoString(buf, "| Control | Title | Applicability | Justification | Implementation | Owner | Evidence |\n");
	appendStringInfoString(buf, "|---|---|---|---|---|---|---|\n");
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		appendStringInfoChar(buf, '|');
		MarkdownCell(buf, SoaValue(i, E_REF));
		MarkdownCell(buf, SoaValue(i, E_TITLE));
		MarkdownCell(buf, SoaValue(i, E_APPLICABILITY));
		MarkdownCell(buf, SoaValue(i, E_JUSTIFICATION));
		MarkdownCell(buf, SoaValue(i, E_IMPLEMENTATION));
		MarkdownCell(buf, SoaValue(i, E_OWNER));
		MarkdownCell(buf, SoaValue(i, E_EVIDENCE));
		appendStringInfoChar(buf, '\n');
	}

	SoaQuery(clause_summary_sql, org);
	appendStringInfoString(buf, "\n## Clause mapping ISO/IEC 27001 to ISO/IEC 42001\n\n| Status | Clauses | ISO 42001 clauses |\n|---|---|---|\n");
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		appendStringInfoChar(buf, '|');
		MarkdownCell(buf, SoaValue(i, 1));
		MarkdownCell(buf, SoaValue(i, 2));
		MarkdownCell(buf, SoaValue(i, 3));
		appendStringInfoChar(buf, '\n');
	}

	SoaQuery(findings_sql, org);
	appendStringInfo(buf, "\n## Open findings (%llu)\n\n", (unsigned long long) SPI_processed);
	if (SPI_processed == 0)
		appendStringInfoString(buf, "None.\n");
	else
	{
		appendStringInfoString(buf, "| Code | Severity | Object | Finding |\n|---|---|---|---|\n");
		for (uint64 i = 0; i < SPI_processed; i++)
		{
			appendStringInfoChar(buf, '|');
			for (int c = 1; c <= 4; c++)
				MarkdownCell(buf, SoaValue(i, c));
			appendStringInfoChar(buf, '\n');
		}
	}
}

/* An inline SVG bar chart: implemented share of each Annex A area. */
static void
ReadinessChart(StringInfo buf, Datum org)
{
	int			bar = 18;
	int			width = 420;
	int			height;

	SoaQuery("SELECT standard_label || ' ' || group_id, coalesce(implemented_pct, 0)::int, group_title "
		"FROM ims.report_readiness WHERE org_id = $1 AND group_kind = 'annex_a_area' "
		"ORDER BY standard COLLATE \"C\", group_rank", org);
	height = (int) SPI_processed * (bar + 6) + 10;
	appendStringInfo(buf, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
					 "aria-label=\"Share of controls implemented per Annex A area\">\n", width + 180, height);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		int			pct = atoi(SoaValue(i, 2));
		int			y = 5 + (int) i * (bar + 6);

		appendStringInfo(buf, "<text x=\"0\" y=\"%d\" font-size=\"12\">", y + 13);
		HtmlText(buf, SoaValue(i, 1));
		appendStringInfoString(buf, "</text>");
		appendStringInfo(buf, "<rect x=\"110\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#e5e7eb\"/>", y, width, bar);
		appendStringInfo(buf, "<rect x=\"110\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>",
						 y, width * pct / 100, bar, pct >= 80 ? "#15803d" : pct >= 40 ? "#ca8a04" : "#b91c1c");
		HtmlText(buf, SoaValue(i, 3));
		appendStringInfo(buf, "</title></rect><text x=\"%d\" y=\"%d\" font-size=\"12\">%d%%</text>\n",
						 width + 120, y + 13, pct);
	}
	appendStringInfoString(buf, "</svg>\n");
}

static void
HtmlDocument(StringInfo buf, Datum org, const SoaHeader *h)
{
	HeaderLine	lines[6];
	int			n = HeaderLines(h, lines);

	appendStringInfoString(buf, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Statement of Applicability: ");
	HtmlText(buf, h->organization);
	appendStringInfoString(buf, "</title>\n<style>\n"
						   "body { font-family: system-ui, sans-serif; margin: 2em; color: #111; }\n"
						   "h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.5em; }\n"
						   "table { border-collapse: collapse; width: 100%; font-size: 0.85em; }\n"
						   "th, td { border: 1px solid #d1d5db; padding: 4px 6px; text-align: left; vertical-align: top; }\n"
						   "th { background: #f3f4f6; }\n"
						   "table.header { width: auto; } table.header th { width: 10em; }\n"
						   "td:first-child { white-space: nowrap; }\n"
						   "td.undecided { background: #fef3c7; } td.not_applicable { color: #6b7280; }\n"
						   "tr.major td { background: #fee2e2; }\n"
						   "@media print { body { margin: 0; font-size: 10pt; } thead { display: table-header-group; }\n"
						   "  tr { page-break-inside: avoid; } h2 { page-break-after: avoid; } }\n"
						   "</style>\n</head>\n<body>\n<h1>Statement of Applicability: ");
	HtmlText(buf, h->organization);
	appendStringInfoString(buf, "</h1>\n<p>Consolidated for ISO/IEC 27001:2022 and ISO/IEC 42001:2023: one table, both Annex A catalogs.</p>\n<table class=\"header\">\n");
	for (int i = 0; i < n; i++)
	{
		appendStringInfo(buf, "<tr><th>%s</th><td>", lines[i].label);
		HtmlText(buf, lines[i].value);
		appendStringInfoString(buf, "</td></tr>\n");
	}
	appendStringInfoString(buf, "</table>\n<h2>Readiness: controls implemented per Annex A area</h2>\n");
	ReadinessChart(buf, org);

	ReadEntries(org);
	appendStringInfo(buf, "<h2>Controls (%llu)</h2>\n<table>\n<thead><tr><th>Control</th><th>Title</th><th>Applicability</th>"
					 "<th>Justification</th><th>Implementation</th><th>Owner</th><th>Evidence</th></tr></thead>\n<tbody>\n",
					 (unsigned long long) SPI_processed);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		int			cols[] = {E_REF, E_TITLE, E_APPLICABILITY, E_JUSTIFICATION, E_IMPLEMENTATION, E_OWNER, E_EVIDENCE};

		appendStringInfoString(buf, "<tr>");
		for (int c = 0; c < (int) lengthof(cols); c++)
		{
			if (cols[c] == E_APPLICABILITY)
				appendStringInfo(buf, "<td class=\"%s\">", SoaValue(i, E_DECISION));
			else
				appendStringInfoString(buf, "<td>");
			HtmlText(buf, SoaValue(i, cols[c]));
			appendStringInfoString(buf, "</td>");
		}
		appendStringInfoString(buf, "</tr>\n");
	}
	appendStringInfoString(buf, "</tbody>\n</table>\n");

	SoaQuery(clause_summary_sql, org);
	appendStringInfoString(buf, "<h2>Clause mapping ISO/IEC 27001 to ISO/IEC 42001</h2>\n<table>\n"
						   "<thead><tr><th>Status</th><th>Clauses</th><th>ISO 42001 clauses</th></tr></thead>\n<tbody>\n");
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		appendStringInfoString(buf, "<tr>");
		for (int c = 1; c <= 3; c++)
		{
			appendStringInfoString(buf, "<td>");
			HtmlText(buf, SoaValue(i, c));
			appendStringInfoString(buf, "</td>");
		}
		appendStringInfoString(buf, "</tr>\n");
	}
	appendStringInfoString(buf, "</tbody>\n</table>\n");

	SoaQuery(findings_sql, org);
	appendStringInfo(buf, "<h2>Open findings (%llu)</h2>\n", (unsigned long long) SPI_processed);
	appendStringInfoString(buf, "<table>\n<thead><tr><th>Code</th><th>Severity</th><th>Object</th><th>Finding</th></tr></thead>\n<tbody>\n");
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		appendStringInfo(buf, "<tr class=\"%s\">", SoaValue(i, 2));
		for (int c = 1; c <= 4; c++)
		{
			appendStringInfoString(buf, "<td>");
			HtmlText(buf, SoaValue(i, c));
			appendStringInfoString(buf, "</td>");
		}
		appendStringInfoString(buf, "</tr>\n");
	}
	appendStringInfoString(buf, "</tbody>\n</table>\n</body>\n</html>\n");
}

static void
CsvDocument(StringInfo buf, Datum org)
{
	ReadEntries(org);
	for (int c = 0; c < E_NCOLS; c++)
		appendStringInfo(buf, "%s%s", entry_headers[c], c + 1 < E_NCOLS ? "," : "\r\n");
	for (uint64 i = 0; i < SPI_processed; i++)
		for (int c = 1; c <= E_NCOLS; c++)
			CsvField(buf, SoaValue(i, c), c == E_NCOLS);
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

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
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
	SPI_finish();
	PG_RETURN_TEXT_P(result);
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

	PgImsJsonPut(doc, "format", PgImsJsonString("pg_ims/soa"));
	PgImsJsonPut(doc, "org_id", cJSON_CreateNumber((double) DatumGetInt64(org)));
	PgImsJsonPut(doc, "organization", PgImsJsonString(h.organization));
	PgImsJsonPut(soa, "version", cJSON_CreateNumber(atof(h.version)));
	PgImsJsonPut(soa, "status", PgImsJsonString(h.status));
	PgImsJsonPut(soa, "approved_by", PgImsJsonString(h.approved_by));
	PgImsJsonPut(soa, "approved_at", PgImsJsonString(h.approved_at));
	PgImsJsonPut(soa, "digest", PgImsJsonString(h.digest));
	PgImsJsonPut(doc, "soa", soa);

	ReadEntries(org);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		cJSON	   *e = PgImsJsonObject();
		cJSON	   *reasons = PgImsJsonArray();
		char	   *list = SoaValue(i, E_REASONS);

		PgImsJsonPut(e, "standard", PgImsJsonString(SoaValue(i, E_STANDARD)));
		PgImsJsonPut(e, "control_id", PgImsJsonString(SoaValue(i, E_CONTROL_ID)));
		PgImsJsonPut(e, "control", PgImsJsonString(SoaValue(i, E_REF)));
		PgImsJsonPut(e, "title", PgImsJsonString(SoaValue(i, E_TITLE)));
		PgImsJsonPut(e, "area", PgImsJsonString(SoaValue(i, E_AREA)));
		PgImsJsonPut(e, "applicability", PgImsJsonString(SoaValue(i, E_APPLICABILITY)));
		PgImsJsonPut(e, "decision", PgImsJsonString(SoaValue(i, E_DECISION)));
		/* reasons are lowercase words joined by ", " (ims.reasons) */
		if (list && *list)
			for (char *tok = strtok(list, ", "); tok; tok = strtok(NULL, ", "))
				PgImsJsonAppend(reasons, PgImsJsonString(tok));
		PgImsJsonPut(e, "reasons", reasons);
		PgImsJsonPut(e, "justification", PgImsJsonString(SoaValue(i, E_JUSTIFICATION)));
		PgImsJsonPut(e, "implementation", PgImsJsonString(SoaValue(i, E_IMPLEMENTATION)));
		PgImsJsonPut(e, "owner", PgImsJsonString(SoaValue(i, E_OWNER)));
		PgImsJsonPut(e, "evidence", PgImsJsonString(SoaValue(i, E_EVIDENCE)));
		PgImsJsonAppend(entries, e);
	}
	PgImsJsonPut(doc, "entries", entries);

	SoaQuery("SELECT source_clause, target_clause, relation, status FROM ims.report_clause_mapping "
		"WHERE org_id = $1 ORDER BY clause_rank", org);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		cJSON	   *m = PgImsJsonObject();

		PgImsJsonPut(m, "iso27001", PgImsJsonString(SoaValue(i, 1)));
		PgImsJsonPut(m, "iso42001", PgImsJsonString(SoaValue(i, 2)));
		PgImsJsonPut(m, "relation", PgImsJsonString(SoaValue(i, 3)));
		PgImsJsonPut(m, "status", PgImsJsonString(SoaValue(i, 4)));
		PgImsJsonAppend(mapping, m);
	}
	PgImsJsonPut(doc, "clause_mapping", mapping);

	SoaQuery(findings_sql, org);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		cJSON	   *f = PgImsJsonObject();

		PgImsJsonPut(f, "code", PgImsJsonString(SoaValue(i, 1)));
		PgImsJsonPut(f, "severity", PgImsJsonString(SoaValue(i, 2)));
		PgImsJsonPut(f, "ref", PgImsJsonString(SoaValue(i, 3)));
		PgImsJsonPut(f, "message", PgImsJsonString(SoaValue(i, 4)));
		PgImsJsonPut(f, "hint", PgImsJsonString(SoaValue(i, 5)));
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
