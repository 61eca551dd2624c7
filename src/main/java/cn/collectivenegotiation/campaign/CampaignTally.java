package cn.collectivenegotiation.campaign;

import cn.collectivenegotiation.registry.RegistryChanges;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The campaign's statistics table kept as the offers change (Flyway {@code V11}): per campaign, reporting unit and
 * kind one {@code campaign_tally} row with the table's columns, so that {@link CampaignStatistics#table} reads at
 * most 32 rows instead of every {@code offer_record} row of the period (and 16 for the establishment rate instead
 * of the registry).
 *
 * <p>How it is kept. {@link OfferRecords} tells it which offers a transaction is about to change ({@link #opening},
 * {@link #changing}); the first time, the offer's rows are read as they were (and locked, so no other transaction
 * changes them in between). Just before the transaction commits (a Spring transaction synchronization, on the
 * engine's own connection: a failure here rolls back the engine's work too) the rows are read as they are now, and
 * the difference of each row's share of the counters ({@link Share}) goes to every campaign whose period holds the
 * offer date. Enterprises are counted once per (unit, kind): {@code campaign_tally_member} holds per enterprise how
 * many rows count for each column, and a distinct counter moves when one of these goes from 0 to 1 or back. The
 * sums are plain {@code x = x + ?}. 逾期未应约 depends on the time asked: rows awaiting an answer are kept by their
 * due time ({@code campaign_tally_awaiting}), and the overdue ones at a time are the sum up to it. The establishment
 * rate reads the registry at the period's end, so each campaign keeps per unit its enterprises with a union and
 * those of them with a contract in force then ({@code campaign_establishment}), moved by the registry's changes
 * ({@link RegistryChanges}) the same way.
 *
 * <p>Locks. The tallies of a (unit, kind) are written only by a transaction holding its gate
 * ({@code campaign_tally_gate}, 64 rows, a hash of unit and kind), taken in ascending order just before commit and
 * held only for the commit, so concurrent offers of one unit do not wait for one another's engine work, never
 * deadlock, and new member rows never collide (a failed insert would abort a PostgreSQL transaction). Creating a
 * campaign takes every gate before it counts the offers that exist, so an offer committing meanwhile is either
 * counted by it or, waiting at its gate, sees the new campaign after it and adds its change.
 */
@Component
public class CampaignTally implements RegistryChanges {

  static final int GATES = 64;

  /** An {@code offer_record} row waiting for an answer: the part of 逾期未应约 that does not depend on the time. */
  static final String AWAITING = "responded_on IS NULL AND status <> 'CLOSED'";

  private static final String ROWS = """
      SELECT offer_id, credit_code, kind, reporting_unit, offer_date, response_due_at, responded_on, status,
        escalated, contract_kind, covered_workers
      FROM offer_record WHERE offer_id""";

  private final JdbcTemplate jdbc;

  public CampaignTally(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
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
  }

  /** The rows of one transaction's offers as they were before it changed them, by offer and enterprise. */
  private final class Pending implements TransactionSynchronization {
    final Map<String, Map<String, Row>> before = new LinkedHashMap<>();
    /** The registry's rows as they were, {@link Registered#ABSENT} for those this transaction registered. */
    final Map<String, Registered> registeredBefore = new LinkedHashMap<>();

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResource(CampaignTally.this);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(CampaignTally.this, this);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      apply(this);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(CampaignTally.this);
    }
  }

  private record Row(Place place, Share share) {}

  /** What the establishment rate reads of a registered enterprise. */
  private record Registered(String unit, boolean union, boolean contract, LocalDate contractEnd) {
    static final Registered ABSENT = new Registered(null, false, false, null);

    /** Counted for a campaign ending on {@code end}: with a union, and with a contract in force then. */
    long[] share(LocalDate end) {
      boolean counted = unit != null && union;
      return new long[] {counted ? 1 : 0, counted && contract && (contractEnd == null || !contractEnd.isBefore(end)) ? 1 : 0};
    }
  }

  @Override
  public void changing(Collection<String> creditCodes) {
    if (creditCodes.isEmpty()) {
      return;
    }
    Pending pending = pending();
    List<String> unseen = creditCodes.stream().filter(c -> !pending.registeredBefore.containsKey(c)).distinct().toList();
    Map<String, Registered> now = registered(unseen, " FOR UPDATE");
    unseen.forEach(c -> pending.registeredBefore.put(c, now.getOrDefault(c, Registered.ABSENT)));
  }

  @Override
  public void inserted(Collection<String> creditCodes) {
    if (creditCodes.isEmpty()) {
      return;
    }
    Pending pending = pending();
    creditCodes.forEach(c -> pending.registeredBefore.putIfAbsent(c, Registered.ABSENT));
  }

  private Map<String, Registered> registered(List<String> creditCodes, String lock) {
    Map<String, Registered> rows = new HashMap<>();
    for (int from = 0; from < creditCodes.size(); from += 500) {
      List<String> some = creditCodes.subList(from, Math.min(creditCodes.size(), from + 500));
      jdbc.query("SELECT credit_code, reporting_unit, union_present, collective_contract, contract_end_date"
          + " FROM enterprise WHERE credit_code IN (" + String.join(",", Collections.nCopies(some.size(), "?")) + ")"
          + lock, (ResultSet rs) -> {
            Date end = rs.getDate("contract_end_date");
            rows.put(rs.getString("credit_code"), new Registered(rs.getString("reporting_unit"),
                rs.getBoolean("union_present"), rs.getBoolean("collective_contract"),
                end == null ? null : end.toLocalDate()));
          }, some.toArray());
    }
    return rows;
  }

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
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("offer_record changes only inside a transaction (the engine's command)");
    }
    Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      pending = new Pending();
      TransactionSynchronizationManager.bindResource(this, pending);
      TransactionSynchronizationManager.registerSynchronization(pending);
    }
    return pending;
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

  private record Period(String id, LocalDate start, LocalDate end) {}

  private void apply(Pending pending) {
    // the rows as they are now, against the rows as they were
    Map<Place, Share> differences = new HashMap<>();
    List<String> offerIds = new ArrayList<>(pending.before.keySet());
    for (int from = 0; from < offerIds.size(); from += 500) {
      List<String> some = offerIds.subList(from, Math.min(offerIds.size(), from + 500));
      Map<String, Map<String, Row>> now = rows(some,
          " IN (" + String.join(",", Collections.nCopies(some.size(), "?")) + ")");
      for (String offerId : some) {
        Map<String, Row> was = pending.before.get(offerId);
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
    pending.before.clear();
    differences.values().removeIf(Share::isNone);
    // the registry's rows as they are now, against the rows as they were
    List<String> codes = new ArrayList<>(pending.registeredBefore.keySet());
    Map<String, Registered> registeredNow = registered(codes, "");
    Map<String, Registered[]> registryChanges = new TreeMap<>();
    for (String code : codes) {
      Registered was = pending.registeredBefore.get(code);
      Registered is = registeredNow.getOrDefault(code, Registered.ABSENT);
      if (!was.equals(is)) {
        registryChanges.put(code, new Registered[] {was, is});
      }
    }
    pending.registeredBefore.clear();
    if (differences.isEmpty() && registryChanges.isEmpty()) {
      return;
    }
    // the gates of the (unit, kind)s and the registry's units changed, in ascending order; then the campaigns,
    // as committed by now
    Set<Integer> gates = new TreeSet<>();
    differences.keySet().forEach(p -> gates.add(gate(p.unit(), p.kind())));
    registryChanges.values().forEach(r -> {
      for (Registered one : r) {
        if (one.unit() != null) {
          gates.add(gate(one.unit(), REGISTRY));
        }
      }
    });
    gates.forEach(this::lock);
    List<Period> periods = jdbc.query("SELECT id, start_date, end_date FROM campaign", (rs, n) -> new Period(
        rs.getString("id"), rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate()));

    Map<Key, Change> changes = new TreeMap<>();
    differences.forEach((place, d) -> {
      for (Period period : periods) {
        if (!place.offerDate().isBefore(period.start()) && !place.offerDate().isAfter(period.end())) {
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

    // the establishment rate: every campaign, as the registry is read at its period's end whenever it is asked
    for (Period period : periods) {
      Map<String, long[]> byUnit = new TreeMap<>();
      registryChanges.values().forEach(r -> {
        for (int side = 0; side < 2; side++) {
          if (r[side].unit() != null) {
            long[] share = r[side].share(period.end());
            long[] sum = byUnit.computeIfAbsent(r[side].unit(), u -> new long[2]);
            sum[0] += side == 0 ? -share[0] : share[0];
            sum[1] += side == 0 ? -share[1] : share[1];
          }
        }
      });
      byUnit.forEach((unit, d) -> {
        if ((d[0] != 0 || d[1] != 0) && jdbc.update("UPDATE campaign_establishment SET with_union = with_union + ?,"
            + " with_contract = with_contract + ? WHERE campaign_id = ? AND reporting_unit = ?",
            d[0], d[1], period.id(), unit) == 0) {
          jdbc.update("INSERT INTO campaign_establishment (campaign_id, reporting_unit, with_union, with_contract)"
              + " VALUES (?, ?, ?, ?)", period.id(), unit, d[0], d[1]);
        }
      });
    }
  }

  /** The kind of the registry's gates: the rows of campaign_establishment of a unit. */
  private static final String REGISTRY = "REGISTRY";

  static int gate(String unit, String kind) {
    return Math.floorMod(Objects.hash(unit, kind), GATES);
  }

  /** How long a transaction waits for a gate in all: through the commits of others holding it, however large. */
  static final long GATE_PATIENCE_MILLIS = 120_000;

  /**
   * Takes a gate. H2 gives up on a lock after 2 s, less than the commit of a large transaction (200 starts) takes on
   * a busy machine while it holds the gate; a lock timeout ends only the statement there, so it is asked again.
   * (PostgreSQL waits as long as it takes.)
   */
  private void lock(int gate) {
    long giveUp = System.nanoTime() + GATE_PATIENCE_MILLIS * 1_000_000;
    while (true) {
      try {
        jdbc.queryForList("SELECT gate FROM campaign_tally_gate WHERE gate = ? FOR UPDATE", Integer.class, gate);
        return;
      } catch (QueryTimeoutException e) {
        if (System.nanoTime() > giveUp) {
          throw e;
        }
      }
    }
  }

  /** One campaign's (unit, kind), under its gate. */
  private void write(Key key, Change change) {
    // the enterprises: which of their counts go from 0 to some or back
    Map<String, long[]> members = new HashMap<>();
    List<String> codes = new ArrayList<>(change.members.keySet());
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
    change.members.forEach((code, d) -> {
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
    if (jdbc.update("""
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
   * A new campaign (its row inserted in this transaction): counts the offers that exist in its period, once, with
   * every gate held so that no offer's change is missed or counted twice (see the class comment).
   */
  void fill(Campaign campaign) {
    for (int gate = 0; gate < GATES; gate++) {
      lock(gate);
    }
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
    jdbc.update("""
        INSERT INTO campaign_establishment (campaign_id, reporting_unit, with_union, with_contract)
        SELECT CAST(? AS VARCHAR(20)), reporting_unit, COUNT(*),
          SUM(CASE WHEN collective_contract AND (contract_end_date IS NULL OR contract_end_date >= ?) THEN 1 ELSE 0 END)
        FROM enterprise WHERE union_present GROUP BY reporting_unit""", campaign.id(),
        Date.valueOf(campaign.endDate()));
  }

  /** The establishment rate's counts of a campaign by unit: enterprises with a union, and of them with a contract. */
  Map<String, long[]> establishment(String campaignId) {
    Map<String, long[]> counts = new HashMap<>();
    jdbc.query("SELECT reporting_unit, with_union, with_contract FROM campaign_establishment WHERE campaign_id = ?",
        (ResultSet rs) -> {
          counts.put(rs.getString("reporting_unit"), new long[] {rs.getLong("with_union"), rs.getLong("with_contract")});
        }, campaignId);
    return counts;
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
