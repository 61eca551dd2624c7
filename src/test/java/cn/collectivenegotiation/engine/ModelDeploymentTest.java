package cn.collectivenegotiation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelDeploymentTest {

  @ParameterizedTest(name = "{0}")
  @DisplayName("模型以类路径名称部署：目录、打包后的 jar（两种地址）得到同一名称")
  @CsvSource({
      "file:/work/app/target/classes/models/campaign.bpmn, campaign.bpmn",
      "file:/work/app/target/classes/models/embedded-forms/submit-activity-report.html, embedded-forms/submit-activity-report.html",
      "jar:nested:/app/app.jar/!BOOT-INF/classes/!/models/campaign.bpmn, campaign.bpmn",
      "jar:file:/app/app.jar!/BOOT-INF/classes/models/start-offer.form, start-offer.form",
      "file:/work/app/target/classes/campaign.bpmn, campaign.bpmn",
      "file:/work/app/target/test-classes/embedded-forms/x.html, embedded-forms/x.html",
      "jar:nested:/app/app.jar/!BOOT-INF/classes/!/campaign.bpmn, campaign.bpmn",
      "jar:file:/app/app.jar!/BOOT-INF/classes/campaign.bpmn, campaign.bpmn",
      "jar:file:/app/app.jar!/BOOT-INF/classes/embedded-forms/submit-activity-report.html, embedded-forms/submit-activity-report.html",
      "jar:file:/m2/processes.jar!/processes/x.bpmn, processes/x.bpmn"})
  void classpathName(String url, String name) {
    assertThat(ModelDeployment.classpathName(url)).isEqualTo(name);
  }
}
