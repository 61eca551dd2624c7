package cn.collectivenegotiation.offer;

import static cn.collectivenegotiation.offer.OfferVariables.*;

import cn.collectivenegotiation.identity.EnterpriseGroups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Who acts for an offer: the Camunda groups of its two sides and of its reporting unit, as PRODUCT.md names
 * them ({@code enterprise-<creditCode>}, {@code enterprise-union-<creditCode>}, {@code union-<unit>},
 * {@code labour-bureau-<unit>}). Worked out from the offer's own fields whenever a task is created, instead
 * of being kept as six more variables per offer: each variable is a runtime row and a history row in a dozen
 * indexes, and a task's candidate groups are recorded anyway, in its identity links and their history.
 */
public record OfferParties(OfferorSide offerorSide, OnBehalf onBehalf, String creditCode, ReportingUnit reportingUnit,
    boolean regional) {

  /** The parties of a running offer, from the fields its start listener stored in their normalised form. */
  public static OfferParties of(VariableScope offer) {
    Object kind = offer.getVariable(OFFER_KIND);
    return new OfferParties(
        OfferorSide.valueOf(required(offer, OFFEROR_SIDE)),
        OnBehalf.valueOf(required(offer, ON_BEHALF)),
        required(offer, CREDIT_CODE),
        ReportingUnit.valueOf(required(offer, REPORTING_UNIT)),
        OfferKind.REGIONAL.name().equals(kind));
  }

  private static String required(VariableScope offer, String name) {
    Object value = offer.getVariable(name);
    if (value == null) {
      throw new IllegalStateException("offer variable " + name + " is missing; its start listener did not run");
    }
    return value.toString();
  }

  /** The groups that send the offer and may take a refusal to the labour bureau (要约方). */
  public List<String> offerorGroups() {
    if (offerorSide == OfferorSide.ENTERPRISE) {
      return List.of(enterpriseGroup());
    }
    if (regional) {
      return List.of(unitUnionGroup());
    }
    return switch (onBehalf) {
      case NONE -> List.of(enterpriseUnionGroup());
      case UPPER_FOR_LOWER -> List.of(unitUnionGroup());
      case UPPER_JOINS_LOWER -> List.of(enterpriseUnionGroup(), unitUnionGroup());
    };
  }

  /** The groups that must answer (被要约方). */
  public List<String> offereeGroups() {
    return List.of(offerorSide == OfferorSide.UNION ? enterpriseGroup() : enterpriseUnionGroup());
  }

  /** The workers' side in the negotiation: the enterprise union, and the upper union under 上代下 or 上参下. */
  public List<String> unionSideGroups() {
    if (regional) {
      return List.of(unitUnionGroup());
    }
    return onBehalf == OnBehalf.NONE || offerorSide == OfferorSide.ENTERPRISE
        ? List.of(enterpriseUnionGroup())
        : List.of(enterpriseUnionGroup(), unitUnionGroup());
  }

  /** Both sides at the table: the workers' side and the enterprise's management (signing, revising the contract). */
  public List<String> bothSidesGroups() {
    List<String> groups = new ArrayList<>(unionSideGroups());
    groups.add(enterpriseGroup());
    return groups;
  }

  /** The enterprise's management (企业行政). */
  public String enterpriseGroup() {
    return EnterpriseGroups.managementGroup(creditCode);
  }

  /** The enterprise's union (企业工会). */
  public String enterpriseUnionGroup() {
    return EnterpriseGroups.unionGroup(creditCode);
  }

  /** The reporting unit's union (the upper-level union of the enterprise). */
  public String unitUnionGroup() {
    return reportingUnit.unionGroup();
  }

  /** The reporting unit's labour bureau (人社局). */
  public String unitLabourBureauGroup() {
    return reportingUnit.labourBureauGroup();
  }
}
