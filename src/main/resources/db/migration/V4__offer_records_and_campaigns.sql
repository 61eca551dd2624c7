-- The statistics read model: one row per offer and enterprise it reaches (a regional offer has one row
-- per enterprise it covers, so counting rows counts enterprises as the notice's table does). Written in
-- the transaction of the engine step that changes it, never by walking history at request time.
CREATE TABLE offer_record (
  offer_id VARCHAR(64) NOT NULL,            -- process instance id
  credit_code VARCHAR(18) NOT NULL,
  offer_number VARCHAR(40) NOT NULL,
  kind VARCHAR(10) NOT NULL,                -- SINGLE or REGIONAL
  reporting_unit VARCHAR(20) NOT NULL,
  enterprise_name VARCHAR(200) NOT NULL,
  workforce INT NOT NULL,
  offer_date DATE NOT NULL,
  response_due_at TIMESTAMP NOT NULL,
  responded_on DATE,
  answered_late BOOLEAN DEFAULT FALSE NOT NULL,
  escalated BOOLEAN DEFAULT FALSE NOT NULL,      -- reached rectification (整改意见书/约谈) or further
  labour_bureau BOOLEAN DEFAULT FALSE NOT NULL,  -- reached the labour bureau's correction order
  status VARCHAR(20) NOT NULL,
  closed_reason VARCHAR(40),
  contract_kind VARCHAR(10),                -- NEW or RENEWED once signed
  contract_signed_on DATE,
  covered_workers INT,
  contract_effective_on DATE,
  parent_offer_id VARCHAR(64),              -- a secondary negotiation's regional offer
  PRIMARY KEY (offer_id, credit_code)
);
-- the statistics query reads the offers of a period
CREATE INDEX offer_record_period ON offer_record (offer_date);
CREATE INDEX offer_record_number ON offer_record (offer_number);

-- 集中要约月: a campaign is data (another year is another row), run by a `campaign` process instance.
CREATE SEQUENCE campaign_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE campaign (
  id VARCHAR(20) NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE NOT NULL,
  report_deadline DATE NOT NULL,
  target_rate DECIMAL(5, 4) NOT NULL,
  process_instance_id VARCHAR(64),
  created_by VARCHAR(64),
  created_at TIMESTAMP NOT NULL
);

-- what each 填报单位 submitted: its activity report and its statistics table's 问题及建议
CREATE TABLE campaign_report (
  campaign_id VARCHAR(20) NOT NULL,
  reporting_unit VARCHAR(20) NOT NULL,
  activity_reported_on DATE,
  photo_count INT,
  news_title VARCHAR(200),
  problems VARCHAR(4000),
  submitted_on DATE,
  submitted_by VARCHAR(64),
  submitted_late BOOLEAN,
  PRIMARY KEY (campaign_id, reporting_unit)
);
