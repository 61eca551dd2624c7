package cn.collectivenegotiation.deadline;

import cn.collectivenegotiation.notice.TaskNotices;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Reminds whoever must act that a legal period is ending: the open task is raised to high priority
 * (Tasklist sorts and marks it; the 即将到期 filter shows it) and the reminder is recorded on the offer
 * as {@code <taskKey>ReminderSentAt}, and its people get a reminder by mail (a notice job of its own, see
 * {@link TaskNotices}: the reminder's timer never waits for the mail server).
 * BPMN: {@code camunda:expression="${taskReminder.remind(execution, 'respondToOffer')}"}.
 */
@Component("taskReminder")
public class TaskReminder {

  public static final int HIGH_PRIORITY = 80;

  private final TaskService taskService;
  private final TaskNotices notices;

  public TaskReminder(@Lazy TaskService taskService, TaskNotices notices) {
    this.taskService = taskService;
    this.notices = notices;
  }

  public void remind(DelegateExecution execution, String taskKey) {
    for (Task task : taskService.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(taskKey)
        .list()) {
      taskService.setPriority(task.getId(), HIGH_PRIORITY);
      notices.remind(task);
    }
    execution.setVariable(taskKey + "ReminderSentAt", ClockUtil.getCurrentTime());
  }
}
