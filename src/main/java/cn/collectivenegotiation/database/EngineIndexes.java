package cn.collectivenegotiation.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Indexes on Camunda's own tables that the product's way of using them needs. Created once the engine has
 * its schema (not by Flyway, which runs before the engine creates its tables), if missing; the statements
 * are the same on H2 and PostgreSQL.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  /**
   * Authorization checks on one resource look up the person's groups ({@code GROUP_ID_ IN (...)}), the
   * resource type and the resource id. Camunda's own indexes put the grant type first, and H2 uses an IN list
   * only on an index's first column ({@link AuthorizationChecks}).
   */
  static final String AUTHORIZATION_GROUP_RESOURCE = "CREATE INDEX IF NOT EXISTS ACT_IDX_AUTH_GROUP_RESOURCE"
      + " ON ACT_RU_AUTHORIZATION (GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_)";

  /**
   * Job acquisition with timers first and by due date (application.yaml) asks for the due jobs ordered by
   * {@code TYPE_ DESC, DUEDATE_ ASC}, 50 at a time. Camunda has no index on the due date: without this one
   * every acquisition reads and sorts every due job (thousands on the day a campaign's deadlines fall due)
   * to hand out 50; with it the database reads the jobs in that order and stops after the first 50 it may take.
   */
  static final String JOB_ACQUISITION = "CREATE INDEX IF NOT EXISTS ACT_IDX_JOB_ACQUISITION"
      + " ON ACT_RU_JOB (TYPE_ DESC, DUEDATE_ ASC)";

  static final List<String> ALL = List.of(AUTHORIZATION_GROUP_RESOURCE, JOB_ACQUISITION);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try (Connection c = configuration.getDataSource().getConnection(); Statement s = c.createStatement()) {
      for (String ddl : ALL) {
        s.execute(ddl);
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("could not create an index on the engine's tables: " + e.getMessage(), e);
    }
  }
}
