package cn.collectivenegotiation.contract;

import static cn.collectivenegotiation.offer.OfferVariables.*;

import cn.collectivenegotiation.offer.OfferKind;
import cn.collectivenegotiation.offer.OfferProcess;
import cn.collectivenegotiation.offer.OfferorSide;
import cn.collectivenegotiation.offer.OnBehalf;
import cn.collectivenegotiation.offer.RegionalOffers;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * 《集体合同规定》第三十八条: in the 3 months before a contract ends either side may ask to renew it. When
 * the union side decides to renew ({@code proposeRenewal}), this sends the renewal offer: a new offer of
 * its own (own number, own response deadline, the same chain), from the union side, to the same enterprise
 * (for a regional contract: the same body for the same covered enterprises). It starts in this transaction
 * as the officer who decided, so the start checks it like any offer, and a bad one completes nothing.
 * BPMN: {@code sendRenewalOffer}, {@code camunda:delegateExpression="${renewalOffers}"}.
 */
@Component("renewalOffers")
public class RenewalOffers implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    boolean regional = OfferKind.REGIONAL.name().equals(execution.getVariable(OFFER_KIND));
    Map<String, Object> offer = new HashMap<>();
    offer.put(OFFEROR_SIDE, OfferorSide.UNION.name());
    // the upper union that sent the first offer for (or with) the enterprise union does so again
    boolean unionSent = OfferorSide.UNION.name().equals(execution.getVariable(OFFEROR_SIDE));
    offer.put(ON_BEHALF, unionSent ? execution.getVariable(ON_BEHALF) : OnBehalf.NONE.name());
    offer.put(CREDIT_CODE, execution.getVariable(CREDIT_CODE));
    offer.put(ENTERPRISE_NAME, execution.getVariable(ENTERPRISE_NAME));
    offer.put(REPORTING_UNIT, execution.getVariable(REPORTING_UNIT));
    offer.put(TOPICS, execution.getVariable(ContractRecorder.RENEWAL_TOPICS));
    offer.put(OFFER_DATE, execution.getVariable(ContractRecorder.RENEWAL_OFFER_DATE));
    offer.put(DELIVERY_DATE, execution.getVariable(ContractRecorder.RENEWAL_DELIVERY_DATE));
    offer.put(OFFER_CONTENT, "续签要约：" + execution.getVariable(ENTERPRISE_NAME) + "的集体合同（要约编号 "
        + execution.getProcessBusinessKey() + "）将于" + execution.getVariable("contractEndDate")
        + "期满，依据《集体合同规定》第三十八条提出续订要求。" + execution.getVariable("renewalNote"));
    offer.put(RENEWAL_OF, execution.getProcessBusinessKey());
    if (regional) {
      offer.put(OFFER_KIND, OfferKind.REGIONAL.name());
      offer.put(COVERED_ENTERPRISES, execution.getVariable(COVERED_ENTERPRISES));
    }
    // a single offer's workforce is left out: the registry gives the enterprise's as it is now
    ProcessInstance renewal = execution.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(regional ? RegionalOffers.KEY : OfferProcess.KEY, offer);
    execution.setVariable(RENEWAL_OFFER_NUMBER, renewal.getBusinessKey());
  }
}
