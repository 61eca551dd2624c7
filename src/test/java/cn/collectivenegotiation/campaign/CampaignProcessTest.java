package cn.collectivenegotiation.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.collectivenegotiation.ProcessTestBase;
import cn.collectivenegotiation.deadline.TaskReminder;
import cn.collectivenegotiation.input.InvalidInputException;
import cn.collectivenegotiation.offer.Chain;
import cn.collectivenegotiation.offer.Offers;
import cn.collectivenegotiation.offer.ReportingUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code campaign} process, every path, timers included. Runs in 2023 (2023-02-27 to 2023-03-27,
 * tables due 2023-03-29) so that its offers are its own.
 */
class CampaignProcessTest extends ProcessTestBase {

  @Autowired JdbcTemplate jdbc;
  @Autowired LegacyCampaignGrants legacyCampaignGrants;

  static Map<String, Object> campaign2023() {
    Map<String, Object> v = new HashMap<>();
    v.put("campaignName", "2023年度集体协商“集中要约月”活动");
    v.put("startDate", "2023-02-27");
    v.put("endDate", "2023-03-27");
    v.put("reportDeadline", "2023-03-29");
    v.put("targetRatePercent", 92);
    return v;
  }

  ProcessInstance start() {
    now("2023-02-20T09:00");
    return runtimeService().startProcessInstanceByKey(CampaignProcess.KEY, campaign2023());
  }

  /** A unit's task: in the unit's own campaign-unit-report, which carries the campaign's id as business key. */
  Task task(ProcessInstance campaign, String key, ReportingUnit unit) {
    return taskQuery().processInstanceBusinessKey(campaign.getBusinessKey()).taskDefinitionKey(key)
        .taskCandidateGroup(unit.unionGroup()).singleResult();
  }

  /** The units' instances, where their timers are. */
  Set<String> units(ProcessInstance campaign) {
    return UnitReports.of(engine.getHistoryService(), campaign.getId());
  }

  /** The units' timers at one activity (in Java: Camunda 7.24's job query cannot take activityId with processInstanceIds). */
  List<Job> jobs(ProcessInstance campaign, String activityId) {
    Set<String> units = units(campaign);
    return jobQuery().activityId(activityId).list().stream().filter(j -> units.contains(j.getProcessInstanceId())).toList();
  }

