package cn.collectivenegotiation.registry;

import cn.collectivenegotiation.database.DatabaseProduct;
import cn.collectivenegotiation.database.LockWaits;
import cn.collectivenegotiation.offer.ReportingUnit;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise registry (table {@code enterprise}, migration V3). Saving is an upsert written the
 * portable way, so H2 and PostgreSQL run the same statements: find which credit codes exist, then
 * one batch of updates and one batch of inserts. Only an offer's registration ({@link #registerIfAbsent})
 * says "unless another transaction registers it meanwhile", in each database's own words.
 */
@Component
public class EnterpriseRegistry {

  /** Bind variables per {@code IN (...)}: well under every database's limit. */
  private static final int KEYS_PER_QUERY = 500;

  private static final String COLUMNS = "credit_code, name, reporting_unit, industry, workforce, women_workers, "
      + "union_present, collective_contract, special_contract, contract_end_date, minimum_wage_pay, tense_relations, "
      + "in_difficulty, restructuring, severe_hazards, updated_at, updated_by";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM enterprise";
  private static final String INSERT = "INSERT INTO enterprise (" + COLUMNS + ") "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE = "UPDATE enterprise SET name = ?, reporting_unit = ?, industry = ?, workforce = ?, "
      + "women_workers = ?, union_present = ?, collective_contract = ?, special_contract = ?, contract_end_date = ?, "
      + "minimum_wage_pay = ?, tense_relations = ?, in_difficulty = ?, restructuring = ?, severe_hazards = ?, "
      + "updated_at = ?, updated_by = ? WHERE credit_code = ?";

  private static final RowMapper<Enterprise> ROW = (rs, n) -> new Enterprise(
      rs.getString("credit_code"), rs.getString("name"), ReportingUnit.valueOf(rs.getString("reporting_unit")),
      rs.getString("industry"), rs.getInt("workforce"), (Integer) rs.getObject("women_workers", Integer.class),
      rs.getBoolean("union_present"), rs.getBoolean("collective_contract"), rs.getBoolean("special_contract"),
      rs.getObject("contract_end_date", LocalDate.class), rs.getBoolean("minimum_wage_pay"),
      rs.getBoolean("tense_relations"), rs.getBoolean("in_difficulty"), rs.getBoolean("restructuring"),
      rs.getBoolean("severe_hazards"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));

  private static final String REGISTER = """
      INSERT INTO enterprise (credit_code, name, reporting_unit, workforce, union_present, collective_contract,
        special_contract, minimum_wage_pay, tense_relations, in_difficulty, restructuring, severe_hazards,
        updated_at, updated_by)
      SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
      WHERE NOT EXISTS (SELECT 1 FROM enterprise WHERE credit_code = ?)""";

  private final JdbcTemplate jdbc;
  private final Clock clock = Clock.systemUTC();
  /** {@link #REGISTER} as this database writes "unless another transaction registers it meanwhile". */
  private final String register;

  private final RegistryChanges changes;

  /** A registry that tells no one of its changes (tests of the registry alone). */
  public EnterpriseRegistry(JdbcTemplate jdbc) {
    this(jdbc, RegistryChanges.NONE);
  }

  @Autowired
  public EnterpriseRegistry(JdbcTemplate jdbc, RegistryChanges changes) {
    this.changes = changes;
    this.jdbc = jdbc;
    this.register = DatabaseProduct.of(jdbc.getDataSource()) == DatabaseProduct.POSTGRES
        ? REGISTER + " ON CONFLICT (credit_code) DO NOTHING"
        : REGISTER;
  }

  /** How many enterprises were new and how many were already there (and are now updated). */
  public record Saved(int created, int updated) {}

  public Optional<Enterprise> find(String creditCode) {
    return jdbc.query(SELECT + " WHERE credit_code = ?", ROW, creditCode).stream().findFirst();
  }

  /** The unit's enterprises by credit code; {@code null} for every unit. */
  public List<Enterprise> list(ReportingUnit unit) {
    return unit == null
        ? jdbc.query(SELECT + " ORDER BY credit_code", ROW)
        : jdbc.query(SELECT + " WHERE reporting_unit = ? ORDER BY credit_code", ROW, unit.name());
  }

  public long count() {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM enterprise", Long.class);
    return n == null ? 0 : n;
  }

  /** The reporting unit each of the given credit codes is registered under; codes not registered are absent. */
  public Map<String, ReportingUnit> unitsOf(Collection<String> creditCodes) {
    Map<String, ReportingUnit> units = new HashMap<>();
    for (List<String> chunk : chunks(new ArrayList<>(creditCodes))) {
      jdbc.query("SELECT credit_code, reporting_unit FROM enterprise WHERE credit_code IN ("
              + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
          (RowCallbackHandler) rs -> units.put(rs.getString(1), ReportingUnit.valueOf(rs.getString(2))),
          chunk.toArray());
    }
    return units;
  }

  /** The registered name of each of the given credit codes; codes not registered are absent. */
  public Map<String, String> namesOf(Collection<String> creditCodes) {
    Map<String, String> names = new HashMap<>();
    for (List<String> chunk : chunks(new ArrayList<>(creditCodes))) {
      jdbc.query("SELECT credit_code, name FROM enterprise WHERE credit_code IN ("
              + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
          (RowCallbackHandler) rs -> names.put(rs.getString(1), rs.getString(2)),
          chunk.toArray());
    }
    return names;
  }

