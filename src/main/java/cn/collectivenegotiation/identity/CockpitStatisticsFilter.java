package cn.collectivenegotiation.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Cockpit's dashboard and process list ({@code /camunda/api/cockpit/plugin/base/<engine>/process-definition/statistics})
 * count every running instance and incident of a definition the person may read (Camunda 7.24 checks the
 * definition only). A unit's union would read every unit's count of offers and incidents there. For everyone who
 * does not read every offer anyway, this filter replaces both numbers by the counts the engine gives that person
 * (instance and incident queries under their authorizations), so the dashboard shows their unit's offers only. The
 * plugin API is Cockpit's: a person without access to Cockpit (an enterprise) gets 403 from it.
 */
public class CockpitStatisticsFilter extends OncePerRequestFilter {

  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final AuthorizationService authorizationService;
  private final ObjectMapper json = new ObjectMapper();

  public CockpitStatisticsFilter(IdentityService identityService, RuntimeService runtimeService,
      AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.authorizationService = authorizationService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.startsWith("/camunda/api/cockpit/plugin/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    UserAuthentication user = user(request);
    if (user == null) {
      chain.doFilter(request, response); // Cockpit answers 401 itself
      return;
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (!authorizationService.isUserAuthorized(user.getIdentityId(), groups, Permissions.ACCESS, Resources.APPLICATION, "cockpit")) {
      refuse(response, "无权使用 Cockpit (no access to Cockpit)");
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!"GET".equals(request.getMethod()) || !path.matches("/camunda/api/cockpit/plugin/base/[^/]+/process-definition/statistics/?")
        || new CurrentUser(user.getIdentityId(), groups).inAny(DefinitionStatisticsGuard.READ_EVERY_OFFER)) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, cached);
    if (cached.getStatus() == 200) {
      JsonNode definitions = json.readTree(cached.getContentAsByteArray());
      identityService.setAuthentication(user.getIdentityId(), groups);
      try {
        for (JsonNode d : definitions) {
          String id = d.path("id").asText();
          ((ObjectNode) d).put("instances", runtimeService.createProcessInstanceQuery().processDefinitionId(id).count());
          if (d.path("incidents").isNumber()) {
            ((ObjectNode) d).put("incidents", runtimeService.createIncidentQuery().processDefinitionId(id).count());
          }
        }
      } finally {
        identityService.clearAuthentication();
      }
      byte[] body = json.writeValueAsBytes(definitions);
      cached.resetBuffer();
      cached.setContentLength(body.length);
      cached.getOutputStream().write(body);
    }
    cached.copyBodyToResponse();
  }

  private static UserAuthentication user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    String path = request.getRequestURI();
    String engine = path.replaceFirst(".*/plugin/[^/]+/([^/]+)/.*", "$1");
    Authentication a = authentications == null ? null : authentications.getAuthenticationForProcessEngine(
        engine.contains("/") ? "default" : engine);
    return a instanceof UserAuthentication u ? u : null;
  }

  private static void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"" + message + "\"}");
  }
}
