package cn.collectivenegotiation.contract;

import cn.collectivenegotiation.campaign.OfferRecords;
import cn.collectivenegotiation.deadline.Deadline;
import cn.collectivenegotiation.deadline.DeadlineProperties;
import cn.collectivenegotiation.deadline.LegalCalendar;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.input.FormInput;
import cn.collectivenegotiation.offer.CoveredEnterprises;
import cn.collectivenegotiation.offer.OfferKind;
import cn.collectivenegotiation.offer.OfferVariables;
import cn.collectivenegotiation.offer.Topic;
import cn.collectivenegotiation.registry.EnterpriseRegistry;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The contract's steps after the congress vote: signing, filing with the labour bureau, its review,
 * and revision after an objection. Each sets the next legal period through the {@link LegalCalendar}.
 * BPMN: {@code ${contracts.signing(task)}}.
 */
@Component("contracts")
public class ContractRecorder {

  /** 新签 or 续签. */
  public enum ContractKind { NEW, RENEWED }

  /** Comprehensive, or one of the special contracts the notice names. */
  public enum ContractType { COMPREHENSIVE, WAGES, WOMEN_WORKERS, OCCUPATIONAL_SAFETY }

  /** The labour bureau's finding. */
  public enum ReviewDecision { NO_OBJECTION, OBJECTION }

  private final LegalCalendar calendar;
  private final DeadlineProperties deadlines;
  private final OfferRecords records;
  private final EnterpriseRegistry registry;

  public ContractRecorder(LegalCalendar calendar, DeadlineProperties deadlines, OfferRecords records,
      EnterpriseRegistry registry) {
    this.records = records;
    this.registry = registry;
    this.calendar = calendar;
    this.deadlines = deadlines;
  }

  public void signing(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    ContractKind kind = in.choice("contractKind", "签订类型", ContractKind.class, true);
    ContractType type = in.choice("contractType", "合同类别", ContractType.class, true);
    LocalDate signed = in.dateUpToToday("signedDate", "签订日期", true);
    // 《集体合同规定》第三十八条: 集体合同或专项集体合同期限一般为1至3年
    Integer years = in.integer("termYears", "期限（年）", true, 1, 3);
    Integer covered = in.integer("coveredWorkers", "覆盖职工人数", true, 1, 10_000_000);
    in.throwIfInvalid();
    records.signed(task.getProcessInstanceId(), kind.name(), signed, covered);
    LocalDate end = signed.plusYears(years).minusDays(1);
    // the registry knows the enterprise (each covered one, for a regional contract) now has a contract
    for (String code : enterprisesOf(task)) {
      registry.contractSigned(code, type == ContractType.COMPREHENSIVE, end);
    }
    task.setVariable("contractEndDate", end.toString());
    // 《集体合同规定》第三十八条: 期满前3个月内可提出续订要求 — the union is prompted then
    task.setVariable("renewalPromptAt",
        java.util.Date.from(end.minusMonths(3).atStartOfDay(LegalTime.zone()).toInstant()));
    Deadline filing = calendar.period(signed, deadlines.getFiling(), "依据《集体合同规定》第四十二条，自"
        + LegalCalendar.chinese(signed) + "签订之日起" + deadlines.getFiling().getDays() + "日内报送审查");
    calendar.writeWithReminder(task.getExecution(), filing, "filing", deadlines.getFilingReminderWorkingDays());
  }

  private static java.util.List<String> enterprisesOf(DelegateTask task) {
    if (OfferKind.REGIONAL.name().equals(task.getVariable(OfferVariables.OFFER_KIND))) {
      return CoveredEnterprises.codes(task.getVariable(OfferVariables.COVERED_ENTERPRISES));
    }
    return java.util.List.of((String) task.getVariable(OfferVariables.CREDIT_CODE));
  }

  public void filing(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    LocalDate filed = in.dateUpToToday("filingDate", "报送日期", true);
    in.text("filingNote", "报送说明", false, 4000);
    in.throwIfInvalid();
    Deadline review = calendar.period(filed, deadlines.getContractReview(), "依据《集体合同规定》第四十四、四十七条，自"
        + LegalCalendar.chinese(filed) + "收到文本之日起" + deadlines.getContractReview().getDays()
        + "日内审查，期满未提出异议的即行生效");
    // an objection not delivered within the period is lost (第四十七条): the bureau is reminded before it ends
    calendar.writeWithReminder(task.getExecution(), review, "review", deadlines.getContractReviewReminderWorkingDays());
  }

  public void filingFollowUp(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    in.text("filingFollowUpNote", "督促情况", true, 4000);
    in.throwIfInvalid();
  }

  public void review(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    ReviewDecision decision = in.choice("reviewDecision", "审查意见", ReviewDecision.class, true);
    if (decision == ReviewDecision.OBJECTION) {
      in.text("objection", "异议内容", true, 4000);
    }
    in.throwIfInvalid();
  }

  /** Whether the contract will be renewed, as the union plans it (the renewal offer is a new offer). */
  public enum RenewalDecision { WILL_RENEW, NO_RENEWAL }

  /** The renewal offer's fields in {@code proposeRenewal}; the renewal offer itself is checked as every offer is. */
  static final String RENEWAL_TOPICS = "renewalTopics";
  static final String RENEWAL_OFFER_DATE = "renewalOfferDate";
  static final String RENEWAL_DELIVERY_DATE = "renewalDeliveryDate";

  /** The renewal's topics start as the contract's own (the form shows them); the officer may change them. */
  public void renewalPrompt(DelegateTask task) {
    task.setVariable(RENEWAL_TOPICS, task.getVariable(OfferVariables.TOPICS));
  }

  public void renewal(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    RenewalDecision decision = in.choice("renewalDecision", "续签安排", RenewalDecision.class, true);
    in.text("renewalNote", "说明", true, 4000);
    if (decision == RenewalDecision.WILL_RENEW) {
      LocalDate offered = in.dateUpToToday(RENEWAL_OFFER_DATE, "续签要约日期", true);
      LocalDate delivered = in.dateUpToToday(RENEWAL_DELIVERY_DATE, "送达日期", false);
      if (offered != null && delivered != null && delivered.isBefore(offered)) {
        in.reject(RENEWAL_DELIVERY_DATE, "送达日期不能早于续签要约日期 (delivery before the offer date)");
      }
      in.choices(RENEWAL_TOPICS, "续签议题", Topic.class);
    }
    in.throwIfInvalid();
  }

  public void revision(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    in.text("revisionSummary", "修改情况", true, 4000);
    in.throwIfInvalid();
  }
}
