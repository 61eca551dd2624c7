-- Every column the statistics table reads, in one index: the grouped query over a period's offers is
-- answered from the index alone instead of reading each row (H2 and PostgreSQL both scan it that way).
CREATE INDEX offer_record_statistics ON offer_record (offer_date, reporting_unit, kind, credit_code, responded_on,
  contract_kind, covered_workers, escalated, response_due_at, status);
