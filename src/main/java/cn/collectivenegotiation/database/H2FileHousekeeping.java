package cn.collectivenegotiation.database;

import java.sql.Connection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the crash-safe H2 file from growing without end. With {@code WRITE_DELAY=0} H2 writes a new chunk
 * to the file at every commit and, having no write delay, runs no background writer, and with it none of
 * the housekeeping that thread does: a chunk that is still partly live is never rewritten, so its space is
 * never reused. Every {@code negotiation.h2.housekeeping-interval} this rewrites the least-filled chunks, as
 * H2's own background writer would, and then forces the file to disk ({@code FileChannel.force}).
 *
 * <p>The rest of the growth was H2's retention time: MVStore keeps every chunk for {@code RETENTION_TIME}
 * (45 s by default) before it may be rewritten or its space reused, so at every commit's chunk the file holds
 * the last 45 s of writes twice over (the chunks, and the rewritten pages waiting another 45 s); the
 * benchmark's file peaked at about 540 MB per 1,000 offers. H2 keeps old chunks that long so that a power cut
 * finds an older consistent state on disk while the operating system still holds newer writes in its cache
 * (Linux writes dirty pages back within 30 s). The forced write after each round bounds that time to the
 * interval, so application.yaml sets {@code RETENTION_TIME=5000} (more than twice the 2 s interval); with it
 * the file stays within a few times its live data (README, "the crash-safe H2 file"). A killed process
 * (kill -9) loses nothing either way: what H2 wrote is in the operating system's cache ({@code CrashSafetyTest}
 * runs application.yaml's settings). Only for an H2 file with {@code WRITE_DELAY=0}; any other database is
 * left alone, and an interval of 0 turns it off (then leave RETENTION_TIME at H2's default).
 */
@Component
public class H2FileHousekeeping implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(H2FileHousekeeping.class);

  /** Chunks less full than this are rewritten (H2's own automatic compaction aims at 90%). */
  static final int TARGET_FILL_RATE = 80;
  /** At most this much live data is moved per round, so that commits wait on the store lock only briefly. */
  static final int WRITE_LIMIT_BYTES = 8 << 20;

  private final DataSource dataSource;
  private final boolean applies;
  private final long intervalMillis;
  private ScheduledExecutorService timer;

  public H2FileHousekeeping(DataSource dataSource, @Value("${spring.datasource.url:}") String url,
      @Value("${negotiation.h2.housekeeping-interval:2s}") java.time.Duration interval) {
    this.dataSource = dataSource;
    String u = url.toUpperCase();
    this.applies = u.startsWith("JDBC:H2:FILE:") && u.replace(" ", "").contains(";WRITE_DELAY=0") && !interval.isZero();
    this.intervalMillis = interval.toMillis();
  }

  /** One round: rewrite the emptiest chunks; true if any was rewritten. */
  public boolean compact() {
    try (Connection c = dataSource.getConnection()) {
      MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
      boolean rewritten = store.compact(TARGET_FILL_RATE, WRITE_LIMIT_BYTES);
      // what was written so far is on the disk: RETENTION_TIME need only cover the interval (class comment)
      store.sync();
      return rewritten;
    } catch (Exception | LinkageError e) {
      // a later H2 with other internals: the file then grows as before, which is no reason to stop the server
      log.warn("H2 housekeeping stopped: {}", e.toString());
      stop();
      return false;
    }
  }

  @Override
  public synchronized void start() {
    if (applies && timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "h2-housekeeping");
        t.setDaemon(true);
        return t;
      });
      timer.scheduleWithFixedDelay(this::compact, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdown();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
