package cn.collectivenegotiation.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code V11} on a database that has campaigns, offers and a registry already (written as the product before
 * V11 wrote them): the tallies it fills give the table the recount gives.
 */
class CampaignTallyMigrationTest {

  static final String[] UNITS = {"SHIZHONG", "SHAWAN", "MUCHUAN"};
  static final String[] STATUSES = {"AWAITING_RESPONSE", "RECTIFICATION", "LABOUR_BUREAU", "ACCEPTED", "CLOSED",
      "FILING"};

  @Test
  @DisplayName("迁移 V11：已有活动按已有要约和名录补齐累计，结果与逐行重新统计一致")
  void fillsTheCampaignsThatExist() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:tally-migration;DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(MigrationVersion.fromVersion("10"))
        .load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    LocalDate start = LocalDate.parse("2018-03-01");
    LocalDate end = LocalDate.parse("2018-03-31");
    jdbc.update("INSERT INTO campaign (id, name, start_date, end_date, report_deadline, target_rate, created_at)"
        + " VALUES ('7', '2018年度集中要约月', ?, ?, ?, 0.92, ?)", Date.valueOf(start), Date.valueOf(end),
        Date.valueOf(end.plusDays(2)), Timestamp.from(Instant.now()));
    Random random = new Random(2018);
    for (int n = 0; n < 300; n++) {
      String unit = UNITS[random.nextInt(UNITS.length)];
      boolean regional = random.nextInt(4) == 0;
      LocalDate date = start.minusDays(10).plusDays(random.nextInt(50));
      String status = STATUSES[random.nextInt(STATUSES.length)];
      String contract = random.nextInt(5) == 0 ? (random.nextBoolean() ? "RENEWED" : "NEW") : null;
      jdbc.update("""
          INSERT INTO offer_record (offer_id, credit_code, offer_number, kind, reporting_unit, enterprise_name,
            workforce, offer_date, response_due_at, responded_on, escalated, status, contract_kind, covered_workers)
          VALUES (?, ?, ?, ?, ?, '企业', 100, ?, ?, ?, ?, ?, ?, ?)""", "offer-" + n,
          "91511102MA62" + unit.charAt(1) + random.nextInt(6), "2018-" + n, regional ? "REGIONAL" : "SINGLE", unit,
          Date.valueOf(date), Timestamp.valueOf(date.plusDays(21).atStartOfDay()),
          random.nextBoolean() ? Date.valueOf(date.plusDays(5)) : null, random.nextInt(3) == 0, status, contract,
          contract == null ? null : 10 + random.nextInt(300));
    }
    for (int n = 0; n < 40; n++) {
      boolean contract = random.nextBoolean();
      jdbc.update("""
          INSERT INTO enterprise (credit_code, name, reporting_unit, workforce, union_present, collective_contract,
            special_contract, contract_end_date, minimum_wage_pay, tense_relations, in_difficulty, restructuring,
            severe_hazards, updated_at)
          VALUES (?, '名录企业', ?, 50, ?, ?, FALSE, ?, FALSE, FALSE, FALSE, FALSE, FALSE, ?)""",
          "E" + n, UNITS[n % 3], random.nextInt(4) != 0, contract,
          contract && random.nextBoolean() ? Date.valueOf(end.plusDays(random.nextInt(5) - 2)) : null,
          Timestamp.from(Instant.now()));
    }

    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

    TallyGates gates = new TallyGates(jdbc);
    CampaignStatistics statistics = new CampaignStatistics(jdbc, new CampaignTally(jdbc, gates),
        new EstablishmentRateTally(jdbc, gates));
    Campaign campaign = new Campaign("7", "2018年度集中要约月", start, end, end.plusDays(2),
        new java.math.BigDecimal("0.92"), null);
    for (int day = -5; day < 40; day += 3) {
      TallyCheck.agree(statistics, campaign, start.plusDays(day).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
    }
    StatisticsTable table = TallyCheck.agree(statistics, campaign, end.atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
    assertThat(table.city().total().offered()).isGreaterThan(10);
    assertThat(table.city().total().renewed().enterprises()).isGreaterThan(0);
    assertThat(table.city().overdue()).isGreaterThan(0);
    assertThat(table.units()).filteredOn(u -> u.establishmentRate() != null).hasSize(3);
  }
}
