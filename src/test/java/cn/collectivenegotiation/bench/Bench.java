package cn.collectivenegotiation.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/** Prints figures as {@code BENCH <name> <value> <unit>}, the form the benchmark command promises. */
final class Bench {

  /** Where the benchmarks keep their files ({@code -Dbench.dir}, default target/bench): H2 files and logs. */
  static final String DIR = System.getProperty("bench.dir", "target/bench");

  /** {@code -Dbench.keep=true}: reuse the database an earlier run left in {@link #DIR}. */
  static final boolean KEEP = Boolean.getBoolean("bench.keep");

  private Bench() {}

  static void print(String name, double value, String unit) {
    System.out.println(String.format(Locale.ROOT, "BENCH %s %.2f %s", name, value, unit));
    System.out.flush();
  }

  static void note(String text) {
    System.out.println("# " + text);
    System.out.flush();
  }

  /** The size of the H2 files in {@link #DIR}, for the notes (PostgreSQL's data directory is elsewhere). */
  static String databaseSize() {
    if (!java.nio.file.Files.isDirectory(java.nio.file.Path.of(DIR))) {
      return "no H2 file";
    }
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(DIR))) {
      long bytes = files.filter(f -> f.toString().endsWith(".mv.db")).mapToLong(f -> f.toFile().length()).sum();
      return bytes == 0 ? "no H2 file" : String.format(Locale.ROOT, "H2 files %.2f GB", bytes / 1e9);
    } catch (java.io.IOException e) {
      return "size unknown";
    }
  }

  /** Median wall time in milliseconds of {@code runs} calls after {@code warmups} unmeasured ones. */
  static <T> double medianMillis(int warmups, int runs, Supplier<T> work) {
    for (int i = 0; i < warmups; i++) {
      work.get();
    }
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.get();
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(times);
    return runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
  }
}
