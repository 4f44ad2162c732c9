-- bench/load/soa_edit.sql: one SoA decision changed, as a control owner
-- edits the draft in a user interface: a random control of a random
-- organization's draft gets a new applicability, justification and
-- implementation status.  Most edits are sound decisions; some leave an
-- exclusion unjustified (SOA005) or put the control back to undecided
-- (SOA004), so the drafts keep major findings and the validator keeps
-- finding them.
--
-- The draft is found by status, as an application would find it, not by a
-- soa_id handed in: the lookup goes through row-level security like the
-- update.  The edit is logged in load.edit_log in the same statement,
-- after the UPDATE took the entry's row lock (the INSERT consumes the
-- UPDATE's rows), so the log's order per entry is the commit order and
-- load.sh can tell whether an edit was lost.  A random token in the
-- justification makes every edit's value distinct.
\set org random(:org_lo, :org_hi)
\set c random(1, 131)
\set d random(1, 100)
\set impl random(1, 4)
\set token random(1, 1000000000)
WITH edit AS (
	UPDATE ims.soa_entry e
	SET applicability = (CASE
			WHEN :d <= 72 THEN (ARRAY['applicable(risk)', 'applicable(risk,legal)',
				'applicable(contract,business)', 'applicable(risk,impact)',
				'applicable(interested_party)', 'applicable'])[1 + :d % 6]
			WHEN :d <= 92 THEN 'not_applicable'
			ELSE 'undecided' END)::ims.applicability,
		justification = CASE
			WHEN :d <= 72 THEN format('Selected by risk treatment (edit %s)', :token)
			WHEN :d <= 88 THEN format('No such activity in scope (edit %s)', :token)
			WHEN :d <= 92 THEN NULL
			ELSE format('Under discussion (edit %s)', :token) END,
		implementation = CASE WHEN :d <= 72
			THEN (ARRAY['not_started', 'planned', 'partial', 'implemented'])[:impl]
			ELSE 'not_started' END
	FROM ims.soa s, load.control c
	WHERE s.org_id = :org AND s.status = 'draft' AND c.n = :c
	  AND e.org_id = s.org_id AND e.soa_id = s.soa_id
	  AND e.standard = c.standard AND e.control_id = c.control_id
	RETURNING e.org_id, e.soa_id, e.standard, e.control_id, e.applicability::text,
		e.justification, e.implementation
)
INSERT INTO load.edit_log (org_id, soa_id, standard, control_id, applicability, justification, implementation)
SELECT * FROM edit;
