package cn.collectivenegotiation.deadline;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The one place where the product turns a legal period into a date. Every timer and task due date of
 * every model gets its instant from here: through variables written by {@link Deadline} (periods that
 * start on a recorded day, such as delivery) and through the engine's business calendar (plain
 * durations such as {@code P15D} in a model, see {@link LegalBusinessCalendar}).
 *
 * <p>How the law counts (民法典): 第二百零一条 the day the period starts is not counted; 第二百零三条 a last
 * day that is a statutory rest day (a weekend or an official holiday; a 调休 working day is not one)
 * moves to the next working day, and the last day ends at 24:00.
 */
@Component("legalCalendar")
public class LegalCalendar {

  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日");

  private final HolidayArrangements arrangements;

  public LegalCalendar(HolidayArrangements arrangements, DeadlineProperties deadlines) {
    this.arrangements = arrangements;
    LegalTime.use(deadlines.getZone());
  }

  /** A period of calendar days (or months) that starts on {@code start}, which is not counted. */
  public Deadline period(LocalDate start, Period length, String legalBasis) {
    Set<Integer> unknownYears = new TreeSet<>();
    LocalDate last = start.plus(length);
    LocalDate nominal = last;
    while (isRestDay(last, unknownYears)) {
      last = last.plusDays(1);
    }
    String basis = legalBasis + (last.equals(nominal) ? "" : "，末日" + chinese(nominal) + "为法定休假日，顺延至" + chinese(last));
    return deadline(last, basis, unknownYears);
  }

  /** A period of {@code workingDays} working days after {@code start} (several provinces count so). */
  public Deadline workingDays(LocalDate start, int workingDays, String legalBasis) {
    Set<Integer> unknownYears = new TreeSet<>();
    LocalDate day = start;
    for (int counted = 0; counted < workingDays; ) {
      day = day.plusDays(1);
      if (!isRestDay(day, unknownYears)) {
        counted++;
      }
    }
    return deadline(day, legalBasis, unknownYears);
  }

  /** The working day {@code workingDays} working days before {@code day}; a reminder goes out on it. */
  public LocalDate workingDaysBefore(LocalDate day, int workingDays) {
    LocalDate d = day;
    for (int counted = 0; counted < workingDays; ) {
      d = d.minusDays(1);
      if (!isRestDay(d, new TreeSet<>())) {
        counted++;
      }
    }
    return d;
  }

  /** Whether {@code day} is a statutory rest day by the arrangements loaded now. */
  public boolean isRestDay(LocalDate day) {
    return arrangements.isRestDay(day);
  }

  private boolean isRestDay(LocalDate day, Set<Integer> unknownYears) {
    if (!arrangements.decides(day)) {
      unknownYears.add(day.getYear());
    }
    return arrangements.isRestDay(day);
  }

  private static Deadline deadline(LocalDate last, String basis, Set<Integer> unknownYears) {
    String warning = unknownYears.isEmpty() ? null
        : "注意：尚未载入" + unknownYears + "年国务院节假日安排，期限仅按周末顺延计算，请核对 "
            + "(no official holiday arrangement loaded for " + unknownYears + ": only weekends were counted)";
    return new Deadline(last, last.plusDays(1).atStartOfDay(LegalTime.zone()).toInstant(), basis, warning);
  }

  /** The due date a task shows in Tasklist: the last moment of the last day, not the next midnight. */
  public Date taskDue(Date dueAt) {
    return new Date(dueAt.getTime() - 1000);
  }

  /** The start of the day {@code workingDays} working days before the deadline's last day. */
  private Date reminderAt(Deadline deadline, int workingDays) {
    return Date.from(workingDaysBefore(deadline.lastDay(), workingDays).atStartOfDay(LegalTime.zone()).toInstant());
  }

  /**
   * Writes {@code deadline} as {@code name} ({@link Deadline#writeTo}) and {@code <name>ReminderAt}, the start of
   * the day {@code workingDays} working days before its last day, which the reminder's timer reads.
   */
  public void writeWithReminder(VariableScope scope, Deadline deadline, String name, int workingDays) {
    deadline.writeTo(scope, name);
    scope.setVariable(name + "ReminderAt", reminderAt(deadline, workingDays));
  }

  /** Today in the law's time zone, on the engine's clock. BPMN: {@code ${legalCalendar.today()}}. */
  public LocalDate today() {
    return LegalTime.today();
  }

  public static String chinese(LocalDate date) {
    return date.format(CHINESE_DATE);
  }
}
