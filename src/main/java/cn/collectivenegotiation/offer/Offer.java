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

  /** Who acts for this offer: its sides' groups and its unit's. */
  public OfferParties parties() {
    return new OfferParties(offerorSide, onBehalf, creditCode, reportingUnit, regional());
  }
}
