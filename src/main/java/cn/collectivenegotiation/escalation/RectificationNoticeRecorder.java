package cn.collectivenegotiation.escalation;

import static cn.collectivenegotiation.offer.OfferVariables.*;

import cn.collectivenegotiation.deadline.DeadlineProperties;
import cn.collectivenegotiation.deadline.LegalCalendar;
import cn.collectivenegotiation.identity.OfferAuthorizations;
import cn.collectivenegotiation.identity.Organisation;
import cn.collectivenegotiation.input.FormInput;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 整改意见书 / 约谈 issued ({@code issueRectificationNotice} completed): checks the notice and sets the
 * rectification deadline whose timer hands the case to the labour bureau.
 */
@Component("rectificationNoticeRecorder")
public class RectificationNoticeRecorder implements TaskListener {

  private final LegalCalendar calendar;
  private final DeadlineProperties deadlines;
  private final OfferAuthorizations authorizations;

  public RectificationNoticeRecorder(LegalCalendar calendar, DeadlineProperties deadlines,
      OfferAuthorizations authorizations) {
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.authorizations = authorizations;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    RectificationKind kind = in.choice(RECTIFICATION_KIND, "督促方式", RectificationKind.class, true);
    RectificationPartner partner = in.choice(RECTIFICATION_PARTNER, "协同单位", RectificationPartner.class, true);
    if (kind == RectificationKind.INTERVIEW) {
      in.text(INTERVIEWEE, "约谈对象", true, 200);
    }
    in.text(RECTIFICATION_REQUIREMENTS, "整改要求", true, 4000);
    Integer days = PeriodSetByOfficer.read(in, RECTIFICATION_DAYS, "整改期限（日）", deadlines.getRectification());
    in.throwIfInvalid();
    PeriodSetByOfficer.write(task, calendar, "rectification", days,
        "依据乐工发〔2017〕1号“上级工会要依法提出整改意见书或约谈其负责人”，整改期限由上级工会确定");
    // 上级工会协同同级企业组织: the partner named on the notice follows this offer from now on
    authorizations.grantReadOnInstance(task.getProcessInstanceId(), List.of(partner == RectificationPartner.ENTERPRISE_ASSOCIATION
        ? Organisation.ENTERPRISE_ASSOCIATION : Organisation.INDUSTRY_COMMERCE_FEDERATION));
  }
}
