package cn.collectivenegotiation.document;

import static cn.collectivenegotiation.offer.OfferVariables.*;

import cn.collectivenegotiation.escalation.RectificationKind;
import cn.collectivenegotiation.escalation.RectificationPartner;
import cn.collectivenegotiation.offer.CoveredEnterprises;
import cn.collectivenegotiation.offer.OfferKind;
import cn.collectivenegotiation.offer.OfferorSide;
import cn.collectivenegotiation.offer.OnBehalf;
import cn.collectivenegotiation.offer.ReportingUnit;
import cn.collectivenegotiation.offer.Topic;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each notice says, from the offer's variables as the step that issues it left them: who sent the
 * offer to whom, when it was delivered and by when it had to be answered, what went wrong, what must
 * change and by when (the deadlines as the legal calendar computed them), and the legal basis.
 */
final class NoticeTexts {

  private static final Pattern TOPIC_CODE = Pattern.compile("[A-Z_]+");

  private final Map<String, Object> vars;
  private final ReportingUnit unit;
  private final String enterprise;
  private final String offerNumber;

  NoticeTexts(Map<String, Object> vars) {
    this.vars = vars;
    this.unit = ReportingUnit.valueOf(text(REPORTING_UNIT));
    this.enterprise = text(ENTERPRISE_NAME);
    this.offerNumber = text(OFFER_NUMBER);
  }

  /** 集体协商要约书, dated the day the offer was written; {@code responsePeriod} is the period in force (20 days). */
  OfficialDocument offerLetter(Period responsePeriod) {
    boolean regional = OfferKind.REGIONAL.name().equals(vars.get(OFFER_KIND));
    List<String> body = new ArrayList<>();
    body.add("根据《中华人民共和国劳动法》《中华人民共和国工会法》和《集体合同规定》的有关规定，为建立健全集体协商机制，"
        + "维护职工和企业双方的合法权益，" + offerorPhrase() + "现向你单位提出开展"
        + (regional ? "区域（行业）性" : "") + "集体协商的要约，具体事项如下：");
    List<String> items = new ArrayList<>();
    if (regional) {
      List<Map<String, Object>> covered = CoveredEnterprises.parse(vars.get(COVERED_ENTERPRISES));
      int workers = covered.stream().mapToInt(c -> ((Number) c.get("workforce")).intValue()).sum();
      items.add("协商范围：" + String.join("、", covered.stream().map(c -> c.get("enterpriseName") + "（统一社会信用代码："
          + c.get("creditCode") + "，职工" + c.get("workforce") + "人）").toList())
          + "，共" + covered.size() + "家企业、职工" + workers + "人。");
    } else {
      items.add("协商对象：" + enterprise + "（统一社会信用代码：" + text(CREDIT_CODE) + "），现有职工" + vars.get(WORKFORCE) + "人。");
    }
    items.add("协商议题：" + String.join("、", topics()) + "。");
    String content = text(OFFER_CONTENT);
    if (content != null && !content.isBlank()) {
      items.add("协商要求：" + content.strip());
    }
    LocalDate delivered = date(DELIVERY_DATE);
    LocalDate deadline = date("responseDeadline");
    LocalDate nominal = delivered.plus(responsePeriod);
    items.add("应约期限：本要约书于" + chinese(delivered) + "送达。依据《集体合同规定》第三十二条，请你单位自收到本要约书之日起"
        + responsePeriod.getDays() + "日内，即" + chinese(deadline) + "前，以书面形式予以回应"
        + (deadline.equals(nominal) ? "" : "（期限末日" + chinese(nominal) + "为法定休假日，依法顺延）")
        + "；无正当理由不得拒绝或者拖延。");
    for (int i = 0; i < items.size(); i++) {
      body.add(ORDINALS[i] + "、" + items.get(i));
    }
    body.add("特此要约。");
    return new OfficialDocument(DocumentKind.OFFER_LETTER, offerorBodies(),
        number(IssuingBodies.shortName(unit) + "要约"), (regional ? "区域（行业）性" : "") + "集体协商要约书",
        offeree(), body, date(OFFER_DATE),
        offerorBodies().contains(IssuingBodies.union(unit)) ? IssuingBodies.labourBureau(unit) : IssuingBodies.union(unit),
        offerNumber);
  }

