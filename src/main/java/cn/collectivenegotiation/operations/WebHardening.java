package cn.collectivenegotiation.operations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What the web layer closes or adds beside Camunda's own filters (see README, 运维 · Operations):
 * <ul>
 *   <li>Camunda Admin's first-run setup ({@code /camunda/api/admin/setup/**}) is closed: this product always
 *       creates its administrator from {@code camunda.bpm.admin-user}, so the page that creates the first
 *       administrator is never needed, and CVE-2026-77226 (7.24.0 before 7.24.15: setup open to anyone when
 *       the {@code camunda-admin} group has no direct member) cannot be used.</li>
 *   <li>{@code /engine-rest} answers with Spring Security's headers (no sniffing, no framing, no caching;
 *       HSTS over HTTPS); logins stay Camunda's own ({@code SecurityConfiguration}).</li>
 * </ul>
 */
@Configuration
class WebHardening {

  /** A path of the whole application: these servlets are Camunda's (Jersey), not Spring MVC's. */
  static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  @Bean
  SecurityFilterChain adminSetupClosed(HttpSecurity http) throws Exception {
    return http.securityMatcher(path("/camunda/api/admin/setup/**"))
        .authorizeHttpRequests(a -> a.anyRequest().denyAll())
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  @Bean
  SecurityFilterChain engineRestHeaders(HttpSecurity http) throws Exception {
    return http.securityMatcher(path("/engine-rest/**"))
        // Camunda's ProcessEngineAuthenticationFilter logs the caller in and the engine's authorizations apply
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable()) // HTTP basic on every call, no cookie: nothing to forge
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(r -> r.disable())
        .build();
  }
}
