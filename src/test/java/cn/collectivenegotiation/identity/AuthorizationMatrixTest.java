package cn.collectivenegotiation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.offer.CreditCode;
import cn.collectivenegotiation.offer.OfferProcess;
import cn.collectivenegotiation.offer.Offers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Who may do what, person by person, over HTTP as Tasklist, Cockpit and other systems call the product:
 * {@code /engine-rest} with HTTP basic (the same resources the web apps reach through their session),
 * {@code /api}, and the web apps' login. Four offers are the fixture:
 * <ul>
 *   <li>S1 市中区 → enterprise A, awaiting A's answer (应约);</li>
 *   <li>S2 市中区 → A, refused: 市中区's union reviews the refusal, A's union may petition the labour bureau;</li>
 *   <li>S3 市中区 → A, refused without just reason: rectification issued with the enterprise association;
 *       A answers again, A's union may petition the labour bureau;</li>
 *   <li>W1 五通桥区 → enterprise B, refused: 五通桥区's union reviews the refusal, B's union may petition.</li>
 * </ul>
 * Lists are checked twice: the fixture offers that come back are exactly those expected, and everything
 * that comes back (other tests' offers share the database) lies within the person's scope.
 */
@ProductTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  static final String ADMIN_PASSWORD = TestUsers.ADMIN_PASSWORD;

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @LocalServerPort int port;

  final ObjectMapper json = new ObjectMapper();

  /** The people of the matrix; their groups follow from the fixture's enterprises. */
  enum Person {
    UNIT_UNION("mxunionsz", "市中区总工会"),
    OTHER_UNIT_UNION("mxunionwtq", "五通桥区总工会"),
    UNIT_BUREAU("mxbureausz", "市中区人社局"),
    OFFEREE("mxent", "被要约企业A（企业行政）"),
    OFFEREE_UNION("mxentunion", "企业A工会"),
    OTHER_ENTERPRISE("mxother", "另一企业B（企业行政）"),
    CITY_UNION("mxcity", "市总工会"),
    CITY_BUREAU("mxcitybureau", "市人社局"),
    TRIPARTITE("mxtripartite", "三方（四家）"),
    INSTRUCTOR("mxinstructor", "市中区协商指导员"),
    ASSOCIATION("mxassoc", "企业家协会"),
    ADMIN("admin", "系统管理员"),
    ANONYMOUS(null, "未登录者");

    final String userId;
    final String chinese;

    Person(String userId, String chinese) {
      this.userId = userId;
      this.chinese = chinese;
    }
  }

  // lists through /engine-rest name maxResults: the product refuses unpaged lists (query-max-results-limit 2,000)
  /** Fixture labels: an offer, or an offer's task. */
  static final String S1 = "S1", S2 = "S2", S3 = "S3", W1 = "W1";
  static final String S1_RESPOND = "S1:respondToOffer", S2_REVIEW = "S2:reviewRefusal", S2_PETITION = "S2:petitionLabourBureau",
      S3_RESPOND = "S3:respondToOffer", S3_PETITION = "S3:petitionLabourBureau", W1_REVIEW = "W1:reviewRefusal",
      W1_PETITION = "W1:petitionLabourBureau";
  static final Set<String> ALL_OFFERS = Set.of(S1, S2, S3, W1);
  static final Set<String> SHIZHONG_OFFERS = Set.of(S1, S2, S3);
  /** From a refusal on, the offeror (here the enterprise union) may petition the labour bureau at once. */
  static final Set<String> ALL_TASKS = Set.of(S1_RESPOND, S2_REVIEW, S2_PETITION, S3_RESPOND, S3_PETITION, W1_REVIEW,
      W1_PETITION);

  // ---------------------------------------------------------------- fixture

  String enterpriseA;
  String enterpriseB;
  final Map<String, String> instances = new java.util.HashMap<>(); // label → process instance id
  final Map<String, String> numbers = new java.util.HashMap<>();   // label → offer number
  final Map<String, String> tasks = new java.util.HashMap<>();     // label → task id
  String campaignId;
  int enterpriseCounter = 1;

  /** A credit code of this test's own ({@code MAMX}), valid check character. */
  String newCreditCode() {
    String first17 = "91511102MAMX" + "%05d".formatted(enterpriseCounter++);
    return first17 + CreditCode.checkCharacter(first17);
  }

  /** Built by the first cell (process-test coverage records only inside a test, not in {@code @BeforeAll}). */
  void fixture() {
    user(Person.UNIT_UNION, "union-shizhong");
    user(Person.OTHER_UNIT_UNION, "union-wutongqiao");
    user(Person.UNIT_BUREAU, "labour-bureau-shizhong");
    user(Person.CITY_UNION, "city-union");
    user(Person.CITY_BUREAU, "city-labour-bureau");
    user(Person.TRIPARTITE, "tripartite");
    user(Person.INSTRUCTOR, "instructor-shizhong");
    user(Person.ASSOCIATION, "enterprise-association");

    enterpriseA = newCreditCode();
    enterpriseB = newCreditCode();
    send(S1, Person.UNIT_UNION, enterpriseA, "矩阵测试企业A", "SHIZHONG");
    send(S2, Person.UNIT_UNION, enterpriseA, "矩阵测试企业A", "SHIZHONG");
    send(S3, Person.UNIT_UNION, enterpriseA, "矩阵测试企业A", "SHIZHONG");
    send(W1, Person.OTHER_UNIT_UNION, enterpriseB, "矩阵测试企业B", "WUTONGQIAO");
    // the groups of A and B exist because the offers reached them: nobody made them by hand
    user(Person.OFFEREE, EnterpriseGroups.managementGroup(enterpriseA));
    user(Person.OFFEREE_UNION, EnterpriseGroups.unionGroup(enterpriseA));
    user(Person.OTHER_ENTERPRISE, EnterpriseGroups.managementGroup(enterpriseB));

    refuse(S2);
    refuse(S3);
    refuse(W1);
    taskService.complete(task(S3, "reviewRefusal"), Map.of("refusalJustified", false, "reviewOpinion", "理由不成立"));
    taskService.complete(task(S3, "issueRectificationNotice"), Map.of("rectificationKind", "NOTICE",
        "rectificationPartner", "ENTERPRISE_ASSOCIATION", "rectificationRequirements", "限期书面应约", "rectificationDays", 15));
    for (String label : ALL_TASKS) {
      String[] parts = label.split(":");
      tasks.put(label, task(parts[0], parts[1]));
    }
    // an incident each on S1 and W1, as a failed job would leave (Cockpit's incidents view)
    runtimeService.createIncident("matrixProbe", taskService.createTaskQuery().taskId(tasks.get(S1_RESPOND)).singleResult()
        .getExecutionId(), "probe", "矩阵测试事件");
    runtimeService.createIncident("matrixProbe", taskService.createTaskQuery().taskId(tasks.get(W1_REVIEW)).singleResult()
        .getExecutionId(), "probe", "矩阵测试事件");

    ResponseEntity<JsonNode> campaign = as(Person.CITY_UNION).postForEntity("/api/campaigns", Map.of(
        "name", "矩阵测试集中要约月", "startDate", LegalTime.today().minusDays(10).toString(),
        "endDate", LegalTime.today().plusDays(10).toString(), "reportDeadline", LegalTime.today().plusDays(12).toString(),
        "targetRate", 0.92), JsonNode.class);
    assertThat(campaign.getStatusCode().value()).as("campaign").isEqualTo(201);
    campaignId = campaign.getBody().get("id").asText();
  }

  void user(Person p, String group) {
    if (identityService.createUserQuery().userId(p.userId).count() == 0) {
      User u = identityService.newUser(p.userId);
      u.setPassword(TestUsers.password(p.userId));
      u.setFirstName(p.chinese);
      u.setLastName("矩阵");
      identityService.saveUser(u);
      identityService.createMembership(p.userId, group);
    }
  }

  String send(String label, Person sender, String creditCode, String name, String unit) {
    Map<String, Object> offer = Offers.unionOffer(LegalTime.today().toString());
    offer.put("creditCode", creditCode);
    offer.put("enterpriseName", name);
    offer.put("reportingUnit", unit);
    ResponseEntity<JsonNode> sent = as(sender).postForEntity("/api/offers", offer, JsonNode.class);
    assertThat(sent.getStatusCode().value()).as("offer " + label).isEqualTo(201);
    if (label != null) {
      instances.put(label, sent.getBody().get("processInstanceId").asText());
      numbers.put(label, sent.getBody().get("offerNumber").asText());
    }
    return sent.getBody().get("processInstanceId").asText();
  }

  void refuse(String label) {
    taskService.complete(task(label, "respondToOffer"), Map.of("responseDecision", "REFUSE", "refusalReason", "经营困难"));
  }

  String task(String label, String key) {
    return taskId(instances.get(label), key);
  }

  String taskId(String instanceId, String key) {
    Task t = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(key).singleResult();
    assertThat(t).as(key + " of " + instanceId).isNotNull();
    return t.getId();
  }

  /** A 市中区 offer of its own to enterprise A, for a cell that changes what it touches. */
  String freshOffer() {
    return send(null, Person.UNIT_UNION, enterpriseA, "矩阵测试企业A", "SHIZHONG");
  }

  // ---------------------------------------------------------------- scope (what a person may see at all)

  /** Whether a process instance lies within the person's scope, judged from the engine's own records. */
  boolean inScope(Person p, String instanceId) {
    return switch (p) {
      case CITY_UNION, CITY_BUREAU, TRIPARTITE, ADMIN -> true;
      case UNIT_UNION, UNIT_BUREAU, INSTRUCTOR -> "SHIZHONG".equals(variable(instanceId, "reportingUnit"));
      case OTHER_UNIT_UNION -> "WUTONGQIAO".equals(variable(instanceId, "reportingUnit"));
      case OFFEREE, OFFEREE_UNION -> enterpriseA.equals(variable(instanceId, "creditCode"));
      case OTHER_ENTERPRISE -> enterpriseB.equals(variable(instanceId, "creditCode"));
      case ASSOCIATION -> "ENTERPRISE_ASSOCIATION".equals(variable(instanceId, "rectificationPartner"));
      case ANONYMOUS -> false;
    };
  }

  Object variable(String instanceId, String name) {
    HistoricVariableInstance v = historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName(name).list().stream().findFirst().orElse(null);
    return v == null ? null : v.getValue();
  }

  String label(String instanceId) {
    return instances.entrySet().stream().filter(e -> e.getValue().equals(instanceId)).map(Map.Entry::getKey)
        .findFirst().orElse(null);
  }

  // ---------------------------------------------------------------- HTTP

  TestRestTemplate as(Person p) {
    if (p == Person.ANONYMOUS) {
      return http;
    }
    return http.withBasicAuth(p.userId, p == Person.ADMIN ? ADMIN_PASSWORD : TestUsers.password(p.userId));
  }

  ResponseEntity<String> call(Person p, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (body != null && !(body instanceof MultiValueMap)) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    return as(p).exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  JsonNode parse(ResponseEntity<String> r) {
    try {
      return r.getBody() == null ? null : json.readTree(r.getBody());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.getBody(), e);
    }
  }

  /** What one cell found: the status, and for a list the instances that came back, with their fixture labels. */
  record Found(int status, List<String> instanceIds, Set<String> labels, String problem) {

    static Found status(int status) {
      return new Found(status, null, null, null);
    }
  }

  Found list(ResponseEntity<String> r, String instanceField, String taskKeyField) {
    if (r.getStatusCode().value() != 200) {
      return Found.status(r.getStatusCode().value());
    }
    List<String> ids = new ArrayList<>();
    Set<String> labels = new TreeSet<>();
    for (JsonNode item : parse(r)) {
      String id = item.path(instanceField).asText();
      ids.add(id);
      String label = label(id);
      if (label != null) {
        labels.add(taskKeyField == null ? label : label + ":" + item.path(taskKeyField).asText());
      }
    }
    return new Found(200, ids, labels, null);
  }

  String definitionId() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(OfferProcess.KEY).latestVersion()
        .singleResult().getId();
  }

  // ---------------------------------------------------------------- actions

  enum Action {
    TASK_LIST("Tasklist 待办列表 GET /task"),
    TASK_COUNT("Tasklist 待办数 GET /task/count"),
    GET_TASK("打开 S1 的应约任务 GET /task/{id}"),
    TASK_VARIABLES("读取 S1 应约任务的变量 GET /task/{id}/variables"),
    PUT_TASK_VARIABLE("修改 S1 应约任务的变量 PUT /task/{id}/variables/x"),
    COMPLETE_RESPONSE("完成企业的应约 POST /task/{id}/complete"),
    COMPLETE_UNIT_TASK("完成市中区工会的审查拒绝理由 POST /task/{id}/complete"),
    INSTANCE_LIST("Cockpit 流程实例列表 GET /process-instance"),
    INSTANCE_VARIABLES("Cockpit 读取 S1 的变量 GET /process-instance/{id}/variables"),
    PUT_INSTANCE_VARIABLE("Cockpit 修改 S1 的变量 PUT /process-instance/{id}/variables/x"),
    HISTORY_LIST("Cockpit 历史实例 GET /history/process-instance"),
    HISTORY_VARIABLES("Cockpit 历史变量 GET /history/variable-instance"),
    HISTORY_TASKS("Cockpit 历史任务 GET /history/task"),
    INCIDENTS("Cockpit 事件 GET /incident"),
    DEFINITION_STATISTICS("Cockpit 仪表盘实例数 GET /process-definition/statistics"),
    ACTIVITY_STATISTICS("Cockpit 流程图上的实例数 GET /process-definition/{id}/statistics"),
    MODIFY_INSTANCE("Cockpit 修改流程实例 POST /process-instance/{id}/modification"),
    DELETE_INSTANCE("Cockpit 取消（删除）流程实例 DELETE /process-instance/{id}"),
    DEPLOY("部署流程 POST /deployment/create"),
    CREATE_AUTHORIZATION("新建授权 POST /authorization/create"),
    CREATE_USER("新建用户 POST /user/create"),
    JOIN_ADMINS("把自己加入管理员组 PUT /group/camunda-admin/members/{me}"),
    API_READ_OFFER("查看要约 GET /api/offers/{S1}"),
    API_SEND_WUTONGQIAO("为五通桥区发出要约 POST /api/offers"),
    API_STATISTICS("集中要约月统计 GET /api/campaigns/{id}/statistics"),
    API_IMPORT("导入市中区企业名录 POST /api/enterprises/import"),
    WEBAPPS("登录后可用的应用 authorizedApps"),
    COCKPIT_DASHBOARD("Cockpit 仪表盘（会话登录）的要约数和事件数"),
    SESSION_DEFINITION_STATISTICS("会话登录后 GET /camunda/api/engine/.../process-definition/statistics");

    final String chinese;

    Action(String chinese) {
      this.chinese = chinese;
    }
  }

  Found run(Person p, Action a) {
    String s1 = instances.get(S1);
    String s1Respond = tasks.get(S1_RESPOND);
    return switch (a) {
      case TASK_LIST -> list(call(p, HttpMethod.GET, "/engine-rest/task?processDefinitionKey=collective-offer&maxResults=2000", null),
          "processInstanceId", "taskDefinitionKey");
      case TASK_COUNT -> {
        ResponseEntity<String> count = call(p, HttpMethod.GET, "/engine-rest/task/count?processDefinitionKey=collective-offer", null);
        if (count.getStatusCode().value() != 200) {
          yield Found.status(count.getStatusCode().value());
        }
        Found listed = run(p, Action.TASK_LIST);
        long n = parse(count).get("count").asLong();
        yield new Found(200, null, null, n == listed.instanceIds().size() ? null : "count " + n + " ≠ list " + listed.instanceIds().size());
      }
      case GET_TASK -> Found.status(call(p, HttpMethod.GET, "/engine-rest/task/" + s1Respond, null).getStatusCode().value());
      case TASK_VARIABLES -> {
        ResponseEntity<String> r = call(p, HttpMethod.GET, "/engine-rest/task/" + s1Respond + "/variables", null);
        yield r.getStatusCode().value() == 200 && !enterpriseA.equals(parse(r).at("/creditCode/value").asText())
            ? new Found(200, null, null, "no creditCode in " + r.getBody()) : Found.status(r.getStatusCode().value());
      }
      case PUT_TASK_VARIABLE -> Found.status(call(p, HttpMethod.PUT, "/engine-rest/task/" + s1Respond + "/variables/matrixNote",
          Map.of("value", "by " + p.userId, "type", "String")).getStatusCode().value());
      case COMPLETE_RESPONSE -> {
        String instance = freshOffer();
        String task = taskId(instance, "respondToOffer");
        int status = call(p, HttpMethod.POST, "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
            "responseDecision", Map.of("value", "ACCEPT"),
            "proposedNegotiationDate", Map.of("value", LegalTime.today().plusDays(5).toString())))).getStatusCode().value();
        boolean stillOpen = taskService.createTaskQuery().taskId(task).count() == 1;
        yield new Found(status, null, null, (status == 204) == stillOpen ? "task still open: " + stillOpen : null);
      }
      case COMPLETE_UNIT_TASK -> {
        String instance = freshOffer();
        taskService.complete(taskId(instance, "respondToOffer"), Map.of("responseDecision", "REFUSE", "refusalReason", "经营困难"));
        String task = taskId(instance, "reviewRefusal");
        int status = call(p, HttpMethod.POST, "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
            "refusalJustified", Map.of("value", true), "reviewOpinion", Map.of("value", "理由属实")))).getStatusCode().value();
        boolean stillOpen = taskService.createTaskQuery().taskId(task).count() == 1;
        yield new Found(status, null, null, (status == 204) == stillOpen ? "task still open: " + stillOpen : null);
      }
      case INSTANCE_LIST -> list(call(p, HttpMethod.GET, "/engine-rest/process-instance?processDefinitionKey=collective-offer&maxResults=2000", null),
          "id", null);
      case INSTANCE_VARIABLES -> {
        ResponseEntity<String> r = call(p, HttpMethod.GET, "/engine-rest/process-instance/" + s1 + "/variables", null);
        yield r.getStatusCode().value() == 200 && !enterpriseA.equals(parse(r).at("/creditCode/value").asText())
            ? new Found(200, null, null, "no creditCode in " + r.getBody()) : Found.status(r.getStatusCode().value());
      }
      case PUT_INSTANCE_VARIABLE -> Found.status(call(p, HttpMethod.PUT,
          "/engine-rest/process-instance/" + s1 + "/variables/matrixNote", Map.of("value", "by " + p.userId, "type", "String"))
          .getStatusCode().value());
      case HISTORY_LIST -> list(call(p, HttpMethod.GET,
          "/engine-rest/history/process-instance?processDefinitionKey=collective-offer&maxResults=2000", null), "id", null);
      case HISTORY_VARIABLES -> list(call(p, HttpMethod.GET, "/engine-rest/history/variable-instance?variableName=creditCode&maxResults=2000", null),
          "processInstanceId", null);
      case HISTORY_TASKS -> {
        Found f = list(call(p, HttpMethod.GET, "/engine-rest/history/task?processDefinitionKey=collective-offer&maxResults=2000", null),
            "processInstanceId", null);
        yield f;
      }
      case INCIDENTS -> list(call(p, HttpMethod.GET, "/engine-rest/incident?incidentType=matrixProbe&maxResults=2000", null),
          "processInstanceId", null);
      case DEFINITION_STATISTICS -> {
        ResponseEntity<String> r = call(p, HttpMethod.GET, "/engine-rest/process-definition/statistics", null);
        if (r.getStatusCode().value() != 200) {
          yield Found.status(r.getStatusCode().value());
        }
        long shown = 0;
        for (JsonNode d : parse(r)) {
          if (d.get("id").asText().equals(definitionId())) {
            shown = d.get("instances").asLong();
          }
        }
        long visible = parse(call(p, HttpMethod.GET, "/engine-rest/process-instance/count?processDefinitionId=" + definitionId(), null))
            .get("count").asLong();
        yield new Found(200, null, null, shown == visible ? null : "dashboard shows " + shown + " instances, the person may see " + visible);
      }
      case ACTIVITY_STATISTICS -> {
        ResponseEntity<String> r = call(p, HttpMethod.GET, "/engine-rest/process-definition/" + definitionId() + "/statistics", null);
        if (r.getStatusCode().value() != 200) {
          yield Found.status(r.getStatusCode().value());
        }
        long shown = 0;
        for (JsonNode activity : parse(r)) {
          if (activity.get("id").asText().equals("respondToOffer")) {
            shown = activity.get("instances").asLong();
          }
        }
        long visible = parse(call(p, HttpMethod.GET, "/engine-rest/process-instance/count?processDefinitionId=" + definitionId()
            + "&activityIdIn=respondToOffer", null)).get("count").asLong();
        yield new Found(200, null, null, shown == visible ? null : "diagram shows " + shown + " at 应约, the person may see " + visible);
      }
      case MODIFY_INSTANCE -> {
        String instance = freshOffer();
        int status = call(p, HttpMethod.POST, "/engine-rest/process-instance/" + instance + "/modification", Map.of("instructions",
            List.of(Map.of("type", "cancel", "activityId", "respondToOffer")))).getStatusCode().value();
        boolean unchanged = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("respondToOffer").count() == 1;
        yield new Found(status, null, null, (status == 204) == unchanged ? "unchanged: " + unchanged : null);
      }
      case DELETE_INSTANCE -> {
        String instance = freshOffer();
        int status = call(p, HttpMethod.DELETE, "/engine-rest/process-instance/" + instance, null).getStatusCode().value();
        boolean running = runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 1;
        yield new Found(status, null, null, (status == 204) == running ? "still running: " + running : null);
      }
      case DEPLOY -> {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "matrix-probe-" + p.name());
        parts.add("data", new ByteArrayResource(probeModel().getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "matrix-probe.bpmn";
          }
        });
        long before = repositoryService.createDeploymentQuery().deploymentName("matrix-probe-" + p.name()).count();
        int status = call(p, HttpMethod.POST, "/engine-rest/deployment/create", parts).getStatusCode().value();
        long after = repositoryService.createDeploymentQuery().deploymentName("matrix-probe-" + p.name()).count();
        yield new Found(status, null, null, (status == 200) != (after == before + 1) ? "deployments " + before + " → " + after : null);
      }
      case CREATE_AUTHORIZATION -> Found.status(call(p, HttpMethod.POST, "/engine-rest/authorization/create", Map.of(
          "type", 1, "permissions", List.of("ALL"), "userId", p.userId == null ? "nobody" : p.userId,
          "resourceType", 8, "resourceId", "*")).getStatusCode().value());
      case CREATE_USER -> {
        String id = "mxprobe" + p.ordinal();
        int status = call(p, HttpMethod.POST, "/engine-rest/user/create", Map.of("profile", Map.of("id", id, "firstName", "探",
            "lastName", "测"), "credentials", Map.of("password", TestUsers.PASSWORD))).getStatusCode().value();
        boolean exists = identityService.createUserQuery().userId(id).count() == 1;
        yield new Found(status, null, null, (status == 204) != exists ? "user exists: " + exists : null);
      }
      case JOIN_ADMINS -> {
        String member = p == Person.ADMIN ? "mxprobe" + Person.ADMIN.ordinal() : p.userId == null ? "nobody" : p.userId;
        if (p == Person.ADMIN && identityService.createUserQuery().userId(member).count() == 0) {
          User u = identityService.newUser(member);
          u.setPassword(TestUsers.PASSWORD);
          identityService.saveUser(u);
        }
        int status = call(p, HttpMethod.PUT, "/engine-rest/group/camunda-admin/members/" + member, null).getStatusCode().value();
        boolean admin = identityService.createUserQuery().userId(member).memberOfGroup(CurrentUser.ADMIN_GROUP).count() == 1;
        yield new Found(status, null, null, (status == 204) != admin ? "member of camunda-admin: " + admin : null);
      }
      case API_READ_OFFER -> {
        ResponseEntity<String> r = call(p, HttpMethod.GET, "/api/offers/" + numbers.get(S1), null);
        yield r.getStatusCode().value() == 200 && !"AWAITING_RESPONSE".equals(parse(r).path("status").asText())
            ? new Found(200, null, null, "status " + r.getBody()) : Found.status(r.getStatusCode().value());
      }
      case API_SEND_WUTONGQIAO -> {
        String code = newCreditCode();
        Map<String, Object> offer = Offers.unionOffer(LegalTime.today().toString());
        offer.put("creditCode", code);
        offer.put("enterpriseName", "矩阵测试五通桥企业");
        offer.put("reportingUnit", "WUTONGQIAO");
        int status = call(p, HttpMethod.POST, "/api/offers", offer).getStatusCode().value();
        long started = historyService.createHistoricVariableInstanceQuery().variableName("creditCode").list().stream()
            .filter(v -> code.equals(v.getValue())).count();
        yield new Found(status, null, null, (status == 201) != (started == 1) ? "offers started: " + started : null);
      }
      case API_STATISTICS -> {
        ResponseEntity<String> r = call(p, HttpMethod.GET, "/api/campaigns/" + campaignId + "/statistics", null);
        if (r.getStatusCode().value() != 200) {
          yield Found.status(r.getStatusCode().value());
        }
        Set<String> units = new TreeSet<>();
        parse(r).get("units").forEach(u -> units.add(u.get("unit").asText()));
        boolean city = !parse(r).path("city").isNull() && !parse(r).path("city").isMissingNode();
        yield new Found(200, null, Set.of(units.size() == 16 ? "16 units" : String.join(",", units), city ? "city" : "no city"), null);
      }
      case API_IMPORT -> {
        String code = newCreditCode();
        String csv = "统一社会信用代码,企业名称,填报单位,职工人数,是否建立工会,是否签订集体合同,是否签订专项集体合同,集体合同到期日\n"
            + code + ",矩阵测试导入企业,市中区,90,是,否,否,\n";
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "名录.csv";
          }
        });
        int status = call(p, HttpMethod.POST, "/api/enterprises/import", parts).getStatusCode().value();
        boolean groups = identityService.createGroupQuery().groupIdIn(EnterpriseGroups.managementGroup(code),
            EnterpriseGroups.unionGroup(code)).count() == 2;
        yield new Found(status, null, null, (status == 200) != groups ? "enterprise groups made: " + groups : null);
      }
      case WEBAPPS -> webappLogin(p);
      case COCKPIT_DASHBOARD -> cockpitDashboard(p);
      case SESSION_DEFINITION_STATISTICS -> {
        Session session = webapp(p);
        if (session.login().statusCode() != 200) {
          yield Found.status(session.login().statusCode());
        }
        try {
          yield Found.status(session.client().send(HttpRequest.newBuilder(URI.create(session.base()
              + "/api/engine/engine/default/process-definition/statistics")).GET().build(),
              HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
    };
  }

  /** A web-app session: the client keeps its cookies; {@code login} is the login's answer. */
  record Session(HttpClient client, String base, HttpResponse<String> login) {}

  /** The web apps' own login, as Tasklist's login page sends it (CSRF token first). */
  Session webapp(String user, String password) {
    try {
      CookieManager cookies = new CookieManager();
      HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
      String base = "http://localhost:" + port + "/camunda";
      client.send(HttpRequest.newBuilder(URI.create(base + "/app/tasklist/default/")).header("X-XSRF-TOKEN", "Fetch").GET().build(),
          HttpResponse.BodyHandlers.discarding());
      String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElse("");
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
          + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      return new Session(client, base, login);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  Session webapp(Person p) {
    return p == Person.ANONYMOUS ? webapp("nobody", "wrong")
        : webapp(p.userId, p == Person.ADMIN ? ADMIN_PASSWORD : TestUsers.password(p.userId));
  }

  /** The apps the login offers the person (authorizedApps). */
  Found webappLogin(Person p) {
    try {
      HttpResponse<String> login = webapp(p).login();
      if (login.statusCode() != 200) {
        return Found.status(login.statusCode());
      }
      Set<String> apps = new TreeSet<>();
      json.readTree(login.body()).get("authorizedApps").forEach(app -> apps.add(app.asText()));
      return new Found(200, null, apps, null);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Cockpit's dashboard (its own plugin query, through the session): the offers it counts must be those the person may see. */
  Found cockpitDashboard(Person p) {
    try {
      Session session = webapp(p);
      if (session.login().statusCode() != 200) {
        return Found.status(session.login().statusCode());
      }
      HttpResponse<String> r = session.client().send(HttpRequest.newBuilder(URI.create(session.base()
          + "/api/cockpit/plugin/base/default/process-definition/statistics?incidents=true&firstResult=0&maxResults=2000")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return Found.status(r.statusCode());
      }
      long shown = 0;
      long incidents = 0;
      for (JsonNode d : json.readTree(r.body())) {
        if (d.path("key").asText().equals(OfferProcess.KEY)) {
          shown += d.get("instances").asLong();
          incidents += d.get("incidents").asLong();
        }
      }
      long visible = parse(call(p, HttpMethod.GET, "/engine-rest/process-instance/count?processDefinitionKey=" + OfferProcess.KEY, null))
          .get("count").asLong();
      long visibleIncidents = parse(call(p, HttpMethod.GET, "/engine-rest/incident/count?processDefinitionKeyIn=" + OfferProcess.KEY, null))
          .get("count").asLong();
      return new Found(200, null, null, shown == visible && incidents == visibleIncidents ? null
          : "dashboard shows " + shown + " offers and " + incidents + " incidents; the person may see " + visible + " and " + visibleIncidents);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String probeModel() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            targetNamespace="probe">
          <process id="matrix-probe" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="start" />
          </process>
        </definitions>""";
  }

  // ---------------------------------------------------------------- the matrix

  /** What a cell expects: the status, and for lists the fixture offers (or tasks, apps, units) that come back. */
  record Expect(int status, Set<String> labels) {}

  static Expect is(int status) {
    return new Expect(status, null);
  }

  /** 200; with labels, exactly these come back (use {@link #NONE} for an empty list). */
  static Expect ok(String... labels) {
    return new Expect(200, labels.length == 0 ? null : Set.of(labels));
  }

  static Expect ok(Set<String> labels) {
    return new Expect(200, labels);
  }

  static final Set<String> NONE = Set.of();
  static final Set<String> UNIT_ONLY = Set.of("SHIZHONG", "no city");
  static final Set<String> WHOLE_CITY = Set.of("16 units", "city");

  /** One line per person: the expectation of every action, in the order of {@link Action}. */
  static Map<Person, List<Expect>> matrix() {
    Map<Person, List<Expect>> m = new java.util.LinkedHashMap<>();
    //            TASK_LIST            COUNT    GET_TASK TASK_VARS PUT_TASK_VAR COMPLETE_RESP COMPLETE_UNIT
    //            INSTANCE_LIST        INST_VARS PUT_INST_VAR HISTORY_LIST  HIST_VARS  HIST_TASKS  INCIDENTS
    //            DEF_STATS ACT_STATS MODIFY DELETE DEPLOY AUTH USER JOIN  API_READ API_SEND API_STATS API_IMPORT WEBAPPS
    m.put(Person.UNIT_UNION, List.of(
        ok(S2_REVIEW), ok(), is(404), is(403), is(403), is(403), is(204),
        ok(SHIZHONG_OFFERS), ok(), is(403), ok(SHIZHONG_OFFERS), ok(SHIZHONG_OFFERS), ok(SHIZHONG_OFFERS), ok(S1),
        is(403), ok(), is(403), is(403), is(403), is(403), is(403), is(403),
        is(200), is(403), ok(UNIT_ONLY), is(200), ok("cockpit", "tasklist", "welcome"), ok(), is(403)));
    m.put(Person.OTHER_UNIT_UNION, List.of(
        ok(W1_REVIEW), ok(), is(404), is(403), is(403), is(403), is(403),
        ok(W1), is(403), is(403), ok(W1), ok(W1), ok(W1), ok(W1),
        is(403), ok(), is(403), is(403), is(403), is(403), is(403), is(403),
        is(403), is(201), ok(Set.of("WUTONGQIAO", "no city")), is(400), ok("cockpit", "tasklist", "welcome"), ok(), is(403)));
    m.put(Person.UNIT_BUREAU, List.of(
        ok(NONE), ok(), is(404), is(403), is(403), is(403), is(403),
        ok(SHIZHONG_OFFERS), ok(), is(403), ok(SHIZHONG_OFFERS), ok(SHIZHONG_OFFERS), ok(SHIZHONG_OFFERS), ok(S1),
        is(403), ok(), is(403), is(403), is(403), is(403), is(403), is(403),
        is(200), is(403), ok(UNIT_ONLY), is(403), ok("cockpit", "tasklist", "welcome"), ok(), is(403)));
    m.put(Person.OFFEREE, List.of(
        ok(S1_RESPOND, S3_RESPOND), ok(), is(200), ok(), is(204), is(204), is(403),
        ok(SHIZHONG_OFFERS), ok(), is(403), ok(SHIZHONG_OFFERS), ok(SHIZHONG_OFFERS), ok(SHIZHONG_OFFERS), ok(S1),
        is(403), ok(), is(403), is(403), is(403), is(403), is(403), is(403),
        is(200), is(403), is(403), is(403), ok("tasklist", "welcome"), is(403), is(403)));
    m.put(Person.OFFEREE_UNION, List.of(
        ok(S2_PETITION, S3_PETITION), ok(), is(404), is(403), is(403), is(403), is(403),
        ok(SHIZHONG_OFFERS), ok(), is(403), ok(SHIZHONG_OFFERS), ok(SHIZHONG_OFFERS), ok(SHIZHONG_OFFERS), ok(S1),
        is(403), ok(), is(403), is(403), is(403), is(403), is(403), is(403),
        is(200), is(403), is(403), is(403), ok("tasklist", "welcome"), is(403), is(403)));
    m.put(Person.OTHER_ENTERPRISE, List.of(
        ok(NONE), ok(), is(404), is(403), is(403), is(403), is(403),
        ok(W1), is(403), is(403), ok(W1), ok(W1), ok(W1), ok(W1),
        is(403), ok(), is(403), is(403), is(403), is(403), is(403), is(403),
        is(403), is(403), is(403), is(403), ok("tasklist", "welcome"), is(403), is(403)));
    for (Person supervisor : List.of(Person.CITY_UNION, Person.CITY_BUREAU, Person.TRIPARTITE)) {
      m.put(supervisor, List.of(
          ok(ALL_TASKS), ok(), is(200), ok(), is(403), is(403), is(403),
          ok(ALL_OFFERS), ok(), is(403), ok(ALL_OFFERS), ok(ALL_OFFERS), ok(ALL_OFFERS), ok(S1, W1),
          ok(), ok(), is(403), is(403), is(403), is(403), is(403), is(403),
          is(200), is(supervisor == Person.CITY_UNION ? 201 : 403), ok(WHOLE_CITY),
          is(supervisor == Person.CITY_UNION ? 200 : 403), ok("cockpit", "tasklist", "welcome"), ok(), is(200)));
    }
    m.put(Person.INSTRUCTOR, List.of(
        ok(NONE), ok(), is(404), is(403), is(403), is(403), is(403),
        ok(SHIZHONG_OFFERS), ok(), is(403), ok(SHIZHONG_OFFERS), ok(SHIZHONG_OFFERS), ok(SHIZHONG_OFFERS), ok(S1),
        is(403), ok(), is(403), is(403), is(403), is(403), is(403), is(403),
        is(200), is(403), is(403), is(403), ok("cockpit", "tasklist", "welcome"), ok(), is(403)));
    m.put(Person.ASSOCIATION, List.of(
        ok(NONE), ok(), is(404), is(403), is(403), is(403), is(403),
        ok(S3), is(403), is(403), ok(S3), ok(S3), ok(S3), ok(NONE),
        is(403), ok(), is(403), is(403), is(403), is(403), is(403), is(403),
        is(403), is(403), is(403), is(403), ok("tasklist", "welcome"), is(403), is(403)));
    m.put(Person.ADMIN, List.of(
        ok(ALL_TASKS), ok(), is(200), ok(), is(204), is(204), is(204),
        ok(ALL_OFFERS), ok(), is(204), ok(ALL_OFFERS), ok(ALL_OFFERS), ok(ALL_OFFERS), ok(S1, W1),
        ok(), ok(), is(204), is(204), is(200), is(200), is(204), is(204),
        is(200), is(201), ok(WHOLE_CITY), is(200), ok("admin", "cockpit", "tasklist", "welcome"), ok(), is(200)));
    List<Expect> anonymous = new ArrayList<>();
    for (Action a : Action.values()) {
      anonymous.add(is(401));
    }
    m.put(Person.ANONYMOUS, anonymous);
    return m;
  }

  Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    matrix().forEach((person, expectations) -> {
      assertThat(expectations).as(person + " has one expectation per action").hasSize(Action.values().length);
      for (Action action : Action.values()) {
        cells.add(Arguments.of(person, action, expectations.get(action.ordinal())));
      }
    });
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} · {1} → {2}")
  @MethodSource("cells")
  @DisplayName("角色与权限：每个人对每个操作的结果（状态码，列表中出现哪些要约）")
  void cell(Person person, Action action, Expect expected) {
    if (enterpriseA == null) {
      fixture();
    }
    Found found = run(person, action);

    String cell = person.chinese + " · " + action.chinese;
    assertThat(found.status()).as(cell + " status").isEqualTo(expected.status());
    assertThat(found.problem()).as(cell).isNull();
    if (expected.labels() != null && found.labels() != null) {
      assertThat(found.labels()).as(cell + ": which come back").containsExactlyInAnyOrderElementsOf(expected.labels());
    }
    if (found.instanceIds() != null) {
      List<String> outOfScope = found.instanceIds().stream().filter(id -> !inScope(person, id)).distinct().toList();
      assertThat(outOfScope).as(cell + ": instances outside " + person.chinese + "'s scope").isEmpty();
    }
    if (expected.labels() != null && expected.status() == 200 && found.labels() == null && found.instanceIds() == null
        && !expected.labels().isEmpty()) {
      throw new AssertionError(cell + ": expected a list");
    }
  }
}
