package cn.collectivenegotiation.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.identity.WebappSession.Answer;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.identity.WebappSession;
import cn.collectivenegotiation.offer.Offers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Cockpit plugin's data over HTTP as Cockpit's page reads it: logged in through the webapp's own
 * form, with its session cookie and CSRF token, never HTTP basic. Offers of 2021 (no other test's).
 */
@ProductTest
class CampaignCockpitPluginTest {

  static final String PLUGIN = "/camunda/api/cockpit/plugin/campaign/default";

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngine engine;

  // one campaign for the class: the offers of 2021 are counted once, whatever the order of the tests
  static CampaignFixture fixture;

  @BeforeEach
  void campaignOf2021() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
    if (fixture == null) {
      fixture = CampaignFixture.in(2021, engine, http);
    }
    CampaignFixture.now("2021" + CampaignFixture.AFTER);
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  WebappSession cockpit(String user) {
    WebappSession session = new WebappSession(port);
    assertThat(session.logIn(user, "cockpit")).as("login of " + user).isEqualTo(200);
    return session;
  }

  static JsonNode unit(JsonNode table, String code) {
    return StreamSupport.stream(table.get("units").spliterator(), false)
        .filter(u -> u.get("unit").asText().equals(code)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("市总工会在 Cockpit 看到16个填报单位和全市合计，数字与发出的要约一致，与 /api 的统计表相同")
  void cityUnionSeesEveryUnitWithTheOffersCounted() {
    WebappSession city = cockpit(TestUsers.CITY_OFFICER);

    Answer campaigns = city.get(PLUGIN + "/campaigns");
    assertThat(campaigns.status()).isEqualTo(200);
    assertThat(campaigns.body().findValuesAsText("id")).contains(fixture.campaignId);

    Answer read = city.get(PLUGIN + "/campaigns/" + fixture.campaignId + "/statistics");
    assertThat(read.status()).isEqualTo(200);
    JsonNode table = read.body();
    assertThat(table.get("units")).hasSize(16);
    assertThat(table.get("targetRate").asDouble()).isEqualTo(0.92);

    JsonNode shizhong = unit(table, "SHIZHONG");
    assertThat(shizhong.get("unitName").asText()).isEqualTo("市中区");
    assertThat(shizhong.at("/total/offered").asLong()).isEqualTo(4);
    assertThat(shizhong.at("/total/responded").asLong()).isEqualTo(2);
    assertThat(shizhong.get("overdue").asLong()).as("two offers never answered").isEqualTo(2);
    assertThat(shizhong.get("inRectification").asLong()).isEqualTo(1);
    assertThat(shizhong.get("atLabourBureau").asLong()).as("the petitioned one").isEqualTo(1);
    assertThat(shizhong.at("/total/newlySigned/enterprises").asLong()).isEqualTo(1);
    assertThat(shizhong.at("/total/newlySigned/workers").asLong()).isEqualTo(300);
    assertThat(shizhong.at("/total/renewed/enterprises").asLong()).isZero();
    assertThat(shizhong.has("establishmentRate")).isTrue();

    JsonNode wutongqiao = unit(table, "WUTONGQIAO");
    assertThat(wutongqiao.at("/total/offered").asLong()).isEqualTo(1);
    assertThat(wutongqiao.at("/total/responded").asLong()).isEqualTo(1);
    assertThat(wutongqiao.get("overdue").asLong()).isZero();

    assertThat(table.at("/city/unit").asText()).isEqualTo("CITY");
    assertThat(table.at("/city/total/offered").asLong()).isEqualTo(5);
    assertThat(table.at("/city/total/responded").asLong()).isEqualTo(3);
    assertThat(table.at("/city/overdue").asLong()).isEqualTo(2);
    assertThat(table.at("/city/inRectification").asLong()).isEqualTo(1);
    assertThat(table.at("/city/atLabourBureau").asLong()).isEqualTo(1);

    JsonNode api = http.withBasicAuth(TestUsers.CITY_OFFICER, TestUsers.password(TestUsers.CITY_OFFICER))
        .getForObject("/api/campaigns/" + fixture.campaignId + "/statistics", JsonNode.class);
    assertThat(table).as("the same reading as /api/campaigns/{id}/statistics").isEqualTo(api);
  }

  @Test
  @DisplayName("数字背后的要约：逾期未应约的两份要约，各带流程实例；人社局一份；签订一份")
  void theOffersBehindAFigure() {
    WebappSession city = cockpit(TestUsers.CITY_OFFICER);
    String offers = PLUGIN + "/campaigns/" + fixture.campaignId + "/offers";

    Answer overdue = city.get(offers + "?figure=OVERDUE&unit=SHIZHONG");
    assertThat(overdue.status()).isEqualTo(200);
    assertThat(overdue.body().findValuesAsText("offerNumber"))
        .containsExactlyInAnyOrder(fixture.offerNumber("rectification"), fixture.offerNumber("labourBureau"));
    assertThat(overdue.body().findValuesAsText("processInstanceId"))
        .containsExactlyInAnyOrder(fixture.offer("rectification").getId(), fixture.offer("labourBureau").getId());

    JsonNode atBureau = city.get(offers + "?figure=LABOUR_BUREAU&unit=SHIZHONG").body();
    assertThat(atBureau.findValuesAsText("offerNumber")).containsExactly(fixture.offerNumber("labourBureau"));
    assertThat(atBureau.findValuesAsText("status")).containsExactly("LABOUR_BUREAU");

    JsonNode signed = city.get(offers + "?figure=SIGNED").body();
    assertThat(signed.findValuesAsText("offerNumber")).containsExactly(fixture.offerNumber("signed"));
    assertThat(signed.findValuesAsText("contractKind")).containsExactly("NEW");

    assertThat(city.get(offers + "?figure=RESPONDED").body().findValuesAsText("reportingUnit"))
        .containsExactlyInAnyOrder("SHIZHONG", "SHIZHONG", "WUTONGQIAO");

    Answer unknown = city.get(offers + "?figure=LATE");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("field").asText()).isEqualTo("figure");
    assertThat(city.get(offers + "?figure=OVERDUE&unit=NOWHERE").body().get("field").asText()).isEqualTo("unit");
    assertThat(city.get(PLUGIN + "/campaigns/999999/statistics").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("市中区总工会只看到市中区，没有全市合计；别的单位的要约 403")
  void aUnitsUnionSeesItsUnitOnly() {
    WebappSession shizhong = cockpit(TestUsers.SHIZHONG_OFFICER);

    JsonNode table = shizhong.get(PLUGIN + "/campaigns/" + fixture.campaignId + "/statistics").body();
    assertThat(table.get("units")).hasSize(1);
    assertThat(table.at("/units/0/unit").asText()).isEqualTo("SHIZHONG");
    assertThat(table.at("/units/0/total/offered").asLong()).isEqualTo(4);
    assertThat(table.get("city").isNull()).isTrue();

    String offers = PLUGIN + "/campaigns/" + fixture.campaignId + "/offers";
    assertThat(shizhong.get(offers + "?figure=OFFERED").body().findValuesAsText("reportingUnit"))
        .hasSize(4).containsOnly("SHIZHONG");
    Answer other = shizhong.get(offers + "?figure=OFFERED&unit=WUTONGQIAO");
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.body().get("detail").asText()).contains("无权");
  }

  @Test
  @DisplayName("企业用户：不能登录 Cockpit；以 Tasklist 的会话调用插件 → 403；未登录 → 401")
  void anEnterpriseIsRefused() {
    WebappSession refused = new WebappSession(port);
    assertThat(refused.logIn(TestUsers.ENTERPRISE_MANAGER, "cockpit")).isEqualTo(403);
    assertThat(refused.get(PLUGIN + "/campaigns").status()).isEqualTo(401);

    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.logIn(TestUsers.ENTERPRISE_MANAGER, "tasklist")).isEqualTo(200);
    for (String path : List.of("/campaigns", "/campaigns/" + fixture.campaignId + "/statistics",
        "/campaigns/" + fixture.campaignId + "/offers?figure=OFFERED")) {
      Answer answer = tasklist.get(PLUGIN + path);
      assertThat(answer.status()).as(path).isEqualTo(403);
      assertThat(answer.body().toString()).as(path).doesNotContain(fixture.offerNumber("signed"));
    }

    assertThat(new WebappSession(port).get(PLUGIN + "/campaigns").status()).isEqualTo(401);
  }
}
