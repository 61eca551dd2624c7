package cn.collectivenegotiation.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** People for HTTP tests, created once per database: password = user id + "-pw". */
public final class TestUsers {

  public static final String SHIZHONG_OFFICER = "officersz";
  public static final String WUTONGQIAO_OFFICER = "officerwtq";
  public static final String ENTERPRISE_MANAGER = "manager1";
  public static final String CITY_OFFICER = "cityofficer";
  /** The union of the enterprise {@link #ensure} is given (its 企业工会). */
  public static final String ENTERPRISE_UNION = "officerentunion";
  public static final String SHIZHONG_BUREAU = "officerbureausz";

  private TestUsers() {}

  public static String password(String userId) {
    return userId + "-pw";
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
