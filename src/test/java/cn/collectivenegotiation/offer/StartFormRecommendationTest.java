package cn.collectivenegotiation.offer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.registry.Enterprise;
import cn.collectivenegotiation.registry.EnterpriseRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The start form as Tasklist fetches it, through the REST API: its recommendation text, evaluated with the
 * engine's own FEEL for a typed credit code, says what the officer sees. The browser's view of the same is
 * {@code e2e/StartFormRecommendationBrowserTest}.
 */
@ProductTest
class StartFormRecommendationTest {

  static final String IN_DIFFICULTY = Offers.creditCode(7301);
  static final String SETTLED = Offers.creditCode(7302);
  static final String MUCHUAN_OFFICER = "officermc";
  static final String DIFFICULTY_TOPICS =
      "工资调整与收入分配、劳动保障、工资支付办法、工资支付保障机制、息工待岗职工生活费、女职工专项";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired EnterpriseRegistry registry;
  @Autowired ProcessEngine engine;

  @BeforeEach
  void enterprises() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
    TestUsers.user(identityService, MUCHUAN_OFFICER, "union-muchuan");
    // in difficulty, women two thirds of the workforce; and one in no particular situation
    registry.save(new Enterprise(IN_DIFFICULTY, "沐川县推荐测试竹业有限公司", ReportingUnit.MUCHUAN, "制造业", 300, 200,
        true, false, false, null, false, false, true, false, false, null, "test"));
    registry.save(new Enterprise(SETTLED, "沐川县推荐测试茶业有限公司", ReportingUnit.MUCHUAN, "制造业", 300, 20,
        true, true, true, LegalTime.today().plusDays(400), false, false, false, false, false, null, "test"));
  }

  TestRestTemplate as(String user) {
    return http.withBasicAuth(user, TestUsers.password(user));
  }

  JsonNode startForm(String user) {
    return as(user).getForObject("/engine-rest/process-definition/key/collective-offer/deployed-start-form", JsonNode.class);
  }

  /** What the start form's recommendation text shows once {@code user} has typed {@code creditCode}. */
  String shown(String user, String creditCode) {
    String text = null;
    for (JsonNode component : startForm(user).get("components")) {
      if (StartFormRecommendations.TEXT.equals(component.path("id").asText())) {
        text = component.get("text").asText();
      }
    }
    assertThat(text).as("the start form has its recommendation text").startsWith("=");
    DefaultDmnEngineConfiguration dmn =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration();
    Map<String, Object> typed = new HashMap<>();
    typed.put("creditCode", creditCode);
    Object shown = dmn.getFeelEngine().evaluateSimpleExpression(text.substring(1), Variables.fromMap(typed).asVariableContext());
    return (String) shown;
  }

  @Test
  @DisplayName("开始表单：填入本单位登记企业的信用代码，即显示按企业情况推荐的协商议题；未登记的企业不显示")
  void theOfficerSeesTheTypedEnterprisesRecommendation() {
    assertThat(shown(MUCHUAN_OFFICER, IN_DIFFICULTY))
        .startsWith("**推荐协商议题**：" + DIFFICULTY_TOPICS + "。（").contains("企业名录", "供参考", "勾选");
    // an enterprise with nothing particular gets the notice's general topics only
    assertThat(shown(MUCHUAN_OFFICER, SETTLED)).startsWith("**推荐协商议题**：工资调整与收入分配、劳动保障。（");
    assertThat(shown(MUCHUAN_OFFICER, Offers.creditCode(7399))).isEmpty();
    assertThat(shown(MUCHUAN_OFFICER, null)).isEmpty();
    // half a code typed is no enterprise, even where it is the end of one
    assertThat(shown(MUCHUAN_OFFICER, IN_DIFFICULTY.substring(4))).isEmpty();
    // the form is the deployed one otherwise
    assertThat(startForm(MUCHUAN_OFFICER).get("id").asText()).isEqualTo("startOffer");
  }

  @Test
  @DisplayName("他单位的工会干部：开始表单里没有这家企业的推荐，名录接口也拒绝")
  void anotherUnitsOfficerGetsNoRecommendation() {
    assertThat(shown(TestUsers.SHIZHONG_OFFICER, IN_DIFFICULTY)).isEmpty();
    assertThat(startForm(TestUsers.SHIZHONG_OFFICER).toString()).doesNotContain(IN_DIFFICULTY).doesNotContain(SETTLED);
    // an enterprise's own people read no registry either
    assertThat(startForm(TestUsers.ENTERPRISE_MANAGER).toString()).doesNotContain(IN_DIFFICULTY);

    ResponseEntity<String> refused = as(TestUsers.SHIZHONG_OFFICER)
        .getForEntity("/api/enterprises/" + IN_DIFFICULTY + "/recommended-topics", String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  @DisplayName("发出要约：议题是干部勾选的，推荐由服务器重新决定，提交的“推荐”不算数")
  void theStartTrustsNoRecommendationFromTheBrowser() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("offerorSide", Map.of("value", "UNION"));
    variables.put("onBehalf", Map.of("value", "NONE"));
    variables.put("creditCode", Map.of("value", IN_DIFFICULTY));
    variables.put("enterpriseName", Map.of("value", "沐川县推荐测试竹业有限公司"));
    variables.put("reportingUnit", Map.of("value", "MUCHUAN"));
    variables.put("workforce", Map.of("value", 300));
    variables.put("topics", Map.of("type", "Json", "value", "[\"WAGE_PAYMENT\",\"WOMEN_WORKERS\"]"));
    variables.put("offerDate", Map.of("value", LegalTime.today().toString()));
    variables.put("recommendedTopics", Map.of("value", "伪造的推荐"));
    ResponseEntity<JsonNode> started = as(MUCHUAN_OFFICER).postForEntity(
        "/engine-rest/process-definition/key/collective-offer/submit-form", Map.of("variables", variables), JsonNode.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);

    JsonNode offer = as(MUCHUAN_OFFICER)
        .getForObject("/api/offers/" + started.getBody().get("businessKey").asText(), JsonNode.class).get("offer");
    assertThat(offer.get("recommendedTopics").asText()).isEqualTo(DIFFICULTY_TOPICS);
    assertThat(offer.get("topics").toString()).contains("WAGE_PAYMENT", "WOMEN_WORKERS").doesNotContain("IDLE_ALLOWANCE");
  }
}
