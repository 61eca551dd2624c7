package cn.collectivenegotiation.escalation;

import static cn.collectivenegotiation.offer.OfferVariables.*;

import cn.collectivenegotiation.deadline.DeadlineProperties;
import cn.collectivenegotiation.deadline.LegalCalendar;
import cn.collectivenegotiation.input.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 责令限期改正 ({@code orderCorrection} completed): the order's requirements and its deadline. */
@Component("correctionOrderRecorder")
public class CorrectionOrderRecorder implements TaskListener {

  private final LegalCalendar calendar;
  private final DeadlineProperties deadlines;

  public CorrectionOrderRecorder(LegalCalendar calendar, DeadlineProperties deadlines) {
    this.calendar = calendar;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    in.text(CORRECTION_REQUIREMENTS, "改正要求", true, 4000);
    Integer days = PeriodSetByOfficer.read(in, CORRECTION_DAYS, "改正期限（日）", deadlines.getCorrectionOrder());
    in.throwIfInvalid();
    // 《工会法》第五十四条第(四)项: 无正当理由拒绝进行平等协商的, 由县级以上人民政府责令改正
    PeriodSetByOfficer.write(task, calendar, "correction", days, "依据《中华人民共和国工会法》第五十四条责令限期改正");
  }
}
