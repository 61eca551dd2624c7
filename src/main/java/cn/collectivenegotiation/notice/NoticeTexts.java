package cn.collectivenegotiation.notice;

import static cn.collectivenegotiation.offer.OfferVariables.*;

import cn.collectivenegotiation.deadline.LegalCalendar;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.offer.ReportingUnit;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** What the notices say, in Chinese: subject and plain-text body, with the offer and the link to Tasklist. */
@Component
public class NoticeTexts {

  private static final String FOOTER = "\n（本邮件由集体协商要约工作链自动发送，请勿直接回复。）\n";

  private final NoticeProperties properties;

  public NoticeTexts(NoticeProperties properties) {
    this.properties = properties;
  }

  /** 新任务: a task waits for the recipient (or their unit). */
  public Notice newTask(Task task, Map<String, Object> offer, Set<String> to) {
    String subject = "【新任务】" + task.getName() + offerSuffix(offer);
    StringBuilder body = new StringBuilder("您好：\n\n您（或您所在单位）有一项新的待办任务。\n\n");
    taskLines(body, task, offer);
    body.append("\n请登录 Tasklist 办理：").append(taskLink(task)).append('\n').append(FOOTER);
    return new Notice(subject, body.toString(), to);
  }

  /** 期限将至 (or 已届满 when the reminder comes after the last day): the legal period of an open task. */
  public Notice reminder(Task task, Map<String, Object> offer, Set<String> to) {
    LocalDate lastDay = lastDay(task.getDueDate());
    boolean passed = lastDay != null && lastDay.isBefore(LegalTime.today());
    String when = lastDay == null ? "" : (passed ? "：期限已于" : "：期限") + LegalCalendar.chinese(lastDay) + "届满";
    String subject = (passed ? "【期限已届满】" : "【期限将至】") + task.getName() + offerSuffix(offer) + when;
    StringBuilder body = new StringBuilder("您好：\n\n");
    body.append(passed ? "以下任务的期限已经届满，请尽快办理：\n\n" : "以下任务的法定期限即将届满，请按期办理：\n\n");
    taskLines(body, task, offer);
    if (lastDay != null && !passed) {
      body.append("剩余天数：").append(ChronoUnit.DAYS.between(LegalTime.today(), lastDay)).append("日（含届满当日）\n");
    }
    body.append("\n请登录 Tasklist 办理：").append(taskLink(task)).append('\n').append(FOOTER);
    return new Notice(subject, body.toString(), to);
  }

  /** 督促升级: both sides of the offer are told what the supervision chain did, and by when. */
  public Notice escalation(EscalationStage stage, Map<String, Object> offer, Set<String> to) {
    String unit = unitName(offer);
    StringBuilder body = new StringBuilder("您好：\n\n");
    String subject;
    switch (stage) {
      case RECTIFICATION_NOTICE -> {
        boolean interview = "INTERVIEW".equals(offer.get(RECTIFICATION_KIND));
        String what = interview ? "约谈" : "整改意见书";
        subject = "【" + what + "】" + offerTitle(offer) + "：请于" + chineseDay(offer.get("rectificationDeadline")) + "前整改";
        body.append("被要约方未按期应约或无正当理由拒绝协商，").append(unit).append("总工会已会同同级企业组织发出")
            .append(interview ? "约谈通知" : "整改意见书").append("。\n\n");
        offerLines(body, offer);
        body.append("督促方式：").append(what).append('\n');
        if (interview && offer.get(INTERVIEWEE) != null) {
          body.append("约谈对象：").append(offer.get(INTERVIEWEE)).append('\n');
        }
        body.append("整改要求：").append(text(offer.get(RECTIFICATION_REQUIREMENTS))).append('\n');
        body.append("整改期限：").append(chineseDay(offer.get("rectificationDeadline"))).append("（当日24时届满）\n");
        body.append("\n逾期仍不整改的，将提请人力资源社会保障部门责令限期改正。\n");
      }
      case CORRECTION_ORDER -> {
        subject = "【责令限期改正】" + offerTitle(offer) + "：改正期限" + chineseDay(offer.get("correctionDeadline"));
        body.append(unit).append("人力资源社会保障部门依《中华人民共和国工会法》第五十四条，责令无正当理由拒绝协商的一方限期改正。\n\n");
        offerLines(body, offer);
        body.append("改正要求：").append(text(offer.get(CORRECTION_REQUIREMENTS))).append('\n');
        body.append("改正期限：").append(chineseDay(offer.get("correctionDeadline"))).append("（当日24时届满）\n");
        body.append("\n逾期仍不改正的，将由协调劳动关系三方（四家）决定追究行政或法律责任，并可在新闻媒体曝光。\n");
      }
      case SANCTION_STAGE -> {
        subject = "【进入追责阶段】" + offerTitle(offer) + "：改正期限已届满";
        body.append("责令限期改正的期限（").append(chineseDay(offer.get("correctionDeadline")))
            .append("）已届满，被要约方仍未应约。本要约已提交协调劳动关系三方（四家）决定追究行政或法律责任或媒体曝光。\n\n");
        offerLines(body, offer);
      }
      default -> throw new IllegalArgumentException(stage.name());
    }
    body.append("\n被要约方此时应约的，督促即告终止。请登录 Tasklist 查看：").append(properties.getTasklistUrl()).append('\n')
        .append(FOOTER);
    return new Notice(subject, body.toString(), to);
  }

  private void taskLines(StringBuilder body, Task task, Map<String, Object> offer) {
    body.append("任务：").append(task.getName()).append('\n');
    offerLines(body, offer);
    LocalDate lastDay = lastDay(task.getDueDate());
    if (lastDay != null) {
      body.append("期限：").append(LegalCalendar.chinese(lastDay)).append("（当日24时届满）\n");
    }
  }

  private static void offerLines(StringBuilder body, Map<String, Object> offer) {
    if (offer.get(OFFER_NUMBER) != null) {
      body.append("要约编号：").append(offer.get(OFFER_NUMBER)).append('\n');
    }
    if (offer.get(ENTERPRISE_NAME) != null) {
      body.append("企业：").append(offer.get(ENTERPRISE_NAME));
      if (offer.get(CREDIT_CODE) != null) {
        body.append("（统一社会信用代码 ").append(offer.get(CREDIT_CODE)).append('）');
      }
      body.append('\n');
    }
  }

  private static String offerSuffix(Map<String, Object> offer) {
    return offer.get(OFFER_NUMBER) == null ? "" : " · " + offerTitle(offer);
  }

  private static String offerTitle(Map<String, Object> offer) {
    String title = "要约" + text(offer.get(OFFER_NUMBER));
    return offer.get(ENTERPRISE_NAME) == null ? title : title + " · " + offer.get(ENTERPRISE_NAME);
  }

  private static String unitName(Map<String, Object> offer) {
    try {
      return ReportingUnit.valueOf(String.valueOf(offer.get(REPORTING_UNIT))).chineseName();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private String taskLink(Task task) {
    return properties.getTasklistUrl() + "#/?task=" + task.getId();
  }

  /** The last day of a task's period: due dates end at 23:59:59 of it, or at the next midnight. */
  static LocalDate lastDay(Date due) {
    return due == null ? null : due.toInstant().minusSeconds(1).atZone(LegalTime.zone()).toLocalDate();
  }

  private static String chineseDay(Object isoDate) {
    return isoDate == null ? "（未定）" : LegalCalendar.chinese(LocalDate.parse(isoDate.toString()));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
