-- bench/load/evidence_insert.sql: one piece of evidence recorded for a
-- random control of a random organization, of a kind its catalog entry
-- suggests; one ISO 42001 control in ten gets a penetration test report
-- instead (SOA008), and one piece in five has no expiry date.  Evidence
-- goes straight into ims.evidence under row-level security (the insert
-- policy needs edit), and its foreign key takes a key-share lock on the
-- organization row, the row ims.init_soa and ims.approve_soa lock.
\set org random(:org_lo, :org_hi)
\set c random(1, 131)
\set k random(0, 99)
\set age random(0, 420)
INSERT INTO ims.evidence (org_id, standard, control_id, kind, title, uri, collected_on, valid_until)
SELECT :org, c.standard, c.control_id,
	CASE WHEN c.standard = 'iso42001:2023' AND :k < 10 THEN 'pentest_report'
		 ELSE c.kinds[1 + :k % cardinality(c.kinds)] END,
	format('Load evidence for %s', c.control_id),
	format('https://evidence.example/load/%s/%s/%s', :org, :client_id, :k),
	current_date - :age,
	CASE WHEN :k < 80 THEN current_date - :age + 365 END
FROM load.control c WHERE c.n = :c;
