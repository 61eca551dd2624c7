package cn.collectivenegotiation.offer;

/**
 * Every process variable of an offer, named once. The first block is the public contract
 * (PRODUCT.md): other systems read and write these names, so they never change.
 */
public final class OfferVariables {

  private OfferVariables() {}

  // --- the offer (public contract) ---
  public static final String OFFER_NUMBER = "offerNumber";
  public static final String OFFEROR_SIDE = "offerorSide";
  public static final String ON_BEHALF = "onBehalf";
  public static final String CREDIT_CODE = "creditCode";
  public static final String ENTERPRISE_NAME = "enterpriseName";
  public static final String REPORTING_UNIT = "reportingUnit";
  public static final String WORKFORCE = "workforce";
  public static final String TOPICS = "topics";
  public static final String OFFER_DATE = "offerDate";
  public static final String DELIVERY_DATE = "deliveryDate";
  public static final String DELIVERY_METHOD = "deliveryMethod";
  public static final String OFFER_CONTENT = "offerContent";

  // --- decisions (public contract) ---
  public static final String RESPONSE_DECISION = "responseDecision";
  public static final String REFUSAL_REASON = "refusalReason";
  public static final String REFUSAL_JUSTIFIED = "refusalJustified";

  // who acts (the candidate groups) is not a variable: OfferParties works it out from the fields above

  // --- the answer ---
  public static final String PROPOSED_NEGOTIATION_DATE = "proposedNegotiationDate";
  public static final String RESPONSE_DATE = "responseDate";
  public static final String ANSWERED_LATE = "answeredLate";
  public static final String REVIEW_OPINION = "reviewOpinion";

  // --- escalation ---
  public static final String RECTIFICATION_KIND = "rectificationKind";
  public static final String RECTIFICATION_PARTNER = "rectificationPartner";
  public static final String RECTIFICATION_REQUIREMENTS = "rectificationRequirements";
  public static final String INTERVIEWEE = "interviewee";
  public static final String RECTIFICATION_DAYS = "rectificationDays";
  public static final String PETITION_REASON = "petitionReason";
  public static final String CORRECTION_REQUIREMENTS = "correctionRequirements";
  public static final String CORRECTION_DAYS = "correctionDays";
  public static final String SANCTION_LIABILITY = "sanctionLiability";
  public static final String MEDIA_EXPOSURE = "mediaExposure";
  public static final String SANCTION_DECISION = "sanctionDecision";

  /** Why the offer ended without a negotiation; see {@link ClosedReason}. */
  public static final String CLOSED_REASON = "closedReason";

  /** A secondary negotiation (二次协商): the process instance id of the regional offer it follows. */
  public static final String REGIONAL_OFFER_ID = "regionalOfferId";

  /** A renewal offer (续签要约): the offer number of the offer whose contract it renews. */
  public static final String RENEWAL_OF = "renewalOf";
  /** An offer whose contract was renewed: the number of the renewal offer it sent. */
  public static final String RENEWAL_OFFER_NUMBER = "renewalOfferNumber";

  /** {@code SINGLE} (default) or {@code REGIONAL}; see {@link OfferKind}. */
  public static final String OFFER_KIND = "offerKind";
  /** A regional offer's enterprises: a JSON list of {creditCode, enterpriseName, workforce}. */
  public static final String COVERED_ENTERPRISES = "coveredEnterprises";

  /** The {@code negotiation-topics} recommendation for the offer's enterprise, in Chinese; the officer decides. */
  public static final String RECOMMENDED_TOPICS = "recommendedTopics";
}
