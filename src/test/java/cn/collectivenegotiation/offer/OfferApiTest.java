package cn.collectivenegotiation.offer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.deadline.LegalCalendar;
import cn.collectivenegotiation.deadline.LegalTime;
import java.time.Period;
import cn.collectivenegotiation.identity.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code /api/offers} as other systems use it: over HTTP, logged in with HTTP basic. */
@ProductTest
class OfferApiTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired LegalCalendar calendar;

  @BeforeEach
  void people() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
  }

  static Map<String, Object> todaysOffer() {
    return Offers.unionOffer(LegalTime.today().toString());
  }

  ResponseEntity<JsonNode> post(String user, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? http : http.withBasicAuth(user, TestUsers.password(user));
    return client.exchange("/api/offers", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  ResponseEntity<JsonNode> get(String user, String offerNumber) {
    return http.withBasicAuth(user, TestUsers.password(user)).getForEntity("/api/offers/" + offerNumber, JsonNode.class);
  }

  @Test
  @DisplayName("市中区工会发出要约 → 201，带要约编号；查询得到待应约状态和应约期限")
  void sendAndRead() {
    Map<String, Object> offer = todaysOffer();
    ResponseEntity<JsonNode> sent = post(TestUsers.SHIZHONG_OFFICER, offer);

    assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = sent.getBody().get("offerNumber").asText();
    assertThat(number).matches(LegalTime.today().getYear() + "-SHIZHONG-\\d{6}");
    assertThat(sent.getHeaders().getLocation()).hasPath("/api/offers/" + number);
    assertThat(sent.getBody().get("processInstanceId").asText()).isNotBlank();

    ResponseEntity<JsonNode> read = get(TestUsers.SHIZHONG_OFFICER, number);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode view = read.getBody();
    assertThat(view.get("status").asText()).isEqualTo("AWAITING_RESPONSE");
    assertThat(view.at("/offer/enterpriseName").asText()).isEqualTo("乐山市示范机械有限公司");
    assertThat(view.at("/offer/topics/0").asText()).isEqualTo("WAGE_ADJUSTMENT");
    assertThat(view.at("/offer/deliveryDate").asText()).isEqualTo(LegalTime.today().toString());
    JsonNode respond = stepOf(view, "respondToOffer");
    assertThat(respond.get("deadline").asText())
        .isEqualTo(calendar.period(LegalTime.today(), Period.ofDays(20), "").lastDay().toString());
    assertThat(respond.get("legalBasis").asText()).contains("第三十二条");
    assertThat(respond.get("dueAt").asText()).isNotBlank();
    assertThat(stepOf(view, "offerSent").get("who").asText()).isEqualTo(TestUsers.SHIZHONG_OFFICER);

    // the enterprise that must answer sees the offer too; the city union sees every offer
    assertThat(get(TestUsers.ENTERPRISE_MANAGER, number).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(TestUsers.CITY_OFFICER, number).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  @DisplayName("2017-03-01 要约、03-05 邮寄送达 → 应约末日为 03-27（第20日为星期六，顺延），期限届满于当日24时")
  void deadlineCountsFromDelivery() {
    Map<String, Object> offer = Offers.unionOffer("2017-03-01");
    offer.put("deliveryDate", "2017-03-05");
    offer.put("deliveryMethod", "POST");
    ResponseEntity<JsonNode> sent = post(TestUsers.SHIZHONG_OFFICER, offer);
    assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.CREATED);

    JsonNode view = get(TestUsers.SHIZHONG_OFFICER, sent.getBody().get("offerNumber").asText()).getBody();
    JsonNode respond = stepOf(view, "respondToOffer");
    assertThat(respond.get("deadline").asText()).isEqualTo("2017-03-27");
    assertThat(respond.get("dueAt").asText()).isEqualTo("2017-03-27T16:00:00Z"); // 2017-03-28 00:00 in Shanghai
    assertThat(respond.get("legalBasis").asText()).contains("2017年03月05日送达之日起20日").contains("顺延至2017年03月27日");
    assertThat(view.at("/offer/deliveryMethod").asText()).isEqualTo("POST");
  }

  static Stream<Arguments> badOffers() {
    return Stream.of(
        bad("creditCode", "校验位", o -> o.put("creditCode", "91511102MA62B0002H")),
        bad("creditCode", "18", o -> o.put("creditCode", "9151110")),
        bad("creditCode", "不能为空", o -> o.remove("creditCode")),
        bad("reportingUnit", "不在可选范围", o -> o.put("reportingUnit", "CHENGDU")),
        bad("topics", "不在可选范围", o -> o.put("topics", List.of("WAGE_ADJUSTMENT", "FREE_LUNCH"))),
        bad("topics", "至少选择一项", o -> o.put("topics", List.of())),
        bad("workforce", "1到", o -> o.put("workforce", 0)),
        bad("workforce", "整数", o -> o.put("workforce", "many")),
        bad("offerDate", "不能晚于今天", o -> o.put("offerDate", LegalTime.today().plusDays(1).toString())),
        bad("offerDate", "yyyy-MM-dd", o -> o.put("offerDate", "2017/03/01")),
        bad("deliveryDate", "不能早于要约日期", o -> {
          o.put("offerDate", LegalTime.today().toString());
          o.put("deliveryDate", LegalTime.today().minusDays(1).toString());
        }),
        bad("offerorSide", "不在可选范围", o -> o.put("offerorSide", "GOVERNMENT")),
        bad("onBehalf", "企业方", o -> {
          o.put("offerorSide", "ENTERPRISE");
          o.put("onBehalf", "UPPER_FOR_LOWER");
        }),
        // an enterprise the registry knows needs only its credit code; an unknown one needs its name
        bad("enterpriseName", "不能为空", o -> {
          o.put("creditCode", Offers.creditCode(99_990));
          o.put("enterpriseName", " ");
        }),
        bad("deliveryMethod", "不在可选范围", o -> o.put("deliveryMethod", "PIGEON")),
        bad("workForce", "未知字段", o -> o.put("workForce", 3)));
  }

  static Arguments bad(String field, String message, Consumer<Map<String, Object>> change) {
    return Arguments.of(field, message, change);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badOffers")
  @DisplayName("无效输入 → 400，指明字段，不启动流程")
  void badInputIsRefusedAndStartsNothing(String field, String message, Consumer<Map<String, Object>> change) {
    long before = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> offer = todaysOffer();
    change.accept(offer);

    ResponseEntity<JsonNode> response = post(TestUsers.SHIZHONG_OFFICER, offer);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(response.getBody().get("field").asText()).isEqualTo(field);
    assertThat(response.getBody().get("detail").asText()).contains(field).contains(message);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  @DisplayName("不是 JSON 对象 → 400")
  void notJson() {
    ResponseEntity<JsonNode> response = post(TestUsers.SHIZHONG_OFFICER, "[1,2");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  @DisplayName("未登录 → 401；用户名或密码错误 → 401；REST API 同样要求登录")
  void anonymousIsRefused() {
    assertThat(post(null, todaysOffer()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // an unknown user: a wrong password for a real one would make Camunda delay that user's next logins
    assertThat(http.withBasicAuth("nobody", "wrong").getForEntity("/api/offers/x", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @DisplayName("五通桥区工会为市中区发出要约或查看市中区要约 → 403，不启动流程")
  void otherUnitIsForbidden() {
    long before = runtimeService.createProcessInstanceQuery().count();
    ResponseEntity<JsonNode> refused = post(TestUsers.WUTONGQIAO_OFFICER, todaysOffer());
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody().get("detail").asText()).contains("市中区");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);

    String number = post(TestUsers.SHIZHONG_OFFICER, todaysOffer()).getBody().get("offerNumber").asText();
    assertThat(get(TestUsers.WUTONGQIAO_OFFICER, number).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(TestUsers.SHIZHONG_OFFICER, "2017-SHIZHONG-999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  static JsonNode stepOf(JsonNode view, String step) {
    for (JsonNode s : view.get("timeline")) {
      if (s.get("step").asText().equals(step)) {
        return s;
      }
    }
    throw new AssertionError("no step " + step + " in " + view.get("timeline"));
  }
}
