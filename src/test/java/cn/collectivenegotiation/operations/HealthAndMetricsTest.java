package cn.collectivenegotiation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.Offers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What an operator's monitoring reads: /actuator/health and /actuator/prometheus, and who may read them. */
@ProductTest
class HealthAndMetricsTest {

  static final String MONITOR = "monitor1";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;

  @BeforeEach
  void people() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
    TestUsers.user(identityService, MONITOR, ActuatorSecurity.MONITORING_GROUP);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  TestRestTemplate monitor() {
    return http.withBasicAuth(MONITOR, TestUsers.password(MONITOR));
  }

  @Test
  @DisplayName("健康检查：匿名只得到总状态；监控组看到数据库、作业执行器和法定日历三个组件")
  void healthShowsItsComponentsToMonitoringOnly() {
    JsonNode anonymous = http.getForObject("/actuator/health", JsonNode.class);
    assertThat(anonymous.get("status").asText()).isEqualTo("UP");
    assertThat(anonymous.has("components")).as("no details for anyone").isFalse();

    JsonNode health = monitor().getForObject("/actuator/health", JsonNode.class);
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/legalCalendar/status").asText()).isEqualTo("UP");
    JsonNode jobs = health.at("/components/jobExecutor");
    // the tests run with camunda.bpm.job-execution.enabled=false: a node that is not meant to run jobs is healthy
    assertThat(jobs.get("status").asText()).isEqualTo("UP");
    assertThat(jobs.at("/details/shouldRun").asBoolean()).isFalse();
    assertThat(jobs.at("/details/active").asBoolean()).isFalse();
    assertThat(jobs.at("/details/note").asText()).contains("本节点不执行作业");
    assertThat(jobs.at("/details/dueJobs").isNumber()).isTrue();
    assertThat(jobs.at("/details/jobsWithNoRetriesLeft").isNumber()).isTrue();
  }

  @Test
  @DisplayName("Prometheus 指标：匿名 401，无监控权限的工会干部 403，监控组 200")
  void prometheusIsForMonitoringOnly() {
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth(TestUsers.SHIZHONG_OFFICER, TestUsers.password(TestUsers.SHIZHONG_OFFICER))
        .getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> scrape = monitor().getForEntity("/actuator/prometheus", String.class);
    assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(scrape.getBody()).contains("offers{status=\"AWAITING_RESPONSE\"}").contains("offers_overdue ")
        .contains("incidents_open ").contains("camunda_engine_metric{name=\"job-successful\"}")
        .contains("jvm_memory_used_bytes");
    // every status of the public contract has its gauge, 0 included
    for (String status : new String[] {"REFUSAL_REVIEW", "RECTIFICATION", "LABOUR_BUREAU", "SANCTION", "ACCEPTED",
        "NEGOTIATING", "CONGRESS_VOTE", "FILING", "UNDER_REVIEW", "EFFECTIVE", "CLOSED"}) {
      assertThat(scrape.getBody()).contains("offers{status=\"" + status + "\"}");
    }
  }

  @Test
  @DisplayName("要约数按状态统计：新发两件要约（一件已逾期）→ 30 秒内的抓取不查库，之后待应约 +2、逾期 +1")
  void offersByStatusFollowTheOffersSent() {
    Date start = new Date();
    // a fresh snapshot: the refresh interval (30 s, engine clock) has passed since any earlier scrape
    ClockUtil.setCurrentTime(new Date(start.getTime() + Duration.ofSeconds(31).toMillis()));
    String before = monitor().getForObject("/actuator/prometheus", String.class);

    send(Offers.unionOffer(LegalTime.today().toString()));
    send(Offers.unionOffer("2017-03-01")); // answer due 2017-03-21: long overdue
    String cached = monitor().getForObject("/actuator/prometheus", String.class);
    assertThat(value(cached, "offers{status=\"AWAITING_RESPONSE\"}"))
        .as("within the interval the scrape is answered from the snapshot, without asking the database")
        .isEqualTo(value(before, "offers{status=\"AWAITING_RESPONSE\"}"));

    ClockUtil.setCurrentTime(new Date(start.getTime() + Duration.ofSeconds(62).toMillis()));
    String after = monitor().getForObject("/actuator/prometheus", String.class);
    assertThat(value(after, "offers{status=\"AWAITING_RESPONSE\"}"))
        .isEqualTo(value(before, "offers{status=\"AWAITING_RESPONSE\"}") + 2);
    assertThat(value(after, "offers_overdue")).isEqualTo(value(before, "offers_overdue") + 1);
    assertThat(value(after, "offers{status=\"CLOSED\"}")).isEqualTo(value(before, "offers{status=\"CLOSED\"}"));
  }

