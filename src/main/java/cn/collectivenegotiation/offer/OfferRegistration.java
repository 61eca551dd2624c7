package cn.collectivenegotiation.offer;

import static cn.collectivenegotiation.offer.OfferVariables.*;

import cn.collectivenegotiation.campaign.OfferRecords;
import cn.collectivenegotiation.deadline.Deadline;
import cn.collectivenegotiation.deadline.DeadlineProperties;
import cn.collectivenegotiation.deadline.LegalCalendar;
import cn.collectivenegotiation.identity.CurrentUser;
import cn.collectivenegotiation.identity.EnterpriseGroups;
import cn.collectivenegotiation.identity.OfferAuthorizations;
import cn.collectivenegotiation.registry.EnterpriseDecisions;
import cn.collectivenegotiation.registry.EnterpriseRegistry;
import cn.collectivenegotiation.registry.Enterprise;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Runs as the offer is sent (start event of {@code collective-offer}), in the transaction that starts
 * the instance: checks the offer with {@link OfferValidator} (a bad offer throws, so nothing is started),
 * stores its variables in one normalised form, numbers it, names who acts at each step and computes
 * the response deadline.
 */
@Component("offerRegistration")
public class OfferRegistration implements ExecutionListener {

  private final OfferNumbers offerNumbers;
  private final LegalCalendar calendar;
  private final DeadlineProperties deadlines;
  private final OfferAuthorizations authorizations;
  private final OfferAccess access;
  private final OfferRecords records;
  private final EnterpriseRegistry registry;
  private final EnterpriseDecisions decisions;
  private final EnterpriseGroups enterpriseGroups;

  public OfferRegistration(OfferNumbers offerNumbers, LegalCalendar calendar, DeadlineProperties deadlines,
      OfferAuthorizations authorizations, OfferAccess access, OfferRecords records, EnterpriseRegistry registry,
      EnterpriseDecisions decisions, EnterpriseGroups enterpriseGroups) {
    this.decisions = decisions;
    this.enterpriseGroups = enterpriseGroups;
    this.records = records;
    this.registry = registry;
    this.offerNumbers = offerNumbers;
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.authorizations = authorizations;
    this.access = access;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, Object> given = execution.getVariables();
    Optional<Enterprise> known = known(given);
    Offer offer = OfferValidator.validate(withRegistryDefaults(given, known));
    Authentication sender = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (sender != null && !access.maySend(new CurrentUser(sender.getUserId(), sender.getGroupIds()), offer)) {
      throw new AuthorizationException("无权为" + offer.reportingUnit().chineseName() + "或该企业发出要约"
          + " (user " + sender.getUserId() + " may not send offers for this reporting unit or enterprise)");
    }

    String number = offerNumbers.next(offer);
    String givenKey = execution.getProcessBusinessKey();
    if (givenKey != null && !givenKey.isBlank()) {
      execution.setVariable("externalReference", givenKey);
    }
    execution.setProcessBusinessKey(number);
    execution.setVariable(OFFER_NUMBER, number);

    // the given values in their one normalised form; one the sender gave already in that form is left as
    // it is, so its history shows it once and not a second time unchanged
    store(execution, OFFEROR_SIDE, offer.offerorSide().name());
    store(execution, ON_BEHALF, offer.onBehalf().name());
    store(execution, CREDIT_CODE, offer.creditCode());
    store(execution, ENTERPRISE_NAME, offer.enterpriseName());
    store(execution, REPORTING_UNIT, offer.reportingUnit().name());
    store(execution, WORKFORCE, offer.workforce());
    storeJson(execution, TOPICS, Spin.JSON(offer.topics().stream().map(Enum::name).toList()));
    store(execution, OFFER_DATE, offer.offerDate().toString());
    store(execution, DELIVERY_DATE, offer.deliveryDate().toString());
    store(execution, DELIVERY_METHOD, offer.deliveryMethod().name());
    if (offer.offerContent() != null) {
      store(execution, OFFER_CONTENT, offer.offerContent());
    }
    store(execution, OFFER_KIND, offer.kind().name());
    if (offer.regional()) {
      storeJson(execution, COVERED_ENTERPRISES, Spin.JSON(CoveredEnterprises.toJson(offer.covered())));
    }

    // who acts at each step is not stored: the models ask offerGroups, which works it out from these fields

    // 《集体合同规定》第三十二条: 收到集体协商要求之日起20日内书面回应 — counted from delivery (送达).
    Deadline response = calendar.period(offer.deliveryDate(), deadlines.getResponse(),
        "依据《集体合同规定》第三十二条，自" + LegalCalendar.chinese(offer.deliveryDate()) + "送达之日起"
            + deadlines.getResponse().getDays() + "日内书面应约，送达当日不计入，末日遇法定休假日顺延");
    calendar.writeWithReminder(execution, response, "response", deadlines.getResponseReminderWorkingDays());

    // the registry keeps every enterprise the product deals with
    String user = sender == null ? null : sender.getUserId();
    if (offer.regional()) {
      // by credit code: two regional offers sharing new enterprises wait for each other's registration at most one
      // way round, never in a circle
      offer.covered().stream().sorted(Comparator.comparing(CoveredEnterprise::creditCode))
          .forEach(c -> registry.registerIfAbsent(c.creditCode(), c.name(), offer.reportingUnit(), c.workforce(), user));
    } else {
      Enterprise enterprise = known.orElseGet(() -> registry.registerIfAbsent(offer.creditCode(),
          offer.enterpriseName(), offer.reportingUnit(), offer.workforce(), user));
      // negotiation-topics from the enterprise's situation, for the union side preparing the agenda
      List<EnterpriseDecisions.RecommendedTopic> topics = decisions.recommendedTopics(enterprise);
      if (!topics.isEmpty()) {
        execution.setVariable(RECOMMENDED_TOPICS,
            String.join("、", topics.stream().map(EnterpriseDecisions.RecommendedTopic::name).toList()));
      } else {
        execution.removeVariable(RECOMMENDED_TOPICS); // the table's word only, never a submitted one
      }
    }

    // the groups that answer and negotiate exist before their first task does; an operator adds the people
    String unitUnion = offer.reportingUnit().unionGroup();
    List<EnterpriseGroups.Named> reached = new ArrayList<>(List.of(new EnterpriseGroups.Named(offer.creditCode(),
        known.map(Enterprise::name).orElse(offer.enterpriseName())).readableBy(unitUnion)));
    offer.covered().forEach(c -> reached.add(new EnterpriseGroups.Named(c.creditCode(), c.name()).readableBy(unitUnion)));
    enterpriseGroups.ensure(reached);

    // the statistics count enterprises: a regional offer counts each one it covers
    records.opened(execution.getProcessInstanceId(), number,
        offer.regional() ? OfferRecords.Kind.REGIONAL : OfferRecords.Kind.SINGLE, offer.reportingUnit().name(),
        offer.offerDate(), response.dueAt(), (String) execution.getVariable(REGIONAL_OFFER_ID),
        offer.regional()
            ? offer.covered().stream().map(c -> new OfferRecords.Reached(c.creditCode(), c.name(), c.workforce())).toList()
            : List.of(new OfferRecords.Reached(offer.creditCode(), offer.enterpriseName(), offer.workforce())));

    authorizations.grantReadOnInstance(execution.getProcessInstanceId(), everyoneConcerned(offer));
    if (offer.regional() && execution.getSuperExecution() != null) {
      // the regional-offer around this chain carries the same number, and links its secondary negotiations here
      DelegateExecution regional = execution.getSuperExecution();
      regional.getProcessInstance().setProcessBusinessKey(number);
      regional.setVariable("regionalOfferInstanceId", execution.getProcessInstanceId());
      authorizations.grantReadOnInstance(regional.getProcessInstanceId(), everyoneConcerned(offer));
    }
  }

