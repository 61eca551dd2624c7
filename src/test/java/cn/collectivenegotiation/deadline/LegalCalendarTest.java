package cn.collectivenegotiation.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.input.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Deadlines as a labour-law expert computes them by hand, with the State Council's arrangements. */
@ProductTest
class LegalCalendarTest {

  @Autowired LegalCalendar calendar;
  @Autowired HolidayArrangements arrangements;
  @Autowired ProcessEngineConfiguration engineConfiguration;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  LocalDate lastDay(String start, int days) {
    return calendar.period(LocalDate.parse(start), Period.ofDays(days), "").lastDay();
  }

  @ParameterizedTest(name = "送达 {0}，{1}日 → 末日 {2}")
  @DisplayName("《集体合同规定》第三十二条的三个算例（2017年安排）")
  @CsvSource({
      "2017-01-08, 20, 2017-02-03", // 20th day 01-28 falls in the Spring Festival break 01-27..02-02
      "2017-03-05, 20, 2017-03-27", // 20th day is Saturday 03-25
      "2017-01-02, 20, 2017-01-22", // 20th day is a Sunday, but a 调休 working day
  })
  void workedExamples(String delivered, int days, String expectedLastDay) {
    Deadline d = calendar.period(LocalDate.parse(delivered), Period.ofDays(days), "依据");
    assertThat(d.lastDay()).isEqualTo(LocalDate.parse(expectedLastDay));
    // the last day ends at 24:00 in Asia/Shanghai
    assertThat(d.dueAt()).isEqualTo(LocalDate.parse(expectedLastDay).plusDays(1).atStartOfDay(LegalTime.zone()).toInstant());
    assertThat(d.warning()).isNull();
  }

  @ParameterizedTest(name = "{0}: 末日 {1} 顺延至 {2}")
  @DisplayName("末日落在每一种法定节假日 → 顺延至节后第一个工作日")
  @CsvSource({
      "元旦（跨年）, 2016-12-31, 2017-01-03",
      "春节, 2017-01-27, 2017-02-03",
      "清明节, 2017-04-02, 2017-04-05",
      "劳动节, 2017-04-29, 2017-05-02",
      "端午节, 2017-05-28, 2017-05-31",
      "国庆节、中秋节, 2017-10-01, 2017-10-09",
  })
  void lastDayOnEachHoliday(String holiday, String nominalLastDay, String expected) {
    LocalDate start = LocalDate.parse(nominalLastDay).minusDays(20);
    Deadline d = calendar.period(start, Period.ofDays(20), "依据");
    assertThat(d.lastDay()).as(holiday).isEqualTo(LocalDate.parse(expected));
    assertThat(d.legalBasis()).contains("顺延至" + LegalCalendar.chinese(LocalDate.parse(expected)));
    assertThat(d.warning()).as("2016-12-31 is decided by the 2017 arrangement").isNull();
  }

  @Test
  @DisplayName("调休上班的星期六、星期日是工作日，末日不顺延")
  void makeUpWorkingWeekendDays() {
    assertThat(lastDay("2017-03-12", 20)).isEqualTo(LocalDate.parse("2017-04-01")); // Saturday, 清明调休
    assertThat(lastDay("2017-09-10", 20)).isEqualTo(LocalDate.parse("2017-09-30")); // Saturday, 国庆调休
    assertThat(lastDay("2017-01-02", 20)).isEqualTo(LocalDate.parse("2017-01-22")); // Sunday, 春节调休
    assertThat(calendar.isRestDay(LocalDate.parse("2017-01-22"))).isFalse();
    assertThat(calendar.isRestDay(LocalDate.parse("2017-01-21"))).isTrue();
  }

  @Test
  @DisplayName("按月计算：到期月没有对应日的，以月末日为最后一日（民法典第二百零二条）")
  void monthWithoutTheCorrespondingDay() {
    assertThat(calendar.period(LocalDate.parse("2017-01-31"), Period.ofMonths(1), "").lastDay())
        .isEqualTo(LocalDate.parse("2017-02-28"));
    // June has no 31st; its last day, 2019-06-30, is a Sunday: the period moves on to Monday
    assertThat(calendar.period(LocalDate.parse("2019-05-31"), Period.ofMonths(1), "").lastDay())
        .isEqualTo(LocalDate.parse("2019-07-01"));
  }

