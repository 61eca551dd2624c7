-- 企业名录: the enterprises the unions deal with, imported from the officers' spreadsheets
-- (POST /api/enterprises/import); the flags are what the key-target and negotiation-topics tables read.
-- Plain SQL that H2 2.x and PostgreSQL both run.
CREATE TABLE enterprise (
  credit_code VARCHAR(18) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  reporting_unit VARCHAR(20) NOT NULL,
  industry VARCHAR(100),
  workforce INT NOT NULL,
  women_workers INT,
  union_present BOOLEAN NOT NULL,
  collective_contract BOOLEAN NOT NULL,
  special_contract BOOLEAN NOT NULL,
  contract_end_date DATE,
  minimum_wage_pay BOOLEAN NOT NULL,
  tense_relations BOOLEAN NOT NULL,
  in_difficulty BOOLEAN NOT NULL,
  restructuring BOOLEAN NOT NULL,
  severe_hazards BOOLEAN NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR(64),
  CONSTRAINT enterprise_workforce_positive CHECK (workforce > 0),
  CONSTRAINT enterprise_women_within_workforce CHECK (women_workers IS NULL OR (women_workers >= 0 AND women_workers <= workforce))
);
CREATE INDEX enterprise_reporting_unit ON enterprise (reporting_unit);
