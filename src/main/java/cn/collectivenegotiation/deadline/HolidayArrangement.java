package cn.collectivenegotiation.deadline;

import cn.collectivenegotiation.input.InvalidInputException;
import cn.collectivenegotiation.input.InvalidInputException.FieldError;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One year's 国务院节假日安排 as published: the 放假 ranges and the 调休上班 days. Data, not code: shipped
 * as {@code holidays/<year>.json}, added at runtime by an operator.
 */
public record HolidayArrangement(int year, String source, List<Holiday> holidays, List<Workday> workdays) {

  /** 放假: from and to inclusive, as the notice words it (may start in the year before). */
  public record Holiday(String name, String from, String to) {}

  /** 调休上班: a Saturday or Sunday made a working day. */
  public record Workday(String date, String note) {}

  /** The days off of this arrangement; checks it first, naming the bad field. */
  public Set<LocalDate> daysOff() {
    return checked().daysOff;
  }

  public Set<LocalDate> workingWeekendDays() {
    return checked().workdays;
  }

  private record Days(Set<LocalDate> daysOff, Set<LocalDate> workdays) {}

  private Days checked() {
    List<FieldError> errors = new ArrayList<>();
    if (year < 1949 || year > 2200) {
      errors.add(new FieldError("year", "年份无效 (year must be a calendar year)"));
    }
    Set<LocalDate> off = new HashSet<>();
    Set<LocalDate> work = new HashSet<>();
    List<Holiday> hs = holidays == null ? List.of() : holidays;
    for (int i = 0; i < hs.size(); i++) {
      Holiday h = hs.get(i);
      LocalDate from = date(h.from(), "holidays[" + i + "].from", errors);
      LocalDate to = date(h.to(), "holidays[" + i + "].to", errors);
      if (from != null && to != null) {
        if (to.isBefore(from) || from.plusDays(31).isBefore(to)) {
          errors.add(new FieldError("holidays[" + i + "]", "放假起止日期有误 (from must not be after to, at most 31 days)"));
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
          off.add(d);
        }
      }
    }
    List<Workday> ws = workdays == null ? List.of() : workdays;
    for (int i = 0; i < ws.size(); i++) {
      LocalDate d = date(ws.get(i).date(), "workdays[" + i + "].date", errors);
      if (d == null) {
        continue;
      }
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        errors.add(new FieldError("workdays[" + i + "].date", d + "不是周末，无需调休上班 (a make-up working day is a Saturday or Sunday)"));
      }
      if (off.contains(d)) {
        errors.add(new FieldError("workdays[" + i + "].date", d + "同时被列为放假日 (listed as a holiday too)"));
      }
      work.add(d);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Days(Set.copyOf(off), Set.copyOf(work));
  }

  private static LocalDate date(String value, String field, List<FieldError> errors) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException | NullPointerException e) {
      errors.add(new FieldError(field, "应为日期 yyyy-MM-dd (must be a date yyyy-MM-dd)"));
      return null;
    }
  }
}
