package cn.collectivenegotiation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.identity.Organisation;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.Offers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * From an accepted offer to an effective contract, every step in Tasklist by the person whose step it
 * is, through the Chinese forms: the enterprise accepts, both sides name their representatives, the union
 * records the round and the congress vote, the contract is signed and filed, and the labour bureau finds
 * no objection. What {@code GET /api/offers/{n}} says at the end is what an inspector would check.
 */
@ProductTest
class ContractBrowserTest {

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;

  TasklistPage tasklist;

  @BeforeEach
  void people() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
    tasklist = new TasklistPage(browser, port);
  }

  @Test
  @DisplayName("应约 → 双方代表 → 协商会议 → 职代会 → 签订 → 报送 → 人社局无异议：在 Tasklist 里走到合同生效")
  void fromAcceptanceToEffectiveContract() {
    LocalDate today = LegalTime.today();
    String offerNumber = Offers.sendOverHttp(http, TestUsers.SHIZHONG_OFFICER,
        Offers.unionOffer(today.toString()));

    // the enterprise accepts
    CamundaForm form = task(TestUsers.ENTERPRISE_MANAGER, "应约", offerNumber);
    form.choose("应约意见", "同意协商（应约）").date("建议协商日期", today.plusDays(7));
    done("1-accepted");

    // both sides name their representatives: the same number, at least 3 with the chief
    form = task(TestUsers.ENTERPRISE_UNION, "确定工会方协商代表", offerNumber);
    assertThat(form.text()).contains("集体协商要约 " + offerNumber);
    form.type("首席代表", "王主席").type("其他代表（每行一人）", "李代表\n张代表");
    done("2-union-representatives");
    form = task(TestUsers.ENTERPRISE_MANAGER, "确定企业方协商代表", offerNumber);
    form.type("首席代表", "赵总经理").type("其他代表（每行一人）", "钱经理\n孙经理");
    done("3-enterprise-representatives");

    // the round agrees on a draft; the congress passes it (30 members, 25 present, 20 in favour)
    form = task(TestUsers.ENTERPRISE_UNION, "记录协商会议", offerNumber);
    form.date("会议日期", today).type("地点", "公司三楼会议室").type("协商情况", "双方就工资调整幅度达成一致")
        .choose("本次结果", "达成一致，形成合同草案");
    done("4-round-agreed");
    form = task(TestUsers.ENTERPRISE_UNION, "职代会审议合同草案", offerNumber);
    form.choose("审议方式", "职工代表大会").date("审议日期", today)
        .type("应到人数", "30").type("实到人数", "25").type("同意人数", "20");
    // the form does the count the server will check: two thirds present, more than half of all in favour
    CamundaForm vote = form;
    browser.waiting().until(d -> vote.text().contains("草案通过"));
    done("5-congress-passed");

    // signed for 3 years, filed by the employer, reviewed by the unit's labour bureau
    form = task(TestUsers.ENTERPRISE_UNION, "签订集体合同", offerNumber);
    form.choose("签订类型", "新签").select("合同类别", "综合性集体合同").date("签订日期", today)
        .type("期限（年）", "3").type("覆盖职工人数", "300");
    done("6-signed");
    form = task(TestUsers.ENTERPRISE_MANAGER, "报送人社局审查", offerNumber);
    assertThat(form.text()).contains("第四十二条");
    form.date("报送日期", today).type("报送说明", "集体合同文本及职代会决议各一份");
    done("7-filed");
    form = task(TestUsers.SHIZHONG_BUREAU, "审查集体合同", offerNumber);
    form.choose("审查意见", "无异议");
    assertThat(form.shows("异议内容")).isFalse();
    done("8-reviewed");

    JsonNode offer = http.withBasicAuth(TestUsers.CITY_OFFICER, TestUsers.password(TestUsers.CITY_OFFICER))
        .getForObject("/api/offers/" + offerNumber, JsonNode.class);
    assertThat(offer.get("status").asText()).isEqualTo("EFFECTIVE");
    String id = offer.get("processInstanceId").asText();
    Map<String, Object> contract = runtimeService.getVariables(id);
    assertThat(contract.get("coveredWorkers")).hasToString("300");
    assertThat(contract).containsEntry("congressPassed", true).containsEntry("contractKind", "NEW")
        .containsEntry("contractEffectiveDate", today.toString())
        .containsEntry("contractEndDate", today.plusYears(3).minusDays(1).toString());
  }

  /** Logs in as the person whose step it is, finds the offer's task in 我的待办, opens and claims it. */
  private CamundaForm task(String user, String taskName, String offerNumber) {
    tasklist.logIn(user).filter(Organisation.FILTER_MY_TASKS).searchOffer(offerNumber);
    CamundaForm form = tasklist.openTask(taskName, offerNumber);
    tasklist.claim();
    return form;
  }

  private void done(String step) {
    browser.screenshot(step);
    assertThat(tasklist.complete()).as(step).isEqualTo("请在列表中选择一个任务。");
    tasklist.logOut();
  }
}
