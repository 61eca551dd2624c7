package cn.collectivenegotiation.offer;

/** Why an offer ended without a negotiation ({@code closedReason}). */
public enum ClosedReason {
  /** The upper union found the refusal justified (拒绝理由正当). */
  REFUSAL_JUSTIFIED,
  /** The tripartite committee decided liability or exposure (已追究责任). */
  SANCTIONED,
  /** The negotiation broke off and the upper union closed it (协商终止). */
  NEGOTIATION_BROKEN_OFF,
  /** The instance was cancelled by an administrator (e.g. withdrawn). */
  CANCELLED;

  /** The reason an end event of {@code collective-offer} closes the offer with, or null (any other end
   * that is not the contract's is a cancellation). */
  public static ClosedReason ofEndEvent(String activityId) {
    if (activityId == null) {
      return null;
    }
    return switch (activityId) {
      case "closedRefusalJustified" -> REFUSAL_JUSTIFIED;
      case "closedSanctioned" -> SANCTIONED;
      case "closedNegotiation" -> NEGOTIATION_BROKEN_OFF;
      default -> null;
    };
  }
}
