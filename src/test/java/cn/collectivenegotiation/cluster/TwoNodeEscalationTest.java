package cn.collectivenegotiation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.CollectiveNegotiationApplication;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.OfferProcess;
import cn.collectivenegotiation.offer.Offers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Camunda's way to outgrow one machine: several engines on one database. Two nodes of the product,
 * job executors running, on a real PostgreSQL: every overdue offer is escalated exactly once.
 */
class TwoNodeEscalationTest {

  static final int OFFERS = 1000;

  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext node1;
  static ConfigurableApplicationContext node2;

  @BeforeAll
  static void startCluster() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    node1 = node("node1");
    node2 = node("node2");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    ClockUtil.reset();
    for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {node1, node2}) {
      if (node != null) {
        node.close();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  static ConfigurableApplicationContext node(String name) {
    return new SpringApplicationBuilder(CollectiveNegotiationApplication.class)
        .profiles("postgres")
        // arguments, not default properties: they must win over application-postgres.yaml
        .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--server.port=0",
            "--camunda.bpm.admin-user.password=" + TestUsers.ADMIN_PASSWORD,
            "--camunda.bpm.process-engine-name=" + name,
            "--camunda.bpm.generic-properties.properties.hostname=" + name,
            "--camunda.bpm.job-execution.enabled=true",
            // an idle job executor backs off up to a minute by default; both must be awake when the
            // timers fall due, or one node may finish all of them before the other looks
            "--camunda.bpm.job-execution.wait-time-in-millis=500",
            "--camunda.bpm.job-execution.max-wait=2000");
  }

  @Test
  @DisplayName("两个节点共用一个 PostgreSQL：1000 件逾期要约，每件恰好升级一次，两个节点都在工作")
  void everyOverdueOfferIsEscalatedExactlyOnce() throws Exception {
    RuntimeService runtime = node1.getBean(RuntimeService.class);
    for (int i = 0; i < OFFERS; i++) {
      runtime.startProcessInstanceByKey(OfferProcess.KEY, Offers.unionOffer(LegalTime.today().toString()));
    }
    // 60 days on, every reminder and every response deadline is due at once, for both job executors
    // (the engines share this JVM's clock; neither was told of the jobs when they were created)
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(60))));

    TaskService tasks = node2.getBean(TaskService.class);
    long giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (tasks.createTaskQuery().taskDefinitionKey("issueRectificationNotice").count() < OFFERS
        && System.nanoTime() < giveUp) {
      Thread.sleep(250); // waiting for real job executors, not moving time
    }

    assertThat(tasks.createTaskQuery().taskDefinitionKey("issueRectificationNotice").count()).isEqualTo(OFFERS);
    HistoryService history = node1.getBean(HistoryService.class);
    var escalations = history.createHistoricActivityInstanceQuery().activityId("issueRectificationNotice").list();
    assertThat(escalations).hasSize(OFFERS);
    Set<String> escalatedOffers = escalations.stream().map(HistoricActivityInstance::getProcessInstanceId)
        .collect(Collectors.toSet());
    assertThat(escalatedOffers).hasSize(OFFERS);
    assertThat(history.createHistoricActivityInstanceQuery().activityId("sendResponseReminder").count()).isEqualTo(OFFERS);
    // two nodes may run two timers of one offer at once: the loser gets an optimistic-locking
    // failure and is retried, which is how Camunda keeps a cluster exactly-once; nothing is left failed
    assertThat(history.createHistoricJobLogQuery().failureLog().list())
        .allSatisfy(f -> assertThat(f.getJobExceptionMessage()).contains("updated by another transaction concurrently"));
    assertThat(runtime.createIncidentQuery().count()).as("incidents").isZero();
    assertThat(node1.getBean(org.camunda.bpm.engine.ManagementService.class).createJobQuery()
        .processDefinitionKey(OfferProcess.KEY).executable().count())
        .as("jobs still due").isZero();

    // the offers' jobs only: the nightly history cleanup is a job too
    Map<String, Long> jobsByNode = history.createHistoricJobLogQuery().processDefinitionKey(OfferProcess.KEY)
        .successLog().list().stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getHostname, Collectors.counting()));
    assertThat(jobsByNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2L * OFFERS);
    assertThat(jobsByNode).containsOnlyKeys("node1", "node2");
    System.out.println("CLUSTER jobs executed per node: " + jobsByNode);
  }
}
