package cn.collectivenegotiation.offer;

import java.time.LocalDate;
import java.util.List;

/** A checked offer (要约), as the validator accepted it. */
public record Offer(
    OfferorSide offerorSide,
    OnBehalf onBehalf,
    String creditCode,
    String enterpriseName,
    ReportingUnit reportingUnit,
    int workforce,
    List<Topic> topics,
    LocalDate offerDate,
    LocalDate deliveryDate,
    DeliveryMethod deliveryMethod,
    String offerContent,
    OfferKind kind,
    List<CoveredEnterprise> covered) {

  /**
   * A regional offer is sent by the unit's (regional or industry) union to the enterprise side's body
   * (an industry association or the enterprises' representative), whose credit code and name the offer
   * carries as its {@code creditCode} and {@code enterpriseName}; {@code covered} lists the enterprises.
   */
  public boolean regional() {
    return kind == OfferKind.REGIONAL;
  }

  /** The groups that send the offer and may take a refusal to the labour bureau (要约方). */
  public List<String> offerorGroups() {
    if (offerorSide == OfferorSide.ENTERPRISE) {
      return List.of(enterpriseGroup());
    }
    if (regional()) {
      return List.of(reportingUnit.unionGroup());
    }
    return switch (onBehalf) {
      case NONE -> List.of(enterpriseUnionGroup());
      case UPPER_FOR_LOWER -> List.of(reportingUnit.unionGroup());
      case UPPER_JOINS_LOWER -> List.of(enterpriseUnionGroup(), reportingUnit.unionGroup());
    };
  }

  /** The groups that must answer (被要约方). */
  public List<String> offereeGroups() {
    return List.of(offerorSide == OfferorSide.UNION ? enterpriseGroup() : enterpriseUnionGroup());
  }

  /** The workers' side in the negotiation: the enterprise union, and the upper union under 上代下 or 上参下. */
  public List<String> unionSideGroups() {
    if (regional()) {
      return List.of(reportingUnit.unionGroup());
    }
    return onBehalf == OnBehalf.NONE || offerorSide == OfferorSide.ENTERPRISE
        ? List.of(enterpriseUnionGroup())
        : List.of(enterpriseUnionGroup(), reportingUnit.unionGroup());
  }

  /** The enterprise's management (企业行政). */
  public String enterpriseGroup() {
    return "enterprise-" + creditCode;
  }

  /** The enterprise's union (企业工会). */
  public String enterpriseUnionGroup() {
    return "enterprise-union-" + creditCode;
  }
}
