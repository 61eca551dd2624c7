package cn.collectivenegotiation.regional;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.Offers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A regional offer through {@code POST /api/offers} ({@code offerKind: REGIONAL}), as a union's system sends it. */
@ProductTest
class RegionalOfferApiTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;

  @BeforeEach
  void people() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
  }

  static Map<String, Object> regional() {
    Map<String, Object> o = new HashMap<>();
    o.put("offerKind", "REGIONAL");
    o.put("offerorSide", "UNION");
    o.put("creditCode", Offers.creditCode(6000));
    o.put("enterpriseName", "乐山市五通桥区化工行业协会");
    o.put("reportingUnit", "WUTONGQIAO");
    o.put("topics", List.of("WAGE_FLOOR", "LABOUR_QUOTA"));
    o.put("offerDate", LegalTime.today().toString());
    o.put("coveredEnterprises", List.of(
        Map.of("creditCode", Offers.creditCode(6001), "enterpriseName", "甲化工", "workforce", 120),
        Map.of("creditCode", Offers.creditCode(6002), "enterpriseName", "乙化工", "workforce", 80)));
    return o;
  }

  ResponseEntity<JsonNode> post(String user, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, TestUsers.password(user))
        .exchange("/api/offers", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  @Test
  @DisplayName("五通桥区工会发出区域性要约 → 201；查询得到覆盖企业、职工合计和待应约状态")
  void sendAndRead() {
    ResponseEntity<JsonNode> sent = post(TestUsers.WUTONGQIAO_OFFICER, regional());
    assertThat(sent.getStatusCode()).as(String.valueOf(sent.getBody())).isEqualTo(HttpStatus.CREATED);
    String number = sent.getBody().get("offerNumber").asText();
    assertThat(number).matches(LegalTime.today().getYear() + "-WUTONGQIAO-\\d{6}");

    JsonNode view = http.withBasicAuth(TestUsers.WUTONGQIAO_OFFICER, TestUsers.password(TestUsers.WUTONGQIAO_OFFICER))
        .getForObject("/api/offers/" + number, JsonNode.class);
    assertThat(view.get("status").asText()).isEqualTo("AWAITING_RESPONSE");
    assertThat(view.at("/offer/offerKind").asText()).isEqualTo("REGIONAL");
    assertThat(view.at("/offer/workforce").asInt()).isEqualTo(200);
    assertThat(view.at("/offer/coveredEnterprises")).hasSize(2);
    assertThat(view.at("/offer/coveredEnterprises/0/enterpriseName").asText()).isEqualTo("甲化工");
  }

  @Test
  @DisplayName("区域性要约有误 → 400 指明覆盖企业的哪一项；其他单位的工会无权发出")
  void badInputAndOtherUnits() {
    Map<String, Object> bad = regional();
    bad.put("coveredEnterprises", List.of(Map.of("creditCode", Offers.creditCode(6001), "enterpriseName", "甲化工", "workforce", 0),
        Map.of("creditCode", "91511102MA62B0002X", "enterpriseName", "乙化工", "workforce", 80)));
    ResponseEntity<JsonNode> refused = post(TestUsers.WUTONGQIAO_OFFICER, bad);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("coveredEnterprises[0].workforce").contains("coveredEnterprises[1].creditCode");

    assertThat(post(TestUsers.SHIZHONG_OFFICER, regional()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
