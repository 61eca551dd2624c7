package cn.collectivenegotiation.campaign;

import cn.collectivenegotiation.campaign.StatisticsTable.Row;
import cn.collectivenegotiation.campaign.StatisticsTable.UnitTable;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.input.FormInput;
import cn.collectivenegotiation.input.InvalidInputException;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import cn.collectivenegotiation.offer.ReportingUnit;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The reporting units' part of a campaign: the activity report (photos and a news item), the unit's
 * statistics table produced at the end of the period, its submission with 活动中遇到的问题及建议, the city
 * union's chasing of a late table and its review of the city total. BPMN: {@code ${campaignReports...}}.
 */
@Component("campaignReports")
public class CampaignReports {

  /** Photos the activity report form offers; the notice asks for at least one. */
  static final List<String> PHOTOS = List.of("photo1", "photo2", "photo3");
  static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  private final Campaigns campaigns;
  private final CampaignStatistics statistics;
  /**
   * Where Tasklist's own engine API serves a file variable: the officer's webapp session may read it there.
   * Absolute, because Camunda Forms show an image only from an http(s) or data address.
   */
  private final String photoUrlPrefix;

  public CampaignReports(Campaigns campaigns, CampaignStatistics statistics,
      @Value("${negotiation.public-url}") String publicUrl,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.campaigns = campaigns;
    this.statistics = statistics;
    this.photoUrlPrefix = publicUrl.replaceAll("/+$", "") + webappPath + "/api/engine/engine/default/history/variable-instance/";
  }

  /** 《通知》：至少上报1张活动照片和1篇活动信息. Photos are File variables, kept with the campaign. */
  public void activityReport(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    List<String> photoIds = new java.util.ArrayList<>();
    for (String name : PHOTOS) {
      TypedValue value = task.getVariableTyped(name, false);
      if (value == null || value.getValue() == null) {
        continue;
      }
      if (!(value instanceof FileValue file) || file.getMimeType() == null || !file.getMimeType().startsWith("image/")) {
        in.reject(name, "活动照片应为图片文件（JPEG、PNG等） (" + name + " must be an image file)");
      } else if (task.getVariableTyped(name, true) instanceof FileValue loaded && size(loaded) > MAX_FILE_BYTES) {
        in.reject(name, "活动照片不能超过10MB (" + name + " must not exceed 10 MB)");
      } else {
        photoIds.add(variableInstanceId(task, name));
      }
    }
    if (photoIds.isEmpty() && in.isValid()) {
      in.reject("photo1", "至少上报1张活动照片 (at least one photo is required)");
    }
    String title = in.text("newsTitle", "活动信息标题", true, 200);
    in.text("newsText", "活动信息正文", true, 20_000);
    in.throwIfInvalid();
    campaigns.activityReported(campaignId(task), unit(task), LegalTime.today(), photoIds, title);
  }

  /**
   * The id of the variable a photo is kept in (the same id in history, where it stays after the unit's
   * branch has ended). The public API has no "variable instance of this scope by name"; the engine's
   * variable scope has.
   */
  private static String variableInstanceId(DelegateTask task, String name) {
    return ((VariableInstanceEntity) ((AbstractVariableScope) task).getVariableInstance(name)).getId();
  }

  private String photoUrl(String variableInstanceId) {
    return photoUrlPrefix + variableInstanceId + "/data";
  }

  /** The unit checking its table sees its own activity report, photos included (when it has reported). */
  public void showActivityReport(DelegateTask task) {
    String unit = unit(task);
    campaigns.activityReports(campaignId(task)).stream().filter(r -> r.reportingUnit().equals(unit)).findFirst()
        .ifPresentOrElse(r -> {
          task.setVariableLocal("activityNewsTitle", r.newsTitle());
          for (int i = 0; i < r.photoIds().size(); i++) {
            task.setVariableLocal("activityPhotoUrl" + (i + 1), photoUrl(r.photoIds().get(i)));
          }
        }, () -> task.setVariableLocal("activityNewsTitle", "（尚未上报活动照片和信息）"));
  }

  /** Every unit's activity report for the city union: news title and links to the photos. */
  String activityMarkdown(String campaignId) {
    List<Campaigns.ActivityReport> reports = campaigns.activityReports(campaignId);
    if (reports.isEmpty()) {
      return "（各单位均未上报活动照片和信息）";
    }
    StringBuilder md = new StringBuilder("| 填报单位 | 活动信息 | 活动照片 |\n|---|---|---|\n");
    for (Campaigns.ActivityReport r : reports) {
      md.append("| ").append(ReportingUnit.valueOf(r.reportingUnit()).chineseName()).append(" | ")
          .append(r.newsTitle().replace("|", "｜")).append(" | ");
      for (int i = 0; i < r.photoIds().size(); i++) {
        md.append(i == 0 ? "" : " ").append("[照片").append(i + 1).append("](").append(photoUrl(r.photoIds().get(i))).append(")");
      }
      md.append(" |\n");
    }
    return md.toString();
  }

