--
-- catalog_encoding: pg_ims in a database that is not UTF-8.  The catalogs
-- are JSON in UTF-8; the loader converts to the database encoding and
-- refuses what that encoding cannot hold, leaving nothing behind.
--
\getenv abs_srcdir PG_ABS_SRCDIR
CREATE DATABASE regress_pg_ims_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c regress_pg_ims_latin1
SET client_encoding = 'UTF8';
CREATE EXTENSION pg_ims;
SELECT standard, count(*) FROM ims.control GROUP BY 1 ORDER BY 1;

-- a catalog whose text LATIN1 can hold loads, accents converted
\set f :abs_srcdir/data/latin1_compatible.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
SELECT control_id, title, convert_to(title, 'LATIN1') AS latin1_bytes
FROM ims.control WHERE standard = 'acme:latin1' ORDER BY ordinal;

-- text the client sends that LATIN1 cannot hold never reaches the loader
\set f :abs_srcdir/data/catalog_good.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
-- but an escape such as \u2014 (an em dash) does: the loader refuses it,
-- names the entry, and leaves nothing
\set f :abs_srcdir/data/latin1_incompatible.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
SELECT count(*) FROM ims.standard WHERE code IN ('acme:2025', 'acme:dash');

-- a detail that quotes the document is given in the database encoding
\set f :abs_srcdir/data/latin1_duplicate.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');

-- an OSCAL catalog is converted the same way: accents load; an escaped em
-- dash is refused, naming the control, after the standard's row was
-- written, and the whole import is undone
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724",
	"metadata": {"title": "Prüfkatalog"}, "controls": [{"id": "c-1", "title": "Zugriffsrechte prüfen"}]}}',
	'oscal:latin1');
SELECT s.title AS catalog, c.control_id, c.title, convert_to(c.title, 'LATIN1') AS latin1_bytes
FROM ims.control c JOIN ims.standard s ON s.code = c.standard WHERE c.standard = 'oscal:latin1';
SELECT ims.import_oscal_catalog('{"catalog": {"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724",
	"metadata": {"title": "Katalog"}, "controls": [{"id": "c-1", "title": "Fine"}, {"id": "c-2", "title": "Dash \u2014 here"}]}}',
	'oscal:dash');
SELECT count(*) AS dash_standards FROM ims.standard WHERE code = 'oscal:dash';

-- the types work the same in any encoding
SELECT 'Bias'::ims.risk_type, 'applicable(legal,risk)'::ims.applicability;
SELECT U&'fairn\00E9ss'::ims.risk_type;

\c contrib_regression
DROP DATABASE regress_pg_ims_latin1;

-- SQL_ASCII: no conversion at all, the bytes go through as they are
CREATE DATABASE regress_pg_ims_ascii ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c regress_pg_ims_ascii
CREATE EXTENSION pg_ims;
\set f :abs_srcdir/data/catalog_good.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
SELECT item_id, title FROM ims.reference_item WHERE standard = 'acme:2025' ORDER BY ordinal;
\set f :abs_srcdir/data/duplicate_control_unicode.json
\set doc `cat :f`
SELECT ims.import_catalog(:'doc');
\c contrib_regression
DROP DATABASE regress_pg_ims_ascii;
