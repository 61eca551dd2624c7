package cn.collectivenegotiation.document;

import java.util.Arrays;
import java.util.Optional;

/** The notices of the chain that go out on paper, each named in its download address ({@code <slug>.pdf}). */
public enum DocumentKind {
  /** 集体协商要约书: the offer itself, as the offeree receives it. */
  OFFER_LETTER("offer-letter"),
  /** 整改意见书, or 约谈通知书 when the upper union chose an interview. */
  RECTIFICATION_NOTICE("rectification-notice"),
  /** 责令限期改正通知书 of the labour bureau. */
  CORRECTION_ORDER("correction-order");

  private final String slug;

  DocumentKind(String slug) {
    this.slug = slug;
  }

  public String slug() {
    return slug;
  }

  public static Optional<DocumentKind> ofSlug(String slug) {
    return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
  }
}
