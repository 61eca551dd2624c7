package cn.collectivenegotiation.escalation;

import static cn.collectivenegotiation.offer.OfferVariables.*;

import cn.collectivenegotiation.input.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 追究责任 / 媒体曝光 ({@code decideSanction} completed): the tripartite committee's decision. */
@Component("sanctionRecorder")
public class SanctionRecorder implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    in.choice(SANCTION_LIABILITY, "处理决定", SanctionLiability.class, true);
    Boolean exposure = in.bool(MEDIA_EXPOSURE, "媒体曝光", false);
    in.text(SANCTION_DECISION, "处理意见", true, 4000);
    in.throwIfInvalid();
    task.setVariable(MEDIA_EXPOSURE, Boolean.TRUE.equals(exposure));
  }
}
