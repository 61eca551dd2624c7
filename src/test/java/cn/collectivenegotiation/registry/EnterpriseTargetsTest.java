package cn.collectivenegotiation.registry;

import static cn.collectivenegotiation.registry.RegistryFiles.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.Offers;
import cn.collectivenegotiation.offer.ReportingUnit;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The registry read through the decision tables: priority targets of a unit, topics for an enterprise. */
@ProductTest
class EnterpriseTargetsTest {

  static final String NO_CONTRACT = code(101);
  static final String EXPIRING = code(102);
  static final String MINIMUM_WAGE = code(103);
  static final String SETTLED = code(104);
  static final String RESTRUCTURING = code(111);
  static final String ORDINARY = code(112);

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired EnterpriseRegistry registry;
  @Autowired EnterpriseDecisions enterpriseDecisions;
  @Autowired DecisionService decisionService;

  @BeforeEach
  void people() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
  }

  ResponseEntity<JsonNode> get(String user, String path) {
    return http.withBasicAuth(user, TestUsers.password(user)).getForEntity(path, JsonNode.class);
  }

  /**
   * An enterprise of 金口河区 that is no priority target: both contracts, the collective one with more
   * than 3 months to run, pay above the minimum wage, calm relations.
   */
  static Enterprise settled(String creditCode, String name) {
    return new Enterprise(creditCode, name, ReportingUnit.JINKOUHE, "制造业", 200, 50, true, true, true,
        LegalTime.today().plusDays(400), false, false, false, false, false, null, "test");
  }

  static Enterprise change(Enterprise e, boolean collective, LocalDate end, boolean minimumWage) {
    return new Enterprise(e.creditCode(), e.name(), e.reportingUnit(), e.industry(), e.workforce(), e.womenWorkers(),
        e.unionPresent(), collective, e.specialContract(), end, minimumWage, e.tenseRelations(), e.inDifficulty(),
        e.restructuring(), e.severeHazards(), null, "test");
  }

  @Test
  @DisplayName("要约重点：未签合同、30天内到期、以最低工资为支付标准的企业各附理由；无理由的企业不列出")
  void keyTargetsOfAUnit() {
    registry.save(change(settled(NO_CONTRACT, "金口河登记测试无合同企业"), false, null, false));
    registry.save(change(settled(EXPIRING, "金口河登记测试到期企业"), true, LegalTime.today().plusDays(30), false));
    registry.save(change(settled(MINIMUM_WAGE, "金口河登记测试最低工资企业"), true, LegalTime.today().plusDays(400), true));
    registry.save(settled(SETTLED, "金口河登记测试和谐企业"));

    ResponseEntity<JsonNode> response = get(TestUsers.CITY_OFFICER, "/api/enterprises/targets?unit=JINKOUHE");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<JsonNode> ours = StreamSupport.stream(response.getBody().spliterator(), false)
        .filter(t -> List.of(NO_CONTRACT, EXPIRING, MINIMUM_WAGE, SETTLED).contains(t.get("creditCode").asText())).toList();
    assertThat(ours).extracting(t -> t.get("creditCode").asText(), t -> t.get("name").asText(), t -> t.get("workforce").asInt())
        .containsExactly(
            tuple(NO_CONTRACT, "金口河登记测试无合同企业", 200),
            tuple(EXPIRING, "金口河登记测试到期企业", 200),
            tuple(MINIMUM_WAGE, "金口河登记测试最低工资企业", 200));
    assertThat(ours.get(0).get("reasons")).extracting(r -> r.get("reason").asText(), r -> r.get("text").asText())
        .containsExactly(tuple("NO_COLLECTIVE_CONTRACT", "未签订集体合同"));
    assertThat(ours.get(1).get("reasons")).extracting(r -> r.get("reason").asText(), r -> r.get("text").asText())
        .containsExactly(tuple("CONTRACT_EXPIRING", "集体合同3个月内到期，需要续签"));
    assertThat(ours.get(2).get("reasons")).extracting(r -> r.get("reason").asText(), r -> r.get("text").asText())
        .containsExactly(tuple("MINIMUM_WAGE_PAY", "以最低工资标准作为工资支付标准"));
  }

  @Test
  @DisplayName("要约重点只给本单位看：市中区工会查金口河区 → 403，不指定单位时只见市中区")
  void keyTargetsOfAnotherUnit() {
    registry.save(change(settled(code(105), "金口河登记测试另一无合同企业"), false, null, false));

    assertThat(get(TestUsers.SHIZHONG_OFFICER, "/api/enterprises/targets?unit=JINKOUHE").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(TestUsers.SHIZHONG_OFFICER, "/api/enterprises/targets").getBody().findValuesAsText("creditCode"))
        .doesNotContain(code(105));
    assertThat(get(TestUsers.SHIZHONG_OFFICER, "/api/enterprises?unit=JINKOUHE").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(TestUsers.CITY_OFFICER, "/api/enterprises/targets?unit=CHENGDU").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  @DisplayName("推荐议题：改革改制、女职工占60%的企业 → 一般议题加职工分流安置和女职工专项")
  void recommendedTopics() {
    Enterprise base = settled(RESTRUCTURING, "金口河登记测试改制企业");
    registry.save(new Enterprise(RESTRUCTURING, base.name(), base.reportingUnit(), base.industry(), 100, 60,
        true, true, true, base.contractEndDate(), false, false, false, true, false, null, "test"));
    registry.save(new Enterprise(ORDINARY, "金口河登记测试普通企业", ReportingUnit.JINKOUHE, null, 100, 40,
        true, true, true, base.contractEndDate(), false, false, false, false, false, null, "test"));

    ResponseEntity<JsonNode> topics = get(TestUsers.CITY_OFFICER, "/api/enterprises/" + RESTRUCTURING + "/recommended-topics");

    assertThat(topics.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(topics.getBody()).extracting(t -> t.get("topic").asText(), t -> t.get("name").asText())
        .containsExactlyInAnyOrder(
            tuple("WAGE_ADJUSTMENT", "工资调整与收入分配"),
            tuple("LABOUR_PROTECTION", "劳动保障"),
            tuple("RESETTLEMENT", "职工分流安置"),
            tuple("WOMEN_WORKERS", "女职工专项"));
    // 40% women and no situation: the general topics only
    assertThat(get(TestUsers.CITY_OFFICER, "/api/enterprises/" + ORDINARY + "/recommended-topics").getBody())
        .extracting(t -> t.get("topic").asText()).containsExactlyInAnyOrder("WAGE_ADJUSTMENT", "LABOUR_PROTECTION");
  }

  @Test
  @DisplayName("查看单个企业：不存在 → 404；他单位工会 → 403")
  void readOne() {
    registry.save(settled(code(121), "金口河登记测试查看企业"));

    assertThat(get(TestUsers.CITY_OFFICER, "/api/enterprises/" + code(121)).getBody().get("reportingUnit").asText())
        .isEqualTo("JINKOUHE");
    assertThat(get(TestUsers.CITY_OFFICER, "/api/enterprises/" + code(199)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(TestUsers.SHIZHONG_OFFICER, "/api/enterprises/" + code(121)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(TestUsers.SHIZHONG_OFFICER, "/api/enterprises/" + code(121) + "/recommended-topics").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  @DisplayName("名录的求值（不写决策历史）与引擎 DecisionService 的结果逐格一致")
  void sameResultsAsTheEngine() {
    for (int flags = 0; flags < 16; flags++) {
      for (Integer days : Arrays.asList(null, -1, 0, 30, 90, 91, 400)) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("hasCollectiveContract", (flags & 1) != 0);
        inputs.put("hasSpecialContract", (flags & 2) != 0);
        inputs.put("minimumWageAsPayStandard", (flags & 4) != 0);
        inputs.put("tenseLabourRelations", (flags & 8) != 0);
        inputs.put("daysToContractEnd", days);
        assertThat(enterpriseDecisions.evaluate(enterpriseDecisions.latest("key-target"), inputs)).as(inputs.toString())
            .isEqualTo(decisionService.evaluateDecisionByKey("key-target").variables(inputs).evaluate().getResultList());
      }
    }
    for (int flags = 0; flags < 8; flags++) {
      for (double share : new double[] {0, 0.49, 0.5, 0.6}) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("inDifficulty", (flags & 1) != 0);
        inputs.put("restructuring", (flags & 2) != 0);
        inputs.put("severeOccupationalHazards", (flags & 4) != 0);
        inputs.put("womenWorkerShare", share);
        assertThat(enterpriseDecisions.evaluate(enterpriseDecisions.latest("negotiation-topics"), inputs))
            .as(inputs.toString())
            .isEqualTo(decisionService.evaluateDecisionByKey("negotiation-topics").variables(inputs).evaluate().getResultList());
      }
    }
  }
}
