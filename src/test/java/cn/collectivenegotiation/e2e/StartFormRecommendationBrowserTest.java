package cn.collectivenegotiation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.Offers;
import cn.collectivenegotiation.offer.ReportingUnit;
import cn.collectivenegotiation.registry.Enterprise;
import cn.collectivenegotiation.registry.EnterpriseRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The officer of 市中区总工会 sends an offer to an enterprise of the registry: typing its credit code into the
 * start form brings up the topics {@code negotiation-topics} recommends for its situation, the officer ticks
 * from them, and the offer carries what was ticked and the recommendation ({@code GET /api/offers/{n}}).
 */
@ProductTest
class StartFormRecommendationBrowserTest {

  @RegisterExtension static final Browser browser = new Browser();

  static final String OFFER = "集体协商要约";
  /** An enterprise of 市中区 in difficulty, with women two thirds of its workers. */
  static final String ENTERPRISE = Offers.creditCode(7311);
  static final String NAME = "乐山市推荐测试纺织有限公司";
  static final String RECOMMENDED =
      "工资调整与收入分配、劳动保障、工资支付办法、工资支付保障机制、息工待岗职工生活费、女职工专项";

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired EnterpriseRegistry registry;

  TasklistPage tasklist;

  @BeforeEach
  void enterpriseAndPeople() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
    registry.save(new Enterprise(ENTERPRISE, NAME, ReportingUnit.SHIZHONG, "纺织业", 300, 200,
        true, false, false, null, false, false, true, false, false, null, "test"));
    tasklist = new TasklistPage(browser, port);
  }

  @Test
  @DisplayName("开始表单：填入登记企业的信用代码 → 显示推荐协商议题 → 干部勾选后发出要约，要约带着所选议题和推荐")
  void theStartFormShowsTheRecommendation() {
    tasklist.logIn(TestUsers.SHIZHONG_OFFICER);
    CamundaForm start = tasklist.startProcess(OFFER);
    assertThat(start.text()).contains("统一社会信用代码", "协商议题").doesNotContain("推荐协商议题");

    start.type("统一社会信用代码", ENTERPRISE);
    browser.waiting().until(d -> start.text().contains("推荐协商议题"));
    assertThat(start.text()).contains("推荐协商议题：" + RECOMMENDED + "。").contains("企业名录", "供参考")
        .doesNotContain("\\n");
    browser.screenshot("1-recommendation-shown");
    // it follows the code typed: an enterprise the registry does not know has none
    start.type("统一社会信用代码", Offers.creditCode(7398));
    browser.waiting().until(d -> !start.text().contains("推荐协商议题"));
    start.type("统一社会信用代码", ENTERPRISE);
    browser.waiting().until(d -> start.text().contains("推荐协商议题：" + RECOMMENDED));

    // the officer decides: two of the recommended topics
    start.type("企业名称", NAME)
        .select("填报单位", "市中区")
        .type("职工人数", "300")
        .choose("协商议题", "工资支付办法")
        .choose("协商议题", "女职工专项")
        .date("要约日期", LegalTime.today());
    browser.screenshot("2-topics-ticked");
    assertThat(tasklist.start()).contains("流程已启动");

    ProcessInstance offer = runtimeService.createProcessInstanceQuery().processDefinitionKey("collective-offer")
        .variableValueEquals("creditCode", ENTERPRISE).singleResult();
    assertThat(offer).as("the offer started from the form").isNotNull();
    JsonNode read = http.withBasicAuth(TestUsers.SHIZHONG_OFFICER, TestUsers.password(TestUsers.SHIZHONG_OFFICER))
        .getForObject("/api/offers/" + offer.getBusinessKey(), JsonNode.class).get("offer");
    assertThat(read.get("recommendedTopics").asText()).isEqualTo(RECOMMENDED);
    assertThat(read.get("topics").toString()).contains("WAGE_PAYMENT", "WOMEN_WORKERS")
        .doesNotContain("IDLE_ALLOWANCE", "WAGE_ADJUSTMENT");
    assertThat(read.get("enterpriseName").asText()).isEqualTo(NAME);
  }
}
