package cn.collectivenegotiation.offer;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Reminds the offeree that the response period is ending: the open {@code respondToOffer} task is
 * raised to high priority (Tasklist sorts and marks it) and the reminder is recorded on the offer.
 * E-mail notices come with the notices issue and hang off this step.
 */
@Component("responseReminder")
public class ResponseReminder implements JavaDelegate {

  static final int HIGH_PRIORITY = 80;

  private final TaskService taskService;

  public ResponseReminder(@Lazy TaskService taskService) {
    this.taskService = taskService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    for (Task task : taskService.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey("respondToOffer")
        .list()) {
      taskService.setPriority(task.getId(), HIGH_PRIORITY);
    }
    execution.setVariable("responseReminderSentAt", ClockUtil.getCurrentTime());
  }
}
