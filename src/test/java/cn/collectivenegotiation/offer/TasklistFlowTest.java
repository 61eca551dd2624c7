package cn.collectivenegotiation.offer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.identity.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What Tasklist does, through Camunda's REST API with the same payloads: submit the start form (the
 * checklist arrives as a JSON variable), find the task as the enterprise, load its form, answer it.
 */
@ProductTest
class TasklistFlowTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired cn.collectivenegotiation.deadline.LegalCalendar calendar;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;

  @BeforeEach
  void people() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
  }

  TestRestTemplate as(String user) {
    return http.withBasicAuth(user, TestUsers.password(user));
  }

  static Map<String, Object> startFormSubmission(String reportingUnit) {
    return Map.of("variables", Map.of(
        "offerorSide", Map.of("value", "UNION"),
        "onBehalf", Map.of("value", "NONE"),
        "creditCode", Map.of("value", Offers.ENTERPRISE),
        "enterpriseName", Map.of("value", "乐山市示范机械有限公司"),
        "reportingUnit", Map.of("value", reportingUnit),
        "workforce", Map.of("value", 320),
        "topics", Map.of("type", "Json", "value", "[\"WAGE_ADJUSTMENT\",\"WOMEN_WORKERS\"]"),
        "offerDate", Map.of("value", LegalTime.today().toString()),
        "deliveryDate", Map.of("value", ""),
        "offerContent", Map.of("value", "")));
  }

  @Test
  @DisplayName("工会在 Tasklist 提交开始表单 → 企业只看到自己的应约任务，读取表单并应约；其他单位看不到")
  void startAnswerThroughTheRestApi() {
    ResponseEntity<JsonNode> started = as(TestUsers.SHIZHONG_OFFICER).postForEntity(
        "/engine-rest/process-definition/key/collective-offer/submit-form", startFormSubmission("SHIZHONG"), JsonNode.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String instanceId = started.getBody().get("id").asText();
    assertThat(started.getBody().get("businessKey").asText()).matches("\\d{4}-SHIZHONG-\\d{6}");

    JsonNode tasks = as(TestUsers.ENTERPRISE_MANAGER)
        .getForObject("/engine-rest/task?maxResults=100&processInstanceId=" + instanceId, JsonNode.class);
    assertThat(tasks).hasSize(1);
    JsonNode task = tasks.get(0);
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("respondToOffer");
    assertThat(task.get("name").asText()).isEqualTo("应约");
    // due at the last moment of the last day, in Shanghai
    java.time.Instant due = java.time.OffsetDateTime.parse(task.get("due").asText(),
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
    assertThat(due).isEqualTo(calendar.period(LegalTime.today(), java.time.Period.ofDays(20), "").dueAt().minusSeconds(1));
    String taskId = task.get("id").asText();

    JsonNode form = as(TestUsers.ENTERPRISE_MANAGER).getForObject("/engine-rest/task/" + taskId + "/deployed-form", JsonNode.class);
    assertThat(form.get("id").asText()).isEqualTo("respondToOffer");
    JsonNode vars = as(TestUsers.ENTERPRISE_MANAGER).getForObject("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false", JsonNode.class);
    assertThat(vars.at("/enterpriseName/value").asText()).isEqualTo("乐山市示范机械有限公司");
    assertThat(vars.at("/topics/type").asText()).isEqualTo("Json");
    assertThat(vars.at("/topics/value").asText()).contains("WOMEN_WORKERS");

    // another unit's officer sees nothing of it
    assertThat(as(TestUsers.WUTONGQIAO_OFFICER).getForObject("/engine-rest/task?maxResults=100&processInstanceId=" + instanceId, JsonNode.class)).isEmpty();
    assertThat(as(TestUsers.WUTONGQIAO_OFFICER).getForObject("/engine-rest/process-instance?maxResults=100&processInstanceIds=" + instanceId, JsonNode.class)).isEmpty();
    assertThat(as(TestUsers.SHIZHONG_OFFICER).getForObject("/engine-rest/process-instance?maxResults=100&processInstanceIds=" + instanceId, JsonNode.class)).hasSize(1);

    // a refusal without a reason is refused and changes nothing
    ResponseEntity<JsonNode> incomplete = as(TestUsers.ENTERPRISE_MANAGER).postForEntity("/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of("responseDecision", Map.of("value", "REFUSE"))), JsonNode.class);
    assertThat(incomplete.getStatusCode().isError()).isTrue();
    assertThat(incomplete.getBody().get("message").asText()).contains("refusalReason").contains("拒绝理由");
    assertThat(as(TestUsers.ENTERPRISE_MANAGER).getForObject("/engine-rest/task?maxResults=100&processInstanceId=" + instanceId, JsonNode.class)).hasSize(1);

    ResponseEntity<String> answered = as(TestUsers.ENTERPRISE_MANAGER).postForEntity("/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of("responseDecision", Map.of("value", "ACCEPT"),
            "proposedNegotiationDate", Map.of("value", LegalTime.today().plusDays(7).toString()))), String.class);
    assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode offer = as(TestUsers.SHIZHONG_OFFICER).getForObject("/api/offers/" + started.getBody().get("businessKey").asText(), JsonNode.class);
    assertThat(offer.get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(OfferApiTest.stepOf(offer, "respondToOffer").get("who").asText()).isEqualTo(TestUsers.ENTERPRISE_MANAGER);
  }

  @Test
  @DisplayName("在 Tasklist 为其他单位发出要约 → 被拒绝（403），不启动流程")
  void startFormForAnotherUnitIsForbidden() {
    ResponseEntity<JsonNode> refused = as(TestUsers.WUTONGQIAO_OFFICER).postForEntity(
        "/engine-rest/process-definition/key/collective-offer/submit-form", startFormSubmission("SHIZHONG"), JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody().get("message").asText()).contains("市中区");
  }

  @Test
  @DisplayName("在 Tasklist 提交无效的开始表单 → 错误信息指明字段，不启动流程")
  void invalidStartFormIsRefused() {
    long before = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> submission = Map.of("variables", Map.of(
        "offerorSide", Map.of("value", "UNION"),
        "creditCode", Map.of("value", "91511102MA62B0002H"),
        "reportingUnit", Map.of("value", "SHIZHONG")));
    ResponseEntity<JsonNode> refused = as(TestUsers.SHIZHONG_OFFICER).postForEntity(
        "/engine-rest/process-definition/key/collective-offer/submit-form", submission, JsonNode.class);
    // Camunda's REST API answers a failed start with 500 and the listener's message, which Tasklist shows
    assertThat(refused.getStatusCode().isError()).isTrue();
    assertThat(refused.getBody().get("message").asText()).contains("creditCode").contains("校验位")
        .contains("enterpriseName").contains("topics");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }
}
