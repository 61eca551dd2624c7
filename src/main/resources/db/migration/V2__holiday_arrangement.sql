-- 国务院节假日安排 added by an operator at runtime (PUT /api/calendar/arrangements/{year}); they override
-- the years shipped under classpath:holidays/, and every server on the database sees them.
CREATE TABLE holiday_arrangement (
  arrangement_year INT PRIMARY KEY,
  document VARCHAR(20000) NOT NULL,
  updated_by VARCHAR(64) NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
