package cn.collectivenegotiation.campaign;

import cn.collectivenegotiation.identity.CurrentUser;
import cn.collectivenegotiation.identity.Organisation;
import cn.collectivenegotiation.input.FormInput;
import cn.collectivenegotiation.offer.ReportingUnit;
import cn.collectivenegotiation.registry.RegistryAccess;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * Campaigns for a person: the city union starts one; the statistics table is read by the city union, the
 * city labour bureau and the tripartite committee for the whole city, and by a unit's union or labour bureau
 * for its own unit only.
 */
@Service
public class CampaignService {

  static final Set<String> FIELDS = Set.of("name", "startDate", "endDate", "reportDeadline", "targetRate");

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Campaigns campaigns;
  private final CampaignStatistics statistics;
  private final StatisticsWorkbook workbook;

  public CampaignService(RuntimeService runtimeService, IdentityService identityService, Campaigns campaigns,
      CampaignStatistics statistics, StatisticsWorkbook workbook) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.campaigns = campaigns;
    this.statistics = statistics;
    this.workbook = workbook;
  }

  public record Started(String id, String processInstanceId) {}

  /** Starts a {@code campaign}; its start listener checks the fields and the user, so a bad one starts nothing. */
  public Started start(Map<String, Object> body, CurrentUser user) {
    FormInput in = new FormInput(body);
    body.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted()
        .forEach(k -> in.reject(k, "未知字段 (unknown field; allowed: " + FIELDS.stream().sorted().toList() + ")"));
    in.throwIfInvalid();
    Map<String, Object> values = new java.util.HashMap<>(body);
    values.remove("name");
    if (body.get("name") != null) {
      values.put("campaignName", body.get("name"));
    }
    identityService.setAuthentication(user.userId(), user.groupIds());
    try {
      ProcessInstance instance = runtimeService.startProcessInstanceByKey(CampaignProcess.KEY, values);
      return new Started(instance.getBusinessKey(), instance.getId());
    } catch (cn.collectivenegotiation.input.InvalidInputException e) {
      // the form calls it campaignName; the API calls it name
      throw e.renamed("campaignName", "name");
    } finally {
      identityService.clearAuthentication();
    }
  }

  public Optional<Campaign> find(String id, CurrentUser user) {
    Optional<Campaign> campaign = campaigns.find(id);
    campaign.ifPresent(c -> units(user));
    return campaign;
  }

  public List<Campaign> list(CurrentUser user) {
    units(user);
    return campaigns.list();
  }

  /** The table as the user may see it: the whole city, or only the user's own units (and no city sums). */
  public Optional<StatisticsTable> statistics(String id, CurrentUser user) {
    return campaigns.find(id).map(c -> {
      Set<ReportingUnit> mine = units(user);
      StatisticsTable table = statistics.table(c, ClockUtil.getCurrentTime().toInstant());
      if (mine.size() == ReportingUnit.values().length) {
        return table;
      }
      return new StatisticsTable(table.campaignId(), table.campaignName(), table.startDate(), table.endDate(),
          table.reportDeadline(), table.targetRate(),
          table.units().stream().filter(u -> mine.contains(ReportingUnit.valueOf(u.unit()))).toList(), null);
    });
  }

  /**
   * The offers behind one figure of the table: of one unit, or (unit null) of every unit the user sees.
   * Another unit's offers are refused as its table is.
   */
  public Optional<List<CampaignStatistics.OfferLine>> offers(String id, ReportingUnit unit, CampaignFigure figure,
      CurrentUser user) {
    return campaigns.find(id).map(c -> {
      Set<ReportingUnit> mine = units(user);
      if (unit != null && !mine.contains(unit)) {
        throw new AuthorizationException("无权查看该填报单位的要约 (not your reporting unit)");
      }
      return statistics.offers(c, unit == null ? mine : Set.of(unit), figure, ClockUtil.getCurrentTime().toInstant());
    });
  }

  public boolean workbook(String id, ReportingUnit requested, CurrentUser user, OutputStream out) {
    Optional<StatisticsTable> table = statistics(id, user);
    if (table.isEmpty()) {
      return false;
    }
    // a unit's officer gets the unit's sheet
    ReportingUnit unit = requested == null && table.get().city() == null
        ? ReportingUnit.valueOf(table.get().units().get(0).unit()) : requested;
    if (unit != null && table.get().units().stream().noneMatch(u -> u.unit().equals(unit.name()))) {
      throw new AuthorizationException("无权查看该填报单位的统计表 (not your reporting unit)");
    }
    workbook.write(table.get(), unit, out);
    return true;
  }

  /**
   * Every unit for the city's supervisors (those who read the whole registry, and the tripartite committee);
   * a unit's union or labour bureau its unit; others nothing.
   */
  private static Set<ReportingUnit> units(CurrentUser user) {
    if (user.in(Organisation.TRIPARTITE)) {
      return Set.of(ReportingUnit.values());
    }
    Set<ReportingUnit> mine = RegistryAccess.readable(user);
    if (mine.isEmpty()) {
      throw new AuthorizationException("无权查看集中要约月统计 (only unions and labour bureaus see campaign statistics)");
    }
    return mine;
  }
}
