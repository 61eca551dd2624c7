package cn.collectivenegotiation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.identity.Organisation;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.Offers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The offer chain as people work it, in headless Chromium against the running product: an officer of
 * 市中区总工会 sends an offer from the start form, the enterprise answers it in Tasklist, and an offer
 * left unanswered reaches the upper union when its deadline passes. One test method per journey; each
 * step asserts what the user sees and keeps a screenshot (target/e2e-screenshots/).
 *
 * <p>Time is the engine's clock (same JVM as the server): a deadline passes by moving it and executing
 * the timer job, never by sleeping. Waiting is for the browser only.
 *
 * <p>The supervisors' journey in Cockpit (the campaign view) is {@link CampaignCockpitBrowserTest}, with
 * {@link CockpitPage} beside {@link TasklistPage}.
 */
@ProductTest
class OfferChainBrowserTest {

  @RegisterExtension static final Browser browser = new Browser();

  static final String OFFER = "集体协商要约";
  static final String RESPOND = "应约";
  static final String REVIEW_REFUSAL = "审查拒绝理由";
  static final String RECTIFICATION = "发出整改意见书或约谈";

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  TasklistPage tasklist;

  @BeforeEach
  void people() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
    tasklist = new TasklistPage(browser, port);
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("登录页和 Tasklist 说中文：用户名、密码、登录；发起流程与三个过滤器")
  void logInInChinese() {
    tasklist.open();
    assertThat(tasklist.usernamePlaceholder()).isEqualTo("用户名");
    assertThat(tasklist.passwordPlaceholder()).isEqualTo("密码");
    assertThat(tasklist.signInButton()).isEqualTo("登录");
    browser.screenshot("1-login");

    tasklist.logIn(TestUsers.SHIZHONG_OFFICER);
    assertThat(tasklist.header()).contains("发起流程").contains("创建任务");
    assertThat(tasklist.userName()).isEqualTo(TestUsers.SHIZHONG_OFFICER + " 测试");
    assertThat(tasklist.filters()).containsSubsequence(
        Organisation.FILTER_MY_TASKS, Organisation.FILTER_DUE_SOON, Organisation.FILTER_OVERDUE);
    browser.screenshot("2-tasklist");
  }

  @Test
  @DisplayName("工会从开始表单发出要约 → 企业在 Tasklist 看到应约并说明理由拒绝 → 工会收到审查拒绝理由")
  void offerFromTheStartFormRefusedByTheEnterprise() {
    String enterprise = "乐山嘉州机械有限公司";
    LocalDate today = LegalTime.today();

    tasklist.logIn(TestUsers.SHIZHONG_OFFICER);
    CamundaForm start = tasklist.startProcess(OFFER);
    assertThat(tasklist.modalTitle()).contains("发起流程").contains(OFFER);
    assertThat(start.text()).contains("发出集体协商要约", "要约方向", "统一社会信用代码", "企业名称", "填报单位",
        "职工人数", "协商议题", "要约日期", "送达日期");
    start.type("统一社会信用代码", Offers.ENTERPRISE)
        .type("企业名称", enterprise)
        .select("填报单位", "市中区")
        .type("职工人数", "320")
        .choose("协商议题", "工资调整与收入分配")
        .choose("协商议题", "女职工专项")
        .date("要约日期", today)
        .type("要约内容（协商建议）", "请贵公司自收到本要约之日起20日内书面回应。");
    browser.screenshot("1-start-form-filled");

    assertThat(tasklist.start()).contains("流程已启动");
    browser.screenshot("2-offer-sent");
    ProcessInstance offer = runtimeService.createProcessInstanceQuery().processDefinitionKey("collective-offer")
        .variableValueEquals("enterpriseName", enterprise).singleResult();
    assertThat(offer).as("the offer started from the form").isNotNull();
    String offerNumber = offer.getBusinessKey();
    assertThat(offerNumber).matches(today.getYear() + "-SHIZHONG-\\d{6}");
    Map<String, Object> sent = runtimeService.getVariables(offer.getId());
    assertThat(sent).containsEntry("creditCode", Offers.ENTERPRISE).containsEntry("reportingUnit", "SHIZHONG")
        .containsEntry("workforce", 320).containsEntry("offerDate", today.toString())
        .containsEntry("offerSentBy", TestUsers.SHIZHONG_OFFICER);
    assertThat(sent.get("topics").toString()).contains("WAGE_ADJUSTMENT", "WOMEN_WORKERS");
    tasklist.logOut();

    tasklist.logIn(TestUsers.ENTERPRISE_MANAGER).filter(Organisation.FILTER_MY_TASKS).searchOffer(offerNumber);
    CamundaForm answer = tasklist.openTask(RESPOND, offerNumber);
    assertThat(answer.text()).contains("集体协商要约 " + offerNumber, enterprise, Offers.ENTERPRISE, "职工 320 人",
        "工会向企业发出要约", "市中区", "工资调整与收入分配、女职工专项", "应约期限", "《集体合同规定》第三十二条");
    browser.screenshot("3-respond-task");

    tasklist.claim();
    answer.choose("应约意见", "拒绝协商");
    assertThat(answer.shows("拒绝理由")).isTrue();
    assertThat(answer.shows("建议协商日期")).isFalse();
    answer.type("拒绝理由", "企业正在进行破产重整，暂不具备协商条件。");
    browser.screenshot("4-refusal-filled");
    assertThat(tasklist.complete()).isEqualTo("请在列表中选择一个任务。");
    browser.screenshot("5-refusal-sent");
    assertThat(runtimeService.getVariables(offer.getId()))
        .containsEntry("responseDecision", "REFUSE")
        .containsEntry("refusalReason", "企业正在进行破产重整，暂不具备协商条件。");
    tasklist.logOut();

    tasklist.logIn(TestUsers.SHIZHONG_OFFICER).filter(Organisation.FILTER_MY_TASKS).searchOffer(offerNumber);
    assertThat(tasklist.taskCard(REVIEW_REFUSAL, offerNumber)).as("审查拒绝理由 for " + offerNumber).isNotNull();
    browser.screenshot("6-review-refusal-waiting");
  }

