package cn.collectivenegotiation.bench;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * One job-executor configuration, applied to the running engine between measurements: the acquisition
 * (jobs per acquisition, idle wait, ordering) and a thread pool of its own (threads, queue).
 */
record JobExecutorSettings(String name, int corePoolSize, int maxPoolSize, int queueCapacity,
    int maxJobsPerAcquisition, int waitTimeInMillis, long maxWait, boolean acquireByDueDate, boolean preferTimerJobs) {

  /** What Camunda 7.24's Spring Boot starter sets when application.yaml says nothing. */
  static final JobExecutorSettings CAMUNDA_DEFAULT =
      new JobExecutorSettings("Camunda default", 3, 10, 3, 3, 5000, 60000, false, false);

  /** The product's own, as application.yaml configures the engine. */
  static JobExecutorSettings ours(CamundaBpmProperties properties, ProcessEngineConfigurationImpl engine) {
    JobExecutionProperty p = properties.getJobExecution();
    JobExecutor je = engine.getJobExecutor();
    return new JobExecutorSettings("ours (application.yaml)", p.getCorePoolSize(), p.getMaxPoolSize(),
        p.getQueueCapacity(), je.getMaxJobsPerAcquisition(), je.getWaitTimeInMillis(), je.getMaxWait(),
        engine.isJobExecutorAcquireByDueDate(), engine.isJobExecutorPreferTimerJobs());
  }

  /** Stops the job executor if it runs and configures it; {@link #start} runs it. */
  ThreadPoolTaskExecutor apply(ProcessEngineConfigurationImpl engine) {
    JobExecutor je = engine.getJobExecutor();
    if (je.isActive()) {
      je.shutdown();
    }
    ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    pool.setCorePoolSize(corePoolSize);
    pool.setMaxPoolSize(maxPoolSize);
    pool.setQueueCapacity(queueCapacity);
    pool.setThreadNamePrefix("bench-job-");
    // never interrupt a job thread: an interrupt during I/O closes H2's file channel, and with it the database
    pool.setWaitForTasksToCompleteOnShutdown(true);
    pool.setAwaitTerminationSeconds(120);
    pool.initialize();
    ((SpringJobExecutor) je).setTaskExecutor(pool);
    je.setMaxJobsPerAcquisition(maxJobsPerAcquisition);
    je.setWaitTimeInMillis(waitTimeInMillis);
    je.setMaxWait(maxWait);
    engine.setJobExecutorAcquireByDueDate(acquireByDueDate);
    engine.setJobExecutorPreferTimerJobs(preferTimerJobs);
    return pool;
  }

  static void start(ProcessEngineConfigurationImpl engine) {
    engine.getJobExecutor().start();
  }

  static void stop(ProcessEngineConfigurationImpl engine) {
    if (engine.getJobExecutor().isActive()) {
      engine.getJobExecutor().shutdown();
    }
  }

  @Override
  public String toString() {
    return name + ": " + maxJobsPerAcquisition + " jobs per acquisition, " + corePoolSize + "-" + maxPoolSize
        + " threads, queue " + queueCapacity + ", idle wait " + waitTimeInMillis + "-" + maxWait + " ms"
        + (acquireByDueDate ? ", by due date" : "") + (preferTimerJobs ? ", timers first" : "");
  }
}
