package cn.collectivenegotiation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml's Prometheus against the application it scrapes, read from the files themselves (docker does
 * not run here): the scrape path, port, user and secret match application.yaml and the nodes; no password is
 * written in the repository. With Debian's promtool installed (package prometheus) the configuration and the
 * alert rules are also checked by Prometheus's own tool, and ops/alerts-test.yml's cases are run.
 */
class PrometheusConfigTest {

  static final Path COMPOSE = Path.of("docker-compose.yml");
  static final Path PROMETHEUS = Path.of("ops/prometheus.yml");
  static final Path ALERTS = Path.of("ops/alerts.yml");
  static final Path ALERT_TESTS = Path.of("ops/alerts-test.yml");
  static final Path APPLICATION = Path.of("src/main/resources/application.yaml");

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(Path file) throws IOException {
    return new Yaml().load(Files.readString(file));
  }

  @SuppressWarnings("unchecked")
  static <T> T at(Map<String, Object> map, String path) {
    Object value = map;
    for (String key : path.split("\\.")) {
      assertThat(value).as(path).isInstanceOf(Map.class);
      value = ((Map<String, Object>) value).get(key);
    }
    return (T) value;
  }

  /** "${NAME:default}" → default */
  static String defaultOf(String placeholder) {
    Matcher m = Pattern.compile("\\$\\{[A-Z_]+:(.*)}").matcher(placeholder);
    assertThat(m.matches()).as(placeholder).isTrue();
    return m.group(1);
  }

  @Test
  @DisplayName("Prometheus 抓取两个节点的 /actuator/prometheus：路径、端口与应用配置一致")
  void scrapesEveryNodeWhereTheApplicationServesItsMetrics() throws IOException {
    Map<String, Object> compose = yaml(COMPOSE);
    Map<String, Object> app = yaml(APPLICATION);
    Map<String, Object> prometheus = yaml(PROMETHEUS);

    String exposed = at(app, "management.endpoints.web.exposure.include");
    assertThat(exposed.split(",\\s*")).contains("prometheus");
    String basePath = app.containsKey("management") && at(app, "management.endpoints.web.base-path") != null
        ? at(app, "management.endpoints.web.base-path") : "/actuator"; // Spring Boot's default
    int port = at(app, "server.port");

    List<Map<String, Object>> jobs = at(prometheus, "scrape_configs");
    assertThat(jobs).hasSize(1);
    Map<String, Object> job = jobs.get(0);
    assertThat(job.get("metrics_path")).isEqualTo(basePath + "/prometheus");
    assertThat(job.get("scheme")).isEqualTo("http");

    // the application nodes: the services built from this repository
    Map<String, Map<String, Object>> services = at(compose, "services");
    List<String> nodes = new ArrayList<>();
    services.forEach((name, service) -> {
      if (".".equals(service.get("build"))) {
        nodes.add(name);
        List<String> ports = (List<String>) service.get("ports");
        assertThat(ports).as(name).anySatisfy(p -> assertThat(p).endsWith(":" + port));
      }
    });
    assertThat(nodes).containsExactly("node1", "node2");
    List<Map<String, Object>> targets = (List<Map<String, Object>>) job.get("static_configs");
    assertThat(targets).flatExtracting(t -> (List<String>) t.get("targets"))
        .containsExactlyElementsOf(nodes.stream().map(n -> n + ":" + port).toList());

    // the snapshot is refreshed every negotiation.metrics.refresh: scraping more often only reads the same figures
    Duration refresh = Duration.parse(at(app, "negotiation.metrics.refresh"));
    String interval = at(prometheus, "global.scrape_interval");
    assertThat(Duration.ofSeconds(Long.parseLong(interval.replace("s", "")))).isGreaterThanOrEqualTo(refresh);
  }

  @Test
  @DisplayName("抓取用户与密码：用户 prometheus 来自应用默认值，密码只来自环境变量 NEGOTIATION_MONITORING_PASSWORD")
  void logsInWithTheMonitoringUserWhosePasswordComesFromTheEnvironment() throws IOException {
    Map<String, Object> compose = yaml(COMPOSE);
    Map<String, Object> app = yaml(APPLICATION);
    Map<String, Object> job = ((List<Map<String, Object>>) at(yaml(PROMETHEUS), "scrape_configs")).get(0);

    Map<String, Object> auth = (Map<String, Object>) job.get("basic_auth");
    assertThat(auth.get("username")).isEqualTo(defaultOf(at(app, "negotiation.monitoring.user")));
    assertThat(auth).as("no password in the file").doesNotContainKey("password");
    assertThat(at(app, "negotiation.monitoring.password").toString())
        .isEqualTo("${" + MonitoringUser.PASSWORD_VARIABLE + ":}");

    Map<String, Object> service = at(compose, "services.prometheus");
    List<Map<String, Object>> secrets = (List<Map<String, Object>>) service.get("secrets");
    assertThat(secrets).hasSize(1);
    String secret = secrets.get(0).get("source").toString();
    assertThat(secrets.get(0)).as("mounted at compose's default place").doesNotContainKey("target");
    assertThat(auth.get("password_file")).isEqualTo("/run/secrets/" + secret);
    assertThat(at(compose, "secrets." + secret + ".environment").toString())
        .isEqualTo(MonitoringUser.PASSWORD_VARIABLE);
    // Prometheus runs as nobody (prom/prometheus): the file compose writes as root must be readable by others
    assertThat((Integer) secrets.get(0).get("mode") & 0004).as("mode %o", secrets.get(0).get("mode")).isNotZero();

    // both nodes create the user from the same variable, which compose requires to be set
    for (String node : List.of("node1", "node2")) {
      Map<String, String> environment = at(compose, "services." + node + ".environment");
      assertThat(environment.get(MonitoringUser.PASSWORD_VARIABLE))
          .startsWith("${" + MonitoringUser.PASSWORD_VARIABLE + ":?");
      environment.forEach((name, value) -> {
        if (name.contains("PASSWORD")) {
          assertThat(value).as(node + " " + name + " comes from the environment").startsWith("${" + name + ":?");
        }
      });
    }
  }

