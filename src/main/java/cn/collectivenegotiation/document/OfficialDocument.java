package cn.collectivenegotiation.document;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One notice in the layout of Party and government documents (GB/T 9704-2012): the issuing bodies'
 * mark (版头), the document number (发文字号), the title, the addressee (主送), the body, the issuing
 * bodies and date (落款), and the closing note (版记) with the offer number and who gets copies.
 */
public record OfficialDocument(
    DocumentKind kind,
    List<String> issuingBodies,
    String documentNumber,
    String title,
    String addressee,
    List<String> body,
    LocalDate date,
    String copiesTo,
    String offerNumber) {

  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  /** A date as documents write it: Arabic numerals without leading zeros (GB/T 9704-2012 7.3.5.1). */
  public static String chinese(LocalDate date) {
    return date.format(CHINESE_DATE);
  }
}
