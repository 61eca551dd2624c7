package cn.collectivenegotiation.deadline;

import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The legal periods, as configuration with the national defaults (《集体合同规定》 and 《工会法》);
 * a province whose rules differ sets {@code negotiation.deadlines.*}.
 */
@ConfigurationProperties("negotiation.deadlines")
public class DeadlineProperties {

  /** The time zone in which a last day ends at 24:00 (民法典第二百零三条). */
  private ZoneId zone = ZoneId.of("Asia/Shanghai");

  /** 《集体合同规定》第三十二条: 收到集体协商要求之日起20日内以书面形式回应. */
  private Period response = Period.ofDays(20);

  /** How many working days before the last day of the response period the offeree is reminded. */
  private int responseReminderWorkingDays = 3;

  /** 《集体合同规定》第四十二条: 集体合同签订后10日内报送劳动保障行政部门审查. */
  private Period filing = Period.ofDays(10);

  /** How many working days before the filing deadline the employer is reminded. */
  private int filingReminderWorkingDays = 2;

  /** 《集体合同规定》第四十四、四十七条: 15日内审查; 15日内未提出异议的, 集体合同即行生效. */
  private Period contractReview = Period.ofDays(15);

  /** How many working days before the review period ends the labour bureau is reminded (its objection is due). */
  private int contractReviewReminderWorkingDays = 3;

  /** 《集体合同规定》: the labour bureau settles a negotiation dispute within 30 days, extendable once by at most 15. */
  private Period disputeCoordination = Period.ofDays(30);
  private int disputeExtensionMaxDays = 15;
  /** Working days before the coordination period ends when the labour bureau is reminded. */
  private int disputeReminderWorkingDays = 3;

  public Period getFiling() {
    return filing;
  }

  public void setFiling(Period filing) {
    this.filing = filing;
  }

  public int getFilingReminderWorkingDays() {
    return filingReminderWorkingDays;
  }

  public void setFilingReminderWorkingDays(int filingReminderWorkingDays) {
    this.filingReminderWorkingDays = filingReminderWorkingDays;
  }

  public Period getContractReview() {
    return contractReview;
  }

  public int getContractReviewReminderWorkingDays() {
    return contractReviewReminderWorkingDays;
  }

  public void setContractReviewReminderWorkingDays(int contractReviewReminderWorkingDays) {
    this.contractReviewReminderWorkingDays = contractReviewReminderWorkingDays;
  }

  public Period getDisputeCoordination() {
    return disputeCoordination;
  }

  public void setDisputeCoordination(Period disputeCoordination) {
    this.disputeCoordination = disputeCoordination;
  }

  public int getDisputeExtensionMaxDays() {
    return disputeExtensionMaxDays;
  }

  public void setDisputeExtensionMaxDays(int disputeExtensionMaxDays) {
    this.disputeExtensionMaxDays = disputeExtensionMaxDays;
  }

  public void setContractReview(Period contractReview) {
    this.contractReview = contractReview;
  }

  /** The rectification period the upper union sets in its 整改意见书 (not fixed by law). */
  private DayLimits rectification = new DayLimits();

  /** The period of the labour bureau's 责令限期改正 (not fixed by law). */
  private DayLimits correctionOrder = new DayLimits();

  public ZoneId getZone() {
    return zone;
  }

  public void setZone(ZoneId zone) {
    this.zone = zone;
  }

  public Period getResponse() {
    return response;
  }

  public void setResponse(Period response) {
    this.response = response;
  }

  public int getResponseReminderWorkingDays() {
    return responseReminderWorkingDays;
  }

  public void setResponseReminderWorkingDays(int responseReminderWorkingDays) {
    this.responseReminderWorkingDays = responseReminderWorkingDays;
  }

  public DayLimits getRectification() {
    return rectification;
  }

  public void setRectification(DayLimits rectification) {
    this.rectification = rectification;
  }

  public DayLimits getCorrectionOrder() {
    return correctionOrder;
  }

  public void setCorrectionOrder(DayLimits correctionOrder) {
    this.correctionOrder = correctionOrder;
  }

  /** A period the officer chooses, in days: the form's default and the bounds the server enforces. */
  public static class DayLimits {
    private int defaultDays = 15;
    private int minDays = 5;
    private int maxDays = 30;

    public int getDefaultDays() {
      return defaultDays;
    }

    public void setDefaultDays(int defaultDays) {
      this.defaultDays = defaultDays;
    }

    public int getMinDays() {
      return minDays;
    }

    public void setMinDays(int minDays) {
      this.minDays = minDays;
    }

    public int getMaxDays() {
      return maxDays;
    }

    public void setMaxDays(int maxDays) {
      this.maxDays = maxDays;
    }
  }

  public int getDisputeReminderWorkingDays() {
    return disputeReminderWorkingDays;
  }

  public void setDisputeReminderWorkingDays(int disputeReminderWorkingDays) {
    this.disputeReminderWorkingDays = disputeReminderWorkingDays;
  }
}
