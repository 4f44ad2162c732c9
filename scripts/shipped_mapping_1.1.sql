-- scripts/shipped_mapping_1.1.sql: turn the shipped mapping of a database
-- into the one 1.0 and 1.1 shipped (scripts/check-upgrade.sh).
--
-- CREATE EXTENSION pg_ims VERSION '1.0' loads the shipped files of the
-- tree, which hold the mapping of the current version; a real 1.1 database
-- holds the mapping 1.1 shipped.  This puts back what 1.2 changed
-- (docs/mapping-review.md, second review), so that the update has to
-- replace it: the three pairs 1.2 dropped, the rationale of A.6.8/A.3.3
-- before it became weak, no pair A.5.31/A.8.5, clause pairs 4.1 and 6.1.1
-- equal, and the old action of 9.3.2.  Runs against 1.0 and 1.1 (no
-- strength column).
\set ON_ERROR_STOP on
\set QUIET on
BEGIN;
INSERT INTO ims.control_mapping
	(source_standard, source_control, target_standard, target_control, relation, rationale, provenance, builtin)
VALUES
	('iso27001:2022', 'A.5.33', 'iso42001:2023', 'A.5.3', 'intersects',
	 'Impact assessment results are records to retain and protect; A.5.33 does not ask for the assessment or its documentation in the first place.',
	 'community mapping (Ankit-Uniyal/iso-42001-ai-governance-toolkit) and SCF pivot, reviewed', true),
	('iso27001:2022', 'A.8.29', 'iso42001:2023', 'A.6.2.5', 'intersects',
	 'Acceptance testing is a release gate before deployment; the AI deployment plan and its release criteria go beyond security acceptance.',
	 'SCF pivot, reviewed', true),
	('iso27001:2022', 'A.5.9', 'iso42001:2023', 'A.7.2', 'intersects',
	 'Training and enhancement datasets belong in the asset inventory with owners; the data management process for AI development goes beyond inventory.',
	 'community mapping (Ankit-Uniyal/iso-42001-ai-governance-toolkit), reviewed', true);
UPDATE ims.control_mapping
SET rationale = 'Both give personnel a channel to report; A.6.8 is for security events, A.3.3 for concerns about the organization''s conduct with AI systems.'
WHERE builtin AND source_control = 'A.6.8' AND target_control = 'A.3.3';
DELETE FROM ims.control_mapping WHERE builtin AND source_control = 'A.5.31' AND target_control = 'A.8.5';
UPDATE ims.clause_mapping SET relation = 'equal' WHERE builtin AND target_clause IN ('4.1', '6.1.1');
UPDATE ims.clause_mapping
SET action = 'Extend the management review agenda with AI objectives, AI system performance, AI risks and impact assessment outcomes.'
WHERE builtin AND target_clause = '9.3.2';
COMMIT;
