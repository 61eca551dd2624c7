package cn.collectivenegotiation.offer;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The candidate groups of collective-offer's tasks, for the models: {@code camunda:candidateGroups=
 * "${offerGroups.offeree(execution)}"}. See {@link OfferParties} for who each one is.
 */
@Component("offerGroups")
public class OfferGroups {

  /** 被要约方: who answers the offer. */
  public List<String> offeree(VariableScope offer) {
    return OfferParties.of(offer).offereeGroups();
  }

  /** 要约方: who sent it, and may take a refusal to the labour bureau. */
  public List<String> offeror(VariableScope offer) {
    return OfferParties.of(offer).offerorGroups();
  }

  /** The workers' side at the table. */
  public List<String> unionSide(VariableScope offer) {
    return OfferParties.of(offer).unionSideGroups();
  }

  /** The enterprise's management. */
  public String enterprise(VariableScope offer) {
    return OfferParties.of(offer).enterpriseGroup();
  }

  /** Both sides at the table. */
  public List<String> bothSides(VariableScope offer) {
    return OfferParties.of(offer).bothSidesGroups();
  }

  /** The reporting unit's union. */
  public String unitUnion(VariableScope offer) {
    return OfferParties.of(offer).unitUnionGroup();
  }

  /** The reporting unit's labour bureau. */
  public String unitLabourBureau(VariableScope offer) {
    return OfferParties.of(offer).unitLabourBureauGroup();
  }
}
