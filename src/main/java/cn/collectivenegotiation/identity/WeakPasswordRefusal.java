package cn.collectivenegotiation.identity;

import java.util.ArrayList;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * With the password policy on, the engine refuses a user saved with a weak password (a new user, a changed
 * password: {@code POST /engine-rest/user/create}, {@code PUT /engine-rest/user/{id}/credentials}, Camunda
 * Admin, Java code) with a bare {@code ProcessEngineException "Password does not match policy"}, which the
 * REST API answers as a server error ({@code 500}). This turns it into the user's error it is: {@code 400}
 * with the policy's rules in Chinese and English. The engine's transaction is rolled back either way: nothing
 * is saved.
 */
@Component
class WeakPasswordRefusal extends AbstractProcessEnginePlugin {

  /** The engine's message (SaveUserCmd, 7.24). */
  static final String ENGINE_MESSAGE = "Password does not match policy";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Refusal(configuration));
  }

  private static final class Refusal extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    Refusal(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        if (command instanceof SaveUserCmd && e.getClass() == ProcessEngineException.class
            && ENGINE_MESSAGE.equals(e.getMessage())) {
          var rules = configuration.getPasswordPolicy().getRules();
          throw new BadUserRequestException("密码不符合密码策略：" + PasswordRules.chinese(rules)
              + "。可先用 POST /engine-rest/identity/password-policy 检查。"
              + "The password does not match the password policy: " + PasswordRules.english(rules) + ".", e);
        }
        throw e;
      }
    }
  }
}
