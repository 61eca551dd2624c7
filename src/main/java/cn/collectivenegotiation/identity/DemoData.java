package cn.collectivenegotiation.identity;

import cn.collectivenegotiation.offer.ReportingUnit;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo people (profile {@code demo} only, password {@code demo}): officers of two reporting units,
 * the city, the tripartite committee, and two enterprises with their unions. Never in production.
 */
@Component
@Profile("demo")
@Order(2)
public class DemoData implements ApplicationRunner {

  static final String PASSWORD = "demo";

  /** Demo enterprises: credit code (with a valid check character) and name. */
  public static final String ENTERPRISE_1 = "91511102MA62B0002G";
  public static final String ENTERPRISE_2 = "91511111MA62C0003C";

  private final IdentityService identityService;
  private final Organisation organisation;

  public DemoData(IdentityService identityService, Organisation organisation) {
    this.identityService = identityService;
    this.organisation = organisation;
  }

  @Override
  public void run(ApplicationArguments args) {
    organisation.ensureGroup("enterprise-" + ENTERPRISE_1, "乐山市示范机械有限公司（企业行政）", "ENTERPRISE");
    organisation.ensureGroup("enterprise-union-" + ENTERPRISE_1, "乐山市示范机械有限公司工会", "ENTERPRISE_UNION");
    organisation.ensureGroup("enterprise-" + ENTERPRISE_2, "五通桥示范化工有限公司（企业行政）", "ENTERPRISE");
    organisation.ensureGroup("enterprise-union-" + ENTERPRISE_2, "五通桥示范化工有限公司工会", "ENTERPRISE_UNION");

    user("cityunion", "市总工会", "组宣部", CurrentUser.CITY_UNION);
    user("citybureau", "市人社局", "劳动关系科", CurrentUser.CITY_LABOUR_BUREAU);
    user("tripartite", "三方", "协调劳动关系办公室", Organisation.TRIPARTITE);
    user("entassoc", "企业家协会", "联络员", Organisation.ENTERPRISE_ASSOCIATION);
    user("federation", "工商联", "联络员", Organisation.INDUSTRY_COMMERCE_FEDERATION);
    for (ReportingUnit unit : List.of(ReportingUnit.SHIZHONG, ReportingUnit.WUTONGQIAO)) {
      String code = unit.name().toLowerCase();
      user("union" + code, unit.chineseName() + "总工会", "协商指导员", unit.unionGroup());
      user("bureau" + code, unit.chineseName() + "人社局", "监察员", unit.labourBureauGroup());
    }
    user("ent1", "示范机械", "人力资源部", "enterprise-" + ENTERPRISE_1);
    user("entunion1", "示范机械", "工会主席", "enterprise-union-" + ENTERPRISE_1);
    user("ent2", "示范化工", "人力资源部", "enterprise-" + ENTERPRISE_2);
    user("entunion2", "示范化工", "工会主席", "enterprise-union-" + ENTERPRISE_2);
  }

  private void user(String id, String lastName, String firstName, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User u = identityService.newUser(id);
      u.setFirstName(firstName);
      u.setLastName(lastName);
      u.setPassword(PASSWORD);
      u.setEmail(id + "@demo.invalid");
      identityService.saveUser(u);
      identityService.createMembership(id, group);
    }
  }
}
