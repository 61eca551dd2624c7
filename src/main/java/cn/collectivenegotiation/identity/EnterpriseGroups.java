package cn.collectivenegotiation.identity;

import cn.collectivenegotiation.database.LockWaits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every enterprise the product deals with has its two groups (public contract): {@code enterprise-<creditCode>}
 * for its management (企业行政) and {@code enterprise-union-<creditCode>} for its union (企业工会), named in
 * Chinese after the enterprise. They are made when the registry takes an enterprise in (import) and when an
 * offer reaches one, so that an operator only has to add the enterprise's people to them.
 *
 * <p>Tasklist shows a group's name, and its id where it has none: so every group gets a Chinese name, the
 * credit code's ({@code 统一社会信用代码为…的企业（企业行政）}) while the enterprise's name is not known. A group
 * that exists keeps its name (an administrator may have renamed it) unless that name is none, the id, the
 * credit code's, or the one the product gave it after the name the registry had before (an import that
 * corrects an enterprise's name corrects its groups').
 */
@Component
public class EnterpriseGroups {

  public static final String MANAGEMENT_TYPE = "ENTERPRISE";
  public static final String UNION_TYPE = "ENTERPRISE_UNION";

  /** Group ids per look-up: well under every database's limit of bind variables. */
  private static final int IDS_PER_QUERY = 500;

  /** Rows of {@code enterprise_group_gate}. */
  static final int GATES = 64;

  private final ProcessEngineConfigurationImpl engine;
  private final JdbcTemplate jdbc;

