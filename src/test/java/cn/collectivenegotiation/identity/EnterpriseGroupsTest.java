package cn.collectivenegotiation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.offer.CreditCode;
import cn.collectivenegotiation.offer.Offers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** An installation without demo data: the enterprises' groups come with the enterprises. */
@ProductTest
class EnterpriseGroupsTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired EnterpriseGroups enterpriseGroups;
  @Autowired ProcessEngine engine;
  @Autowired Organisation organisation;

  @BeforeEach
  void people() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
  }

  static String code(int n) {
    String first17 = "91511102MAGR" + "%05d".formatted(n);
    return first17 + CreditCode.checkCharacter(first17);
  }

  Group group(String id) {
    return identityService.createGroupQuery().groupId(id).singleResult();
  }

  @Test
  @DisplayName("导入企业名录 → 每家企业有企业行政组和企业工会组，以企业名称命名")
  void importMakesTheGroups() {
    String code = code(1);
    String csv = "统一社会信用代码,企业名称,填报单位,职工人数,是否建立工会,是否签订集体合同,是否签订专项集体合同,集体合同到期日\n"
        + code + ",乐山市导入建组有限公司,市中区,150,是,否,否,\n";
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "名录.csv";
      }
    });
    assertThat(http.withBasicAuth(TestUsers.CITY_OFFICER, TestUsers.password(TestUsers.CITY_OFFICER))
        .postForEntity("/api/enterprises/import", parts, JsonNode.class).getStatusCode().value()).isEqualTo(200);

    assertThat(group("enterprise-" + code).getName()).isEqualTo("乐山市导入建组有限公司（企业行政）");
    assertThat(group("enterprise-" + code).getType()).isEqualTo(EnterpriseGroups.MANAGEMENT_TYPE);
    assertThat(group("enterprise-union-" + code).getName()).isEqualTo("乐山市导入建组有限公司工会");
    assertThat(group("enterprise-union-" + code).getType()).isEqualTo(EnterpriseGroups.UNION_TYPE);
  }

  @Test
  @DisplayName("要约送达新企业 → 建立其两个组；管理员改过的组名不被覆盖")
  void offerMakesTheGroupsAndKeepsAnAdministratorsName() {
    String code = code(2);
    Map<String, Object> offer = Offers.unionOffer(LegalTime.today().toString());
    offer.put("creditCode", code);
    offer.put("enterpriseName", "乐山市要约建组有限公司");
    TestRestTemplate officer = http.withBasicAuth(TestUsers.SHIZHONG_OFFICER, TestUsers.password(TestUsers.SHIZHONG_OFFICER));
    ResponseEntity<JsonNode> sent = officer.postForEntity("/api/offers", offer, JsonNode.class);
    assertThat(sent.getStatusCode().value()).isEqualTo(201);
    assertThat(group("enterprise-" + code).getName()).isEqualTo("乐山市要约建组有限公司（企业行政）");
    assertThat(group("enterprise-union-" + code).getName()).isEqualTo("乐山市要约建组有限公司工会");

    Group renamed = group("enterprise-union-" + code);
    renamed.setName("要约建组公司工会委员会");
    identityService.saveGroup(renamed);
    assertThat(officer.postForEntity("/api/offers", offer, JsonNode.class).getStatusCode().value()).isEqualTo(201);
    assertThat(group("enterprise-union-" + code).getName()).isEqualTo("要约建组公司工会委员会");
  }

  @Test
  @DisplayName("要约送达新企业 → 本单位工会可读该企业两个组的名称（Tasklist 显示组名而非编号），其他单位不可")
  void theUnitsUnionReadsTheGroupsOfTheEnterprisesItsOffersReach() {
    String code = code(6);
    Map<String, Object> offer = Offers.unionOffer(LegalTime.today().toString());
    offer.put("creditCode", code);
    offer.put("enterpriseName", "乐山市组名可读有限公司");
    TestRestTemplate shizhong = http.withBasicAuth(TestUsers.SHIZHONG_OFFICER, TestUsers.password(TestUsers.SHIZHONG_OFFICER));
    assertThat(shizhong.postForEntity("/api/offers", offer, JsonNode.class).getStatusCode().value()).isEqualTo(201);

    for (String id : List.of("enterprise-" + code, "enterprise-union-" + code)) {
      ResponseEntity<JsonNode> own = shizhong.getForEntity("/engine-rest/group/" + id, JsonNode.class);
      assertThat(own.getStatusCode().value()).isEqualTo(200);
      assertThat(own.getBody().path("name").asText()).startsWith("乐山市组名可读有限公司");
      ResponseEntity<JsonNode> other = http.withBasicAuth(TestUsers.WUTONGQIAO_OFFICER,
          TestUsers.password(TestUsers.WUTONGQIAO_OFFICER)).getForEntity("/engine-rest/group/" + id, JsonNode.class);
      assertThat(other.getStatusCode().value()).isIn(403, 404);
    }
  }

  @Test
  @DisplayName("管理员建组时未填名称 → 要约送达后组名为企业名称，企业人员在引擎 API 中看到中文组名")
  void anOfferNamesGroupsMadeWithoutAName() {
    String code = code(3);
    identityService.saveGroup(identityService.newGroup("enterprise-" + code));
    identityService.saveGroup(identityService.newGroup("enterprise-union-" + code));
    TestUsers.user(identityService, "manager3", "enterprise-" + code);
    assertThat(groupNamesSeenBy("manager3")).containsExactly(Map.entry("enterprise-" + code, ""));

    Map<String, Object> offer = Offers.unionOffer(LegalTime.today().toString());
    offer.put("creditCode", code);
    offer.put("enterpriseName", "乐山市无名建组有限公司");
    assertThat(http.withBasicAuth(TestUsers.SHIZHONG_OFFICER, TestUsers.password(TestUsers.SHIZHONG_OFFICER))
        .postForEntity("/api/offers", offer, JsonNode.class).getStatusCode().value()).isEqualTo(201);

    assertThat(groupNamesSeenBy("manager3"))
        .containsExactly(Map.entry("enterprise-" + code, "乐山市无名建组有限公司（企业行政）"));
    // what Tasklist shows under the task's 组 (the name, or the id of a group without one)
    String respond = engine.getTaskService().createTaskQuery().taskCandidateGroup("enterprise-" + code)
        .taskDefinitionKey("respondToOffer").singleResult().getId();
    assertThat(candidateGroupsShownTo("manager3", respond)).containsExactly("乐山市无名建组有限公司（企业行政）");
    // the city union reads every offer's tasks, and the names of the groups on them
    assertThat(candidateGroupsShownTo(TestUsers.CITY_OFFICER, respond)).containsExactly("乐山市无名建组有限公司（企业行政）");
    assertThat(group("enterprise-union-" + code).getName()).isEqualTo("乐山市无名建组有限公司工会");
  }

  @Test
  @DisplayName("名录导入更正企业名称 → 以原名称命名的组随之更正，管理员改过名的组不变")
  void anImportCorrectsTheNameTheGroupsHadFromTheOffer() {
    String code = code(4);
    Map<String, Object> offer = Offers.unionOffer(LegalTime.today().toString());
    offer.put("creditCode", code);
    offer.put("enterpriseName", "乐山简称机械");
    assertThat(http.withBasicAuth(TestUsers.SHIZHONG_OFFICER, TestUsers.password(TestUsers.SHIZHONG_OFFICER))
        .postForEntity("/api/offers", offer, JsonNode.class).getStatusCode().value()).isEqualTo(201);
    assertThat(group("enterprise-" + code).getName()).isEqualTo("乐山简称机械（企业行政）");
    Group renamed = group("enterprise-union-" + code);
    renamed.setName("简称机械工会委员会");
    identityService.saveGroup(renamed);

    assertThat(importRow(code, "乐山市全称机械制造有限公司").getStatusCode().value()).isEqualTo(200);

    TestUsers.user(identityService, "manager4", "enterprise-" + code);
    assertThat(groupNamesSeenBy("manager4"))
        .containsExactly(Map.entry("enterprise-" + code, "乐山市全称机械制造有限公司（企业行政）"));
    assertThat(group("enterprise-union-" + code).getName()).isEqualTo("简称机械工会委员会");
  }

  @Test
  @DisplayName("企业名称未知时组名为“统一社会信用代码为…的企业”，名称得知后改为企业名称")
  void aGroupWithoutTheEnterprisesNameIsNamedByItsCreditCodeUntilTheNameIsKnown() {
    String code = code(5);
    enterpriseGroups.ensure(code, null);
    assertThat(group("enterprise-" + code).getName()).isEqualTo("统一社会信用代码为" + code + "的企业（企业行政）");
    assertThat(group("enterprise-union-" + code).getName()).isEqualTo("统一社会信用代码为" + code + "的企业工会");

    assertThat(importRow(code, "乐山市后补名称有限公司").getStatusCode().value()).isEqualTo(200);
    assertThat(group("enterprise-" + code).getName()).isEqualTo("乐山市后补名称有限公司（企业行政）");
    assertThat(group("enterprise-union-" + code).getName()).isEqualTo("乐山市后补名称有限公司工会");
  }

  /** The groups a person belongs to, as the engine's REST API lists them to that person: id → name. */
  private Map<String, String> groupNamesSeenBy(String user) {
    ResponseEntity<JsonNode> answer = http.withBasicAuth(user, TestUsers.password(user))
        .getForEntity("/engine-rest/group?member=" + user + "&maxResults=50", JsonNode.class);
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    JsonNode groups = answer.getBody();
    Map<String, String> names = new LinkedHashMap<>();
    groups.forEach(g -> names.put(g.get("id").asText(), g.path("name").isNull() ? "" : g.path("name").asText("")));
    return names;
  }

  @Test
  @DisplayName("常设组名称为空、空白或等于组号 → 启动时补上中文名称；管理员改过的名称不变（与企业组同一判断）")
  void aStandingGroupWithoutARealNameGetsItsChineseName() {
    Map<String, String> made = new LinkedHashMap<>();
    made.put("standing-none", null);
    made.put("standing-blank", "  ");
    made.put("standing-id", "standing-id");
    made.put("standing-renamed", "管理员改过的组名");
    made.forEach((id, name) -> {
      Group g = identityService.newGroup(id);
      g.setName(name);
      identityService.saveGroup(g);
      organisation.ensureGroup(id, "测试常设组", "WORKFLOW");
    });
    assertThat(group("standing-none").getName()).isEqualTo("测试常设组");
    assertThat(group("standing-blank").getName()).isEqualTo("测试常设组");
    assertThat(group("standing-id").getName()).isEqualTo("测试常设组");
    assertThat(group("standing-renamed").getName()).isEqualTo("管理员改过的组名");
  }

  /**
   * A task's candidate groups as Tasklist shows them: it reads the task as HAL (the groups the reader may see
   * embedded beside the identity links), joins each candidate link to its group by id, and shows the group's
   * name, or the id when there is no name or no group it may see.
   */
  private List<String> candidateGroupsShownTo(String user, String taskId) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Accept", "application/hal+json");
    ResponseEntity<JsonNode> task = http.withBasicAuth(user, TestUsers.password(user)).exchange("/engine-rest/task/" + taskId,
        HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    assertThat(task.getStatusCode().value()).as(String.valueOf(task.getBody())).isEqualTo(200);
    JsonNode embedded = task.getBody().path("_embedded");
    Map<String, String> names = new LinkedHashMap<>();
    embedded.path("group").forEach(g -> names.put(g.path("id").asText(), g.path("name").isNull() ? "" : g.path("name").asText("")));
    List<String> shown = new ArrayList<>();
    embedded.path("identityLink").forEach(link -> {
      if ("candidate".equals(link.path("type").asText()) && !link.path("groupId").isNull()) {
        String id = link.path("groupId").asText();
        String name = names.getOrDefault(id, "");
        shown.add(name.isEmpty() ? id : name);
      }
    });
    return shown;
  }

  private ResponseEntity<JsonNode> importRow(String code, String name) {
    String csv = "统一社会信用代码,企业名称,填报单位,职工人数,是否建立工会,是否签订集体合同,是否签订专项集体合同,集体合同到期日\n"
        + code + "," + name + ",市中区,150,是,否,否,\n";
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "名录.csv";
      }
    });
    return http.withBasicAuth(TestUsers.CITY_OFFICER, TestUsers.password(TestUsers.CITY_OFFICER))
        .postForEntity("/api/enterprises/import", parts, JsonNode.class);
  }
}
