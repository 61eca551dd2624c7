package cn.collectivenegotiation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.offer.CreditCode;
import cn.collectivenegotiation.offer.Offers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** An installation without demo data: the enterprises' groups come with the enterprises. */
@ProductTest
class EnterpriseGroupsTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;

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
}
