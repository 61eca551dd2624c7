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

/** The product as a separate server process (java -cp the test classpath), to be killed for real. */
final class ServerProcess {

  static final String ADMIN = "admin";
  static final String PASSWORD = TestUsers.ADMIN_PASSWORD;

  private final Process process;
  final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ServerProcess start(Path log, String... arguments) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), CollectiveNegotiationApplication.class.getName(),
        "--server.port=" + port, "--camunda.bpm.admin-user.password=" + PASSWORD));
    command.addAll(List.of(arguments));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    ServerProcess server = new ServerProcess(p, port);
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
        if (get("/actuator/health").contains("\"UP\"")) {
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

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  static String tempDir(String name) {
    return new File(System.getProperty("java.io.tmpdir"), name + "-" + System.nanoTime()).getAbsolutePath();
  }
}
