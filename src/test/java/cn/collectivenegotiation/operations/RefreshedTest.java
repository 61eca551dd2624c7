package cn.collectivenegotiation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The metrics' snapshot holder, on a clock the test moves. */
class RefreshedTest {

  final AtomicLong clock = new AtomicLong(1_000_000_000L);
  final AtomicInteger taken = new AtomicInteger();
  final Refreshed<Integer> value = new Refreshed<>(taken::incrementAndGet, Duration.ofSeconds(30), clock::get);

  void advance(Duration d) {
    clock.addAndGet(d.toNanos());
  }

  @Test
  @DisplayName("间隔之内重复读取不重新取值，间隔届满后取新值")
  void takesAnewOnlyOnceTheIntervalHasPassed() {
    assertThat(value.get()).isEqualTo(1);
    assertThat(value.get()).isEqualTo(1);
    advance(Duration.ofSeconds(30).minusNanos(1));
    assertThat(value.get()).isEqualTo(1);
    advance(Duration.ofNanos(1));
    assertThat(value.get()).isEqualTo(2);
    assertThat(value.get()).isEqualTo(2);
    assertThat(taken).hasValue(2);
  }

  @Test
  @DisplayName("时钟回拨（测试或运维校时）→ 取新值")
  void aClockSetBackTakesAnew() {
    assertThat(value.get()).isEqualTo(1);
    advance(Duration.ofSeconds(-1));
    assertThat(value.get()).isEqualTo(2);
  }

  @Test
  @DisplayName("首次读取才取值，构造时不取")
  void nothingIsTakenBeforeTheFirstRead() {
    assertThat(taken).hasValue(0);
    value.get();
    assertThat(taken).hasValue(1);
  }
}
