package cn.collectivenegotiation.offer;

import cn.collectivenegotiation.input.FormInput;
import cn.collectivenegotiation.identity.CurrentUser;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Reads an offer, its status and its timeline from the engine's history. */
@Service
public class OfferReader {

  /** Steps that carry a legal period, and the name under which {@code Deadline} stored it. */
  private static final Map<String, String> DEADLINE_OF_STEP = Map.of(
      "respondToOffer", "response",
      "responseDeadlinePassed", "response",
      "issueRectificationNotice", "rectification",
      "rectificationDeadlinePassed", "rectification",
      "orderCorrection", "correction",
      "correctionDeadlinePassed", "correction",
      "submitForFiling", "filing",
      "reviewContract", "review");

  /** Activity types a person cares about; gateways, scopes and internal starts are plumbing. */
  private static final Set<String> SHOWN_TYPES = Set.of("userTask", "serviceTask", "intermediateTimer",
      "noneEndEvent", "errorEndEvent", "terminateEndEvent");

  private static final List<String> OFFER_FIELDS = List.of(OfferVariables.OFFEROR_SIDE, OfferVariables.ON_BEHALF,
      OfferVariables.CREDIT_CODE, OfferVariables.ENTERPRISE_NAME, OfferVariables.REPORTING_UNIT,
      OfferVariables.WORKFORCE, OfferVariables.TOPICS, OfferVariables.OFFER_DATE, OfferVariables.DELIVERY_DATE,
      OfferVariables.DELIVERY_METHOD, OfferVariables.OFFER_CONTENT, OfferVariables.RESPONSE_DECISION, OfferVariables.REFUSAL_REASON,
      OfferVariables.REFUSAL_JUSTIFIED, OfferVariables.PROPOSED_NEGOTIATION_DATE, OfferVariables.RESPONSE_DATE,
      OfferVariables.ANSWERED_LATE, OfferVariables.OFFER_KIND, OfferVariables.COVERED_ENTERPRISES,
      OfferVariables.REGIONAL_OFFER_ID, OfferVariables.RECOMMENDED_TOPICS, OfferVariables.RENEWAL_OF,
      OfferVariables.RENEWAL_OFFER_NUMBER);

  private final HistoryService historyService;
  private final OfferAccess access;

  public OfferReader(HistoryService historyService, OfferAccess access) {
    this.historyService = historyService;
    this.access = access;
  }

  public Optional<OfferView> read(String offerNumber, CurrentUser user) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(OfferProcess.KEY).processInstanceBusinessKey(offerNumber).singleResult();
    if (instance == null) {
      return Optional.empty();
    }
    if (!access.mayRead(user, instance.getId())) {
      throw new AccessDeniedException("无权查看该要约 (offer " + offerNumber + " belongs to another unit or enterprise)");
    }
    Map<String, Object> vars = new HashMap<>();
    for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).disableCustomObjectDeserialization().list()) {
      if (v.getValue() != null) {
        vars.put(v.getName(), v.getValue());
      }
    }
    Map<String, Object> offer = new LinkedHashMap<>();
    for (String field : OFFER_FIELDS) {
      Object value = vars.get(field);
      if (value != null) {
        offer.put(field, field.equals(OfferVariables.TOPICS) ? topics(value)
            : field.equals(OfferVariables.COVERED_ENTERPRISES) ? CoveredEnterprises.parse(value.toString()) : value);
      }
    }
    List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc().list();
    OfferStatus status;
    String closedReason = null;
    if (instance.getEndTime() == null) {
      status = OfferStatus.ofOpenActivities(activities.stream()
          .filter(a -> a.getEndTime() == null).map(HistoricActivityInstance::getActivityId).toList());
    } else {
      status = OfferStatus.ofEndActivity(instance.getEndActivityId());
      if (status == OfferStatus.CLOSED) {
        Object reason = vars.get(OfferVariables.CLOSED_REASON);
        closedReason = reason != null ? reason.toString() : ClosedReason.CANCELLED.name();
      }
    }
    return Optional.of(new OfferView(offerNumber, instance.getId(), status, closedReason, offer,
        timeline(instance, activities, vars), null));
  }

  private List<OfferView.Step> timeline(HistoricProcessInstance instance, List<HistoricActivityInstance> activities,
      Map<String, Object> vars) {
    Map<String, String> completedBy = new HashMap<>();
    for (UserOperationLogEntry e : historyService.createUserOperationLogQuery()
        .processInstanceId(instance.getId()).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()) {
      if (e.getTaskId() != null && e.getUserId() != null) {
        completedBy.put(e.getTaskId(), e.getUserId());
      }
    }
    Map<String, HistoricTaskInstance> tasks = new HashMap<>();
    for (HistoricTaskInstance t : historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      tasks.put(t.getId(), t);
    }
    List<OfferView.Step> steps = new ArrayList<>();
    steps.add(new OfferView.Step("offerSent", "发出要约", instance.getStartUserId(),
        instance.getStartTime().toInstant(), instance.getStartTime().toInstant(), null, null, null));
    for (HistoricActivityInstance a : activities) {
      if (!SHOWN_TYPES.contains(a.getActivityType()) || a.getActivityId().startsWith("reminderSkipped")) {
        continue;
      }
      String who = switch (a.getActivityType()) {
        case "userTask" -> {
          HistoricTaskInstance t = tasks.get(a.getTaskId());
          String by = completedBy.get(a.getTaskId());
          yield by != null ? by : t != null && t.getAssignee() != null ? t.getAssignee() : a.getAssignee();
        }
        case "intermediateTimer", "serviceTask" -> "系统";
        default -> null;
      };
      String deadlineName = DEADLINE_OF_STEP.get(a.getActivityId());
      String deadline = null;
      Date dueAt = null;
      String basis = null;
      if (deadlineName != null && vars.containsKey(deadlineName + "Deadline")) {
        deadline = (String) vars.get(deadlineName + "Deadline");
        dueAt = (Date) vars.get(deadlineName + "DueAt");
        basis = (String) vars.get(deadlineName + "LegalBasis");
      }
      steps.add(new OfferView.Step(a.getActivityId(), a.getActivityName(), who, a.getStartTime().toInstant(),
          a.getEndTime() == null ? null : a.getEndTime().toInstant(), deadline,
          dueAt == null ? null : dueAt.toInstant(), basis));
    }
    return steps;
  }

  private static Object topics(Object value) {
    // stored as a Spin JSON node; handed out as a plain list of codes
    String text = value.toString();
    return text.startsWith("[") ? new FormInput(Map.of("t", text)).choices("t", "", Topic.class) : value;
  }
}
