package cn.collectivenegotiation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.Offers;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda Forms' own words (form-js writes them in English) are Chinese in a Chinese Tasklist: the empty
 * select, the date picker's months and weekdays, the validation messages. The start form of 集体协商要约 has
 * all of them: 填报单位 (select), 要约日期 (date), 统一社会信用代码 (length and pattern), 企业名称 (required).
 */
@ProductTest
class ChineseFormsBrowserTest {

  @RegisterExtension static final Browser browser = new Browser();

  static final List<String> ENGLISH_MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
      "Sep", "Oct", "Nov", "Dec");
  static final List<String> ENGLISH_WEEKDAYS = List.of("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat");
  static final List<String> CHINESE_MONTHS = List.of("一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月",
      "十月", "十一月", "十二月");

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  TasklistPage tasklist;

  @BeforeEach
  void page() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
    tasklist = new TasklistPage(browser, port);
  }

  @Test
  @DisplayName("开始表单：下拉框显示“请选择”，日期选择器为中文月份和星期（周一在前），校验提示为中文")
  void formJsSpeaksChinese() {
    tasklist.logIn(TestUsers.SHIZHONG_OFFICER);
    CamundaForm form = tasklist.startProcess(OfferChainBrowserTest.OFFER);

    assertThat(form.selectShows("填报单位")).isEqualTo("请选择");
    assertThat(form.text()).doesNotContain("Select");
    browser.screenshot("1-select-placeholder");

    WebElement calendar = form.calendar("要约日期");
    LocalDate today = LegalTime.today();
    String month = calendar.findElement(By.cssSelector("select.flatpickr-monthDropdown-months option:checked")).getText();
    assertThat(month).isEqualTo(CHINESE_MONTHS.get(today.getMonthValue() - 1));
    assertThat(calendar.findElements(By.cssSelector("select.flatpickr-monthDropdown-months option"))
        .stream().map(o -> o.getDomProperty("textContent")).toList()).isSubsetOf(CHINESE_MONTHS).isNotEmpty();
    List<String> weekdays = calendar.findElements(By.cssSelector(".flatpickr-weekday")).stream()
        .map(w -> w.getText().trim()).toList();
    assertThat(weekdays).containsExactly("一", "二", "三", "四", "五", "六", "日");
    String days = calendar.findElement(By.cssSelector(".flatpickr-day.today")).getDomAttribute("aria-label");
    assertThat(days).as("the day's name read out to a screen reader").contains(CHINESE_MONTHS.get(today.getMonthValue() - 1));
    assertThat(calendar.getText() + " " + days).doesNotContain(ENGLISH_MONTHS).doesNotContain(ENGLISH_WEEKDAYS);
    browser.screenshot("2-date-picker");
    browser.click(calendar.findElement(By.cssSelector(".flatpickr-day.today")));

    form.type("统一社会信用代码", "91511");
    assertThat(form.errors("统一社会信用代码")).contains("至少 18 个字符。", "格式不正确。");
    form.type("企业名称", "乐山").empty("企业名称");
    assertThat(form.errors("企业名称")).containsExactly("此项为必填项。");
    form.type("职工人数", "0");
    assertThat(form.errors("职工人数")).containsExactly("不得小于 1。");
    assertThat(form.text()).doesNotContain("Field", "Select", "required");
    browser.screenshot("3-validation");
  }
}
