package cn.collectivenegotiation.offer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.identity.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Test offers: a valid one to start from, changed field by field. */
public final class Offers {

  /** Credit codes with valid GB 32100-2015 check characters. */
  public static final String ENTERPRISE = "91511102MA62B0002G";
  public static final String OTHER_ENTERPRISE = "91511111MA62C0003C";

  private Offers() {}

  /** A valid credit code numbered n (0..99999), for tests that need many enterprises. */
  public static String creditCode(int n) {
    String first17 = "91511102MA62" + "%05d".formatted(n);
    return first17 + CreditCode.checkCharacter(first17);
  }

  /** A union offer to enterprise n of a reporting unit. */
  public static Map<String, Object> unionOffer(String offerDate, int enterprise, String unit, int workforce) {
    Map<String, Object> offer = unionOffer(offerDate);
    offer.put("creditCode", creditCode(enterprise));
    offer.put("enterpriseName", "测试企业" + enterprise);
    offer.put("reportingUnit", unit);
    offer.put("workforce", workforce);
    return offer;
  }

  public static Map<String, Object> unionOffer(String offerDate) {
    Map<String, Object> offer = new HashMap<>();
    offer.put("offerorSide", "UNION");
    offer.put("onBehalf", "NONE");
    offer.put("creditCode", ENTERPRISE);
    offer.put("enterpriseName", "乐山市示范机械有限公司");
    offer.put("reportingUnit", "SHIZHONG");
    offer.put("workforce", 320);
    offer.put("topics", List.of("WAGE_ADJUSTMENT", "LABOUR_PROTECTION"));
    offer.put("offerDate", offerDate);
    return offer;
  }

  /** Sends an offer as other systems do ({@code POST /api/offers}) and returns its offer number. */
  public static String sendOverHttp(TestRestTemplate http, String user, Map<String, Object> offer) {
    ResponseEntity<JsonNode> sent = http.withBasicAuth(user, TestUsers.password(user))
        .postForEntity("/api/offers", offer, JsonNode.class);
    assertThat(sent.getStatusCode()).as(String.valueOf(sent.getBody())).isEqualTo(HttpStatus.CREATED);
    return sent.getBody().get("offerNumber").asText();
  }
}
