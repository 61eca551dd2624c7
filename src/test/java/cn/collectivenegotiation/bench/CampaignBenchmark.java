package cn.collectivenegotiation.bench;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Figure 1: offers through the chain with a campaign's mix, every step its own transaction as people take
 * them, on the product and on the bare model of the same shape, in the same run. Of every 20 offers:
 * 14 answered in time (accepted: the negotiation opens), 2 all the way to an effective contract
 * (representatives, a round, the congress vote, signing, filing, review), 2 left unanswered until the
 * deadline passes (the deadline and reminder timers run, the upper union issues a rectification notice),
 * 1 refused with a reason found just (closed), 1 refused and taken to the labour bureau by the offeror.
 */
final class CampaignBenchmark {

  private CampaignBenchmark() {}

  enum Path { ACCEPTED, CONTRACT, LATE, REFUSED_JUSTLY, LABOUR_BUREAU }

  static Path path(int n) {
    int k = n % 20;
    return k < 14 ? Path.ACCEPTED : k < 16 ? Path.CONTRACT : k < 18 ? Path.LATE : k < 19 ? Path.REFUSED_JUSTLY
        : Path.LABOUR_BUREAU;
  }

  /** Offers per second of each model, with the number of slices each was measured in. */
  record Result(double product, double bare, int rounds, int offersPerSlice) {}

  /**
   * Both models over {@code offers} offers each, in alternating slices after an unmeasured warm-up slice of each:
   * bare then product, product then bare, and so on for {@code rounds} rounds, each slice its own numbers and
   * its own day. Each rate is its model's offers over the summed time of its slices. Measured one after the
   * other instead, the first phase ran on code the JIT had not compiled yet and the second on a database the
   * first had grown, and the machine's load moved between them: the ratio went from 1.24 to 1.85 with the order
   * and the size of the run (README, 基准). Slices of both models share those alike. With
   * {@code -Dbench.querystats=N}, H2's statement statistics of the last round's two slices are printed.
   */
  static Result interleaved(ProcessEngine engine, int offers, int threads, int rounds, int firstNumber,
      LocalDate firstDay, javax.sql.DataSource dataSource) throws Exception {
    // whole mixes of 20, so every slice walks the same paths in the same proportions
    int slice = Math.max(20, offers / rounds / 20 * 20);
    int warmup = Math.min(100, slice);
    List<ChainModel> order = new java.util.ArrayList<>(List.of(ChainModel.BARE, ChainModel.PRODUCT)); // the warm-up
    for (int round = 0; round < rounds; round++) {
      order.addAll(round % 2 == 0 ? List.of(ChainModel.BARE, ChainModel.PRODUCT) : List.of(ChainModel.PRODUCT, ChainModel.BARE));
    }
    int number = firstNumber;
    LocalDate day = firstDay;
    double bareSeconds = 0;
    double productSeconds = 0;
    for (int k = 0; k < order.size(); k++) {
      ChainModel model = order.get(k);
      boolean measuredSlice = k >= 2;
      boolean lastRound = k >= order.size() - 2;
      int size = measuredSlice ? slice : warmup;
      if (lastRound) {
        H2QueryStatistics.start(dataSource);
      }
      double seconds = size / run(engine, model, size, threads, number, day);
      if (lastRound) {
        H2QueryStatistics.print(dataSource, "campaign " + model + ", last round");
      }
      if (measuredSlice && model == ChainModel.BARE) {
        bareSeconds += seconds;
      } else if (measuredSlice) {
        productSeconds += seconds;
      }
      number += size;
      // a slice's late offers move the clock 35 days on: the next slice starts after that
      day = day.plusWeeks(6);
    }
    int measured = slice * rounds;
    return new Result(measured / productSeconds, measured / bareSeconds, rounds, slice);
  }

  /** Offers per second through the whole mix, timers included. */
  static double run(ProcessEngine engine, ChainModel model, int offers, int threads, int firstNumber, LocalDate day)
      throws Exception {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    ManagementService management = engine.getManagementService();
    String[] ids = new String[offers];
    Clock.set(day);
    long start = System.nanoTime();
    Parallel.forEach("campaign-" + model, threads, offers, i -> {
      String id = runtime.startProcessInstanceByKey(model.key, model.offer(firstNumber + i, day)).getId();
      ids[i] = id;
      Walk walk = new Walk(tasks, model, id);
      switch (path(i)) {
        case ACCEPTED -> walk.complete("respondToOffer", "respondAccept");
        case CONTRACT -> {
          walk.complete("respondToOffer", "respondAccept");
          walk.complete("nameUnionRepresentatives");
          walk.complete("nameEnterpriseRepresentatives");
          walk.complete("recordNegotiationRound");
          walk.complete("recordCongressVote");
          walk.complete("signContract");
          walk.complete("submitForFiling");
          walk.complete("reviewContract");
        }
        case REFUSED_JUSTLY -> {
          walk.complete("respondToOffer", "respondRefuse");
          walk.complete("reviewRefusal", "reviewJustified");
        }
        case LABOUR_BUREAU -> {
          walk.complete("respondToOffer", "respondRefuse");
          walk.complete("petitionLabourBureau");
        }
        case LATE -> { } // after the deadline, below
      }
    });
    // the response period passes: the late offers' reminder and deadline timers fall due
    Clock.set(day.plusDays(35));
    Parallel.forEach("campaign-" + model, threads, offers, i -> {
      if (path(i) == Path.LATE) {
        runDueTimers(management, ids[i]);
        new Walk(tasks, model, ids[i]).complete("issueRectificationNotice");
      }
    });
    double seconds = (System.nanoTime() - start) / 1e9;
    long open = tasks.createTaskQuery().processDefinitionKey(model.key).taskDefinitionKey("orderCorrection").count();
    Bench.note(model + ": " + offers + " offers in " + Math.round(seconds) + " s (" + threads + " threads); "
        + "labour bureau tasks open: " + open);
    return offers / seconds;
  }

  /** Every timer of one instance that is due by the engine's clock, earliest first, as the job executor would run them. */
  static void runDueTimers(ManagementService management, String instanceId) {
    List<Job> due = management.createJobQuery().processInstanceId(instanceId).timers().executable().list();
    due.stream().sorted(Comparator.comparing(Job::getDuedate)).forEach(j -> management.executeJob(j.getId()));
  }

  /** One offer's steps, each found as Tasklist finds it and completed with the form's values. */
  private record Walk(TaskService tasks, ChainModel model, String instanceId) {

    void complete(String taskKey) {
      complete(taskKey, taskKey);
    }

    void complete(String taskKey, String step) {
      Task task = tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey).singleResult();
      if (task == null) {
        throw new IllegalStateException(model + " offer " + instanceId + " is not waiting at " + taskKey);
      }
      tasks.complete(task.getId(), model.step(step));
    }
  }
}
