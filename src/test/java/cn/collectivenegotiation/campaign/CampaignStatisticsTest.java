package cn.collectivenegotiation.campaign;

import static cn.collectivenegotiation.offer.Chain.accept;
import static cn.collectivenegotiation.offer.Chain.negotiateAndSign;
import static cn.collectivenegotiation.offer.Chain.refuse;
import static cn.collectivenegotiation.offer.Chain.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.collectivenegotiation.ProcessTestBase;
import cn.collectivenegotiation.campaign.StatisticsTable.Row;
import cn.collectivenegotiation.campaign.StatisticsTable.Tally;
import cn.collectivenegotiation.campaign.StatisticsTable.UnitTable;
import cn.collectivenegotiation.identity.CurrentUser;
import cn.collectivenegotiation.offer.Chain;
import cn.collectivenegotiation.offer.OfferReader;
import cn.collectivenegotiation.offer.Offers;
import cn.collectivenegotiation.offer.RegionalOffers;
import cn.collectivenegotiation.deadline.LegalTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The notice's table checked against a fixture computed by hand: single and regional offers, renewals and
 * new contracts, answers in time, late and missing, in two reporting units, and one offer outside the
 * period. Runs in 2024 so that no other test's offers fall in its period.
 */
class CampaignStatisticsTest extends ProcessTestBase {

  static final CurrentUser CITY = new CurrentUser("cityofficer", List.of("city-union"));

  @Autowired CampaignStatistics statistics;
  @Autowired Campaigns campaigns;
  @Autowired OfferRecords records;
  @Autowired OfferReader reader;
  @Autowired JdbcTemplate jdbc;

  final Map<String, ProcessInstance> offers = new LinkedHashMap<>();

  ProcessInstance offer(String name, int enterprise, String unit, int workforce, String offerDate) {
    ProcessInstance offer = send(Offers.unionOffer(offerDate, enterprise, unit, workforce));
    offers.put(name, offer);
    return offer;
  }

  void executeDueJobs() {
    List<Job> due;
    while (!(due = engine.getManagementService().createJobQuery().duedateLowerThan(ClockUtil.getCurrentTime())
        .processDefinitionKey("collective-offer").list()).isEmpty()) {
      due.forEach(j -> engine.getManagementService().executeJob(j.getId()));
    }
  }

  /** A real regional offer (regional-offer around the same chain), accepted and signed. */
  ProcessInstance regional(int association, String unit, int... workforces) {
    StringBuilder covered = new StringBuilder("[");
    for (int i = 0; i < workforces.length; i++) {
      covered.append(i == 0 ? "" : ",").append("{\"creditCode\":\"").append(Offers.creditCode(association + 1 + i))
          .append("\",\"enterpriseName\":\"区域企业").append(i).append("\",\"workforce\":").append(workforces[i]).append("}");
    }
    Map<String, Object> offer = new java.util.HashMap<>(Map.of("creditCode", Offers.creditCode(association),
        "enterpriseName", "行业协会" + association, "reportingUnit", unit, "topics", "[\"WAGE_FLOOR\"]",
        "offerDate", LegalTime.today().toString(), "coveredEnterprises", covered.append("]").toString()));
    ProcessInstance regional = engine.getRuntimeService().startProcessInstanceByKey(RegionalOffers.KEY, offer);
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(regional.getId()).singleResult();
  }

