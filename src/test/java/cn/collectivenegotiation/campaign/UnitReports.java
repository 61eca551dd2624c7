package cn.collectivenegotiation.campaign;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * The reporting units' {@code campaign-unit-report} instances a campaign called, running or ended: where
 * the units' tasks, timers and variables are.
 */
public final class UnitReports {

  private UnitReports() {}

  public static Set<String> of(HistoryService history, String campaignInstanceId) {
    return history.createHistoricProcessInstanceQuery().superProcessInstanceId(campaignInstanceId)
        .processDefinitionKey(CampaignProcess.UNIT_REPORT_KEY).list().stream()
        .map(HistoricProcessInstance::getId).collect(Collectors.toSet());
  }
}
