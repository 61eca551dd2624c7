package cn.collectivenegotiation.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * {@code -Dbench.querystats=N}: the N statements H2 spent most time on during one figure's run, from H2's own
 * {@code INFORMATION_SCHEMA.QUERY_STATISTICS}, printed as notes after it. A profile says the time is in H2
 * reading rows; this says which statement reads them (H2 only; PostgreSQL has pg_stat_statements instead).
 */
final class H2QueryStatistics {

  static final int TOP = Integer.getInteger("bench.querystats", 0);

  private H2QueryStatistics() {}

  /** Clears H2's statistics and starts collecting them, if asked for and on H2. */
  static void start(DataSource dataSource) {
    run(dataSource, s -> {
      s.execute("SET QUERY_STATISTICS FALSE"); // turning it off drops what was collected
      s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 500");
      s.execute("SET QUERY_STATISTICS TRUE");
    });
  }

  /** Notes the statements with the most time, then stops collecting. */
  static void print(DataSource dataSource, String figure) {
    run(dataSource, s -> {
      try (ResultSet r = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME,"
          + " AVERAGE_EXECUTION_TIME, AVERAGE_ROW_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
          + " ORDER BY CUMULATIVE_EXECUTION_TIME DESC LIMIT " + TOP)) {
        while (r.next()) {
          String sql = r.getString(1).replaceAll("\\s+", " ");
          Bench.note(String.format(Locale.ROOT, "%s SQL %8.0f ms total, %7d times, %7.3f ms each, %6.1f rows: %s",
              figure, r.getDouble(3), r.getLong(2), r.getDouble(4), r.getDouble(5), sql));
        }
      }
      s.execute("SET QUERY_STATISTICS FALSE");
    });
  }

  private interface Work {
    void on(Statement s) throws SQLException;
  }

  private static void run(DataSource dataSource, Work work) {
    if (TOP <= 0) {
      return;
    }
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      if (!c.getMetaData().getDatabaseProductName().equals("H2")) {
        return;
      }
      work.on(s);
    } catch (SQLException e) {
      Bench.note("no H2 query statistics: " + e.getMessage());
    }
  }
}
