package cn.collectivenegotiation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process tests on the product's engine with camunda-bpm-assert. Time is the engine's clock, in
 * Shanghai local time, starting 2017-03-09 10:00; tests move it and execute jobs, never sleep.
 */
@ProductTest
public abstract class ProcessTestBase {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired protected ProcessEngine engine;

  @BeforeEach
  void startTheClock() {
    init(engine);
    now("2017-03-09T10:00");
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  protected static void now(String localDateTime) {
    ClockUtil.setCurrentTime(at(localDateTime));
  }

  protected static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant());
  }

  /** The open task of {@code key} in {@code offer}, or null. */
  protected static Task openTask(ProcessInstance offer, String key) {
    return taskQuery().processInstanceId(offer.getId()).taskDefinitionKey(key).singleResult();
  }
}
