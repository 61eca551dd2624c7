-- The notices of an offer as PDF (要约书, 整改意见书/约谈通知书, 责令限期改正通知书), one per kind and offer.
-- A notice is written in the transaction of the engine step that issues it; the offer letter, whose facts
-- never change after the offer starts, is set on its first download and kept from then on.
CREATE TABLE offer_document (
  offer_id VARCHAR(64) NOT NULL,          -- process instance id of the collective-offer
  kind VARCHAR(30) NOT NULL,              -- OFFER_LETTER, RECTIFICATION_NOTICE, CORRECTION_ORDER
  offer_number VARCHAR(40) NOT NULL,
  title VARCHAR(100) NOT NULL,            -- 整改意见书 or 约谈通知书 ...
  document_number VARCHAR(60) NOT NULL,   -- 发文字号, e.g. 市中工整〔2026〕1号
  issued_on DATE NOT NULL,                -- 成文日期 as printed
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR(64),
  size_bytes INT NOT NULL,
  content BYTEA NOT NULL,
  PRIMARY KEY (offer_id, kind)
);
