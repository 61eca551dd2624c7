package cn.collectivenegotiation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.CollectiveNegotiationApplication;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.identity.EnterpriseGroups;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.Offers;
import cn.collectivenegotiation.offer.ReportingUnit;
import cn.collectivenegotiation.registry.Enterprise;
import cn.collectivenegotiation.registry.EnterpriseRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.aopalliance.intercept.MethodInterceptor;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Two first offers to an enterprise the registry does not know yet, sent at the same moment, on both databases the
 * product runs on. The race is made, not hoped for: the first offer is held just before its commit (its registry row,
 * groups and grants written, not committed) while the second is sent, and let go only once the second waits for one
 * of the first's locks. The second then meets every row the first wrote and must still be created.
 */
class FirstOffersConcurrencyTest {

  static final String SHIZHONG_OFFICER_2 = "officersz2";

  final List<AutoCloseable> opened = new ArrayList<>();
  final ExecutorService senders = Executors.newFixedThreadPool(2);
  final HeldCommit held = new HeldCommit();

  ConfigurableApplicationContext app;
  TestRestTemplate http;
  boolean postgres;

  @AfterEach
  void stop() throws Exception {
    senders.shutdownNow();
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  @DisplayName("H2：同一家新企业同时收到两份首次要约（两名干部、区域性与单独、两份区域性）→ 均为201，企业登记一次，两个组各一个，各要约对应的组可见")
  void onH2() {
    start("--spring.datasource.url=jdbc:h2:mem:first-offers;DB_CLOSE_DELAY=-1");
    races();
  }

  @Test
  @DisplayName("PostgreSQL：同一家新企业同时收到两份首次要约 → 均为201，企业登记一次，两个组各一个，各要约对应的组可见")
  void onPostgres() throws Exception {
    EmbeddedPostgres database = EmbeddedPostgres.builder().start();
    opened.add(database);
    postgres = true;
    start("--spring.profiles.active=postgres",
        "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
    races();
  }

  void races() {
    String today = LegalTime.today().toString();

    // two officers of one unit, a single offer each to the same new enterprise
    Map<String, Object> single = Offers.unionOffer(today, 7100, "SHIZHONG", 320);
    List<String> two = race(TestUsers.SHIZHONG_OFFICER, single, SHIZHONG_OFFICER_2, new HashMap<>(single));
    registeredOnce(7100, "测试企业7100", ReportingUnit.SHIZHONG);
    for (String number : two) {
      seenBy(number, 7100);
      notSeenBy(number, TestUsers.WUTONGQIAO_OFFICER);
    }

    // a regional offer covering a new enterprise, and a single offer to it
    Map<String, Object> regional = regional(7200, 7201, 7202);
    Map<String, Object> toCovered = Offers.unionOffer(today, 7201, "WUTONGQIAO", 120);
    List<String> mixed = race(TestUsers.WUTONGQIAO_OFFICER, regional, TestUsers.WUTONGQIAO_OFFICER, toCovered);
    registeredOnce(7201, "测试企业7201", ReportingUnit.WUTONGQIAO);
    registeredOnce(7202, "测试企业7202", ReportingUnit.WUTONGQIAO);
    groupsOnce(7200, ReportingUnit.WUTONGQIAO);
    seenBy(mixed.get(0), 7200, 7201, 7202);
    seenBy(mixed.get(1), 7201);
    notSeenBy(mixed.get(1), member(7202));
    for (String number : mixed) {
      notSeenBy(number, TestUsers.SHIZHONG_OFFICER);
    }

    // two regional offers to the same new body, covering the same small enterprise
    List<String> regionals = race(TestUsers.WUTONGQIAO_OFFICER, regional(7300, 7301, 7302),
        TestUsers.WUTONGQIAO_OFFICER, regional(7300, 7302, 7303));
    for (int code : new int[] {7301, 7302, 7303}) {
      registeredOnce(code, "测试企业" + code, ReportingUnit.WUTONGQIAO);
    }
    groupsOnce(7300, ReportingUnit.WUTONGQIAO);
    seenBy(regionals.get(0), 7300, 7301, 7302);
    seenBy(regionals.get(1), 7300, 7302, 7303);
    notSeenBy(regionals.get(0), member(7303));
    notSeenBy(regionals.get(1), member(7301));

    // two regional offers to the same new body, covering enterprises the product knows already (an earlier offer
    // registered them): only the body's groups are new to both
    assertThat(post(TestUsers.WUTONGQIAO_OFFICER, regional(7410, 7401, 7402, 7403, 7404)).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    List<String> body = race(TestUsers.WUTONGQIAO_OFFICER, regional(7400, 7401, 7402),
        TestUsers.WUTONGQIAO_OFFICER, regional(7400, 7403, 7404));
    groupsOnce(7400, ReportingUnit.WUTONGQIAO);
    seenBy(body.get(0), 7400, 7401, 7402);
    seenBy(body.get(1), 7400, 7403, 7404);
    notSeenBy(body.get(0), member(7403));
  }

  void start(String... arguments) {
    List<String> args = new ArrayList<>(List.of(arguments));
    args.addAll(List.of("--server.port=0", "--camunda.bpm.admin-user.password=" + TestUsers.ADMIN_PASSWORD,
        "--camunda.bpm.job-execution.enabled=false", "--negotiation.mail.enabled=false"));
    app = new SpringApplicationBuilder(CollectiveNegotiationApplication.class)
        .initializers(context -> context.getBeanFactory().addBeanPostProcessor(held))
        .run(args.toArray(String[]::new));
    opened.add(app);
    http = new TestRestTemplate(new RestTemplateBuilder()
        .rootUri("http://localhost:" + app.getEnvironment().getProperty("local.server.port")));
    IdentityService identity = app.getBean(IdentityService.class);
    TestUsers.ensure(identity, Offers.ENTERPRISE);
    TestUsers.user(identity, SHIZHONG_OFFICER_2, "union-shizhong");
  }

  /** A regional offer of 五通桥区 to the body {@code body}, covering the enterprises {@code covered}. */
  static Map<String, Object> regional(int body, int... covered) {
    Map<String, Object> o = new HashMap<>();
    o.put("offerKind", "REGIONAL");
    o.put("offerorSide", "UNION");
    o.put("creditCode", Offers.creditCode(body));
    o.put("enterpriseName", "测试行业协会" + body);
    o.put("reportingUnit", "WUTONGQIAO");
    o.put("topics", List.of("WAGE_FLOOR", "LABOUR_QUOTA"));
    o.put("offerDate", LegalTime.today().toString());
    List<Map<String, Object>> enterprises = new ArrayList<>();
    for (int code : covered) {
      enterprises.add(Map.of("creditCode", Offers.creditCode(code), "enterpriseName", "测试企业" + code, "workforce", 40));
    }
    o.put("coveredEnterprises", enterprises);
    return o;
  }

  /**
   * Sends the first offer and holds it before its commit; sends the second, and lets the first commit once the
   * second waits for it. Both must be created: their offer numbers, first one first.
   */
  List<String> race(String firstUser, Map<String, Object> first, String secondUser, Map<String, Object> second) {
    held.arm();
    CompletableFuture<ResponseEntity<JsonNode>> one = CompletableFuture.supplyAsync(() -> post(firstUser, first), senders);
    CompletableFuture.anyOf(held.reached, one).join();
    assertThat(held.reached).as("the first offer reached its commit: %s", one.getNow(null)).isDone();

    CompletableFuture<ResponseEntity<JsonNode>> two = CompletableFuture.supplyAsync(() -> post(secondUser, second), senders);
    boolean waited = false;
    while (!two.isDone() && !(waited = anotherTransactionWaits())) {
      LockSupport.parkNanos(1_000_000); // a pause between two looks, not a wait for a time
    }
    held.release.complete(null);

    List<String> numbers = new ArrayList<>();
    for (ResponseEntity<JsonNode> sent : List.of(one.join(), two.join())) {
      assertThat(sent.getStatusCode()).as(String.valueOf(sent.getBody())).isEqualTo(HttpStatus.CREATED);
      numbers.add(sent.getBody().get("offerNumber").asText());
    }
    assertThat(numbers.get(0)).isNotEqualTo(numbers.get(1));
    assertThat(waited).as("the second offer waited for the first's uncommitted rows: the race took place").isTrue();
    return numbers;
  }

  ResponseEntity<JsonNode> post(String user, Map<String, Object> offer) {
    return http.withBasicAuth(user, TestUsers.password(user)).postForEntity("/api/offers", offer, JsonNode.class);
  }

  /**
   * Whether a transaction waits for another's lock. PostgreSQL lists the lock it waits for; H2 names the session it
   * waits for at a row lock, but not at a key another transaction has inserted and not committed: there the waiting
   * session is seen executing its insert into the registry, the engine's groups or its authorizations. (So in each
   * race below the second's first such insert is one that meets the first's rows.)
   */
  boolean anotherTransactionWaits() {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    Integer waiting = postgres
        ? jdbc.queryForObject("SELECT COUNT(*) FROM pg_locks WHERE NOT granted", Integer.class)
        : jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()"
            + " AND (BLOCKER_ID IS NOT NULL OR UPPER(EXECUTING_STATEMENT) LIKE 'INSERT INTO ENTERPRISE%'"
            + " OR UPPER(EXECUTING_STATEMENT) LIKE '%INSERT INTO ACT_ID_GROUP%'"
            + " OR UPPER(EXECUTING_STATEMENT) LIKE '%INSERT INTO ACT_RU_AUTHORIZATION%')", Integer.class);
    return waiting != null && waiting > 0;
  }

  void registeredOnce(int n, String name, ReportingUnit unit) {
    String code = Offers.creditCode(n);
    Enterprise e = app.getBean(EnterpriseRegistry.class).find(code).orElseThrow();
    assertThat(e.name()).isEqualTo(name);
    assertThat(e.reportingUnit()).isEqualTo(unit);
    assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM enterprise WHERE credit_code = ?",
        Integer.class, code)).isEqualTo(1);
    groupsOnce(n, unit);
  }

