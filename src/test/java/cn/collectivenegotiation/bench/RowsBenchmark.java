package cn.collectivenegotiation.bench;

import cn.collectivenegotiation.campaign.CampaignProcess;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Figure 6, deterministic where the timings are not: what the product writes against the bare model for the
 * same work, on the same database. {@code rows.start.*}: rows added per offer started (the product through
 * {@link OfferService}, the Java service behind {@code POST /api/offers}, as the api figure's officer; the bare
 * model through the Java API, as the api figure's baseline), counted table by table before and after.
 * {@code writes.start.*}: the INSERT, UPDATE and DELETE statements the database ran for them, the engine's and
 * the product's own (H2's {@code INFORMATION_SCHEMA.QUERY_STATISTICS}; on H2 only), which also counts a row
 * written again in the same start. {@code rows.escalation.*}, {@code writes.escalation.*}: the same offers' response
 * deadline passing unanswered, their reminder and deadline timers run as the job executor runs them, up to the
 * rectification task (the deadlines figure's work). {@code rows.campaign.*}, {@code writes.campaign.*}: the same per offer for
 * 20 offers through the campaign figure's mix (one of each of its 20 places), one at a time; runtime rows of
 * ended instances are gone again, so rows there are what stays. {@code rows.covered.*}, {@code writes.covered.*}:
 * the product's mix again with a campaign covering its offers, against the mix without one, so that the campaign
 * tally's writes show ({@code reads.covered.*} too). {@code reads.*}: the SELECT statements (by the first table they read from). {@code #} lines:
 * every table that changed or was read. {@code variables.*}: the variables of one started offer's process instance.
 */
final class RowsBenchmark {

  private static final Pattern WRITE = Pattern.compile("^\\s*(insert\\s+into|update|delete\\s+from|delete)\\s+\"?(\\w+)",
      Pattern.CASE_INSENSITIVE);
  /** A SELECT, by the first table it reads from (not this benchmark's own counts of rows, which quote the name). */
  private static final Pattern READ = Pattern.compile("^\\s*(select)\\b.*?\\bfrom\\s+(\\w+)",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private RowsBenchmark() {}

  static void run(ProcessEngine engine, DataSource dataSource, OfferService offers, int n, LocalDate day)
      throws Exception {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Bench.note("history event handlers: " + configuration.getCustomHistoryEventHandlers().stream()
        .map(h -> h.getClass().getSimpleName()).toList() + (configuration.isEnableDefaultDbHistoryEventHandler()
        ? " after Camunda's default database handler" : ""));
    boolean h2 = statementStatistics(dataSource);
    CurrentUser officer = new CurrentUser(ApiBenchmark.OFFICER, List.of("union-shizhong"));
    Clock.set(day);

    String[] started = new String[n];
    Figure product = measure(dataSource, h2, () -> {
      for (int i = 0; i < n; i++) {
        started[i] = offers.send(Offers.unionOffer(day.toString(), 90_000 + i, "SHIZHONG", 20 + i), officer).processInstanceId();
      }
    });
    List<String> productStarted = List.of(started.clone());
    String productInstance = started[n - 1];
    Figure bare = measure(dataSource, h2, () -> {
      for (int i = 0; i < n; i++) {
        started[i] = engine.getRuntimeService().startProcessInstanceByKey(ChainModel.BARE.key,
            ChainModel.BARE.offer(90_000 + i, day)).getId();
      }
    });
    List<String> bareStarted = List.of(started.clone());
    String[] last = {started[n - 1]};
    report("start", n, product, bare, h2);
    List<VariableInstance> productVariables = engine.getRuntimeService().createVariableInstanceQuery()
        .processInstanceIdIn(productInstance).list();
    List<VariableInstance> bareVariables = engine.getRuntimeService().createVariableInstanceQuery()
        .processInstanceIdIn(last[0]).list();
    Bench.print("variables.product", productVariables.size(), "variables");
    Bench.print("variables.bare", bareVariables.size(), "variables");
    Bench.note("product's variables after the start: " + productVariables.stream().map(VariableInstance::getName)
        .sorted().collect(Collectors.joining(" ")));

    // the same offers' response deadline passes unanswered: each one's reminder and deadline timer, executed as
    // the job executor would (the deadlines figure's work), up to the rectification task
    Figure productEscalation = measure(dataSource, h2, () -> runDueTimers(engine, productStarted, day.plusDays(35)));
    Figure bareEscalation = measure(dataSource, h2, () -> runDueTimers(engine, bareStarted, day.plusDays(35)));
    report("escalation", n, productEscalation, bareEscalation, h2);

    if (Boolean.parseBoolean(System.getProperty("bench.rows.campaign", "true"))) {
      int mix = 20;
      Figure productMix = measure(dataSource, h2,
          () -> CampaignBenchmark.run(engine, ChainModel.PRODUCT, mix, 1, 95_000, day));
      Figure bareMix = measure(dataSource, h2,
          () -> CampaignBenchmark.run(engine, ChainModel.BARE, mix, 1, 95_000, day));
      report("campaign", mix, productMix, bareMix, h2);

      // a campaign covering the mix's day, started before the count: the tally's writes per offer
      engine.getRuntimeService().startProcessInstanceByKey(CampaignProcess.KEY, Map.of(
          "campaignName", "行数基准", "startDate", day.minusDays(1).toString(), "endDate", day.plusDays(28).toString(),
          "reportDeadline", day.plusDays(40).toString(), "targetRate", 0.92));
      Figure covered = measure(dataSource, h2,
          () -> CampaignBenchmark.run(engine, ChainModel.PRODUCT, mix, 1, 97_000, day));
      figures("covered.product", mix, covered, h2);
      lines("covered", mix, covered, productMix, "covered", "uncovered");
    }
    detailsByVariable(dataSource, ChainModel.PRODUCT.key);
  }

  /** The clock at {@code at}, and every timer then due of the given instances run, earliest first. */
  private static void runDueTimers(ProcessEngine engine, List<String> instances, LocalDate at) {
    Clock.set(at);
    for (String instance : instances) {
      CampaignBenchmark.runDueTimers(engine.getManagementService(), instance);
      if (engine.getTaskService().createTaskQuery().processInstanceId(instance)
          .taskDefinitionKey("issueRectificationNotice").count() != 1) {
        throw new IllegalStateException("offer " + instance + " has no rectification task after its deadline");
      }
    }
  }

  /** Which variables of a model's instances (all of them in the database) the value log holds most rows of. */
  private static void detailsByVariable(DataSource dataSource, String processDefinitionKey) throws SQLException {
    try (Connection c = dataSource.getConnection();
         java.sql.PreparedStatement s = c.prepareStatement("SELECT NAME_, COUNT(*) FROM ACT_HI_DETAIL WHERE PROC_DEF_KEY_ = ?"
             + " GROUP BY NAME_ ORDER BY COUNT(*) DESC, NAME_")) {
      s.setString(1, processDefinitionKey);
      StringBuilder line = new StringBuilder(processDefinitionKey + "'s ACT_HI_DETAIL rows by variable:");
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          line.append(' ').append(r.getString(1)).append(' ').append(r.getLong(2));
        }
      }
      Bench.note(line.toString());
    }
  }

  private static void report(String what, int n, Figure product, Figure bare, boolean h2) {
    figures(what + ".product", n, product, h2);
    figures(what + ".bare", n, bare, h2);
    lines(what, n, product, bare, "product", "bare");
  }

  private static void figures(String what, int n, Figure figure, boolean h2) {
    Bench.print("rows." + what, figure.rows() / (double) n, "rows/offer");
    if (h2) {
      Bench.print("writes." + what, figure.writes() / (double) n, "statements/offer");
      Bench.print("reads." + what, figure.reads() / (double) n, "statements/offer");
    }
  }

  /** Per table, what {@code product} and {@code bare} added and ran, {@code label} / {@code against}. */
  private static void lines(String what, int n, Figure product, Figure bare, String label, String against) {
    Bench.note(what + ", per offer, " + label + " / " + against + ": rows added; SELECT, INSERT, UPDATE, DELETE"
        + " statements");
    TreeSet<String> tables = new TreeSet<>(product.added().keySet());
    tables.addAll(bare.added().keySet());
    product.statements().keySet().forEach(k -> tables.add(k.substring(k.indexOf(' ') + 1)));
    bare.statements().keySet().forEach(k -> tables.add(k.substring(k.indexOf(' ') + 1)));
    for (String t : tables) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s rows %6.2f / %6.2f", t,
          product.added().getOrDefault(t, 0L) / (double) n, bare.added().getOrDefault(t, 0L) / (double) n));
      for (String kind : List.of("SELECT", "INSERT", "UPDATE", "DELETE")) {
        long p = product.statements().getOrDefault(kind + " " + t, 0L);
        long b = bare.statements().getOrDefault(kind + " " + t, 0L);
        if (p != 0 || b != 0) {
          line.append(String.format(Locale.ROOT, "; %s %.2f / %.2f", kind, p / (double) n, b / (double) n));
        }
      }
      Bench.note(line.toString());
    }
  }

  interface Work {
    void run() throws Exception;
  }

  /** Rows added per table (those that changed), and statements by "KIND TABLE". */
  record Figure(Map<String, Long> added, Map<String, Long> statements) {
    long rows() {
      return added.values().stream().mapToLong(Long::longValue).sum();
    }

    /** INSERT, UPDATE and DELETE statements. */
    long writes() {
      return statements.entrySet().stream().filter(e -> !e.getKey().startsWith("SELECT ")).mapToLong(Map.Entry::getValue)
          .sum();
    }

    long reads() {
      return statements.entrySet().stream().filter(e -> e.getKey().startsWith("SELECT ")).mapToLong(Map.Entry::getValue)
          .sum();
    }
  }

  private static Figure measure(DataSource dataSource, boolean h2, Work work) throws Exception {
    Map<String, Long> before = rows(dataSource);
    Map<String, Long> statementsBefore = h2 ? statements(dataSource) : Map.of();
    work.run();
    Map<String, Long> statementsAfter = h2 ? statements(dataSource) : Map.of();
    Map<String, Long> after = rows(dataSource);
    return new Figure(difference(before, after), difference(statementsBefore, statementsAfter));
  }

  private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> d = new TreeMap<>();
    after.forEach((k, c) -> {
      long v = c - before.getOrDefault(k, 0L);
      if (v != 0) {
        d.put(k, v);
      }
    });
    return d;
  }

  /** Rows of every table of the schema the application uses: the engine's and the product's (Flyway's own left out). */
  private static Map<String, Long> rows(DataSource dataSource) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = dataSource.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet r = c.getMetaData().getTables(null, c.getSchema(), "%", null)) {
        while (r.next()) {
          String type = r.getString("TABLE_TYPE").toUpperCase(Locale.ROOT);
          String name = r.getString("TABLE_NAME");
          if (type.endsWith("TABLE") && !type.contains("SYSTEM") && !name.toLowerCase(Locale.ROOT).startsWith("flyway")) {
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

  /** Turns on H2's statement statistics (every session's statements, by text, with how often each ran); false elsewhere. */
  private static boolean statementStatistics(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      if (!c.getMetaData().getDatabaseProductName().startsWith("H2")) {
        Bench.note("write statements are counted on H2 only");
        return false;
      }
      s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
      s.execute("SET QUERY_STATISTICS TRUE");
      return true;
    }
  }

  /** SELECT, INSERT, UPDATE and DELETE statements run so far, by "KIND TABLE" (H2's own schema left out). */
  private static Map<String, Long> statements(DataSource dataSource) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
      while (r.next()) {
        String sql = r.getString(1);
        Matcher m = WRITE.matcher(sql);
        if (!m.find()) {
          m = READ.matcher(sql);
          if (!m.find() || m.group(2).equalsIgnoreCase("INFORMATION_SCHEMA")) {
            continue;
          }
        }
        String kind = m.group(1).toUpperCase(Locale.ROOT).split("\\s+")[0];
        counts.merge(kind + " " + m.group(2).toUpperCase(Locale.ROOT), r.getLong(2), Long::sum);
      }
    }
    return counts;
  }
}
