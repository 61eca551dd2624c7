package cn.collectivenegotiation.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code GET /engine-rest/process-definition/statistics} counts every running instance and incident of each
 * definition the caller may read, without asking whether the caller may read those instances (Camunda 7.24
 * checks READ on the definition only). Every officer may read {@code collective-offer}, so a unit's union
 * would learn how many offers every other unit has running. Only those who read every offer anyway (the city's
 * supervisors and the administrators) get it; everyone else gets 403 and counts their own with
 * {@code /process-instance/count}. The same endpoint under the web apps' session ({@code /camunda/api/engine/...})
 * likewise. Cockpit's dashboard uses its own statistics (filtered per instance) and the
 * per-activity {@code /process-definition/{id}/statistics} (filtered too), which stay open.
 */
public class DefinitionStatisticsGuard extends OncePerRequestFilter {

  static final List<String> READ_EVERY_OFFER = List.of(CurrentUser.ADMIN_GROUP, CurrentUser.CITY_UNION,
      CurrentUser.CITY_LABOUR_BUREAU, Organisation.TRIPARTITE);

  private final IdentityService identityService;

  public DefinitionStatisticsGuard(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.matches("(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/process-definition/statistics/?");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // /engine-rest: set by Camunda's authentication filter, which runs before this one; the web apps: their session
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null && request.getSession(false) != null) {
      Authentications session = AuthenticationUtil.getAuthsFromSession(request.getSession(false));
      if (session != null && session.getAuthentications() != null && !session.getAuthentications().isEmpty()) {
        UserAuthentication user = session.getAuthentications().get(0);
        caller = new Authentication(user.getIdentityId(), user.getGroupIds());
      }
    }
    if (caller != null && !new CurrentUser(caller.getUserId(), caller.getGroupIds() == null ? List.of()
        : caller.getGroupIds()).inAny(READ_EVERY_OFFER)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"流程定义统计计入所有单位的要约，"
          + "仅市级监督部门可用；请用 /process-instance/count 统计本单位的要约 (definition statistics count every unit's "
          + "instances: only the city's supervisors may read them)\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
