package cn.collectivenegotiation.offer;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.collectivenegotiation.deadline.LegalTime;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** The steps of the chain as the people concerned take them, for process tests (engine clock as set). */
public final class Chain {

  private Chain() {}

  public static ProcessInstance send(Map<String, Object> offer) {
    return runtimeService().startProcessInstanceByKey(OfferProcess.KEY, offer);
  }

  public static Task openTask(ProcessInstance offer, String key) {
    return taskQuery().processInstanceId(offer.getId()).taskDefinitionKey(key).singleResult();
  }

  public static void accept(ProcessInstance offer, String proposedNegotiationDate) {
    complete(openTask(offer, "respondToOffer"),
        withVariables("responseDecision", "ACCEPT", "proposedNegotiationDate", proposedNegotiationDate));
  }

  public static void refuse(ProcessInstance offer, String reason) {
    complete(openTask(offer, "respondToOffer"), withVariables("responseDecision", "REFUSE", "refusalReason", reason));
  }

  public static void nameRepresentatives(ProcessInstance offer) {
    complete(openTask(offer, "nameUnionRepresentatives"), withVariables(
        "unionChiefRepresentative", "王主席", "unionRepresentatives", "李代表\n张代表"));
    complete(openTask(offer, "nameEnterpriseRepresentatives"), withVariables(
        "enterpriseChiefRepresentative", "赵总经理", "enterpriseRepresentatives", "钱经理\n孙经理"));
  }

  public static void round(ProcessInstance offer, String outcome) {
    complete(openTask(offer, "recordNegotiationRound"), withVariables("roundDate", LegalTime.today().toString(),
        "roundPlace", "公司会议室", "roundSummary", "就工资调整进行协商", "roundOutcome", outcome));
  }

  public static void vote(ProcessInstance offer, int total, int present, int inFavour) {
    complete(openTask(offer, "recordCongressVote"), withVariables("congressKind", "REPRESENTATIVES",
        "congressDate", LegalTime.today().toString(), "congressTotal", total, "congressPresent", present,
        "congressInFavour", inFavour));
  }

  public static void sign(ProcessInstance offer, String kind, String signedDate, int coveredWorkers) {
    complete(openTask(offer, "signContract"), withVariables("contractKind", kind, "contractType", "COMPREHENSIVE",
        "signedDate", signedDate, "termYears", 3, "coveredWorkers", coveredWorkers));
  }

  /** From an accepted offer to a signed contract, all on the engine's today. */
  public static void negotiateAndSign(ProcessInstance offer, String kind, int coveredWorkers) {
    nameRepresentatives(offer);
    round(offer, "AGREED");
    vote(offer, 30, 25, 20);
    sign(offer, kind, LegalTime.today().toString(), coveredWorkers);
  }

  public static void file(ProcessInstance offer, String date) {
    complete(openTask(offer, "submitForFiling"), withVariables("filingDate", date));
  }
}
