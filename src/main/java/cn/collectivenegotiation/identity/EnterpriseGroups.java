package cn.collectivenegotiation.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Every enterprise the product deals with has its two groups (public contract): {@code enterprise-<creditCode>}
 * for its management (企业行政) and {@code enterprise-union-<creditCode>} for its union (企业工会), named in
 * Chinese after the enterprise. They are made when the registry takes an enterprise in (import) and when an
 * offer reaches one, so that an operator only has to add the enterprise's people to them. A group that exists
 * is left as it is (an administrator may have renamed it).
 */
@Component
public class EnterpriseGroups {

  public static final String MANAGEMENT_TYPE = "ENTERPRISE";
  public static final String UNION_TYPE = "ENTERPRISE_UNION";

  /** Group ids per look-up: well under every database's limit of bind variables. */
  private static final int IDS_PER_QUERY = 500;

  private final ProcessEngineConfigurationImpl engine;

  public EnterpriseGroups(@Lazy ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /** An enterprise as its groups are named: credit code and name. */
  public record Named(String creditCode, String name) {}

  public static String managementGroup(String creditCode) {
    return "enterprise-" + creditCode;
  }

  public static String unionGroup(String creditCode) {
    return "enterprise-union-" + creditCode;
  }

  public void ensure(String creditCode, String name) {
    ensure(List.of(new Named(creditCode, name)));
  }

  /**
   * Creates the groups that are missing. Runs in the caller's engine command and transaction when there is one
   * (an offer's start), else in one of its own that joins the caller's Spring transaction; without the caller's
   * authorization checks either way, since an officer may register an enterprise but may not create groups.
   */
  public void ensure(Collection<Named> enterprises) {
    Map<String, String[]> wanted = new LinkedHashMap<>();
    for (Named e : enterprises) {
      wanted.putIfAbsent(managementGroup(e.creditCode()), new String[] {e.name() + "（企业行政）", MANAGEMENT_TYPE});
      wanted.putIfAbsent(unionGroup(e.creditCode()), new String[] {e.name() + "工会", UNION_TYPE});
    }
    if (wanted.isEmpty()) {
      return;
    }
    IdentityService identity = engine.getIdentityService();
    engine.getCommandExecutorTxRequired().execute(
        context -> context.runWithoutAuthorization(() -> {
          Set<String> existing = existing(identity, new ArrayList<>(wanted.keySet()));
          wanted.forEach((id, nameAndType) -> {
            if (!existing.contains(id)) {
              Group g = identity.newGroup(id);
              g.setName(nameAndType[0]);
              g.setType(nameAndType[1]);
              identity.saveGroup(g);
            }
          });
          return null;
        }));
  }

  private static Set<String> existing(IdentityService identity, List<String> ids) {
    Set<String> existing = new HashSet<>();
    for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
      String[] chunk = ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY)).toArray(String[]::new);
      identity.createGroupQuery().groupIdIn(chunk).list().forEach(g -> existing.add(g.getId()));
    }
    return existing;
  }
}
