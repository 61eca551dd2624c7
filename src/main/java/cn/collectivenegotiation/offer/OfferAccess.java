package cn.collectivenegotiation.offer;

import cn.collectivenegotiation.identity.CurrentUser;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Who may send and read which offer: a reporting unit's union only for its unit, an enterprise (and
 * its union) only for itself, the city union for all. Reading follows the engine's own authorizations,
 * so Cockpit, the REST API and {@code /api} agree.
 */
@Component
public class OfferAccess {

  private final AuthorizationService authorizationService;

  public OfferAccess(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  public boolean maySend(CurrentUser user, Offer offer) {
    OfferParties parties = offer.parties();
    return user.in(CurrentUser.ADMIN_GROUP)
        || user.in(CurrentUser.CITY_UNION)
        || user.in(offer.reportingUnit().unionGroup())
        || user.inAny(List.of(parties.enterpriseGroup(), parties.enterpriseUnionGroup()));
  }

  public boolean mayRead(CurrentUser user, String processInstanceId) {
    return authorizationService.isUserAuthorized(user.userId(), user.groupIds(), HistoricProcessInstancePermissions.READ,
            Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId)
        || authorizationService.isUserAuthorized(user.userId(), user.groupIds(),
            org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY,
            Resources.PROCESS_DEFINITION, OfferProcess.KEY);
  }
}