  @Test
  @DisplayName("统计表：单独与区域要约、续签与新签、按时/逾期/未应约，与手工计算一致；期间外的要约不计")
  void tableMatchesTheHandComputedFixture() {
    now("2024-03-01T10:00");
    ProcessInstance a = offer("A", 101, "SHIZHONG", 300, "2024-03-01");
    ProcessInstance b = offer("B", 102, "SHIZHONG", 120, "2024-03-01");
    offer("C", 103, "SHIZHONG", 80, "2024-03-01");
    ProcessInstance d = offer("D", 104, "SHIZHONG", 90, "2024-03-01");
    ProcessInstance e = offer("E", 105, "SHIZHONG", 200, "2024-03-01");
    ProcessInstance f = offer("F", 201, "WUTONGQIAO", 50, "2024-03-01");
    ProcessInstance r1 = regional(300, "SHIZHONG", 50, 60, 70);
    ProcessInstance r2 = regional(400, "WUTONGQIAO", 40, 30);

    now("2024-03-04T10:00");
    accept(a, "2024-03-10");
    accept(b, "2024-03-10");
    accept(f, "2024-03-10");
    accept(r1, "2024-03-10");
    accept(r2, "2024-03-10");
    refuse(e, "企业正在改制，暂不协商");
    now("2024-03-12T10:00");
    negotiateAndSign(a, "RENEWED", 280);
    negotiateAndSign(b, "NEW", 120);
    negotiateAndSign(f, "NEW", 45);
    negotiateAndSign(r1, "NEW", 180);
    negotiateAndSign(r2, "RENEWED", 70);
    complete(Chain.openTask(e, "reviewRefusal"), withVariables("refusalJustified", true, "reviewOpinion", "改制期间，理由属实"));

    // C and D get no answer: the deadline (2024-03-21) passes and the upper union steps in
    now("2024-03-25T10:00");
    executeDueJobs();
    // D answers late, in rectification
    accept(d, "2024-04-01");
    now("2024-03-27T10:00");
    offer("G", 106, "SHIZHONG", 60, "2024-03-27");


    Campaign campaign = campaigns.create(new Campaign(null, "2024年度集中要约月（测试）", LocalDate.parse("2024-02-26"),
        LocalDate.parse("2024-03-26"), LocalDate.parse("2024-03-28"), new BigDecimal("0.92"), null), null, "test");
    now("2024-03-28T10:00");
    StatisticsTable table = statistics.table(campaign, ClockUtil.getCurrentTime().toInstant());

    UnitTable shizhong = unit(table, "SHIZHONG");
    assertThat(shizhong.unitName()).isEqualTo("市中区");
    assertThat(shizhong.single()).isEqualTo(new Row(5, 4, new Tally(1, 280), new Tally(1, 120)));
    assertThat(shizhong.regional()).isEqualTo(new Row(3, 3, Tally.NONE, new Tally(3, 180)));
    assertThat(shizhong.total()).isEqualTo(new Row(8, 7, new Tally(1, 280), new Tally(4, 300)));
    assertThat(shizhong.overdue()).as("C: no answer after the deadline").isEqualTo(1);
    assertThat(shizhong.escalated()).as("C and D went to rectification").isEqualTo(2);

    UnitTable wutongqiao = unit(table, "WUTONGQIAO");
    assertThat(wutongqiao.single()).isEqualTo(new Row(1, 1, Tally.NONE, new Tally(1, 45)));
    assertThat(wutongqiao.regional()).isEqualTo(new Row(2, 2, new Tally(2, 70), Tally.NONE));
    assertThat(wutongqiao.total()).isEqualTo(new Row(3, 3, new Tally(2, 70), new Tally(1, 45)));
    assertThat(wutongqiao.overdue()).isZero();

    assertThat(table.units()).hasSize(16);
    assertThat(table.units().stream().filter(u -> !u.unit().equals("SHIZHONG") && !u.unit().equals("WUTONGQIAO")))
        .allSatisfy(u -> assertThat(u.total()).isEqualTo(Row.NONE));
    assertThat(table.city().unit()).isEqualTo("CITY");
    assertThat(table.city().single()).isEqualTo(new Row(6, 5, new Tally(1, 280), new Tally(2, 165)));
    assertThat(table.city().regional()).isEqualTo(new Row(5, 5, new Tally(2, 70), new Tally(3, 180)));
    assertThat(table.city().total()).isEqualTo(new Row(11, 10, new Tally(3, 350), new Tally(5, 345)));
    assertThat(table.city().overdue()).isEqualTo(1);
    assertThat(table.city().escalated()).isEqualTo(2);
    assertThat(table.targetRate()).isEqualTo(0.92);
  }


  @Test
  @DisplayName("读取模型的状态与要约查询（历史）的状态一致，结案原因一并记录")
  void readModelAgreesWithTheOfferView() {
    now("2024-05-06T10:00");
    ProcessInstance accepted = offer("accepted", 110, "SHIZHONG", 100, "2024-05-06");
    ProcessInstance refusedJustly = offer("refused", 111, "SHIZHONG", 100, "2024-05-06");
    ProcessInstance unanswered = offer("unanswered", 112, "SHIZHONG", 100, "2024-05-06");
    ProcessInstance signed = offer("signed", 113, "SHIZHONG", 100, "2024-05-06");
    ProcessInstance cancelled = offer("cancelled", 114, "SHIZHONG", 100, "2024-05-06");
    accept(accepted, "2024-05-20");
    accept(signed, "2024-05-20");
    negotiateAndSign(signed, "NEW", 100);
    refuse(refusedJustly, "企业已破产清算");
    complete(Chain.openTask(refusedJustly, "reviewRefusal"), withVariables("refusalJustified", true, "reviewOpinion", "属实"));
    engine.getRuntimeService().deleteProcessInstance(cancelled.getId(), "要约方撤回");
    now("2024-06-20T10:00");
    executeDueJobs();

    assertThat(status(accepted)).isEqualTo("ACCEPTED").isEqualTo(viewStatus(accepted));
    assertThat(status(signed)).isEqualTo("FILING").isEqualTo(viewStatus(signed));
    assertThat(status(unanswered)).isEqualTo("RECTIFICATION").isEqualTo(viewStatus(unanswered));
    assertThat(status(refusedJustly)).isEqualTo("CLOSED").isEqualTo(viewStatus(refusedJustly));
    assertThat(jdbc.queryForObject("SELECT closed_reason FROM offer_record WHERE offer_id = ?", String.class,
        refusedJustly.getId())).isEqualTo("REFUSAL_JUSTIFIED");
    assertThat(status(cancelled)).isEqualTo("CLOSED");
    assertThat(jdbc.queryForObject("SELECT closed_reason FROM offer_record WHERE offer_id = ?", String.class,
        cancelled.getId())).isEqualTo("CANCELLED");
    assertThat(jdbc.queryForObject("SELECT escalated FROM offer_record WHERE offer_id = ?", Boolean.class,
        unanswered.getId())).isTrue();
  }

