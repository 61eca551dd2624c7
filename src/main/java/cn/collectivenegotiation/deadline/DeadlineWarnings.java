package cn.collectivenegotiation.deadline;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Puts a calendar warning where the officer reads it: in the task's description in Tasklist, so a
 * deadline counted without a year's holiday arrangement is never a silent guess.
 */
@Component("deadlineWarnings")
public class DeadlineWarnings {

  /** BPMN: {@code <camunda:taskListener event="create" expression="${deadlineWarnings.showOn(task, 'response')}"/>}. */
  public void showOn(DelegateTask task, String deadlineName) {
    Object warning = task.getVariable(deadlineName + "CalendarWarning");
    if (warning != null) {
      String description = task.getDescription();
      task.setDescription(warning + (description == null ? "" : "\n" + description));
    }
  }
}
