package cn.collectivenegotiation.offer;

import cn.collectivenegotiation.input.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import cn.collectivenegotiation.ProcessTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every path of {@code collective-offer}, on the real engine; time moves by executing jobs. */
class CollectiveOfferProcessTest extends ProcessTestBase {

  /** An offer written 2017-03-07 and delivered 2017-03-08: its 20 days end on Tuesday 2017-03-28. */
  ProcessInstance sendOffer() {
    Map<String, Object> vars = Offers.unionOffer("2017-03-07");
    vars.put("deliveryDate", "2017-03-08");
    vars.put("topics", "[\"WAGE_ADJUSTMENT\",\"LABOUR_PROTECTION\"]");
    return runtimeService().startProcessInstanceByKey(OfferProcess.KEY, vars);
  }


  /** An accepted offer goes on to the negotiation, with nothing of the escalation left behind. */
  void assertNegotiationOpened(ProcessInstance offer) {
    assertThat(offer).hasPassed("responseAccepted").isWaitingAt("nameUnionRepresentatives", "nameEnterpriseRepresentatives");
    assertThat(taskQuery().processInstanceId(offer.getId()).count()).as("only the two representative tasks").isEqualTo(2);
    assertThat(jobQuery().processInstanceId(offer.getId()).count()).as("no timer of the escalation left").isZero();
  }

  void accept(ProcessInstance offer) {
    complete(openTask(offer, "respondToOffer"),
        withVariables("responseDecision", "ACCEPT", "proposedNegotiationDate", "2017-04-20"));
  }

  void refuse(ProcessInstance offer) {
    complete(openTask(offer, "respondToOffer"),
        withVariables("responseDecision", "REFUSE", "refusalReason", "企业经营困难，暂不协商"));
  }

  void review(ProcessInstance offer, boolean justified) {
    complete(openTask(offer, "reviewRefusal"),
        withVariables("refusalJustified", justified, "reviewOpinion", justified ? "理由属实" : "经营困难不是拒绝协商的正当理由"));
  }

  void letResponseDeadlinePass(ProcessInstance offer) {
    now("2017-03-29T00:00");
    execute(job("responseDeadlinePassed", offer));
  }

  void issueRectificationNotice(ProcessInstance offer) {
    complete(openTask(offer, "issueRectificationNotice"), withVariables(
        "rectificationKind", "NOTICE", "rectificationPartner", "ENTERPRISE_ASSOCIATION",
        "rectificationRequirements", "限期书面应约并开展集体协商", "rectificationDays", 15));
  }

  void orderCorrection(ProcessInstance offer) {
    complete(openTask(offer, "orderCorrection"),
        withVariables("correctionRequirements", "责令十日内开展集体协商", "correctionDays", 10));
  }

  @Test
  @DisplayName("要约送达 → 被要约方在20日内应约 → 已应约，进入协商")
  void acceptedInTime() {
    ProcessInstance offer = sendOffer();

    assertThat(offer).isWaitingAt("respondToOffer");
    assertThat(offer.getBusinessKey()).matches("2017-SHIZHONG-\\d{6}");
    Task respond = openTask(offer, "respondToOffer");
    assertThat(respond).hasCandidateGroup("enterprise-" + Offers.ENTERPRISE);
    // 民法典 第二百零一条: 送达当日不计入; the 20th day is 2017-03-28, which ends at 24:00
    assertThat(respond.getDueDate()).isEqualTo(at("2017-03-28T23:59:59"));
    assertThat(job("responseDeadlinePassed", offer).getDuedate()).isEqualTo(at("2017-03-29T00:00"));
    assertThat(offer).variables().containsEntry("responseDeadline", "2017-03-28")
        .containsEntry("deliveryDate", "2017-03-08");

    now("2017-03-20T09:00");
    accept(offer);

    assertNegotiationOpened(offer);
    assertThat(offer).variables().containsEntry("answeredLate", false)
        .containsEntry("proposedNegotiationDate", "2017-04-20").containsEntry("responseDate", "2017-03-20");
    assertThat(jobQuery().processInstanceId(offer.getId()).count()).isZero();
  }

