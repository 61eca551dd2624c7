package cn.collectivenegotiation.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * No administrator without a password the operator chose. Spring leaves an unset
 * {@code ${CAMUNDA_ADMIN_PASSWORD}} as literal text, which would become the password; so the engine
 * refuses to build, before it creates any user, unless a password is given.
 */
@Component
public class AdminPasswordCheck extends AbstractProcessEnginePlugin {

  static final String PROPERTY = "camunda.bpm.admin-user.password";

  private final Environment environment;

  public AdminPasswordCheck(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    String password = environment.getProperty(PROPERTY, "");
    if (password.isBlank() || password.contains("${")) {
      throw new IllegalStateException("未设置管理员密码：请设置环境变量 CAMUNDA_ADMIN_PASSWORD（或 " + PROPERTY
          + "），演示环境请使用 demo 配置 (no administrator password: set CAMUNDA_ADMIN_PASSWORD)");
    }
  }
}