  /**
   * An enterprise an offer names, kept if the registry does not know it yet (name, unit and workforce from
   * the offer, a union assumed, no contract known); a known enterprise is left as the registry has it.
   * Returns the enterprise as the offer names it.
   *
   * <p>Two first offers to one new enterprise at once both find it missing. The second's insert then waits for
   * the first transaction, and the registry keeps what the first registered: on PostgreSQL {@code ON CONFLICT DO NOTHING} (a failed
   * statement there would abort the offer's whole transaction); H2 has no such clause outside its PostgreSQL mode,
   * but refuses the key only once the first has committed and undoes that statement alone, so the refusal is
   * taken as "already registered".
   */
  public Enterprise registerIfAbsent(String creditCode, String name, ReportingUnit unit, int workforce, String user) {
    Enterprise e = new Enterprise(creditCode, name, unit, null, workforce, null, true, false, false, null, false,
        false, false, false, false, clock.instant(), user);
    Object[] values = {e.creditCode(), e.name(), unit.name(), e.workforce(), e.unionPresent(), e.collectiveContract(),
        e.specialContract(), e.minimumWagePay(), e.tenseRelations(), e.inDifficulty(), e.restructuring(),
        e.severeHazards(), Timestamp.from(e.updatedAt()), user, creditCode};
    int inserted;
    try {
      inserted = LockWaits.patiently(() -> jdbc.update(register, values));
    } catch (DuplicateKeyException registeredMeanwhile) {
      inserted = 0; // H2 only: PostgreSQL does nothing on the conflict
    }
    if (inserted > 0) {
      changes.inserted(List.of(creditCode));
    }
    return e;
  }

  /**
   * A contract signed through the product: the enterprise has a collective contract (comprehensive) or a
   * special one until {@code endDate}, which the establishment rate and {@code key-target} read.
   */
  public void contractSigned(String creditCode, boolean comprehensive, java.time.LocalDate endDate) {
    if (comprehensive) {
      changes.changing(List.of(creditCode));
      jdbc.update("UPDATE enterprise SET collective_contract = TRUE, contract_end_date = ?, updated_at = ? WHERE credit_code = ?",
          java.sql.Date.valueOf(endDate), Timestamp.from(clock.instant()), creditCode);
    } else {
      jdbc.update("UPDATE enterprise SET special_contract = TRUE, updated_at = ? WHERE credit_code = ?",
          Timestamp.from(clock.instant()), creditCode);
    }
  }

  /** One enterprise, created or replaced; {@code updatedBy} is taken from the record. */
  @Transactional
  public Saved save(Enterprise enterprise) {
    return saveAll(List.of(enterprise), enterprise.updatedBy());
  }

  /** Creates the new ones and replaces the known ones (by credit code), all in one transaction. */
  @Transactional
  public Saved saveAll(List<Enterprise> enterprises, String user) {
    if (enterprises.isEmpty()) {
      return new Saved(0, 0);
    }
    if (enterprises.stream().map(Enterprise::creditCode).distinct().count() < enterprises.size()) {
      throw new IllegalArgumentException("the same credit code twice in one save");
    }
    Map<String, ReportingUnit> existing = unitsOf(enterprises.stream().map(Enterprise::creditCode).toList());
    List<Enterprise> toUpdate = enterprises.stream().filter(e -> existing.containsKey(e.creditCode())).toList();
    List<Enterprise> toInsert = enterprises.stream().filter(e -> !existing.containsKey(e.creditCode())).toList();
    Timestamp now = Timestamp.from(clock.instant());
    changes.changing(toUpdate.stream().map(Enterprise::creditCode).toList());
    jdbc.batchUpdate(UPDATE, toUpdate, 500, (ps, e) -> {
      int i = bindFields(ps, 1, e);
      ps.setTimestamp(i++, now);
      setText(ps, i++, user);
      ps.setString(i, e.creditCode());
    });
    jdbc.batchUpdate(INSERT, toInsert, 500, (ps, e) -> {
      ps.setString(1, e.creditCode());
      int i = bindFields(ps, 2, e);
      ps.setTimestamp(i++, now);
      setText(ps, i, user);
    });
    changes.inserted(toInsert.stream().map(Enterprise::creditCode).toList());
    return new Saved(toInsert.size(), toUpdate.size());
  }

  /** Binds name … severe_hazards from position {@code i}; returns the next position. */
  private static int bindFields(PreparedStatement ps, int i, Enterprise e) throws SQLException {
    ps.setString(i++, e.name());
    ps.setString(i++, e.reportingUnit().name());
    setText(ps, i++, e.industry());
    ps.setInt(i++, e.workforce());
    if (e.womenWorkers() == null) {
      ps.setNull(i++, Types.INTEGER);
    } else {
      ps.setInt(i++, e.womenWorkers());
    }
    ps.setBoolean(i++, e.unionPresent());
    ps.setBoolean(i++, e.collectiveContract());
    ps.setBoolean(i++, e.specialContract());
    if (e.contractEndDate() == null) {
      ps.setNull(i++, Types.DATE);
    } else {
      ps.setObject(i++, e.contractEndDate());
    }
    ps.setBoolean(i++, e.minimumWagePay());
    ps.setBoolean(i++, e.tenseRelations());
    ps.setBoolean(i++, e.inDifficulty());
    ps.setBoolean(i++, e.restructuring());
    ps.setBoolean(i++, e.severeHazards());
    return i;
  }

  private static void setText(PreparedStatement ps, int i, String value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, value);
    }
  }

  private static List<List<String>> chunks(List<String> keys) {
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < keys.size(); i += KEYS_PER_QUERY) {
      chunks.add(keys.subList(i, Math.min(keys.size(), i + KEYS_PER_QUERY)));
    }
    return chunks;
  }
}
