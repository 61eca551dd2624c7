package cn.collectivenegotiation.deadline;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Plugs the {@link LegalCalendar} into the engine's business-calendar extension point: timer durations
 * ("duration") and timer dates and task due dates ("dueDate") given as whole-day periods are counted
 * the legal way. Cycles stay Camunda's (its repeat logic needs its own class).
 */
@Component
public class LegalCalendarPlugin extends AbstractProcessEnginePlugin {

  private final LegalCalendar calendar;

  public LegalCalendarPlugin(LegalCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
        new LegalBusinessCalendar(calendar, new DurationBusinessCalendar()));
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
        new LegalBusinessCalendar(calendar, new DueDateBusinessCalendar()));
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(calendars);
  }
}
