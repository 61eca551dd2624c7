package cn.collectivenegotiation.campaign;

import cn.collectivenegotiation.registry.RegistryChanges;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The establishment rate's counts kept per campaign and reporting unit (Flyway {@code V11},
 * {@code campaign_establishment}), so that {@link CampaignStatistics#table} reads 16 rows instead of the registry.
 * The rate reads the registry at the period's end, so each campaign keeps per unit its enterprises with a union and
 * those of them with a contract in force then. That date is fixed for a campaign, so the counts move only with the
 * registry's changes ({@link RegistryChanges}): the registry's rows are read (and locked) before a transaction
 * changes them and again just before it commits, and the difference goes to every campaign, under the gate of the
 * unit ({@link TallyGates}).
 */
@Component
public class EstablishmentRateTally implements RegistryChanges {

  /** The kind of the registry's gates: the rows of campaign_establishment of a unit. */
  private static final String REGISTRY = "REGISTRY";

  private final JdbcTemplate jdbc;
  private final TallyGates gates;

  EstablishmentRateTally(JdbcTemplate jdbc, TallyGates gates) {
    this.jdbc = jdbc;
    this.gates = gates;
  }

  /**
   * What the establishment rate reads of a registered enterprise: {@link #ABSENT} for one it does not count (no
   * union), so that a change it does not see (say a contract's end without a union) is no change, takes no gate
   * and writes nothing.
   */
  private record Registered(String unit, boolean contract, LocalDate contractEnd) {
    static final Registered ABSENT = new Registered(null, false, null);

    static Registered of(String unit, boolean union, boolean contract, LocalDate contractEnd) {
      return unit == null || !union ? ABSENT : new Registered(unit, contract, contract ? contractEnd : null);
    }

    /** Counted for a campaign ending on {@code end}: with a union, and with a contract in force then. */
    long[] share(LocalDate end) {
      boolean counted = unit != null;
      return new long[] {counted ? 1 : 0, counted && contract && (contractEnd == null || !contractEnd.isBefore(end)) ? 1 : 0};
    }
  }

  /** The registry's rows of one transaction as they were, {@link Registered#ABSENT} for those it registered. */
  private final class Pending implements TallyGates.Pending {
    final Map<String, Registered> before = new LinkedHashMap<>();

    @Override
    public TallyGates.Changes changes() {
      return EstablishmentRateTally.this.changes(before);
    }
  }

  private Pending pending() {
    return gates.pending(this, Pending::new);
  }

  @Override
  public void changing(Collection<String> creditCodes) {
    if (creditCodes.isEmpty()) {
      return;
    }
    Pending pending = pending();
    List<String> unseen = creditCodes.stream().filter(c -> !pending.before.containsKey(c)).distinct().toList();
    Map<String, Registered> now = registered(unseen, " FOR UPDATE");
    unseen.forEach(c -> pending.before.put(c, now.getOrDefault(c, Registered.ABSENT)));
  }

  @Override
  public void inserted(Collection<String> creditCodes) {
    if (creditCodes.isEmpty()) {
      return;
    }
    Pending pending = pending();
    creditCodes.forEach(c -> pending.before.putIfAbsent(c, Registered.ABSENT));
  }

  private Map<String, Registered> registered(List<String> creditCodes, String lock) {
    Map<String, Registered> rows = new HashMap<>();
    for (int from = 0; from < creditCodes.size(); from += 500) {
      List<String> some = creditCodes.subList(from, Math.min(creditCodes.size(), from + 500));
      jdbc.query("SELECT credit_code, reporting_unit, union_present, collective_contract, contract_end_date"
          + " FROM enterprise WHERE credit_code IN (" + String.join(",", Collections.nCopies(some.size(), "?")) + ")"
          + lock, (ResultSet rs) -> {
            Date end = rs.getDate("contract_end_date");
            rows.put(rs.getString("credit_code"), Registered.of(rs.getString("reporting_unit"),
                rs.getBoolean("union_present"), rs.getBoolean("collective_contract"),
                end == null ? null : end.toLocalDate()));
          }, some.toArray());
    }
    return rows;
  }

  /** The registry's rows as they are now, against the rows as they were: the gates of their units. */
  private TallyGates.Changes changes(Map<String, Registered> before) {
    List<String> codes = List.copyOf(before.keySet());
    Map<String, Registered> registeredNow = registered(codes, "");
    Map<String, Registered[]> changed = new TreeMap<>();
    for (String code : codes) {
      Registered was = before.get(code);
      Registered is = registeredNow.getOrDefault(code, Registered.ABSENT);
      if (!was.equals(is)) {
        changed.put(code, new Registered[] {was, is});
      }
    }
    Set<Integer> units = new TreeSet<>();
    changed.values().forEach(r -> {
      for (Registered one : r) {
        if (one.unit() != null) {
          units.add(TallyGates.gate(one.unit(), REGISTRY));
        }
      }
    });
    return new TallyGates.Changes(units, campaigns -> write(changed, campaigns));
  }

  /** Every campaign, as the registry is read at its period's end whenever it is asked. */
  private void write(Map<String, Registered[]> changed, List<TallyGates.Period> campaigns) {
    for (TallyGates.Period period : campaigns) {
      Map<String, long[]> byUnit = new TreeMap<>();
      changed.values().forEach(r -> {
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

  /** A new campaign, with every gate held ({@link TallyGates#lockAll}): counts the registry at its period's end. */
  void fill(Campaign campaign) {
    jdbc.update("""
        INSERT INTO campaign_establishment (campaign_id, reporting_unit, with_union, with_contract)
        SELECT CAST(? AS VARCHAR(20)), reporting_unit, COUNT(*),
          SUM(CASE WHEN collective_contract AND (contract_end_date IS NULL OR contract_end_date >= ?) THEN 1 ELSE 0 END)
        FROM enterprise WHERE union_present GROUP BY reporting_unit""", campaign.id(),
        Date.valueOf(campaign.endDate()));
  }

  /** A campaign's counts by unit: enterprises with a union, and of them with a contract. */
  Map<String, long[]> read(String campaignId) {
    Map<String, long[]> counts = new HashMap<>();
    jdbc.query("SELECT reporting_unit, with_union, with_contract FROM campaign_establishment WHERE campaign_id = ?",
        (ResultSet rs) -> {
          counts.put(rs.getString("reporting_unit"), new long[] {rs.getLong("with_union"), rs.getLong("with_contract")});
        }, campaignId);
    return counts;
  }
}