  @Test
  @DisplayName("跨年：期间跨越元旦")
  void yearBoundary() {
    // 2017-12-15 + 20 = 2018-01-04, a Thursday after the 2018 New Year break (12-30..01-01)
    assertThat(lastDay("2017-12-15", 20)).isEqualTo(LocalDate.parse("2018-01-04"));
    // 2017-12-11 + 20 = 2017-12-31, in the New Year break of the 2018 arrangement
    assertThat(lastDay("2017-12-11", 20)).isEqualTo(LocalDate.parse("2018-01-02"));
  }

  @Test
  @DisplayName("按工作日计算的期间跳过周末和节假日，计入调休上班日")
  void workingDays() {
    // from Friday 2017-09-29: Saturday 09-30 is a make-up working day, then the break 10-01..10-08
    assertThat(calendar.workingDays(LocalDate.parse("2017-09-29"), 3, "").lastDay())
        .isEqualTo(LocalDate.parse("2017-10-10"));
  }

  @Test
  @DisplayName("缺少某年的节假日安排 → 仍按周末顺延，并给出警告，绝不静默猜测")
  void missingYearIsFlagged() {
    assertThat(arrangements.covers(2035)).isFalse();
    Deadline d = calendar.period(LocalDate.parse("2035-03-03"), Period.ofDays(20), "依据");
    // 2035-03-23 is a Friday
    assertThat(d.lastDay()).isEqualTo(LocalDate.parse("2035-03-23"));
    assertThat(d.warning()).contains("2035").contains("尚未载入");
    // 2035-03-24 is a Saturday: weekends still count
    assertThat(lastDay("2035-03-04", 20)).isEqualTo(LocalDate.parse("2035-03-26"));
  }

  @Test
  @DisplayName("运行中载入新一年的安排 → 新的期限立即按新安排计算，无需重启")
  void newYearLoadedAtRuntime() {
    Deadline before = calendar.period(LocalDate.parse("2031-03-01"), Period.ofDays(20), "");
    assertThat(before.lastDay()).isEqualTo(LocalDate.parse("2031-03-21")); // a Friday
    assertThat(before.warning()).contains("2031");

    arrangements.store(new HolidayArrangement(2031, "测试安排", List.of(
        new HolidayArrangement.Holiday("测试假日", "2031-03-20", "2031-03-24")),
        List.of(new HolidayArrangement.Workday("2031-03-29", "调休上班"))), "test");

    Deadline after = calendar.period(LocalDate.parse("2031-03-01"), Period.ofDays(20), "");
    assertThat(after.lastDay()).isEqualTo(LocalDate.parse("2031-03-25"));
    assertThat(after.warning()).isNull();
  }

  @Test
  @DisplayName("无效的节假日安排被拒绝并指明字段")
  void invalidArrangementIsRefused() {
    HolidayArrangement bad = new HolidayArrangement(2032, "错误", List.of(
        new HolidayArrangement.Holiday("国庆", "2032-10-07", "2032-10-01")),
        List.of(new HolidayArrangement.Workday("2032-10-11", "星期一")));
    assertThatThrownBy(() -> arrangements.store(bad, "test")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("holidays[0]").hasMessageContaining("workdays[0].date");
    assertThat(arrangements.covers(2032)).isFalse();
  }

  @Test
  @DisplayName("流程模型中的 P20D 经引擎的业务日历按法定方式计算")
  void engineDurationsCountTheLegalWay() {
    ClockUtil.setCurrentTime(date("2017-03-05T10:00"));
    var calendars = ((ProcessEngineConfigurationImpl) engineConfiguration).getBusinessCalendarManager();

    assertThat(calendars.getBusinessCalendar("duration").resolveDuedate("P20D")).isEqualTo(date("2017-03-28T00:00"));
    assertThat(calendars.getBusinessCalendar("dueDate").resolveDuedate("P20D")).isEqualTo(date("2017-03-28T00:00"));
    // hours are not a legal period: Camunda's own counting
    assertThat(calendars.getBusinessCalendar("duration").resolveDuedate("PT2H")).isEqualTo(date("2017-03-05T12:00"));
  }

  static Date date(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(LegalTime.zone()).toInstant());
  }
}
