package cn.collectivenegotiation.deadline;

import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's side of the {@link LegalCalendar}: a model that says {@code P15D} on a timer or a task's
 * due date means a legal period of 15 days from today, counted as the law counts it (today not counted,
 * a last day on a rest day moved to the next working day, due at the end of that day). Anything else
 * (hours, explicit date-times) goes to Camunda's own calendar unchanged.
 */
public class LegalBusinessCalendar implements BusinessCalendar {

  /** Whole days, months or years: the periods the law speaks of. */
  private static final Pattern LEGAL_PERIOD = Pattern.compile("P(\\d+Y)?(\\d+M)?(\\d+D)?");

  private final LegalCalendar calendar;
  private final BusinessCalendar camundas;

  public LegalBusinessCalendar(LegalCalendar calendar, BusinessCalendar camundas) {
    this.calendar = calendar;
    this.camundas = camundas;
  }

  @Override
  public Date resolveDuedate(String description) {
    return resolveDuedate(description, (Date) null);
  }

  @Override
  public Date resolveDuedate(String description, Date startDate) {
    if (isLegalPeriod(description)) {
      return due(description, startDate);
    }
    return camundas.resolveDuedate(description, startDate);
  }

  @Override
  public Date resolveDuedate(String description, Task task) {
    if (isLegalPeriod(description)) {
      return due(description, null);
    }
    return camundas.resolveDuedate(description, task);
  }

  private static boolean isLegalPeriod(String description) {
    return description != null && description.length() > 1 && LEGAL_PERIOD.matcher(description.trim()).matches();
  }

  private Date due(String description, Date startDate) {
    Date start = startDate != null ? startDate : ClockUtil.getCurrentTime();
    LocalDate startDay = start.toInstant().atZone(LegalTime.zone()).toLocalDate();
    return Date.from(calendar.period(startDay, Period.parse(description.trim()), "").dueAt());
  }
}
