package cn.collectivenegotiation.offer;

import cn.collectivenegotiation.input.FormInput;
import static cn.collectivenegotiation.offer.OfferVariables.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The one check of a new offer, shared by {@code POST /api/offers} and the Tasklist start form
 * (through {@link OfferRegistration}): every field named in its error, nothing started on any error.
 */
public final class OfferValidator {

  private OfferValidator() {}

  public static Offer validate(Map<String, ?> values) {
    FormInput in = new FormInput(values);
    OfferorSide side = in.choice(OFFEROR_SIDE, "要约方", OfferorSide.class, true);
    OnBehalf onBehalf = in.has(ON_BEHALF) ? in.choice(ON_BEHALF, "上代下/上参下", OnBehalf.class, false) : OnBehalf.NONE;
    if (side == OfferorSide.ENTERPRISE && onBehalf != null && onBehalf != OnBehalf.NONE) {
      in.reject(ON_BEHALF, "企业方发出的要约不能由上级工会代为或参与发出 (onBehalf applies only to union offers)");
    }
    String creditCode = in.text(CREDIT_CODE, "统一社会信用代码", true, 18 + 10);
    if (creditCode != null) {
      String problem = CreditCode.problem(creditCode);
      if (problem != null) {
        in.reject(CREDIT_CODE, problem);
      }
    }
    String enterpriseName = in.text(ENTERPRISE_NAME, "企业名称", true, 100);
    ReportingUnit unit = in.choice(REPORTING_UNIT, "填报单位", ReportingUnit.class, true);
    OfferKind kind = in.has(OFFER_KIND) ? in.choice(OFFER_KIND, "要约类型", OfferKind.class, false) : OfferKind.SINGLE;
    // a regional offer's workforce is that of the enterprises it covers, unless given
    Integer workforce = in.integer(WORKFORCE, "职工人数", kind != OfferKind.REGIONAL, 1, 10_000_000);
    List<Topic> topics = in.choices(TOPICS, "协商议题", Topic.class);
    LocalDate offerDate = in.dateUpToToday(OFFER_DATE, "要约日期", true);
    LocalDate deliveryDate = in.dateUpToToday(DELIVERY_DATE, "送达日期", false);
    if (deliveryDate != null && offerDate != null && deliveryDate.isBefore(offerDate)) {
      in.reject(DELIVERY_DATE, "送达日期不能早于要约日期 (deliveryDate must not be before offerDate)");
    }
    DeliveryMethod method = in.has(DELIVERY_METHOD)
        ? in.choice(DELIVERY_METHOD, "送达方式", DeliveryMethod.class, false) : DeliveryMethod.SYSTEM;
    String content = in.text(OFFER_CONTENT, "要约内容", false, 4000);
    List<CoveredEnterprise> covered = List.of();
    if (kind == OfferKind.REGIONAL) {
      covered = covered(in, values.get(COVERED_ENTERPRISES));
      if (side != null && side != OfferorSide.UNION) {
        in.reject(OFFEROR_SIDE, "区域(行业)性要约由区域或行业工会发出 (a regional offer is sent by the union side)");
      }
      if (onBehalf != null && onBehalf != OnBehalf.NONE) {
        in.reject(ON_BEHALF, "区域(行业)性要约不适用上代下/上参下 (onBehalf does not apply to regional offers)");
      }
      List<Topic> notRegional = topics.stream().filter(t -> !OfferKind.REGIONAL_TOPICS.contains(t)).toList();
      if (!notRegional.isEmpty()) {
        in.reject(TOPICS, "区域(行业)性要约的议题为工资标准底线、劳动定额、计件工价、薪酬调整机制和支付保障机制 (regional topics are "
            + OfferKind.REGIONAL_TOPICS + "; not " + notRegional + ")");
      }
      int coveredWorkforce = covered.stream().mapToInt(CoveredEnterprise::workforce).sum();
      if (workforce == null) {
        workforce = coveredWorkforce;
      } else if (!covered.isEmpty() && workforce != coveredWorkforce) {
        in.reject(WORKFORCE, "职工人数应为所覆盖企业职工人数之和 (workforce must be the sum of the covered enterprises')");
      }
    }
    in.throwIfInvalid();
    // 送达日期 defaults to the offer date: an offer sent through the system is seen by the offeree that day
    return new Offer(side, onBehalf, creditCode, enterpriseName, unit, workforce, topics, offerDate,
        deliveryDate == null ? offerDate : deliveryDate, method, content, kind, covered);
  }

  /** 覆盖企业: at least two, each with a valid credit code, a name and its workforce, none twice. */
  private static List<CoveredEnterprise> covered(FormInput in, Object raw) {
    List<Map<String, Object>> rows;
    try {
      rows = CoveredEnterprises.parse(raw);
    } catch (RuntimeException e) {
      in.reject(COVERED_ENTERPRISES, "覆盖企业应为列表，每项含统一社会信用代码、企业名称和职工人数"
          + " (coveredEnterprises must be a list of {creditCode, enterpriseName, workforce})");
      return List.of();
    }
    if (rows.size() < 2) {
      in.reject(COVERED_ENTERPRISES, "区域(行业)性要约至少覆盖2家企业 (a regional offer covers at least 2 enterprises)");
    }
    List<CoveredEnterprise> result = new java.util.ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      String where = "第" + (i + 1) + "家覆盖企业";
      String field = COVERED_ENTERPRISES + "[" + i + "]";
      FormInput one = new FormInput(row);
      String code = one.text("creditCode", where + "统一社会信用代码", true, 28);
      String name = one.text(row.containsKey("name") ? "name" : ENTERPRISE_NAME, where + "名称", true, 100);
      Integer workers = one.integer(WORKFORCE, where + "职工人数", true, 1, 10_000_000);
      if (code != null && CreditCode.problem(code) != null) {
        one.reject("creditCode", where + "：" + CreditCode.problem(code));
      } else if (code != null && !seen.add(code.trim().toUpperCase())) {
        one.reject("creditCode", where + "重复 (" + code + " is listed twice)");
      }
      if (!one.isValid()) {
        one.errors().forEach(e -> in.reject(field + "." + e.field(), e.message()));
      } else {
        result.add(new CoveredEnterprise(code.trim().toUpperCase(), name, workers));
      }
    }
    return List.copyOf(result);
  }
}
