package cn.collectivenegotiation.cluster;

import cn.collectivenegotiation.CollectiveNegotiationApplication;
import cn.collectivenegotiation.identity.TestUsers;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The product as a separate server process (java -cp the test classpath), to be killed for real. */
final class ServerProcess {

  static final String ADMIN = "admin";
  static final String PASSWORD = TestUsers.ADMIN_PASSWORD;

  private final Process process;
  final int port;
  private final String user;
  private final String password;
  private final HttpClient http = HttpClient.newHttpClient();

  private ServerProcess(Process process, int port, String user, String password) {
    this.process = process;
    this.port = port;
    this.user = user;
    this.password = password;
  }

  static ServerProcess start(Path log, String... arguments) throws Exception {
    List<String> withPassword = new ArrayList<>(List.of("--camunda.bpm.admin-user.password=" + PASSWORD));
    withPassword.addAll(List.of(arguments));
    return start(log, null, ADMIN, PASSWORD, withPassword.toArray(String[]::new));
  }

  /**
   * As a container runs it: the process gets only {@code environment} (and PATH), not the test's, and the
   * requests go as {@code user} with {@code password}. A null environment inherits the test's.
   */
  static ServerProcess start(Path log, Map<String, String> environment, String user, String password,
      String... arguments) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), CollectiveNegotiationApplication.class.getName(),
        "--server.port=" + port));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    if (environment != null) {
      String path = builder.environment().get("PATH");
      builder.environment().clear();
      builder.environment().put("PATH", path);
      builder.environment().putAll(environment);
    }
    ServerProcess server = new ServerProcess(builder.start(), port, user, password);
    server.awaitUp();
    return server;
  }

  private void awaitUp() throws Exception {
    long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < giveUp) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited with " + process.exitValue());
      }
      try {
        // the node's own status, not a component's: logged in, the answer lists db, jobExecutor ... each with its
        // status, and "UP" of the database is there while the node is still DOWN (job executor not started)
        if (get("/actuator/health").startsWith("{\"status\":\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(300);
    }
    throw new IllegalStateException("server did not come up on port " + port);
  }

  /** kill -9: no shutdown hook, no flush, no goodbye. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  void stop() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  String get(String path) throws IOException, InterruptedException {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
  }

  HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return http.send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  long count(String restPath) throws IOException, InterruptedException {
    String body = get("/engine-rest" + restPath);
    return Long.parseLong(body.replaceAll("[^0-9]", ""));
  }

  /** GET as someone else (a null user: no credentials), the whole answer. */
  HttpResponse<String> getAs(String otherUser, String otherPassword, String path)
      throws IOException, InterruptedException {
    return http.send(request(path, otherUser, otherPassword).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String path) {
    return request(path, user, password);
  }

  private HttpRequest.Builder request(String path, String asUser, String withPassword) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30));
    return asUser == null ? request : request.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((asUser + ":" + withPassword).getBytes(StandardCharsets.UTF_8)));
  }

  static String tempDir(String name) {
    return new File(System.getProperty("java.io.tmpdir"), name + "-" + System.nanoTime()).getAbsolutePath();
  }
}
