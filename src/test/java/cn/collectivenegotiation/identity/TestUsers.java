package cn.collectivenegotiation.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * People for HTTP tests, created once per database, all with the password {@link #PASSWORD}. Every password a
 * test gives a user or an administrator is one of the two constants here; both meet the password policy (at
 * least 10 characters, upper and lower case, digit, special character, no user id or name in it).
 */
public final class TestUsers {

  public static final String SHIZHONG_OFFICER = "officersz";
  public static final String WUTONGQIAO_OFFICER = "officerwtq";
  public static final String ENTERPRISE_MANAGER = "manager1";
  public static final String CITY_OFFICER = "cityofficer";
  /** The union of the enterprise {@link #ensure} is given (its 企业工会). */
  public static final String ENTERPRISE_UNION = "officerentunion";
  public static final String SHIZHONG_BUREAU = "officerbureausz";

  /** Every test user's password. */
  public static final String PASSWORD = "Ceshi#2026xs";
  /**
   * The administrator's in the test profiles ({@code camunda.bpm.admin-user.password} in application-test.yaml and
   * application-bench.yaml) and in the servers the cluster tests start.
   */
  public static final String ADMIN_PASSWORD = "Guanli#2026xs";

  private TestUsers() {}

  /** The password of a test user: {@link #PASSWORD} for all (the id is kept so callers read as before). */
  public static String password(String userId) {
    return PASSWORD;
  }

  public static void ensure(IdentityService identity, String enterpriseCreditCode) {
    user(identity, SHIZHONG_OFFICER, "union-shizhong");
    user(identity, WUTONGQIAO_OFFICER, "union-wutongqiao");
    user(identity, CITY_OFFICER, "city-union");
    if (identity.createGroupQuery().groupId("enterprise-" + enterpriseCreditCode).count() == 0) {
      identity.saveGroup(identity.newGroup("enterprise-" + enterpriseCreditCode));
    }
    user(identity, ENTERPRISE_MANAGER, "enterprise-" + enterpriseCreditCode);
    if (identity.createGroupQuery().groupId("enterprise-union-" + enterpriseCreditCode).count() == 0) {
      identity.saveGroup(identity.newGroup("enterprise-union-" + enterpriseCreditCode));
    }
    user(identity, ENTERPRISE_UNION, "enterprise-union-" + enterpriseCreditCode);
    user(identity, SHIZHONG_BUREAU, "labour-bureau-shizhong");
  }

  /** A user of one group, created once. */
  public static void user(IdentityService identity, String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setPassword(password(id));
      u.setFirstName(id);
      u.setLastName("测试");
      identity.saveUser(u);
      identity.createMembership(id, group);
    }
  }
}
