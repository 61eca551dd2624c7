package cn.collectivenegotiation.offer;

import java.util.Collection;
import java.util.Map;

/**
 * Where an offer stands (public contract), read off the activities the engine has open or the end event
 * it reached. Open activities rank by how far the chain has gone: an offer in rectification whose
 * {@code respondToOffer} is still open is in {@code RECTIFICATION}. The offeror's optional petition
 * ({@code petitionLabourBureau}) sets no status of its own: it is open beside the review or rectification.
 */
public enum OfferStatus {
  AWAITING_RESPONSE,
  REFUSAL_REVIEW,
  RECTIFICATION,
  LABOUR_BUREAU,
  SANCTION,
  ACCEPTED,
  NEGOTIATING,
  CONGRESS_VOTE,
  FILING,
  UNDER_REVIEW,
  EFFECTIVE,
  CLOSED;

  private static final Map<String, OfferStatus> OPEN_ACTIVITIES = Map.ofEntries(
      Map.entry("respondToOffer", AWAITING_RESPONSE),
      Map.entry("reviewRefusal", REFUSAL_REVIEW),
      Map.entry("issueRectificationNotice", RECTIFICATION),
      Map.entry("rectificationDeadlinePassed", RECTIFICATION),
      Map.entry("orderCorrection", LABOUR_BUREAU),
      Map.entry("correctionDeadlinePassed", LABOUR_BUREAU),
      Map.entry("decideSanction", SANCTION),
      Map.entry("nameUnionRepresentatives", ACCEPTED),
      Map.entry("nameEnterpriseRepresentatives", ACCEPTED),
      Map.entry("recordNegotiationRound", NEGOTIATING),
      Map.entry("reviewBreakOff", NEGOTIATING),
      Map.entry("coordinateDispute", NEGOTIATING),
      Map.entry("recordCongressVote", CONGRESS_VOTE),
      Map.entry("signContract", CONGRESS_VOTE),
      Map.entry("submitForFiling", FILING),
      Map.entry("followUpLateFiling", FILING),
      Map.entry("reviewContract", UNDER_REVIEW),
      Map.entry("reviseContract", UNDER_REVIEW),
      Map.entry("renewalDue", EFFECTIVE),
      Map.entry("proposeRenewal", EFFECTIVE),
      Map.entry("sendRenewalOffer", EFFECTIVE));

  /** The status of a running offer from the ids of its open activities. */
  public static OfferStatus ofOpenActivities(Collection<String> activityIds) {
    OfferStatus status = AWAITING_RESPONSE;
    for (String id : activityIds) {
      OfferStatus s = OPEN_ACTIVITIES.get(id);
      if (s != null && s.ordinal() > status.ordinal()) {
        status = s;
      }
    }
    return status;
  }

  /** The status an offer reaches when this activity starts, or null if the activity sets none. */
  public static OfferStatus ofActivity(String activityId) {
    return OPEN_ACTIVITIES.get(activityId);
  }

  /** Ends of an offer whose contract took effect and ran its term (renewed by a new offer, or not). */
  private static final java.util.Set<String> CONTRACT_ENDS = java.util.Set.of("contractCycleEnded", "renewalOfferSent");

  /** The status of an ended offer from the end event it reached (none for a cancelled one). */
  public static OfferStatus ofEndActivity(String endActivityId) {
    return endActivityId != null && CONTRACT_ENDS.contains(endActivityId) ? EFFECTIVE : CLOSED;
  }
}
