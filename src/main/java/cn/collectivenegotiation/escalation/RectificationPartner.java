package cn.collectivenegotiation.escalation;

/** The employer organisation of the same level that the upper union works with (上级工会协同同级企业组织). */
public enum RectificationPartner {
  /** 企业家协会. */
  ENTERPRISE_ASSOCIATION,
  /** 工商联. */
  INDUSTRY_COMMERCE_FEDERATION
}
