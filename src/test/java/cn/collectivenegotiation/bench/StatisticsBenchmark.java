package cn.collectivenegotiation.bench;

import cn.collectivenegotiation.campaign.Campaign;
import cn.collectivenegotiation.campaign.CampaignProcess;
import cn.collectivenegotiation.campaign.CampaignStatistics;
import cn.collectivenegotiation.campaign.Campaigns;
import cn.collectivenegotiation.campaign.StatisticsTable;
import cn.collectivenegotiation.offer.OfferProcess;
import cn.collectivenegotiation.offer.Offers;
import cn.collectivenegotiation.offer.ReportingUnit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Figure 4: the campaign's statistics table over {@value #OFFERS} offers, from the read model
 * ({@code statistics.ms}) and by walking the engine's history ({@code statistics.naive.ms}), in the same
 * run on the same database, beside the other figures' offers (outside its period). The offers are started
 * through the engine with the product's listeners and read model ({@value #BATCH} per transaction, to load
 * in reasonable time); one in five is answered; one in ten falls outside the campaign's period.
 */
final class StatisticsBenchmark {

  static final int OFFERS = 100_000;
  static final int BATCH = 100;
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private StatisticsBenchmark() {}

  static void run(ConfigurableApplicationContext app, int offers) throws Exception {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
    ClockUtil.setCurrentTime(Date.from(LocalDate.parse("2025-03-27").atTime(12, 0).atZone(SHANGHAI).toInstant()));

    String campaignId = engine.getRuntimeService().startProcessInstanceByKey(CampaignProcess.KEY, Map.of(
        "campaignName", "2025年度集中要约月（基准）", "startDate", "2025-02-27", "endDate", "2025-03-27",
        "reportDeadline", "2025-03-29", "targetRate", 0.92)).getBusinessKey();
    Campaign campaign = app.getBean(Campaigns.class).find(campaignId).orElseThrow();

    // the other figures' offers are in the database too, but outside this campaign's period: these are its own
    long existing = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(OfferProcess.KEY).count();
    int toLoad = offers;
    long loadStart = System.nanoTime();
    ReportingUnit[] units = ReportingUnit.values();
    Parallel.inBatches("statistics-load", 2, toLoad, BATCH, tx, n -> {
      // one in ten before the period; the rest spread over its 29 days
      LocalDate date = n % 10 == 0 ? LocalDate.parse("2025-02-10").plusDays(n % 17)
          : LocalDate.parse("2025-02-27").plusDays(n % 29);
      engine.getRuntimeService().startProcessInstanceByKey(OfferProcess.KEY,
          Offers.unionOffer(date.toString(), n, units[n % units.length].name(), 20 + n % 500));
    });
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
    Bench.note("loaded " + toLoad + " offers for the campaign beside the " + existing + " of the other figures in " + Math.round(loadSeconds)
        + " s (" + Math.round(toLoad / loadSeconds) + "/s, " + BATCH + " per transaction); " + Bench.databaseSize());

    // one in five of them answers (the other figures' offers were created later on the engine's clock)
    long answerStart = System.nanoTime();
    List<Task> open = engine.getTaskService().createTaskQuery().processDefinitionKey(OfferProcess.KEY)
        .taskDefinitionKey("respondToOffer").taskCreatedBefore(new Date(ClockUtil.getCurrentTime().getTime() + 1))
        .orderByTaskId().asc().list();
    List<Task> toAnswer = new ArrayList<>();
    for (int i = 0; i < open.size(); i += 5) {
      toAnswer.add(open.get(i));
    }
    Parallel.inBatches("statistics-answer", 2, toAnswer.size(), BATCH, tx, i -> engine.getTaskService().complete(toAnswer.get(i).getId(),
        Map.of("responseDecision", "ACCEPT", "proposedNegotiationDate", "2025-04-10")));
    Bench.note("answered " + toAnswer.size() + " in " + Math.round((System.nanoTime() - answerStart) / 1e9) + " s; "
        + Bench.databaseSize());

    CampaignStatistics statistics = app.getBean(CampaignStatistics.class);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    StatisticsTable table = statistics.table(campaign, now);
    Map<String, NaiveStatistics.UnitCount> naive = NaiveStatistics.count(engine.getHistoryService(), campaign);
    for (StatisticsTable.UnitTable unit : table.units()) {
      NaiveStatistics.UnitCount n = naive.get(unit.unit());
      if (n == null || n.offered() != unit.single().offered() || n.responded() != unit.single().responded()) {
        throw new IllegalStateException("read model and history disagree for " + unit.unit() + ": " + unit.single() + " vs " + n);
      }
    }
    Bench.note("city: " + table.city().total().offered() + " offered, " + table.city().total().responded()
        + " answered in the period; the read model and the history walk agree unit by unit");

    // each request at another instant, as in use: H2 would otherwise answer a repeated identical query
    // from its result cache while the tables are unchanged
    java.util.concurrent.atomic.AtomicLong tick = new java.util.concurrent.atomic.AtomicLong();
    double readModel = Bench.medianMillis(20, 51,
        () -> statistics.table(campaign, now.plusMillis(tick.incrementAndGet())));
    double walk = Bench.medianMillis(1, 3, () -> NaiveStatistics.count(engine.getHistoryService(), campaign));
    Bench.print("statistics.ms", readModel, "ms");
    Bench.print("statistics.naive.ms", walk, "ms");
    ClockUtil.reset();
  }
}
