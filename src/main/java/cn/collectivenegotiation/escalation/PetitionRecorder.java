package cn.collectivenegotiation.escalation;

import static cn.collectivenegotiation.offer.OfferVariables.PETITION_REASON;

import cn.collectivenegotiation.input.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 要约方直接提请人社局 ({@code petitionLabourBureau} completed): the offeror must say why. */
@Component("petitionRecorder")
public class PetitionRecorder implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    in.text(PETITION_REASON, "提请理由", true, 4000);
    in.throwIfInvalid();
  }
}
