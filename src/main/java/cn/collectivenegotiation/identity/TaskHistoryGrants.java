package cn.collectivenegotiation.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Camunda's grants for a task's candidate group, less the one that adds nothing. With historic instance
 * permissions on (application.yaml), Camunda gives each candidate group of each task two grants: READ and UPDATE
 * on the task, and READ on its history ({@code HISTORIC_TASK}, kept after the task is done). A historic task may
 * be read with READ_HISTORY on its definition, <em>or</em> READ on its process instance's history, or READ on
 * the historic task itself (Camunda 7.24's {@code AuthorizationManager.configureHistoricTaskInstanceQuery}, a
 * disjunctive check). Every offer already grants READ on its instance's history to the groups concerned
 * ({@link OfferAuthorizations}), so for those groups the historic task grant is a second key to the same door:
 * it is left out, and kept for any group without the instance grant. Each grant is a row in eight indexes;
 * an offer through the campaign's mix wrote 3.65 of them.
 */
@Component
public class TaskHistoryGrants extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  static class Provider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      AuthorizationEntity[] grants = super.newTaskGroupIdentityLink(task, groupId, type);
      if (grants == null || groupId == null || task.getProcessInstanceId() == null
          || !readsInstanceHistory(groupId, task.getProcessInstanceId())) {
        return grants;
      }
      return Arrays.stream(grants).filter(g -> g.getResourceType() != Resources.HISTORIC_TASK.resourceType())
          .toArray(AuthorizationEntity[]::new);
    }

    /**
     * Whether the group may read the instance's history: granted earlier in this transaction (an offer's start
     * grants its groups and creates its first task in one, not yet written), looked at first since it costs no
     * query, or granted before.
     */
    private boolean readsInstanceHistory(String groupId, String processInstanceId) {
      if (Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class)
          .stream().anyMatch(a -> grantsRead(a, groupId, processInstanceId))) {
        return true;
      }
      return grantsRead(getAuthorizationManager().findAuthorizationByGroupIdAndResourceId(AUTH_TYPE_GRANT, groupId,
          Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId), groupId, processInstanceId);
    }

    private static boolean grantsRead(AuthorizationEntity a, String groupId, String processInstanceId) {
      return a != null && a.getAuthorizationType() == AUTH_TYPE_GRANT && groupId.equals(a.getGroupId())
          && a.getResourceType() == Resources.HISTORIC_PROCESS_INSTANCE.resourceType()
          && processInstanceId.equals(a.getResourceId())
          && a.isPermissionGranted(HistoricProcessInstancePermissions.READ);
    }
  }
}
