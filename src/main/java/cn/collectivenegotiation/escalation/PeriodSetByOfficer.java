package cn.collectivenegotiation.escalation;

import cn.collectivenegotiation.deadline.DeadlineProperties.DayLimits;
import cn.collectivenegotiation.deadline.LegalCalendar;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.input.FormInput;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A period an officer sets on a notice (整改期限, 改正期限): read from the form within the operator's
 * limits, counted by the {@link LegalCalendar} from the day the notice is issued, written on the offer.
 */
final class PeriodSetByOfficer {

  private PeriodSetByOfficer() {}

  static Integer read(FormInput in, String field, String label, DayLimits limits) {
    return in.integer(field, label, true, limits.getMinDays(), limits.getMaxDays());
  }

  static void write(DelegateTask task, LegalCalendar calendar, String name, int days, String legalBasis) {
    calendar.period(LegalTime.today(), Period.ofDays(days),
            legalBasis + "，自" + LegalCalendar.chinese(LegalTime.today()) + "起" + days + "日，开始当日不计入，末日遇法定休假日顺延")
        .writeTo(task.getExecution(), name);
  }
}
