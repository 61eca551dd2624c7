package cn.collectivenegotiation.operations;

import java.util.ArrayList;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Expressions are code: with {@code enableExpressionsInAdhocQueries=false} the engine refuses them in a task
 * query sent through the API, but 7.24.0 checks only the query itself, not the branches of its
 * {@code orQueries} (CVE-2026-109432, fixed in the enterprise 7.24.14): an authenticated user could send
 * {@code {"orQueries":[{"dueAfterExpression":"${...}"}]}} to {@code /engine-rest/task} and run any Java.
 * This guard checks every branch before the engine runs an ad-hoc task query. Stored queries (the Tasklist
 * filters an administrator saves) run inside the engine's own command and are not affected.
 */
@Component
class AdhocQueryExpressionGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Guard(configuration));
  }

  private static final class Guard extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    Guard(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof TaskQueryImpl query && !configuration.isEnableExpressionsInAdhocQueries()) {
        for (TaskQueryImpl branch : query.getQueries()) {
          if (!branch.getExpressions().isEmpty()) {
            throw new BadUserRequestException("查询中不允许使用表达式 (expressions are forbidden in adhoc queries,"
                + " also in orQueries: " + branch.getExpressions().keySet() + ")");
          }
        }
      }
      return next.execute(command);
    }
  }
}
