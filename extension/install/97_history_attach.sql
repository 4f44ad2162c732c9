/* extension/install/97_history_attach.sql */

----------------------------------------------------------------------------
-- The history's last step (36_history.sql): once every table exists, the
-- history trigger goes on each per-organization table, and the history is
-- read under the read capability of the organization, as its rows are.
-- No role but the owner holds any other privilege on it.
----------------------------------------------------------------------------

ALTER TABLE @extschema@.history ENABLE ROW LEVEL SECURITY;
CREATE POLICY history_read ON @extschema@.history FOR SELECT
	USING (@extschema@.org_access_held(org_id, 'read'));
GRANT SELECT ON @extschema@.history TO PUBLIC;
ALTER TABLE @extschema@.history_chain ENABLE ROW LEVEL SECURITY;
CREATE POLICY history_chain_read ON @extschema@.history_chain FOR SELECT
	USING (@extschema@.org_access_held(org_id, 'read'));
GRANT SELECT ON @extschema@.history_chain TO PUBLIC;

SELECT @extschema@.attach_history();
