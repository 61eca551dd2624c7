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
}
