-- placeholder until the registry branch lands (same schema as given to it)
CREATE TABLE enterprise (
  credit_code VARCHAR(18) NOT NULL PRIMARY KEY,
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
  updated_by VARCHAR(64)
);
CREATE INDEX enterprise_unit ON enterprise (reporting_unit);
