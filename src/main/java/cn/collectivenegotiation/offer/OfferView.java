package cn.collectivenegotiation.offer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What {@code GET /api/offers/{offerNumber}} answers: the offer, where it stands and how it got there. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfferView(
    String offerNumber,
    String processInstanceId,
    OfferStatus status,
    String closedReason,
    Map<String, Object> offer,
    List<Step> timeline,
    List<Document> documents) {

  /** The same view with the offer's notices on paper listed. */
  public OfferView withDocuments(List<Document> documents) {
    return new OfferView(offerNumber, processInstanceId, status, closedReason, offer, timeline, documents);
  }

  /** A notice of the offer as PDF (要约书, 整改意见书 …) and where to download it. */
  public record Document(String kind, String title, String href) {}

  /** One step of the chain: what, who, when, and for a step with a legal period its deadline. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Step(
      String step,
      String name,
      String who,
      Instant startedAt,
      Instant endedAt,
      String deadline,
      Instant dueAt,
      String legalBasis) {}
}
