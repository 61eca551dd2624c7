package cn.collectivenegotiation.escalation;

/** 追究行政或法律责任. */
public enum SanctionLiability {
  ADMINISTRATIVE,
  LEGAL,
  NONE
}
