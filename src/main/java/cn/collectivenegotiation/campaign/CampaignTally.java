package cn.collectivenegotiation.campaign;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The campaign's statistics table kept as the offers change (Flyway {@code V11}): per campaign, reporting unit and
 * kind one {@code campaign_tally} row with the table's columns, so that {@link CampaignStatistics#table} reads at
 * most 32 rows instead of every {@code offer_record} row of the period (the establishment rate is kept apart,
 * {@link EstablishmentRateTally}).
 *
 * <p>How it is kept. {@link OfferRecords} tells it which offers a transaction is about to change ({@link #opening},
 * {@link #changing}); the first time, the offer's rows are read as they were (and locked, so no other transaction
 * changes them in between). Just before the transaction commits ({@link TallyGates}) the rows are read as they are
 * now, and the difference of each row's share of the counters ({@link Share}) goes to every campaign whose period
 * holds the offer date, under the gate of the row's (unit, kind). Enterprises are counted once per (unit, kind):
 * {@code campaign_tally_member} holds per enterprise how many rows count for each column, and a distinct counter
 * moves when one of these goes from 0 to 1 or back. The sums are plain {@code x = x + ?}. 逾期未应约 depends on the
 * time asked: rows awaiting an answer are kept by their due time ({@code campaign_tally_awaiting}), and the overdue
 * ones at a time are the sum up to it.
 */
@Component
public class CampaignTally {

  /** An {@code offer_record} row waiting for an answer: the part of 逾期未应约 that does not depend on the time. */
  static final String AWAITING = "responded_on IS NULL AND status <> 'CLOSED'";

  private static final String ROWS = """
      SELECT offer_id, credit_code, kind, reporting_unit, offer_date, response_due_at, responded_on, status,
        escalated, contract_kind, covered_workers
      FROM offer_record WHERE offer_id""";

  private final JdbcTemplate jdbc;
  private final TallyGates gates;

  CampaignTally(JdbcTemplate jdbc, TallyGates gates) {
    this.jdbc = jdbc;
    this.gates = gates;
  }

  /** Where a row counts: its unit, kind, enterprise, offer date (which campaigns) and due time (when overdue). */
  record Place(String unit, String kind, String creditCode, LocalDate offerDate, Instant dueAt) {}

  /**
   * One row's share of the counters, or a difference of two. {@code offers}, {@code responded}, {@code renewed}
   * and {@code newlySigned} count rows per enterprise (the table counts enterprises, see the member table).
   */
  record Share(long offers, long responded, long renewed, long newlySigned, long renewedWorkers, long newWorkers,
      long escalated, long inRectification, long atLabourBureau, long awaiting) {

    static final Share NONE = new Share(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The conditions of the statistics query ({@link CampaignStatistics#recount}) on one row. */
    static Share of(ResultSet rs) throws SQLException {
      String contract = rs.getString("contract_kind");
      String status = rs.getString("status");
      long covered = rs.getLong("covered_workers"); // NULL counts 0, as SUM skips it
      boolean responded = rs.getDate("responded_on") != null;
      return new Share(1, responded ? 1 : 0, "RENEWED".equals(contract) ? 1 : 0, "NEW".equals(contract) ? 1 : 0,
          "RENEWED".equals(contract) ? covered : 0, "NEW".equals(contract) ? covered : 0,
          rs.getBoolean("escalated") ? 1 : 0, "RECTIFICATION".equals(status) ? 1 : 0,
          "LABOUR_BUREAU".equals(status) ? 1 : 0, !responded && !"CLOSED".equals(status) ? 1 : 0);
    }

    Share plus(Share o, int sign) {
      return new Share(offers + sign * o.offers, responded + sign * o.responded, renewed + sign * o.renewed,
          newlySigned + sign * o.newlySigned, renewedWorkers + sign * o.renewedWorkers, newWorkers + sign * o.newWorkers,
          escalated + sign * o.escalated, inRectification + sign * o.inRectification,
          atLabourBureau + sign * o.atLabourBureau, awaiting + sign * o.awaiting);
    }

    boolean isNone() {
      return equals(NONE);
    }

    /** Moves an enterprise's counts in the member table (the rest are sums). */
    boolean movesMember() {
      return offers != 0 || responded != 0 || renewed != 0 || newlySigned != 0;
    }
  }

  /** The rows of one transaction's offers as they were before it changed them, by offer and enterprise. */
  private final class Pending implements TallyGates.Pending {
    final Map<String, Map<String, Row>> before = new LinkedHashMap<>();

    @Override
    public TallyGates.Changes changes() {
      return CampaignTally.this.changes(before);
    }
  }

  private record Row(Place place, Share share) {}

  /** An offer's rows are about to be inserted: they did not count before. */
  void opening(String offerId) {
    pending().before.putIfAbsent(offerId, Map.of());
  }

  /** An offer's rows are about to change: the first time in this transaction, read (and lock) them as they are. */
  void changing(String offerId) {
    Pending pending = pending();
    if (!pending.before.containsKey(offerId)) {
      pending.before.put(offerId, rows(List.of(offerId), " = ? FOR UPDATE").getOrDefault(offerId, Map.of()));
    }
  }

  private Pending pending() {
    return gates.pending(this, Pending::new);
  }

  /** Rows by offer and enterprise; {@code condition} follows {@code offer_id}. */
  private Map<String, Map<String, Row>> rows(List<String> offerIds, String condition) {
    Map<String, Map<String, Row>> rows = new HashMap<>();
    jdbc.query(ROWS + condition, (ResultSet rs) -> {
      Place place = new Place(rs.getString("reporting_unit"), rs.getString("kind"), rs.getString("credit_code"),
          rs.getDate("offer_date").toLocalDate(), rs.getTimestamp("response_due_at").toInstant());
      rows.computeIfAbsent(rs.getString("offer_id"), k -> new HashMap<>())
          .put(place.creditCode(), new Row(place, Share.of(rs)));
    }, offerIds.toArray());
    return rows;
  }

  private record Key(String campaignId, String unit, String kind) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = campaignId.compareTo(o.campaignId);
      c = c != 0 ? c : unit.compareTo(o.unit);
      return c != 0 ? c : kind.compareTo(o.kind);
    }
  }

  /** What one transaction adds to one campaign's (unit, kind). */
  private static final class Change {
    Share sums = Share.NONE;
    final Map<String, Share> members = new TreeMap<>();
    final Map<Instant, Long> awaiting = new TreeMap<>();
  }

  /** The rows as they are now, against the rows as they were: the gates of their (unit, kind)s. */
  private TallyGates.Changes changes(Map<String, Map<String, Row>> before) {
    Map<Place, Share> differences = new HashMap<>();
    List<String> offerIds = new ArrayList<>(before.keySet());
    for (int from = 0; from < offerIds.size(); from += 500) {
      List<String> some = offerIds.subList(from, Math.min(offerIds.size(), from + 500));
      Map<String, Map<String, Row>> now = rows(some,
          " IN (" + String.join(",", Collections.nCopies(some.size(), "?")) + ")");
      for (String offerId : some) {
        Map<String, Row> was = before.get(offerId);
        Map<String, Row> is = now.getOrDefault(offerId, Map.of());
        Set<String> codes = new HashSet<>(was.keySet());
        codes.addAll(is.keySet());
        for (String code : codes) {
          Row a = was.get(code);
          Row b = is.get(code);
          Place place = b != null ? b.place() : a.place();
          Share d = (b == null ? Share.NONE : b.share()).plus(a == null ? Share.NONE : a.share(), -1);
          if (!d.isNone()) {
            differences.merge(place, d, (x, y) -> x.plus(y, 1));
          }
        }
      }
    }
    differences.values().removeIf(Share::isNone);
    Set<Integer> needed = new TreeSet<>();
    differences.keySet().forEach(p -> needed.add(TallyGates.gate(p.unit(), p.kind())));
    return new TallyGates.Changes(needed, campaigns -> write(differences, campaigns));
  }

  /** Each difference to every campaign whose period holds its offer date. */
  private void write(Map<Place, Share> differences, List<TallyGates.Period> campaigns) {
    Map<Key, Change> changes = new TreeMap<>();
    differences.forEach((place, d) -> {
      for (TallyGates.Period period : campaigns) {
        if (period.holds(place.offerDate())) {
          Change change = changes.computeIfAbsent(new Key(period.id(), place.unit(), place.kind()), k -> new Change());
          change.sums = change.sums.plus(d, 1);
          change.members.merge(place.creditCode(), d, (x, y) -> x.plus(y, 1));
          if (d.awaiting() != 0) {
            change.awaiting.merge(place.dueAt(), d.awaiting(), Long::sum);
          }
        }
      }
    });
    changes.forEach(this::write);
  }

  /** One campaign's (unit, kind), under its gate. */
  private void write(Key key, Change change) {
    // the enterprises: which of their counts go from 0 to some or back (a change of the sums alone, as a status
    // moving to rectification, neither reads nor writes them)
    Map<String, long[]> members = new HashMap<>();
    List<String> codes = change.members.entrySet().stream().filter(e -> e.getValue().movesMember())
        .map(Map.Entry::getKey).toList();
    for (int from = 0; from < codes.size(); from += 500) {
      List<String> some = codes.subList(from, Math.min(codes.size(), from + 500));
      List<Object> args = new ArrayList<>(List.of(key.campaignId(), key.unit(), key.kind()));
      args.addAll(some);
      jdbc.query("SELECT credit_code, offers, responded, renewed, newly_signed FROM campaign_tally_member"
          + " WHERE campaign_id = ? AND reporting_unit = ? AND kind = ? AND credit_code IN ("
          + String.join(",", Collections.nCopies(some.size(), "?")) + ")", (ResultSet rs) -> {
            members.put(rs.getString("credit_code"), new long[] {rs.getLong("offers"), rs.getLong("responded"),
                rs.getLong("renewed"), rs.getLong("newly_signed")});
          }, args.toArray());
    }
    long[] distinct = new long[4];
    List<Object[]> updates = new ArrayList<>();
    List<Object[]> inserts = new ArrayList<>();
    codes.forEach(code -> {
      Share d = change.members.get(code);
      long[] was = members.getOrDefault(code, new long[4]);
      long[] by = {d.offers(), d.responded(), d.renewed(), d.newlySigned()};
      for (int i = 0; i < 4; i++) {
        distinct[i] += (was[i] + by[i] > 0 ? 1 : 0) - (was[i] > 0 ? 1 : 0);
      }
      if (members.containsKey(code)) {
        updates.add(new Object[] {by[0], by[1], by[2], by[3], key.campaignId(), key.unit(), key.kind(), code});
      } else {
        inserts.add(new Object[] {key.campaignId(), key.unit(), key.kind(), code, by[0], by[1], by[2], by[3]});
      }
    });
    if (!updates.isEmpty()) {
      jdbc.batchUpdate("UPDATE campaign_tally_member SET offers = offers + ?, responded = responded + ?,"
          + " renewed = renewed + ?, newly_signed = newly_signed + ?"
          + " WHERE campaign_id = ? AND reporting_unit = ? AND kind = ? AND credit_code = ?", updates);
    }
    if (!inserts.isEmpty()) {
      jdbc.batchUpdate("INSERT INTO campaign_tally_member (campaign_id, reporting_unit, kind, credit_code, offers,"
          + " responded, renewed, newly_signed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", inserts);
    }

    Share s = change.sums;
    Object[] counts = {distinct[0], distinct[1], distinct[2], s.renewedWorkers(), distinct[3], s.newWorkers(),
        s.escalated(), s.inRectification(), s.atLabourBureau()};
    List<Object> args = new ArrayList<>(List.of(counts));
    args.addAll(List.of(key.campaignId(), key.unit(), key.kind()));
    // the row exists if no count moves: the first change of a (unit, kind) in a campaign adds an enterprise
    if (Arrays.stream(counts).anyMatch(c -> (long) c != 0) && jdbc.update("""
        UPDATE campaign_tally SET offered = offered + ?, responded = responded + ?, renewed = renewed + ?,
          renewed_workers = renewed_workers + ?, newly_signed = newly_signed + ?, new_workers = new_workers + ?,
          escalated = escalated + ?, in_rectification = in_rectification + ?, at_labour_bureau = at_labour_bureau + ?
        WHERE campaign_id = ? AND reporting_unit = ? AND kind = ?""", args.toArray()) == 0) {
      List<Object> row = new ArrayList<>(List.of(key.campaignId(), key.unit(), key.kind()));
      row.addAll(List.of(counts));
      jdbc.update("""
          INSERT INTO campaign_tally (campaign_id, reporting_unit, kind, offered, responded, renewed, renewed_workers,
            newly_signed, new_workers, escalated, in_rectification, at_labour_bureau)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.toArray());
    }

    change.awaiting.forEach((due, by) -> {
      if (by != 0 && jdbc.update("UPDATE campaign_tally_awaiting SET awaiting = awaiting + ?"
          + " WHERE campaign_id = ? AND reporting_unit = ? AND kind = ? AND response_due_at = ?",
          by, key.campaignId(), key.unit(), key.kind(), Timestamp.from(due)) == 0) {
        jdbc.update("INSERT INTO campaign_tally_awaiting (campaign_id, reporting_unit, kind, response_due_at, awaiting)"
            + " VALUES (?, ?, ?, ?, ?)", key.campaignId(), key.unit(), key.kind(), Timestamp.from(due), by);
      }
    });
  }

  /**
   * A new campaign (its row inserted in this transaction), with every gate held ({@link TallyGates#lockAll}, so
   * that no offer's change is missed or counted twice): counts the offers that exist in its period.
   */
  void fill(Campaign campaign) {
    Object[] args = {campaign.id(), Date.valueOf(campaign.startDate()), Date.valueOf(campaign.endDate())};
    jdbc.update("""
        INSERT INTO campaign_tally_member (campaign_id, reporting_unit, kind, credit_code, offers, responded, renewed,
          newly_signed)
        SELECT CAST(? AS VARCHAR(20)), reporting_unit, kind, credit_code, COUNT(*),
          SUM(CASE WHEN responded_on IS NOT NULL THEN 1 ELSE 0 END),
          SUM(CASE WHEN contract_kind = 'RENEWED' THEN 1 ELSE 0 END),
          SUM(CASE WHEN contract_kind = 'NEW' THEN 1 ELSE 0 END)
        FROM offer_record WHERE offer_date BETWEEN ? AND ?
        GROUP BY reporting_unit, kind, credit_code""", args);
    jdbc.update("""
        INSERT INTO campaign_tally (campaign_id, reporting_unit, kind, offered, responded, renewed, renewed_workers,
          newly_signed, new_workers, escalated, in_rectification, at_labour_bureau)
        SELECT CAST(? AS VARCHAR(20)), reporting_unit, kind,
          COUNT(DISTINCT credit_code),
          COUNT(DISTINCT CASE WHEN responded_on IS NOT NULL THEN credit_code END),
          COUNT(DISTINCT CASE WHEN contract_kind = 'RENEWED' THEN credit_code END),
          COALESCE(SUM(CASE WHEN contract_kind = 'RENEWED' THEN covered_workers ELSE 0 END), 0),
          COUNT(DISTINCT CASE WHEN contract_kind = 'NEW' THEN credit_code END),
          COALESCE(SUM(CASE WHEN contract_kind = 'NEW' THEN covered_workers ELSE 0 END), 0),
          SUM(CASE WHEN escalated THEN 1 ELSE 0 END),
          SUM(CASE WHEN %s THEN 1 ELSE 0 END),
          SUM(CASE WHEN %s THEN 1 ELSE 0 END)
        FROM offer_record WHERE offer_date BETWEEN ? AND ?
        GROUP BY reporting_unit, kind""".formatted(CampaignFigure.RECTIFICATION.condition(),
        CampaignFigure.LABOUR_BUREAU.condition()), args);
    jdbc.update("""
        INSERT INTO campaign_tally_awaiting (campaign_id, reporting_unit, kind, response_due_at, awaiting)
        SELECT CAST(? AS VARCHAR(20)), reporting_unit, kind, response_due_at, COUNT(*)
        FROM offer_record WHERE offer_date BETWEEN ? AND ? AND %s
        GROUP BY reporting_unit, kind, response_due_at""".formatted(AWAITING), args);
  }

  /** One (unit, kind) of a campaign as kept, with 逾期未应约 at the time asked. */
  record Counts(String unit, String kind, long offered, long responded, long renewed, long renewedWorkers,
      long newlySigned, long newWorkers, long overdue, long escalated, long inRectification, long atLabourBureau) {}

  /** A campaign's tallies: at most one row per reporting unit and kind. */
  List<Counts> read(String campaignId, Instant now) {
    Map<String, Long> overdue = new HashMap<>();
    jdbc.query("""
        SELECT reporting_unit, kind, SUM(awaiting) AS overdue FROM campaign_tally_awaiting
        WHERE campaign_id = ? AND response_due_at <= ? GROUP BY reporting_unit, kind""", (ResultSet rs) -> {
      overdue.put(rs.getString("reporting_unit") + "/" + rs.getString("kind"), rs.getLong("overdue"));
    }, campaignId, Timestamp.from(now));
    return jdbc.query("SELECT * FROM campaign_tally WHERE campaign_id = ?", (rs, n) -> new Counts(
        rs.getString("reporting_unit"), rs.getString("kind"), rs.getLong("offered"), rs.getLong("responded"),
        rs.getLong("renewed"), rs.getLong("renewed_workers"), rs.getLong("newly_signed"), rs.getLong("new_workers"),
        overdue.getOrDefault(rs.getString("reporting_unit") + "/" + rs.getString("kind"), 0L), rs.getLong("escalated"),
        rs.getLong("in_rectification"), rs.getLong("at_labour_bureau")), campaignId);
  }
}
