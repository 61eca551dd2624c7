package cn.collectivenegotiation.notice;

import cn.collectivenegotiation.notice.TaskNoticeJob.Kind;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Schedules task notices: a {@link TaskNoticeJob} per notice, inserted in the transaction that creates the
 * task (or raises its reminder), so that it exists exactly when the task does; the mail itself goes later,
 * on the job executor. Every user task of every model gets the new-task notice (the engine plugin
 * {@link NoticePlugin} adds this listener at parse time); reminders come from
 * {@code deadline.TaskReminder}. With mail off nothing is scheduled and the notice is only logged.
 */
@Component
public class TaskNotices implements TaskListener {

  private static final Logger log = LoggerFactory.getLogger(TaskNotices.class);

  private final MailNotices mail;

  public TaskNotices(MailNotices mail) {
    this.mail = mail;
  }

  /** A task was created: notify its people. */
  @Override
  public void notify(DelegateTask task) {
    schedule(Kind.NEW_TASK, (TaskEntity) task);
  }

  /** The deadline of an open task is near (or has passed): remind its people. */
  public void remind(Task task) {
    schedule(Kind.REMINDER, (TaskEntity) task);
  }

  private void schedule(Kind kind, TaskEntity task) {
    if (!mail.on()) {
      if (log.isInfoEnabled()) {
        log.info("邮件通知未开启，仅记录 (mail off): {} 「{}」 task {} of {}", kind, task.getName(), task.getId(),
            task.getProcessInstanceId());
      }
      return;
    }
    ExecutionEntity execution = task.getExecution();
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(TaskNoticeJob.TYPE);
    job.setJobHandlerConfiguration(new TaskNoticeJob.Configuration(kind, task.getId()));
    if (execution != null) {
      // on the task's execution: Cockpit shows a failed notice as an incident on the task's activity,
      // and the notice goes with the execution when the offer moves past that scope
      job.setExecution(execution);
      job.setProcessDefinitionId(execution.getProcessDefinitionId());
      job.setProcessDefinitionKey(execution.getProcessDefinition().getKey());
      job.setDeploymentId(execution.getProcessDefinition().getDeploymentId());
      job.setActivityId(task.getTaskDefinitionKey());
      job.setTenantId(execution.getTenantId());
    }
    Context.getCommandContext().getJobManager().send(job);
  }
}
