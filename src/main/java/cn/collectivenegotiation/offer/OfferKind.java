package cn.collectivenegotiation.offer;

import java.util.EnumSet;
import java.util.Set;

/** 单独要约 to one enterprise, or 区域(行业)性要约 to the enterprise side of a region or an industry. */
public enum OfferKind {
  SINGLE,
  REGIONAL;

  /** What a regional offer negotiates, per the notice (二(四)): 工资标准底线、劳动定额、计件工价、薪酬调整机制和支付保障机制. */
  public static final Set<Topic> REGIONAL_TOPICS = EnumSet.of(Topic.WAGE_FLOOR, Topic.LABOUR_QUOTA, Topic.PIECE_RATE,
      Topic.PAY_ADJUSTMENT, Topic.PAYMENT_GUARANTEE);
}
