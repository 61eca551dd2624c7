package cn.collectivenegotiation.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The job executor takes due deadlines first, earliest first, read from an index rather than sorted. */
@ProductTest
class JobAcquisitionTest {

  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName("作业获取：定时器优先、按到期时间先后，每个作业都有到期时间")
  void timersFirstByDueDate() {
    assertThat(engine.isJobExecutorPreferTimerJobs()).isTrue();
    assertThat(engine.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(engine.isEnsureJobDueDateNotNull()).isTrue();
  }

  @Test
  @DisplayName("作业获取按索引顺序读取，不对全部到期作业排序")
  void acquisitionReadsTheIndexInOrder() {
    List<String> columns = jdbc.queryForList("""
        SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS
        WHERE TABLE_NAME = 'ACT_RU_JOB' AND INDEX_NAME = 'ACT_IDX_JOB_ACQUISITION' ORDER BY ORDINAL_POSITION""",
        String.class);
    assertThat(columns).containsExactly("TYPE_", "DUEDATE_");

    // the where clause and order of Camunda 7.24's acquisition (Job.xml, selectNextJobsToExecute) with every
    // job given a due date, timers first and by due date, as application.yaml sets it
    String plan = jdbc.queryForObject("""
        EXPLAIN SELECT RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_
        FROM ACT_RU_JOB RES
        WHERE (RES.RETRIES_ > 0) AND (RES.DUEDATE_ <= CURRENT_TIMESTAMP)
          AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < CURRENT_TIMESTAMP)
          AND RES.SUSPENSION_STATE_ = 1
          AND ((RES.EXCLUSIVE_ = TRUE AND NOT EXISTS (SELECT J2.ID_ FROM ACT_RU_JOB J2
                  WHERE J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ AND J2.EXCLUSIVE_ = TRUE
                  AND J2.LOCK_OWNER_ IS NOT NULL AND J2.LOCK_EXP_TIME_ >= CURRENT_TIMESTAMP))
               OR RES.EXCLUSIVE_ = FALSE)
        ORDER BY RES.TYPE_ DESC, RES.DUEDATE_ ASC
        LIMIT 50""", String.class);
    String outer = plan.substring(0, plan.indexOf("WHERE"));
    assertThat(outer).as(plan).contains("ACT_IDX_JOB_ACQUISITION");
    assertThat(plan).as(plan).contains("index sorted");
  }
}
