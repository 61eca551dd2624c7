package cn.collectivenegotiation.offer;

/** 企业工会发出要约有困难的, 上级工会可通过“上代下”、“上参下”等方式代表企业工会提出协商要约. */
public enum OnBehalf {
  /** The enterprise union (or the enterprise) sends the offer itself. */
  NONE,
  /** 上代下: the upper-level union sends the offer for the enterprise union. */
  UPPER_FOR_LOWER,
  /** 上参下: the upper-level union sends it together with the enterprise union. */
  UPPER_JOINS_LOWER
}