  /** 整改意见书, or 约谈通知书 for an interview, of the unit's union with the employer organisation, issued {@code on}. */
  OfficialDocument rectificationNotice(LocalDate on) {
    boolean interview = RectificationKind.INTERVIEW.name().equals(vars.get(RECTIFICATION_KIND));
    String union = IssuingBodies.union(unit);
    String partner = IssuingBodies.partner(unit, RectificationPartner.valueOf(text(RECTIFICATION_PARTNER)));
    String bureau = IssuingBodies.labourBureau(unit);
    String deadline = chinese(date("rectificationDeadline"));
    List<String> body = new ArrayList<>();
    body.add(facts());
    String basis = "依据《中华人民共和国工会法》第五十四条、《集体合同规定》第三十二条和乐工发〔2017〕1号文件关于"
        + "“上级工会要依法提出整改意见书或约谈其负责人”的规定，本会协同" + partner;
    if (interview) {
      body.add(basis + "决定约谈你单位" + text(INTERVIEWEE) + "。请其于" + deadline
          + "前到本会接受约谈，就下列事项说明情况并整改：");
    } else {
      body.add(basis + "对你单位提出如下整改意见：");
    }
    body.addAll(paragraphs(text(RECTIFICATION_REQUIREMENTS)));
    body.add("请你单位于" + deadline + "前完成整改，以书面形式回应集体协商要约，并将整改情况报送本会。逾期" + (interview ? "不接受约谈或" : "")
        + "不整改的，本会将提请" + bureau + "依据《中华人民共和国工会法》第五十四条责令限期改正。");
    return new OfficialDocument(DocumentKind.RECTIFICATION_NOTICE, List.of(union, partner),
        number(IssuingBodies.shortName(unit) + (interview ? "工谈" : "工整")), interview ? "约谈通知书" : "整改意见书",
        offeree(), body, on, bureau + "，" + offerorPhrase(), offerNumber);
  }

  /** 责令限期改正通知书 of the unit's labour bureau, issued {@code on}. */
  OfficialDocument correctionOrder(LocalDate on) {
    String bureau = IssuingBodies.labourBureau(unit);
    List<String> body = new ArrayList<>();
    String facts = "经查，" + facts();
    if (vars.get("rectificationDeadline") != null) {
      facts += IssuingBodies.union(unit) + "已向你单位发出" + (RectificationKind.INTERVIEW.name().equals(vars.get(RECTIFICATION_KIND))
          ? "约谈通知书" : "整改意见书") + "，整改期限至" + chinese(date("rectificationDeadline")) + "，你单位逾期仍未整改。";
    } else if (vars.get(PETITION_REASON) != null) {
      facts += "要约方已提请本局责令你单位限期改正。";
    }
    body.add(facts);
    body.add("你单位的行为违反了《集体合同规定》第三十二条的规定。依据《中华人民共和国工会法》第五十四条第（四）项"
        + "（无正当理由拒绝进行平等协商的，由县级以上人民政府责令改正，依法处理）的规定，本局责令你单位限期改正：");
    body.addAll(paragraphs(text(CORRECTION_REQUIREMENTS)));
    body.add("请你单位于" + chinese(date("correctionDeadline")) + "前改正，并将改正情况书面报送本局。逾期不改正的，"
        + "将由协调劳动关系三方（四家）依法追究相应责任，并可在新闻媒体予以曝光。");
    return new OfficialDocument(DocumentKind.CORRECTION_ORDER, List.of(bureau),
        number(IssuingBodies.shortName(unit) + "人社改"), "责令限期改正通知书", offeree(), body, on,
        IssuingBodies.union(unit) + "，" + offerorPhrase(), offerNumber);
  }

