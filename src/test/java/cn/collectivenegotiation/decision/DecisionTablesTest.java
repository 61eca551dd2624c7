package cn.collectivenegotiation.decision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The DMN tables as deployed, row by row, with their edges. */
@ProductTest
class DecisionTablesTest {

  @Autowired DecisionService decisions;

  /** An enterprise that is no priority target: contracts in place, a year to run, fair pay, calm. */
  static Map<String, Object> settledEnterprise() {
    Map<String, Object> e = new HashMap<>();
    e.put("hasCollectiveContract", true);
    e.put("hasSpecialContract", true);
    e.put("daysToContractEnd", 365);
    e.put("minimumWageAsPayStandard", false);
    e.put("tenseLabourRelations", false);
    return e;
  }

  List<Object> reasons(Map<String, Object> enterprise) {
    return decisions.evaluateDecisionTableByKey("key-target", enterprise).collectEntries("reason");
  }

  @Test
  @DisplayName("要约重点：合同齐全、未到期、工资正常、关系和谐的企业不是重点")
  void settledEnterpriseIsNoTarget() {
    assertThat(reasons(settledEnterprise())).isEmpty();
  }

  @ParameterizedTest(name = "{0} = {1} → {2}")
  @DisplayName("要约重点：每一条规则单独命中")
  @CsvSource({
      "hasCollectiveContract, false, NO_COLLECTIVE_CONTRACT",
      "hasSpecialContract, false, NO_SPECIAL_CONTRACT",
      "minimumWageAsPayStandard, true, MINIMUM_WAGE_PAY",
      "tenseLabourRelations, true, TENSE_RELATIONS",
  })
  void eachReasonAlone(String input, boolean value, String reason) {
    Map<String, Object> e = settledEnterprise();
    e.put(input, value);
    assertThat(reasons(e)).containsExactly(reason);
  }

  @ParameterizedTest(name = "距期满 {0} 天 → {1}")
  @DisplayName("要约重点：合同期满前3个月（90天）起为到期续签，期满后为已到期（边界）")
  @CsvSource({
      "91, ''",
      "90, CONTRACT_EXPIRING",
      "0, CONTRACT_EXPIRING",
      "-1, CONTRACT_EXPIRED",
  })
  void contractEnd(int days, String reason) {
    Map<String, Object> e = settledEnterprise();
    e.put("daysToContractEnd", days);
    if (reason.isEmpty()) {
      assertThat(reasons(e)).isEmpty();
    } else {
      assertThat(reasons(e)).containsExactly(reason);
    }
  }

  @Test
  @DisplayName("要约重点：没有合同的企业（无到期日）只因未签合同而成为重点，理由附中文说明")
  void noContractAtAll() {
    Map<String, Object> e = settledEnterprise();
    e.put("hasCollectiveContract", false);
    e.put("hasSpecialContract", false);
    e.put("daysToContractEnd", null);
    var result = decisions.evaluateDecisionTableByKey("key-target", e);
    assertThat(result.collectEntries("reason")).containsExactly("NO_COLLECTIVE_CONTRACT", "NO_SPECIAL_CONTRACT");
    assertThat(result.collectEntries("reasonText")).containsExactly("未签订集体合同", "未签订专项集体合同");
  }

  static Map<String, Object> ordinaryEnterprise() {
    Map<String, Object> e = new HashMap<>();
    e.put("inDifficulty", false);
    e.put("restructuring", false);
    e.put("severeOccupationalHazards", false);
    e.put("womenWorkerShare", 0.3);
    return e;
  }

  List<Object> topics(Map<String, Object> enterprise) {
    return decisions.evaluateDecisionTableByKey("negotiation-topics", enterprise).collectEntries("topic");
  }

  @Test
  @DisplayName("推荐议题：一般企业推荐收入分配与劳动保障")
  void ordinaryEnterpriseGetsTheGeneralTopics() {
    assertThat(topics(ordinaryEnterprise())).containsExactly("WAGE_ADJUSTMENT", "LABOUR_PROTECTION");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("推荐议题：每种情形推荐对应的专项议题")
  @CsvSource({
      "inDifficulty, WAGE_PAYMENT;PAYMENT_GUARANTEE;IDLE_ALLOWANCE",
      "restructuring, RESETTLEMENT",
      "severeOccupationalHazards, OCCUPATIONAL_HEALTH",
  })
  void eachSituation(String situation, String expected) {
    Map<String, Object> e = ordinaryEnterprise();
    e.put(situation, true);
    List<String> wanted = new java.util.ArrayList<>(List.of("WAGE_ADJUSTMENT", "LABOUR_PROTECTION"));
    wanted.addAll(List.of(expected.split(";")));
    assertThat(topics(e)).containsExactlyElementsOf(wanted);
  }

  @ParameterizedTest(name = "女职工占比 {0} → 女职工专项: {1}")
  @DisplayName("推荐议题：女职工占比达到一半起推荐女职工专项（边界）")
  @CsvSource({"0.49, false", "0.5, true", "0.8, true"})
  void womenWorkers(double share, boolean recommended) {
    Map<String, Object> e = ordinaryEnterprise();
    e.put("womenWorkerShare", share);
    assertThat(topics(e).contains("WOMEN_WORKERS")).isEqualTo(recommended);
  }
}
