package cn.collectivenegotiation.notice;

/** The steps of the supervision chain that both sides of an offer are told of by mail. */
public enum EscalationStage {
  /** 上级工会发出整改意见书或约谈 ({@code issueRectificationNotice} completed). */
  RECTIFICATION_NOTICE,
  /** 人社局责令限期改正 ({@code orderCorrection} completed). */
  CORRECTION_ORDER,
  /** 改正期限届满，三方（四家）决定追究责任或媒体曝光 ({@code decideSanction} reached). */
  SANCTION_STAGE
}
