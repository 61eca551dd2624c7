package cn.collectivenegotiation.bench;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast the crash-safe H2 file grows ({@code -Dbench.only=h2growth}, H2 only): N offers through the
 * campaign's mix ({@link CampaignBenchmark}, every step its own commit, as in use), the file's size before
 * and after, and every 15 s what MVStore says of it (its {@code info.*} settings: file size, the share of the
 * file taken by chunks, the share of chunks still live, the chunk count), so that one sees whether the space
 * goes to dead chunks waiting out the retention time, to partly-live chunks nobody rewrites, or to holes.
 * Figures: {@code h2.mb_per_1000_offers} (growth of the file at the end), {@code h2.peak_mb_per_1000_offers} (its
 * largest size, sampled every 5 s, less the size before) and {@code h2.offers_per_s}. Settings are
 * compared run by run, each on a fresh file: {@code -Dbench.h2.options=;RETENTION_TIME=...} (appended to the
 * product's URL) and the housekeeping's own properties ({@code -Dnegotiation.h2.*}).
 */
final class H2FileGrowthBenchmark {

  private H2FileGrowthBenchmark() {}

  static void run(ConfigurableApplicationContext app, int offers, int threads) throws Exception {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    ChainModel.deployBare(engine); // as in the full run, so the starting size compares
    Bench.note("h2growth: URL " + BenchDatabase.productH2Url()
        + System.getProperty("bench.h2.options", "") + "; housekeeping "
        + new TreeMap<>(System.getProperties()).entrySet().stream().filter(e -> e.getKey().toString().startsWith("negotiation.h2."))
            .map(Object::toString).toList() + " (the rest as application.yaml says)");
    long before = info(jdbc).getOrDefault("info.FILE_SIZE", 0L);
    long start = System.nanoTime();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-h2growth-sampler"));
    // H2 cuts the file when its end is free, so the size goes up and down: the peak is what the disk must hold
    java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong(before);
    java.util.concurrent.atomic.AtomicInteger samples = new java.util.concurrent.atomic.AtomicInteger();
    sampler.scheduleAtFixedRate(() -> {
      Map<String, Long> now = info(jdbc);
      peak.accumulateAndGet(now.getOrDefault("info.FILE_SIZE", 0L), Math::max);
      if (samples.incrementAndGet() % 3 == 0) {
        Bench.note(String.format(Locale.ROOT, "h2growth t=%ds %s", Math.round((System.nanoTime() - start) / 1e9), describe(now)));
      }
    }, 5, 5, TimeUnit.SECONDS);
    double rate;
    try {
      rate = CampaignBenchmark.run(engine, ChainModel.PRODUCT, offers, threads, 300_000, LocalDate.parse("2026-03-02"));
    } finally {
      sampler.shutdown();
      sampler.awaitTermination(1, TimeUnit.MINUTES);
    }
    Map<String, Long> after = info(jdbc);
    Bench.note("h2growth end: " + describe(after) + "; before the offers " + before / 1_000_000 + " MB");
    Bench.print("h2.mb_per_1000_offers", (after.get("info.FILE_SIZE") - before) / 1e6 / offers * 1000, "MB");
    Bench.print("h2.peak_mb_per_1000_offers", (Math.max(peak.get(), after.get("info.FILE_SIZE")) - before) / 1e6 / offers * 1000, "MB");
    Bench.print("h2.offers_per_s", rate, "offers/s");
    // the same file once the load has stopped and the housekeeping had 30 s to itself
    Thread.sleep(30_000);
    Bench.note("h2growth 30 s later: " + describe(info(jdbc)));
  }

  /** MVStore's own figures on the file, as H2 shows them in INFORMATION_SCHEMA.SETTINGS. */
  static Map<String, Long> info(JdbcTemplate jdbc) {
    Map<String, Long> info = new TreeMap<>();
    jdbc.query("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME LIKE 'info.%'",
        (java.sql.ResultSet rs) -> {
          try {
            info.put(rs.getString(1), Long.parseLong(rs.getString(2)));
          } catch (NumberFormatException ignored) {
            // not a number (none of the figures read here)
          }
        });
    return info;
  }

  static String describe(Map<String, Long> i) {
    long size = i.getOrDefault("info.FILE_SIZE", 0L);
    long fill = i.getOrDefault("info.FILL_RATE", 0L);
    long chunksFill = i.getOrDefault("info.CHUNKS_FILL_RATE", 0L);
    return String.format(Locale.ROOT, "file %d MB, chunks take %d%% of it, %d%% of chunk space live (rewritable %d%%),"
            + " live about %d MB, %d chunks, %d MB written in %d writes; %s", size / 1_000_000, fill, chunksFill,
        i.getOrDefault("info.CHUNKS_FILL_RATE_RW", 0L), size * fill / 100 * chunksFill / 100 / 1_000_000,
        i.getOrDefault("info.CHUNK_COUNT", 0L), i.getOrDefault("info.FILE_WRITE_BYTES", 0L) / 1_000_000,
        i.getOrDefault("info.FILE_WRITE", 0L), Bench.databaseSize());
  }
}