  @Test
  @DisplayName("健康状态也是指标：health_status{component=\"db\"} 等为 1，供 Prometheus 告警")
  void healthIsAMetricToo() {
    String scrape = monitor().getForObject("/actuator/prometheus", String.class);
    assertThat(value(scrape, "health_status{component=\"db\"}")).isEqualTo(1);
    assertThat(value(scrape, "health_status{component=\"legalCalendar\"}")).isEqualTo(1);
    // the tests' node is not meant to run jobs: UP, as in /actuator/health
    assertThat(value(scrape, "health_status{component=\"jobExecutor\"}")).isEqualTo(1);
    assertThat(value(scrape, "health_status{component=\"all\"}")).isEqualTo(1);
  }

  @Test
  @DisplayName("ops/alerts.yml 的每条告警只用本节点真实输出的指标")
  void everyAlertReadsAMetricTheNodeExports() throws Exception {
    String scrape = monitor().getForObject("/actuator/prometheus", String.class);
    var metrics = PrometheusConfigTest.metricsUsedByAlerts();
    assertThat(metrics).contains("offers_overdue", "camunda_jobs_no_retries_left", "incidents_open", "health_status");
    for (String metric : metrics) {
      assertThat(Pattern.compile("(?m)^" + metric + "[{ ]").matcher(scrape).find()).as(metric + " in the scrape").isTrue();
    }
  }

  @Test
  @DisplayName("监控用户由 NEGOTIATION_MONITORING_PASSWORD 建立：可抓取指标，看不到要约；弱密码拒绝并指明变量")
  void theMonitoringUserComesFromTheEnvironment() {
    new MonitoringUser(identityService, "prometheustest", "Jiankong#2026ok").run(null);
    assertThat(identityService.createUserQuery().userId("prometheustest").memberOfGroup(ActuatorSecurity.MONITORING_GROUP)
        .count()).isEqualTo(1);
    TestRestTemplate prometheus = http.withBasicAuth("prometheustest", "Jiankong#2026ok");
    assertThat(prometheus.getForEntity("/actuator/prometheus", String.class).getBody()).contains("offers_overdue ");
    assertThat(prometheus.getForObject("/engine-rest/process-instance/count", JsonNode.class).get("count").asLong())
        .as("sees no offer").isZero();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new MonitoringUser(identityService, "prometheusweak", "monitor").run(null))
        .hasMessageContaining(MonitoringUser.PASSWORD_VARIABLE).hasMessageContaining("至少10个字符");
    assertThat(identityService.createUserQuery().userId("prometheusweak").count()).isZero();
  }

  private void send(Map<String, Object> offer) {
    ResponseEntity<JsonNode> sent = http.withBasicAuth(TestUsers.SHIZHONG_OFFICER,
        TestUsers.password(TestUsers.SHIZHONG_OFFICER)).postForEntity("/api/offers", offer, JsonNode.class);
    assertThat(sent.getStatusCode()).as(String.valueOf(sent.getBody())).isEqualTo(HttpStatus.CREATED);
  }

  /** The value of one sample line of the Prometheus text format. */
  static double value(String scrape, String sample) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(scrape);
    assertThat(m.find()).as(sample + " in the scrape").isTrue();
    return Double.parseDouble(m.group(1));
  }
}
