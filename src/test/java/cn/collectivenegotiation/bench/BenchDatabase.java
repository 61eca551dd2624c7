package cn.collectivenegotiation.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Where the benchmarks run ({@code -Dbench.db=h2}, the default, or {@code -Dbench.db=postgres}): the
 * product's own crash-safe H2 file settings (read from its application.yaml, so the figures follow them),
 * in fresh files under target/bench; or one embedded PostgreSQL (io.zonky, from Maven Central) with one
 * database per application.
 */
final class BenchDatabase implements AutoCloseable {

  private final String kind;
  private final EmbeddedPostgres postgres;

  private BenchDatabase(String kind, EmbeddedPostgres postgres) {
    this.kind = kind;
    this.postgres = postgres;
  }

  static BenchDatabase start(String kind) throws IOException {
    return switch (kind) {
      case "h2" -> new BenchDatabase(kind, null);
      case "postgres" -> new BenchDatabase(kind, EmbeddedPostgres.builder().start());
      default -> throw new IllegalArgumentException("bench.db must be h2 or postgres, not " + kind);
    };
  }

  String kind() {
    return kind;
  }

  /** The product's default URL with its options, on a file of its own under target/bench. */
  static String productH2Url() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    Properties p = yaml.getObject();
    return p.getProperty("spring.datasource.url");
  }

  String describe() {
    return kind.equals("h2") ? "H2 file " + productH2Url().replaceFirst("^[^;]*", "") : "embedded PostgreSQL";
  }

  /** Spring properties that point an application at database {@code name}. */
  Map<String, Object> properties(String name) {
    Map<String, Object> p = new LinkedHashMap<>();
    if (postgres == null) {
      // -Dbench.h2.options=;SETTING=value... tries an H2 setting beside the product's own
      p.put("spring.datasource.url", productH2Url().replace("./data/collective-negotiation", "./" + Bench.DIR + "/" + name)
          + System.getProperty("bench.h2.options", ""));
      return p;
    }
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name.replace('-', '_'));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    p.put("spring.datasource.url", postgres.getJdbcUrl("postgres", name.replace('-', '_')));
    p.put("spring.datasource.username", "postgres");
    p.put("spring.datasource.password", "postgres");
    p.put("camunda.bpm.database.type", "postgres");
    return p;
  }

  @Override
  public void close() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }
}
