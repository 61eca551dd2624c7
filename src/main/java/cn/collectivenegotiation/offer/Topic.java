package cn.collectivenegotiation.offer;

/** 协商议题: what an offer proposes to negotiate, per the notice's 具体措施 (二)–(四). */
public enum Topic {
  WAGE_ADJUSTMENT("工资调整与收入分配"),
  LABOUR_PROTECTION("劳动保障"),
  WAGE_PAYMENT("工资支付办法"),
  PAYMENT_GUARANTEE("工资支付保障机制"),
  IDLE_ALLOWANCE("息工待岗职工生活费"),
  RESETTLEMENT("职工分流安置"),
  OCCUPATIONAL_HEALTH("职业病防治专项"),
  WOMEN_WORKERS("女职工专项"),
  WAGE_FLOOR("工资标准底线"),
  LABOUR_QUOTA("劳动定额"),
  PIECE_RATE("计件工价"),
  PAY_ADJUSTMENT("薪酬调整机制");

  private final String chineseName;

  Topic(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
