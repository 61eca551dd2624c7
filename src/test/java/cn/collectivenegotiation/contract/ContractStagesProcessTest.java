package cn.collectivenegotiation.contract;

import static cn.collectivenegotiation.offer.Chain.file;
import static cn.collectivenegotiation.offer.Chain.nameRepresentatives;
import static cn.collectivenegotiation.offer.Chain.round;
import static cn.collectivenegotiation.offer.Chain.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.collectivenegotiation.ProcessTestBase;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.deadline.TaskReminder;
import cn.collectivenegotiation.input.InvalidInputException;
import cn.collectivenegotiation.identity.CurrentUser;
import cn.collectivenegotiation.offer.Chain;
import cn.collectivenegotiation.offer.OfferProcess;
import cn.collectivenegotiation.offer.OfferReader;
import cn.collectivenegotiation.offer.OfferStatus;
import cn.collectivenegotiation.offer.OfferView;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import cn.collectivenegotiation.offer.Offers;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** From an accepted offer to an effective contract: every path, timers included. */
class ContractStagesProcessTest extends ProcessTestBase {

  /** An offer delivered 2017-03-08 and accepted the next day. */
  ProcessInstance acceptedOffer() {
    Map<String, Object> vars = Offers.unionOffer("2017-03-07");
    vars.put("deliveryDate", "2017-03-08");
    ProcessInstance offer = runtimeService().startProcessInstanceByKey(OfferProcess.KEY, vars);
    complete(openTask(offer, "respondToOffer"), withVariables("responseDecision", "ACCEPT", "proposedNegotiationDate", "2017-03-20"));
    return offer;
  }

  void sign(ProcessInstance offer) {
    Chain.sign(offer, "NEW", "2017-03-28", 300);
  }

  ProcessInstance signedContract() {
    ProcessInstance offer = acceptedOffer();
    nameRepresentatives(offer);
    round(offer, "AGREED");
    now("2017-03-28T10:00");
    vote(offer, 30, 25, 20);
    sign(offer);
    return offer;
  }

  @Test
  @DisplayName("应约 → 双方确定代表 → 协商达成一致 → 职代会通过 → 签订 → 10日内报送 → 人社局无异议 → 生效")
  void fromAcceptanceToEffectiveContract() {
    ProcessInstance offer = acceptedOffer();
    assertThat(openTask(offer, "nameUnionRepresentatives")).hasCandidateGroup("enterprise-union-" + Offers.ENTERPRISE);
    assertThat(openTask(offer, "nameEnterpriseRepresentatives")).hasCandidateGroup("enterprise-" + Offers.ENTERPRISE);
    nameRepresentatives(offer);
    assertThat(offer).isWaitingAt("recordNegotiationRound");
    round(offer, "AGREED");
    now("2017-03-28T10:00");
    vote(offer, 30, 25, 20);
    assertThat(offer).variables().containsEntry("congressPassed", true);
    sign(offer);

    // 《集体合同规定》第四十二条: signed 2017-03-28 + 10 days = Friday 2017-04-07
    Task filing = openTask(offer, "submitForFiling");
    assertThat(filing).hasCandidateGroup("enterprise-" + Offers.ENTERPRISE);
    assertThat(filing.getDueDate()).isEqualTo(at("2017-04-07T23:59:59"));
    assertThat(offer).variables().containsEntry("filingDeadline", "2017-04-07").containsEntry("contractEndDate", "2020-03-27");

    now("2017-04-05T10:00");
    file(offer, "2017-04-05");
    Task review = openTask(offer, "reviewContract");
    assertThat(review).hasCandidateGroup("labour-bureau-shizhong");
    // 15 days from 2017-04-05 = Thursday 2017-04-20
    assertThat(review.getDueDate()).isEqualTo(at("2017-04-20T23:59:59"));
    assertThat(job("reviewPeriodExpired", offer).getDuedate()).isEqualTo(at("2017-04-21T00:00"));

    now("2017-04-12T10:00");
    complete(review, withVariables("reviewDecision", "NO_OBJECTION"));

    assertThat(offer).hasPassed("contractEffective").isWaitingAt("renewalDue");
    assertThat(offer).variables().containsEntry("contractEffectiveDate", "2017-04-12").containsEntry("negotiationRounds", 1);

    // what GET /api/offers/{n} shows: the contract's status and the filing deadline on its step
    OfferView view = reader.read(offer.getBusinessKey(), CITY).orElseThrow();
    assertThat(view.status()).isEqualTo(OfferStatus.EFFECTIVE);
    assertThat(view.timeline()).filteredOn(s -> s.step().equals("submitForFiling")).singleElement()
        .satisfies(s -> assertThat(s.deadline()).isEqualTo("2017-04-07"))
        .satisfies(s -> assertThat(s.legalBasis()).contains("第四十二条"));
  }

