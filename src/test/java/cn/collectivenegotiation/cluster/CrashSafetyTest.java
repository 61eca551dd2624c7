package cn.collectivenegotiation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.offer.Offers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * kill -9 in the middle of a run of offers and escalations: after a restart every offer that was
 * answered 201 is there, with its task or timer, and every escalation happened exactly once.
 */
class CrashSafetyTest {

  static final int OFFERS = 30;

  @TempDir Path dir;

  @Test
  @DisplayName("H2 文件库（产品的默认设置，WRITE_DELAY=0）：发出要约与升级进行中被 kill -9，重启后一件不少、每件只升级一次")
  void h2FileSurvivesKillNine() throws Exception {
    // the product's own H2 settings (write delay, retention time), on a file of the test's own
    String url = "jdbc:h2:file:" + dir.resolve("db") + productH2Options();
    assertThat(url).contains(";WRITE_DELAY=0");
    survivesKillNine("h2", "--spring.datasource.url=" + url);
  }

  /** The options of application.yaml's H2 URL, e.g. ";WRITE_DELAY=0;RETENTION_TIME=5000". */
  static String productH2Options() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    return yaml.getObject().getProperty("spring.datasource.url").replaceFirst("^[^;]*", "");
  }

  @Test
  @DisplayName("PostgreSQL：发出要约与升级进行中被 kill -9，重启后一件不少、每件只升级一次")
  void postgresSurvivesKillNine() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      survivesKillNine("postgres", "--spring.profiles.active=postgres",
          "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
          "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
    }
  }

  private void survivesKillNine(String name, String... database) throws Exception {
    // the servers' output stays for whoever reads a failure
    Path log = Path.of("target", "crash-safety-" + name + ".log");
    ServerProcess server = ServerProcess.start(log, database);
    List<String> answered = new ArrayList<>();
    try {
      for (int i = 0; i < OFFERS; i++) {
        // delivered in 2017: each offer's deadline has passed, so its escalation starts at once,
        // on the job executor, while the next offers are still being sent
        var response = server.postJson("/api/offers", """
            {"offerorSide":"UNION","creditCode":"%s","enterpriseName":"崩溃测试企业","reportingUnit":"SHIZHONG",
             "workforce":50,"topics":["WAGE_ADJUSTMENT"],"offerDate":"2017-03-01","deliveryDate":"2017-03-05"}"""
            .formatted(Offers.ENTERPRISE));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        answered.add(response.body().replaceAll(".*\"offerNumber\":\"([^\"]+)\".*", "$1"));
      }
    } finally {
      server.killHard();
    }

    ServerProcess restarted = ServerProcess.start(log, database);
    try {
      // jobs the killed server had locked wait for their lock to expire (lock-time-in-millis: 1 minute)
      long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (restarted.count("/task/count?taskDefinitionKey=issueRectificationNotice") < OFFERS
          && System.nanoTime() < giveUp) {
        Thread.sleep(300); // the restarted job executor finishes what the killed one left
      }
      assertThat(restarted.count("/history/process-instance/count?processDefinitionKey=collective-offer"))
          .as("every offer answered 201 is there").isEqualTo(OFFERS);
      for (String number : answered) {
        assertThat(restarted.get("/api/offers/" + number)).contains("\"status\":\"RECTIFICATION\"");
      }
      assertThat(restarted.count("/task/count?taskDefinitionKey=issueRectificationNotice")).isEqualTo(OFFERS);
      assertThat(restarted.count("/task/count?taskDefinitionKey=respondToOffer"))
          .as("the offeree can still answer late").isEqualTo(OFFERS);
      assertThat(restarted.count("/history/activity-instance/count?activityId=issueRectificationNotice"))
          .as("each escalation once").isEqualTo(OFFERS);
      assertThat(restarted.count("/history/activity-instance/count?activityId=sendResponseReminder"))
          .as("each reminder once").isEqualTo(OFFERS);
    } finally {
      restarted.stop();
    }
  }
}
