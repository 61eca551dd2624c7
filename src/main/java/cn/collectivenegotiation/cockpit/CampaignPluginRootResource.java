package cn.collectivenegotiation.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/** {@code /camunda/api/cockpit/plugin/campaign}: the page's files ({@code static/...}) and, per engine, its data. */
@Path("plugin/" + CampaignCockpitPlugin.ID)
public class CampaignPluginRootResource extends AbstractCockpitPluginRootResource {

  public CampaignPluginRootResource() {
    super(CampaignCockpitPlugin.ID);
  }

  @Path("{engineName}")
  public CampaignPluginResource engine(@PathParam("engineName") String engineName) {
    // the webapp's JAX-RS resources live beside the product's Spring beans in one servlet context
    return subResource(new CampaignPluginResource(engineName,
        WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)), engineName);
  }
}
