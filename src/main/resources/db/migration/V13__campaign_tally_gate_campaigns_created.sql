-- how many campaigns have been created, on every gate: creating a campaign counts it up under all 64 gates, and
-- an offer's commit reads it with its gate, so that a node reads the campaigns' periods again only when one was
-- created (on this node or another) since it last read them (campaign/TallyGates)
ALTER TABLE campaign_tally_gate ADD COLUMN campaigns_created BIGINT DEFAULT 0 NOT NULL;
