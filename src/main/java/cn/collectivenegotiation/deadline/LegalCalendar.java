package cn.collectivenegotiation.deadline;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The one place where the product turns a legal period into a date. Every timer and task due date of
 * every model gets its instant from here (BPMN: {@code ${legalCalendar...}} or a {@code *DueAt}
 * variable written through {@link Deadline}), so a change to how the law counts changes one class.
 *
 * <p>Counting (民法典): 第二百零一条 the day the period starts is not counted; 第二百零三条 the last day
 * ends at 24:00. Official holidays and 调休 working days are not yet applied: that is the
 * legal-deadlines issue, and it changes {@link #lastDay} only.
 */
@Component("legalCalendar")
public class LegalCalendar {

  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日");

  /** A period of {@code length} that starts on {@code start} (which is not counted). */
  public Deadline period(LocalDate start, Period length, String legalBasis) {
    LocalDate last = lastDay(start, length);
    return new Deadline(last, last.plusDays(1).atStartOfDay(LegalTime.ZONE).toInstant(), legalBasis);
  }

  LocalDate lastDay(LocalDate start, Period length) {
    return start.plus(length);
  }

  /** The due date a task shows in Tasklist: the last moment of the last day, not the next midnight. */
  public Date taskDue(Date dueAt) {
    return new Date(dueAt.getTime() - 1000);
  }

  /** When to remind: {@code before} ahead of the instant the period ends. */
  public Date reminderAt(Deadline deadline, Period before) {
    return Date.from(deadline.lastDay().plusDays(1).minus(before).atStartOfDay(LegalTime.ZONE).toInstant());
  }

  public static String chinese(LocalDate date) {
    return date.format(CHINESE_DATE);
  }
}
