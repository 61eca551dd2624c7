-- The campaign's statistics table kept as it changes, so that a request reads one row per reporting unit and
-- kind (at most 32) instead of every offer_record row of the period (campaign/CampaignTally). Kept in the
-- transaction of the engine's step that changes offer_record, applied just before it commits.

-- the enterprises a campaign's (unit, kind) reached, with how many of their offer_record rows count for each
-- column: a distinct counter of campaign_tally changes when one of these goes from 0 to 1 or back
CREATE TABLE campaign_tally_member (
  campaign_id VARCHAR(20) NOT NULL,
  reporting_unit VARCHAR(20) NOT NULL,
  kind VARCHAR(10) NOT NULL,
  credit_code VARCHAR(18) NOT NULL,
  offers BIGINT NOT NULL,         -- rows (offers reaching it)
  responded BIGINT NOT NULL,      -- rows answered (回应约)
  renewed BIGINT NOT NULL,        -- rows with a renewed contract
  newly_signed BIGINT NOT NULL,   -- rows with a new contract
  PRIMARY KEY (campaign_id, reporting_unit, kind, credit_code)
);

-- one row of the notice's table and the supervisors' counts, per campaign, unit and kind
CREATE TABLE campaign_tally (
  campaign_id VARCHAR(20) NOT NULL,
  reporting_unit VARCHAR(20) NOT NULL,
  kind VARCHAR(10) NOT NULL,
  offered BIGINT NOT NULL,           -- distinct enterprises
  responded BIGINT NOT NULL,         -- distinct enterprises
  renewed BIGINT NOT NULL,           -- distinct enterprises
  renewed_workers BIGINT NOT NULL,   -- sum over rows
  newly_signed BIGINT NOT NULL,      -- distinct enterprises
  new_workers BIGINT NOT NULL,       -- sum over rows
  escalated BIGINT NOT NULL,         -- rows
  in_rectification BIGINT NOT NULL,  -- rows
  at_labour_bureau BIGINT NOT NULL,  -- rows
  PRIMARY KEY (campaign_id, reporting_unit, kind)
);

-- rows awaiting an answer (not answered, not closed) by their answer's due time: overdue at a time t is the
-- sum over due times up to t, one row per due day rather than per offer
CREATE TABLE campaign_tally_awaiting (
  campaign_id VARCHAR(20) NOT NULL,
  reporting_unit VARCHAR(20) NOT NULL,
  kind VARCHAR(10) NOT NULL,
  response_due_at TIMESTAMP NOT NULL,
  awaiting BIGINT NOT NULL,
  PRIMARY KEY (campaign_id, reporting_unit, kind, response_due_at)
);
CREATE INDEX campaign_tally_awaiting_due ON campaign_tally_awaiting (campaign_id, response_due_at, reporting_unit,
  kind, awaiting);

-- the establishment rate's counts per campaign and unit: enterprises of the registry with a union, and of them
-- those with a collective contract in force at the end of the campaign's period (so a campaign's counts move
-- only when the registry changes, never with the time)
CREATE TABLE campaign_establishment (
  campaign_id VARCHAR(20) NOT NULL,
  reporting_unit VARCHAR(20) NOT NULL,
  with_union BIGINT NOT NULL,
  with_contract BIGINT NOT NULL,
  PRIMARY KEY (campaign_id, reporting_unit)
);