  @Test
  @DisplayName("配置文件与告警规则挂载到 Prometheus 读取的位置")
  void theConfigurationAndTheRulesAreWherePrometheusReadsThem() throws IOException {
    Map<String, Object> service = at(yaml(COMPOSE), "services.prometheus");
    List<String> command = (List<String>) service.get("command");
    List<String> volumes = (List<String>) service.get("volumes");
    assertThat(command).contains("--config.file=/etc/prometheus/prometheus.yml");
    assertThat(volumes).contains("./ops/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    List<String> ruleFiles = at(yaml(PROMETHEUS), "rule_files");
    assertThat(ruleFiles).containsExactly("/etc/prometheus/alerts.yml");
    assertThat(volumes).contains("./ops/alerts.yml:/etc/prometheus/alerts.yml:ro");
    assertThat(PROMETHEUS).exists();
    assertThat(ALERTS).exists();
  }

  @Test
  @DisplayName("告警：节点宕机、数据库不可用、作业执行器停止、作业重试用尽、事件未解决、作业积压、逾期要约增加")
  void theAlertsAnOperatorActsOn() throws IOException {
    List<Map<String, Object>> rules = rules();
    assertThat(rules).extracting(r -> r.get("alert")).containsExactly("NodeDown", "DatabaseDown", "JobExecutorDown",
        "JobsOutOfRetries", "IncidentsOpen", "DueJobsPilingUp", "OverdueOffersGrowing");
    for (Map<String, Object> rule : rules) {
      Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
      assertThat(annotations.get("summary")).as(rule.get("alert") + " has a Chinese summary").matches(".*\\p{IsHan}.*");
      assertThat(((Map<String, String>) rule.get("labels")).get("severity")).isIn("critical", "warning", "info");
    }
  }

  @Test
  @DisplayName("promtool（Debian 软件包 prometheus）检查配置与规则，并运行 ops/alerts-test.yml 的告警用例")
  void promtoolAcceptsTheConfigurationAndTheRulesFireAsTested() throws Exception {
    Path promtool = Path.of("/usr/bin/promtool");
    Assumptions.assumeTrue(Files.isExecutable(promtool), "promtool not installed (apt-get install prometheus)");
    // the configuration as the container sees it: the rules and the secret at their mounted paths, here in target/
    Path dir = Files.createDirectories(Path.of("target/promtool"));
    Files.writeString(dir.resolve("monitoring_password"), "not-the-real-one");
    Files.copy(ALERTS, dir.resolve("alerts.yml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(dir.resolve("prometheus.yml"), Files.readString(PROMETHEUS)
        .replace("/etc/prometheus/alerts.yml", dir.resolve("alerts.yml").toAbsolutePath().toString())
        .replace("/run/secrets/monitoring_password", dir.resolve("monitoring_password").toAbsolutePath().toString()));
    assertThat(run(promtool.toString(), "check", "config", dir.resolve("prometheus.yml").toString())).contains("SUCCESS");
    assertThat(run(promtool.toString(), "test", "rules", ALERT_TESTS.toString())).contains("SUCCESS");
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> rules() throws IOException {
    List<Map<String, Object>> groups = at(yaml(ALERTS), "groups");
    return groups.stream().flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream()).toList();
  }

  /** The metric names in the rules' expressions (label matchers, functions, keywords and Prometheus's own up left out). */
  static Set<String> metricsUsedByAlerts() throws IOException {
    Set<String> keywords = Set.of("by", "without", "offset", "and", "or", "unless", "on", "ignoring", "bool",
        "group_left", "group_right", "up");
    Set<String> metrics = new TreeSet<>();
    for (Map<String, Object> rule : rules()) {
      String expr = rule.get("expr").toString().replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
      Matcher m = Pattern.compile("\\b([a-zA-Z_][a-zA-Z0-9_]*)\\b(\\s*\\()?").matcher(expr);
      while (m.find()) {
        if (m.group(2) == null && !keywords.contains(m.group(1))) {
          metrics.add(m.group(1));
        }
      }
    }
    return metrics;
  }
}
