/* extension/install/22_oscal_catalog.sql */

----------------------------------------------------------------------------
-- What an OSCAL import keeps beyond the controls (docs/oscal.md): the
-- controls a catalog marks withdrawn, kept but left out of new SoAs, and
-- which standards came from an OSCAL catalog, so that a plan writes their
-- control ids as the catalog does (ac-2.1, not nist800-53r5-low_ac-2.1)
----------------------------------------------------------------------------

ALTER TABLE @extschema@.control ADD COLUMN withdrawn boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN @extschema@.control.withdrawn IS 'True for a control its catalog marks withdrawn (OSCAL prop status = withdrawn): kept with its id and title, left out of new SoA drafts (ims.init_soa)';

CREATE TABLE @extschema@.oscal_catalog (
	standard text NOT NULL,
	catalog_uuid uuid NOT NULL,
	CONSTRAINT oscal_catalog_pkey PRIMARY KEY (standard),
	CONSTRAINT oscal_catalog_standard_fkey FOREIGN KEY (standard) REFERENCES @extschema@.standard (code) ON DELETE CASCADE
);
COMMENT ON TABLE @extschema@.oscal_catalog IS 'The standards loaded from an OSCAL catalog (ims.import_oscal_catalog): their control ids are OSCAL ids, which an OSCAL plan keeps as they are';
COMMENT ON COLUMN @extschema@.oscal_catalog.standard IS 'The code the catalog was imported under (ims.standard.code)';
COMMENT ON COLUMN @extschema@.oscal_catalog.catalog_uuid IS 'The uuid of the imported catalog document (catalog.uuid)';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.oscal_catalog', '');
GRANT SELECT ON @extschema@.oscal_catalog TO PUBLIC;
