--
-- documents: the consolidated SoA as Markdown, HTML, CSV and JSON, pinned
-- on the sample organization (dates masked: its record is relative to today).
--
\getenv abs_srcdir PG_ABS_SRCDIR
\getenv abs_builddir PG_ABS_BUILDDIR
SET search_path = public, ims;
\i :abs_srcdir/sql/include/load_sample.sql

-- Markdown: header, one table of both catalogs, clause mapping, findings
\pset format unaligned
\pset tuples_only on
-- (the history head, whose hash covers times, shown as whether it is the
-- organization's: ims.history_head)
SELECT regexp_replace(replace(soa_document(:org), history_head(:org), 'the head of ims.history_head'),
					  '\d{4}-\d{2}-\d{2}', 'YYYY-MM-DD', 'g');
\pset format aligned
\pset tuples_only off
SELECT soa_document(:org, 'markdown') = soa_document(:org) AS markdown_is_default,
       soa_document(:org, 'MD') = soa_document(:org) AS md_alias;

-- CSV: a header and one row per entry, and it loads back with COPY
-- (after a byte-order mark, so that spreadsheets read it as UTF-8)
SELECT encode(substr(convert_to(soa_document(:org, 'csv'), 'UTF8'), 1, 3), 'hex') AS bom,
       split_part(substr(soa_document(:org, 'csv'), 2), E'\r\n', 1) AS header,
       array_length(string_to_array(rtrim(soa_document(:org, 'csv'), E'\r\n'), E'\r\n'), 1) AS lines;
CREATE TEMP TABLE soa_csv (standard text, control_id text, control text, title text, area text, area_title text,
                           applicability text, decision text, reasons text, justification text,
                           implementation text, owner text, evidence text);
-- The document goes into a file as the data of a COPY FROM STDIN, which
-- psql reads back: the server must not read files of the checkout, which
-- its user may not be allowed to (scripts/check-private-checkout.sh).  The
-- end marker ends in CR LF, as the document's lines do.
\set csvcopy :abs_builddir/soa_document_copy.sql
SELECT 'COPY soa_csv FROM STDIN WITH (FORMAT csv, HEADER);' || E'\n' || soa_document(:org, 'csv') || E'\\.\r'
\g (format=unaligned tuples_only=on) :csvcopy
\i :csvcopy
SELECT (SELECT count(*) FROM soa_csv) AS csv_rows, (SELECT count(*) FROM report_soa WHERE org_id = :org) AS soa_rows,
       NOT EXISTS (SELECT standard, control_id, applicability, implementation FROM soa_csv
                   EXCEPT SELECT standard, control_id, applicability, implementation FROM report_soa WHERE org_id = :org) AS same_content;
SELECT control, applicability, reasons, justification FROM soa_csv WHERE control_id IN ('A.7.6', 'A.5.31') ORDER BY standard, control_id;

-- JSON: one object per SoA entry, each with an applicability key
SELECT jsonb_typeof(soa_json(:org)) AS type,
       (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(soa_json(:org)) AS k) AS keys,
       soa_json(:org) -> 'soa' ->> 'status' AS status,
       jsonb_array_length(soa_json(:org) -> 'entries') AS entries,
       (SELECT bool_and(e ? 'applicability') FROM jsonb_array_elements(soa_json(:org) -> 'entries') AS e) AS all_have_applicability,
       jsonb_array_length(soa_json(:org) -> 'clause_mapping') AS clause_pairs,
       jsonb_array_length(soa_json(:org) -> 'findings') = (SELECT count(*) FROM integration_findings(:org)) AS all_findings;
SELECT e FROM jsonb_array_elements(soa_json(:org) -> 'entries') AS e
WHERE e ->> 'control' IN ('ISO 42001 A.5.2', 'ISO 27001 A.7.6');

-- HTML: one self-contained file with print CSS and an inline SVG chart
SELECT left(soa_document(:org, 'html'), 15) AS starts,
       soa_document(:org, 'html') LIKE '%@media print%' AS print_css,
       soa_document(:org, 'html') LIKE '%<svg xmlns="http://www.w3.org/2000/svg"%' AS inline_svg,
       (SELECT count(*) FROM regexp_matches(soa_document(:org, 'html'), '<rect ', 'g')) AS chart_bars,
       soa_document(:org, 'html') !~ '(<script|<link|<img|src=|href=|url\()' AS no_external_resources,
       (SELECT count(*) FROM regexp_matches(soa_document(:org, 'html'), '<tr[^>]*><td data-label="Control">ISO ', 'g')) AS control_rows,
       right(soa_document(:org, 'html'), 8) AS ends;
-- a legend; an area nobody decided shows as undecided, not as not started;
-- a section per standard; the entries with open findings marked; the
-- hints of the findings; the generation time; narrow windows get blocks
SELECT soa_document(:org, 'html') LIKE '%>decided, not yet implemented</text>%' AS legend,
       (SELECT array_agg(substring(l FROM '>(ISO [0-9]+ A\.[0-9]+)</text>') || ':' || substring(l FROM '>([^<>]*undecided)</text>'))
        FROM regexp_split_to_table(soa_document(:org, 'html'), E'\n') AS l WHERE l ~ '% undecided</text>$') AS undecided_areas,
       (SELECT array_agg(m[1]) FROM regexp_matches(soa_document(:org, 'html'), '<h3>([^<]*)</h3>', 'g') AS m) AS sections,
       (SELECT array_agg(m[1] || ' ' || m[2]) FROM regexp_matches(soa_document(:org, 'html'),
                                   '<tr class="finding-([a-z]+)"><td data-label="Control">([^<]*) <span', 'g') AS m) AS marked_entries,
       (SELECT count(*) FROM evaluate_findings(ARRAY[:org::bigint], false) f
        WHERE f.requirement ~ '^A\.' AND f.waived_until IS NULL) AS control_findings,
       soa_document(:org, 'html') LIKE '%<th>What to do</th>%' AS hints_column,
       soa_document(:org, 'html') ~ '<th>Generated on</th><td>\d{4}-\d\d-\d\d \d\d:\d\d UTC</td>' AS generated_on,
       soa_document(:org, 'html') LIKE '%<th>History head</th>%' AS history_head,
       soa_document(:org, 'html') LIKE '%@media screen and (max-width: 820px)%' AS narrow_layout;
-- text from the record is escaped
UPDATE soa_entry SET justification = '<b>bold</b> & "quoted" | piped'
WHERE org_id = :org AND standard = 'iso27001:2022' AND control_id = 'A.5.3';
SELECT soa_document(:org, 'html') LIKE '%&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; | piped%' AS html_escaped,
       soa_document(:org, 'markdown') LIKE '%\<b\>bold\</b\> \& "quoted" \| piped%' ESCAPE '#' AS markdown_escaped,
       soa_document(:org, 'csv') LIKE '%"<b>bold</b> & ""quoted"" | piped"%' AS csv_quoted,
       soa_json(:org) @> '{"entries": [{"control_id": "A.5.3", "justification": "<b>bold</b> & \"quoted\" | piped"}]}' AS json_kept;

-- errors
SELECT soa_document(:org, 'pdf');
SELECT soa_document(:org, NULL) IS NULL AS null_format, soa_json(NULL) IS NULL AS null_org;
SELECT create_organization('No SoA Yet') AS nosoa \gset
SELECT soa_document(:nosoa);
SELECT soa_json(:nosoa);
SELECT soa_document(999999);
CREATE ROLE regress_pg_ims_reader2;
SET SESSION AUTHORIZATION regress_pg_ims_reader2;
SELECT soa_document(:org);
SELECT soa_json(:org);
RESET SESSION AUTHORIZATION;
DROP ROLE regress_pg_ims_reader2;