  @Test
  @DisplayName("企业逾期未应约 → 期限届满，上级工会在 Tasklist 收到发出整改意见书或约谈")
  void unansweredOfferReachesTheUpperUnion() {
    String offerNumber = offerSentOverTheApi("乐山凌云食品有限公司");
    ProcessInstance offer = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(offerNumber).singleResult();

    tasklist.logIn(TestUsers.ENTERPRISE_MANAGER).filter(Organisation.FILTER_MY_TASKS).searchOffer(offerNumber);
    assertThat(tasklist.taskCard(RESPOND, offerNumber)).as("应约 waits for the enterprise").isNotNull();
    browser.screenshot("1-respond-task-waiting");
    tasklist.logOut();

    // 《集体合同规定》第三十二条: 20 日内书面回应 — nobody answers; the deadline passes
    Job deadline = managementService.createJobQuery().processInstanceId(offer.getId())
        .activityId("responseDeadlinePassed").singleResult();
    assertThat(deadline).as("the response deadline's timer").isNotNull();
    Instant dayAfter = deadline.getDuedate().toInstant().plus(Duration.ofHours(9));
    ClockUtil.setCurrentTime(Date.from(dayAfter));
    browser.clockAt(dayAfter);
    managementService.executeJob(deadline.getId());
    assertThat(taskService.createTaskQuery().processInstanceId(offer.getId())
        .taskDefinitionKey("issueRectificationNotice").count()).isEqualTo(1);

    tasklist.logIn(TestUsers.SHIZHONG_OFFICER).filter(Organisation.FILTER_MY_TASKS).searchOffer(offerNumber);
    CamundaForm notice = tasklist.openTask(RECTIFICATION, offerNumber);
    assertThat(notice.text()).contains("集体协商要约 " + offerNumber, "乐山凌云食品有限公司", "被要约方逾期未书面回应",
        "督促方式", "发出整改意见书", "约谈负责人", "协同单位", "整改要求", "整改期限（日）");
    browser.screenshot("2-rectification-task");
    tasklist.logOut();

    // the enterprise still may answer late; its 应约 is now listed as overdue
    tasklist.logIn(TestUsers.ENTERPRISE_MANAGER).filter(Organisation.FILTER_OVERDUE).searchOffer(offerNumber);
    assertThat(tasklist.taskCard(RESPOND, offerNumber)).as("应约 under 已逾期").isNotNull();
    browser.screenshot("3-respond-task-overdue");
  }

  /** An offer as other systems send it ({@code POST /api/offers}); the start form has its own journey. */
  private String offerSentOverTheApi(String enterprise) {
    Map<String, Object> offer = Offers.unionOffer(LegalTime.today().toString());
    offer.put("enterpriseName", enterprise);
    return Offers.sendOverHttp(http, TestUsers.SHIZHONG_OFFICER, offer);
  }
}
