package cn.collectivenegotiation.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.identity.WebappSession;
import cn.collectivenegotiation.offer.Offers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code /api/campaigns} over HTTP, as the city union, a unit's union and an enterprise use it. */
@ProductTest
class CampaignApiTest {

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @BeforeEach
  void people() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
  }

  static Map<String, Object> campaign() {
    Map<String, Object> c = new HashMap<>();
    c.put("name", "2022年度集体协商“集中要约月”活动");
    c.put("startDate", "2022-02-28");
    c.put("endDate", "2022-03-28");
    c.put("reportDeadline", "2022-03-30");
    c.put("targetRate", 0.92);
    return c;
  }

  TestRestTemplate as(String user) {
    return http.withBasicAuth(user, TestUsers.password(user));
  }

  ResponseEntity<JsonNode> post(String user, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as(user).exchange("/api/campaigns", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  String started() {
    ResponseEntity<JsonNode> created = post(TestUsers.CITY_OFFICER, campaign());
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("id").asText();
  }

  @Test
  @DisplayName("市总工会发起活动 → 201；统计表 JSON 按附件的行和列，16个填报单位和全市")
  void startAndReadTheTable() {
    ResponseEntity<JsonNode> created = post(TestUsers.CITY_OFFICER, campaign());
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = created.getBody().get("id").asText();
    assertThat(created.getHeaders().getLocation()).hasPath("/api/campaigns/" + id);

    JsonNode campaign = as(TestUsers.CITY_OFFICER).getForObject("/api/campaigns/" + id, JsonNode.class);
    assertThat(campaign.get("name").asText()).isEqualTo("2022年度集体协商“集中要约月”活动");
    assertThat(campaign.get("reportDeadline").asText()).isEqualTo("2022-03-30");

    ResponseEntity<JsonNode> read = as(TestUsers.CITY_OFFICER).getForEntity("/api/campaigns/" + id + "/statistics", JsonNode.class);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode table = read.getBody();
    assertThat(table.get("units")).hasSize(16);
    JsonNode first = table.get("units").get(0);
    assertThat(first.get("unit").asText()).isEqualTo("SHIZHONG");
    for (String row : List.of("single", "regional", "total")) {
      assertThat(first.get(row).get("offered").isNumber()).as(row).isTrue();
      assertThat(first.get(row).get("responded").isNumber()).isTrue();
      assertThat(first.at("/" + row + "/renewed/enterprises").isNumber()).isTrue();
      assertThat(first.at("/" + row + "/renewed/workers").isNumber()).isTrue();
      assertThat(first.at("/" + row + "/newlySigned/enterprises").isNumber()).isTrue();
      assertThat(first.at("/" + row + "/newlySigned/workers").isNumber()).isTrue();
    }
    assertThat(first.has("problems")).isTrue();
    assertThat(table.at("/city/unit").asText()).isEqualTo("CITY");
    assertThat(table.get("targetRate").asDouble()).isEqualTo(0.92);
  }

  @Test
  @DisplayName("填报单位只看到本单位；企业无权查看；未知活动 404")
  void whoSeesWhat() {
    String id = started();
    JsonNode own = as(TestUsers.SHIZHONG_OFFICER).getForObject("/api/campaigns/" + id + "/statistics", JsonNode.class);
    assertThat(own.get("units")).hasSize(1);
    assertThat(own.at("/units/0/unit").asText()).isEqualTo("SHIZHONG");
    assertThat(own.get("city").isNull()).isTrue();

    assertThat(as(TestUsers.ENTERPRISE_MANAGER).getForEntity("/api/campaigns/" + id + "/statistics", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(TestUsers.CITY_OFFICER).getForEntity("/api/campaigns/999999/statistics", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity("/api/campaigns/" + id + "/statistics", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @DisplayName("只有市总工会可以发起；错误的输入 → 400 并指明字段，不发起")
  void onlyTheCityUnionStartsAndBadInputIsNamed() {
    assertThat(post(TestUsers.SHIZHONG_OFFICER, campaign()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    Map<String, Object> bad = campaign();
    bad.put("endDate", "2022-02-01");
    bad.remove("name");
    bad.put("targetRate", 1.5);
    ResponseEntity<JsonNode> refused = post(TestUsers.CITY_OFFICER, bad);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("\"name\"").contains("endDate").contains("targetRate");

    Map<String, Object> unknown = campaign();
    unknown.put("target", 0.9);
    assertThat(post(TestUsers.CITY_OFFICER, unknown).getBody().toString()).contains("target").contains("未知字段");
  }

  @Test
  @DisplayName("统计表 .xlsx：全市+16个单位共17张表；?unit= 只有本单位；无权单位 403；未知单位 400")
  void workbook() throws Exception {
    String id = started();
    ResponseEntity<byte[]> all = as(TestUsers.CITY_OFFICER).getForEntity("/api/campaigns/" + id + "/statistics.xlsx", byte[].class);
    assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(all.getHeaders().getContentType().toString()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(all.getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(all.getBody()))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(17);
      assertThat(book.getSheetName(0)).isEqualTo("全市");
      assertThat(book.getSheetName(1)).isEqualTo("市中区");
    }
    ResponseEntity<byte[]> one = as(TestUsers.CITY_OFFICER)
        .getForEntity("/api/campaigns/" + id + "/statistics.xlsx?unit=WUTONGQIAO", byte[].class);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(one.getBody()))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(1);
      assertThat(book.getSheetName(0)).isEqualTo("五通桥区");
    }
    ResponseEntity<byte[]> mine = as(TestUsers.SHIZHONG_OFFICER).getForEntity("/api/campaigns/" + id + "/statistics.xlsx", byte[].class);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(mine.getBody()))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(1);
      assertThat(book.getSheetName(0)).isEqualTo("市中区");
    }
    assertThat(as(TestUsers.SHIZHONG_OFFICER).getForEntity("/api/campaigns/" + id + "/statistics.xlsx?unit=SHAWAN", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(TestUsers.CITY_OFFICER).getForEntity("/api/campaigns/" + id + "/statistics.xlsx?unit=NOWHERE", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  @DisplayName("Tasklist：填报单位只看到本单位的上报任务，嵌入式表单可加载，照片以文件变量提交")
  void activityReportThroughTheRestApiAsTasklistDoes() {
    String id = started();
    JsonNode tasks = as(TestUsers.SHIZHONG_OFFICER).getForObject(
        "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + id + "&taskDefinitionKey=submitActivityReport", JsonNode.class);
    assertThat(tasks).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();

    ResponseEntity<String> form = as(TestUsers.SHIZHONG_OFFICER).getForEntity("/engine-rest/task/" + taskId + "/deployed-form", String.class);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody()).contains("cam-variable-type=\"File\"").contains("至少上报1张活动照片和1篇活动信息");

    Map<String, Object> photo = Map.of("type", "File", "value", Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0xD8, 1}),
        "valueInfo", Map.of("filename", "会场.jpg", "mimeType", "image/jpeg"));
    Map<String, Object> body = Map.of("variables", Map.of("photo1", photo,
        "newsTitle", Map.of("value", "市中区召开推进会", "type", "String"),
        "newsText", Map.of("value", "正文", "type", "String")));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> submitted = as(TestUsers.SHIZHONG_OFFICER).exchange("/engine-rest/task/" + taskId + "/submit-form",
        HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();

    // the period is over (2022): the unit's table is produced, and its task shows the photo it reported
    Set<String> units = UnitReports.of(historyService, campaignInstance(id));
    managementService.createJobQuery().activityId("periodEnded").list().stream()
        .filter(job -> units.contains(job.getProcessInstanceId())).forEach(job -> managementService.executeJob(job.getId()));
    JsonNode statistics = as(TestUsers.SHIZHONG_OFFICER).getForObject(
        "/engine-rest/task?processInstanceBusinessKey=" + id + "&taskDefinitionKey=submitStatistics&maxResults=10", JsonNode.class);
    assertThat(statistics).hasSize(1);
    JsonNode shown = as(TestUsers.SHIZHONG_OFFICER).getForObject(
        "/engine-rest/task/" + statistics.get(0).get("id").asText() + "/form-variables", JsonNode.class);
    assertThat(shown.get("activityNewsTitle").get("value").asText()).isEqualTo("市中区召开推进会");
    assertThat(shown.has("activityPhotoUrl2")).isFalse();
    String url = shown.get("activityPhotoUrl1").get("value").asText();
    // absolute (Camunda Forms show no image from a relative address), on the configured public address
    assertThat(url).startsWith("http://localhost:8080/camunda/api/engine/engine/default/history/variable-instance/")
        .endsWith("/data");
    url = url.substring("http://localhost:8080".length());

    // Tasklist's page loads it with the officer's webapp session, as the city union's review does;
    // an enterprise, which takes no part in the campaign, gets nothing
    for (String reader : List.of(TestUsers.SHIZHONG_OFFICER, TestUsers.CITY_OFFICER)) {
      WebappSession tasklist = new WebappSession(port);
      assertThat(tasklist.logIn(reader, "tasklist")).as(reader).isEqualTo(200);
      WebappSession.Download image = tasklist.download(url);
      assertThat(image.status()).as(reader).isEqualTo(200);
      assertThat(image.bytes()).containsExactly((byte) 0xFF, (byte) 0xD8, 1);
    }
    WebappSession enterprise = new WebappSession(port);
    assertThat(enterprise.logIn(TestUsers.ENTERPRISE_MANAGER, "tasklist")).isEqualTo(200);
    assertThat(enterprise.download(url).status()).isNotEqualTo(200);
  }

  String campaignInstance(String campaignId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY)
        .processInstanceBusinessKey(campaignId).singleResult().getId();
  }
}
