package cn.collectivenegotiation.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The crash-safe H2 file's settings hold together: the retention time application.yaml gives H2 is covered
 * by the housekeeping's forced writes, and the housekeeping runs on such a file (and on no other database).
 */
class H2FileHousekeepingTest {

  @TempDir Path dir;

  static Properties applicationYaml() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    return yaml.getObject();
  }

  static H2FileHousekeeping housekeeping(JdbcDataSource dataSource, String url) {
    return new H2FileHousekeeping(dataSource, url, Duration.ofSeconds(2));
  }

  @Test
  @DisplayName("默认 H2 文件库：崩溃安全（WRITE_DELAY=0），旧块只保留 5 秒，且每 2 秒强制写盘覆盖这段时间")
  void retentionTimeIsCoveredByTheForcedWrites() {
    String url = applicationYaml().getProperty("spring.datasource.url");
    assertThat(url).startsWith("jdbc:h2:file:").contains(";WRITE_DELAY=0");
    Matcher retention = Pattern.compile(";RETENTION_TIME=(\\d+)").matcher(url);
    assertThat(retention.find()).as("application.yaml sets H2's retention time").isTrue();
    long retentionMillis = Long.parseLong(retention.group(1));
    // a power cut may lose what the system had not written back: at most one housekeeping interval
    Duration interval = Duration.ofSeconds(2); // H2FileHousekeeping's default, not overridden in application.yaml
    assertThat(applicationYaml().getProperty("negotiation.h2.housekeeping-interval")).isNull();
    assertThat(retentionMillis).isGreaterThanOrEqualTo(2 * interval.toMillis()).isLessThan(45_000);
  }

  @Test
  @DisplayName("H2 文件库上整理线程运行：改写、强制写盘后数据完整，重新打开一行不少")
  void housekeepingRunsOnTheCrashSafeFileAndKeepsEveryRow() throws Exception {
    String options = applicationYaml().getProperty("spring.datasource.url").replaceFirst("^[^;]*", "");
    String url = "jdbc:h2:file:" + dir.resolve("db") + options;
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    H2FileHousekeeping housekeeping = housekeeping(dataSource, url);
    try (Connection keepOpen = dataSource.getConnection(); Statement s = keepOpen.createStatement()) {
      housekeeping.start();
      assertThat(housekeeping.isRunning()).isTrue();
      s.execute("CREATE TABLE offer_like (id INT PRIMARY KEY, status VARCHAR(20), note VARCHAR(200))");
      // one commit per row and a second one changing it, as the engine's steps do: chunks become partly live
      for (int i = 0; i < 2_000; i++) {
        s.execute("INSERT INTO offer_like VALUES (" + i + ", 'AWAITING_RESPONSE', REPEAT('要约', 50))");
        s.execute("UPDATE offer_like SET status = 'ACCEPTED' WHERE id = " + (i / 2));
      }
      housekeeping.compact();
      assertThat(housekeeping.isRunning()).as("a round neither failed nor stopped the housekeeping").isTrue();
    } finally {
      housekeeping.stop();
    }
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN status = 'ACCEPTED' THEN 1 ELSE 0 END) FROM offer_like")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(2_000);
      assertThat(rs.getLong(2)).isEqualTo(1_000);
    }
  }

  @Test
  @DisplayName("其他数据库（内存库、PostgreSQL、有写延迟的 H2 文件）：整理线程不运行")
  void leavesOtherDatabasesAlone() {
    JdbcDataSource dataSource = new JdbcDataSource();
    for (String url : new String[] {"jdbc:h2:mem:test", "jdbc:postgresql://localhost/negotiation",
        "jdbc:h2:file:" + dir.resolve("delayed")}) {
      H2FileHousekeeping housekeeping = housekeeping(dataSource, url);
      housekeeping.start();
      assertThat(housekeeping.isRunning()).as(url).isFalse();
    }
  }
}
