package cn.collectivenegotiation.offer;

import java.util.Locale;

/** The 16 填报单位 of the notice's attachment table; each has its own union and labour bureau groups. */
public enum ReportingUnit {
  SHIZHONG("市中区"),
  SHAWAN("沙湾区"),
  WUTONGQIAO("五通桥区"),
  JINKOUHE("金口河区"),
  QIANWEI("犍为县"),
  JINGYAN("井研县"),
  JIAJIANG("夹江县"),
  MUCHUAN("沐川县"),
  EBIAN("峨边彝族自治县"),
  MABIAN("马边彝族自治县"),
  EMEISHAN("峨眉山市"),
  HIGHTECH("乐山高新区"),
  EMEI_SCENIC("峨眉山景区"),
  BUDDHA_SCENIC("乐山大佛景区"),
  CONSTRUCTION("市建设工会"),
  TRANSPORT("市交通工会");

  private final String chineseName;

  ReportingUnit(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  /** The unit's union group, e.g. {@code union-shizhong}: it reviews refusals and issues rectification notices. */
  public String unionGroup() {
    return "union-" + name().toLowerCase(Locale.ROOT);
  }

  /**
   * The unit's negotiation instructors (集体协商指导员), e.g. {@code instructor-shizhong}: they support the unit's
   * enterprise unions, so they read the unit's offers, and complete no task.
   */
  public String instructorGroup() {
    return "instructor-" + name().toLowerCase(Locale.ROOT);
  }

  /** The unit's labour bureau (人社局) group: it orders correction. */
  public String labourBureauGroup() {
    return "labour-bureau-" + name().toLowerCase(Locale.ROOT);
  }
}
