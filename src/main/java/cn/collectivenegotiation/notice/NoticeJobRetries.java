package cn.collectivenegotiation.notice;

import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ParseUtil;

/**
 * Gives task-notice jobs the retry cycle that {@code camunda:failedJobRetryTimeCycle} gives a BPMN activity
 * (the engine applies that cycle only to jobs of modelled activities; a job of its own would otherwise be
 * retried three times at once). Every other job keeps the engine's strategy.
 */
class NoticeJobRetries implements FailedJobCommandFactory {

  private final FailedJobCommandFactory engineDefault;
  private final String retryTimeCycle;

  NoticeJobRetries(FailedJobCommandFactory engineDefault, String retryTimeCycle) {
    this.engineDefault = engineDefault;
    this.retryTimeCycle = retryTimeCycle;
  }

  @Override
  public Command<Object> getCommand(String jobId, Throwable exception) {
    return commandContext -> {
      JobEntity job = commandContext.getJobManager().findJobById(jobId);
      Command<Object> command = job != null && TaskNoticeJob.TYPE.equals(job.getJobHandlerType())
          ? new CycleRetry(jobId, exception, retryTimeCycle)
          : engineDefault.getCommand(jobId, exception);
      return command.execute(commandContext);
    };
  }

  /** Camunda's own custom strategy (first failure sets the retries, each failure waits its interval). */
  private static final class CycleRetry extends DefaultJobRetryCmd {
    private final String cycle;

    CycleRetry(String jobId, Throwable exception, String cycle) {
      super(jobId, exception);
      this.cycle = cycle;
    }

    @Override
    public Object execute(CommandContext commandContext) {
      try {
        executeCustomStrategy(commandContext, getJob(), null);
      } catch (Exception e) {
        executeStandardStrategy(commandContext);
      }
      return null;
    }

    @Override
    public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job, ActivityImpl activity) {
      return ParseUtil.parseRetryIntervals(cycle);
    }
  }
}