  @Test
  @DisplayName("末日遇法定休假日顺延：2017-01-08 送达 → 春节假期后 02-03 届满，任务到期日与定时器一致")
  void deadlineMovesPastTheSpringFestival() {
    now("2017-01-09T09:00");
    Map<String, Object> vars = Offers.unionOffer("2017-01-06");
    vars.put("deliveryDate", "2017-01-08");
    ProcessInstance offer = runtimeService().startProcessInstanceByKey(OfferProcess.KEY, vars);

    assertThat(openTask(offer, "respondToOffer").getDueDate()).isEqualTo(at("2017-02-03T23:59:59"));
    assertThat(job("responseDeadlinePassed", offer).getDuedate()).isEqualTo(at("2017-02-04T00:00"));
    // three working days before Friday 02-03: Sunday 01-22 is a 调休 working day, but 01-27..02-02 are off
    assertThat(job("responseReminder", offer).getDuedate()).isEqualTo(at("2017-01-24T00:00"));
    assertThat(offer).variables().containsEntry("responseDeadline", "2017-02-03");
    assertThat((String) runtimeService().getVariable(offer.getId(), "responseLegalBasis"))
        .contains("2017年01月08日送达之日起20日").contains("顺延至2017年02月03日");
  }

  @Test
  @DisplayName("缺少当年节假日安排 → 期限仅按周末顺延，应约任务的说明中给出警告")
  void missingHolidayArrangementIsShownOnTheTask() {
    now("2035-03-04T09:00");
    ProcessInstance offer = runtimeService().startProcessInstanceByKey(OfferProcess.KEY, Offers.unionOffer("2035-03-03"));

    Task respond = openTask(offer, "respondToOffer");
    assertThat(respond.getDescription()).startsWith("注意：尚未载入[2035]年国务院节假日安排");
    assertThat(respond.getDueDate()).isEqualTo(at("2035-03-23T23:59:59"));
  }

  @Test
  @DisplayName("企业向工会要约 → 由企业工会应约；上代下由上级工会、上参下由两级工会作为要约方提请人社局")
  void offereeAndOfferorFollowTheSides() {
    Map<String, Object> vars = Offers.unionOffer("2017-03-07");
    vars.put("offerorSide", "ENTERPRISE");
    vars.put("onBehalf", null);
    ProcessInstance fromEnterprise = runtimeService().startProcessInstanceByKey(OfferProcess.KEY, vars);
    assertThat(candidateGroups(openTask(fromEnterprise, "respondToOffer")))
        .containsExactly("enterprise-union-" + Offers.ENTERPRISE);
    assertThat(fromEnterprise).variables().containsEntry("onBehalf", "NONE");
    assertThat(petitioners(fromEnterprise)).containsExactly("enterprise-" + Offers.ENTERPRISE);

    Map<String, Object> upper = Offers.unionOffer("2017-03-07");
    upper.put("onBehalf", "UPPER_FOR_LOWER");
    ProcessInstance forLower = runtimeService().startProcessInstanceByKey(OfferProcess.KEY, upper);
    assertThat(candidateGroups(openTask(forLower, "respondToOffer"))).containsExactly("enterprise-" + Offers.ENTERPRISE);
    assertThat(petitioners(forLower)).containsExactly("union-shizhong");
    upper.put("onBehalf", "UPPER_JOINS_LOWER");
    ProcessInstance withLower = runtimeService().startProcessInstanceByKey(OfferProcess.KEY, upper);
    assertThat(petitioners(withLower)).containsExactlyInAnyOrder("enterprise-union-" + Offers.ENTERPRISE, "union-shizhong");

    // who acts is worked out from the offer's fields when each task is made, not kept as variables of its own
    assertThat(withLower).variables().doesNotContainKeys("offerorGroups", "offereeGroups", "unitUnionGroup",
        "unitLabourBureauGroup", "unionSideGroups", "enterpriseGroup");
  }

  /** Refused without a just reason: who may take the offer to the labour bureau (the offeror). */
  private List<String> petitioners(ProcessInstance offer) {
    refuse(offer);
    review(offer, false);
    return candidateGroups(openTask(offer, "petitionLabourBureau"));
  }

