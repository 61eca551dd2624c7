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

  /**
   * Every task completion, start and timer loads an execution's variables ({@code EXECUTION_ID_ = ? AND
   * TASK_ID_ IS NULL}, Camunda 7.24's {@code selectVariablesByExecutionId}). Camunda gives H2 one index on each
   * column; until H2 has counted the table (its automatic ANALYZE, after thousands of changed rows, and only for
   * statements parsed after it) both look alike to it and it takes the TASK_ID_ one, which holds every process
   * variable under NULL: each load then read all of them. Measured with {@code -Dbench.querystats} on a fresh
   * file: 5.1 ms for 15 variables, against 0.14 ms once H2 had switched (README, "where the time goes"). With
   * both columns in one index no count is needed to pick it.
   */
  static final String VARIABLES_OF_EXECUTION = "CREATE INDEX IF NOT EXISTS ACT_IDX_VARIABLE_EXECUTION_SCOPE"
      + " ON ACT_RU_VARIABLE (EXECUTION_ID_, TASK_ID_)";

  /**
   * Completing a task deletes it, and Camunda first looks for its subtasks ({@code PARENT_TASK_ID_ = ?}), a
   * column it has no index on in any database: each completion read every open task (0.4 ms at 1,000 offers,
   * 0.8 ms at 2,000, growing with the open tasks of a campaign).
   */
  static final String SUBTASKS = "CREATE INDEX IF NOT EXISTS ACT_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_)";

  static final List<String> ALL = List.of(AUTHORIZATION_GROUP_RESOURCE, JOB_ACQUISITION, VARIABLES_OF_EXECUTION, SUBTASKS);

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
