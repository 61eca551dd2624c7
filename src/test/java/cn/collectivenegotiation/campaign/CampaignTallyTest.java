package cn.collectivenegotiation.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProcessTestBase;
import cn.collectivenegotiation.offer.OfferProcess;
import cn.collectivenegotiation.offer.Offers;
import cn.collectivenegotiation.offer.ReportingUnit;
import cn.collectivenegotiation.registry.Enterprise;
import cn.collectivenegotiation.registry.EnterpriseRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The campaign table kept per campaign, unit and kind ({@link CampaignTally}) equals the table counted afresh
 * from every offer row ({@link CampaignStatistics#recount}), after a seeded random life of offers through the
 * real engine ({@link OfferMix}), and after starts committed together or rolled back. Runs in 2019 so that its
 * campaigns hold its own offers only. Many threads at once: {@code CampaignTallyConcurrencyTest}.
 */
class CampaignTallyTest extends ProcessTestBase {

  @Autowired CampaignStatistics statistics;
  @Autowired Campaigns campaigns;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired EnterpriseRegistry registry;

  @Test
  @DisplayName("集中要约月统计表：按单位与类别累计的结果与逐行重新统计完全一致（随机要约、同一事务多次发起、事务回滚、名录导入后的建制率）")
  void keptTableEqualsTheRecount() throws Exception {
    OfferMix mix = new OfferMix(engine, statistics, campaigns, 20190201L);
    mix.run(LocalDate.parse("2019-02-01"));
    Campaign first = mix.started.get(0);
    Campaign second = mix.started.get(1);
    Instant now = ClockUtil.getCurrentTime().toInstant();

    // the mix reached what the table counts: the check compares something
    StatisticsTable table = TallyCheck.agree(statistics, first, now);
    assertThat(table.city().single().offered()).as("enterprises reached by single offers").isGreaterThan(5);
    assertThat(table.city().regional().offered()).as("enterprises covered by regional offers").isGreaterThan(5);
    assertThat(table.city().total().responded()).isGreaterThan(0).isLessThan(table.city().total().offered());
    assertThat(table.city().total().renewed().enterprises()).isGreaterThan(0);
    assertThat(table.city().total().newlySigned().enterprises()).isGreaterThan(0);
    assertThat(table.city().escalated()).isGreaterThan(0);
    Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM offer_record WHERE offer_date BETWEEN ? AND ?", Long.class,
        java.sql.Date.valueOf(first.startDate()), java.sql.Date.valueOf(first.endDate()));
    assertThat(table.city().total().offered()).as("an enterprise reached by several offers counts once")
        .isLessThan(rows);
    assertThat(mix.mostOverdue).as("逾期未应约 at some check").isGreaterThan(0);
    // the second campaign was started after offers of its period existed, and counted them
    assertThat(TallyCheck.agree(statistics, second, now).city().total().offered()).isGreaterThan(5);
    assertThat(mix.checks).isGreaterThan(50);

    // several starts in one transaction, and a transaction rolled back
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.executeWithoutResult(s -> {
      for (int i = 0; i < 5; i++) {
        engine.getRuntimeService().startProcessInstanceByKey(OfferProcess.KEY,
            Offers.unionOffer(second.startDate().plusDays(2).toString(), 8_800 + i % 2, "SHAWAN", 50));
      }
    });
    StatisticsTable before = TallyCheck.agree(statistics, second, now);
    tx.executeWithoutResult(s -> {
      engine.getRuntimeService().startProcessInstanceByKey(OfferProcess.KEY,
          Offers.unionOffer(second.startDate().plusDays(2).toString(), 8_900, "SHAWAN", 50));
      s.setRollbackOnly();
    });
    assertThat(TallyCheck.agree(statistics, second, now)).isEqualTo(before);

    // the registry imported: enterprises the offers registered get a union or lose it, contracts ending before,
    // on and after the first campaign's end, one moves to another unit; and new ones
    Map<String, Enterprise> imported = new LinkedHashMap<>();
    List<LocalDate> ends = Arrays.asList(first.endDate().minusDays(1), first.endDate(), first.endDate().plusDays(1),
        null);
    for (int i = 0; i < 12; i++) {
      String code = Offers.creditCode(i < 6 ? 8_000 + i % 5 + i % 3 * 100 : 8_950 + i);
      imported.put(code, new Enterprise(code, "名录企业" + i, ReportingUnit.valueOf(i == 4 ? "JINGYAN" : OfferMix.UNITS[i % 3]),
          "制造业", 100, null, i % 4 != 0, i % 2 == 0, false, ends.get(i % 4), false, false, false, false, false, null,
          "test"));
    }
    registry.saveAll(List.copyOf(imported.values()), "test");
    assertThat(TallyCheck.agree(statistics, first, now).units()).filteredOn(u -> u.establishmentRate() != null)
        .hasSizeGreaterThanOrEqualTo(3);
    mix.checkAll();
  }
}
