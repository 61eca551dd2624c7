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
    Integer workforce = in.integer(WORKFORCE, "职工人数", true, 1, 10_000_000);
    List<Topic> topics = in.choices(TOPICS, "协商议题", Topic.class);
    LocalDate offerDate = in.dateUpToToday(OFFER_DATE, "要约日期", true);
    LocalDate deliveryDate = in.dateUpToToday(DELIVERY_DATE, "送达日期", false);
    if (deliveryDate != null && offerDate != null && deliveryDate.isBefore(offerDate)) {
      in.reject(DELIVERY_DATE, "送达日期不能早于要约日期 (deliveryDate must not be before offerDate)");
    }
    DeliveryMethod method = in.has(DELIVERY_METHOD)
        ? in.choice(DELIVERY_METHOD, "送达方式", DeliveryMethod.class, false) : DeliveryMethod.SYSTEM;
    String content = in.text(OFFER_CONTENT, "要约内容", false, 4000);
    in.throwIfInvalid();
    // 送达日期 defaults to the offer date: an offer sent through the system is seen by the offeree that day
    return new Offer(side, onBehalf, creditCode, enterpriseName, unit, workforce, topics, offerDate,
        deliveryDate == null ? offerDate : deliveryDate, method, content);
  }
}
