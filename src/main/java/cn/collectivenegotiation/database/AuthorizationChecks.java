package cn.collectivenegotiation.database;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's authorization checks from growing with the data. Every enterprise the product deals with
 * has two groups, and every offer grants READ on its own instance to the groups concerned
 * ({@code identity/OfferAuthorizations}), so the authorization table holds a few rows per offer.
 * <ul>
 *   <li><b>The person's groups as they are.</b> Before each check Camunda narrows the person's groups to those
 *       that hold any authorization at all, and to know those it reads {@code SELECT DISTINCT GROUP_ID_} over
 *       the whole table, once per engine command: two group ids per enterprise ever reached, so the cost of
 *       every start, task list and form grew with every offer sent (flight recording of {@code POST /api/offers}:
 *       the start-permission check was half of the request's time after a few thousand offers). The narrowing
 *       only shortens the IN list of the check's query; a group without authorizations matches no row, so
 *       checking with the person's own groups gives the same answers. People here belong to a handful of
 *       groups; for one in more than {@value #GROUPS_CHECKED_AS_GIVEN} (an LDAP import, say) Camunda's own
 *       narrowing is kept, since long IN lists are what it protects against.</li>
 *   <li><b>An index for the group checks.</b> A check on one resource (READ on one offer's instance) looks up
 *       the person's groups ({@code GROUP_ID_ IN (...)}), the resource type and the resource id. Camunda's own
 *       indexes have the grant type first ({@code ACT_UNIQ_AUTH_GROUP}), and H2 uses an IN list only on an
 *       index's first column, so it read every grant of that type; with the group, the resource type and the
 *       resource id in one index it reads the rows it needs ({@link EngineIndexes}).</li>
 * </ul>
 */
@Component
public class AuthorizationChecks extends AbstractProcessEnginePlugin {

  static final int GROUPS_CHECKED_AS_GIVEN = 100;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    // keyed by session type: replaces the engine's own factory for AuthorizationManager
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new GroupsAsGiven();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** Camunda's authorization manager, checking with the person's own groups instead of reading every group id. */
  static class GroupsAsGiven extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return Collections.emptyList();
      }
      if (authenticatedGroupIds.size() > GROUPS_CHECKED_AS_GIVEN) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
  }
}
