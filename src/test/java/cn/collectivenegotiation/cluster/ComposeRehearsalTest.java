package cn.collectivenegotiation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.offer.Offers;
import cn.collectivenegotiation.operations.ComposeFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docker-compose.yml rehearsed without docker (this machine has no engine): the application services of the file,
 * each a separate server process started with exactly the environment its container would get (the file's
 * {@code environment}, its variables resolved as compose does from what an operator exports), in the order of their
 * {@code depends_on}, on a real PostgreSQL set up as the file's {@code postgres} service declares it (database, user
 * and password from its environment, password authentication on). What differs from a container, and only that:
 * the database is reached at localhost on the embedded server's port instead of the host {@code postgres}, each node
 * listens on a free port instead of 8080 in a network of its own (the healthcheck's 8080 is replaced accordingly),
 * the product runs from the test classpath instead of the image's jar, and the base image's UTF-8 locale is C.UTF-8.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeRehearsalTest {

  /** What an operator exports before {@code docker compose up}; the passwords meet the password policy. */
  static final Map<String, String> OPERATOR = Map.of(
      "POSTGRES_PASSWORD", "Shujuku#Yanlian2026",
      "CAMUNDA_ADMIN_PASSWORD", "Guanli#Yanlian2026",
      "NEGOTIATION_MONITORING_PASSWORD", "Jiankong#Yanlian2026");

  static final ComposeFile COMPOSE = ComposeFile.read();
  static final Map<String, ServerProcess> NODES = new LinkedHashMap<>();

  static EmbeddedPostgres postgres;
  static String databaseService;

  @BeforeAll
  static void composeUp() throws Exception {
    postgres = postgresAsTheServiceDeclaresIt();
    for (String node : inDependencyOrder(COMPOSE.nodes())) {
      COMPOSE.dependsOn(node).forEach((dependency, condition) -> {
        if ("service_healthy".equals(condition) && NODES.containsKey(dependency)) {
          Check check = healthcheck(dependency, NODES.get(dependency).port);
          assertThat(check.exitCode()).as(node + " waits for " + dependency + ": " + check.output()).isZero();
        }
      });
      NODES.put(node, start(node, containerEnvironment(node)));
    }
  }

  @AfterAll
  static void composeDown() throws Exception {
    for (ServerProcess node : NODES.values()) {
      node.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  @DisplayName("两个节点都通过 compose 文件自己的健康检查（匿名 GET /actuator/health）；没有服务的端口检查失败")
  void bothNodesPassTheComposeFilesOwnHealthcheck() throws Exception {
    assertThat(NODES.keySet()).containsExactly("node1", "node2");
    for (var node : NODES.entrySet()) {
      Check check = healthcheck(node.getKey(), node.getValue().port);
      assertThat(check.exitCode()).as(node.getKey() + ": " + check.output()).isZero();
      // the check sends no credentials: the status must be open to anyone, as docker asks
      var anonymous = node.getValue().getAs(null, null, "/actuator/health");
      assertThat(anonymous.statusCode()).isEqualTo(200);
      assertThat(anonymous.body()).isEqualTo("{\"status\":\"UP\"}");
    }
    int nobody;
    try (ServerSocket s = new ServerSocket(0)) {
      nobody = s.getLocalPort();
    }
    assertThat(healthcheck("node1", nobody).exitCode()).as("a node that does not answer is unhealthy").isNotZero();
  }

  @Test
  @Order(2)
  @DisplayName("向 node1 发出的要约（POST /api/offers）在 node2 上可读（GET /api/offers/{n}）：两个节点共用一个数据库")
  void anOfferSentToOneNodeIsReadOnTheOther() throws Exception {
    ServerProcess node1 = NODES.get("node1");
    ServerProcess node2 = NODES.get("node2");
    String today = LegalTime.today().toString();
    var sent = node1.postJson("/api/offers", """
        {"offerorSide":"UNION","creditCode":"%s","enterpriseName":"编排演练企业","reportingUnit":"SHIZHONG",
         "workforce":120,"topics":["WAGE_ADJUSTMENT"],"offerDate":"%s","deliveryDate":"%s"}"""
        .formatted(Offers.ENTERPRISE, today, today));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    String number = sent.body().replaceAll(".*\"offerNumber\":\"([^\"]+)\".*", "$1");

    var read = node2.getAs(admin(), OPERATOR.get("CAMUNDA_ADMIN_PASSWORD"), "/api/offers/" + number);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(read.body()).contains("\"offerNumber\":\"" + number + "\"", "编排演练企业",
        "\"status\":\"AWAITING_RESPONSE\"");
  }

  @Test
  @Order(3)
  @DisplayName("环境变量中的监控密码：用户 prometheus 在两个节点上都能抓取 /actuator/prometheus，错误密码 401")
  void theMonitoringUserFromTheEnvironmentScrapesBothNodes() throws Exception {
    for (var node : NODES.entrySet()) {
      var scrape = node.getValue().getAs("prometheus", OPERATOR.get("NEGOTIATION_MONITORING_PASSWORD"),
          "/actuator/prometheus");
      assertThat(scrape.statusCode()).as(node.getKey()).isEqualTo(200);
      assertThat(scrape.body()).contains("health_status{component=\"db\"", "offers{");
    }
    assertThat(NODES.get("node2").getAs("prometheus", "Falsch#Passwort2026", "/actuator/prometheus").statusCode())
        .isEqualTo(401);
  }

  @Test
  @Order(4) // last of the cluster's tests: a wrong password delays the administrator's next login (login-delay-base)
  @DisplayName("环境变量中的管理员密码可以登录两个节点；别的密码与匿名请求 401；没有演示用户")
  void theAdministratorFromTheEnvironmentLogsIn() throws Exception {
    String password = OPERATOR.get("CAMUNDA_ADMIN_PASSWORD");
    for (var node : NODES.entrySet()) {
      var users = node.getValue().getAs(admin(), password, "/engine-rest/user/count");
      assertThat(users.statusCode()).as(node.getKey()).isEqualTo(200);
      assertThat(users.body()).as("the administrator and prometheus, no demo user").isEqualTo("{\"count\":2}");
    }
    assertThat(NODES.get("node1").getAs(admin(), ServerProcess.PASSWORD, "/engine-rest/user/count").statusCode())
        .as("the password the other tests use is not this installation's").isEqualTo(401);
    assertThat(NODES.get("node1").getAs(null, null, "/api/offers/1").statusCode()).isEqualTo(401);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"CAMUNDA_ADMIN_PASSWORD", "POSTGRES_PASSWORD"})
  @DisplayName("容器环境缺少必需变量（例如 docker run 未带 -e）→ 节点停止，日志中指明该变量")
  void aNodeWithoutARequiredVariableStopsNamingIt(String variable) throws Exception {
    assertThat(ComposeFile.requiredVariables()).as("compose itself requires it too").contains(variable);
    Map<String, String> environment = containerEnvironment("node1");
    assertThat(environment.remove(variable)).isNotNull();
    Path log = log("node1-without-" + variable);
    String failure = null;
    try {
      start(log, environment).stop();
    } catch (IllegalStateException stopped) {
      failure = stopped.getMessage();
    }
    assertThat(failure).as("the node must not come up").startsWith("server exited with");
    assertThat(Files.readString(log)).contains("set " + variable);
  }

  // --- compose, as far as these tests play it ---

  static String admin() {
    return containerEnvironment("node1").get("CAMUNDA_ADMIN_USER");
  }

  /** The node's container environment, pointed at the embedded PostgreSQL instead of the host of the service. */
  static Map<String, String> containerEnvironment(String node) {
    Map<String, String> environment = new HashMap<>(COMPOSE.environment(node, OPERATOR));
    assertThat(environment.get("POSTGRES_HOST")).as(node + " uses the compose file's database").isEqualTo(databaseService);
    assertThat(environment).doesNotContainKey("POSTGRES_PORT"); // the image's 5432, as application-postgres.yaml has it
    environment.put("POSTGRES_HOST", "localhost");
    environment.put("POSTGRES_PORT", String.valueOf(postgres.getPort()));
    // the base image's locale (eclipse-temurin sets en_US.UTF-8; this machine has C.UTF-8)
    environment.put("LANG", "C.UTF-8");
    return environment;
  }

  static ServerProcess start(String node, Map<String, String> environment) throws Exception {
    return start(log(node), environment);
  }

  static ServerProcess start(Path log, Map<String, String> environment) throws Exception {
    return ServerProcess.start(log, environment,
        environment.getOrDefault("CAMUNDA_ADMIN_USER", "admin"), environment.get("CAMUNDA_ADMIN_PASSWORD"));
  }

  static Path log(String name) throws IOException {
    Path log = Path.of("target", "compose-rehearsal-" + name + ".log");
    Files.deleteIfExists(log);
    return log;
  }

  record Check(int exitCode, String output) {}

  /** Runs a node's healthcheck as docker would inside its container, the container port mapped to {@code port}. */
  static Check healthcheck(String node, int port) {
    List<String> test = COMPOSE.healthcheck(node);
    String containerPort = String.valueOf(COMPOSE.containerPort(node));
    assertThat(String.join(" ", test)).as(node + "'s healthcheck asks the port it listens on").contains(containerPort);
    List<String> command = new ArrayList<>();
    List<String> arguments = test.subList(1, test.size()).stream()
        .map(a -> a.replaceAll("\\b" + containerPort + "\\b", String.valueOf(port))).toList();
    switch (test.get(0)) {
      case "CMD-SHELL" -> command.addAll(List.of("/bin/sh", "-c", String.join(" ", arguments)));
      case "CMD" -> command.addAll(arguments);
      default -> throw new IllegalStateException("healthcheck " + test);
    }
    try {
      Process check = new ProcessBuilder(command).redirectErrorStream(true).start();
      long timeout = Long.parseLong(String.valueOf(((Map<?, ?>) COMPOSE.service(node).get("healthcheck")).get("timeout"))
          .replace("s", ""));
      if (!check.waitFor(timeout, TimeUnit.SECONDS)) {
        check.destroyForcibly();
        return new Check(-1, "timed out"); // docker counts a check that outlives its timeout as failed
      }
      return new Check(check.exitValue(), new String(check.getInputStream().readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The nodes, each after those it depends on. */
  static List<String> inDependencyOrder(List<String> nodes) {
    List<String> ordered = new ArrayList<>();
    while (ordered.size() < nodes.size()) {
      int before = ordered.size();
      for (String node : nodes) {
        if (!ordered.contains(node) && COMPOSE.dependsOn(node).keySet().stream()
            .filter(nodes::contains).allMatch(ordered::contains)) {
          ordered.add(node);
        }
      }
      assertThat(ordered.size()).as("depends_on has no cycle").isGreaterThan(before);
    }
    return ordered;
  }

  /**
   * The file's database service: its POSTGRES_DB, POSTGRES_USER and POSTGRES_PASSWORD, as the postgres image
   * creates them on first start, and a password asked of everyone but the embedded server's own superuser.
   */
  static EmbeddedPostgres postgresAsTheServiceDeclaresIt() throws Exception {
    databaseService = COMPOSE.environment("node1", OPERATOR).get("POSTGRES_HOST");
    assertThat(String.valueOf(COMPOSE.service(databaseService).get("image"))).startsWith("postgres:");
    Map<String, String> service = COMPOSE.environment(databaseService, OPERATOR);
    EmbeddedPostgres started = EmbeddedPostgres.builder()
        .setServerConfig("password_encryption", "scram-sha-256")
        .setDataDirectoryCustomizer(ComposeRehearsalTest::passwordAuthentication)
        .start();
    try (Connection c = started.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE ROLE \"" + service.get("POSTGRES_USER") + "\" LOGIN PASSWORD '"
          + service.get("POSTGRES_PASSWORD").replace("'", "''") + "'");
      s.execute("CREATE DATABASE \"" + service.get("POSTGRES_DB") + "\" OWNER \"" + service.get("POSTGRES_USER") + "\"");
    }
    return started;
  }

  private static void passwordAuthentication(File dataDirectory) {
    try {
      Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), """
          local all all trust
          host all postgres 127.0.0.1/32 trust
          host all postgres ::1/128 trust
          host all all 127.0.0.1/32 scram-sha-256
          host all all ::1/128 scram-sha-256
          """);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
