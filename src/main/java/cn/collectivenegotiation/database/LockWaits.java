package cn.collectivenegotiation.database;

import java.util.function.Supplier;
import org.springframework.dao.QueryTimeoutException;

/**
 * A statement that may wait for another transaction's lock, as long as that transaction takes. PostgreSQL waits
 * without end; H2 gives up after 2 s (less than a large transaction takes on a busy machine) and ends only the
 * statement, so it is asked again, for up to {@link #PATIENCE_MILLIS} in all.
 */
public final class LockWaits {

  public static final long PATIENCE_MILLIS = 120_000;

  private LockWaits() {}

  public static <T> T patiently(Supplier<T> statement) {
    long giveUp = System.nanoTime() + PATIENCE_MILLIS * 1_000_000;
    while (true) {
      try {
        return statement.get();
      } catch (QueryTimeoutException e) {
        if (System.nanoTime() > giveUp) {
          throw e;
        }
      }
    }
  }
}
