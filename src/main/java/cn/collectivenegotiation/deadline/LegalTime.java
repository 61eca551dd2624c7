package cn.collectivenegotiation.deadline;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Today as the law counts it: in the offer's time zone, on the engine's clock (which tests move). */
public final class LegalTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private LegalTime() {}

  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
  }
}
