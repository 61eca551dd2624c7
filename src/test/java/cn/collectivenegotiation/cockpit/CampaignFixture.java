package cn.collectivenegotiation.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.OfferProcess;
import cn.collectivenegotiation.offer.Offers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A campaign of one year with offers in every state a supervisor counts, started through the engine as
 * people would take the steps (the engine's clock moved, timers executed): in 市中区 one offer answered
 * and signed (新签, 300 workers), one answered, one left unanswered into rectification and one whose
 * offeror petitioned the labour bureau; in 五通桥区 one answered. The year keeps other tests' offers out
 * of its period. Leaves the engine's clock at {@link #AFTER} (callers reset it).
 */
public final class CampaignFixture {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** The day the figures are read: every deadline of the offers has passed. */
  public static final String AFTER = "-04-10T10:00";

  public final String campaignId;
  final Map<String, ProcessInstance> offers = new LinkedHashMap<>();
  private final ProcessEngine engine;

  private CampaignFixture(String campaignId, ProcessEngine engine) {
    this.campaignId = campaignId;
    this.engine = engine;
  }

  public static CampaignFixture in(int year, ProcessEngine engine, TestRestTemplate http) {
    now(year + "-03-01T10:00");
    Map<String, Object> campaign = Map.of("name", year + "年度集体协商“集中要约月”活动", "startDate", year + "-02-22",
        "endDate", year + "-03-22", "reportDeadline", year + "-03-24", "targetRate", 0.92);
    ResponseEntity<JsonNode> created = http.withBasicAuth(TestUsers.CITY_OFFICER, TestUsers.password(TestUsers.CITY_OFFICER))
        .postForEntity("/api/campaigns", campaign, JsonNode.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    CampaignFixture fixture = new CampaignFixture(created.getBody().get("id").asText(), engine);

    int first = (year % 100) * 1000;
    String day = year + "-03-01";
    fixture.send("signed", first + 1, "SHIZHONG", 300, day);
    fixture.send("answered", first + 2, "SHIZHONG", 120, day);
    fixture.send("rectification", first + 3, "SHIZHONG", 80, day);
    fixture.send("labourBureau", first + 4, "SHIZHONG", 60, day);
    fixture.send("wutongqiao", first + 5, "WUTONGQIAO", 50, day);

    now(year + "-03-05T10:00");
    fixture.accept("signed", year + "-03-10");
    fixture.accept("answered", year + "-03-10");
    fixture.accept("wutongqiao", year + "-03-10");
    fixture.complete("signed", "nameUnionRepresentatives", Map.of(
        "unionChiefRepresentative", "王主席", "unionRepresentatives", "李代表\n张代表"));
    fixture.complete("signed", "nameEnterpriseRepresentatives", Map.of(
        "enterpriseChiefRepresentative", "赵总经理", "enterpriseRepresentatives", "钱经理\n孙经理"));
    fixture.complete("signed", "recordNegotiationRound", Map.of("roundDate", year + "-03-05", "roundPlace", "公司会议室",
        "roundSummary", "就工资调整进行协商", "roundOutcome", "AGREED"));
    fixture.complete("signed", "recordCongressVote", Map.of("congressKind", "REPRESENTATIVES",
        "congressDate", year + "-03-05", "congressTotal", 30, "congressPresent", 25, "congressInFavour", 20));
    fixture.complete("signed", "signContract", Map.of("contractKind", "NEW", "contractType", "COMPREHENSIVE",
        "signedDate", year + "-03-05", "termYears", 3, "coveredWorkers", 300));

    // two offers get no answer: their deadlines pass, the upper union steps in; one offeror petitions
    now(year + AFTER);
    fixture.executeDueJobs();
    fixture.complete("labourBureau", "petitionLabourBureau", Map.of("petitionReason", "企业拒不回应，请求责令改正"));
    return fixture;
  }

  public ProcessInstance offer(String name) {
    return offers.get(name);
  }

  public String offerNumber(String name) {
    return offers.get(name).getBusinessKey();
  }

  private void send(String name, int enterprise, String unit, int workforce, String offerDate) {
    Map<String, Object> offer = new HashMap<>(Offers.unionOffer(offerDate, enterprise, unit, workforce));
    offers.put(name, engine.getRuntimeService().startProcessInstanceByKey(OfferProcess.KEY, offer));
  }

  private void accept(String name, String proposedNegotiationDate) {
    complete(name, "respondToOffer", Map.of("responseDecision", "ACCEPT",
        "proposedNegotiationDate", proposedNegotiationDate));
  }

  private void complete(String name, String taskKey, Map<String, Object> variables) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(offers.get(name).getId())
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(name + " waits at " + taskKey).isNotNull();
    engine.getTaskService().complete(task.getId(), variables);
  }

  /** This fixture's due timers only: other tests' offers share the database. */
  private void executeDueJobs() {
    List<String> ids = offers.values().stream().map(ProcessInstance::getId).toList();
    List<Job> due;
    while (!(due = engine.getManagementService().createJobQuery().duedateLowerThan(ClockUtil.getCurrentTime())
        .processInstanceIds(new java.util.HashSet<>(ids)).list()).isEmpty()) {
      due.forEach(j -> engine.getManagementService().executeJob(j.getId()));
    }
  }

  public static void now(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant()));
  }
}
