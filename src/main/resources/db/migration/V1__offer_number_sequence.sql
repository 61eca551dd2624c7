-- 要约编号: one sequence for all offers, shared by every server on the database.
CREATE SEQUENCE offer_number_seq START WITH 1 INCREMENT BY 1;
