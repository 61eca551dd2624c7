package cn.collectivenegotiation.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.springframework.transaction.support.TransactionTemplate;

/** Work spread over a few threads, as a few people (or a loader) do it at once. */
final class Parallel {

  private Parallel() {}

  /** work(i) for i in [0, count), each call on its own (each engine call is its own transaction). */
  static void forEach(String name, int threads, int count, IntConsumer work) throws Exception {
    AtomicInteger next = new AtomicInteger();
    run(name, threads, () -> {
      for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
        work.accept(i);
      }
    });
  }

  /** work(i) for i in [0, count), {@code batch} of them per transaction: for loading, not for measuring steps. */
  static void inBatches(String name, int threads, int count, int batch, TransactionTemplate tx, IntConsumer work) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger oneByOne = new AtomicInteger();
    long start = System.nanoTime();
    // a large load takes long enough that its rate over time is worth seeing (a rate that falls shows a cost
    // that grows with the data)
    int every = Math.max(batch, count / 20 / batch * batch);
    run(name, threads, () -> {
      for (int from = next.getAndAdd(batch); from < count; from = next.getAndAdd(batch)) {
        int first = from;
        int last = Math.min(first + batch, count);
        if (!committed(tx, () -> {
          for (int i = first; i < last; i++) {
            work.accept(i);
          }
        })) {
          // one at a time, as people send them: a single start cannot hold one gate while it waits for a lower one
          oneByOne.incrementAndGet();
          for (int i = first; i < last; i++) {
            int one = i;
            for (int attempt = 1; !committed(tx, () -> work.accept(one)); attempt++) {
              if (attempt == 10) {
                throw new IllegalStateException(name + ": item " + one + " chosen as a deadlock's victim 10 times");
              }
            }
          }
        }
        int total = done.addAndGet(Math.min(batch, count - first));
        if (count >= 20_000 && total / every != (total - Math.min(batch, count - first)) / every) {
          Bench.note(name + ": " + total + " of " + count + " after " + Math.round((System.nanoTime() - start) / 1e9) + " s");
        }
      }
    });
    if (oneByOne.get() > 0) {
      Bench.note(name + ": " + oneByOne.get() + " batches of " + batch + " deadlocked and were loaded one per transaction");
    }
  }

  /**
   * Runs work in one transaction: true once committed, false when the database chose it as a deadlock's victim
   * (it was rolled back whole). Many starts in one transaction take the product's gates (enterprise groups, the campaign tally) call
   * by call, each call in ascending order but not the batch as a whole, so two loading threads can deadlock
   * where two people, one offer per transaction, cannot.
   */
  private static boolean committed(TransactionTemplate tx, Runnable work) {
    try {
      tx.executeWithoutResult(status -> work.run());
      return true;
    } catch (RuntimeException e) {
      if (!deadlock(e)) {
        throw e;
      }
      return false;
    }
  }

  /** H2's and PostgreSQL's deadlock (SQL state 40001, 40P01), anywhere in the causes. */
  private static boolean deadlock(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"))) {
        return true;
      }
    }
    return false;
  }

  /** Threads named {@code bench-<name>-<n>}, so that a flight recording tells the figures apart. */
  private static void run(String name, int threads, Runnable each) throws Exception {
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "bench-" + name + "-" + n.incrementAndGet()));
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(each));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      // shutdown, not shutdownNow: an interrupt during I/O would close H2's file channel, and the database
      pool.shutdown();
      pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
    }
  }
}
