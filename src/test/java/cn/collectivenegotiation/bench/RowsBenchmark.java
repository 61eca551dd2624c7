package cn.collectivenegotiation.bench;

import cn.collectivenegotiation.identity.CurrentUser;
import cn.collectivenegotiation.offer.OfferService;
import cn.collectivenegotiation.offer.Offers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Figure 6, deterministic where the timings are not: what the product writes against the bare model for the
 * same work, on the same database. {@code rows.start.*}: rows added per offer started (the product through
 * {@link OfferService}, the Java service behind {@code POST /api/offers}, as the api figure's officer; the bare
 * model through the Java API, as the api figure's baseline), counted table by table before and after
 * ({@code #} lines: every table that changed). {@code writes.start.*}: the SQL INSERT, UPDATE and DELETE
 * statements the engine sent for them (a MyBatis interceptor on the engine's sessions; the product's own tables
 * are written with JDBC and show in the row counts only), which also counts a row updated after its insert.
 * {@code rows.campaign.*}, {@code writes.campaign.*}: the same for 20 offers through the campaign figure's mix
 * (one of each of its 20 places), per offer; runtime rows of ended instances are gone again, so rows there are
 * what stays. {@code variables.*}: the variables of one started offer's process instance.
 */
final class RowsBenchmark {

  private RowsBenchmark() {}

  static void run(ProcessEngine engine, DataSource dataSource, OfferService offers, int n, LocalDate day)
      throws Exception {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    WriteCounter writes = new WriteCounter();
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(writes);
    Bench.note("history event handlers: " + configuration.getCustomHistoryEventHandlers().stream()
        .map(h -> h.getClass().getSimpleName()).toList() + (configuration.isEnableDefaultDbHistoryEventHandler()
        ? " after Camunda's default database handler" : ""));
    CurrentUser officer = new CurrentUser(ApiBenchmark.OFFICER, List.of("union-shizhong"));
    Clock.set(day);

    String[] last = new String[1];
    Figure product = measure(dataSource, writes, () -> {
      for (int i = 0; i < n; i++) {
        last[0] = offers.send(Offers.unionOffer(day.toString(), 90_000 + i, "SHIZHONG", 20 + i), officer).processInstanceId();
      }
    });
    String productInstance = last[0];
    Figure bare = measure(dataSource, writes, () -> {
      for (int i = 0; i < n; i++) {
        last[0] = engine.getRuntimeService().startProcessInstanceByKey(ChainModel.BARE.key,
            ChainModel.BARE.offer(90_000 + i, day)).getId();
      }
    });
    report("start", n, product, bare);
    List<VariableInstance> productVariables = engine.getRuntimeService().createVariableInstanceQuery()
        .processInstanceIdIn(productInstance).list();
    List<VariableInstance> bareVariables = engine.getRuntimeService().createVariableInstanceQuery()
        .processInstanceIdIn(last[0]).list();
    Bench.print("variables.product", productVariables.size(), "variables");
    Bench.print("variables.bare", bareVariables.size(), "variables");
    Bench.note("product's variables after the start: " + productVariables.stream().map(VariableInstance::getName)
        .sorted().collect(Collectors.joining(" ")));

    if (Boolean.parseBoolean(System.getProperty("bench.rows.campaign", "true"))) {
      int mix = 20;
      Figure productMix = measure(dataSource, writes,
          () -> CampaignBenchmark.run(engine, ChainModel.PRODUCT, mix, 1, 95_000, day));
      Figure bareMix = measure(dataSource, writes,
          () -> CampaignBenchmark.run(engine, ChainModel.BARE, mix, 1, 95_000, day));
      report("campaign", mix, productMix, bareMix);
    }
  }

  private static void report(String what, int n, Figure product, Figure bare) {
    Bench.print("rows." + what + ".product", product.rows() / (double) n, "rows/offer");
    Bench.print("rows." + what + ".bare", bare.rows() / (double) n, "rows/offer");
    Bench.print("writes." + what + ".product", product.statements() / (double) n, "statements/offer");
    Bench.print("writes." + what + ".bare", bare.statements() / (double) n, "statements/offer");
    Bench.note(what + ", rows per offer by table (product / bare):");
    Map<String, long[]> tables = new TreeMap<>();
    product.tables().forEach((t, c) -> tables.computeIfAbsent(t, k -> new long[2])[0] = c);
    bare.tables().forEach((t, c) -> tables.computeIfAbsent(t, k -> new long[2])[1] = c);
    tables.forEach((t, c) -> Bench.note(String.format(Locale.ROOT, "  %-28s %7.2f %7.2f", t, c[0] / (double) n, c[1] / (double) n)));
    Bench.note(what + ", statements per offer (product / bare):");
    Map<String, long[]> statements = new TreeMap<>();
    product.byStatement().forEach((s, c) -> statements.computeIfAbsent(s, k -> new long[2])[0] = c);
    bare.byStatement().forEach((s, c) -> statements.computeIfAbsent(s, k -> new long[2])[1] = c);
    statements.forEach((s, c) -> Bench.note(String.format(Locale.ROOT, "  %-44s %7.2f %7.2f", s, c[0] / (double) n, c[1] / (double) n)));
  }

  interface Work {
    void run() throws Exception;
  }

  /** Rows added per table (only those that changed), and the engine's write statements by name. */
  record Figure(Map<String, Long> tables, Map<String, Long> byStatement) {
    long rows() {
      return tables.values().stream().mapToLong(Long::longValue).sum();
    }

    long statements() {
      return byStatement.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static Figure measure(DataSource dataSource, WriteCounter writes, Work work) throws Exception {
    Map<String, Long> before = count(dataSource);
    writes.reset();
    work.run();
    Map<String, Long> byStatement = writes.snapshot();
    Map<String, Long> after = count(dataSource);
    Map<String, Long> added = new TreeMap<>();
    after.forEach((t, c) -> {
      long d = c - before.getOrDefault(t, 0L);
      if (d != 0) {
        added.put(t, d);
      }
    });
    return new Figure(added, byStatement);
  }

  /** Rows of every table of the schema the application uses: the engine's and the product's (Flyway's own left out). */
  private static Map<String, Long> count(DataSource dataSource) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = dataSource.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet r = c.getMetaData().getTables(null, c.getSchema(), "%", null)) {
        while (r.next()) {
          String type = r.getString("TABLE_TYPE");
          String name = r.getString("TABLE_NAME");
          if (type != null && type.toUpperCase(Locale.ROOT).endsWith("TABLE") && !type.toUpperCase(Locale.ROOT).contains("SYSTEM")
              && !name.toLowerCase(Locale.ROOT).startsWith("flyway")) {
            tables.add(name);
          }
        }
      }
      try (Statement s = c.createStatement()) {
        for (String t : tables) {
          try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM \"" + t + "\"")) {
            r.next();
            counts.put(t.toUpperCase(Locale.ROOT), r.getLong(1));
          }
        }
      }
    }
    return counts;
  }

  /** Counts the INSERT, UPDATE and DELETE statements the engine's MyBatis sessions execute, by statement id. */
  @Intercepts(@Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}))
  static final class WriteCounter implements Interceptor {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
      String id = statement.getId();
      counts.computeIfAbsent(id.substring(id.lastIndexOf('.') + 1), k -> new LongAdder()).increment();
      return invocation.proceed();
    }

    @Override
    public Object plugin(Object target) {
      return Plugin.wrap(target, this);
    }

    @Override
    public void setProperties(Properties properties) {}

    void reset() {
      counts.clear();
    }

    Map<String, Long> snapshot() {
      Map<String, Long> m = new TreeMap<>();
      counts.forEach((k, v) -> m.put(k, v.sum()));
      return m;
    }
  }
}
