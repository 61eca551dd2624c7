package cn.collectivenegotiation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.CollectiveNegotiationApplication;
import cn.collectivenegotiation.campaign.Campaign;
import cn.collectivenegotiation.campaign.CampaignStatistics;
import cn.collectivenegotiation.campaign.Campaigns;
import cn.collectivenegotiation.campaign.OfferMix;
import cn.collectivenegotiation.campaign.StatisticsTable;
import cn.collectivenegotiation.campaign.TallyCheck;
import cn.collectivenegotiation.identity.TestUsers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The kept campaign table ({@code campaign/CampaignTally}) on both databases the product runs on, each in a
 * product of its own (no test listener shares the engine's threads): the seeded mix of {@link OfferMix}, then
 * offers of one unit to the same enterprises started and answered from 8 threads at once. On PostgreSQL an
 * error aborts the whole transaction, so a member row inserted twice or a deadlock would fail a start here.
 */
class CampaignTallyConcurrencyTest {

  final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    ClockUtil.reset();
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  ConfigurableApplicationContext product(String... arguments) {
    List<String> args = new ArrayList<>(List.of(arguments));
    args.addAll(List.of("--server.port=0", "--camunda.bpm.admin-user.password=" + TestUsers.ADMIN_PASSWORD,
        "--camunda.bpm.job-execution.enabled=false", "--negotiation.mail.enabled=false"));
    ConfigurableApplicationContext app = new SpringApplicationBuilder(CollectiveNegotiationApplication.class)
        .run(args.toArray(String[]::new));
    opened.add(app);
    return app;
  }

  void mixAndRace(ConfigurableApplicationContext app) throws Exception {
    CampaignStatistics statistics = app.getBean(CampaignStatistics.class);
    OfferMix mix = new OfferMix(app.getBean(ProcessEngine.class), statistics, app.getBean(Campaigns.class), 20190301L);
    mix.run(LocalDate.parse("2019-03-01"));
    Campaign first = mix.started.get(0);
    StatisticsTable.Row before = TallyCheck.agree(statistics, first, ClockUtil.getCurrentTime().toInstant())
        .city().single();

    mix.concurrently(first.startDate().plusDays(3), 8, 4);

    StatisticsTable.Row after = TallyCheck.agree(statistics, first, ClockUtil.getCurrentTime().toInstant())
        .city().single();
    // 3 enterprises new to the period, 35 offers to them, every one of the 32 started at once answered
    assertThat(after.offered()).isEqualTo(before.offered() + 3);
    assertThat(after.responded()).isEqualTo(before.responded() + 3);
    assertThat(mix.checks).isGreaterThan(50);
  }

  @Test
  @DisplayName("H2：随机要约与8个线程同时发起、应约后，累计的统计表与逐行重新统计一致")
  void onH2() throws Exception {
    mixAndRace(product("--spring.datasource.url=jdbc:h2:mem:tally-concurrency;DB_CLOSE_DELAY=-1"));
  }

  @Test
  @DisplayName("PostgreSQL：随机要约与8个线程同时发起、应约后，累计的统计表与逐行重新统计一致")
  void onPostgres() throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    opened.add(postgres);
    mixAndRace(product("--spring.profiles.active=postgres",
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
  }
}
