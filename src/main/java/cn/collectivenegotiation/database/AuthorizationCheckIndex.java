package cn.collectivenegotiation.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * One index on Camunda's authorization table, created once the engine has its schema (so not by Flyway,
 * which runs before the engine creates its tables). Whether a person may start an offer (Camunda checks
 * CREATE on process instances and CREATE_INSTANCE on the definition, resource id '*') is looked up among
 * the grants of that person's groups; every offer grants READ on its own instance to the groups concerned
 * ({@code identity/OfferAuthorizations}), so a unit's union group holds thousands of grants, and with
 * Camunda's own indexes (the group alone, or the grant type first) the check read all of them: half of the
 * time of {@code POST /api/offers} after 3,000 offers (benchmark, flight recording). With the group, the
 * resource type and the resource id in one index it reads the row it needs. H2 and PostgreSQL alike.
 */
@Component
public class AuthorizationCheckIndex extends AbstractProcessEnginePlugin {

  static final String DDL = "CREATE INDEX IF NOT EXISTS ACT_IDX_AUTH_GROUP_RESOURCE"
      + " ON ACT_RU_AUTHORIZATION (GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_)";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try (Connection c = configuration.getDataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(DDL);
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("could not create the authorization-check index: " + e.getMessage(), e);
    }
  }
}
