-- bench/load/findings.sql: what an auditor's or owner's dashboard asks
-- while others edit: every finding of one random organization.  The
-- validator runs all its rules as the caller, under row-level security,
-- against the SoA entries and evidence the other two scripts are changing.
\set org random(:org_lo, :org_hi)
SELECT count(*) FROM ims.integration_findings(:org);
