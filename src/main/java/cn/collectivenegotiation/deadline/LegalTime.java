package cn.collectivenegotiation.deadline;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Today as the law counts it: in the offers' time zone ({@code negotiation.deadlines.zone},
 * Asia/Shanghai by default), on the engine's clock (which tests move). Static like the engine's clock,
 * so that validators and the engine's calendars read the same day.
 */
public final class LegalTime {

  private static volatile ZoneId zone = ZoneId.of("Asia/Shanghai");

  private LegalTime() {}

  public static ZoneId zone() {
    return zone;
  }

  /** Set once at start-up from the configuration (see {@link LegalCalendar}). */
  static void use(ZoneId configured) {
    zone = configured;
  }

  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
  }
}
