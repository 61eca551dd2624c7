package cn.collectivenegotiation.operations;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code jobExecutor}: the timers that escalate overdue offers run on the
 * job executor, so an operator must see whether it runs and whether due work piles up.
 * <ul>
 *   <li>{@code DOWN} when this node is configured to run jobs ({@code camunda.bpm.job-execution.enabled})
 *       but its job executor is not active: deadlines pass and nothing escalates.</li>
 *   <li>{@code UP} otherwise, with the due jobs, the longest wait of a due timer and the jobs with no retries
 *       left (each of those is an incident in Cockpit); a warning when a due timer waits too long.</li>
 * </ul>
 * Replaces the Camunda starter's indicator of the same name, which reports {@code DOWN} on a node that is
 * meant not to run jobs.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealth extends AbstractHealthIndicator {

  /** A due timer waiting longer than this means the job executor does not keep up (or does not run anywhere). */
  static final Duration LONG_WAIT = Duration.ofMinutes(5);

  private final JobExecutor jobExecutor;
  private final ManagementService managementService;
  private final boolean shouldRun;

  JobExecutorHealth(ProcessEngine engine,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean shouldRun) {
    this.jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    this.managementService = engine.getManagementService();
    this.shouldRun = shouldRun;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    boolean active = jobExecutor != null && jobExecutor.isActive();
    Date now = ClockUtil.getCurrentTime();
    long due = managementService.createJobQuery().executable().active().count();
    long noRetriesLeft = managementService.createJobQuery().noRetriesLeft().count();
    List<Job> oldest = managementService.createJobQuery().executable().active().timers().duedateLowerThan(now)
        .orderByJobDuedate().asc().listPage(0, 1);
    Duration longestWait = oldest.isEmpty() ? Duration.ZERO
        : Duration.ofMillis(now.getTime() - oldest.get(0).getDuedate().getTime());

    builder.status(shouldRun && !active ? Status.DOWN : Status.UP)
        .withDetail("active", active)
        .withDetail("shouldRun", shouldRun)
        .withDetail("dueJobs", due)
        .withDetail("longestWaitSeconds", longestWait.toSeconds())
        .withDetail("jobsWithNoRetriesLeft", noRetriesLeft);
    if (jobExecutor != null && active) {
      builder.withDetail("lockOwner", jobExecutor.getLockOwner());
    }
    if (shouldRun && !active) {
      builder.withDetail("warning", "本节点应执行作业，但作业执行器未运行：到期的应约期限等不会升级 "
          + "(job execution is enabled on this node but its job executor is not running: deadlines do not escalate)");
    } else if (!shouldRun) {
      builder.withDetail("note", "本节点不执行作业（camunda.bpm.job-execution.enabled=false），定时器由其他节点执行 "
          + "(this node runs no jobs; another node must)");
    }
    if (longestWait.compareTo(LONG_WAIT) > 0) {
      builder.withDetail("delayWarning", "到期定时器已等待 " + longestWait.toMinutes() + " 分钟未执行 "
          + "(a due timer has waited " + longestWait.toMinutes() + " minutes: no node runs jobs, or they do not keep up)");
    }
    if (noRetriesLeft > 0) {
      builder.withDetail("incidentWarning", noRetriesLeft + " 个作业重试次数已用尽，请在 Cockpit 中处理事件 "
          + "(" + noRetriesLeft + " jobs have no retries left: resolve their incidents in Cockpit)");
    }
  }
}
