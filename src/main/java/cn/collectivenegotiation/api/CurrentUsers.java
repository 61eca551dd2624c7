package cn.collectivenegotiation.api;

import cn.collectivenegotiation.identity.CurrentUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The logged-in person of an {@code /api} request, with their Camunda groups. */
@Component
public class CurrentUsers {

  private final IdentityService identityService;

  public CurrentUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  public CurrentUser current() {
    String userId = SecurityContextHolder.getContext().getAuthentication().getName();
    return new CurrentUser(userId,
        identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
  }
}
