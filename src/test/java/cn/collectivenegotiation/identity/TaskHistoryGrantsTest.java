package cn.collectivenegotiation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.offer.OfferProcess;
import cn.collectivenegotiation.offer.Offers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** A task's candidate groups read its history through the offer's own grant, or through one of their own. */
@ProductTest
class TaskHistoryGrantsTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @BeforeEach
  void people() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
  }

  long grants(String groupId, Resources resource, String resourceId) {
    return authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
        .resourceId(resourceId).count();
  }

  /** How many of the task's history rows a member of only {@code groupId} sees. */
  long historySeenBy(String groupId, String taskId) {
    identityService.setAuthentication("task-history-reader", List.of(groupId));
    try {
      return historyService.createHistoricTaskInstanceQuery().taskId(taskId).count();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  @DisplayName("应约任务的候选组凭要约实例的历史读取授权查看任务历史，不再另写任务历史授权；无实例授权的组仍得到任务历史授权")
  void candidateGroupsReadTheTaskHistoryThroughTheOffer() {
    Map<String, Object> offer = Offers.unionOffer(LegalTime.today().toString());
    String offerNumber = Offers.sendOverHttp(http, TestUsers.SHIZHONG_OFFICER, offer);
    String instanceId = runtimeService.createProcessInstanceQuery().processDefinitionKey(OfferProcess.KEY)
        .processInstanceBusinessKey(offerNumber).singleResult().getId();
    Task respond = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("respondToOffer").singleResult();
    List<String> candidates = taskService.getIdentityLinksForTask(respond.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
    assertThat(candidates).isNotEmpty();

    for (String group : candidates) {
      assertThat(grants(group, Resources.HISTORIC_PROCESS_INSTANCE, instanceId)).as(group + " reads the offer's history").isEqualTo(1);
      assertThat(grants(group, Resources.TASK, respond.getId())).as(group + " works on the task").isEqualTo(1);
      assertThat(grants(group, Resources.HISTORIC_TASK, respond.getId())).as(group + ": no second key to the history").isZero();
      assertThat(historySeenBy(group, respond.getId())).as(group + " sees the task's history").isEqualTo(1);
    }

    // a group the offer grants nothing still gets the engine's grant on the task's history, and sees it
    taskService.addCandidateGroup(respond.getId(), "task-history-probe");
    assertThat(grants("task-history-probe", Resources.HISTORIC_TASK, respond.getId())).isEqualTo(1);
    assertThat(historySeenBy("task-history-probe", respond.getId())).isEqualTo(1);
    assertThat(historySeenBy("task-history-stranger", respond.getId())).as("a group with neither grant").isZero();
  }
}
