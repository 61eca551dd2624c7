package cn.collectivenegotiation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.cockpit.CampaignFixture;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.Offers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervisors' journey in Cockpit, in headless Chromium: the city union logs in, finds 集中要约月 in the
 * header, reads the campaign per reporting unit (table and chart) and opens the offers behind a figure,
 * then one offer's process instance. Offers of 2020 (no other test's), started through the engine.
 */
@ProductTest
class CampaignCockpitBrowserTest {

  @RegisterExtension static final Browser browser = new Browser();

  static final String CAMPAIGN = "2020年度集体协商“集中要约月”活动";
  static CampaignFixture fixture;

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngine engine;

  CockpitPage cockpit;

  @BeforeEach
  void campaignOf2020() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
    if (fixture == null) {
      fixture = CampaignFixture.in(2020, engine, http);
    }
    CampaignFixture.now("2020" + CampaignFixture.AFTER);
    cockpit = new CockpitPage(browser, port);
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("市总工会在 Cockpit：集中要约月 → 16个单位和全市的表与图 → 点击逾期数字 → 要约 → 其流程实例")
  void cityUnionFollowsTheCampaignToAnOffer() {
    cockpit.logIn(TestUsers.CITY_OFFICER);
    assertThat(cockpit.menu()).contains("流程", "集中要约月");
    assertThat(cockpit.dashboardSummary()).contains("集中要约月", "发出要约", "逾期未应约", "建制率");
    browser.screenshot("1-dashboard");

    cockpit.openCampaign(CAMPAIGN);
    assertThat(cockpit.tableHeadings()).containsExactly("填报单位", "发出要约", "回应约", "逾期未应约", "整改中",
        "人社局责令改正中", "已签订合同", "合同覆盖职工人数", "建制率", "对照目标");
    assertThat(cockpit.rowNames()).hasSize(17).startsWith("市中区", "沙湾区", "五通桥区").endsWith("市交通工会", "全市");
    assertThat(cockpit.row("市中区")).startsWith("市中区", "4", "2", "2", "1", "1", "1", "300");
    assertThat(cockpit.row("五通桥区")).startsWith("五通桥区", "1", "1", "0", "0", "0", "0", "0");
    assertThat(cockpit.row("沙湾区")).startsWith("沙湾区", "0", "0", "0", "0", "0", "0", "0");
    assertThat(cockpit.row("全市")).startsWith("全市", "5", "3", "2", "1", "1", "1", "300");
    assertThat(cockpit.chartRows()).hasSize(16);
    assertThat(cockpit.chartText()).contains("要约、应约与签订合同（企业数）", "建制率（目标 92.0%）", "发出要约", "回应约",
        "已签订合同", "市中区", "4 / 2 / 1", "五通桥区", "1 / 1 / 0");
    browser.screenshot("2-campaign");

    assertThat(cockpit.openFigure("市中区", "逾期未应约")).isEqualTo("市中区 · 逾期未应约（2）");
    assertThat(cockpit.listedOffers()).containsExactlyInAnyOrder(
        fixture.offerNumber("rectification"), fixture.offerNumber("labourBureau"));
    // delivered 2020-03-01: the 20th day is a Saturday, so the period ends on Monday 2020-03-23
    assertThat(cockpit.pageText()).contains("整改中", "人社局责令改正", "2020-03-23");
    browser.screenshot("3-overdue-offers");

    cockpit.openOffer(fixture.offerNumber("labourBureau"));
    assertThat(cockpit.currentUrl()).contains("/process-instance/" + fixture.offer("labourBureau").getId());
    assertThat(cockpit.pageText()).contains(fixture.offerNumber("labourBureau"));
    browser.screenshot("4-offer-instance");
  }

  @Test
  @DisplayName("市中区总工会在 Cockpit：只有市中区一行，没有全市合计；点击已签订合同 → 那份要约")
  void aUnitsUnionSeesItsOwnUnit() {
    cockpit.logIn(TestUsers.SHIZHONG_OFFICER).openCampaign(CAMPAIGN);
    assertThat(cockpit.rowNames()).containsExactly("市中区");
    assertThat(cockpit.row("市中区")).startsWith("市中区", "4", "2", "2", "1", "1", "1", "300");
    assertThat(cockpit.chartRows()).hasSize(1);
    assertThat(cockpit.pageText()).contains("本单位").doesNotContain("全市16个填报单位");

    assertThat(cockpit.openFigure("市中区", "已签订合同")).isEqualTo("市中区 · 已签订合同（1）");
    assertThat(cockpit.listedOffers()).containsExactly(fixture.offerNumber("signed"));
    assertThat(cockpit.pageText()).contains("新签");
    browser.screenshot("1-own-unit");
  }
}