  static final CurrentUser CITY = new CurrentUser("cityofficer", List.of("city-union"));

  @Autowired OfferReader reader;

  /** An effective contract (signed 2017-03-28 for 3 years, ends 2020-03-27) at its renewal prompt. */
  Task renewalPrompt(ProcessInstance offer) {
    now("2017-04-05T10:00");
    file(offer, "2017-04-05");
    complete(openTask(offer, "reviewContract"), withVariables("reviewDecision", "NO_OBJECTION"));
    // three months before the end is 2019-12-27
    assertThat(job("renewalDue", offer).getDuedate()).isEqualTo(at("2019-12-27T00:00"));
    now("2019-12-27T00:00");
    execute(job("renewalDue", offer));
    return openTask(offer, "proposeRenewal");
  }

  @Test
  @DisplayName("合同期满前3个月 → 工会决定续签 → 系统向同一企业发出续签要约，新要约有自己的编号和应约期限")
  void renewalOfferSent() {
    ProcessInstance offer = signedContract();
    Task prompt = renewalPrompt(offer);
    assertThat(prompt).hasCandidateGroup("enterprise-union-" + Offers.ENTERPRISE);
    // the form shows the contract's own topics to start from
    assertThat(taskService().getVariable(prompt.getId(), "renewalTopics").toString()).contains("WAGE_ADJUSTMENT");

    now("2020-01-06T09:00");
    complete(prompt, withVariables("renewalDecision", "WILL_RENEW", "renewalNote", "工资专项一并续签",
        "renewalOfferDate", "2020-01-06",
        // as Tasklist sends a checklist: a JSON variable
        "renewalTopics", Spin.JSON("[\"WAGE_ADJUSTMENT\", \"WOMEN_WORKERS\"]")));
    assertThat(offer).isEnded().hasPassed("sendRenewalOffer", "renewalOfferSent").hasNotPassed("contractCycleEnded");

    String renewalNumber = (String) historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(offer.getId()).variableName("renewalOfferNumber").singleResult().getValue();
    ProcessInstance renewal = runtimeService().createProcessInstanceQuery().processDefinitionKey(OfferProcess.KEY)
        .processInstanceBusinessKey(renewalNumber).singleResult();
    assertThat(renewal).isNotNull().isWaitingAt("respondToOffer");
    assertThat(renewalNumber).isNotEqualTo(offer.getBusinessKey()).startsWith("2020-SHIZHONG-");
    // same enterprise, union side, the officer's topics; 20 days from delivery 2020-01-06 = Sunday 01-26
    // (春节 2020-01-24..02-02 as amended, 国办发明电〔2020〕1号) → first working day 2020-02-03
    assertThat(renewal).variables()
        .containsEntry("creditCode", Offers.ENTERPRISE).containsEntry("offerorSide", "UNION")
        .containsEntry("offerDate", "2020-01-06").containsEntry("deliveryDate", "2020-01-06")
        .containsEntry("renewalOf", offer.getBusinessKey())
        .containsEntry("responseDeadline", "2020-02-03");
    assertThat(renewal).variables().extractingByKey("topics").asString().contains("WOMEN_WORKERS");
    assertThat(openTask(renewal, "respondToOffer")).hasCandidateGroup("enterprise-" + Offers.ENTERPRISE);

    // GET /api/offers: the old offer stays EFFECTIVE and points to its renewal, the renewal points back
    OfferView old = reader.read(offer.getBusinessKey(), CITY).orElseThrow();
    assertThat(old.status()).isEqualTo(OfferStatus.EFFECTIVE);
    assertThat(old.offer()).containsEntry("renewalOfferNumber", renewalNumber);
    OfferView renewed = reader.read(renewalNumber, CITY).orElseThrow();
    assertThat(renewed.status()).isEqualTo(OfferStatus.AWAITING_RESPONSE);
    assertThat(renewed.offer()).containsEntry("renewalOf", offer.getBusinessKey());
  }

