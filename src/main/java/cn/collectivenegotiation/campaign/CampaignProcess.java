package cn.collectivenegotiation.campaign;

/** The {@code campaign} process and the process it calls once per reporting unit (public contract). */
public final class CampaignProcess {

  public static final String KEY = "campaign";
  /**
   * One reporting unit's part of a campaign ({@code bpmn/campaign-unit-report.bpmn}): its activity report,
   * its statistics table and its problems and suggestions, in an instance only the unit's union may read.
   */
  public static final String UNIT_REPORT_KEY = "campaign-unit-report";

  private CampaignProcess() {}
}
