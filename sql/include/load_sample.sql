-- sql/include/load_sample.sql: load the sample organization of make demo
-- quietly, for the tests that pin reports on it; sets :org.  The caller
-- has run \getenv abs_srcdir PG_ABS_SRCDIR.
\set ECHO none
\set QUIET on
\o /dev/null
\i :abs_srcdir/scripts/sample_organization.sql
\i :abs_srcdir/scripts/sample_ai_act.sql
\o
\set ON_ERROR_STOP off
\set ECHO all
