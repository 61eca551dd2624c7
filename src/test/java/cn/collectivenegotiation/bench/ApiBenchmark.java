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
 * as many threads, on the same database in the same run, in alternating slices.
 */
final class ApiBenchmark {

  static final int CLIENTS = 16;
  static final String OFFICER = "benchofficersz";
  static final String PASSWORD = TestUsers.PASSWORD;

  record Result(double perSecond, double p99Millis, int failures, double barePerSecond) {}

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

  /**
   * Both in alternating slices after an unmeasured slice of each (3 s): Java API, HTTP; HTTP, Java API; ... for
   * {@code rounds} rounds, {@code httpSeconds} and {@code bareSeconds} shared among them. Measured one after the
   * other, the first ran on code the JIT had not compiled yet: the bare rate came out at 99 starts/s measured first
   * on a fresh file and at 276 after the other figures had warmed the JVM, while the product's rate stayed at
   * 70-75 offers/s (README, 基准). Each rate is its requests over its slices' summed time; the p99 is over every
   * measured request.
   */
  static Result interleaved(ProcessEngine engine, int port, int httpSeconds, int bareSeconds, int rounds, LocalDate day)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    AtomicInteger httpNumbers = new AtomicInteger(80_000);
    AtomicInteger bareNumbers = new AtomicInteger(0);
    Clock.set(day);
    bare(engine, 3, bareNumbers, day);
    http(client, port, 3, httpNumbers, day);
    List<Long> latencies = new ArrayList<>();
    double httpTime = 0;
    double bareTime = 0;
    long bareStarts = 0;
    int failures = 0;
    for (int round = 0; round < rounds; round++) {
      for (boolean httpNow : round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
        Slice slice = httpNow ? http(client, port, Math.max(1, httpSeconds / rounds), httpNumbers, day)
            : bare(engine, Math.max(1, bareSeconds / rounds), bareNumbers, day);
        if (httpNow) {
          latencies.addAll(slice.latencies());
          httpTime += slice.seconds();
          failures += slice.failures();
        } else {
          bareStarts += slice.count();
          bareTime += slice.seconds();
        }
      }
    }
    Collections.sort(latencies);
    double p99 = latencies.isEmpty() ? Double.NaN : latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1) / 1e6;
    double p50 = latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() / 2) / 1e6;
    Bench.note("HTTP: " + latencies.size() + " offers sent in " + Math.round(httpTime) + " s by " + CLIENTS
        + " clients, p50 " + String.format("%.1f", p50) + " ms, " + failures + " refused; Java API: " + bareStarts
        + " bare starts in " + Math.round(bareTime) + " s by " + CLIENTS + " threads; " + rounds
        + " rounds, alternating, after 3 s of each");
    return new Result(latencies.size() / httpTime, p99, failures, bareStarts / bareTime);
  }

  /** What one slice did: requests done, its wall time, and (HTTP) each accepted request's latency. */
  record Slice(long count, double seconds, List<Long> latencies, int failures) {}

  static Slice http(HttpClient client, int port, int seconds, AtomicInteger next, LocalDate day) throws Exception {
    ObjectMapper json = new ObjectMapper();
    String auth = "Basic " + Base64.getEncoder().encodeToString((OFFICER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    URI uri = URI.create("http://localhost:" + port + "/api/offers");
    AtomicInteger failures = new AtomicInteger();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
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
    return new Slice(latencies.size(), elapsed, new ArrayList<>(latencies), failures.get());
  }

  static Slice bare(ProcessEngine engine, int seconds, AtomicInteger next, LocalDate day) throws Exception {
    AtomicInteger started = new AtomicInteger();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long start = System.nanoTime();
    Parallel.forEach("api-bare", CLIENTS, CLIENTS, c -> {
      while (System.nanoTime() < end) {
        engine.getRuntimeService().startProcessInstanceByKey(ChainModel.BARE.key,
            ChainModel.BARE.offer(next.getAndIncrement(), day));
        started.incrementAndGet();
      }
    });
    return new Slice(started.get(), (System.nanoTime() - start) / 1e9, List.of(), 0);
  }
}
