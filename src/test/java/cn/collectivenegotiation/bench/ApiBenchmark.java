package cn.collectivenegotiation.bench;

import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.Offers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;

/**
 * Figure 3: {@code POST /api/offers} over HTTP from {@value #CLIENTS} concurrent clients (basic login,
 * validation, authorization, the start with its listeners), beside bare starts through the Java API from
 * as many threads, on the same database in the same run.
 */
final class ApiBenchmark {

  static final int CLIENTS = 16;
  static final String OFFICER = "benchofficersz";
  static final String PASSWORD = TestUsers.PASSWORD;

  record Result(double perSecond, double p99Millis, int failures) {}

  private ApiBenchmark() {}

  static void ensureOfficer(IdentityService identity) {
    if (identity.createUserQuery().userId(OFFICER).count() == 0) {
      User u = identity.newUser(OFFICER);
      u.setPassword(PASSWORD);
      u.setFirstName("基准");
      u.setLastName("市中区总工会");
      identity.saveUser(u);
      identity.createMembership(OFFICER, "union-shizhong");
    }
  }

  static Result http(int port, int seconds, int firstNumber, LocalDate day) throws Exception {
    ObjectMapper json = new ObjectMapper();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    String auth = "Basic " + Base64.getEncoder().encodeToString((OFFICER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    URI uri = URI.create("http://localhost:" + port + "/api/offers");
    AtomicInteger next = new AtomicInteger(firstNumber);
    AtomicInteger failures = new AtomicInteger();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Clock.set(day);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long start = System.nanoTime();
    Parallel.forEach("api-client", CLIENTS, CLIENTS, c -> {
      try {
        while (System.nanoTime() < end) {
          int n = next.getAndIncrement();
          Map<String, Object> offer = Offers.unionOffer(day.toString(), n % 100_000, "SHIZHONG", 20 + n % 500);
          HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", auth)
              .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
              .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(offer))).build();
          long t = System.nanoTime();
          HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 201) {
            latencies.add(System.nanoTime() - t);
          } else if (failures.incrementAndGet() <= 3) {
            Bench.note("POST /api/offers answered " + response.statusCode() + ": " + response.body());
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    double p99 = sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6;
    double p50 = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2) / 1e6;
    Bench.note("HTTP: " + sorted.size() + " offers sent in " + Math.round(elapsed) + " s by " + CLIENTS
        + " clients, p50 " + String.format("%.1f", p50) + " ms, " + failures.get() + " refused");
    return new Result(sorted.size() / elapsed, p99, failures.get());
  }

  static double bare(ProcessEngine engine, int seconds, int firstNumber, LocalDate day) throws Exception {
    AtomicInteger next = new AtomicInteger(firstNumber);
    AtomicInteger started = new AtomicInteger();
    Clock.set(day);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long start = System.nanoTime();
    Parallel.forEach("api-bare", CLIENTS, CLIENTS, c -> {
      while (System.nanoTime() < end) {
        engine.getRuntimeService().startProcessInstanceByKey(ChainModel.BARE.key,
            ChainModel.BARE.offer(next.getAndIncrement(), day));
        started.incrementAndGet();
      }
    });
    double elapsed = (System.nanoTime() - start) / 1e9;
    Bench.note("Java API: " + started.get() + " bare starts in " + Math.round(elapsed) + " s by " + CLIENTS + " threads");
    return started.get() / elapsed;
  }
}
