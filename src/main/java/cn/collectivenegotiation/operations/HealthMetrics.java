package cn.collectivenegotiation.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The components of {@code /actuator/health} as gauges, so that Prometheus can alert on them
 * ({@code ops/alerts.yml}): {@code health_status{component="db"}} is 1 while the database answers, 0 when it does
 * not (the same for {@code jobExecutor} and {@code legalCalendar}; {@code component="all"} is the node's overall
 * status). Like {@link OfferMetrics}, the health is asked at most once per {@code negotiation.metrics.refresh}
 * (here by the server's clock), however often it is scraped.
 */
@Component
class HealthMetrics implements MeterBinder {

  static final List<String> COMPONENTS = List.of("all", "db", "jobExecutor", "legalCalendar");

  private final ObjectProvider<HealthEndpoint> health;
  private final Refreshed<Map<String, Double>> statuses;

  HealthMetrics(ObjectProvider<HealthEndpoint> health,
      @Value("${negotiation.metrics.refresh:PT30S}") Duration refresh) {
    this.health = health;
    this.statuses = new Refreshed<>(this::take, refresh, System::nanoTime);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String component : COMPONENTS) {
      Gauge.builder("health.status", this, h -> h.statuses.get().getOrDefault(component, Double.NaN))
          .description("节点健康状态 1=UP 0=其他 (the node's health, 1 = UP)").tag("component", component)
          .register(registry);
    }
  }

  /** One call of the health endpoint, all components at once. */
  private Map<String, Double> take() {
    Map<String, Double> up = new HashMap<>();
    HealthEndpoint endpoint = health.getIfAvailable();
    if (endpoint == null) {
      return up;
    }
    HealthComponent all = endpoint.health();
    up.put("all", value(all));
    if (all instanceof CompositeHealth composite) {
      composite.getComponents().forEach((name, component) -> up.put(name, value(component)));
    }
    return up;
  }

  private static double value(HealthComponent component) {
    return Status.UP.equals(component.getStatus()) ? 1 : 0;
  }
}
