package cn.collectivenegotiation.identity;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Logins, one user store: the engine's identity service (the users Camunda Admin manages).
 * <ul>
 *   <li>{@code /api/**}: HTTP basic through Spring Security, stateless.</li>
 *   <li>{@code /engine-rest/*}: Camunda's own authentication filter (HTTP basic), so the REST API
 *       runs every call as that user, under the engine's authorizations; then {@link DefinitionStatisticsGuard}.</li>
 *   <li>{@code /camunda/**}: the webapps' own login and session; Cockpit's plugin API through
 *       {@link CockpitStatisticsFilter}.</li>
 * </ul>
 */
@Configuration
public class SecurityConfiguration {

  static final int REST_AUTHENTICATION_ORDER = org.springframework.core.Ordered.LOWEST_PRECEDENCE - 10;

  @Bean
  SecurityFilterChain api(HttpSecurity http, AuthenticationProvider camundaUsers) throws Exception {
    return http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .authenticationProvider(camundaUsers)
        .httpBasic(Customizer.withDefaults())
        .csrf(c -> c.disable()) // no cookies on /api: every call carries its credentials
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  @Bean
  AuthenticationProvider camundaUsers(IdentityService identityService) {
    return new AuthenticationProvider() {
      @Override
      public org.springframework.security.core.Authentication authenticate(
          org.springframework.security.core.Authentication auth) {
        String user = auth.getName();
        String password = String.valueOf(auth.getCredentials());
        if (!identityService.checkPassword(user, password)) {
          throw new BadCredentialsException("用户名或密码错误 (bad credentials)");
        }
        // the user's Camunda groups as authorities: /actuator (ActuatorSecurity) admits by group
        List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).list().stream()
            .map(g -> new SimpleGrantedAuthority(g.getId())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
      }

      @Override
      public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
      }
    };
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> filter =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    filter.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    filter.addUrlPatterns("/engine-rest/*");
    filter.setName("camunda-rest-authentication");
    filter.setOrder(REST_AUTHENTICATION_ORDER);
    return filter;
  }

  /** After the REST login, which names the caller; see {@link DefinitionStatisticsGuard}. */
  @Bean
  FilterRegistrationBean<DefinitionStatisticsGuard> definitionStatisticsGuard(IdentityService identityService) {
    FilterRegistrationBean<DefinitionStatisticsGuard> filter =
        new FilterRegistrationBean<>(new DefinitionStatisticsGuard(identityService));
    filter.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    filter.setName("definition-statistics-guard");
    filter.setOrder(REST_AUTHENTICATION_ORDER + 1);
    return filter;
  }

  /** Cockpit's dashboard counts only what the person may see; see {@link CockpitStatisticsFilter}. */
  @Bean
  FilterRegistrationBean<CockpitStatisticsFilter> cockpitStatistics(IdentityService identityService,
      RuntimeService runtimeService, AuthorizationService authorizationService) {
    FilterRegistrationBean<CockpitStatisticsFilter> filter = new FilterRegistrationBean<>(
        new CockpitStatisticsFilter(identityService, runtimeService, authorizationService));
    filter.addUrlPatterns("/camunda/api/cockpit/*");
    filter.setName("cockpit-statistics");
    return filter;
  }
}