  @Autowired cn.collectivenegotiation.registry.EnterpriseRegistry registry;

  static cn.collectivenegotiation.registry.Enterprise enterprise(int n, boolean union, boolean contract, String end) {
    return new cn.collectivenegotiation.registry.Enterprise(Offers.creditCode(n), "沐川企业" + n,
        cn.collectivenegotiation.offer.ReportingUnit.MUCHUAN, "制造业", 100, null, union, contract, false,
        end == null ? null : LocalDate.parse(end), false, false, false, false, false, null, "test");
  }

  @Test
  @DisplayName("建制率：名录中建有工会的企业里期末有有效集体合同的比例；要约登记企业，经本系统签订的合同计入")
  void establishmentRateFromTheRegistry() {
    now("2024-03-01T10:00");
    registry.saveAll(List.of(
        enterprise(7001, true, true, "2025-12-31"),
        enterprise(7002, true, true, "2024-03-01"),
        enterprise(7003, true, false, null),
        enterprise(7004, false, false, null)), "test");

    // an enterprise in the registry needs only its credit code; an unknown one is registered by its offer
    Map<String, Object> known = Offers.unionOffer("2024-03-01", 7003, "MUCHUAN", 1);
    known.remove("enterpriseName");
    known.remove("workforce");
    ProcessInstance toKnown = send(known);
    assertThat(toKnown).isNotNull();
    assertThat(engine.getRuntimeService().getVariables(toKnown.getId()))
        .containsEntry("enterpriseName", "沐川企业7003").containsEntry("workforce", 100)
        // negotiation-topics for an enterprise with no particular situation: the general topics
        .containsEntry("recommendedTopics", "工资调整与收入分配、劳动保障");
    ProcessInstance toNew = send(Offers.unionOffer("2024-03-01", 7005, "MUCHUAN", 60));
    assertThat(registry.find(Offers.creditCode(7005))).hasValueSatisfying(e -> {
      assertThat(e.name()).isEqualTo("测试企业7005");
      assertThat(e.unionPresent()).isTrue();
      assertThat(e.collectiveContract()).isFalse();
    });

    Campaign campaign = campaigns.create(new Campaign(null, "2024年度集中要约月（建制率）", LocalDate.parse("2024-02-26"),
        LocalDate.parse("2024-03-26"), LocalDate.parse("2024-03-28"), new BigDecimal("0.92"), null), null, "test");
    // with a union: 7001 (in force), 7002 (expired 03-01), 7003, 7005; 7004 has none
    assertThat(unit(statistics.table(campaign, ClockUtil.getCurrentTime().toInstant()), "MUCHUAN").establishmentRate())
        .isEqualTo(0.25);

    accept(toNew, "2024-03-05");
    now("2024-03-08T10:00");
    negotiateAndSign(toNew, "NEW", 60);
    assertThat(registry.find(Offers.creditCode(7005)).orElseThrow().contractEndDate()).isEqualTo("2027-03-07");
    assertThat(unit(statistics.table(campaign, ClockUtil.getCurrentTime().toInstant()), "MUCHUAN").establishmentRate())
        .isEqualTo(0.5);
  }

  String status(ProcessInstance offer) {
    return jdbc.queryForObject("SELECT status FROM offer_record WHERE offer_id = ?", String.class, offer.getId());
  }

  String viewStatus(ProcessInstance offer) {
    return reader.read(offer.getBusinessKey(), CITY).orElseThrow().status().name();
  }

  static UnitTable unit(StatisticsTable table, String unit) {
    return table.units().stream().filter(u -> u.unit().equals(unit)).findFirst().orElseThrow();
  }
}
