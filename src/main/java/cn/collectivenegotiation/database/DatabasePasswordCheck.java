package cn.collectivenegotiation.database;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

/**
 * No start with a database password that names an environment variable nobody set. The postgres profile reads
 * {@code spring.datasource.password: ${POSTGRES_PASSWORD}} with no default; Spring binds an unset variable as the
 * literal text {@code ${POSTGRES_PASSWORD}}, which then goes to the database as the password: refused with
 * "password authentication failed for user ..." (nothing says which variable is missing), or accepted by a server
 * that trusts local connections. So the server stops before any bean touches the database, naming the variable.
 * A bean factory post-processor, so that it runs before the data source, Flyway or the engine is created.
 */
@Component
class DatabasePasswordCheck implements BeanFactoryPostProcessor, EnvironmentAware {

  static final String PROPERTY = "spring.datasource.password";

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^:}]+)}");

  private ConfigurableEnvironment environment;

  /** A post-processor is made before autowiring works, so the environment comes this way. */
  @Override
  public void setEnvironment(Environment environment) {
    this.environment = (ConfigurableEnvironment) environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    Object declared = declared();
    if (declared == null) {
      return;
    }
    List<String> unset = new ArrayList<>();
    Matcher m = VARIABLE.matcher(declared.toString());
    while (m.find()) {
      if (environment.getProperty(m.group(1)) == null) {
        unset.add(m.group(1));
      }
    }
    if (!unset.isEmpty()) {
      String names = String.join(", ", unset);
      throw new IllegalStateException("未设置数据库密码：请设置环境变量 " + names + "（" + PROPERTY + " = " + declared
          + "） (no database password: set " + names + ")");
    }
  }

  /** The password as the first property source that has it declares it, placeholders unresolved. */
  private Object declared() {
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (source instanceof EnumerablePropertySource<?> enumerable && enumerable.containsProperty(PROPERTY)) {
        return enumerable.getProperty(PROPERTY);
      }
    }
    return null;
  }
}
