package cn.collectivenegotiation.escalation;

/** 上级工会依法提出整改意见书或约谈其负责人. */
public enum RectificationKind {
  /** 整改意见书. */
  NOTICE,
  /** 约谈负责人. */
  INTERVIEW
}
