package cn.collectivenegotiation.operations;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value taken anew at most once per interval however often it is read, such as the metrics' snapshots: however
 * often Prometheus (or several of them) scrapes, what they cost is paid at most once per
 * {@code negotiation.metrics.refresh}. The time comes from {@code nanos} (nanoseconds; the server's
 * {@link System#nanoTime()} or the engine clock), and a clock set back (tests, an operator correcting time) also
 * takes the value anew.
 */
final class Refreshed<T> {

  private record Taken<T>(T value, long at) {}

  private final Supplier<T> take;
  private final long intervalNanos;
  private final LongSupplier nanos;
  private volatile Taken<T> last;

  Refreshed(Supplier<T> take, Duration interval, LongSupplier nanos) {
    this.take = take;
    this.intervalNanos = interval.toNanos();
    this.nanos = nanos;
  }

  /** The last value taken, taken anew when it is older than the interval. */
  T get() {
    long now = nanos.getAsLong();
    Taken<T> t = last;
    if (stale(t, now)) {
      synchronized (this) {
        t = last;
        if (stale(t, now)) {
          last = t = new Taken<>(take.get(), now);
        }
      }
    }
    return t.value();
  }

  private boolean stale(Taken<T> t, long now) {
    if (t == null) {
      return true;
    }
    long elapsed = now - t.at();
    return elapsed < 0 || elapsed >= intervalNanos;
  }
}
