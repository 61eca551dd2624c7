package cn.collectivenegotiation.campaign;

import cn.collectivenegotiation.offer.ClosedReason;
import cn.collectivenegotiation.offer.OfferStatus;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The statistics read model ({@code offer_record}): what the campaign's table and the supervisors count,
 * one row per offer and enterprise. Every write runs on the engine's connection inside the command that
 * changes the offer (listeners and {@link OfferRecordProjection}), so the read model commits or rolls back
 * with the engine's own work and a crash never leaves the two apart. Each write tells {@link CampaignTally} first,
 * which keeps the campaigns' tables from the difference (not for the effective date: the table does not count it).
 */
@Component
public class OfferRecords {

  /** 单独要约 or 区域(行业)性要约. */
  public enum Kind { SINGLE, REGIONAL }

  /** An enterprise an offer reaches. */
  public record Reached(String creditCode, String name, int workforce) {}

  private final JdbcTemplate jdbc;
  private final CampaignTally tally;

  public OfferRecords(JdbcTemplate jdbc, CampaignTally tally) {
    this.jdbc = jdbc;
    this.tally = tally;
  }

  public void opened(String offerId, String offerNumber, Kind kind, String reportingUnit, LocalDate offerDate,
      java.time.Instant responseDueAt, String parentOfferId, List<Reached> enterprises) {
    tally.opening(offerId);
    jdbc.batchUpdate("""
        INSERT INTO offer_record (offer_id, credit_code, offer_number, kind, reporting_unit, enterprise_name,
          workforce, offer_date, response_due_at, status, parent_offer_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", enterprises, enterprises.size(), (ps, e) -> {
      ps.setString(1, offerId);
      ps.setString(2, e.creditCode());
      ps.setString(3, offerNumber);
      ps.setString(4, kind.name());
      ps.setString(5, reportingUnit);
      ps.setString(6, e.name());
      ps.setInt(7, e.workforce());
      ps.setDate(8, Date.valueOf(offerDate));
      ps.setTimestamp(9, Timestamp.from(responseDueAt));
      ps.setString(10, OfferStatus.AWAITING_RESPONSE.name());
      ps.setString(11, parentOfferId);
    });
  }

  /** 应约: the first answer counts for 回应约; a later one (after a refusal was found unjustified) keeps it. */
  public void responded(String offerId, LocalDate on, boolean late) {
    tally.changing(offerId);
    jdbc.update("UPDATE offer_record SET responded_on = ?, answered_late = ? WHERE offer_id = ? AND responded_on IS NULL",
        Date.valueOf(on), late, offerId);
  }

  /**
   * 签订: a single offer's contract covers the workers the signing form gives; a regional contract covers
   * each enterprise's workforce.
   */
  public void signed(String offerId, String contractKind, LocalDate signedOn, int coveredWorkers) {
    tally.changing(offerId);
    jdbc.update("""
        UPDATE offer_record SET contract_kind = ?, contract_signed_on = ?,
          covered_workers = CASE WHEN kind = 'SINGLE' THEN ? ELSE workforce END
        WHERE offer_id = ?""", contractKind, Date.valueOf(signedOn), coveredWorkers, offerId);
  }

  public void effective(String offerId, LocalDate on) {
    jdbc.update("UPDATE offer_record SET contract_effective_on = ? WHERE offer_id = ? AND contract_effective_on IS NULL",
        Date.valueOf(on), offerId);
  }

  /**
   * Before acceptance, steps are open beside one another (a late refusal under review while rectification
   * runs): the furthest one counts, and an offer that went to rectification or further stays counted as
   * escalated. One statement per status, built once.
   */
  private static final Map<OfferStatus, String> ADVANCE = new EnumMap<>(OfferStatus.class);

  static {
    for (OfferStatus status : OfferStatus.values()) {
      if (status.ordinal() > 0 && status.ordinal() < OfferStatus.ACCEPTED.ordinal()) {
        String lower = Arrays.stream(OfferStatus.values()).filter(s -> s.ordinal() < status.ordinal())
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        ADVANCE.put(status, "UPDATE offer_record SET status = CASE WHEN status IN (" + lower + ") THEN ? ELSE status END"
            + (status.ordinal() >= OfferStatus.RECTIFICATION.ordinal() ? ", escalated = TRUE" : "")
            + (status.ordinal() >= OfferStatus.LABOUR_BUREAU.ordinal() ? ", labour_bureau = TRUE" : "")
            + " WHERE offer_id = ?");
      }
    }
  }

  /** A step of the chain started: the offer's status follows it. */
  void reached(String offerId, OfferStatus status) {
    if (status.ordinal() < OfferStatus.ACCEPTED.ordinal()) {
      String advance = ADVANCE.get(status);
      if (advance != null) { // AWAITING_RESPONSE is where every offer starts
        tally.changing(offerId);
        jdbc.update(advance, status.name(), offerId);
      }
    } else {
      // from acceptance on the steps follow one another, and may go back (a failed vote, an objection)
      tally.changing(offerId);
      jdbc.update("UPDATE offer_record SET status = ? WHERE offer_id = ?", status.name(), offerId);
    }
  }

  /** The instance ended: its status from the end event it reached, and if closed, why. */
  void ended(String offerId, String endActivityId) {
    OfferStatus status = OfferStatus.ofEndActivity(endActivityId);
    ClosedReason reason = null;
    if (status == OfferStatus.CLOSED) {
      reason = ClosedReason.ofEndEvent(endActivityId);
      reason = reason != null ? reason : ClosedReason.CANCELLED;
    }
    tally.changing(offerId);
    jdbc.update("UPDATE offer_record SET status = ?, closed_reason = ? WHERE offer_id = ?",
        status.name(), reason == null ? null : reason.name(), offerId);
  }
}
