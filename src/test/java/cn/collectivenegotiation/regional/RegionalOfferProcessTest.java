package cn.collectivenegotiation.regional;

import static cn.collectivenegotiation.offer.Chain.accept;
import static cn.collectivenegotiation.offer.Chain.file;
import static cn.collectivenegotiation.offer.Chain.negotiateAndSign;
import static cn.collectivenegotiation.offer.Chain.openTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.collectivenegotiation.ProcessTestBase;
import cn.collectivenegotiation.input.InvalidInputException;
import cn.collectivenegotiation.offer.OfferProcess;
import cn.collectivenegotiation.offer.Offers;
import cn.collectivenegotiation.offer.RegionalOffers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code regional-offer}: the same chain for a region or an industry, then secondary negotiations. */
class RegionalOfferProcessTest extends ProcessTestBase {

  static final String ASSOCIATION = Offers.creditCode(5000);
  static final List<String> COVERED = List.of(Offers.creditCode(5001), Offers.creditCode(5002), Offers.creditCode(5003));

  @Autowired JdbcTemplate jdbc;

  static Map<String, Object> regionalOffer() {
    Map<String, Object> v = new HashMap<>();
    v.put("creditCode", ASSOCIATION);
    v.put("enterpriseName", "乐山市五通桥区化工行业协会");
    v.put("reportingUnit", "WUTONGQIAO");
    v.put("topics", "[\"WAGE_FLOOR\",\"PIECE_RATE\"]");
    v.put("offerDate", "2017-03-09");
    v.put("coveredEnterprises", "[{\"creditCode\":\"" + COVERED.get(0) + "\",\"enterpriseName\":\"甲化工\",\"workforce\":100},"
        + "{\"creditCode\":\"" + COVERED.get(1) + "\",\"enterpriseName\":\"乙化工\",\"workforce\":200},"
        + "{\"creditCode\":\"" + COVERED.get(2) + "\",\"enterpriseName\":\"丙化工\",\"workforce\":300}]");
    return v;
  }

