package cn.collectivenegotiation.bench;

import cn.collectivenegotiation.CollectiveNegotiationApplication;
import cn.collectivenegotiation.identity.TestUsers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Figure 5: seconds from starting a JVM to the application being ready, for the product and for a bare
 * Camunda app with the same starters, each in a process of its own on its own database. The first start
 * of each creates its schema and is not counted; then {@code runs} starts each, alternating, median taken.
 */
final class StartupBenchmark {

  record Result(double product, double bare) {}

  private StartupBenchmark() {}

  static Result run(BenchDatabase database, int runs) throws Exception {
    Map<String, Object> productDb = database.properties("startup-product");
    Map<String, Object> bareDb = database.properties("startup-bare");
    List<String> product = new ArrayList<>(List.of(CollectiveNegotiationApplication.class.getName(),
        "--camunda.bpm.admin-user.password=" + TestUsers.ADMIN_PASSWORD, "--server.port=0", "--logging.level.root=WARN"));
    List<String> bare = new ArrayList<>(List.of(BareCamundaApplication.class.getName(), "--spring.config.name=bare",
        "--server.port=0"));
    productDb.forEach((k, v) -> product.add("--" + k + "=" + v));
    bareDb.forEach((k, v) -> bare.add("--" + k + "=" + v));
    Files.createDirectories(Path.of(Bench.DIR));
    double[] p = new double[runs];
    double[] b = new double[runs];
    for (int i = -1; i < runs; i++) {
      double tp = start(product, "product");
      double tb = start(bare, "bare");
      if (i >= 0) {
        p[i] = tp;
        b[i] = tb;
      }
      Bench.note("start-up " + (i < 0 ? "(schema created, not counted)" : "#" + (i + 1)) + ": product "
          + String.format("%.1f", tp) + " s, bare " + String.format("%.1f", tb) + " s");
    }
    return new Result(median(p), median(b));
  }

  private static double start(List<String> arguments, String name) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", System.getProperty("java.class.path"), StartupProbe.class.getName()));
    command.addAll(arguments);
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(Path.of(Bench.DIR, "startup-" + name + ".log")))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.equals(StartupProbe.READY)) {
          double seconds = (System.nanoTime() - start) / 1e9;
          process.waitFor();
          return seconds;
        }
        log.println(line);
      }
    }
    throw new IllegalStateException(name + " exited with " + process.waitFor() + " before it was ready; see " + Bench.DIR + "/startup-" + name + ".log");
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
