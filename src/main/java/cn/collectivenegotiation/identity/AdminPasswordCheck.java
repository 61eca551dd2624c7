package cn.collectivenegotiation.identity;

import java.util.List;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * No administrator without a password the operator chose, and none with a weak one. Spring leaves an unset
 * {@code ${CAMUNDA_ADMIN_PASSWORD}} as literal text, which would become the password; so the engine
 * refuses to build, before it creates any user, unless a password is given. With the password policy on
 * ({@link PasswordRules#SETTING}, the default) the password must also meet it: otherwise the server stops
 * here, naming the setting and the rules it breaks, instead of failing later inside the starter's admin
 * bootstrap with the engine's bare "Password does not match policy". Checked at every start, also when the
 * administrator exists already (the starter never changes an existing administrator's password).
 */
@Component
public class AdminPasswordCheck extends AbstractProcessEnginePlugin {

  static final String PROPERTY = "camunda.bpm.admin-user.password";

  private final Environment environment;
  private final CamundaBpmProperties camunda;

  public AdminPasswordCheck(Environment environment, CamundaBpmProperties camunda) {
    this.environment = environment;
    this.camunda = camunda;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    String password = environment.getProperty(PROPERTY, "");
    if (password.isBlank() || password.contains("${")) {
      throw new IllegalStateException("未设置管理员密码：请设置环境变量 CAMUNDA_ADMIN_PASSWORD（或 " + PROPERTY
          + "），演示环境请使用 demo 配置 (no administrator password: set CAMUNDA_ADMIN_PASSWORD)");
    }
  }

  /** After the engine's init: the generic properties are applied and the policy is in place. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!configuration.isEnablePasswordPolicy() || camunda.getAdminUser() == null) {
      return;
    }
    var admin = camunda.getAdminUser();
    admin.init(); // the starter's defaults for first and last name and e-mail, as it will create the user
    List<PasswordPolicyRule> broken = PasswordRules.broken(configuration.getPasswordPolicy(), admin.getPassword(), admin);
    if (!broken.isEmpty()) {
      throw new IllegalStateException("管理员密码不符合密码策略（" + PasswordRules.SETTING + "）：须满足"
          + PasswordRules.chinese(broken) + "。请为 CAMUNDA_ADMIN_PASSWORD（" + PROPERTY + "）设置符合策略的密码。"
          + " The administrator password (CAMUNDA_ADMIN_PASSWORD) does not match the password policy: "
          + PasswordRules.english(broken) + ".");
    }
  }
}
