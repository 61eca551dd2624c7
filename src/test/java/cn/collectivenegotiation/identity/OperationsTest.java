package cn.collectivenegotiation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.offer.OfferProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the operator relies on without looking: history kept for its time and cleaned at night. */
@ProductTest
class OperationsTest {

  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;

  @Test
  @DisplayName("历史保存期限 3650 天，历史清理在夜间 22:00–06:00 自动运行")
  void historyIsKeptAndCleanedAtNight() {
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(OfferProcess.KEY)
        .latestVersion().singleResult().getHistoryTimeToLive()).isEqualTo(3650);
    assertThat(historyService.findHistoryCleanupJobs()).as("the cleanup is scheduled").isNotEmpty();
  }

  @Test
  @DisplayName("每个已部署的流程和决策表都声明了历史保存期限（3650 天）")
  void everyModelDeclaresItsHistoryTimeToLive() {
    var processes = repositoryService.createProcessDefinitionQuery().latestVersion().list();
    var decisions = repositoryService.createDecisionDefinitionQuery().latestVersion().list();
    assertThat(processes).extracting(p -> p.getKey()).contains(OfferProcess.KEY, "regional-offer", "campaign", "campaign-unit-report");
    assertThat(processes).allSatisfy(p -> assertThat(p.getHistoryTimeToLive()).as(p.getKey()).isEqualTo(3650));
    assertThat(decisions).extracting(d -> d.getKey()).contains("key-target", "negotiation-topics");
    assertThat(decisions).allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(3650));
  }
}
