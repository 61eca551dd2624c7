package cn.collectivenegotiation.registry;

import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.offer.Topic;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The registry's enterprises through the deployed decision tables: {@code key-target} (why an
 * enterprise is a priority target of the offer month) and {@code negotiation-topics} (topics to
 * propose). Always the latest deployed version, so an officer's change to a table counts at once.
 *
 * <p>Not through {@code DecisionService}: these are listings, not decisions someone took, and at history
 * level full every evaluation there writes a historic decision instance. A unit of 2,000 enterprises
 * meant 2,000 history rows and 10 to 30 seconds for each {@code GET} of its targets. So the deployed
 * decision is evaluated by a DMN engine with the process engine's settings (FEEL engine, expression
 * languages) but without its history and metrics listeners; and since a decision is a function of its
 * inputs, each distinct set of inputs is evaluated once per deployed version.
 */
@Component
public class EnterpriseDecisions {

  static final String KEY_TARGET = "key-target";
  static final String NEGOTIATION_TOPICS = "negotiation-topics";

  /** Distinct input sets remembered: a city's registry has far fewer (days to contract end repeat). */
  private static final int REMEMBERED = 20_000;

  private final ProcessEngineConfigurationImpl engine;
  private final DmnEngine dmn;
  private final Map<List<Object>, List<Map<String, Object>>> results = Collections.synchronizedMap(
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, List<Map<String, Object>>> eldest) {
          return size() > REMEMBERED;
        }
      });

  public EnterpriseDecisions(ProcessEngine processEngine) {
    this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    this.dmn = withoutListeners(engine.getDmnEngineConfiguration()).buildEngine();
  }

  /** A priority target and its reasons ({@code reason} code, {@code text} in Chinese). */
  public record Target(String creditCode, String name, int workforce, List<Reason> reasons) {}

  public record Reason(String reason, String text) {}

  /** A recommended topic: its code and its Chinese name. */
  public record RecommendedTopic(String topic, String name) {}

  /** The enterprises that are priority targets, in the given order, each with every reason that applies. */
  public List<Target> keyTargets(List<Enterprise> enterprises) {
    LocalDate today = LegalTime.today();
    DmnDecision decision = latest(KEY_TARGET);
    List<Target> targets = new ArrayList<>();
    for (Enterprise e : enterprises) {
      List<Reason> reasons = evaluate(decision, keyTargetInputs(e, today)).stream()
          .map(r -> new Reason((String) r.get("reason"), (String) r.get("reasonText"))).toList();
      if (!reasons.isEmpty()) {
        targets.add(new Target(e.creditCode(), e.name(), e.workforce(), reasons));
      }
    }
    return targets;
  }

  public List<RecommendedTopic> recommendedTopics(Enterprise e) {
    return recommendedTopics(latest(NEGOTIATION_TOPICS), e);
  }

  /** Each enterprise's recommended topics, by credit code in the given order; the table looked up once. */
  public Map<String, List<RecommendedTopic>> recommendedTopics(List<Enterprise> enterprises) {
    DmnDecision decision = latest(NEGOTIATION_TOPICS);
    Map<String, List<RecommendedTopic>> byCode = new LinkedHashMap<>();
    enterprises.forEach(e -> byCode.put(e.creditCode(), recommendedTopics(decision, e)));
    return byCode;
  }

  private List<RecommendedTopic> recommendedTopics(DmnDecision decision, Enterprise e) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("inDifficulty", e.inDifficulty());
    inputs.put("restructuring", e.restructuring());
    inputs.put("severeOccupationalHazards", e.severeHazards());
    inputs.put("womenWorkerShare", e.womenWorkerShare());
    return evaluate(decision, inputs).stream().map(r -> (String) r.get("topic")).distinct()
        .map(code -> new RecommendedTopic(code, chineseName(code))).toList();
  }

  /** The inputs {@code key-target} reads, from an enterprise on a given day. */
  public static Map<String, Object> keyTargetInputs(Enterprise e, LocalDate today) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("hasCollectiveContract", e.collectiveContract());
    inputs.put("hasSpecialContract", e.specialContract());
    inputs.put("daysToContractEnd", e.contractEndDate() == null
        ? null : Math.toIntExact(ChronoUnit.DAYS.between(today, e.contractEndDate())));
    inputs.put("minimumWageAsPayStandard", e.minimumWagePay());
    inputs.put("tenseLabourRelations", e.tenseRelations());
    return inputs;
  }

  /** The result rows of {@code decision} for {@code inputs}, as the engine's own evaluation would give them. */
  List<Map<String, Object>> evaluate(DmnDecision decision, Map<String, Object> inputs) {
    List<Object> key = List.of(((DecisionDefinition) decision).getId(), new HashMap<>(inputs));
    List<Map<String, Object>> known = results.get(key);
    if (known != null) {
      return known;
    }
    List<Map<String, Object>> rows = dmn.evaluateDecision(decision, Variables.fromMap(inputs)).getResultList().stream()
        .map(m -> Collections.unmodifiableMap(new HashMap<>(m))).toList();
    results.put(key, rows);
    return rows;
  }

  /**
   * The latest deployed version, as the engine has parsed it. Looked up as the product: the person was
   * checked by our own code ({@link RegistryAccess}), and the tables are the product's rules, which no
   * unit officer is granted in the engine.
   */
  DmnDecision latest(String key) {
    return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
        () -> (DmnDecision) context.getProcessEngineConfiguration().getDeploymentCache()
            .findDeployedLatestDecisionDefinitionByKey(key)));
  }

  private static DefaultDmnEngineConfiguration withoutListeners(DefaultDmnEngineConfiguration engine) {
    DefaultDmnEngineConfiguration own = new DefaultDmnEngineConfiguration();
    own.feelEngineFactory(engine.getFeelEngineFactory())
        .elProvider(engine.getElProvider())
        .scriptEngineResolver(engine.getScriptEngineResolver())
        .defaultInputExpressionExpressionLanguage(engine.getDefaultInputExpressionExpressionLanguage())
        .defaultInputEntryExpressionLanguage(engine.getDefaultInputEntryExpressionLanguage())
        .defaultOutputEntryExpressionLanguage(engine.getDefaultOutputEntryExpressionLanguage())
        .defaultLiteralExpressionLanguage(engine.getDefaultLiteralExpressionLanguage())
        .enableFeelLegacyBehavior(engine.isEnableFeelLegacyBehavior())
        .setReturnBlankTableOutputAsNull(engine.isReturnBlankTableOutputAsNull());
    return own;
  }

  /** A topic a changed table names but the product does not know yet keeps its code as its name. */
  private static String chineseName(String code) {
    try {
      return Topic.valueOf(code).chineseName();
    } catch (IllegalArgumentException e) {
      return code;
    }
  }
}
