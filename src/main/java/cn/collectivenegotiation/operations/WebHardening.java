package cn.collectivenegotiation.operations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

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

  @Bean
  SecurityFilterChain adminSetupClosed(HttpSecurity http) throws Exception {
    return http.securityMatcher("/camunda/api/admin/setup/**")
        .authorizeHttpRequests(a -> a.anyRequest().denyAll())
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  @Bean
  SecurityFilterChain engineRestHeaders(HttpSecurity http) throws Exception {
    return http.securityMatcher("/engine-rest/**")
        // Camunda's ProcessEngineAuthenticationFilter logs the caller in and the engine's authorizations apply
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable()) // HTTP basic on every call, no cookie: nothing to forge
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(r -> r.disable())
        .build();
  }
}
