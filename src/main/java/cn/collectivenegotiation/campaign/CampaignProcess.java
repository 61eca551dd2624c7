package cn.collectivenegotiation.campaign;

/** The {@code campaign} process (public contract). */
public final class CampaignProcess {

  public static final String KEY = "campaign";

  private CampaignProcess() {}
}