  private static List<String> candidateGroups(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  @Test
  @DisplayName("拒绝 → 上级工会审查认定理由正当 → 结案")
  void refusalWithJustReasonCloses() {
    ProcessInstance offer = sendOffer();
    refuse(offer);

    assertThat(offer).isWaitingAt("reviewRefusal");
    assertThat(openTask(offer, "reviewRefusal")).hasCandidateGroup("union-shizhong");
    // an answer given in time, even a refusal, is not a missed deadline
    assertThat(jobQuery().processInstanceId(offer.getId()).activityId("responseDeadlinePassed").count()).isZero();

    review(offer, true);

    assertThat(offer).isEnded().hasPassed("refusalJustifiedEnd", "closedRefusalJustified")
        .hasNotPassed("issueRectificationNotice");
    assertThat(offer).variables().containsEntry("closedReason", "REFUSAL_JUSTIFIED");
  }

  @Test
  @DisplayName("无正当理由拒绝 → 立即启动整改督促，被要约方须重新应约；重新同意后督促终止")
  void refusalWithoutJustReasonStartsRectification() {
    ProcessInstance offer = sendOffer();
    refuse(offer);
    review(offer, false);

    assertThat(offer).isWaitingAt("respondToOffer", "issueRectificationNotice", "petitionLabourBureau");
    assertThat(openTask(offer, "issueRectificationNotice")).hasCandidateGroup("union-shizhong");
    assertThat(openTask(offer, "petitionLabourBureau")).hasCandidateGroup("enterprise-union-" + Offers.ENTERPRISE);

    accept(offer);

    assertNegotiationOpened(offer);
    assertThat(offer).hasNotPassed("orderCorrection");
  }

  @Test
  @DisplayName("期限届满前3个工作日 → 提醒被要约方（任务优先级提高）；已答复的不再提醒")
  void reminderBeforeTheDeadline() {
    ProcessInstance offer = sendOffer();
    Job reminder = job("responseReminder", offer);
    // three working days before the last day (Tuesday 03-28): the start of Thursday 03-23
    assertThat(reminder.getDuedate()).isEqualTo(at("2017-03-23T00:00"));

    now("2017-03-23T00:00");
    execute(reminder);

    assertThat(offer).hasPassed("sendResponseReminder", "reminderSent");
    assertThat(openTask(offer, "respondToOffer").getPriority()).isEqualTo(cn.collectivenegotiation.deadline.TaskReminder.HIGH_PRIORITY);

    ProcessInstance refused = sendOffer();
    refuse(refused);
    review(refused, false);
    // back at respondToOffer after an unjustified refusal: the reminder is not sent again
    execute(job("responseReminder", refused));
    assertThat(refused).hasPassed("reminderSkipped").hasNotPassed("sendResponseReminder");
  }

  @Test
  @DisplayName("逾期未应约 → 整改意见书 → 逾期不整改 → 人社局责令限期改正 → 逾期仍不改正 → 三方决定追责，结案")
  void wholeChainWhenNobodyAnswers() {
    ProcessInstance offer = sendOffer();
    letResponseDeadlinePass(offer);

    assertThat(offer).isWaitingAt("respondToOffer", "issueRectificationNotice", "petitionLabourBureau");

    now("2017-03-30T10:00");
    issueRectificationNotice(offer);
    assertThat(offer).variables().containsEntry("rectificationDeadline", "2017-04-14");
    Job rectificationDeadline = job("rectificationDeadlinePassed", offer);
    assertThat(rectificationDeadline.getDuedate()).isEqualTo(at("2017-04-15T00:00"));

    now("2017-04-15T00:00");
    execute(rectificationDeadline);
    assertThat(offer).isWaitingAt("respondToOffer", "orderCorrection");
    assertThat(openTask(offer, "orderCorrection")).hasCandidateGroup("labour-bureau-shizhong");
    assertThat(openTask(offer, "petitionLabourBureau")).isNull();

    now("2017-04-17T10:00");
    orderCorrection(offer);
    Job correctionDeadline = job("correctionDeadlinePassed", offer);
    assertThat(correctionDeadline.getDuedate()).isEqualTo(at("2017-04-28T00:00"));

    now("2017-04-28T00:00");
    execute(correctionDeadline);
    assertThat(offer).isWaitingAt("respondToOffer", "decideSanction");
    assertThat(openTask(offer, "decideSanction")).hasCandidateGroup("tripartite");

    complete(openTask(offer, "decideSanction"), withVariables(
        "sanctionLiability", "ADMINISTRATIVE", "mediaExposure", true, "sanctionDecision", "建议追究行政责任并在媒体曝光"));

    assertThat(offer).isEnded().hasPassed("closedSanctioned");
    assertThat(offer).variables().containsEntry("closedReason", "SANCTIONED").containsEntry("mediaExposure", true);
    assertThat(taskQuery().processInstanceId(offer.getId()).count()).isZero();
  }

  @Test
  @DisplayName("整改期间逾期应约 → 督促终止，要约继续，记录逾期")
  void lateAnswerDuringRectification() {
    ProcessInstance offer = sendOffer();
    letResponseDeadlinePass(offer);
    issueRectificationNotice(offer);

    now("2017-04-02T10:00");
    accept(offer);

    assertNegotiationOpened(offer);
    assertThat(offer).hasNotPassed("orderCorrection");
    assertThat(offer).variables().containsEntry("answeredLate", true);
    assertThat(jobQuery().processInstanceId(offer.getId()).count()).isZero();
  }

  @Test
  @DisplayName("人社局责令改正后应约 → 督促终止，要约继续")
  void lateAnswerAtTheLabourBureau() {
    ProcessInstance offer = sendOffer();
    letResponseDeadlinePass(offer);
    issueRectificationNotice(offer);
    execute(job("rectificationDeadlinePassed", offer));
    orderCorrection(offer);

    accept(offer);

    assertNegotiationOpened(offer);
    assertThat(offer).hasNotPassed("decideSanction");
    assertThat(offer).variables().containsEntry("answeredLate", true);
  }

  @Test
  @DisplayName("要约方直接提请人社局 → 不待整改期满，转人社局责令改正")
  void offerorPetitionsTheLabourBureau() {
    ProcessInstance offer = sendOffer();
    letResponseDeadlinePass(offer);

    complete(openTask(offer, "petitionLabourBureau"), withVariables("petitionReason", "企业拒不回应，请求责令改正"));

    assertThat(offer).isWaitingAt("respondToOffer", "orderCorrection").hasPassed("petitioned");
    assertThat(openTask(offer, "issueRectificationNotice")).isNull();
  }

  @Test
  @DisplayName("拒绝后审查未结，要约方即可直接提请人社局 → 转人社局责令改正")
  void offerorPetitionsWhileTheRefusalIsReviewed() {
    ProcessInstance offer = sendOffer();
    refuse(offer);
    assertThat(offer).isWaitingAt("reviewRefusal", "petitionLabourBureau");

    complete(openTask(offer, "petitionLabourBureau"), withVariables("petitionReason", "拒绝理由不成立，请求责令改正"));

    assertThat(offer).isWaitingAt("reviewRefusal", "orderCorrection").hasNotPassed("issueRectificationNotice");
    // the union's review still decides: a just reason closes the offer, labour bureau included
    review(offer, true);
    assertThat(offer).isEnded().hasPassed("closedRefusalJustified");
  }

  @Test
  @DisplayName("逾期后要约方可不待整改期满直接提请；按期同意的不出现提请任务")
  void noPetitionWhenAcceptedInTime() {
    ProcessInstance offer = sendOffer();
    assertThat(openTask(offer, "petitionLabourBureau")).isNull();
    accept(offer);
    assertNegotiationOpened(offer);
    assertThat(offer).hasNotPassed("petitionLabourBureau");
  }

  @Test
  @DisplayName("再次拒绝：理由正当则结案，即使已在督促中")
  void justifiedSecondRefusalEndsTheEscalation() {
    ProcessInstance offer = sendOffer();
    letResponseDeadlinePass(offer);
    refuse(offer);
    review(offer, true);

    assertThat(offer).isEnded().hasPassed("closedRefusalJustified");
    assertThat(taskQuery().processInstanceId(offer.getId()).count()).isZero();
  }

  @Test
  @DisplayName("同意协商未填协商日期、拒绝未说明理由 → 拒绝提交，任务仍待办")
  void answerMustBeComplete() {
    ProcessInstance offer = sendOffer();
    Task respond = openTask(offer, "respondToOffer");

    assertThatThrownBy(() -> taskService().complete(respond.getId(), Map.of("responseDecision", "ACCEPT")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("proposedNegotiationDate");
    assertThatThrownBy(() -> taskService().complete(respond.getId(), Map.of("responseDecision", "REFUSE")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("refusalReason");
    assertThatThrownBy(() -> taskService().complete(respond.getId(), Map.of("responseDecision", "MAYBE")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("responseDecision");

    assertThat(offer).isWaitingAt("respondToOffer");
    assertThat(runtimeService().getVariable(offer.getId(), "responseDecision")).isNull();
  }

  @Test
  @DisplayName("整改期限超出运维设定范围 → 拒绝提交")
  void rectificationDaysWithinLimits() {
    ProcessInstance offer = sendOffer();
    letResponseDeadlinePass(offer);
    Task notice = openTask(offer, "issueRectificationNotice");
    Map<String, Object> vars = new HashMap<>(Map.of("rectificationKind", "INTERVIEW", "rectificationPartner",
        "INDUSTRY_COMMERCE_FEDERATION", "rectificationRequirements", "约谈", "rectificationDays", 90));

    assertThatThrownBy(() -> taskService().complete(notice.getId(), vars))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("rectificationDays")
        .hasMessageContaining("interviewee");
    assertThat(offer).isWaitingAt("issueRectificationNotice");
  }

  @Test
  @DisplayName("无效要约（信用代码校验位错误、议题不在列表、职工人数为0、日期在未来） → 不启动任何流程")
  void invalidOfferStartsNothing() {
    long before = runtimeService().createProcessInstanceQuery().count();
    Map<String, Object> bad = Offers.unionOffer("2017-03-10");
    bad.put("creditCode", "91511102MA62B0002H");
    bad.put("topics", List.of("FREE_LUNCH"));
    bad.put("workforce", 0);

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(OfferProcess.KEY, bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("creditCode").hasMessageContaining("topics")
        .hasMessageContaining("workforce").hasMessageContaining("offerDate");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }
}
