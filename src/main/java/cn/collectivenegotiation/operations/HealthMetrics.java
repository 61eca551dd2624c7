package cn.collectivenegotiation.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The components of {@code /actuator/health} as gauges, so that Prometheus can alert on them
 * ({@code ops/alerts.yml}): {@code health_status{component="db"}} is 1 while the database answers, 0 when it does
 * not (also 0 for DOWN of {@code jobExecutor}; {@code component="all"} is the node's overall status). Each scrape
 * asks the health indicators themselves, as a call to {@code /actuator/health} would.
 */
@Component
class HealthMetrics implements MeterBinder {

  static final List<String> COMPONENTS = List.of("db", "jobExecutor", "legalCalendar");

  private final ObjectProvider<HealthEndpoint> health;

  HealthMetrics(ObjectProvider<HealthEndpoint> health) {
    this.health = health;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("health.status", this, h -> h.up(null))
        .description("节点健康状态 1=UP 0=其他 (the node's health, 1 = UP)").tag("component", "all").register(registry);
    for (String component : COMPONENTS) {
      Gauge.builder("health.status", this, h -> h.up(component))
          .description("节点健康状态 1=UP 0=其他 (the node's health, 1 = UP)").tag("component", component)
          .register(registry);
    }
  }

  private double up(String component) {
    HealthEndpoint endpoint = health.getIfAvailable();
    if (endpoint == null) {
      return Double.NaN;
    }
    HealthComponent h = component == null ? endpoint.health() : endpoint.healthForPath(component);
    return h != null && Status.UP.equals(h.getStatus()) ? 1 : 0;
  }
}
