package cn.collectivenegotiation.bench;

import cn.collectivenegotiation.deadline.LegalTime;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock, which the benchmarks move instead of waiting (as the tests do). */
final class Clock {

  private Clock() {}

  static void set(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(LegalTime.zone()).toInstant()));
  }
}
