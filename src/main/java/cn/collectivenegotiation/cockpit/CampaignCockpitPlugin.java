package cn.collectivenegotiation.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * 集中要约月 in Cockpit, where supervisors already watch the offers: the campaign's figures per reporting
 * unit as a table and a chart, with the offers behind each figure one click away. Registered for Cockpit
 * in {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}; Cockpit loads its page
 * ({@code plugin-webapp/campaign/app/plugin.js}) by itself and serves its data under
 * {@code /camunda/api/cockpit/plugin/campaign/{engine}/...}, behind the webapp's own login.
 */
public class CampaignCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "campaign";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(CampaignPluginRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
