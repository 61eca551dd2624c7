package cn.collectivenegotiation.campaign;

import cn.collectivenegotiation.campaign.StatisticsTable.Row;
import cn.collectivenegotiation.campaign.StatisticsTable.Tally;
import cn.collectivenegotiation.campaign.StatisticsTable.UnitTable;
import cn.collectivenegotiation.offer.ReportingUnit;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The notice's statistics table for a campaign, read from the tallies kept per campaign, unit and kind
 * ({@link CampaignTally}), so its cost depends neither on the number of offers nor on the engine's history;
 * {@link #recount} counts the same from the read model's rows ({@link OfferRecords}).
 * 发出要约企业数 and the contract columns count distinct enterprises per row; 总计 is the sum of the two rows,
 * as the officer filling the paper table adds them.
 */
@Component
public class CampaignStatistics {

  static final String CITY = "CITY";

  private final JdbcTemplate jdbc;
  private final CampaignTally tally;
  private final EstablishmentRateTally establishment;

  public CampaignStatistics(JdbcTemplate jdbc, CampaignTally tally, EstablishmentRateTally establishment) {
    this.jdbc = jdbc;
    this.tally = tally;
    this.establishment = establishment;
  }

  private record Counted(Row row, long overdue, long escalated, long inRectification, long atLabourBureau) {
    static final Counted NONE = new Counted(Row.NONE, 0, 0, 0, 0);
  }

  private record Report(String problems, LocalDate submittedOn) {}

  private record Rate(long withUnion, long withContract) {}

  /**
   * The table as kept per campaign, unit and kind ({@link CampaignTally}): at most 32 rows read, whatever the number
   * of offers, and the establishment rate's 16 ({@link EstablishmentRateTally}), whatever the size of the registry.
   */
  public StatisticsTable table(Campaign campaign, Instant now) {
    Map<ReportingUnit, Map<OfferRecords.Kind, Counted>> counted = new EnumMap<>(ReportingUnit.class);
    for (CampaignTally.Counts c : tally.read(campaign.id(), now)) {
      Row row = new Row(c.offered(), c.responded(), new Tally(c.renewed(), c.renewedWorkers()),
          new Tally(c.newlySigned(), c.newWorkers()));
      counted.computeIfAbsent(ReportingUnit.valueOf(c.unit()), u -> new EnumMap<>(OfferRecords.Kind.class))
          .put(OfferRecords.Kind.valueOf(c.kind()), new Counted(row, c.overdue(), c.escalated(), c.inRectification(),
              c.atLabourBureau()));
    }
    Map<ReportingUnit, Rate> rates = new EnumMap<>(ReportingUnit.class);
    establishment.read(campaign.id()).forEach((unit, c) -> rates.put(ReportingUnit.valueOf(unit), new Rate(c[0], c[1])));
    return assemble(campaign, counted, rates);
  }

  /**
   * The same table counted afresh from every {@code offer_record} row of the period with one grouped query, as
   * the table was counted before it was kept: the check that the kept table is right (tests, and the benchmark
   * before it times anything).
   */
  StatisticsTable recount(Campaign campaign, Instant now) {
    Map<ReportingUnit, Map<OfferRecords.Kind, Counted>> counted = new EnumMap<>(ReportingUnit.class);
    jdbc.query("""
        SELECT reporting_unit, kind,
          COUNT(DISTINCT credit_code) AS offered,
          COUNT(DISTINCT CASE WHEN responded_on IS NOT NULL THEN credit_code END) AS responded,
          COUNT(DISTINCT CASE WHEN contract_kind = 'RENEWED' THEN credit_code END) AS renewed,
          SUM(CASE WHEN contract_kind = 'RENEWED' THEN covered_workers ELSE 0 END) AS renewed_workers,
          COUNT(DISTINCT CASE WHEN contract_kind = 'NEW' THEN credit_code END) AS newly_signed,
          SUM(CASE WHEN contract_kind = 'NEW' THEN covered_workers ELSE 0 END) AS new_workers,
          SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS overdue,
          SUM(CASE WHEN escalated THEN 1 ELSE 0 END) AS escalated,
          SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS in_rectification,
          SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS at_labour_bureau
        FROM offer_record
        WHERE offer_date BETWEEN ? AND ?
        GROUP BY reporting_unit, kind""".formatted(CampaignFigure.OVERDUE.condition(),
        CampaignFigure.RECTIFICATION.condition(), CampaignFigure.LABOUR_BUREAU.condition()), (ResultSet rs) -> {
      ReportingUnit unit = ReportingUnit.valueOf(rs.getString("reporting_unit"));
      OfferRecords.Kind kind = OfferRecords.Kind.valueOf(rs.getString("kind"));
      Row row = new Row(rs.getLong("offered"), rs.getLong("responded"),
          new Tally(rs.getLong("renewed"), rs.getLong("renewed_workers")),
          new Tally(rs.getLong("newly_signed"), rs.getLong("new_workers")));
      counted.computeIfAbsent(unit, u -> new EnumMap<>(OfferRecords.Kind.class))
          .put(kind, new Counted(row, rs.getLong("overdue"), rs.getLong("escalated"), rs.getLong("in_rectification"),
              rs.getLong("at_labour_bureau")));
    }, Timestamp.from(now), Date.valueOf(campaign.startDate()), Date.valueOf(campaign.endDate()));
    return assemble(campaign, counted, establishment(campaign.endDate()));
  }

  /** The units' rows, the city's sums, what each unit submitted and the establishment rates. */
  private StatisticsTable assemble(Campaign campaign, Map<ReportingUnit, Map<OfferRecords.Kind, Counted>> counted,
      Map<ReportingUnit, Rate> rates) {
    Map<ReportingUnit, Report> reports = new EnumMap<>(ReportingUnit.class);
    jdbc.query("SELECT reporting_unit, problems, submitted_on FROM campaign_report WHERE campaign_id = ?",
        (ResultSet rs) -> {
          reports.put(ReportingUnit.valueOf(rs.getString("reporting_unit")),
              new Report(rs.getString("problems"), localDate(rs, "submitted_on")));
        }, campaign.id());

    List<UnitTable> units = new ArrayList<>();
    Counted citySingle = Counted.NONE;
    Counted cityRegional = Counted.NONE;
    Rate cityRate = new Rate(0, 0);
    StringBuilder cityProblems = new StringBuilder();
    for (ReportingUnit unit : ReportingUnit.values()) {
      Map<OfferRecords.Kind, Counted> byKind = counted.getOrDefault(unit, Map.of());
      Counted single = byKind.getOrDefault(OfferRecords.Kind.SINGLE, Counted.NONE);
      Counted regional = byKind.getOrDefault(OfferRecords.Kind.REGIONAL, Counted.NONE);
      Report report = reports.get(unit);
      Rate rate = rates.getOrDefault(unit, new Rate(0, 0));
      units.add(unitTable(unit.name(), unit.chineseName(), single, regional, rate,
          report == null ? null : report.problems(), report == null ? null : report.submittedOn()));
      citySingle = plus(citySingle, single);
      cityRegional = plus(cityRegional, regional);
      cityRate = new Rate(cityRate.withUnion() + rate.withUnion(), cityRate.withContract() + rate.withContract());
      if (report != null && report.problems() != null && !report.problems().isBlank()) {
        cityProblems.append(cityProblems.isEmpty() ? "" : "\n").append(unit.chineseName()).append("：").append(report.problems());
      }
    }
    UnitTable city = unitTable(CITY, "全市", citySingle, cityRegional, cityRate,
        cityProblems.isEmpty() ? null : cityProblems.toString(), null);
    return new StatisticsTable(campaign.id(), campaign.name(), campaign.startDate(), campaign.endDate(),
        campaign.reportDeadline(), campaign.targetRate().doubleValue(), units, city);
  }

  /** One offer behind a figure, as a supervisor finds it: its number, enterprise and where it stands. */
  public record OfferLine(String processInstanceId, String offerNumber, String kind, String reportingUnit,
      String creditCode, String enterpriseName, int workforce, LocalDate offerDate, Instant responseDueAt,
      LocalDate respondedOn, String status, String contractKind) {}

  /** At most this many offers are listed behind one figure; a unit's campaign has far fewer. */
  static final int LISTED_OFFERS = 500;

  /**
   * The offers behind one figure of the table, for the given units (the figure's rows meet the same
   * condition the table sums), by offer number.
   */
  public List<OfferLine> offers(Campaign campaign, java.util.Collection<ReportingUnit> units, CampaignFigure figure,
      Instant now) {
    if (units.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>();
    if (figure.countedAtATime()) {
      args.add(Timestamp.from(now));
    }
    args.add(Date.valueOf(campaign.startDate()));
    args.add(Date.valueOf(campaign.endDate()));
    units.forEach(u -> args.add(u.name()));
    args.add(LISTED_OFFERS);
    return jdbc.query("""
        SELECT offer_id, offer_number, kind, reporting_unit, credit_code, enterprise_name, workforce, offer_date,
          response_due_at, responded_on, status, contract_kind
        FROM offer_record
        WHERE %s AND offer_date BETWEEN ? AND ? AND reporting_unit IN (%s)
        ORDER BY offer_number, credit_code
        LIMIT ?""".formatted(figure.condition(), String.join(",", java.util.Collections.nCopies(units.size(), "?"))),
        (rs, n) -> new OfferLine(rs.getString("offer_id"), rs.getString("offer_number"), rs.getString("kind"),
            rs.getString("reporting_unit"), rs.getString("credit_code"), rs.getString("enterprise_name"),
            rs.getInt("workforce"), localDate(rs, "offer_date"), rs.getTimestamp("response_due_at").toInstant(),
            localDate(rs, "responded_on"), rs.getString("status"), rs.getString("contract_kind")),
        args.toArray());
  }

  /**
   * 建制率: of the registry's enterprises with a union, the share with a collective contract in force at
   * the end of the campaign (the registry learns of contracts signed through the product as they are signed);
   * counted afresh from the registry, for {@link #recount}.
   */
  private Map<ReportingUnit, Rate> establishment(LocalDate at) {
    Map<ReportingUnit, Rate> rates = new EnumMap<>(ReportingUnit.class);
    jdbc.query("""
        SELECT reporting_unit, COUNT(*) AS with_union,
          SUM(CASE WHEN collective_contract AND (contract_end_date IS NULL OR contract_end_date >= ?) THEN 1 ELSE 0 END)
            AS with_contract
        FROM enterprise WHERE union_present GROUP BY reporting_unit""", (ResultSet rs) -> {
      rates.put(ReportingUnit.valueOf(rs.getString("reporting_unit")),
          new Rate(rs.getLong("with_union"), rs.getLong("with_contract")));
    }, Date.valueOf(at));
    return rates;
  }

  private static UnitTable unitTable(String unit, String name, Counted single, Counted regional, Rate rate,
      String problems, LocalDate reportDate) {
    Double establishment = rate.withUnion() == 0 ? null : (double) rate.withContract() / rate.withUnion();
    return new UnitTable(unit, name, single.row(), regional.row(), single.row().plus(regional.row()), problems,
        reportDate, establishment, single.overdue() + regional.overdue(), single.escalated() + regional.escalated(),
        single.inRectification() + regional.inRectification(), single.atLabourBureau() + regional.atLabourBureau());
  }

  private static Counted plus(Counted a, Counted b) {
    return new Counted(a.row().plus(b.row()), a.overdue() + b.overdue(), a.escalated() + b.escalated(),
        a.inRectification() + b.inRectification(), a.atLabourBureau() + b.atLabourBureau());
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }
}