  static FileValue photo(String name) {
    return Variables.fileValue(name).file(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2})
        .mimeType("image/jpeg").create();
  }

  void report(ProcessInstance campaign, ReportingUnit unit) {
    complete(task(campaign, "submitActivityReport", unit), withVariables("photo1", photo("会场.jpg"),
        "newsTitle", unit.chineseName() + "召开集中要约行动推进会", "newsText", "全区120家企业参加……"));
  }

  void submit(ProcessInstance campaign, ReportingUnit unit, String problems) {
    complete(task(campaign, "submitStatistics", unit), withVariables("statisticsChecked", true, "problems", problems));
  }

  Map<String, Object> reportRow(ProcessInstance campaign, ReportingUnit unit) {
    return jdbc.queryForMap("SELECT * FROM campaign_report WHERE campaign_id = ? AND reporting_unit = ?",
        campaign.getBusinessKey(), unit.name());
  }

  @Test
  @DisplayName("市总工会发起活动 → 16个填报单位上报照片和信息 → 期间结束生成统计表 → 按时报送 → 市总工会审核全市汇总")
  void wholeCampaignInTime() {
    ProcessInstance campaign = start();
    String id = campaign.getBusinessKey();
    assertThat(jdbc.queryForObject("SELECT name FROM campaign WHERE id = ?", String.class, id))
        .isEqualTo("2023年度集体协商“集中要约月”活动");
    assertThat(jdbc.queryForObject("SELECT target_rate FROM campaign WHERE id = ?", java.math.BigDecimal.class, id))
        .isEqualByComparingTo("0.92");
    assertThat(units(campaign)).hasSize(16);
    assertThat(taskQuery().processInstanceBusinessKey(id).taskDefinitionKey("submitActivityReport").count()).isEqualTo(16);
    for (ReportingUnit unit : ReportingUnit.values()) {
      assertThat(task(campaign, "submitActivityReport", unit)).as(unit.name()).isNotNull();
    }

    // an offer of 市中区 in the period, answered in time
    now("2023-03-01T10:00");
    ProcessInstance offer = Chain.send(Offers.unionOffer("2023-03-01", 301, "SHIZHONG", 150));
    Chain.accept(offer, "2023-03-10");
    for (ReportingUnit unit : ReportingUnit.values()) {
      report(campaign, unit);
    }
    assertThat(reportRow(campaign, ReportingUnit.SHIZHONG)).containsEntry("PHOTO_COUNT", 1)
        .containsEntry("NEWS_TITLE", "市中区召开集中要约行动推进会");

    // the period's last day counts in full: nothing is produced before 2023-03-28 00:00
    List<Job> periodEnd = jobs(campaign, "periodEnded");
    assertThat(periodEnd).hasSize(16).allSatisfy(j -> assertThat(j.getDuedate()).isEqualTo(at("2023-03-28T00:00")));
    now("2023-03-28T00:01");
    jobs(campaign, "periodEnded").forEach(j -> execute(j));

    Task shizhong = task(campaign, "submitStatistics", ReportingUnit.SHIZHONG);
    assertThat(shizhong.getDueDate()).isEqualTo(at("2023-03-30T00:00"));
    String table = (String) runtimeService().getVariable(shizhong.getExecutionId(), "statisticsMarkdown");
    assertThat(table).contains("| 市中区 | 发出单独要约 | 1 | 1 | 0 | 0 | 0 | 0 |");
    String other = (String) runtimeService().getVariable(
        task(campaign, "submitStatistics", ReportingUnit.SHAWAN).getExecutionId(), "statisticsMarkdown");
    assertThat(other).contains("| 沙湾区 | 发出单独要约 | 0 | 0 |");

    now("2023-03-29T15:00");
    for (ReportingUnit unit : ReportingUnit.values()) {
      submit(campaign, unit, unit == ReportingUnit.SHIZHONG ? "部分非公企业负责人协商意识不强" : "无");
    }
    assertThat(reportRow(campaign, ReportingUnit.SHIZHONG)).containsEntry("PROBLEMS", "部分非公企业负责人协商意识不强")
        .containsEntry("SUBMITTED_LATE", false);

    assertThat(campaign).isWaitingAt("reviewCityTotal");
    Task review = taskQuery().processInstanceId(campaign.getId()).taskDefinitionKey("reviewCityTotal").singleResult();
    assertThat(review).hasCandidateGroup("city-union");
    assertThat((String) engine.getTaskService().getVariable(review.getId(), "cityStatisticsMarkdown"))
        .contains("| 全市 | 发出单独要约 | 1 | 1 |");
    assertThat((String) engine.getTaskService().getVariable(review.getId(), "cityProblems"))
        .contains("市中区：部分非公企业负责人协商意识不强");
    // and every unit's activity report, each photo linked to the file the unit uploaded
    String photo = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(units(campaign).toArray(String[]::new))
        .variableName("photo1").list().stream().filter(v -> v.getTypedValue() instanceof FileValue)
        .findFirst().orElseThrow().getId();
    assertThat((String) engine.getTaskService().getVariable(review.getId(), "cityActivityMarkdown"))
        .contains("| 市中区 | 市中区召开集中要约行动推进会 | [照片1](http://localhost:8080/camunda/api/engine/engine/default/history/variable-instance/")
        .contains("| 市交通工会 | ").contains("/camunda/api/engine/engine/default/history/variable-instance/" + photo + "/data");
    complete(review, withVariables("reviewNote", "同意上报省总工会"));
    assertThat(campaign).isEnded();
  }

  @Test
  @DisplayName("每个填报单位一个报送实例（campaign-unit-report），只授权本单位工会；活动实例不授权给任何填报单位")
  void eachUnitReportsInItsOwnInstance() {
    ProcessInstance campaign = start();
    Set<String> units = units(campaign);
    assertThat(units).hasSize(16);
    Set<String> seen = new java.util.HashSet<>();
    for (String unitReport : units) {
      ProcessInstance instance = runtimeService().createProcessInstanceQuery().processInstanceId(unitReport).singleResult();
      assertThat(instance.getBusinessKey()).isEqualTo(campaign.getBusinessKey());
      String unit = (String) runtimeService().getVariable(unitReport, "reportingUnit");
      seen.add(unit);
      assertThat(runtimeService().getVariable(unitReport, "campaignName")).isEqualTo("2023年度集体协商“集中要约月”活动");
      assertThat(readers(Resources.PROCESS_INSTANCE, unitReport)).as(unit)
          .containsExactly(ReportingUnit.valueOf(unit).unionGroup());
      assertThat(readers(Resources.HISTORIC_PROCESS_INSTANCE, unitReport)).as(unit)
          .containsExactly(ReportingUnit.valueOf(unit).unionGroup());
    }
    assertThat(seen).hasSize(16);
    assertThat(readers(Resources.PROCESS_INSTANCE, campaign.getId()))
        .containsExactlyInAnyOrder("city-union", "city-labour-bureau");
    assertThat(readers(Resources.HISTORIC_PROCESS_INSTANCE, campaign.getId()))
        .containsExactlyInAnyOrder("city-union", "city-labour-bureau");
  }

  @Test
  @DisplayName("填报单位报送实例须由活动为某一填报单位调用：缺少或错误的填报单位 → 不启动并指明字段")
  void unitReportNeedsItsUnit() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(CampaignProcess.UNIT_REPORT_KEY,
        Map.of("reportingUnit", "NOWHERE")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("reportingUnit").hasMessageContaining("campaignId");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(CampaignProcess.UNIT_REPORT_KEY)
        .variableValueEquals("reportingUnit", "NOWHERE").count()).isZero();
  }

  @Test
  @DisplayName("旧版活动（一个实例含全部单位）授予各单位工会的读取权限在启动时撤销，市总工会、市人社局的保留")
  void oldCampaignGrantsToUnitsAreRevoked() {
    ProcessInstance campaign = start();
    // what a campaign started before the units had instances of their own granted
    for (ReportingUnit unit : List.of(ReportingUnit.SHIZHONG, ReportingUnit.WUTONGQIAO)) {
      for (Resource resource : List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE)) {
        Authorization a = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setGroupId(unit.unionGroup());
        a.setResource(resource);
        a.setResourceId(campaign.getId());
        a.addPermission(resource == Resources.PROCESS_INSTANCE ? Permissions.READ : HistoricProcessInstancePermissions.READ);
        engine.getAuthorizationService().saveAuthorization(a);
      }
    }
    assertThat(readers(Resources.PROCESS_INSTANCE, campaign.getId())).contains("union-shizhong", "union-wutongqiao");

    assertThat(legacyCampaignGrants.revoke()).isGreaterThanOrEqualTo(4);
    assertThat(readers(Resources.PROCESS_INSTANCE, campaign.getId()))
        .containsExactlyInAnyOrder("city-union", "city-labour-bureau");
    assertThat(readers(Resources.HISTORIC_PROCESS_INSTANCE, campaign.getId()))
        .containsExactlyInAnyOrder("city-union", "city-labour-bureau");
    // the units' own instances keep their grant
    String unitReport = units(campaign).iterator().next();
    assertThat(readers(Resources.PROCESS_INSTANCE, unitReport)).hasSize(1);
    assertThat(legacyCampaignGrants.revoke()).as("nothing left the second time").isZero();
  }

  List<String> readers(Resource resource, String instanceId) {
    return engine.getAuthorizationService().createAuthorizationQuery().resourceType(resource).resourceId(instanceId)
        .list().stream().map(Authorization::getGroupId).toList();
  }

  @Test
  @DisplayName("截止前1个工作日提醒；逾期未报 → 市总工会督促；之后报送记为逾期")
  void lateTable() {
    ProcessInstance campaign = start();
    now("2023-03-28T00:01");
    jobs(campaign, "periodEnded").forEach(j -> execute(j));
    Task jingyan = task(campaign, "submitStatistics", ReportingUnit.JINGYAN);

    // 2023-03-29 is a Wednesday: the reminder comes at the start of Tuesday 03-28
    Job reminder = jobs(campaign, "reportReminder").get(0);
    assertThat(reminder.getDuedate()).isEqualTo(at("2023-03-28T00:00"));
    jobs(campaign, "reportReminder").forEach(j -> execute(j));
    assertThat(taskQuery().taskId(jingyan.getId()).singleResult().getPriority()).isEqualTo(TaskReminder.HIGH_PRIORITY);

    now("2023-03-30T00:01");
    List<Job> overdue = jobs(campaign, "reportOverdue");
    assertThat(overdue).hasSize(16);
    overdue.forEach(j -> execute(j));
    List<Task> chase = taskQuery().processInstanceBusinessKey(campaign.getBusinessKey()).taskDefinitionKey("chaseLateReport").list();
    assertThat(chase).hasSize(16).allSatisfy(t -> assertThat(t).hasCandidateGroup("city-union"));
    assertThatThrownBy(() -> engine.getTaskService().complete(chase.get(0).getId(), Map.of()))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("chaseNote");
    complete(chase.get(0), withVariables("chaseNote", "已电话督促，承诺3月31日前报送"));

    now("2023-03-31T09:00");
    submit(campaign, ReportingUnit.JINGYAN, "无");
    assertThat(reportRow(campaign, ReportingUnit.JINGYAN)).containsEntry("SUBMITTED_LATE", true);
  }

  @Test
  @DisplayName("活动照片和信息：至少1张图片、标题和正文；不合格则退回并指明字段")
  void activityReportRules() {
    ProcessInstance campaign = start();
    Task task = task(campaign, "submitActivityReport", ReportingUnit.EBIAN);
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
        Map.of("newsTitle", "标题", "newsText", "正文")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("photo1");
    FileValue text = Variables.fileValue("说明.txt").file("不是图片".getBytes()).mimeType("text/plain").create();
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
        withVariables("photo1", text, "newsTitle", "标题", "newsText", "正文")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("photo1");
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), withVariables("photo2", photo("a.jpg"))))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("newsTitle").hasMessageContaining("newsText");
    assertThat(taskQuery().taskId(task.getId()).count()).as("still open").isEqualTo(1);

    complete(task, withVariables("photo2", photo("a.jpg"), "photo3", photo("b.png"), "newsTitle", "峨边召开推进会",
        "newsText", "正文"));
    assertThat(reportRow(campaign, ReportingUnit.EBIAN)).containsEntry("PHOTO_COUNT", 2);
    // each unit's photos are its own (in the unit's campaign-unit-report), none in the campaign's instance
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(campaign.getId())
        .variableName("photo2").count()).isZero();
    List<FileValue> stored = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(units(campaign).toArray(String[]::new)).variableName("photo2").list().stream()
        .map(v -> v.getTypedValue()).filter(v -> v instanceof FileValue).map(v -> (FileValue) v).toList();
    assertThat(stored).singleElement().satisfies(f -> assertThat(f.getFilename()).isEqualTo("a.jpg"));
  }

  @Test
  @DisplayName("统计表须核对并填写问题及建议")
  void statisticsNeedCheckAndProblems() {
    ProcessInstance campaign = start();
    now("2023-03-28T00:01");
    jobs(campaign, "periodEnded").forEach(j -> execute(j));
    Task task = task(campaign, "submitStatistics", ReportingUnit.MABIAN);
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), Map.of("statisticsChecked", false)))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("statisticsChecked")
        .hasMessageContaining("problems");
  }

  @Test
  @DisplayName("发起时校验：日期先后、建制率范围；不合格则不发起、不留记录")
  void badCampaignStartsNothing() {
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM campaign", Long.class);
    Map<String, Object> v = campaign2023();
    v.put("endDate", "2023-02-01");
    v.put("targetRatePercent", 120);
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(CampaignProcess.KEY, v))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("endDate").hasMessageContaining("targetRatePercent");
    Map<String, Object> late = campaign2023();
    late.put("reportDeadline", "2023-03-20");
    late.remove("campaignName");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(CampaignProcess.KEY, late))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("reportDeadline").hasMessageContaining("campaignName");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign", Long.class)).isEqualTo(before);
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY)
        .variableValueEquals("endDate", "2023-02-01").count()).isZero();
  }
}