-- locks, taken in ascending order just before commit: a transaction that changes offer_record holds the gate of
-- each (unit, kind) it changes (a hash of them, modulo 64; the registry's changes of a unit have a gate too) while it writes the tallies, and creating a campaign
-- holds all of them while it counts the existing offers, so a change is counted exactly once
CREATE TABLE campaign_tally_gate (
  gate INT NOT NULL PRIMARY KEY
);
INSERT INTO campaign_tally_gate (gate) VALUES
  (0),
  (1),
  (2),
  (3),
  (4),
  (5),
  (6),
  (7),
  (8),
  (9),
  (10),
  (11),
  (12),
  (13),
  (14),
  (15),
  (16),
  (17),
  (18),
  (19),
  (20),
  (21),
  (22),
  (23),
  (24),
  (25),
  (26),
  (27),
  (28),
  (29),
  (30),
  (31),
  (32),
  (33),
  (34),
  (35),
  (36),
  (37),
  (38),
  (39),
  (40),
  (41),
  (42),
  (43),
  (44),
  (45),
  (46),
  (47),
  (48),
  (49),
  (50),
  (51),
  (52),
  (53),
  (54),
  (55),
  (56),
  (57),
  (58),
  (59),
  (60),
  (61),
  (62),
  (63);

-- the campaigns that exist already
INSERT INTO campaign_tally_member (campaign_id, reporting_unit, kind, credit_code, offers, responded, renewed,
  newly_signed)
SELECT c.id, r.reporting_unit, r.kind, r.credit_code, COUNT(*),
  SUM(CASE WHEN r.responded_on IS NOT NULL THEN 1 ELSE 0 END),
  SUM(CASE WHEN r.contract_kind = 'RENEWED' THEN 1 ELSE 0 END),
  SUM(CASE WHEN r.contract_kind = 'NEW' THEN 1 ELSE 0 END)
FROM campaign c JOIN offer_record r ON r.offer_date BETWEEN c.start_date AND c.end_date
GROUP BY c.id, r.reporting_unit, r.kind, r.credit_code;

INSERT INTO campaign_tally (campaign_id, reporting_unit, kind, offered, responded, renewed, renewed_workers,
  newly_signed, new_workers, escalated, in_rectification, at_labour_bureau)
SELECT c.id, r.reporting_unit, r.kind,
  COUNT(DISTINCT r.credit_code),
  COUNT(DISTINCT CASE WHEN r.responded_on IS NOT NULL THEN r.credit_code END),
  COUNT(DISTINCT CASE WHEN r.contract_kind = 'RENEWED' THEN r.credit_code END),
  COALESCE(SUM(CASE WHEN r.contract_kind = 'RENEWED' THEN r.covered_workers ELSE 0 END), 0),
  COUNT(DISTINCT CASE WHEN r.contract_kind = 'NEW' THEN r.credit_code END),
  COALESCE(SUM(CASE WHEN r.contract_kind = 'NEW' THEN r.covered_workers ELSE 0 END), 0),
  SUM(CASE WHEN r.escalated THEN 1 ELSE 0 END),
  SUM(CASE WHEN r.status = 'RECTIFICATION' THEN 1 ELSE 0 END),
  SUM(CASE WHEN r.status = 'LABOUR_BUREAU' THEN 1 ELSE 0 END)
FROM campaign c JOIN offer_record r ON r.offer_date BETWEEN c.start_date AND c.end_date
GROUP BY c.id, r.reporting_unit, r.kind;

INSERT INTO campaign_tally_awaiting (campaign_id, reporting_unit, kind, response_due_at, awaiting)
SELECT c.id, r.reporting_unit, r.kind, r.response_due_at, COUNT(*)
FROM campaign c JOIN offer_record r ON r.offer_date BETWEEN c.start_date AND c.end_date
WHERE r.responded_on IS NULL AND r.status <> 'CLOSED'
GROUP BY c.id, r.reporting_unit, r.kind, r.response_due_at;

INSERT INTO campaign_establishment (campaign_id, reporting_unit, with_union, with_contract)
SELECT c.id, e.reporting_unit, COUNT(*),
  SUM(CASE WHEN e.collective_contract AND (e.contract_end_date IS NULL OR e.contract_end_date >= c.end_date)
    THEN 1 ELSE 0 END)
FROM campaign c JOIN enterprise e ON e.union_present
GROUP BY c.id, e.reporting_unit;
