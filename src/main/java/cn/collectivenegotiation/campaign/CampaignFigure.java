package cn.collectivenegotiation.campaign;

/**
 * What supervisors count for a campaign, each as one condition on a row of the read model
 * ({@code offer_record}): the statistics query sums rows that meet it and the offers behind a figure
 * are the rows that meet it, so a figure and its list of offers cannot disagree. {@link #OVERDUE} takes
 * the time it is counted at as its one parameter.
 */
public enum CampaignFigure {
  OFFERED("发出要约", "TRUE"),
  RESPONDED("回应约", "responded_on IS NOT NULL"),
  /** 《集体合同规定》第三十二条: no answer within 20 days, and the offer still open. */
  OVERDUE("逾期未应约", CampaignTally.AWAITING + " AND response_due_at <= ?"),
  /** 整改意见书 / 约谈 issued or due, the offeree not yet answered. */
  RECTIFICATION("整改中", "status = 'RECTIFICATION'"),
  /** 责令限期改正 by the labour bureau. */
  LABOUR_BUREAU("人社局责令改正中", "status = 'LABOUR_BUREAU'"),
  /** 续签 or 新签. */
  SIGNED("已签订合同", "contract_kind IS NOT NULL");

  private final String chineseName;
  private final String condition;

  CampaignFigure(String chineseName, String condition) {
    this.chineseName = chineseName;
    this.condition = condition;
  }

  public String chineseName() {
    return chineseName;
  }

  /** The SQL condition on an {@code offer_record} row. */
  String condition() {
    return condition;
  }

  boolean countedAtATime() {
    return this == OVERDUE;
  }
}
