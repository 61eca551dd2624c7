package cn.collectivenegotiation.offer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every {@code camunda:formRef} of the models finds a Camunda Form deployed beside them. */
@ProductTest
class FormsDeployedTest {

  @Autowired RepositoryService repositoryService;
  @Autowired FormService formService;

  @Test
  @DisplayName("每个用户任务和开始事件的表单都已部署，且是中文的 Camunda Form")
  void everyFormRefResolves() throws Exception {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(OfferProcess.KEY).latestVersion().singleResult();
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());

    Set<String> deployedFormIds = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (String resource : repositoryService.getDeploymentResourceNames(definition.getDeploymentId())) {
      if (resource.endsWith(".form")) {
        try (InputStream in = repositoryService.getResourceAsStream(definition.getDeploymentId(), resource)) {
          JsonNode form = json.readTree(in);
          deployedFormIds.add(form.get("id").asText());
          assertThat(form.toString()).as(resource + " is in Chinese").containsPattern("[\\u4e00-\\u9fa5]");
        }
      }
    }
    Set<String> formRefs = new HashSet<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaFormRef()).as(task.getId() + " has a form").isNotNull();
      formRefs.add(task.getCamundaFormRef());
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process) {
        formRefs.add(start.getCamundaFormRef());
      }
    }
    assertThat(formRefs).hasSize(model.getModelElementsByType(UserTask.class).size() + 1).allSatisfy(ref -> assertThat(deployedFormIds).contains(ref));

    try (InputStream startForm = formService.getDeployedStartForm(definition.getId())) {
      assertThat(new String(startForm.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .contains("startOffer").contains("统一社会信用代码");
    }
  }

  @Test
  @DisplayName("每个元素都有图形（DI），名称为中文")
  void everyElementIsDrawnAndNamedInChinese() {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(OfferProcess.KEY).latestVersion().singleResult();
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getDiagramElement()).as(node.getId() + " is drawn").isNotNull();
      if (node instanceof UserTask) {
        assertThat(node.getName()).as(node.getId()).containsPattern("[\\u4e00-\\u9fa5]");
      }
    }
  }
}
