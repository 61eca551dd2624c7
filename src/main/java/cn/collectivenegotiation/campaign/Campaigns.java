package cn.collectivenegotiation.campaign;

import cn.collectivenegotiation.database.Sequences;
import cn.collectivenegotiation.offer.ReportingUnit;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * The campaigns (table {@code campaign}) and what each reporting unit submitted ({@code campaign_report}).
 * BPMN: {@code ${campaigns.units()}} runs one branch per reporting unit.
 */
@Component("campaigns")
public class Campaigns {

  private static final RowMapper<Campaign> CAMPAIGN = (rs, n) -> new Campaign(rs.getString("id"), rs.getString("name"),
      rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(),
      rs.getDate("report_deadline").toLocalDate(), rs.getBigDecimal("target_rate"), rs.getString("process_instance_id"));

  private final JdbcTemplate jdbc;
  private final DataFieldMaxValueIncrementer ids;
  private final TallyGates gates;
  private final CampaignTally tally;
  private final EstablishmentRateTally establishment;

  Campaigns(JdbcTemplate jdbc, DataSource dataSource, TallyGates gates, CampaignTally tally,
      EstablishmentRateTally establishment) {
    this.jdbc = jdbc;
    this.ids = Sequences.of(dataSource, "campaign_seq");
    this.gates = gates;
    this.tally = tally;
    this.establishment = establishment;
  }

  /** The reporting units in the notice's order: the campaign's multi-instance collection. */
  public List<String> units() {
    return Arrays.stream(ReportingUnit.values()).map(Enum::name).toList();
  }

  /** The union of a reporting unit: it reports and submits the unit's table. */
  public String unionGroup(String reportingUnit) {
    return ReportingUnit.valueOf(reportingUnit).unionGroup();
  }

  /**
   * Stores a new campaign, with an empty report row per unit, counts the offers already in its period into its
   * table ({@link CampaignTally#fill}) and the registry into its establishment rate
   * ({@link EstablishmentRateTally#fill}), every gate held, and returns it with its id.
   */
  Campaign create(Campaign campaign, String processInstanceId, String user) {
    String id = String.valueOf(ids.nextLongValue());
    jdbc.update("""
        INSERT INTO campaign (id, name, start_date, end_date, report_deadline, target_rate, process_instance_id,
          created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, campaign.name(), Date.valueOf(campaign.startDate()), Date.valueOf(campaign.endDate()),
        Date.valueOf(campaign.reportDeadline()), campaign.targetRate(), processInstanceId, user,
        Timestamp.from(Instant.now()));
    jdbc.batchUpdate("INSERT INTO campaign_report (campaign_id, reporting_unit) VALUES (?, ?)",
        units().stream().map(u -> new Object[] {id, u}).toList());
    Campaign stored = new Campaign(id, campaign.name(), campaign.startDate(), campaign.endDate(),
        campaign.reportDeadline(), campaign.targetRate(), processInstanceId);
    gates.lockAll();
    tally.fill(stored);
    establishment.fill(stored);
    return stored;
  }

  public Optional<Campaign> find(String id) {
    return jdbc.query("SELECT * FROM campaign WHERE id = ?", CAMPAIGN, id).stream().findFirst();
  }

  public List<Campaign> list() {
    return jdbc.query("SELECT * FROM campaign ORDER BY start_date DESC, id DESC", CAMPAIGN);
  }

  void activityReported(String campaignId, String unit, java.time.LocalDate on, List<String> photoIds, String newsTitle) {
    jdbc.update("UPDATE campaign_report SET activity_reported_on = ?, photo_count = ?, news_title = ?, photo_ids = ?"
        + " WHERE campaign_id = ? AND reporting_unit = ?", Date.valueOf(on), photoIds.size(), newsTitle,
        String.join(",", photoIds), campaignId, unit);
  }

  /** A unit's activity report as submitted: its news title and its photos (file variable ids). */
  public record ActivityReport(String reportingUnit, String newsTitle, List<String> photoIds) {}

  /** The activity reports of a campaign's units that have reported, in unit order. */
  List<ActivityReport> activityReports(String campaignId) {
    return jdbc.query("SELECT reporting_unit, news_title, photo_ids FROM campaign_report"
            + " WHERE campaign_id = ? AND activity_reported_on IS NOT NULL", (rs, n) -> new ActivityReport(
            rs.getString("reporting_unit"), rs.getString("news_title"),
            rs.getString("photo_ids") == null || rs.getString("photo_ids").isEmpty() ? List.of()
                : List.of(rs.getString("photo_ids").split(","))), campaignId)
        .stream().sorted(java.util.Comparator.comparing(r -> ReportingUnit.valueOf(r.reportingUnit()))).toList();
  }

  void statisticsSubmitted(String campaignId, String unit, String problems, java.time.LocalDate on, String user,
      boolean late) {
    jdbc.update("UPDATE campaign_report SET problems = ?, submitted_on = ?, submitted_by = ?, submitted_late = ?"
        + " WHERE campaign_id = ? AND reporting_unit = ?", problems, Date.valueOf(on), user, late, campaignId, unit);
  }
}
