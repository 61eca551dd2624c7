package cn.collectivenegotiation.offer;

import cn.collectivenegotiation.identity.CurrentUser;
import cn.collectivenegotiation.registry.Enterprise;
import cn.collectivenegotiation.registry.EnterpriseDecisions;
import cn.collectivenegotiation.registry.EnterpriseRegistry;
import cn.collectivenegotiation.registry.RegistryAccess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The start form of {@code collective-offer} shows the {@code negotiation-topics} recommendation for the
 * enterprise the officer types in (《通知》二（三）: the officer picks the topics from the enterprise's situation).
 *
 * <p>Tasklist gives a Camunda start form no server variables (it loads form variables for tasks only), so the
 * recommendations travel inside the form: when the form is served to a person ({@code deployed-start-form},
 * through Tasklist or the REST API), its text {@value #TEXT} gets the recommendations for the registry
 * enterprises of that person's reporting units bound to the FEEL name {@value #NAME}, as one string
 * {@code ,<creditCode>,...,=<topics in Chinese>;...}. The form's own expression (in {@code forms/start-offer.form}, open
 * in Camunda Modeler) picks the typed enterprise's topics out of it; without the binding (Modeler, another
 * client) {@value #NAME} is null and the text shows nothing. One string because the browser's FEEL reads a long
 * string literal at once, while a context or lists of a few hundred entries take it a second at every
 * keystroke. Nothing of this is submitted: the offer's topics are what the officer ticks, checked by
 * {@link OfferValidator}, and {@code recommendedTopics} is decided again by {@link OfferRegistration}.
 */
@Component
public class StartFormRecommendations extends AbstractProcessEnginePlugin {

  static final String TEXT = "Text_recommendedTopics";
  static final String NAME = "topicRecommendations";
  /** Beyond this many enterprises (the whole city's registry, say) the form comes without recommendations. */
  static final int MAX_ENTERPRISES = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(StartFormRecommendations.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EnterpriseRegistry registry;
  private final EnterpriseDecisions decisions;

  public StartFormRecommendations(@Lazy EnterpriseRegistry registry, @Lazy EnterpriseDecisions decisions) {
    this.registry = registry;
    this.decisions = decisions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFormService(new WithRecommendations());
  }

  /**
   * The enterprises' recommendations as the form reads them: {@code ,<creditCode>,<creditCode>,=<topics>;} for
   * each distinct recommendation; the form finds {@code ,<typed code>,} and reads the topics after the next {@code =}.
   */
  String recommendationsFor(CurrentUser user) {
    Set<ReportingUnit> units = RegistryAccess.readable(user);
    if (units.isEmpty()) {
      return "";
    }
    List<Enterprise> enterprises = new ArrayList<>();
    if (units.equals(EnumSet.allOf(ReportingUnit.class))) {
      enterprises.addAll(registry.list(null));
    } else {
      units.forEach(unit -> enterprises.addAll(registry.list(unit)));
    }
    if (enterprises.size() > MAX_ENTERPRISES) {
      LOG.info("start form of {} without topic recommendations: {} enterprises in their units, more than {}",
          user.userId(), enterprises.size(), MAX_ENTERPRISES);
      return "";
    }
    // one group per distinct recommendation: ",<code>,<code>,=<topics>;" (a registry has few distinct ones)
    Map<String, List<String>> codesByTopics = new LinkedHashMap<>();
    decisions.recommendedTopics(enterprises).forEach((code, topics) -> {
      if (!topics.isEmpty()) {
        codesByTopics.computeIfAbsent(String.join("、", topics.stream().map(EnterpriseDecisions.RecommendedTopic::name)
            .toList()), t -> new ArrayList<>()).add(code);
      }
    });
    StringBuilder all = new StringBuilder();
    codesByTopics.forEach((topics, codes) -> all.append(',').append(String.join(",", codes)).append(",=")
        .append(topics).append(';'));
    return all.toString();
  }

  /** The form's text expression with {@value #NAME} bound to the recommendations (FEEL has no let; a for does it). */
  static String bind(String expression, String recommendations) {
    String literal = recommendations.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n\\t]", " ");
    return "=(for " + NAME + " in [\"" + literal + "\"] return (" + expression.substring(1) + "))[1]";
  }

  /** The form as deployed, its recommendation text bound for this person. */
  byte[] withRecommendations(byte[] form, CurrentUser user) throws IOException {
    JsonNode schema = JSON.readTree(form);
    ObjectNode text = find(schema, TEXT);
    if (text == null || !text.path("text").asText().startsWith("=")) {
      return form;
    }
    String recommendations = recommendationsFor(user);
    if (recommendations.isEmpty()) {
      return form;
    }
    text.put("text", bind(text.get("text").asText(), recommendations));
    return JSON.writeValueAsBytes(schema);
  }

  /** A component by its id, also inside groups. */
  private static ObjectNode find(JsonNode container, String id) {
    for (JsonNode component : container.path("components")) {
      if (id.equals(component.path("id").asText())) {
        return (ObjectNode) component;
      }
      ObjectNode inside = find(component, id);
      if (inside != null) {
        return inside;
      }
    }
    return null;
  }

  /** Camunda's form service; only the collective offer's start form, served to a logged-in person, changes. */
  private final class WithRecommendations extends FormServiceImpl {

    private record Request(String processDefinitionKey, Authentication person) {}

    @Override
    public InputStream getDeployedStartForm(String processDefinitionId) {
      InputStream form = super.getDeployedStartForm(processDefinitionId);
      Request request = commandExecutor.execute(context -> new Request(context.getProcessEngineConfiguration()
          .getDeploymentCache().findDeployedProcessDefinitionById(processDefinitionId).getKey(),
          context.getAuthentication()));
      if (!OfferProcess.KEY.equals(request.processDefinitionKey()) || request.person() == null) {
        return form;
      }
      try (form) {
        CurrentUser person = new CurrentUser(request.person().getUserId(),
            request.person().getGroupIds() == null ? List.of() : request.person().getGroupIds());
        return new ByteArrayInputStream(withRecommendations(form.readAllBytes(), person));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
