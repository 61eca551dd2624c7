package cn.collectivenegotiation.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.Offers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An offer's notices downloaded over HTTP, with exactly the access rules of {@code GET /api/offers/{n}}. */
@ProductTest
class DocumentApiTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;

  @BeforeEach
  void people() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
  }

  TestRestTemplate as(String user) {
    return http.withBasicAuth(user, TestUsers.password(user));
  }

  JsonNode send() {
    ResponseEntity<JsonNode> sent = as(TestUsers.SHIZHONG_OFFICER).postForEntity("/api/offers",
        Offers.unionOffer(LegalTime.today().toString()), JsonNode.class);
    assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return sent.getBody();
  }

  ResponseEntity<byte[]> pdf(String user, String offerNumber, String kind) {
    return as(user).getForEntity("/api/offers/" + offerNumber + "/documents/" + kind + ".pdf", byte[].class);
  }

  ResponseEntity<JsonNode> list(String user, String offerNumber) {
    return as(user).getForEntity("/api/offers/" + offerNumber + "/documents", JsonNode.class);
  }

  @Test
  @DisplayName("市中区工会和被要约企业下载要约书 → 200 application/pdf，内含要约编号、企业名称、应约期限")
  void offerLetterForThoseConcerned() {
    String number = send().get("offerNumber").asText();
    JsonNode view = as(TestUsers.SHIZHONG_OFFICER).getForEntity("/api/offers/" + number, JsonNode.class).getBody();
    assertThat(view.at("/documents/0/kind").asText()).as("listed before anyone asked for it").isEqualTo("OFFER_LETTER");
    assertThat(view.at("/documents/0/href").asText()).isEqualTo("/api/offers/" + number + "/documents/offer-letter.pdf");

    ResponseEntity<JsonNode> listed = list(TestUsers.SHIZHONG_OFFICER, number);
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode letter = listed.getBody().get(0);
    assertThat(letter.get("kind").asText()).isEqualTo("OFFER_LETTER");
    assertThat(letter.get("title").asText()).isEqualTo("集体协商要约书");
    assertThat(letter.get("size").asInt()).isPositive();
    assertThat(letter.get("created").asText()).isNotBlank();
    assertThat(letter.get("href").asText()).isEqualTo("/api/offers/" + number + "/documents/offer-letter.pdf");

    for (String user : new String[] {TestUsers.SHIZHONG_OFFICER, TestUsers.ENTERPRISE_MANAGER, TestUsers.CITY_OFFICER}) {
      ResponseEntity<byte[]> got = pdf(user, number, "offer-letter");
      assertThat(got.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      assertThat(got.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
      assertThat(got.getHeaders().getContentDisposition().getFilename()).isEqualTo("集体协商要约书-" + number + ".pdf");
      assertThat(got.getBody()).hasSize(letter.get("size").asInt());
      assertThat(Pdfs.text(got.getBody())).contains(number, "乐山市示范机械有限公司", "《集体合同规定》第三十二条",
          OfficialDocument.chinese(LegalTime.today()));
    }
  }

  @Test
  @DisplayName("五通桥区工会查看市中区要约的文书 → 403；未知要约、未知文书或尚未发出的文书 → 404；未登录 → 401")
  void othersAndUnknowns() {
    String number = send().get("offerNumber").asText();

    assertThat(list(TestUsers.WUTONGQIAO_OFFICER, number).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(pdf(TestUsers.WUTONGQIAO_OFFICER, number, "offer-letter").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(list(TestUsers.SHIZHONG_OFFICER, "2017-SHIZHONG-999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(pdf(TestUsers.SHIZHONG_OFFICER, "2017-SHIZHONG-999999", "offer-letter").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(pdf(TestUsers.SHIZHONG_OFFICER, number, "receipt").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(pdf(TestUsers.SHIZHONG_OFFICER, number, "rectification-notice").getStatusCode())
        .as("no rectification yet").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity("/api/offers/" + number + "/documents/offer-letter.pdf", byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @DisplayName("无理拒绝后上级工会发出整改意见书 → 市中区工会下载得到整改意见书，五通桥区工会 403")
  void rectificationNoticeOverHttp() {
    JsonNode sent = send();
    String number = sent.get("offerNumber").asText();
    String instance = sent.get("processInstanceId").asText();
    complete(instance, "respondToOffer", Map.of("responseDecision", "REFUSE", "refusalReason", "生产任务重，暂不协商"));
    complete(instance, "reviewRefusal", Map.of("refusalJustified", false, "reviewOpinion", "不是正当理由"));
    complete(instance, "issueRectificationNotice", Map.of("rectificationKind", "NOTICE",
        "rectificationPartner", "ENTERPRISE_ASSOCIATION", "rectificationRequirements", "限期书面应约", "rectificationDays", 15));

    ResponseEntity<byte[]> notice = pdf(TestUsers.SHIZHONG_OFFICER, number, "rectification-notice");
    assertThat(notice.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(notice.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(Pdfs.text(notice.getBody())).contains("整改意见书", number, "乐山市示范机械有限公司", "乐山市市中区总工会",
        "以“生产任务重，暂不协商”为由拒绝协商", "工会法》第五十四条");
    assertThat(pdf(TestUsers.WUTONGQIAO_OFFICER, number, "rectification-notice").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(list(TestUsers.ENTERPRISE_MANAGER, number).getBody().findValuesAsText("kind"))
        .containsExactlyInAnyOrder("OFFER_LETTER", "RECTIFICATION_NOTICE");

    // the offer view lists them too, with where to download each
    JsonNode view = as(TestUsers.SHIZHONG_OFFICER).getForEntity("/api/offers/" + number, JsonNode.class).getBody();
    assertThat(view.get("documents").findValuesAsText("href")).containsExactlyInAnyOrder(
        "/api/offers/" + number + "/documents/offer-letter.pdf",
        "/api/offers/" + number + "/documents/rectification-notice.pdf");
    assertThat(view.get("documents").findValuesAsText("title")).contains("整改意见书");
  }

  void complete(String instance, String taskKey, Map<String, Object> vars) {
    String task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult().getId();
    taskService.complete(task, vars);
  }
}
