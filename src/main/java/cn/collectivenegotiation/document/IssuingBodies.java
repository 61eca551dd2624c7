package cn.collectivenegotiation.document;

import cn.collectivenegotiation.escalation.RectificationPartner;
import cn.collectivenegotiation.offer.ReportingUnit;

/**
 * The full names of the bodies that sign the notices of a reporting unit, and the short name (机关代字)
 * in their document numbers. The four districts of the city carry 乐山市 in front; the city's
 * industry unions and their offers fall under the city's labour bureau.
 */
final class IssuingBodies {

  private IssuingBodies() {}

  /** The unit's federation of trade unions (e.g. 乐山市市中区总工会, 犍为县总工会, 乐山市建设工会). */
  static String union(ReportingUnit unit) {
    return switch (unit) {
      case CONSTRUCTION, TRANSPORT -> "乐山" + unit.chineseName();
      default -> region(unit) + "总工会";
    };
  }

  /** The unit's 人力资源和社会保障局; the city's industry unions have the city's. */
  static String labourBureau(ReportingUnit unit) {
    return switch (unit) {
      case CONSTRUCTION, TRANSPORT -> "乐山市人力资源和社会保障局";
      default -> region(unit) + "人力资源和社会保障局";
    };
  }

  /** The employer organisation of the same level (同级企业组织) that issues the rectification with the union. */
  static String partner(ReportingUnit unit, RectificationPartner partner) {
    String region = switch (unit) {
      case CONSTRUCTION, TRANSPORT -> "乐山市";
      default -> region(unit);
    };
    return region + (partner == RectificationPartner.ENTERPRISE_ASSOCIATION ? "企业家协会" : "工商业联合会");
  }

  /** 机关代字 in document numbers: 市中, 犍为, 建设 … */
  static String shortName(ReportingUnit unit) {
    return switch (unit) {
      case SHIZHONG -> "市中";
      case SHAWAN -> "沙湾";
      case WUTONGQIAO -> "五通桥";
      case JINKOUHE -> "金口河";
      case QIANWEI -> "犍为";
      case JINGYAN -> "井研";
      case JIAJIANG -> "夹江";
      case MUCHUAN -> "沐川";
      case EBIAN -> "峨边";
      case MABIAN -> "马边";
      case EMEISHAN -> "峨眉山";
      case HIGHTECH -> "乐山高新";
      case EMEI_SCENIC -> "峨眉景区";
      case BUDDHA_SCENIC -> "大佛景区";
      case CONSTRUCTION -> "乐建";
      case TRANSPORT -> "乐交";
    };
  }

  private static String region(ReportingUnit unit) {
    return switch (unit) {
      case SHIZHONG, SHAWAN, WUTONGQIAO, JINKOUHE -> "乐山市" + unit.chineseName();
      default -> unit.chineseName();
    };
  }
}
