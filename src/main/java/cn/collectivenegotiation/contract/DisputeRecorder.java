package cn.collectivenegotiation.contract;

import cn.collectivenegotiation.deadline.Deadline;
import cn.collectivenegotiation.deadline.DeadlineProperties;
import cn.collectivenegotiation.deadline.LegalCalendar;
import cn.collectivenegotiation.input.FormInput;
import java.time.LocalDate;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 协商争议的协调处理 (《集体合同规定》第四十九至五十二条): a dispute during negotiation goes to the unit's labour
 * bureau, which settles it with the union and the employer organisations within 30 days of accepting it,
 * extendable once by at most 15 days, ending in a 协调处理协议书 that sends the parties back to the table.
 * BPMN: {@code ${disputes...}}.
 */
@Component("disputes")
public class DisputeRecorder {

  /** How the labour bureau's coordination ends, for now. */
  public enum DisputeOutcome { AGREEMENT, EXTEND }

  private final LegalCalendar calendar;
  private final DeadlineProperties deadlines;

  public DisputeRecorder(LegalCalendar calendar, DeadlineProperties deadlines) {
    this.calendar = calendar;
    this.deadlines = deadlines;
  }

  /** The dispute reaches the labour bureau (flow {@code disputeRaised}): the coordination period starts. */
  public void raised(DelegateExecution execution) {
    LocalDate today = calendar.today();
    Period period = deadlines.getDisputeCoordination();
    Deadline coordination = calendar.period(today, period, "依据《集体合同规定》第四十九至五十二条，自"
        + LegalCalendar.chinese(today) + "受理之日起" + period.getDays() + "日内结束协调处理");
    calendar.writeWithReminder(execution, coordination, "dispute", deadlines.getDisputeReminderWorkingDays());
    execution.setVariable("disputeExtended", false);
  }

  public void decided(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    DisputeOutcome outcome = in.choice("disputeOutcome", "处理结果", DisputeOutcome.class, true);
    if (outcome == DisputeOutcome.AGREEMENT) {
      in.text("agreementSummary", "协调处理协议书主要内容", true, 4000);
      in.dateUpToToday("agreementDate", "协议书签署日期", true);
    } else if (outcome == DisputeOutcome.EXTEND) {
      if (Boolean.TRUE.equals(task.getVariable("disputeExtended"))) {
        in.reject("disputeOutcome", "协调期限只能延长一次 (the coordination period may be extended once only)");
      }
      Integer days = in.integer("extensionDays", "延长天数", true, 1, deadlines.getDisputeExtensionMaxDays());
      in.text("extensionReason", "延期理由", true, 4000);
      in.throwIfInvalid();
      // the extension runs on from the last day of the first period
      LocalDate lastDay = LocalDate.parse((String) task.getVariable("disputeDeadline"));
      Deadline extended = calendar.period(lastDay, Period.ofDays(days), "依据《集体合同规定》，协调期满未结束的延长"
          + days + "日（不超过" + deadlines.getDisputeExtensionMaxDays() + "日），自" + LegalCalendar.chinese(lastDay) + "起算");
      calendar.writeWithReminder(task.getExecution(), extended, "dispute", deadlines.getDisputeReminderWorkingDays());
      task.setVariable("disputeExtended", true);
    }
    in.throwIfInvalid();
  }
}
