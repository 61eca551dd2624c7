package cn.collectivenegotiation.campaign;

import cn.collectivenegotiation.identity.OfferAuthorizations;
import cn.collectivenegotiation.input.FormInput;
import cn.collectivenegotiation.offer.ReportingUnit;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Runs as a reporting unit's {@code campaign-unit-report} starts (start event, in the campaign's
 * transaction): the instance, and with it the unit's photos, news item, table and problems, may be read by
 * the unit's own union and by nobody else of the units. The city union and the city labour bureau read every
 * unit's instance through their grant on the process definition ({@code Organisation}). The other units'
 * unions have no grant on it, nor on the campaign's own instance, which lists every unit's problems.
 */
@Component("unitReportAuthorization")
public class UnitReportAuthorization implements ExecutionListener {

  private final OfferAuthorizations authorizations;

  public UnitReportAuthorization(OfferAuthorizations authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormInput in = new FormInput(execution.getVariables());
    ReportingUnit unit = in.choice("reportingUnit", "填报单位", ReportingUnit.class, true);
    in.text(CampaignRegistration.CAMPAIGN_ID, "集中要约月活动", true, 40);
    in.throwIfInvalid();
    authorizations.grantReadOnInstance(execution.getProcessInstanceId(), List.of(unit.unionGroup()));
  }
}
