package cn.collectivenegotiation.bench;

import cn.collectivenegotiation.CollectiveNegotiationApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark command ({@code mvn -q -Pbench verify}): starts the product on a fresh crash-safe H2 file
 * under target/bench and prints one {@code BENCH <name> <value> <unit>} line per figure.
 * {@code -Dbench.offers=N} changes the number of offers (the bench profile passes 10,000; 100,000 is the target).
 */
public final class Benchmarks {

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    int offers = Integer.getInteger("bench.offers", StatisticsBenchmark.OFFERS);
    deleteRecursively(Path.of("target/bench"));
    Bench.note("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
        + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CollectiveNegotiationApplication.class)
        .profiles("bench").run()) {
      StatisticsBenchmark.run(app, offers);
    }
    System.exit(0);
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
