package cn.collectivenegotiation.campaign;

import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.offer.OfferProcess;
import cn.collectivenegotiation.offer.OfferStatus;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Keeps an offer's status in the read model as the engine moves it: the engine hands every history event
 * to this handler beside its own database handler, inside the command that produced it. Which step means
 * which status is {@link OfferStatus}'s one table, the same the offer's API view reads, so the two
 * cannot disagree. Needs a history level that records activity instances (the product runs {@code full}).
 */
@Component
public class OfferRecordProjection extends AbstractProcessEnginePlugin implements HistoryEventHandler {

  private final OfferRecords records;

  public OfferRecordProjection(@Lazy OfferRecords records) {
    this.records = records;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    // the starter has added it already when it is the application's one HistoryEventHandler bean: twice
    // would write each status change of offer_record twice
    if (!handlers.contains(this)) {
      handlers.add(this);
    }
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!OfferProcess.KEY.equals(event.getProcessDefinitionKey())) {
      return;
    }
    if (event instanceof HistoricActivityInstanceEventEntity activity
        && HistoryEventTypes.ACTIVITY_INSTANCE_START.getEventName().equals(activity.getEventType())) {
      if ("contractEffective".equals(activity.getActivityId())) {
        records.effective(activity.getProcessInstanceId(), LegalTime.today());
      }
      OfferStatus status = OfferStatus.ofActivity(activity.getActivityId());
      if (status != null) {
        records.reached(activity.getProcessInstanceId(), status);
      }
    } else if (event instanceof HistoricProcessInstanceEventEntity instance
        && HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(instance.getEventType())) {
      records.ended(instance.getProcessInstanceId(), instance.getEndActivityId());
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}
