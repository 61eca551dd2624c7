package cn.collectivenegotiation.operations;

import cn.collectivenegotiation.offer.OfferStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The product's figures for {@code /actuator/prometheus}, read from the statistics read model
 * ({@code offer_record}) and the engine:
 * <ul>
 *   <li>{@code offers{status="AWAITING_RESPONSE"}} … one gauge per status of the public contract
 *       ({@link OfferStatus}), counting offers (a regional offer once, not once per enterprise);</li>
 *   <li>{@code offers_overdue}: offers with no answer whose response deadline has passed (counted as the
 *       campaign's statistics table counts them);</li>
 *   <li>{@code incidents_open}: the engine's open incidents (a failing step after its retries);</li>
 *   <li>{@code camunda_jobs_due}, {@code camunda_jobs_no_retries_left}: the job executor's work;</li>
 *   <li>{@code camunda_engine_metric{name="job-successful"}} …: Camunda's own engine metrics as its reporter
 *       writes them to the database (every node, every 15 minutes).</li>
 * </ul>
 * All of them come from one snapshot, taken at most once per {@code negotiation.metrics.refresh} (engine
 * clock), so that however often Prometheus (or several of them) scrapes, the database is asked at most once
 * per interval.
 */
@Component
class OfferMetrics implements MeterBinder {

  /** The engine's metrics worth watching for a deadline-driven product. */
  static final List<String> ENGINE_METRICS = List.of(Metrics.ROOT_PROCESS_INSTANCE_START,
      Metrics.ACTIVTY_INSTANCE_START, Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
      Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
      Metrics.JOB_LOCKED_EXCLUSIVE, Metrics.EXECUTED_DECISION_ELEMENTS);

  record Snapshot(Map<OfferStatus, Long> byStatus, long overdue, long incidents, long dueJobs,
      long jobsWithNoRetriesLeft, Map<String, Long> engine) {}

  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final Refreshed<Snapshot> snapshot;

  OfferMetrics(JdbcTemplate jdbc, RuntimeService runtimeService, ManagementService managementService,
      @Value("${negotiation.metrics.refresh:PT30S}") Duration refresh) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.snapshot = new Refreshed<>(this::take, refresh,
        () -> TimeUnit.MILLISECONDS.toNanos(ClockUtil.getCurrentTime().getTime()));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (OfferStatus status : OfferStatus.values()) {
      gauge(registry, "offers", "要约数（按状态）offers by status", s -> s.byStatus().getOrDefault(status, 0L))
          .tag("status", status.name()).register(registry);
    }
    gauge(registry, "offers.overdue", "逾期未应约的要约 offers with no answer after their deadline", Snapshot::overdue)
        .register(registry);
    gauge(registry, "incidents.open", "未解决的流程事件 open incidents", Snapshot::incidents).register(registry);
    gauge(registry, "camunda.jobs.due", "到期待执行的作业 due jobs", Snapshot::dueJobs).register(registry);
    gauge(registry, "camunda.jobs.no.retries.left", "重试次数已用尽的作业 jobs with no retries left",
        Snapshot::jobsWithNoRetriesLeft).register(registry);
    for (String name : ENGINE_METRICS) {
      gauge(registry, "camunda.engine.metric", "Camunda 引擎指标（数据库中的累计值）engine metric as reported",
          s -> s.engine().getOrDefault(name, 0L)).tag("name", name).register(registry);
    }
  }

  private Gauge.Builder<OfferMetrics> gauge(MeterRegistry registry, String name, String description,
      ToDoubleFunction<Snapshot> value) {
    return Gauge.builder(name, this, m -> value.applyAsDouble(m.snapshot.get())).description(description);
  }

  private Snapshot take() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Map<OfferStatus, Long> byStatus = new EnumMap<>(OfferStatus.class);
    jdbc.query("SELECT status, COUNT(DISTINCT offer_id) AS offers FROM offer_record GROUP BY status",
        rs -> { byStatus.put(OfferStatus.valueOf(rs.getString("status")), rs.getLong("offers")); });
    // the same rule as the campaign's table: no answer, deadline passed, not closed
    Long overdue = jdbc.queryForObject("""
        SELECT COUNT(DISTINCT offer_id) FROM offer_record
        WHERE responded_on IS NULL AND response_due_at <= ? AND status <> 'CLOSED'""", Long.class, Timestamp.from(now));
    Map<String, Long> engine = new LinkedHashMap<>();
    for (String name : ENGINE_METRICS) {
      engine.put(name, managementService.createMetricsQuery().name(name).sum());
    }
    return new Snapshot(byStatus, overdue == null ? 0 : overdue, runtimeService.createIncidentQuery().count(),
        managementService.createJobQuery().executable().active().count(),
        managementService.createJobQuery().noRetriesLeft().count(), engine);
  }
}
