package cn.collectivenegotiation.operations;

import cn.collectivenegotiation.identity.CurrentUser;
import cn.collectivenegotiation.identity.Organisation;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may look at the server's insides ({@code /actuator}), on the same port as the product:
 * <ul>
 *   <li>{@code /actuator/health}: anyone gets the status (UP/DOWN) for load balancers and docker's health check;
 *       the components ({@code db}, {@code jobExecutor}, {@code legalCalendar}) only a logged-in member of
 *       {@code monitoring} or {@code camunda-admin} (management.endpoint.health.roles).</li>
 *   <li>{@code /actuator/prometheus}: only {@code monitoring} or {@code camunda-admin}, by HTTP basic (a
 *       Prometheus scrape job with {@code basic_auth}); anonymous 401, anyone else 403.</li>
 *   <li>every other actuator endpoint is not exposed.</li>
 * </ul>
 * The group {@code monitoring} (运维监控) is a standing group ({@code Organisation}); an administrator adds the scrape user to it
 * in Camunda Admin. Such a user needs no other grant: it sees no offer and no task.
 */
@Configuration
class ActuatorSecurity {

  static final String MONITORING_GROUP = Organisation.MONITORING;

  @Bean
  SecurityFilterChain actuator(HttpSecurity http, AuthenticationProvider camundaUsers) throws Exception {
    return http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .authorizeHttpRequests(a -> a
            .requestMatchers(EndpointRequest.to("health")).permitAll()
            .anyRequest().hasAnyAuthority(MONITORING_GROUP, CurrentUser.ADMIN_GROUP))
        .authenticationProvider(camundaUsers)
        .httpBasic(Customizer.withDefaults())
        .csrf(c -> c.disable()) // read-only endpoints, credentials on every call, no cookie
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }
}
