package cn.collectivenegotiation.engine;

import static cn.collectivenegotiation.offer.OfferVariables.*;

import cn.collectivenegotiation.offer.OfferProcess;
import cn.collectivenegotiation.offer.RegionalOffers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * History stays {@code full}, but the offer chain's variables that the product derives itself from others
 * get no row in ACT_HI_DETAIL (the log of every value a variable took). They keep their runtime row and their
 * ACT_HI_VARINST row (name, value, when and in which activity it was created), which is what the offer's
 * timeline, Cockpit and the history API's variable list read; the values they are derived from (the offer's
 * fields, the forms' answers, each deadline's last day and due instant) keep their detail rows, so every step
 * can still be traced. Half of an offer's detail rows at its start were such derivations (README, 基准,
 * "Fewer rows per offer").
 *
 * <p>How: Camunda's database history backend asks the history level whether to write a detail row
 * ({@link DbHistoryEventHandler#shouldWriteHistoricDetail}); this plugin puts a subclass of that backend in
 * place of the default one (the engine's own switch, {@code enableDefaultDbHistoryEventHandler}), ahead of the
 * custom handlers such as the read model's projection. The history level itself is untouched, so the level
 * stored in ACT_GE_PROPERTY still matches and an existing database needs no change.
 */
@Component
public class DerivedVariableHistory extends AbstractProcessEnginePlugin {

  /** The processes whose derived variables are meant; other models (and the benchmarks' bare one) keep all. */
  static final Set<String> PROCESSES = Set.of(OfferProcess.KEY, RegionalOffers.KEY);

  /**
   * Assigned by the product at the start: the offer number (also the business key) and the decision table's
   * topic advice (from the registry). (Who acts at each step is no variable at all: {@code offer/OfferParties}.)
   */
  static final Set<String> DERIVED = Set.of(OFFER_NUMBER, RECOMMENDED_TOPICS);

  /**
   * Derived from a deadline whose {@code <name>Deadline} and {@code <name>DueAt} keep their detail
   * ({@code deadline/Deadline}): the legal basis text, the calendar warning, the reminder instant; and the
   * number of representatives counted from the names given.
   */
  static final List<String> DERIVED_SUFFIXES = List.of("LegalBasis", "CalendarWarning", "ReminderAt", "RepresentativeCount");

  static boolean derived(String processDefinitionKey, String variableName) {
    return processDefinitionKey != null && PROCESSES.contains(processDefinitionKey) && variableName != null
        && (DERIVED.contains(variableName) || DERIVED_SUFFIXES.stream().anyMatch(variableName::endsWith));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new WithoutDerivedDetail());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      configuration.getCustomHistoryEventHandlers().stream()
          .filter(h -> !(h instanceof WithoutDerivedDetail) && handlers.stream().noneMatch(known -> known == h))
          .forEach(handlers::add);
    }
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  /** Camunda's database history backend, but without detail rows for derived variables. */
  static final class WithoutDerivedDetail extends DbHistoryEventHandler {
    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return super.shouldWriteHistoricDetail(event) && !derived(event.getProcessDefinitionKey(), event.getVariableName());
    }
  }
}
