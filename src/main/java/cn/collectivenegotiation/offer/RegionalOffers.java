package cn.collectivenegotiation.offer;

import static cn.collectivenegotiation.offer.OfferVariables.*;

import cn.collectivenegotiation.input.FormInput;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * The {@code regional-offer} process around the one offer chain: a regional offer runs as a
 * {@code collective-offer} instance of kind {@code REGIONAL} (same deadlines, same supervision, same contract
 * stages); when its contract takes effect, each covered enterprise's union decides on a secondary
 * negotiation, which runs as a {@code collective-offer} linked to the regional one. BPMN: {@code ${regionalOffers...}}.
 */
@Component("regionalOffers")
public class RegionalOffers {

  public static final String KEY = "regional-offer";
  public static final String CONTRACT_EFFECTIVE_MESSAGE = "regionalContractEffective";

  /** What a secondary negotiation decision may be. */
  public enum SecondaryDecision { HOLD, NOT_NOW }

  /** Start of {@code regional-offer}: the called chain sees a regional union offer. */
  public void prepare(DelegateExecution execution) {
    execution.setVariable(OFFER_KIND, OfferKind.REGIONAL.name());
    execution.setVariable(OFFEROR_SIDE, OfferorSide.UNION.name());
    execution.setVariable(ON_BEHALF, OnBehalf.NONE.name());
  }

  /** The multi-instance collection: one secondary negotiation branch per covered enterprise. */
  public List<String> coveredCodes(DelegateExecution execution) {
    return CoveredEnterprises.codes(execution.getVariable(COVERED_ENTERPRISES));
  }

  /** Start of a branch: the enterprise's name and workforce for its form and its offer. */
  public void enterprise(DelegateExecution execution) {
    String code = (String) execution.getVariable("coveredCreditCode");
    covered(execution).stream().filter(e -> code.equals(e.get("creditCode"))).findFirst().ifPresent(e -> {
      execution.setVariableLocal("coveredEnterpriseName", e.get("enterpriseName"));
      execution.setVariableLocal("coveredWorkforce", Integer.valueOf(String.valueOf(e.get("workforce"))));
    });
  }

  /** The covered enterprise's union decides, with the unit's union that sent the regional offer. */
  public String secondaryDeciders(DelegateExecution execution) {
    String unit = (String) execution.getVariable(REPORTING_UNIT);
    return "enterprise-union-" + execution.getVariable("coveredCreditCode") + "," + ReportingUnit.valueOf(unit).unionGroup();
  }

  public void decided(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    SecondaryDecision decision = in.choice("secondaryDecision", "是否开展二次协商", SecondaryDecision.class, true);
    in.text("secondaryNote", "说明", true, 4000);
    if (decision == SecondaryDecision.HOLD) {
      List<Topic> topics = in.choices("secondaryTopics", "二次协商议题", Topic.class);
      if (in.isValid()) {
        // the secondary offer takes them as its topics, stored the way every offer stores them
        task.setVariable("secondaryTopics", Spin.JSON(topics.stream().map(Enum::name).toList()));
      }
    }
    in.throwIfInvalid();
  }

  /**
   * {@code contractEffective} of a regional chain: tells its {@code regional-offer} that the covered
   * enterprises may now negotiate on top of it. Secondary negotiations are single offers and tell no one.
   */
  public void contractEffective(DelegateExecution execution) {
    if (!OfferKind.REGIONAL.name().equals(execution.getVariable(OFFER_KIND)) || execution.getSuperExecution() == null) {
      return;
    }
    execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(CONTRACT_EFFECTIVE_MESSAGE)
        .processInstanceId(execution.getSuperExecution().getProcessInstanceId())
        .setVariable("contractEffectiveDate", execution.getVariable("contractEffectiveDate"))
        .setVariable(OFFER_NUMBER, execution.getVariable(OFFER_NUMBER))
        .correlate();
  }

  private static List<Map<String, Object>> covered(DelegateExecution execution) {
    return CoveredEnterprises.parse(execution.getVariable(COVERED_ENTERPRISES));
  }
}
