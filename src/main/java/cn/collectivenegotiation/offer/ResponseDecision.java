package cn.collectivenegotiation.offer;

/** The offeree's answer (应约意见). */
public enum ResponseDecision {
  /** 同意协商. */
  ACCEPT,
  /** 拒绝协商 (with reasons, which the upper union reviews). */
  REFUSE
}
