package cn.collectivenegotiation.operations;

import cn.collectivenegotiation.identity.Organisation;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The user Prometheus scrapes {@code /actuator/prometheus} with, made from the environment like the administrator:
 * with {@code NEGOTIATION_MONITORING_PASSWORD} set, the user {@code negotiation.monitoring.user} (default
 * {@code prometheus}) is created in the group {@code monitoring} if it does not exist. It sees no offer and no
 * task. Its password must meet the password policy (a weak one stops the start, naming the variable). An existing
 * user is left as it is: its password is changed in Camunda Admin, as any user's. Without the variable nothing
 * happens (an administrator adds a monitoring user by hand).
 */
@Component
@Order(2) // after Organisation, which makes the group
class MonitoringUser implements ApplicationRunner {

  static final String PASSWORD_VARIABLE = "NEGOTIATION_MONITORING_PASSWORD";

  private final IdentityService identityService;
  private final String userId;
  private final String password;

  MonitoringUser(IdentityService identityService, @Value("${negotiation.monitoring.user:prometheus}") String userId,
      @Value("${negotiation.monitoring.password:}") String password) {
    this.identityService = identityService;
    this.userId = userId;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (password.isBlank() || identityService.createUserQuery().userId(userId).count() > 0) {
      return;
    }
    User user = identityService.newUser(userId);
    user.setFirstName("Prometheus");
    user.setLastName("运维监控");
    user.setPassword(password);
    try {
      identityService.saveUser(user);
    } catch (BadUserRequestException e) {
      throw new IllegalStateException("监控用户 " + userId + " 的密码（" + PASSWORD_VARIABLE + "）" + e.getMessage(), e);
    }
    identityService.createMembership(userId, Organisation.MONITORING);
  }
}
