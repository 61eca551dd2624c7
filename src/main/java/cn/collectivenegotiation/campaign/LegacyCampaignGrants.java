package cn.collectivenegotiation.campaign;

import cn.collectivenegotiation.offer.ReportingUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Closes the old leak on campaigns started before the units' reports had instances of their own: such a
 * campaign granted every unit's union read access to its one instance, which holds all 16 units' photos,
 * news items, tables and problems. At every start, those grants are removed (the city's stay). The units
 * still see and complete their tasks there (the engine grants a task to its candidate groups); what they
 * lose is reading the instance, and with it their own photo in 核对并报送统计表. New campaigns have no
 * such grants, so this finds nothing for them.
 */
@Component
@Order(2)
public class LegacyCampaignGrants implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(LegacyCampaignGrants.class);
  private static final Set<String> UNIT_UNIONS = Arrays.stream(ReportingUnit.values()).map(ReportingUnit::unionGroup)
      .collect(Collectors.toSet());

  private final JdbcTemplate jdbc;
  private final AuthorizationService authorizationService;

  public LegacyCampaignGrants(JdbcTemplate jdbc, AuthorizationService authorizationService) {
    this.jdbc = jdbc;
    this.authorizationService = authorizationService;
  }

  @Override
  public void run(ApplicationArguments args) {
    revoke();
  }

  /** Removes the unit unions' grants on every campaign's own instance; returns how many it removed. */
  public int revoke() {
    int removed = 0;
    for (String instance : jdbc.queryForList("SELECT process_instance_id FROM campaign WHERE process_instance_id IS NOT NULL",
        String.class)) {
      for (Resource resource : List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE)) {
        for (Authorization a : authorizationService.createAuthorizationQuery().resourceType(resource).resourceId(instance)
            .list()) {
          if (a.getGroupId() != null && UNIT_UNIONS.contains(a.getGroupId())) {
            authorizationService.deleteAuthorization(a.getId());
            removed++;
          }
        }
      }
    }
    if (removed > 0) {
      log.info("集中要约月：已撤销填报单位对活动实例的 {} 项读取授权 (revoked {} unit grants on campaign instances)", removed, removed);
    }
    return removed;
  }
}
