package cn.collectivenegotiation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.collectivenegotiation.ProcessTestBase;
import cn.collectivenegotiation.campaign.OfferRecordProjection;
import cn.collectivenegotiation.offer.OfferProcess;
import cn.collectivenegotiation.offer.Offers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Full history, without the value log of variables the product derives itself. */
class DerivedVariableHistoryTest extends ProcessTestBase {

  @Autowired HistoryService historyService;
  @Autowired ProcessEngineConfigurationImpl configuration;

  @Test
  @DisplayName("要约的输入和应约答复留有逐次取值记录；系统推算的要约编号、法律依据、提醒时间只留变量本身")
  void derivedVariablesKeepTheirValueButNoValueLog() {
    Map<String, Object> sent = Offers.unionOffer("2017-03-07");
    ProcessInstance offer = engine.getRuntimeService().startProcessInstanceByKey(OfferProcess.KEY, sent);
    complete(engine.getTaskService().createTaskQuery().processInstanceId(offer.getId()).singleResult(),
        withVariables("responseDecision", "ACCEPT", "proposedNegotiationDate", "2017-04-20"));

    List<String> logged = historyService.createHistoricDetailQuery().processInstanceId(offer.getId())
        .variableUpdates().list().stream().map(d -> ((HistoricVariableUpdate) d).getVariableName()).toList();
    // what people gave and what the law's periods are: every value kept
    assertThat(logged).contains("creditCode", "enterpriseName", "workforce", "topics", "offerDate",
        "responseDeadline", "responseDueAt", "responseDecision", "proposedNegotiationDate", "responseDate");
    // derived from those: no value log
    assertThat(logged).doesNotContain("offerNumber", "responseLegalBasis", "responseReminderAt");
    // ... but still in the history's variable list, with their values
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(offer.getId())
        .variableName("offerNumber").singleResult().getValue()).isEqualTo(historyService
        .createHistoricProcessInstanceQuery().processInstanceId(offer.getId()).singleResult().getBusinessKey());
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(offer.getId())
        .variableName("responseLegalBasis").singleResult().getValue().toString()).contains("《集体合同规定》第三十二条");
  }

  @Test
  @DisplayName("历史级别仍为 full，数据库无需变更；历史事件各只写一次")
  void historyLevelStaysFullAndEachHandlerRunsOnce() {
    assertThat(engine.getManagementService().getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
    assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isFalse();
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers();
    assertThat(handlers.get(0)).isInstanceOf(DerivedVariableHistory.WithoutDerivedDetail.class);
    assertThat(handlers).filteredOn(h -> h instanceof DerivedVariableHistory.WithoutDerivedDetail).hasSize(1);
    assertThat(handlers).filteredOn(h -> h instanceof OfferRecordProjection).hasSize(1);
  }

  @Test
  @DisplayName("只针对要约流程：其他模型的同名变量照常记录")
  void onlyTheOfferChain() {
    assertThat(DerivedVariableHistory.derived(OfferProcess.KEY, "filingReminderAt")).isTrue();
    assertThat(DerivedVariableHistory.derived(OfferProcess.KEY, "responseReminderSentAt")).isFalse();
    assertThat(DerivedVariableHistory.derived(OfferProcess.KEY, "creditCode")).isFalse();
    assertThat(DerivedVariableHistory.derived("bare-offer", "responseReminderAt")).isFalse();
    assertThat(DerivedVariableHistory.derived(null, "offerNumber")).isFalse();
  }
}
