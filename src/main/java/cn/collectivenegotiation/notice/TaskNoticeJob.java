package cn.collectivenegotiation.notice;

import cn.collectivenegotiation.notice.TaskNoticeJob.Configuration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import static cn.collectivenegotiation.offer.OfferVariables.*;

/**
 * The job that mails one task notice (a new task, or a deadline reminder), in its own transaction after
 * the one that created the task: the engine's step never waits for the mail server, and a failed send is
 * tried again ({@code negotiation.mail.retry-time-cycle}) and then shown as an incident on the task's
 * activity in Cockpit. A task done before its notice went out is not notified any more.
 */
@Component
public class TaskNoticeJob implements JobHandler<Configuration> {

  public static final String TYPE = "task-notice";

  private static final Logger log = LoggerFactory.getLogger(TaskNoticeJob.class);
  private static final List<String> OFFER_FACTS = List.of(OFFER_NUMBER, ENTERPRISE_NAME, CREDIT_CODE, REPORTING_UNIT);

  /** What the notice is about. */
  public enum Kind { NEW_TASK, REMINDER }

  private final TaskService tasks;
  private final Recipients recipients;
  private final NoticeTexts texts;
  private final MailNotices mail;

  public TaskNoticeJob(@Lazy TaskService tasks, Recipients recipients, NoticeTexts texts, MailNotices mail) {
    this.tasks = tasks;
    this.recipients = recipients;
    this.texts = texts;
    this.mail = mail;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(Configuration configuration, ExecutionEntity execution, CommandContext commandContext,
      String tenantId) {
    Task task = tasks.createTaskQuery().taskId(configuration.taskId()).singleResult();
    if (task == null) {
      log.debug("task {} already done, its {} notice is not sent", configuration.taskId(), configuration.kind());
      return;
    }
    Map<String, Object> offer = tasks.getVariables(task.getId(), OFFER_FACTS);
    Notice notice = configuration.kind() == Kind.REMINDER
        ? texts.reminder(task, offer, recipients.ofTask(task))
        : texts.newTask(task, offer, recipients.ofTask(task));
    mail.send(notice);
  }

  @Override
  public Configuration newConfiguration(String canonicalString) {
    int colon = canonicalString.indexOf(':');
    return new Configuration(Kind.valueOf(canonicalString.substring(0, colon)), canonicalString.substring(colon + 1));
  }

  @Override
  public void onDelete(Configuration configuration, JobEntity jobEntity) {
    // nothing kept outside the job
  }

  /** Stored in the job as {@code KIND:taskId}. */
  public record Configuration(Kind kind, String taskId) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return kind.name() + ":" + taskId;
    }
  }
}
