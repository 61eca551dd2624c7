package cn.collectivenegotiation.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.identity.WebappSession;
import cn.collectivenegotiation.offer.Offers;
import cn.collectivenegotiation.offer.ReportingUnit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One unit's union cannot read another unit's campaign report through Camunda's own API, as anyone with a
 * Tasklist login can call it ({@code /engine-rest} with HTTP basic, and the webapps' engine API with the
 * Tasklist session the photo links use): 市中区 (unit A) against 五通桥区 (unit B). The city union and the
 * city labour bureau read every unit. Each test starts its own campaign through {@code /api/campaigns};
 * units A and B take their steps over HTTP as Tasklist sends them.
 */
@ProductTest
class CampaignUnitIsolationTest {

  static final String A = TestUsers.SHIZHONG_OFFICER;
  static final String B = TestUsers.WUTONGQIAO_OFFICER;
  static final String CITY = TestUsers.CITY_OFFICER;
  static final String CITY_BUREAU = "officercitybureau";
  static final byte[] PHOTO_A = {(byte) 0xFF, (byte) 0xD8, 'A'};
  static final byte[] PHOTO_B = {(byte) 0xFF, (byte) 0xD8, 'B'};
  /** What only unit B wrote: it must not reach unit A in any answer. */
  static final String B_NEWS = "五通桥区内部情况通报";
  static final String B_PROBLEMS = "五通桥区某化工企业负责人拒不协商";
  static final String A_PROBLEMS = "市中区部分非公企业协商意识不强";

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void people() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
    TestUsers.user(identityService, CITY_BUREAU, "city-labour-bureau");
  }

  /** A campaign whose units A and B have reported their activity and have their tables to check. */
  record Campaign(String id, String instance, String unitA, String unitB, String photoA, String photoB) {}

  Campaign reported(int year) {
    ResponseEntity<JsonNode> created = as(CITY).postForEntity("/api/campaigns", Map.of("name", year + "年度集体协商“集中要约月”活动",
        "startDate", year + "-02-25", "endDate", year + "-03-25", "reportDeadline", year + "-03-27", "targetRate", 0.92),
        JsonNode.class);
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    String id = created.getBody().get("id").asText();
    submit(A, task(A, id, "submitActivityReport"), Map.of("photo1", photo("会场.jpg", PHOTO_A),
        "newsTitle", text("市中区召开推进会"), "newsText", text("全区120家企业参加")));
    submit(B, task(B, id, "submitActivityReport"), Map.of("photo1", photo("内部.jpg", PHOTO_B),
        "newsTitle", text(B_NEWS), "newsText", text("仅报市总工会")));
    String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY)
        .processInstanceBusinessKey(id).singleResult().getId();
    Set<String> units = UnitReports.of(historyService, instance);
    // the period is over (a past year): the tables are produced
    managementService.createJobQuery().activityId("periodEnded").list().stream()
        .filter(job -> units.contains(job.getProcessInstanceId())).forEach(job -> managementService.executeJob(job.getId()));
    String unitA = unitReport(units, ReportingUnit.SHIZHONG);
    String unitB = unitReport(units, ReportingUnit.WUTONGQIAO);
    return new Campaign(id, instance, unitA, unitB, photo(unitA), photo(unitB));
  }

  /** ... and then every unit has submitted its table (A and B over HTTP), and the city union reviews the total. */
  Campaign reviewed(int year) {
    Campaign c = reported(year);
    submit(A, task(A, c.id(), "submitStatistics"), Map.of("statisticsChecked", Map.of("value", true, "type", "Boolean"),
        "problems", text(A_PROBLEMS)));
    submit(B, task(B, c.id(), "submitStatistics"), Map.of("statisticsChecked", Map.of("value", true, "type", "Boolean"),
        "problems", text(B_PROBLEMS)));
    for (ReportingUnit unit : ReportingUnit.values()) {
      if (unit != ReportingUnit.SHIZHONG && unit != ReportingUnit.WUTONGQIAO) {
        taskService.complete(engineTask(c.id(), "submitActivityReport", unit).getId(), Variables.createVariables()
            .putValue("photo1", Variables.fileValue("a.jpg").file(PHOTO_A).mimeType("image/jpeg").create())
            .putValue("newsTitle", unit.chineseName() + "推进会").putValue("newsText", "正文"));
        taskService.complete(engineTask(c.id(), "submitStatistics", unit).getId(),
            Map.of("statisticsChecked", true, "problems", "无"));
      }
    }
    assertThat(taskService.createTaskQuery().processInstanceId(c.instance()).taskDefinitionKey("reviewCityTotal").count())
        .as("the city union reviews the total").isEqualTo(1);
    return c;
  }

  @Test
  @DisplayName("市中区工会读不到五通桥区的报送：流程实例、变量、历史变量、照片、历史明细均拒绝或为空；读得到本单位的")
  void aUnitReadsItsOwnReportOnly() {
    Campaign c = reported(2019);

    // unit B's instance, through /engine-rest as unit A
    assertThat(status(A, "/engine-rest/process-instance/" + c.unitB() + "/variables")).isEqualTo(403);
    assertThat(status(A, "/engine-rest/process-instance/" + c.unitB() + "/variables/newsTitle")).isEqualTo(403);
    assertThat(status(A, "/engine-rest/process-instance/" + c.unitB())).isIn(403, 404);
    assertThat(status(A, "/engine-rest/history/process-instance/" + c.unitB())).isIn(403, 404);
    assertThat(list(A, "/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + c.unitB())).isEmpty();
    assertThat(list(A, "/engine-rest/history/detail?maxResults=100&processInstanceId=" + c.unitB())).isEmpty();
    assertThat(list(A, "/engine-rest/variable-instance?maxResults=100&processInstanceIdIn=" + c.unitB())).isEmpty();
    assertThat(status(A, "/engine-rest/history/variable-instance/" + c.photoB() + "/data")).isIn(403, 404);
    assertThat(status(A, "/engine-rest/history/variable-instance/" + c.photoB())).isIn(403, 404);
    // the lists of everything A may see hold A's unit only
    assertThat(list(A, "/engine-rest/process-instance?maxResults=100&businessKey=" + c.id()))
        .extracting(i -> i.get("id").asText()).containsExactly(c.unitA());
    assertThat(list(A, "/engine-rest/history/process-instance?maxResults=100&processInstanceBusinessKey=" + c.id()))
        .extracting(i -> i.get("id").asText()).containsExactly(c.unitA());
    List<JsonNode> news = list(A, "/engine-rest/history/variable-instance?maxResults=2000&variableName=newsTitle");
    assertThat(news).extracting(v -> v.get("value").asText()).contains("市中区召开推进会").doesNotContain(B_NEWS);
    assertThat(body(A, "/engine-rest/history/variable-instance?maxResults=2000&variableName=photo1")).doesNotContain(c.photoB());

    // the photo as Tasklist loads it, with the officer's webapp session
    assertThat(tasklist(A).download(photoLink(c.photoB())).status()).isNotEqualTo(200);
    assertThat(tasklist(A).download(photoLink(c.photoA())).bytes()).containsExactly(PHOTO_A);
    assertThat(tasklist(A).get("/camunda/api/engine/engine/default/process-instance/" + c.unitB() + "/variables").status())
        .isEqualTo(403);

    // A's own report: the instance, its variables and its photo
    JsonNode own = json(A, "/engine-rest/process-instance/" + c.unitA() + "/variables");
    assertThat(own.at("/newsTitle/value").asText()).isEqualTo("市中区召开推进会");
    assertThat(own.at("/reportingUnit/value").asText()).isEqualTo("SHIZHONG");
    assertThat(own.at("/photo1/type").asText()).isEqualTo("File");
    assertThat(own.at("/statisticsMarkdown/value").asText()).contains("| 市中区 |").doesNotContain("五通桥区");
    assertThat(download(A, "/engine-rest/history/variable-instance/" + c.photoA() + "/data")).containsExactly(PHOTO_A);

    // and B, for its part, reads its own and not A's
    assertThat(json(B, "/engine-rest/process-instance/" + c.unitB() + "/variables").at("/newsTitle/value").asText()).isEqualTo(B_NEWS);
    assertThat(status(B, "/engine-rest/process-instance/" + c.unitA() + "/variables")).isEqualTo(403);
  }

  @Test
  @DisplayName("填报单位读不到集中要约月本身的实例：市总工会的审核任务列出各单位的问题及建议和照片")
  void noUnitReadsTheCampaignInstance() {
    Campaign c = reviewed(2018);

    assertThat(status(A, "/engine-rest/process-instance/" + c.instance() + "/variables")).isEqualTo(403);
    assertThat(status(A, "/engine-rest/history/process-instance/" + c.instance())).isIn(403, 404);
    assertThat(list(A, "/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + c.instance())).isEmpty();
    assertThat(list(A, "/engine-rest/history/variable-instance?maxResults=2000&variableName=cityProblems")).isEmpty();
    assertThat(list(A, "/engine-rest/history/variable-instance?maxResults=2000&variableName=cityActivityMarkdown")).isEmpty();
    assertThat(list(A, "/engine-rest/history/detail?maxResults=100&processInstanceId=" + c.instance())).isEmpty();
    // B's problems and suggestions, in B's ended instance and in the campaign's review: nowhere for A
    assertThat(list(A, "/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + c.unitB())).isEmpty();
    List<JsonNode> problems = list(A, "/engine-rest/history/variable-instance?maxResults=2000&variableName=problems");
    assertThat(problems).extracting(v -> v.get("value").asText()).contains(A_PROBLEMS).doesNotContain(B_PROBLEMS);
    assertThat(body(A, "/engine-rest/history/detail?maxResults=2000&variableName=problems")).doesNotContain(B_PROBLEMS);

    // the city union reviews: the whole city, every unit's problems, and B's photo behind its link
    String review = taskService.createTaskQuery().processInstanceId(c.instance()).taskDefinitionKey("reviewCityTotal")
        .singleResult().getId();
    JsonNode form = json(CITY, "/engine-rest/task/" + review + "/form-variables");
    assertThat(form.at("/cityProblems/value").asText()).contains(B_PROBLEMS).contains(A_PROBLEMS);
    assertThat(form.at("/cityActivityMarkdown/value").asText()).contains(B_NEWS).contains(photoLink(c.photoB()));
    assertThat(tasklist(CITY).download(photoLink(c.photoB())).bytes()).containsExactly(PHOTO_B);
    assertThat(tasklist(A).download(photoLink(c.photoB())).status()).isNotEqualTo(200);
  }

  @Test
  @DisplayName("市总工会、市人社局读取每个单位的报送实例、变量和照片")
  void theCitySeesEveryUnit() {
    Campaign c = reported(2016);
    for (String city : List.of(CITY, CITY_BUREAU)) {
      assertThat(json(city, "/engine-rest/process-instance/" + c.unitB() + "/variables").at("/newsTitle/value").asText())
          .as(city).isEqualTo(B_NEWS);
      assertThat(json(city, "/engine-rest/process-instance/" + c.unitA() + "/variables").at("/newsTitle/value").asText())
          .as(city).isEqualTo("市中区召开推进会");
      assertThat(download(city, "/engine-rest/history/variable-instance/" + c.photoB() + "/data")).as(city).containsExactly(PHOTO_B);
      assertThat(list(city, "/engine-rest/process-instance?maxResults=100&processDefinitionKey=" + CampaignProcess.UNIT_REPORT_KEY
          + "&businessKey=" + c.id())).as(city).hasSize(16);
      assertThat(status(city, "/engine-rest/process-instance/" + c.instance() + "/variables")).as(city).isEqualTo(200);
    }
    // read-only: the city labour bureau changes nothing in a unit's report
    assertThat(exchange(CITY_BUREAU, HttpMethod.PUT, "/engine-rest/process-instance/" + c.unitB() + "/variables/newsTitle",
        text("改写")).getStatusCode().value()).isEqualTo(403);
    assertThat(runtimeService.getVariable(c.unitB(), "newsTitle")).isEqualTo(B_NEWS);
    // an enterprise takes no part in the campaign
    assertThat(status(TestUsers.ENTERPRISE_MANAGER, "/engine-rest/process-instance/" + c.unitB() + "/variables")).isEqualTo(403);
  }

  // ---------------------------------------------------------------- helpers

  TestRestTemplate as(String user) {
    return http.withBasicAuth(user, TestUsers.password(user));
  }

  ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as(user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  int status(String user, String path) {
    return as(user).getForEntity(path, String.class).getStatusCode().value();
  }

  String body(String user, String path) {
    ResponseEntity<String> r = as(user).getForEntity(path, String.class);
    assertThat(r.getStatusCode().value()).as(path + ": " + r.getBody()).isEqualTo(200);
    return r.getBody();
  }

  JsonNode json(String user, String path) {
    try {
      return json.readTree(body(user, path));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  List<JsonNode> list(String user, String path) {
    List<JsonNode> items = new ArrayList<>();
    json(user, path).forEach(items::add);
    return items;
  }

  byte[] download(String user, String path) {
    ResponseEntity<byte[]> r = as(user).getForEntity(path, byte[].class);
    assertThat(r.getStatusCode().value()).as(user + " " + path).isEqualTo(200);
    return r.getBody();
  }

  WebappSession tasklist(String user) {
    WebappSession session = new WebappSession(port);
    assertThat(session.logIn(user, "tasklist")).as(user).isEqualTo(200);
    return session;
  }

  /** The photo's address as the product writes it into the forms, on this server. */
  String photoLink(String variableInstanceId) {
    return "/camunda/api/engine/engine/default/history/variable-instance/" + variableInstanceId + "/data";
  }

  /** The unit's open task of the campaign as the unit's officer finds it in Tasklist. */
  String task(String user, String campaignId, String key) {
    List<JsonNode> tasks = list(user, "/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + campaignId
        + "&taskDefinitionKey=" + key);
    assertThat(tasks).as(user + " " + key).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  Task engineTask(String campaignId, String key, ReportingUnit unit) {
    return taskService.createTaskQuery().processInstanceBusinessKey(campaignId).taskDefinitionKey(key)
        .taskCandidateGroup(unit.unionGroup()).singleResult();
  }

  void submit(String user, String taskId, Map<String, Object> variables) {
    ResponseEntity<String> r = exchange(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", variables));
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(204);
  }

  static Map<String, Object> text(String value) {
    return Map.of("value", value, "type", "String");
  }

  static Map<String, Object> photo(String filename, byte[] bytes) {
    return Map.of("type", "File", "value", Base64.getEncoder().encodeToString(bytes),
        "valueInfo", Map.of("filename", filename, "mimeType", "image/jpeg"));
  }

  String unitReport(Set<String> units, ReportingUnit unit) {
    return units.stream().filter(id -> unit.name().equals(runtimeService.getVariable(id, "reportingUnit")))
        .findFirst().orElseThrow();
  }

  String photo(String unitReport) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(unitReport).variableName("photo1")
        .singleResult().getId();
  }
}