  /** The enterprise's two groups, named after it, each readable by the unit's union (one grant each). */
  void groupsOnce(int n, ReportingUnit unit) {
    String code = Offers.creditCode(n);
    List<Group> groups = app.getBean(IdentityService.class).createGroupQuery()
        .groupIdIn(EnterpriseGroups.managementGroup(code), EnterpriseGroups.unionGroup(code)).orderByGroupId().asc().list();
    assertThat(groups).extracting(Group::getId)
        .containsExactly(EnterpriseGroups.managementGroup(code), EnterpriseGroups.unionGroup(code));
    assertThat(groups).extracting(Group::getName).allSatisfy(name -> assertThat(name).contains(String.valueOf(n)));
    AuthorizationService authorizations = app.getBean(AuthorizationService.class);
    for (Group g : groups) {
      assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.GROUP).resourceId(g.getId())
          .groupIdIn(unit.unionGroup()).count()).as("%s readable by %s", g.getId(), unit.unionGroup()).isEqualTo(1);
    }
  }

  /** A person of enterprise n's management, made once (after its group exists). */
  String member(int n) {
    String user = "m" + Offers.creditCode(n).toLowerCase();
    TestUsers.user(app.getBean(IdentityService.class), user, EnterpriseGroups.managementGroup(Offers.creditCode(n)));
    return user;
  }

  void seenBy(String number, int... enterprises) {
    for (int n : enterprises) {
      assertThat(read(member(n), number)).as("%s read by enterprise %d", number, n).isEqualTo(HttpStatus.OK);
    }
  }

  void notSeenBy(String number, String user) {
    assertThat(read(user, number)).as("%s read by %s", number, user).isEqualTo(HttpStatus.FORBIDDEN);
  }

  HttpStatus read(String user, String number) {
    return HttpStatus.valueOf(http.withBasicAuth(user, TestUsers.password(user))
        .getForEntity("/api/offers/" + number, JsonNode.class).getStatusCode().value());
  }

  /**
   * Holds, once armed, the first transaction that registers an enterprise just before its commit (after the engine
   * has written its rows) until released.
   */
  static final class HeldCommit implements BeanPostProcessor {
    final AtomicBoolean armed = new AtomicBoolean();
    volatile CompletableFuture<Void> reached = new CompletableFuture<>();
    volatile CompletableFuture<Void> release = new CompletableFuture<>();

    void arm() {
      reached = new CompletableFuture<>();
      release = new CompletableFuture<>();
      armed.set(true);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
      if (!(bean instanceof EnterpriseRegistry)) {
        return bean;
      }
      ProxyFactory proxy = new ProxyFactory(bean);
      proxy.setProxyTargetClass(true);
      proxy.addAdvice((MethodInterceptor) call -> {
        Object result = call.proceed();
        if (call.getMethod().getName().equals("registerIfAbsent") && armed.compareAndSet(true, false)) {
          CompletableFuture<Void> reachedNow = reached;
          CompletableFuture<Void> releaseNow = release;
          TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              reachedNow.complete(null);
              releaseNow.join();
            }
          });
        }
        return result;
      });
      return proxy.getProxy();
    }
  }
}