  /** At the end of the period: the unit's table, counted from the offers, for the unit to check. */
  public void produce(DelegateExecution execution) {
    UnitTable table = unitTable(execution);
    execution.setVariable("statisticsMarkdown", markdown(List.of(table)));
    execution.setVariable("statisticsProducedAt", ClockUtil.getCurrentTime());
  }

  public void statisticsSubmitted(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    Boolean checked = in.bool("statisticsChecked", "已核对统计表", true);
    if (Boolean.FALSE.equals(checked)) {
      in.reject("statisticsChecked", "请核对统计表后再报送 (check the table before submitting)");
    }
    String problems = in.text("problems", "活动中遇到的问题及建议", true, 4000);
    in.throwIfInvalid();
    Date dueAt = (Date) task.getVariable("statisticsReportDueAt");
    boolean late = dueAt != null && !ClockUtil.getCurrentTime().before(dueAt);
    task.setVariable("submittedLate", late);
    campaigns.statisticsSubmitted(campaignId(task), unit(task), problems, LegalTime.today(), currentUser(task), late);
  }

  public void chased(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    in.text("chaseNote", "督促情况", true, 4000);
    in.throwIfInvalid();
  }

  /** The city union's review task shows every unit's table and the city total, as they stand now. */
  public void cityTotal(DelegateTask task) {
    StatisticsTable table = statistics.table(campaign(task), ClockUtil.getCurrentTime().toInstant());
    List<UnitTable> rows = new java.util.ArrayList<>(table.units());
    rows.add(table.city());
    task.setVariable("cityStatisticsMarkdown", markdown(rows));
    task.setVariable("cityProblems", table.city().problems() == null ? "（无）" : table.city().problems());
    task.setVariable("cityActivityMarkdown", activityMarkdown(campaignId(task)));
  }

  public void reviewed(DelegateTask task) {
    FormInput in = new FormInput(task.getVariables());
    in.text("reviewNote", "审核意见", false, 4000);
    in.throwIfInvalid();
  }

  private UnitTable unitTable(VariableScope scope) {
    StatisticsTable table = statistics.table(campaign(scope), ClockUtil.getCurrentTime().toInstant());
    String unit = unit(scope);
    return table.units().stream().filter(u -> u.unit().equals(unit)).findFirst().orElseThrow();
  }

  private Campaign campaign(VariableScope scope) {
    String id = campaignId(scope);
    return campaigns.find(id).orElseThrow(() -> new InvalidInputException(CampaignRegistration.CAMPAIGN_ID,
        "集中要约月活动不存在 (campaign " + id + " not found)"));
  }

  private static String campaignId(VariableScope scope) {
    return (String) scope.getVariable(CampaignRegistration.CAMPAIGN_ID);
  }

  private static String unit(VariableScope scope) {
    return (String) scope.getVariable("reportingUnit");
  }

  private static String currentUser(DelegateTask task) {
    Authentication a = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return a == null ? null : a.getUserId();
  }

  private static long size(FileValue file) {
    try (var in = file.getValue()) {
      return in == null ? 0 : in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  /** The attachment's columns as a Markdown table, which the Tasklist form shows. */
  static String markdown(List<UnitTable> tables) {
    StringBuilder md = new StringBuilder(
        "| 填报单位 | 项目 | 发出要约企业数 | 回应约企业数 | 续签合同企业数 | 续签覆盖职工人数 | 新签合同企业数 | 新签覆盖职工人数 |\n"
            + "|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (UnitTable t : tables) {
      row(md, t.unitName(), "发出单独要约", t.single());
      row(md, "", "发出区域（行业）性要约", t.regional());
      row(md, "", "**总计**", t.total());
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String unit, String item, Row r) {
    md.append("| ").append(unit).append(" | ").append(item).append(" | ").append(r.offered()).append(" | ")
        .append(r.responded()).append(" | ").append(r.renewed().enterprises()).append(" | ").append(r.renewed().workers())
        .append(" | ").append(r.newlySigned().enterprises()).append(" | ").append(r.newlySigned().workers()).append(" |\n");
  }
}
