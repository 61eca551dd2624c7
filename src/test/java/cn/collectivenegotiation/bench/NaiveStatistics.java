package cn.collectivenegotiation.bench;

import cn.collectivenegotiation.campaign.Campaign;
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
 * Counts single offers per unit: offered, responded, renewed and newly signed (enterprises, workers).
 */
final class NaiveStatistics {

  record UnitCount(long offered, long responded, long renewed, long renewedWorkers, long newlySigned, long newWorkers) {}

  private static final List<String> NAMES =
      List.of("offerDate", "reportingUnit", "creditCode", "responseDate", "contractKind", "coveredWorkers");

  private NaiveStatistics() {}

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
    Map<String, Set<String>> offered = new HashMap<>(), responded = new HashMap<>(), renewed = new HashMap<>(),
        signed = new HashMap<>();
    Map<String, Long> renewedWorkers = new HashMap<>(), newWorkers = new HashMap<>();
    for (Map<String, Object> o : offers.values()) {
      Object date = o.get("offerDate");
      if (date == null || !campaign.covers(LocalDate.parse(date.toString()))) {
        continue;
      }
      String unit = (String) o.get("reportingUnit");
      String code = (String) o.get("creditCode");
      offered.computeIfAbsent(unit, k -> new HashSet<>()).add(code);
      if (o.get("responseDate") != null) {
        responded.computeIfAbsent(unit, k -> new HashSet<>()).add(code);
      }
      Object kind = o.get("contractKind");
      long workers = o.get("coveredWorkers") instanceof Number n ? n.longValue() : 0;
      if ("RENEWED".equals(kind)) {
        renewed.computeIfAbsent(unit, k -> new HashSet<>()).add(code);
        renewedWorkers.merge(unit, workers, Long::sum);
      } else if ("NEW".equals(kind)) {
        signed.computeIfAbsent(unit, k -> new HashSet<>()).add(code);
        newWorkers.merge(unit, workers, Long::sum);
      }
    }
    Map<String, UnitCount> result = new HashMap<>();
    offered.forEach((unit, codes) -> result.put(unit, new UnitCount(codes.size(),
        responded.getOrDefault(unit, Set.of()).size(), renewed.getOrDefault(unit, Set.of()).size(),
        renewedWorkers.getOrDefault(unit, 0L), signed.getOrDefault(unit, Set.of()).size(),
        newWorkers.getOrDefault(unit, 0L))));
    return result;
  }
}
