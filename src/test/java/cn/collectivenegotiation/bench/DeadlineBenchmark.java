package cn.collectivenegotiation.bench;

import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Figure 2: {@code offers} response deadlines falling due at once (the engine's clock moves past them)
 * and the job executor alone escalating them: seconds until every offer has its rectification task
 * ({@code issueRectificationNotice}). Each offer's reminder timer falls due with it, as in use.
 */
final class DeadlineBenchmark {

  private DeadlineBenchmark() {}

  static double run(ProcessEngine engine, TransactionTemplate tx, ChainModel model, JobExecutorSettings settings,
      int offers, int firstNumber, LocalDate day) throws Exception {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    TaskService tasks = engine.getTaskService();
    JobExecutorSettings.stop(configuration);
    Clock.set(day);
    long loadStart = System.nanoTime();
    // loading is not measured: 100 offers per transaction
    Parallel.inBatches("deadlines-load", 2, offers, 100, tx,
        i -> engine.getRuntimeService().startProcessInstanceByKey(model.key, model.offer(firstNumber + i, day)));
    Bench.note(model + ": " + offers + " offers waiting for an answer, loaded in "
        + Math.round((System.nanoTime() - loadStart) / 1e9) + " s");
    long before = rectifications(tasks, model);
    H2QueryStatistics.start(configuration.getDataSource()); // -Dbench.querystats: the escalation's statements only
    ThreadPoolTaskExecutor pool = settings.apply(configuration);
    Clock.set(day.plusDays(35));
    long start = System.nanoTime();
    JobExecutorSettings.start(configuration);
    long done;
    long giveUp = start + 20L * 60 * 1_000_000_000L;
    while ((done = rectifications(tasks, model) - before) < offers) {
      if (System.nanoTime() > giveUp) {
        throw new IllegalStateException(model + ": only " + done + " of " + offers + " escalated after 20 minutes");
      }
      // the count reads every open task (no index on the task's key): at 10,000 offers 20-33 ms a time, a
      // quarter of a core if asked every 100 ms, and more in each later phase as the tasks pile up; so ask
      // once a second until nine in ten are done, then every 100 ms for the end
      Thread.sleep(done < offers * 9L / 10 ? 1000 : 100);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    H2QueryStatistics.print(configuration.getDataSource(), "deadlines " + model + " " + settings.name());
    // the reminders left, so the next measurement starts with no due job
    while (engine.getManagementService().createJobQuery().executable().timers().count() > 0) {
      Thread.sleep(200);
    }
    JobExecutorSettings.stop(configuration);
    pool.shutdown();
    Bench.note(model + ", " + settings + ": " + offers + " escalated in " + String.format("%.1f", seconds) + " s");
    return seconds;
  }

  private static long rectifications(TaskService tasks, ChainModel model) {
    return tasks.createTaskQuery().processDefinitionKey(model.key).taskDefinitionKey("issueRectificationNotice").count();
  }
}
