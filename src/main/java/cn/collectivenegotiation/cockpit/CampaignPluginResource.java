package cn.collectivenegotiation.cockpit;

import cn.collectivenegotiation.campaign.CampaignFigure;
import cn.collectivenegotiation.campaign.CampaignService;
import cn.collectivenegotiation.identity.CurrentUser;
import cn.collectivenegotiation.offer.ReportingUnit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.context.ApplicationContext;

/**
 * The campaign's data for the Cockpit page, read through {@link CampaignService} as {@code /api/campaigns}
 * reads it, with the same JSON: the person is the one logged in to the webapp (its session), so a unit's
 * union or labour bureau gets its own unit and the city's supervisors all 16 and the city.
 *
 * <ul>
 *   <li>{@code GET campaigns}: the campaigns, newest first;</li>
 *   <li>{@code GET campaigns/{id}/statistics}: the table ({@code /api/campaigns/{id}/statistics});</li>
 *   <li>{@code GET campaigns/{id}/offers?figure=OVERDUE[&unit=SHIZHONG]}: the offers behind a figure.</li>
 * </ul>
 */
@Produces(MediaType.APPLICATION_JSON)
public class CampaignPluginResource extends AbstractCockpitPluginResource {

  private static final String COCKPIT = "cockpit";
  private static final MediaType JSON = MediaType.valueOf("application/json;charset=UTF-8");
  private static final MediaType PROBLEM = MediaType.valueOf("application/problem+json;charset=UTF-8");

  private final CampaignService campaigns;
  private final ObjectMapper json;

  public CampaignPluginResource(String engineName, ApplicationContext spring) {
    super(engineName);
    this.campaigns = spring.getBean(CampaignService.class);
    this.json = spring.getBean(ObjectMapper.class);
  }

  @GET
  @Path("campaigns")
  public Response list() {
    return answer(() -> Optional.of(campaigns.list(person())));
  }

  @GET
  @Path("campaigns/{id}/statistics")
  public Response statistics(@PathParam("id") String id) {
    return answer(() -> campaigns.statistics(id, person()));
  }

  @GET
  @Path("campaigns/{id}/offers")
  public Response offers(@PathParam("id") String id, @QueryParam("figure") String figure,
      @QueryParam("unit") String unit) {
    CampaignFigure f = parse(CampaignFigure.class, figure, "figure", "统计项");
    if (f == null) {
      return problem(Status.BAD_REQUEST, "figure", "缺少统计项 (figure is required; one of "
          + Arrays.toString(CampaignFigure.values()) + ")");
    }
    ReportingUnit u = parse(ReportingUnit.class, unit, "unit", "填报单位");
    return answer(() -> campaigns.offers(id, u, f, person()));
  }

  /**
   * The webapp's logged-in person for this engine, with their groups as the login found them. Every
   * plugin request is authenticated by the webapp's filter; Cockpit's own access is checked here too.
   */
  private CurrentUser person() {
    Authentications all = Authentications.getCurrent();
    Authentication authentication = all == null ? null : all.getAuthenticationForProcessEngine(engineName);
    if (!(authentication instanceof UserAuthentication user)) {
      throw new NotLoggedIn();
    }
    if (!user.isAuthorizedForApp(COCKPIT)) {
      throw new AuthorizationException("无权使用 Cockpit (no access to Cockpit)");
    }
    return new CurrentUser(user.getName(), user.getGroupIds());
  }

  private Response answer(Supplier<Optional<?>> read) {
    try {
      Optional<?> body = read.get();
      if (body.isEmpty()) {
        return problem(Status.NOT_FOUND, null, "没有这个集中要约月活动 (no such campaign)");
      }
      return Response.ok(json.writeValueAsString(body.get()), JSON).build();
    } catch (NotLoggedIn e) {
      return problem(Status.UNAUTHORIZED, null, "请先登录 (log in first)");
    } catch (AuthorizationException e) {
      return problem(Status.FORBIDDEN, null, e.getMessage());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <E extends Enum<E>> E parse(Class<E> type, String value, String field, String label) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim());
    } catch (IllegalArgumentException e) {
      throw new jakarta.ws.rs.WebApplicationException(problem(Status.BAD_REQUEST, field,
          "未知的" + label + " (unknown " + field + ": " + value + "; one of "
              + Arrays.toString(type.getEnumConstants()) + ")"));
    }
  }

  private Response problem(Status status, String field, String detail) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("status", status.getStatusCode());
    p.put("title", status.getReasonPhrase());
    p.put("detail", detail);
    if (field != null) {
      p.put("field", field);
    }
    try {
      return Response.status(status).type(PROBLEM).entity(json.writeValueAsString(p)).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class NotLoggedIn extends RuntimeException {}
}
