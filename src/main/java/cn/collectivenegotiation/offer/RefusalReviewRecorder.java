package cn.collectivenegotiation.offer;

import cn.collectivenegotiation.input.FormInput;
import static cn.collectivenegotiation.offer.OfferVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** {@code reviewRefusal} completed: the upper union's finding must be a yes or no, with its opinion. */
@Component("refusalReviewRecorder")
public class RefusalReviewRecorder implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    Boolean justified = in.bool(REFUSAL_JUSTIFIED, "拒绝理由是否正当", true);
    in.text(REVIEW_OPINION, "审查意见", true, 4000);
    in.throwIfInvalid();
    task.setVariable(REFUSAL_JUSTIFIED, justified);
  }
}
