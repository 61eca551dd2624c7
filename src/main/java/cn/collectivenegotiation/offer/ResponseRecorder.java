package cn.collectivenegotiation.offer;

import cn.collectivenegotiation.campaign.OfferRecords;
import cn.collectivenegotiation.input.FormInput;
import static cn.collectivenegotiation.offer.OfferVariables.*;

import cn.collectivenegotiation.deadline.LegalTime;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 应约 ({@code respondToOffer} completed): an acceptance needs the proposed negotiation date, a refusal
 * its reasons (拒绝须说明理由). Records when the answer came and whether it was late, so that a late answer
 * continues the offer as if in time while the lateness stays on record.
 */
@Component("responseRecorder")
public class ResponseRecorder implements TaskListener {

  private final OfferRecords records;

  public ResponseRecorder(OfferRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    ResponseDecision decision = in.choice(RESPONSE_DECISION, "应约意见", ResponseDecision.class, true);
    if (decision == ResponseDecision.ACCEPT) {
      LocalDate proposed = in.date(PROPOSED_NEGOTIATION_DATE, "建议协商日期", true);
      if (proposed != null && proposed.isBefore(LegalTime.today())) {
        in.reject(PROPOSED_NEGOTIATION_DATE, "建议协商日期不能早于今天 (proposedNegotiationDate must not be in the past)");
      }
    } else if (decision == ResponseDecision.REFUSE) {
      in.text(REFUSAL_REASON, "拒绝理由", true, 4000);
    }
    in.throwIfInvalid();

    Date now = ClockUtil.getCurrentTime();
    Date dueAt = (Date) task.getVariable("responseDueAt");
    boolean late = dueAt != null && !now.before(dueAt);
    task.setVariable(RESPONSE_DATE, LegalTime.today().toString());
    task.setVariable(ANSWERED_LATE, late);
    records.responded(task.getProcessInstanceId(), LegalTime.today(), late);
    // a new answer is reviewed afresh
    if (decision == ResponseDecision.REFUSE && task.hasVariable(REFUSAL_JUSTIFIED)) {
      task.removeVariable(REFUSAL_JUSTIFIED);
    }
  }
}
