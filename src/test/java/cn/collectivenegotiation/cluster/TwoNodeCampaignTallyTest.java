package cn.collectivenegotiation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.CollectiveNegotiationApplication;
import cn.collectivenegotiation.campaign.Campaign;
import cn.collectivenegotiation.campaign.CampaignProcess;
import cn.collectivenegotiation.campaign.CampaignStatistics;
import cn.collectivenegotiation.campaign.Campaigns;
import cn.collectivenegotiation.campaign.StatisticsTable;
import cn.collectivenegotiation.campaign.TallyCheck;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.OfferProcess;
import cn.collectivenegotiation.offer.Offers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Each node keeps the campaigns' periods ({@code campaign/TallyGates}) and reads them again only when a gate
 * shows that a campaign was created since: two nodes of the product on one database, on both databases it runs
 * on. A campaign created on node 2 is counted by node 1's next offer; and a gate's lock that waited for a
 * campaign's creation to commit reads the count the creation left (on PostgreSQL and on H2 alike).
 */
class TwoNodeCampaignTallyTest {

  final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    ClockUtil.reset();
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  ConfigurableApplicationContext node(String name, String... database) {
    List<String> args = new ArrayList<>(List.of(database));
    args.addAll(List.of("--server.port=0", "--camunda.bpm.admin-user.password=" + TestUsers.ADMIN_PASSWORD,
        "--camunda.bpm.process-engine-name=" + name, "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--camunda.bpm.job-execution.enabled=false", "--negotiation.mail.enabled=false"));
    ConfigurableApplicationContext app = new SpringApplicationBuilder(CollectiveNegotiationApplication.class)
        .run(args.toArray(String[]::new));
    opened.add(app);
    return app;
  }

  void campaignOfTheOtherNode(String... database) throws Exception {
    ConfigurableApplicationContext node1 = node("node1", database);
    ConfigurableApplicationContext node2 = node("node2", database);
    ProcessEngine engine1 = node1.getBean(ProcessEngine.class);
    ClockUtil.setCurrentTime(Date.from(LocalDate.parse("2019-03-06").atTime(10, 0).atZone(LegalTime.zone()).toInstant()));

    // node 1 commits an offer before any campaign: it has read the campaigns (none) and keeps them
    String first = engine1.getRuntimeService().startProcessInstanceByKey(OfferProcess.KEY,
        Offers.unionOffer("2019-03-04", 1, "SHIZHONG", 30)).getId();
    String id = node2.getBean(ProcessEngine.class).getRuntimeService().startProcessInstanceByKey(CampaignProcess.KEY,
        Map.of("campaignName", "2019年度集中要约月（两节点）", "startDate", "2019-03-01", "endDate", "2019-03-31",
            "reportDeadline", "2019-04-02", "targetRate", 0.92)).getBusinessKey();
    Campaign campaign = node2.getBean(Campaigns.class).find(id).orElseThrow();

    // node 1's next commits: a new offer and an answer, both in node 2's campaign
    engine1.getRuntimeService().startProcessInstanceByKey(OfferProcess.KEY,
        Offers.unionOffer("2019-03-05", 2, "SHIZHONG", 40));
    Task respond = engine1.getTaskService().createTaskQuery().processInstanceId(first)
        .taskDefinitionKey("respondToOffer").singleResult();
    engine1.getTaskService().complete(respond.getId(), Map.of("responseDecision", "ACCEPT",
        "proposedNegotiationDate", "2019-03-20"));

    for (ConfigurableApplicationContext node : List.of(node1, node2)) {
      StatisticsTable table = TallyCheck.agree(node.getBean(CampaignStatistics.class), campaign,
          ClockUtil.getCurrentTime().toInstant());
      assertThat(table.city().single().offered()).isEqualTo(2);
      assertThat(table.city().single().responded()).isEqualTo(1);
    }
    gateWaitsForTheCampaign(node1.getBean(DataSource.class));
  }

  /**
   * What a gate's lock reads after waiting: a campaign's creation holds the gate and counts it up; the lock,
   * waiting meanwhile, reads the new count once the creation commits (not the count as it was when it began).
   */
  static void gateWaitsForTheCampaign(DataSource dataSource) throws Exception {
    String lock = TallyCheck.GATE_LOCK;
    try (Connection creation = dataSource.getConnection(); Connection offer = dataSource.getConnection()) {
      creation.setAutoCommit(false);
      offer.setAutoCommit(false);
      long before = read(creation, lock);
      try (PreparedStatement up = creation.prepareStatement(TallyCheck.CAMPAIGN_CREATED)) {
        up.executeUpdate();
      }
      CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> {
        try {
          return read(offer, lock);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      awaitBlocked(dataSource, waiting);
      creation.commit();
      assertThat(waiting.get(60, TimeUnit.SECONDS)).isEqualTo(before + 1);
      offer.commit();
    }
  }

  private static long read(Connection c, String lock) throws Exception {
    try (PreparedStatement s = c.prepareStatement(lock)) {
      s.setInt(1, 7);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** Until a session waits for a lock (the database's own view of its sessions), or the lock was taken. */
  private static void awaitBlocked(DataSource dataSource, CompletableFuture<Long> waiting) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName();
      String blocked = product.startsWith("H2")
          ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL"
          : "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'";
      while (!waiting.isDone()) {
        try (PreparedStatement s = c.prepareStatement(blocked); ResultSet r = s.executeQuery()) {
          r.next();
          if (r.getLong(1) > 0) {
            return;
          }
        }
        Thread.onSpinWait();
      }
    }
    throw new AssertionError("the lock was taken while the creation held the gate: " + waiting.get());
  }

  @Test
  @DisplayName("H2：节点2新建的集中要约月，节点1下一次提交的要约即计入")
  void onH2() throws Exception {
    campaignOfTheOtherNode("--spring.datasource.url=jdbc:h2:mem:two-node-tally;DB_CLOSE_DELAY=-1");
  }

  @Test
  @DisplayName("PostgreSQL：节点2新建的集中要约月，节点1下一次提交的要约即计入")
  void onPostgres() throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    opened.add(postgres);
    campaignOfTheOtherNode("--spring.profiles.active=postgres",
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
  }
}
