package cn.collectivenegotiation.registry;

import static cn.collectivenegotiation.registry.RegistryFiles.code;
import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.offer.ReportingUnit;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registry's migration and upsert on PostgreSQL, the production database (the other tests run on
 * H2): the same SQL must work on both.
 */
class EnterpriseRegistryOnPostgresTest {

  static EmbeddedPostgres postgres;
  static EnterpriseRegistry registry;

  @BeforeAll
  static void migrate() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    registry = new EnterpriseRegistry(new JdbcTemplate(postgres.getPostgresDatabase()));
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  static Enterprise enterprise(String creditCode, int workforce, Integer women, LocalDate end) {
    return new Enterprise(creditCode, "乐山市登记测试企业", ReportingUnit.SHIZHONG, null, workforce, women, true,
        end != null, false, end, false, true, false, false, false, null, null);
  }

  @Test
  @DisplayName("PostgreSQL 上：首次导入新建，再次导入更新，空值与日期原样保存")
  void upsertOnPostgres() {
    LocalDate end = LocalDate.of(2027, 3, 31);
    EnterpriseRegistry.Saved first = registry.saveAll(
        List.of(enterprise(code(901), 120, null, end), enterprise(code(902), 80, 30, null)), "officer");
    assertThat(first).isEqualTo(new EnterpriseRegistry.Saved(2, 0));

    EnterpriseRegistry.Saved again = registry.saveAll(
        List.of(enterprise(code(901), 150, 70, end), enterprise(code(903), 10, null, null)), "city");
    assertThat(again).isEqualTo(new EnterpriseRegistry.Saved(1, 1));

    assertThat(registry.count()).isEqualTo(3);
    Enterprise updated = registry.find(code(901)).orElseThrow();
    assertThat(updated.workforce()).isEqualTo(150);
    assertThat(updated.womenWorkers()).isEqualTo(70);
    assertThat(updated.contractEndDate()).isEqualTo(end);
    assertThat(updated.tenseRelations()).isTrue();
    assertThat(updated.updatedBy()).isEqualTo("city");
    assertThat(registry.find(code(902)).orElseThrow().contractEndDate()).isNull();
    assertThat(registry.list(ReportingUnit.SHIZHONG)).extracting(Enterprise::creditCode)
        .containsExactly(code(901), code(902), code(903));
    assertThat(registry.unitsOf(List.of(code(902), code(999)))).containsOnlyKeys(code(902));
  }
}
