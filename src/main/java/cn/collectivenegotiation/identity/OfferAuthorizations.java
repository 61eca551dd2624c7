package cn.collectivenegotiation.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who may see one offer: Camunda has no rule "the officers of the offer's unit", so each offer grants
 * read access on its own instance to the groups concerned (the two sides, the unit's union and labour
 * bureau). Tasks need no such grant: the engine gives a task's candidate groups READ and UPDATE on it.
 */
@Component
public class OfferAuthorizations {

  private final AuthorizationService authorizationService;

  public OfferAuthorizations(@Lazy AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /** Called inside the engine's command (an offer's or a campaign's start), where the sender may not grant; so without checks. */
  public void grantReadOnInstance(String processInstanceId, List<String> groupIds) {
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (String group : groupIds) {
        grant(authorizationService, group, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
        grant(authorizationService, group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
            HistoricProcessInstancePermissions.READ);
      }
      return null;
    });
  }

  /** Grants {@code groupId} one permission on one resource; the caller decides whether checks apply. */
  static void grant(AuthorizationService authorizationService, String groupId, Resource resource, String resourceId,
      Permission permission) {
    Authorization a = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    a.setGroupId(groupId);
    a.setResource(resource);
    a.setResourceId(resourceId);
    a.addPermission(permission);
    authorizationService.saveAuthorization(a);
  }
}