  public EnterpriseGroups(@Lazy ProcessEngineConfigurationImpl engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /**
   * An enterprise as its groups are named: credit code and name ({@code null} when not known), and the name
   * the product may have named them after before ({@code null} when none).
   */
  public record Named(String creditCode, String name, String previousName, String readerGroup) {
    public Named(String creditCode, String name) {
      this(creditCode, name, null, null);
    }

    public Named(String creditCode, String name, String previousName) {
      this(creditCode, name, previousName, null);
    }

    /**
     * The same enterprise, its groups readable by {@code unionGroup} when they are made: the unit's union shares
     * tasks with the enterprise (上参下: 签订集体合同), and Tasklist shows a candidate group it may not read by its id.
     */
    public Named readableBy(String unionGroup) {
      return new Named(creditCode, name, previousName, unionGroup);
    }
  }

  public static String managementGroup(String creditCode) {
    return "enterprise-" + creditCode;
  }

  public static String unionGroup(String creditCode) {
    return "enterprise-union-" + creditCode;
  }

  /** The management group's name: {@code 乐山市示范机械有限公司（企业行政）}. */
  public static String managementName(String creditCode, String name) {
    return enterprise(creditCode, name) + "（企业行政）";
  }

  /** The union group's name: {@code 乐山市示范机械有限公司工会}. */
  public static String unionName(String creditCode, String name) {
    return enterprise(creditCode, name) + "工会";
  }

  private static String enterprise(String creditCode, String name) {
    return known(name) ? name.trim() : "统一社会信用代码为" + creditCode + "的企业";
  }

  private static boolean known(String name) {
    return name != null && !name.isBlank();
  }

  public void ensure(String creditCode, String name) {
    ensure(List.of(new Named(creditCode, name)));
  }

  /**
   * Creates the groups that are missing. Runs in the caller's engine command and transaction when there is one
   * (an offer's start), else in one of its own that joins the caller's Spring transaction; without the caller's
   * authorization checks either way, since an officer may register an enterprise but may not create groups. Two
   * transactions that find the same group missing create it once: see {@link #lockGatesAndLookAgain}.
   */
  public void ensure(Collection<Named> enterprises) {
    Map<String, Wanted> wanted = new LinkedHashMap<>();
    for (Named e : enterprises) {
      String code = e.creditCode();
      wanted.putIfAbsent(managementGroup(code), new Wanted(managementName(code, e.name()), MANAGEMENT_TYPE,
          productNames(managementName(code, null), managementName(code, e.previousName())), e.readerGroup()));
      wanted.putIfAbsent(unionGroup(code), new Wanted(unionName(code, e.name()), UNION_TYPE,
          productNames(unionName(code, null), unionName(code, e.previousName())), e.readerGroup()));
    }
    if (wanted.isEmpty()) {
      return;
    }
    IdentityService identity = engine.getIdentityService();
    engine.getCommandExecutorTxRequired().execute(
        context -> context.runWithoutAuthorization(() -> {
          List<String> ids = new ArrayList<>(wanted.keySet());
          Map<String, Group> existing = existing(identity, ids);
          List<String> missing = ids.stream().filter(id -> !existing.containsKey(id)).toList();
          // another transaction may be creating the same groups (two first offers to one enterprise): under their
          // gates, once it has committed, its groups are the ones
          Set<String> createdMeanwhile = missing.isEmpty() ? Set.of() : lockGatesAndLookAgain(missing);
          wanted.forEach((id, w) -> {
            Group g = existing.get(id);
            if (g == null && !createdMeanwhile.contains(id)) {
              g = identity.newGroup(id);
              g.setName(w.name());
              g.setType(w.type());
              identity.saveGroup(g);
              if (w.reader() != null) {
                OfferAuthorizations.grant(engine.getAuthorizationService(), w.reader(), Resources.GROUP, id,
                    Permissions.READ);
              }
            } else if (g != null && !w.name().equals(g.getName()) && w.replaces(g)) {
              g.setName(w.name());
              identity.saveGroup(g);
            }
          });
          return null;
        }));
  }

  /**
   * Takes the gates of these groups (Flyway {@code V12}) in ascending order, held until the transaction ends, and
   * returns those of them that exist now: a transaction creates a group only under its gate, after this look.
   * The look is SQL, not the engine's group query: asked again unchanged in one command, that one gives its first
   * answer again (MyBatis's session cache; on H2 even with that cleared, H2 reusing the query's last result).
   */
  private Set<String> lockGatesAndLookAgain(List<String> groupIds) {
    new TreeSet<>(groupIds.stream().map(id -> Math.floorMod(id.hashCode(), GATES)).toList())
        .forEach(gate -> LockWaits.patiently(() -> jdbc.queryForList(
            "SELECT gate FROM enterprise_group_gate WHERE gate = ? FOR UPDATE", Integer.class, gate)));
    Set<String> found = new HashSet<>();
    for (int i = 0; i < groupIds.size(); i += IDS_PER_QUERY) {
      List<String> chunk = groupIds.subList(i, Math.min(groupIds.size(), i + IDS_PER_QUERY));
      found.addAll(jdbc.queryForList("SELECT ID_ FROM ACT_ID_GROUP WHERE ID_ IN ("
          + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", String.class, chunk.toArray()));
    }
    return found;
  }

  private static Set<String> productNames(String... names) {
    return new HashSet<>(List.of(names));
  }

  /** A group's name and type as the product makes it, and the names of its own it may replace. */
  private record Wanted(String name, String type, Set<String> productNames, String reader) {
    boolean replaces(Group existing) {
      return unnamed(existing) || productNames.contains(existing.getName());
    }
  }

  /** Whether Tasklist would show the group's id for its name: it has none, a blank one, or its id. */
  static boolean unnamed(Group group) {
    String name = group.getName();
    return !known(name) || name.trim().equals(group.getId());
  }

  private static Map<String, Group> existing(IdentityService identity, List<String> ids) {
    Map<String, Group> existing = new HashMap<>();
    for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
      String[] chunk = ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY)).toArray(String[]::new);
      identity.createGroupQuery().groupIdIn(chunk).list().forEach(g -> existing.put(g.getId(), g));
    }
    return existing;
  }
}
