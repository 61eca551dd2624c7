package cn.collectivenegotiation.campaign;

import cn.collectivenegotiation.database.LockWaits;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The gates under which the tables kept per campaign are written ({@code campaign_tally_gate}, 64 rows, a hash of
 * unit and kind), and the one step before commit that writes them. {@link CampaignTally} (the counts) and
 * {@link EstablishmentRateTally} (the establishment rate) each hold what a transaction is changing; just before it
 * commits (a Spring transaction synchronization, on the engine's own connection: a failure here rolls back the
 * engine's work too) each reads its changes, the gates of all of them are taken together in ascending order
 * (taken one table after the other, two transactions could take them in opposite orders and deadlock), the
 * campaigns are read as committed by then, and each table writes its part. The gates are held only for the
 * commit, so concurrent offers of one unit do not wait for one another's engine work, and new rows never collide
 * (a failed insert would abort a PostgreSQL transaction). Creating a campaign takes every gate ({@link #lockAll})
 * before it counts what exists, so a change committing meanwhile is either counted by it or, waiting at its gate,
 * sees the new campaign after it and adds itself. A change takes its gates even when no campaign covers it, since
 * one may be being created.
 *
 * <p>The campaigns' periods are kept by each node, not read at every commit: creating a campaign also counts
 * {@code campaign_tally_gate.campaigns_created} up on every gate (Flyway {@code V13}), and the lock of a gate
 * reads that number. A commit holding its gates that finds the number it kept the periods for has the campaigns
 * as committed (no campaign can be created while it holds a gate); any other number, a campaign created on this
 * node or another, and it reads them again.
 */
@Component
class TallyGates {

  static final int GATES = 64;

  /** A campaign's id and period, as the kept tables need it. */
  record Period(String id, LocalDate start, LocalDate end) {
    boolean holds(LocalDate day) {
      return !day.isBefore(start) && !day.isAfter(end);
    }
  }

  /** What a kept table holds of one transaction until it commits. */
  interface Pending {
    /** The transaction's changes as they are now, read just before it commits. */
    Changes changes();
  }

  /** What a kept table writes for one transaction: under these gates, for the campaigns as committed by then. */
  record Changes(Set<Integer> gates, Consumer<List<Period>> write) {}

  /** Takes a gate and reads its count of campaigns created. */
  static final String LOCK = "SELECT campaigns_created FROM campaign_tally_gate WHERE gate = ? FOR UPDATE";

  /** Counts a campaign's creation up on every gate (all of them held). */
  static final String CREATED = "UPDATE campaign_tally_gate SET campaigns_created = campaigns_created + 1";

  /** The campaigns as committed when {@code campaigns_created} read {@code created}. */
  private record Known(long created, List<Period> campaigns) {}

  private final JdbcTemplate jdbc;
  private volatile Known known;

  TallyGates(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static int gate(String unit, String kind) {
    return Math.floorMod(Objects.hash(unit, kind), GATES);
  }

  /** The kept tables' state of the current transaction, one per table, written just before it commits. */
  private final class Transaction implements TransactionSynchronization {
    final Map<Object, Pending> tables = new LinkedHashMap<>();
    /** A campaign is created in this transaction: what it reads of the campaigns is not committed yet. */
    boolean createsCampaign;

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResource(TallyGates.this);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(TallyGates.this, this);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      commit(this);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(TallyGates.this);
    }
  }

  /** {@code table}'s state of the current transaction, {@code created} the first time. */
  @SuppressWarnings("unchecked")
  <P extends Pending> P pending(Object table, Supplier<P> created) {
    return (P) transaction().tables.computeIfAbsent(table, t -> created.get());
  }

  private Transaction transaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("offer_record and the registry change only inside a transaction (the engine's"
          + " command)");
    }
    Transaction transaction = (Transaction) TransactionSynchronizationManager.getResource(this);
    if (transaction == null) {
      transaction = new Transaction();
      TransactionSynchronizationManager.bindResource(this, transaction);
      TransactionSynchronizationManager.registerSynchronization(transaction);
    }
    return transaction;
  }

  private void commit(Transaction transaction) {
    List<Changes> changes = new ArrayList<>();
    transaction.tables.values().forEach(p -> changes.add(p.changes()));
    transaction.tables.clear();
    Set<Integer> gates = new TreeSet<>();
    changes.forEach(c -> gates.addAll(c.gates()));
    if (gates.isEmpty()) {
      return;
    }
    Set<Long> created = new TreeSet<>();
    gates.forEach(gate -> created.add(lock(gate)));
    List<Period> campaigns = campaigns(created, transaction.createsCampaign);
    changes.forEach(c -> c.write().accept(campaigns));
  }

  /** The campaigns as committed, the gates held having shown {@code created}. */
  private List<Period> campaigns(Set<Long> created, boolean createsCampaign) {
    Known k = known;
    // the gates held show one number (a campaign is created under all of them at once)
    if (k != null && created.size() == 1 && created.contains(k.created()) && !createsCampaign) {
      return k.campaigns();
    }
    List<Period> campaigns = List.copyOf(jdbc.query("SELECT id, start_date, end_date FROM campaign", (rs, n) ->
        new Period(rs.getString("id"), rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate())));
    if (created.size() == 1 && !createsCampaign) {
      known = new Known(created.iterator().next(), campaigns);
    }
    return campaigns;
  }

  /**
   * Every gate, for a new campaign (its row inserted in this transaction) before it counts what exists, and the
   * count of campaigns created up on each, so that every node reads the campaigns again.
   */
  void lockAll() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) { // else each statement commits by itself
      transaction().createsCampaign = true;
    }
    for (int gate = 0; gate < GATES; gate++) {
      lock(gate);
    }
    jdbc.update(CREATED);
  }

  /**
   * Takes a gate and returns its {@code campaigns_created}, waiting through the commits of others holding it,
   * however large ({@link LockWaits}: H2 gives up on a lock after 2 s and ends only the statement).
   */
  private long lock(int gate) {
    return LockWaits.patiently(() -> jdbc.queryForObject(LOCK, Long.class, gate));
  }
}
