package cn.collectivenegotiation.campaign;

import cn.collectivenegotiation.deadline.Deadline;
import cn.collectivenegotiation.deadline.LegalCalendar;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.identity.CurrentUser;
import cn.collectivenegotiation.identity.OfferAuthorizations;
import cn.collectivenegotiation.input.FormInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs as a campaign starts (start event of {@code campaign}), in the transaction that starts it: checks
 * the campaign's dates and target (a bad one throws, nothing is started), lets only the city union start
 * one, stores it and sets the timers of the period's end and of the reporting deadline.
 */
@Component("campaignRegistration")
public class CampaignRegistration implements ExecutionListener {

  public static final String CAMPAIGN_ID = "campaignId";

  private final Campaigns campaigns;
  private final LegalCalendar calendar;
  private final OfferAuthorizations authorizations;

  public CampaignRegistration(Campaigns campaigns, LegalCalendar calendar, OfferAuthorizations authorizations) {
    this.campaigns = campaigns;
    this.calendar = calendar;
    this.authorizations = authorizations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Authentication starter = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (starter != null && !new CurrentUser(starter.getUserId(), starter.getGroupIds())
        .inAny(List.of(CurrentUser.CITY_UNION, CurrentUser.ADMIN_GROUP))) {
      throw new AuthorizationException("只有市总工会可以发起集中要约月活动 (only the city union may start a campaign)");
    }
    Campaign campaign = validate(new FormInput(execution.getVariables()));
    Campaign stored = campaigns.create(campaign, execution.getProcessInstanceId(),
        starter == null ? null : starter.getUserId());

    execution.setProcessBusinessKey(stored.id());
    execution.setVariable(CAMPAIGN_ID, stored.id());
    execution.setVariable("campaignName", stored.name());
    execution.setVariable("startDate", stored.startDate().toString());
    execution.setVariable("endDate", stored.endDate().toString());
    execution.setVariable("reportDeadline", stored.reportDeadline().toString());
    execution.setVariable("targetRate", stored.targetRate().doubleValue());
    execution.removeVariable("targetRatePercent");
    // the period's last day counts in full: the tables are produced as it ends (24:00)
    execution.setVariable("periodEndsAt", startOf(stored.endDate().plusDays(1)));
    // "于3月29日前报送": the deadline is a date the notice fixes, not a period, so it does not shift
    Deadline report = new Deadline(stored.reportDeadline(), startOf(stored.reportDeadline().plusDays(1)).toInstant(),
        "依据" + stored.name() + "通知，活动结束后于" + LegalCalendar.chinese(stored.reportDeadline()) + "前报送统计表", null);
    calendar.writeWithReminder(execution, report, "statisticsReport", 1);

    // the campaign's own instance is the city's: its review lists every unit's problems and photos, so no
    // unit's union reads it; each unit reads its own campaign-unit-report (UnitReportAuthorization)
    authorizations.grantReadOnInstance(execution.getProcessInstanceId(),
        List.of(CurrentUser.CITY_UNION, CurrentUser.CITY_LABOUR_BUREAU));
  }

  /** The campaign's fields as the start form and {@code POST /api/campaigns} send them. */
  static Campaign validate(FormInput in) {
    String name = in.text("campaignName", "活动名称", true, 200);
    LocalDate start = in.date("startDate", "要约期间开始日期", true);
    LocalDate end = in.date("endDate", "要约期间结束日期", true);
    LocalDate deadline = in.date("reportDeadline", "统计表报送截止日", true);
    BigDecimal rate;
    if (in.has("targetRatePercent") && !in.has("targetRate")) {
      BigDecimal percent = in.decimal("targetRatePercent", "建制率目标（%）", true, "1", "100");
      rate = percent == null ? null : percent.movePointLeft(2);
    } else {
      rate = in.decimal("targetRate", "建制率目标", true, "0.01", "1");
    }
    if (start != null && end != null && end.isBefore(start)) {
      in.reject("endDate", "要约期间结束日期不能早于开始日期 (endDate must not be before startDate)");
    }
    if (end != null && deadline != null && deadline.isBefore(end)) {
      in.reject("reportDeadline", "统计表报送截止日不能早于要约期间结束日期 (reportDeadline must not be before endDate)");
    }
    if (start != null && end != null && end.isAfter(start.plusYears(1))) {
      in.reject("endDate", "要约期间不能超过一年 (the offer period must not exceed one year)");
    }
    in.throwIfInvalid();
    return new Campaign(null, name, start, end, deadline, rate, null);
  }

  private static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(LegalTime.zone()).toInstant());
  }
}
