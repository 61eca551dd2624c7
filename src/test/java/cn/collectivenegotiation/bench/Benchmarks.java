package cn.collectivenegotiation.bench;

import cn.collectivenegotiation.CollectiveNegotiationApplication;
import cn.collectivenegotiation.offer.OfferService;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark command ({@code mvn -q -Pbench verify}): prints one {@code BENCH <name> <value> <unit>} line
 * per figure, each beside its baseline measured in the same run on the same database.
 *
 * <ul>
 *   <li>{@code -Dbench.db=h2} (default: the product's crash-safe H2 file, fresh under target/bench) or
 *       {@code postgres} (embedded PostgreSQL);</li>
 *   <li>{@code -Dbench.only=startup,deadlines,campaign,api,statistics} (default: all, in this order); also
 *       {@code h2growth}, not in the default list ({@link H2FileGrowthBenchmark}, {@code bench.h2growth.offers});
 *       {@code rows}, last ({@link RowsBenchmark}: rows and statements written per offer, {@code bench.rows.offers},
 *       20);</li>
 *   <li>sizes (the here; the bench profile in pom.xml passes the ones that finish in 20 minutes on
 *       this shared machine): {@code bench.campaign.offers} (10,000), {@code bench.campaign.rounds} (4: each model's
 *       offers in alternating slices), {@code bench.deadlines.offers} (10,000),
 *       {@code bench.api.seconds} (60), {@code bench.api.bare.seconds} (60), {@code bench.statistics.offers}
 *       (100,000 offers for the campaign's table), {@code bench.startup.runs} (3), {@code bench.threads} (2,
 *       people working at once in the campaign).</li>
 *   <li>{@code -Dbench.querystats=N}: after each deadline escalation and campaign phase, the N statements H2 spent most
 *       time on ({@link H2QueryStatistics});</li>
 *   <li>{@code -Dbench.keep=true}: the database of an earlier run with the same {@code bench.dir} is kept, and the
 *       statistics figure measures the offers that run loaded (loading the 100,000 takes longer than
 *       the run may; the code measured may be newer than the code that loaded them: its migrations run first).</li>
 * </ul>
 */
public final class Benchmarks {

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    Set<String> only = Set.of(System.getProperty("bench.only", "startup,deadlines,campaign,api,statistics,rows").split(","));
    int campaignOffers = Integer.getInteger("bench.campaign.offers", 10_000);
    int deadlineOffers = Integer.getInteger("bench.deadlines.offers", 10_000);
    int apiSeconds = Integer.getInteger("bench.api.seconds", 60);
    int apiBareSeconds = Integer.getInteger("bench.api.bare.seconds", 60);
    int statisticsOffers = Integer.getInteger("bench.statistics.offers", 100_000);
    int threads = Integer.getInteger("bench.threads", 2);
    long runStart = System.nanoTime();
    // -Dbench.keep=true keeps the database of an earlier run (the statistics figure then reuses the offers it
    // loaded, see StatisticsBenchmark): 100,000 offers take longer to load than the whole run may
    if (!Bench.KEEP) {
      deleteRecursively(Path.of(Bench.DIR));
    }
    try (BenchDatabase database = BenchDatabase.start(System.getProperty("bench.db", "h2"))) {
      Bench.note("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
          + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MB, load average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
          + "; database: " + database.describe());

      if (only.contains("startup")) {
        StartupBenchmark.Result startup = StartupBenchmark.run(database, Integer.getInteger("bench.startup.runs", 3));
        Bench.print("startup.seconds", startup.product(), "s");
        Bench.print("startup.bare.seconds", startup.bare(), "s");
        Bench.note("start-up ratio " + String.format("%.2f", startup.product() / startup.bare()) + " (target ≤ 1.3)");
      }

      try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CollectiveNegotiationApplication.class)
          .profiles("bench").run(arguments(database.properties("product")))) {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // the product's job executor as application.yaml sets it, stopped: each figure runs it when it needs it
        JobExecutorSettings ours = JobExecutorSettings.ours(app.getBean(CamundaBpmProperties.class), configuration);
        JobExecutorSettings.stop(configuration);
        ChainModel.deployBare(engine);
        TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        // -Dbench.querystats=N: the N statements H2 spent most time on, after each measured phase
        javax.sql.DataSource dataSource = app.getBean(javax.sql.DataSource.class);

        if (only.contains("deadlines")) {
          // -Dbench.deadlines.defaultFirst=true measures Camunda's defaults before ours, to see what the order does
          boolean defaultFirst = Boolean.getBoolean("bench.deadlines.defaultFirst");
          // unmeasured: the first escalations of a JVM run on code not compiled yet, which would count
          // against whichever setting went first
          DeadlineBenchmark.run(engine, tx, ChainModel.PRODUCT, ours, Math.max(50, deadlineOffers / 5), 90_000,
              LocalDate.parse("2025-02-03"));
          double bareBefore = DeadlineBenchmark.run(engine, tx, ChainModel.BARE, ours, deadlineOffers, 0, LocalDate.parse("2025-04-07"));
          double tuned = 0;
          double bare = bareBefore;
          if (!defaultFirst) {
            tuned = DeadlineBenchmark.run(engine, tx, ChainModel.PRODUCT, ours, deadlineOffers, 20_000, LocalDate.parse("2025-05-19"));
            // the bare model again, after the product: each phase runs on a database the ones before it grew (at
            // 10,000 offers a phase adds 10,000 open instances, and every commit writes a deeper B-tree path), so
            // the product, measured second, was measured on the bigger one; bracketed, both see it alike
            double bareAfter = DeadlineBenchmark.run(engine, tx, ChainModel.BARE, ours, deadlineOffers, 50_000,
                LocalDate.parse("2025-06-30"));
            bare = (bareBefore + bareAfter) / 2;
            Bench.note("deadlines, bare model before and after the product (tuned): " + String.format("%.1f", bareBefore)
                + " s and " + String.format("%.1f", bareAfter) + " s");
          }
          // each phase's day after the clock of the one before (its day + 35), so no earlier timer falls due in it
          double defaults = DeadlineBenchmark.run(engine, tx, ChainModel.PRODUCT, JobExecutorSettings.CAMUNDA_DEFAULT,
              deadlineOffers, 40_000, LocalDate.parse(defaultFirst ? "2025-06-30" : "2025-08-11"));
          if (defaultFirst) {
            tuned = DeadlineBenchmark.run(engine, tx, ChainModel.PRODUCT, ours, deadlineOffers, 20_000, LocalDate.parse("2025-08-11"));
          }
          Bench.print("deadlines.tuned.seconds", tuned, "s");
          Bench.print("deadlines.default.seconds", defaults, "s");
          Bench.print("deadlines.bare.seconds", bare, "s");
          Bench.print("deadlines.ratio", tuned / bare, "x");
        }

        if (only.contains("campaign")) {
          CampaignBenchmark.Result campaign = CampaignBenchmark.interleaved(engine, campaignOffers, threads,
              Integer.getInteger("bench.campaign.rounds", 4), 60_000, LocalDate.parse("2025-09-01"), dataSource);
          double product = campaign.product();
          double bare = campaign.bare();
          Bench.note("campaign: " + campaign.rounds() + " rounds of " + campaign.offersPerSlice()
              + " offers per model, alternating, after a warm-up slice of each");
          Bench.print("campaign.offers_per_s", product, "offers/s");
          Bench.print("campaign.bare_per_s", bare, "offers/s");
          Bench.print("campaign.ratio", bare / product, "x");
          System.gc();
          Bench.print("heap.mb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0, "MB");
        }

        if (only.contains("api")) {
          ApiBenchmark.ensureOfficer(engine.getIdentityService());
          int port = ((WebServerApplicationContext) app).getWebServer().getPort();
          ApiBenchmark.Result api = ApiBenchmark.interleaved(engine, port, apiSeconds, apiBareSeconds,
              Integer.getInteger("bench.api.rounds", 4), LocalDate.parse("2026-01-05"));
          double bare = api.barePerSecond();
          Bench.print("api.offers_per_s", api.perSecond(), "offers/s");
          Bench.print("api.bare_per_s", bare, "starts/s");
          Bench.print("api.p99.ms", api.p99Millis(), "ms");
          Bench.note("API ratio " + String.format("%.2f", api.perSecond() / bare) + " of the bare rate (target ≥ 0.8)");
        }

        if (only.contains("statistics")) {
          StatisticsBenchmark.run(app, statisticsOffers);
        }

        // not in the default list: one setting of the H2 file per run, on a fresh file (README, the H2 file)
        if (only.contains("h2growth")) {
          H2FileGrowthBenchmark.run(app, Integer.getInteger("bench.h2growth.offers", 2_000), threads);
        }

        // last, so its offers and their timers are no other figure's work; a day no other figure uses
        if (only.contains("rows")) {
          ApiBenchmark.ensureOfficer(engine.getIdentityService());
          RowsBenchmark.run(engine, app.getBean(javax.sql.DataSource.class), app.getBean(OfferService.class),
              Integer.getInteger("bench.rows.offers", 20), LocalDate.parse("2024-09-02"));
        }
      }
    }
    Bench.note("the run took " + Math.round((System.nanoTime() - runStart) / 1e9) + " s");
    System.exit(0);
  }

  /** As command-line arguments, which come before application.yaml (builder properties come after it). */
  static String[] arguments(java.util.Map<String, Object> properties) {
    return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
