package cn.collectivenegotiation.contract;

import static cn.collectivenegotiation.offer.Chain.accept;
import static cn.collectivenegotiation.offer.Chain.nameRepresentatives;
import static cn.collectivenegotiation.offer.Chain.openTask;
import static cn.collectivenegotiation.offer.Chain.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.collectivenegotiation.ProcessTestBase;
import cn.collectivenegotiation.deadline.TaskReminder;
import cn.collectivenegotiation.input.InvalidInputException;
import cn.collectivenegotiation.offer.Chain;
import cn.collectivenegotiation.offer.Offers;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** 协商争议: the labour bureau coordinates within 30 days, extendable once by at most 15, then back to the table. */
class DisputeCoordinationTest extends ProcessTestBase {

  ProcessInstance inDispute() {
    ProcessInstance offer = Chain.send(Offers.unionOffer("2017-03-09"));
    accept(offer, "2017-03-15");
    nameRepresentatives(offer);
    now("2017-03-15T10:00");
    round(offer, "DISPUTE");
    return offer;
  }

  @Test
  @DisplayName("协商争议 → 人社局30日内协调（期满前3个工作日提醒、期满提示）→ 延长15日 → 协调处理协议书 → 回到协商")
  void disputeIsCoordinatedAndTheyGoBackToTheTable() {
    ProcessInstance offer = inDispute();
    Task task = openTask(offer, "coordinateDispute");
    assertThat(task).hasCandidateGroup("labour-bureau-shizhong");
    // accepted 2017-03-15: 30 days → Friday 2017-04-14, 24:00
    assertThat(offer).variables().containsEntry("disputeDeadline", "2017-04-14");
    assertThat(job("disputeDeadlinePassed", offer).getDuedate()).isEqualTo(at("2017-04-15T00:00"));
    // the bureau is reminded three working days before the last day: Tuesday 2017-04-11
    assertThat(job("disputeReminder", offer).getDuedate()).isEqualTo(at("2017-04-11T00:00"));
    now("2017-04-11T00:00");
    execute(job("disputeReminder", offer));
    assertThat(offer).isWaitingAt("coordinateDispute").hasPassed("disputeReminded");
    assertThat(openTask(offer, "coordinateDispute").getPriority()).isEqualTo(TaskReminder.HIGH_PRIORITY);

    now("2017-04-15T00:00");
    execute(job("disputeDeadlinePassed", offer));
    assertThat(openTask(offer, "coordinateDispute").getPriority()).isEqualTo(TaskReminder.HIGH_PRIORITY);

    complete(openTask(offer, "coordinateDispute"), withVariables("disputeOutcome", "EXTEND", "extensionDays", 15,
        "extensionReason", "涉及多个车间的计件工价，需进一步调查"));
    // 15 more days from 2017-04-14 is 2017-04-29, the first day of the 劳动节 break (04-29 to 05-01):
    // the last day moves to Tuesday 2017-05-02
    assertThat(offer).variables().containsEntry("disputeExtended", true).containsEntry("disputeDeadline", "2017-05-02");
    assertThat(job("disputeDeadlinePassed", offer).getDuedate()).isEqualTo(at("2017-05-03T00:00"));
    // and again before the extension ends: three working days before 2017-05-02, across the break, is 2017-04-26
    assertThat(job("disputeReminder", offer).getDuedate()).isEqualTo(at("2017-04-26T00:00"));

    Task again = openTask(offer, "coordinateDispute");
    assertThatThrownBy(() -> engine.getTaskService().complete(again.getId(), Map.of("disputeOutcome", "EXTEND",
        "extensionDays", 5, "extensionReason", "再延")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("只能延长一次");
    assertThatThrownBy(() -> engine.getTaskService().complete(again.getId(), Map.of("disputeOutcome", "AGREEMENT")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("agreementSummary")
        .hasMessageContaining("agreementDate");

    now("2017-04-20T10:00");
    complete(again, withVariables("disputeOutcome", "AGREEMENT", "agreementSummary", "计件工价按行业标准上浮5%",
        "agreementDate", "2017-04-20"));
    assertThat(offer).isWaitingAt("recordNegotiationRound");
    assertThat(job("disputeDeadlinePassed", offer)).as("no timer once settled").isNull();
  }

  @Test
  @DisplayName("延长天数不得超过15日")
  void extensionAtMostFifteenDays() {
    ProcessInstance offer = inDispute();
    assertThatThrownBy(() -> engine.getTaskService().complete(openTask(offer, "coordinateDispute").getId(),
        Map.of("disputeOutcome", "EXTEND", "extensionDays", 16, "extensionReason", "复杂")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("extensionDays");
  }
}
