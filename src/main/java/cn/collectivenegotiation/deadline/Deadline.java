package cn.collectivenegotiation.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A legal deadline: the last day of the period, the instant its timer fires (the end of that day),
 * the rule it comes from, and a warning when a year's holiday arrangement was missing. Stored on the
 * offer as {@code <name>Deadline}, {@code <name>DueAt}, {@code <name>LegalBasis} and
 * {@code <name>CalendarWarning}, which the timers, the forms and the timeline read.
 */
public record Deadline(LocalDate lastDay, Instant dueAt, String legalBasis, String warning) {

  public void writeTo(VariableScope scope, String name) {
    scope.setVariable(name + "Deadline", lastDay.toString());
    scope.setVariable(name + "DueAt", Date.from(dueAt));
    scope.setVariable(name + "LegalBasis", legalBasis);
    if (warning != null) {
      scope.setVariable(name + "CalendarWarning", warning);
    }
  }
}
