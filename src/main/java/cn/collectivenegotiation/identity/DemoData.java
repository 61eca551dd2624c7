package cn.collectivenegotiation.identity;

import cn.collectivenegotiation.offer.ReportingUnit;
import java.util.List;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.registry.Enterprise;
import cn.collectivenegotiation.registry.EnterpriseRegistry;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo people (profile {@code demo} only, password {@link #PASSWORD}): officers of two reporting units,
 * the city, the tripartite committee, and two enterprises with their unions. Never in production.
 */
@Component
@Profile("demo")
@Order(2)
public class DemoData implements ApplicationRunner {

  /** Every demo user's, and the demo administrator's (application-demo.yaml); it meets the password policy. */
  public static final String PASSWORD = "Xieshang@2026";

  /** Demo enterprises: credit code (with a valid check character) and name. */
  public static final String ENTERPRISE_1 = "91511102MA62B0002G";
  public static final String ENTERPRISE_2 = "91511111MA62C0003C";
  /** A third enterprise in 五通桥区, covered with the second by the demo industry association. */
  public static final String ENTERPRISE_3 = "91511112MA62D0004M";
  /** The demo industry association (a 社会团体 code, 51…), the enterprise side of a regional offer. */
  public static final String ASSOCIATION = "51511112MJ62000170";

  private final IdentityService identityService;

  private final EnterpriseRegistry registry;
  private final EnterpriseGroups enterpriseGroups;

  public DemoData(IdentityService identityService, EnterpriseRegistry registry, EnterpriseGroups enterpriseGroups) {
    this.identityService = identityService;
    this.registry = registry;
    this.enterpriseGroups = enterpriseGroups;
  }

  @Override
  public void run(ApplicationArguments args) {
    // the groups production makes when an enterprise is registered or an offer reaches it
    String shizhong = ReportingUnit.SHIZHONG.unionGroup();
    String wutongqiao = ReportingUnit.WUTONGQIAO.unionGroup();
    enterpriseGroups.ensure(List.of(new EnterpriseGroups.Named(ENTERPRISE_1, "乐山市示范机械有限公司").readableBy(shizhong),
        new EnterpriseGroups.Named(ENTERPRISE_2, "五通桥示范化工有限公司").readableBy(wutongqiao),
        new EnterpriseGroups.Named(ENTERPRISE_3, "五通桥示范盐化有限公司").readableBy(wutongqiao),
        new EnterpriseGroups.Named(ASSOCIATION, "乐山市五通桥区化工行业协会").readableBy(wutongqiao)));

    user("cityunion", "市总工会", "组宣部", CurrentUser.CITY_UNION);
    user("citybureau", "市人社局", "劳动关系科", CurrentUser.CITY_LABOUR_BUREAU);
    user("tripartite", "三方", "协调劳动关系办公室", Organisation.TRIPARTITE);
    user("entassoc", "企业家协会", "联络员", Organisation.ENTERPRISE_ASSOCIATION);
    user("federation", "工商联", "联络员", Organisation.INDUSTRY_COMMERCE_FEDERATION);
    user("monitor", "运维", "监控", Organisation.MONITORING);
    for (ReportingUnit unit : List.of(ReportingUnit.SHIZHONG, ReportingUnit.WUTONGQIAO)) {
      String code = unit.name().toLowerCase();
      user("union" + code, unit.chineseName() + "总工会", "协商指导员", unit.unionGroup());
      user("bureau" + code, unit.chineseName() + "人社局", "监察员", unit.labourBureauGroup());
      user("instructor" + code, unit.chineseName() + "总工会", "集体协商指导员", unit.instructorGroup());
    }
    user("ent1", "示范机械", "人力资源部", "enterprise-" + ENTERPRISE_1);
    user("entunion1", "示范机械", "工会主席", "enterprise-union-" + ENTERPRISE_1);
    user("ent2", "示范化工", "人力资源部", "enterprise-" + ENTERPRISE_2);
    user("entunion2", "示范化工", "工会主席", "enterprise-union-" + ENTERPRISE_2);
    user("ent3", "示范盐化", "人力资源部", "enterprise-" + ENTERPRISE_3);
    user("entunion3", "示范盐化", "工会主席", "enterprise-union-" + ENTERPRISE_3);
    user("assoc1", "化工行业协会", "秘书长", "enterprise-" + ASSOCIATION);

    // the registry, so that priority targets and topic recommendations have something to show
    LocalDate today = LegalTime.today();
    List<Enterprise> enterprises = List.of(
        new Enterprise(ENTERPRISE_1, "乐山市示范机械有限公司", ReportingUnit.SHIZHONG, "制造业", 320, 85, true, true, false,
            today.plusDays(60), false, false, false, false, false, null, "demo"),
        new Enterprise(ENTERPRISE_2, "五通桥示范化工有限公司", ReportingUnit.WUTONGQIAO, "化学原料和化学制品制造业", 180, 120,
            true, false, false, null, true, false, false, false, true, null, "demo"),
        new Enterprise(ENTERPRISE_3, "五通桥示范盐化有限公司", ReportingUnit.WUTONGQIAO, "化学原料和化学制品制造业", 260, 60,
            true, false, false, null, false, false, true, true, false, null, "demo"));
    List<Enterprise> missing = enterprises.stream().filter(e -> registry.find(e.creditCode()).isEmpty()).toList();
    registry.saveAll(missing, "demo");
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
