package cn.collectivenegotiation.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's most frequent lookups read an index that holds only the rows they want, on a database H2 has not
 * counted yet (the test database is fresh, as a new installation's is).
 */
@ProductTest
class EngineQueryPlansTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName("加载流程变量只读该执行的变量，不读全部流程变量")
  void variablesOfOneExecutionComeFromTheirOwnIndex() {
    // Camunda 7.24's selectVariablesByExecutionId (VariableInstance.xml), as every task completion runs it
    String plan = jdbc.queryForObject("""
        EXPLAIN SELECT RES.*, EXECUTION.ACT_INST_ID_ FROM ACT_RU_VARIABLE RES
        LEFT JOIN ACT_RU_EXECUTION EXECUTION ON RES.EXECUTION_ID_ = EXECUTION.ID_
        LEFT JOIN ACT_RU_EXECUTION PARENT_EXECUTION ON EXECUTION.PARENT_ID_ = PARENT_EXECUTION.ID_
        WHERE EXECUTION_ID_ = 'some-execution' AND TASK_ID_ IS NULL""", String.class).replaceAll("\\s+", " ");
    assertThat(plan).as(plan)
        .contains("ACT_IDX_VARIABLE_EXECUTION_SCOPE: EXECUTION_ID_ = 'some-execution' AND TASK_ID_ IS NULL */");

    String named = jdbc.queryForObject("""
        EXPLAIN SELECT RES.* FROM ACT_RU_VARIABLE RES
        WHERE EXECUTION_ID_ = 'some-execution' AND TASK_ID_ IS NULL AND NAME_ IN ('responseDueAt', 'offerDate')""",
        String.class);
    assertThat(named).as(named).contains("ACT_IDX_VARIABLE_EXECUTION_SCOPE");
  }

  @Test
  @DisplayName("完成任务时查找子任务走索引，不扫描全部待办任务")
  void subtasksOfACompletedTaskComeFromAnIndex() {
    String plan = jdbc.queryForObject("EXPLAIN SELECT * FROM ACT_RU_TASK WHERE PARENT_TASK_ID_ = 'some-task'",
        String.class);
    assertThat(plan).as(plan).contains("ACT_IDX_TASK_PARENT: PARENT_TASK_ID_ = 'some-task'").doesNotContain("tableScan");
  }
}