  private static void store(DelegateExecution execution, String name, Object value) {
    if (!Objects.equals(execution.getVariable(name), value)) {
      execution.setVariable(name, value);
    }
  }

  /** As {@link #store}, for a list stored as JSON: one given as the same JSON already is left as it is. */
  private static void storeJson(DelegateExecution execution, String name, SpinJsonNode value) {
    if (!(execution.getVariable(name) instanceof SpinJsonNode given && given.toString().equals(value.toString()))) {
      execution.setVariable(name, value);
    }
  }

  /** A single offer's enterprise as the registry knows it, looked up once per offer. */
  private Optional<Enterprise> known(Map<String, Object> given) {
    Object code = given.get(CREDIT_CODE);
    if (code == null || OfferKind.REGIONAL.name().equals(given.get(OFFER_KIND))) {
      return Optional.empty();
    }
    return registry.find(code.toString().trim());
  }

  /** An enterprise in the registry needs only its credit code: name, unit and workforce come from there. */
  private static Map<String, Object> withRegistryDefaults(Map<String, Object> given, Optional<Enterprise> known) {
    return known.map(e -> {
      Map<String, Object> filled = new HashMap<>(given);
      filled.compute(ENTERPRISE_NAME, (k, v) -> blank(v) ? e.name() : v);
      filled.compute(REPORTING_UNIT, (k, v) -> blank(v) ? e.reportingUnit().name() : v);
      filled.compute(WORKFORCE, (k, v) -> blank(v) ? e.workforce() : v);
      return filled;
    }).orElse(given);
  }

  private static boolean blank(Object v) {
    return v == null || v.toString().isBlank();
  }

  private static List<String> everyoneConcerned(Offer offer) {
    Set<String> groups = new LinkedHashSet<>();
    OfferParties parties = offer.parties();
    groups.addAll(parties.offerorGroups());
    groups.addAll(parties.offereeGroups());
    groups.add(offer.reportingUnit().unionGroup());
    groups.add(offer.reportingUnit().labourBureauGroup());
    groups.add(offer.reportingUnit().instructorGroup());
    // the enterprises a regional offer covers decide on their secondary negotiation from it
    offer.covered().forEach(c -> {
      groups.add(EnterpriseGroups.managementGroup(c.creditCode()));
      groups.add(EnterpriseGroups.unionGroup(c.creditCode()));
    });
    return new ArrayList<>(groups);
  }
}
