package cn.collectivenegotiation.campaign;

import java.time.Instant;

/**
 * The kept table ({@link CampaignStatistics#table}) against the table counted afresh from every offer row of the
 * period ({@link CampaignStatistics#recount}): used by the tests and by the benchmark before it times anything.
 */
public final class TallyCheck {

  /** How an offer's commit takes a gate, and how a campaign's creation counts itself up on the gates. */
  public static final String GATE_LOCK = TallyGates.LOCK;
  public static final String CAMPAIGN_CREATED = TallyGates.CREATED;

  private TallyCheck() {}

  /** The table counted afresh from the offer rows, for the benchmark. */
  public static StatisticsTable recount(CampaignStatistics statistics, Campaign campaign, Instant now) {
    return statistics.recount(campaign, now);
  }

  /** Throws, showing both, unless the two tables are the same in every unit, row, column and figure. */
  public static StatisticsTable agree(CampaignStatistics statistics, Campaign campaign, Instant now) {
    StatisticsTable kept = statistics.table(campaign, now);
    StatisticsTable counted = statistics.recount(campaign, now);
    if (!kept.equals(counted)) {
      StringBuilder diff = new StringBuilder();
      for (int i = 0; i < counted.units().size(); i++) {
        if (!kept.units().get(i).equals(counted.units().get(i))) {
          diff.append("\n  kept    ").append(kept.units().get(i)).append("\n  counted ").append(counted.units().get(i));
        }
      }
      throw new AssertionError("campaign " + campaign.id() + " at " + now + ": the kept table differs from the"
          + " recount" + diff + "\n  city kept    " + kept.city() + "\n  city counted " + counted.city());
    }
    return kept;
  }
}
