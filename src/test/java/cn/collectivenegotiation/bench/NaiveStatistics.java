package cn.collectivenegotiation.bench;

import cn.collectivenegotiation.campaign.Campaign;
import cn.collectivenegotiation.campaign.StatisticsTable.Row;
import cn.collectivenegotiation.campaign.StatisticsTable.Tally;
import cn.collectivenegotiation.offer.CoveredEnterprises;
import cn.collectivenegotiation.offer.OfferProcess;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * The statistics table the way one would count it without a read model: walk the engine's history for
 * every offer's variables at request time. Kept for the benchmark only, to compare with the read model.
 * Counts both rows per unit, as the table does: single offers (the offer's enterprise) and regional offers
 * (each enterprise the offer covers), offered, responded, renewed and newly signed (enterprises, workers).
 */
final class NaiveStatistics {

  record UnitCount(Row single, Row regional) {}

  private static final List<String> NAMES = List.of("offerDate", "reportingUnit", "creditCode", "responseDate",
      "contractKind", "coveredWorkers", "offerKind", "coveredEnterprises");

  private NaiveStatistics() {}

  /** The distinct enterprises of one row of one unit, and the workers their contracts cover. */
  private static final class Counter {
    final Set<String> offered = new HashSet<>(), responded = new HashSet<>(), renewed = new HashSet<>(),
        signed = new HashSet<>();
    long renewedWorkers, newWorkers;

    Row row() {
      return new Row(offered.size(), responded.size(), new Tally(renewed.size(), renewedWorkers),
          new Tally(signed.size(), newWorkers));
    }
  }

  static Map<String, UnitCount> count(HistoryService history, Campaign campaign) {
    Map<String, Map<String, Object>> offers = new HashMap<>();
    int page = 10_000;
    for (int first = 0; ; first += page) {
      List<HistoricVariableInstance> vars = history.createHistoricVariableInstanceQuery()
          .processDefinitionKey(OfferProcess.KEY).variableNameIn(NAMES.toArray(String[]::new))
          .disableCustomObjectDeserialization().orderByProcessInstanceId().asc().orderByVariableName().asc()
          .listPage(first, page); // a unique order, or pages may skip or repeat rows
      for (HistoricVariableInstance v : vars) {
        offers.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
      }
      if (vars.size() < page) {
        break;
      }
    }
    Map<String, Counter> single = new HashMap<>(), regional = new HashMap<>();
    for (Map<String, Object> o : offers.values()) {
      Object date = o.get("offerDate");
      if (date == null || !campaign.covers(LocalDate.parse(date.toString()))) {
        continue;
      }
      String unit = (String) o.get("reportingUnit");
      boolean isRegional = "REGIONAL".equals(o.get("offerKind"));
      Counter c = (isRegional ? regional : single).computeIfAbsent(unit, k -> new Counter());
      Object kind = o.get("contractKind");
      // a single offer reaches its enterprise; a regional one each enterprise it covers, with its workforce
      List<Map<String, Object>> reached = isRegional ? CoveredEnterprises.parse(o.get("coveredEnterprises"))
          : List.of(Map.of("creditCode", o.get("creditCode"),
              "workforce", o.get("coveredWorkers") instanceof Number n ? n.longValue() : 0L));
      for (Map<String, Object> e : reached) {
        String code = e.get("creditCode").toString();
        long workers = ((Number) e.get("workforce")).longValue();
        c.offered.add(code);
        if (o.get("responseDate") != null) {
          c.responded.add(code);
        }
        if ("RENEWED".equals(kind)) {
          c.renewed.add(code);
          c.renewedWorkers += workers;
        } else if ("NEW".equals(kind)) {
          c.signed.add(code);
          c.newWorkers += workers;
        }
      }
    }
    Map<String, UnitCount> result = new HashMap<>();
    for (String unit : union(single.keySet(), regional.keySet())) {
      result.put(unit, new UnitCount(single.containsKey(unit) ? single.get(unit).row() : Row.NONE,
          regional.containsKey(unit) ? regional.get(unit).row() : Row.NONE));
    }
    return result;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