  ProcessInstance chainOf(ProcessInstance regional) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(regional.getId()).singleResult();
  }

  @Test
  @DisplayName("区域性要约 → 由行业协会应约，与单独要约同一工作链；统计按覆盖企业计数")
  void regionalOfferRunsTheSameChain() {
    ProcessInstance regional = runtimeService().startProcessInstanceByKey(RegionalOffers.KEY, regionalOffer());
    ProcessInstance chain = chainOf(regional);
    assertThat(chain.getProcessDefinitionId()).startsWith(OfferProcess.KEY + ":");
    assertThat(chain.getBusinessKey()).matches("2017-WUTONGQIAO-\\d{6}");
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(regional.getId()).singleResult()
        .getBusinessKey()).isEqualTo(chain.getBusinessKey());
    assertThat(chain).variables().containsEntry("offerKind", "REGIONAL").containsEntry("workforce", 600);

    Task respond = openTask(chain, "respondToOffer");
    assertThat(respond).hasCandidateGroup("enterprise-" + ASSOCIATION);
    assertThat(jdbc.queryForList("SELECT credit_code FROM offer_record WHERE offer_id = ? AND kind = 'REGIONAL'",
        String.class, chain.getId())).containsExactlyInAnyOrderElementsOf(COVERED);

    // no answer: the same supervision chain as a single offer
    now("2017-03-30T00:00");
    execute(job("responseDeadlinePassed", chain));
    assertThat(openTask(chain, "issueRectificationNotice")).hasCandidateGroup("union-wutongqiao");
  }

  @Test
  @DisplayName("区域合同生效 → 各覆盖企业并行决定二次协商；开展的作为单独要约与区域要约关联")
  void secondaryNegotiationsAfterTheRegionalContract() {
    ProcessInstance regional = runtimeService().startProcessInstanceByKey(RegionalOffers.KEY, regionalOffer());
    ProcessInstance chain = chainOf(regional);
    accept(chain, "2017-03-15");
    now("2017-03-20T10:00");
    negotiateAndSign(chain, "NEW", 600);
    assertThat(jdbc.queryForList("SELECT covered_workers FROM offer_record WHERE offer_id = ? ORDER BY credit_code",
        Integer.class, chain.getId())).containsExactly(100, 200, 300);
    assertThat(taskQuery().processInstanceId(regional.getId()).count()).as("nothing before the contract is effective").isZero();

    now("2017-03-21T10:00");
    file(chain, "2017-03-21");
    complete(openTask(chain, "reviewContract"), withVariables("reviewDecision", "NO_OBJECTION"));

    List<Task> decisions = taskQuery().processInstanceId(regional.getId()).taskDefinitionKey("decideSecondaryNegotiation").list();
    assertThat(decisions).hasSize(3);
    Task first = taskQuery().processInstanceId(regional.getId()).taskCandidateGroup("enterprise-union-" + COVERED.get(0)).singleResult();
    assertThat(first).hasCandidateGroup("union-wutongqiao");
    assertThat(engine.getTaskService().getVariable(first.getId(), "coveredEnterpriseName")).isEqualTo("甲化工");

    assertThatThrownBy(() -> engine.getTaskService().complete(first.getId(), Map.of("secondaryDecision", "HOLD")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("secondaryNote")
        .hasMessageContaining("secondaryTopics");
    complete(first, withVariables("secondaryDecision", "HOLD", "secondaryTopics", "[\"WAGE_ADJUSTMENT\"]",
        "secondaryNote", "在行业工资标准底线基础上协商本企业工资增长"));
    Task second = taskQuery().processInstanceId(regional.getId()).taskCandidateGroup("enterprise-union-" + COVERED.get(1)).singleResult();
    complete(second, withVariables("secondaryDecision", "NOT_NOW", "secondaryNote", "本企业正在改制，暂缓"));

    ProcessInstance secondary = runtimeService().createProcessInstanceQuery().processDefinitionKey(OfferProcess.KEY)
        .superProcessInstanceId(regional.getId()).variableValueEquals("creditCode", COVERED.get(0)).singleResult();
    assertThat(secondary).isNotNull();
    assertThat(secondary).variables().containsEntry("offerKind", "SINGLE").containsEntry("enterpriseName", "甲化工")
        .containsEntry("workforce", 100).containsEntry("regionalOfferId", chain.getId());
    assertThat(openTask(secondary, "respondToOffer")).hasCandidateGroup("enterprise-" + COVERED.get(0));
    assertThat(jdbc.queryForMap("SELECT kind, parent_offer_id FROM offer_record WHERE offer_id = ?", secondary.getId()))
        .containsEntry("KIND", "SINGLE").containsEntry("PARENT_OFFER_ID", chain.getId());
    // the one still deciding, and the secondary negotiation, keep the regional offer open
    assertThat(regional).isActive();
  }

  @Test
  @DisplayName("区域合同期满前3个月 → 决定续签 → 向同一行业协会、为同一批覆盖企业发出新的区域性续签要约")
  void regionalRenewalCoversTheSameEnterprises() {
    ProcessInstance regional = runtimeService().startProcessInstanceByKey(RegionalOffers.KEY, regionalOffer());
    ProcessInstance chain = chainOf(regional);
    accept(chain, "2017-03-15");
    now("2017-03-20T10:00");
    negotiateAndSign(chain, "NEW", 600);
    now("2017-03-21T10:00");
    file(chain, "2017-03-21");
    complete(openTask(chain, "reviewContract"), withVariables("reviewDecision", "NO_OBJECTION"));

    ClockUtil.setCurrentTime(job("renewalDue", chain).getDuedate());
    execute(job("renewalDue", chain));
    now("2019-12-30T10:00");
    complete(openTask(chain, "proposeRenewal"), withVariables("renewalDecision", "WILL_RENEW",
        "renewalNote", "行业工资标准底线续签", "renewalOfferDate", "2019-12-30", "renewalTopics", Spin.JSON("[\"WAGE_FLOOR\"]")));

    ProcessInstance renewal = runtimeService().createProcessInstanceQuery().processDefinitionKey(RegionalOffers.KEY)
        .variableValueEquals("renewalOf", chain.getBusinessKey()).singleResult();
    assertThat(renewal).isNotNull();
    ProcessInstance renewalChain = chainOf(renewal);
    assertThat(renewalChain.getBusinessKey()).isNotEqualTo(chain.getBusinessKey()).startsWith("2019-WUTONGQIAO-");
    assertThat(renewalChain).variables().containsEntry("offerKind", "REGIONAL").containsEntry("workforce", 600)
        .containsEntry("creditCode", ASSOCIATION).containsEntry("renewalOf", chain.getBusinessKey());
    assertThat(openTask(renewalChain, "respondToOffer")).hasCandidateGroup("enterprise-" + ASSOCIATION);
    assertThat(jdbc.queryForList("SELECT credit_code FROM offer_record WHERE offer_id = ?", String.class,
        renewalChain.getId())).containsExactlyInAnyOrderElementsOf(COVERED);
  }

  @Test
  @DisplayName("区域性要约的校验：至少2家、不得重复、信用代码校验位、议题限于区域议题；不合格则什么都不发起")
  void badRegionalOfferStartsNothing() {
    long before = runtimeService().createProcessInstanceQuery().count();
    Map<String, Object> one = regionalOffer();
    one.put("coveredEnterprises", "[{\"creditCode\":\"" + COVERED.get(0) + "\",\"enterpriseName\":\"甲化工\",\"workforce\":100}]");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(RegionalOffers.KEY, one))
        .isInstanceOf(InvalidInputException.class).hasMessage(
            "coveredEnterprises: 区域(行业)性要约至少覆盖2家企业 (a regional offer covers at least 2 enterprises)");

    Map<String, Object> bad = regionalOffer();
    String wrongCheck = COVERED.get(1).substring(0, 17) + (COVERED.get(1).endsWith("0") ? "1" : "0");
    bad.put("coveredEnterprises", "[{\"creditCode\":\"" + COVERED.get(0) + "\",\"enterpriseName\":\"甲化工\",\"workforce\":100},"
        + "{\"creditCode\":\"" + wrongCheck + "\",\"enterpriseName\":\"乙化工\",\"workforce\":200},"
        + "{\"creditCode\":\"" + COVERED.get(0) + "\",\"enterpriseName\":\"甲化工\",\"workforce\":100}]");
    bad.put("topics", "[\"WAGE_ADJUSTMENT\"]");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(RegionalOffers.KEY, bad))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("coveredEnterprises[1].creditCode")
        .hasMessageContaining("coveredEnterprises[2].creditCode").hasMessageContaining("topics");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }
}