  @Test
  @DisplayName("决定续签但未填续签要约日期或议题 → 拒绝提交，不发出要约")
  void renewalNeedsDateAndTopics() {
    ProcessInstance offer = signedContract();
    Task prompt = renewalPrompt(offer);
    assertThatThrownBy(() -> taskService().complete(prompt.getId(), Map.of("renewalDecision", "WILL_RENEW")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("renewalNote")
        .hasMessageContaining("renewalOfferDate");
    assertThatThrownBy(() -> taskService().complete(prompt.getId(), Map.of("renewalDecision", "WILL_RENEW",
            "renewalNote", "续签", "renewalOfferDate", "2019-12-27", "renewalTopics", Spin.JSON("[]"))))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("renewalTopics");
    assertThat(offer).isWaitingAt("proposeRenewal");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(OfferProcess.KEY)
        .variableValueEquals("renewalOf", offer.getBusinessKey()).count()).isZero();
  }

  @Test
  @DisplayName("合同期满前3个月 → 工会决定不再续签 → 本期结束，不发出要约")
  void noRenewal() {
    ProcessInstance offer = signedContract();
    Task prompt = renewalPrompt(offer);
    assertThatThrownBy(() -> taskService().complete(prompt.getId(), Map.of("renewalDecision", "NO_RENEWAL")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("renewalNote");
    complete(prompt, withVariables("renewalDecision", "NO_RENEWAL", "renewalNote", "企业已注销，不再续签"));
    assertThat(offer).isEnded().hasPassed("contractCycleEnded").hasNotPassed("sendRenewalOffer");
    assertThat(reader.read(offer.getBusinessKey(), CITY).orElseThrow().status()).isEqualTo(OfferStatus.EFFECTIVE);
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(OfferProcess.KEY)
        .variableValueEquals("renewalOf", offer.getBusinessKey()).count()).isZero();
  }

  @Test
  @DisplayName("双方代表人数不等或少于3人 → 拒绝提交")
  void representativesMustMatch() {
    ProcessInstance offer = acceptedOffer();
    Task union = openTask(offer, "nameUnionRepresentatives");
    assertThatThrownBy(() -> taskService().complete(union.getId(), Map.of(
        "unionChiefRepresentative", "王主席", "unionRepresentatives", "李代表")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("至少3人");
    complete(union, withVariables("unionChiefRepresentative", "王主席", "unionRepresentatives", "李代表\n张代表\n周代表"));

    Task enterprise = openTask(offer, "nameEnterpriseRepresentatives");
    assertThatThrownBy(() -> taskService().complete(enterprise.getId(), Map.of(
        "enterpriseChiefRepresentative", "赵总经理", "enterpriseRepresentatives", "钱经理\n孙经理")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("人数应相等").hasMessageContaining("4人");
    assertThat(offer).isWaitingAt("nameEnterpriseRepresentatives");
  }

  @Test
  @DisplayName("继续协商 → 再次记录协商会议；次数累计")
  void severalRounds() {
    ProcessInstance offer = acceptedOffer();
    nameRepresentatives(offer);
    round(offer, "CONTINUE");
    round(offer, "CONTINUE");
    assertThat(offer).isWaitingAt("recordNegotiationRound");
    round(offer, "AGREED");
    assertThat(offer).isWaitingAt("recordCongressVote").variables().containsEntry("negotiationRounds", 3);
  }

  @Test
  @DisplayName("协商中断 → 上级工会督促恢复 → 继续协商；再次中断并终止 → 结案")
  void breakOff() {
    ProcessInstance offer = acceptedOffer();
    nameRepresentatives(offer);
    round(offer, "BROKEN_OFF");
    assertThat(openTask(offer, "reviewBreakOff")).hasCandidateGroup("union-shizhong");
    complete(openTask(offer, "reviewBreakOff"), withVariables("breakOffDecision", "RESUME", "breakOffOpinion", "督促恢复协商"));
    assertThat(offer).isWaitingAt("recordNegotiationRound");

    round(offer, "BROKEN_OFF");
    complete(openTask(offer, "reviewBreakOff"), withVariables("breakOffDecision", "CLOSE", "breakOffOpinion", "企业已停产"));
    assertThat(offer).isEnded().hasPassed("closedNegotiation");
    assertThat(offer).variables().containsEntry("closedReason", "NEGOTIATION_BROKEN_OFF");
  }

  @ParameterizedTest(name = "应到{0} 实到{1} 同意{2} → 通过: {3}")
  @DisplayName("职代会：三分之二以上出席且全体半数以上同意方获通过，否则重新协商（边界）")
  @CsvSource({
      "30, 20, 16, true",   // exactly two thirds present, 16 of 30 is more than half
      "30, 19, 19, false",  // fewer than two thirds present
      "30, 30, 15, false",  // exactly half is not more than half
      "31, 21, 16, true",   // 21*3 = 63 >= 62; 16*2 = 32 > 31
  })
  void congressRule(int total, int present, int inFavour, boolean passed) {
    ProcessInstance offer = acceptedOffer();
    nameRepresentatives(offer);
    round(offer, "AGREED");
    vote(offer, total, present, inFavour);
    assertThat(offer).variables().containsEntry("congressPassed", passed);
    assertThat(offer).isWaitingAt(passed ? "signContract" : "recordNegotiationRound");
  }

  @Test
  @DisplayName("职代会人数自相矛盾（实到多于应到、同意多于实到） → 拒绝提交")
  void congressNumbersMustAddUp() {
    ProcessInstance offer = acceptedOffer();
    nameRepresentatives(offer);
    round(offer, "AGREED");
    Task vote = openTask(offer, "recordCongressVote");
    Map<String, Object> v = new HashMap<>(Map.of("congressKind", "ALL_WORKERS", "congressDate", "2017-03-09",
        "congressTotal", 30, "congressPresent", 31, "congressInFavour", 32));
    assertThatThrownBy(() -> taskService().complete(vote.getId(), v)).hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("congressPresent").hasMessageContaining("congressInFavour");
  }

  @Test
  @DisplayName("签订：期限超过3年被拒绝")
  void termAtMostThreeYears() {
    ProcessInstance offer = acceptedOffer();
    nameRepresentatives(offer);
    round(offer, "AGREED");
    vote(offer, 30, 25, 20);
    Task sign = openTask(offer, "signContract");
    assertThatThrownBy(() -> taskService().complete(sign.getId(), Map.of("contractKind", "NEW", "contractType", "WAGES",
        "signedDate", "2017-03-09", "termYears", 5, "coveredWorkers", 300)))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("termYears");
  }

  @Test
  @DisplayName("报送期限前2个工作日提醒企业；逾期未报送 → 上级工会督促，报送仍可继续")
  void lateFiling() {
    ProcessInstance offer = signedContract();
    // two working days before Friday 2017-04-07: Wednesday 04-05 (04-02..04-04 is 清明)
    assertThat(job("filingReminder", offer).getDuedate()).isEqualTo(at("2017-04-05T00:00"));
    execute(job("filingReminder", offer));
    assertThat(openTask(offer, "submitForFiling").getPriority()).isEqualTo(TaskReminder.HIGH_PRIORITY);

    assertThat(job("filingOverdue", offer).getDuedate()).isEqualTo(at("2017-04-08T00:00"));
    execute(job("filingOverdue", offer));
    Task followUp = openTask(offer, "followUpLateFiling");
    assertThat(followUp).hasCandidateGroup("union-shizhong");
    complete(followUp, withVariables("filingFollowUpNote", "已电话督促企业报送"));

    now("2017-04-10T10:00");
    file(offer, "2017-04-10");
    assertThat(offer).isWaitingAt("reviewContract");
  }

  @Test
  @DisplayName("人社局15日内未提出异议 → 合同依法生效")
  void effectiveWhenTheBureauIsSilent() {
    ProcessInstance offer = signedContract();
    now("2017-04-05T10:00");
    file(offer, "2017-04-05");
    now("2017-04-21T00:00");
    execute(job("reviewPeriodExpired", offer));
    assertThat(offer).hasPassed("contractEffective").hasNotPassed("reviewDecisionGateway").isWaitingAt("renewalDue");
    assertThat(offer).variables().containsEntry("contractEffectiveDate", "2017-04-21");
  }

  @Test
  @DisplayName("审查期满前3个工作日 → 提醒人社局（任务升为高优先级）→ 仍未提出异议 → 合同依法生效")
  void theBureauIsRemindedBeforeTheReviewPeriodEnds() {
    ProcessInstance offer = signedContract();
    now("2017-04-05T10:00");
    file(offer, "2017-04-05");
    // 15 days from 2017-04-05 end on Thursday 04-20; three working days before it is Monday 04-17
    assertThat(job("reviewReminder", offer).getDuedate()).isEqualTo(at("2017-04-17T00:00"));
    now("2017-04-17T00:00");
    execute(job("reviewReminder", offer));
    assertThat(offer).hasPassed("remindReview", "reviewReminded").isWaitingAt("reviewContract");
    assertThat(openTask(offer, "reviewContract").getPriority()).isEqualTo(TaskReminder.HIGH_PRIORITY);

    now("2017-04-21T00:00");
    execute(job("reviewPeriodExpired", offer));
    assertThat(offer).hasPassed("contractEffective").isWaitingAt("renewalDue");
  }

  @Test
  @DisplayName("人社局提出异议 → 双方修改 → 重新报送 → 无异议 → 生效")
  void objectionSendsItBack() {
    ProcessInstance offer = signedContract();
    now("2017-04-05T10:00");
    file(offer, "2017-04-05");
    Task review = openTask(offer, "reviewContract");
    assertThatThrownBy(() -> taskService().complete(review.getId(), Map.of("reviewDecision", "OBJECTION")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("objection");
    complete(review, withVariables("reviewDecision", "OBJECTION", "objection", "第八条工资标准低于当地最低工资"));

    complete(openTask(offer, "reviseContract"), withVariables("revisionSummary", "已按最低工资标准修改第八条"));
    assertThat(offer).isWaitingAt("submitForFiling");
    now("2017-04-06T10:00");
    file(offer, "2017-04-06");
    complete(openTask(offer, "reviewContract"), withVariables("reviewDecision", "NO_OBJECTION"));
    assertThat(offer).hasPassed("contractEffective", "reviseContract").isWaitingAt("renewalDue");
  }
}