  /** Who sent the offer, when it was delivered, by when it had to be answered, and what the offeree did. */
  private String facts() {
    String facts = offerorPhrase() + "于" + chinese(date(OFFER_DATE)) + "向你单位发出集体协商要约（要约编号：" + offerNumber
        + "），该要约于" + chinese(date(DELIVERY_DATE)) + "送达。依据《集体合同规定》第三十二条，你单位应当于"
        + chinese(date("responseDeadline")) + "前书面回应";
    if (Boolean.FALSE.equals(vars.get(REFUSAL_JUSTIFIED)) && text(REFUSAL_REASON) != null) {
      return facts + "。你单位以“" + text(REFUSAL_REASON).strip() + "”为由拒绝协商，经审查，该理由不属于正当理由。";
    }
    if ("REFUSE".equals(vars.get(RESPONSE_DECISION)) && text(REFUSAL_REASON) != null) {
      return facts + "。你单位以“" + text(REFUSAL_REASON).strip() + "”为由拒绝协商。";
    }
    return facts + "，但逾期未予回应。";
  }

  /** The offeror as the notices name it (上代下: the upper union for the enterprise union). */
  private String offerorPhrase() {
    if (OfferKind.REGIONAL.name().equals(vars.get(OFFER_KIND))) {
      return IssuingBodies.union(unit);
    }
    if (OfferorSide.ENTERPRISE.name().equals(vars.get(OFFEROR_SIDE))) {
      return enterprise;
    }
    return switch (OnBehalf.valueOf(text(ON_BEHALF))) {
      case NONE -> enterprise + "工会";
      case UPPER_FOR_LOWER -> IssuingBodies.union(unit) + "（代" + enterprise + "工会）";
      case UPPER_JOINS_LOWER -> enterprise + "工会和" + IssuingBodies.union(unit);
    };
  }

  private List<String> offerorBodies() {
    if (OfferKind.REGIONAL.name().equals(vars.get(OFFER_KIND))) {
      return List.of(IssuingBodies.union(unit));
    }
    if (OfferorSide.ENTERPRISE.name().equals(vars.get(OFFEROR_SIDE))) {
      return List.of(enterprise);
    }
    return switch (OnBehalf.valueOf(text(ON_BEHALF))) {
      case NONE -> List.of(enterprise + "工会");
      case UPPER_FOR_LOWER -> List.of(IssuingBodies.union(unit));
      case UPPER_JOINS_LOWER -> List.of(enterprise + "工会", IssuingBodies.union(unit));
    };
  }

  /** 被要约方: the enterprise's management for a union's offer, its union for the enterprise's. */
  private String offeree() {
    return OfferorSide.ENTERPRISE.name().equals(vars.get(OFFEROR_SIDE)) ? enterprise + "工会" : enterprise;
  }

  /** 发文字号 from the offer number: 2026-SHIZHONG-000012 → 市中工整〔2026〕12号. */
  private String number(String prefix) {
    String[] parts = offerNumber.split("-");
    return prefix + "〔" + parts[0] + "〕" + Long.parseLong(parts[parts.length - 1]) + "号";
  }

  private List<String> topics() {
    Object raw = vars.get(TOPICS);
    List<String> names = new ArrayList<>();
    if (raw != null) {
      Matcher m = TOPIC_CODE.matcher(raw.toString());
      while (m.find()) {
        Arrays.stream(Topic.values()).filter(t -> t.name().equals(m.group())).findFirst()
            .ifPresent(t -> names.add(t.chineseName()));
      }
    }
    return names;
  }

  private static List<String> paragraphs(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private String text(String name) {
    Object value = vars.get(name);
    return value == null ? null : value.toString();
  }

  private LocalDate date(String name) {
    return LocalDate.parse(text(name));
  }

  private static String chinese(LocalDate date) {
    return OfficialDocument.chinese(date);
  }

  private static final String[] ORDINALS = {"一", "二", "三", "四", "五", "六"};
}
