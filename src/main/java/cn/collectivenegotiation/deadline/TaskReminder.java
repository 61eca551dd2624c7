package cn.collectivenegotiation.deadline;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Reminds whoever must act that a legal period is ending: the open task is raised to high priority
 * (Tasklist sorts and marks it; the 即将到期 filter shows it) and the reminder is recorded on the offer
 * as {@code <taskKey>ReminderSentAt}. E-mail notices come with the notices issue and hang off this.
 * BPMN: {@code camunda:expression="${taskReminder.remind(execution, 'respondToOffer')}"}.
 */
@Component("taskReminder")
public class TaskReminder {

  public static final int HIGH_PRIORITY = 80;

  private final TaskService taskService;

  public TaskReminder(@Lazy TaskService taskService) {
    this.taskService = taskService;
  }

  public void remind(DelegateExecution execution, String taskKey) {
    for (Task task : taskService.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(taskKey)
        .list()) {
      taskService.setPriority(task.getId(), HIGH_PRIORITY);
    }
    execution.setVariable(taskKey + "ReminderSentAt", ClockUtil.getCurrentTime());
  }
}
