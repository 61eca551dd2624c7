package cn.collectivenegotiation.offer;

/** Who sends the offer: 职工和企业双方均可发出协商要约. */
public enum OfferorSide {
  /** 工会向企业行政发出要约. */
  UNION,
  /** 企业行政向工会发出要约. */
  ENTERPRISE
}
