package cn.collectivenegotiation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.collectivenegotiation.CollectiveNegotiationApplication;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Demo people only in the demo profile; production refuses to start without an admin password, or with one the
 * password policy refuses.
 */
class ProfilesTest {

  /** An administrator password an operator might choose: it meets the policy. */
  static final String STRONG = "Anquan#2026!";

  /**
   * Its own engine name: the engines of one JVM share Camunda's static registry, and closing one
   * named "default" would unregister the engine the other tests' REST API uses.
   */
  static SpringApplicationBuilder app() {
    return new SpringApplicationBuilder(CollectiveNegotiationApplication.class)
        .properties("camunda.bpm.process-engine-name=profiles-test");
  }

  @Test
  @DisplayName("未设置管理员密码（非演示环境）→ 拒绝启动，并指明 CAMUNDA_ADMIN_PASSWORD")
  void productionNeedsAnAdminPassword() {
    assertThatThrownBy(() -> app().run("--spring.datasource.url=jdbc:h2:mem:no-password", "--server.port=0",
            "--camunda.bpm.job-execution.enabled=false").close())
        .hasStackTraceContaining("CAMUNDA_ADMIN_PASSWORD");
  }

  @Test
  @DisplayName("PostgreSQL 配置未设置 POSTGRES_PASSWORD → 拒绝启动并指明该变量，不把字面的 ${POSTGRES_PASSWORD} 当密码发给数据库")
  void postgresNeedsItsPassword() {
    Assumptions.assumeTrue(System.getenv("POSTGRES_PASSWORD") == null, "POSTGRES_PASSWORD is set here");
    assertThatThrownBy(() -> app().profiles("postgres").run("--server.port=0",
            "--camunda.bpm.admin-user.password=" + STRONG, "--camunda.bpm.job-execution.enabled=false").close())
        .hasStackTraceContaining("未设置数据库密码：请设置环境变量 POSTGRES_PASSWORD")
        .hasStackTraceContaining("set POSTGRES_PASSWORD");
  }

  @Test
  @DisplayName("管理员密码不符合密码策略 → 拒绝启动，指明 CAMUNDA_ADMIN_PASSWORD、密码策略设置和未满足的要求")
  void productionRefusesAWeakAdminPassword() {
    assertThatThrownBy(() -> app().run("--spring.datasource.url=jdbc:h2:mem:weak-password", "--server.port=0",
            "--camunda.bpm.admin-user.password=s3cret", "--camunda.bpm.job-execution.enabled=false").close())
        .hasStackTraceContaining("管理员密码不符合密码策略")
        .hasStackTraceContaining("CAMUNDA_ADMIN_PASSWORD")
        .hasStackTraceContaining(PasswordRules.SETTING)
        .hasStackTraceContaining("至少10个字符、至少1个大写字母、至少1个特殊字符")
        .hasStackTraceContaining("at least 10 characters");
    // long and mixed, but it contains the administrator's id
    assertThatThrownBy(() -> app().run("--spring.datasource.url=jdbc:h2:mem:weak-password", "--server.port=0",
            "--camunda.bpm.admin-user.password=Admin#2026xyz", "--camunda.bpm.job-execution.enabled=false").close())
        .hasStackTraceContaining("管理员密码不符合密码策略（" + PasswordRules.SETTING + "）：须满足不得包含用户名、姓名或邮箱");
  }

  @Test
  @DisplayName("生产环境没有演示用户；演示环境有各角色的演示用户和三个任务过滤器")
  void demoUsersOnlyInTheDemoProfile() {
    try (ConfigurableApplicationContext production = app().run("--spring.datasource.url=jdbc:h2:mem:production",
        "--server.port=0", "--camunda.bpm.admin-user.password=" + STRONG, "--camunda.bpm.job-execution.enabled=false")) {
      IdentityService identity = production.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().count()).as("only the administrator").isEqualTo(1);
      assertThat(identity.checkPassword("admin", STRONG)).isTrue();
      assertThat(identity.createGroupQuery().groupId("union-shizhong").count()).as("standing groups exist").isEqualTo(1);
    }
    try (ConfigurableApplicationContext demo = app().profiles("demo").run("--spring.datasource.url=jdbc:h2:mem:demo",
        "--server.port=0", "--camunda.bpm.job-execution.enabled=false")) {
      IdentityService identity = demo.getBean(IdentityService.class);
      for (String user : new String[] {"unionshizhong", "ent1", "entunion1", "bureaushizhong", "tripartite", "cityunion", "assoc1", "entunion3", "demo"}) {
        assertThat(identity.checkPassword(user, DemoData.PASSWORD)).as(user).isTrue();
      }
      assertThat(identity.createUserQuery().memberOfGroup("enterprise-" + DemoData.ENTERPRISE_1).singleResult().getId())
          .isEqualTo("ent1");
      // the demo registry: 示范化工 pays the minimum wage and has no contract, so it is a priority target
      var registry = demo.getBean(cn.collectivenegotiation.registry.EnterpriseRegistry.class);
      assertThat(registry.find(DemoData.ENTERPRISE_2)).hasValueSatisfying(e -> assertThat(e.minimumWagePay()).isTrue());
      assertThat(demo.getBean(cn.collectivenegotiation.registry.EnterpriseDecisions.class)
          .keyTargets(registry.list(cn.collectivenegotiation.offer.ReportingUnit.WUTONGQIAO)))
          .extracting(t -> t.creditCode()).contains(DemoData.ENTERPRISE_2, DemoData.ENTERPRISE_3);
      assertThat(demo.getBean(FilterService.class).createFilterQuery().list())
          .extracting(f -> f.getName()).contains("我的待办", "即将到期", "已逾期");
    }
  }
}
