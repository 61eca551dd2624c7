package cn.collectivenegotiation.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * 《集体协商“集中要约月”活动情况统计表》, the notice's attachment, for one campaign: one table per reporting
 * unit and the city's sums. Public contract: {@code GET /api/campaigns/{id}/statistics}.
 *
 * @param units one entry per reporting unit, in the notice's order
 * @param city the same sums for the whole city ({@code unit} = {@code CITY})
 */
public record StatisticsTable(String campaignId, String campaignName, LocalDate startDate, LocalDate endDate,
    LocalDate reportDeadline, double targetRate, List<UnitTable> units, UnitTable city) {

  /** Enterprises and the workers their contracts cover (覆盖职工人数). */
  public record Tally(long enterprises, long workers) {
    public static final Tally NONE = new Tally(0, 0);

    public Tally plus(Tally other) {
      return new Tally(enterprises + other.enterprises, workers + other.workers);
    }
  }

  /**
   * One row of the table: 发出要约企业数, 回应约企业数, 续签合同 (企业数, 覆盖职工人数), 新签合同 (企业数, 覆盖职工人数).
   * A regional offer counts each enterprise it covers.
   */
  public record Row(long offered, long responded, Tally renewed, Tally newlySigned) {
    public static final Row NONE = new Row(0, 0, Tally.NONE, Tally.NONE);

    public Row plus(Row other) {
      return new Row(offered + other.offered, responded + other.responded, renewed.plus(other.renewed),
          newlySigned.plus(other.newlySigned));
    }
  }

  /**
   * One 填报单位's table: the rows 发出单独要约, 发出区域(行业)性要约 and 总计, 活动中遇到的问题及建议 ({@code problems},
   * as the unit submitted it; null before), and beside the notice's table what supervisors check: the
   * establishment rate against the target (null when the registry has no enterprise with a union for the
   * unit), offers whose answer is overdue, offers that went to rectification or further, and offers now in
   * rectification ({@code inRectification}) or under the labour bureau's correction order
   * ({@code atLabourBureau}); each counts enterprises reached, as the table's rows do.
   *
   * @param unit reporting unit code (e.g. {@code SHIZHONG}), or {@code CITY} for the city's sums
   * @param unitName its Chinese name (e.g. 市中区; 全市 for the city)
   * @param reportDate the day the unit submitted its table (填报日期), null before
   */
  public record UnitTable(String unit, String unitName, Row single, Row regional, Row total, String problems,
      LocalDate reportDate, Double establishmentRate, long overdue, long escalated, long inRectification,
      long atLabourBureau) {}
}
