package cn.collectivenegotiation.deadline;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code legalCalendar}: which years' holiday arrangements are
 * loaded, and a warning when this year's or next year's is missing (deadlines then count weekends only).
 */
// the health component is named after the bean without "HealthIndicator": legalCalendar
@Component("legalCalendarHealthIndicator")
class LegalCalendarHealth extends AbstractHealthIndicator {

  private final HolidayArrangements arrangements;

  LegalCalendarHealth(HolidayArrangements arrangements) {
    this.arrangements = arrangements;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    int year = LegalTime.today().getYear();
    List<Integer> missing = new ArrayList<>();
    for (int y = year; y <= year + 1; y++) {
      if (!arrangements.covers(y)) {
        missing.add(y);
      }
    }
    builder.up().withDetail("years", arrangements.years());
    if (!missing.isEmpty()) {
      builder.withDetail("missingYears", missing).withDetail("warning",
          "尚未载入" + missing + "年国务院节假日安排：落在这些年份的期限仅按周末顺延。请通过 PUT /api/calendar/arrangements/{year} 载入 "
              + "(no official holiday arrangement for " + missing + ": deadlines there count weekends only)");
    }
  }

}
