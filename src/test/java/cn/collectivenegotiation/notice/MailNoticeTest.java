package cn.collectivenegotiation.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import cn.collectivenegotiation.ProcessTestBase;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.Chain;
import cn.collectivenegotiation.offer.Offers;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mail.MailProperties;

/**
 * E-mail notices through a real SMTP server (GreenMail on the port the test profile gives spring.mail.port).
 * The offers are of 沐川县 and an enterprise of their own, so that the people below are the only ones who
 * could receive anything: each notice must reach exactly those concerned who have an address.
 */
class MailNoticeTest extends ProcessTestBase {

  static final String ENTERPRISE = Offers.creditCode(77001);
  static final String OTHER_ENTERPRISE = Offers.creditCode(77002);

  // 被要约方 (企业行政): one with an address, one without
  static final String MANAGER = "manager@ent.test";
  // 要约方 (企业工会)
  static final String ENTERPRISE_UNION = "chair@entunion.test";
  // 沐川县总工会, 人社局, 三方 and another enterprise: told only of their own tasks, never of the offer's escalation
  static final String UNIT_UNION = "officer@union.test";
  static final String LABOUR_BUREAU = "inspector@bureau.test";
  static final String TRIPARTITE = "committee@tripartite.test";
  static final String OTHER = "manager@other.test";

  @Autowired NoticeProperties notices;
  @Autowired MailProperties mailProperties;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;

  GreenMail mailServer;

  @BeforeEach
  void mailServerAndPeople() {
    mailServer = new GreenMail(new ServerSetup(mailProperties.getPort(), mailProperties.getHost(), ServerSetup.PROTOCOL_SMTP));
    mailServer.start();
    notices.setEnabled(true);
    person("mailmanager", MANAGER, "enterprise-" + ENTERPRISE);
    person("mailclerk", null, "enterprise-" + ENTERPRISE);
    person("mailchair", ENTERPRISE_UNION, "enterprise-union-" + ENTERPRISE);
    person("mailofficer", UNIT_UNION, "union-muchuan");
    person("mailinspector", LABOUR_BUREAU, "labour-bureau-muchuan");
    person("mailcommittee", TRIPARTITE, "tripartite");
    person("mailother", OTHER, "enterprise-" + OTHER_ENTERPRISE);
  }

  @AfterEach
  void stopMail() {
    notices.setEnabled(false);
    mailServer.stop();
  }

  /** A union offer to the test enterprise, delivered 2017-03-08: its 20 days end on 2017-03-28. */
  ProcessInstance sendOffer() {
    Map<String, Object> offer = Offers.unionOffer("2017-03-07", 77001, "MUCHUAN", 150);
    offer.put("enterpriseName", "沐川县示范竹业有限公司");
    offer.put("deliveryDate", "2017-03-08");
    return Chain.send(offer);
  }

  @Test
  @DisplayName("新任务 → 任务办理人收到中文邮件（要约编号、企业、任务、法定期限、Tasklist 链接）；邮件在事务之外由作业发送")
  void newTaskNotice() {
    ProcessInstance offer = sendOffer();
    Task respond = Chain.openTask(offer, "respondToOffer");
    String number = offer.getBusinessKey();

    assertThat(mailServer.getReceivedMessages()).as("nothing is sent inside the offer's transaction").isEmpty();
    Job notice = single(taskNoticeJobs(offer));
    assertThat(notice.getRetries()).isEqualTo(3);
    management.executeJob(notice.getId());

    MimeMessage mail = onlyMailTo(MANAGER);
    assertThat(subject(mail)).isEqualTo("【新任务】应约 · 要约" + number + " · 沐川县示范竹业有限公司");
    assertThat(body(mail)).contains("您（或您所在单位）有一项新的待办任务", "任务：应约", "要约编号：" + number,
        "企业：沐川县示范竹业有限公司（统一社会信用代码 " + ENTERPRISE + "）", "期限：2017年03月28日（当日24时届满）",
        "请登录 Tasklist 办理：http://tasklist.test/camunda/app/tasklist/default/#/?task=" + respond.getId());
    assertThat(taskNoticeJobs(offer)).isEmpty();
  }

  @Test
  @DisplayName("期限届满前3个工作日 → 被要约方收到“期限将至”邮件，挂在已有的提醒定时器上")
  void reminderNotice() {
    ProcessInstance offer = sendOffer();
    executeTaskNotices(offer);
    mailServer.reset();

    now("2017-03-23T00:00");
    execute(job("responseReminder", offer));
    executeTaskNotices(offer);

    deadlineNearMail(offer, MANAGER, "应约", "2017年03月28日", 5);
  }

  @Test
  @DisplayName("整改意见书、责令限期改正、进入追责阶段 → 被要约方和要约方各收到一封；上级工会、人社局、三方只收到自己的任务")
  void escalationNotices() {
    ProcessInstance offer = sendOffer();
    executeTaskNotices(offer);
    assertThat(recipients()).as("应约, to the offeree").containsExactly(MANAGER);
    mailServer.reset();
    now("2017-03-29T00:00");
    execute(job("responseDeadlinePassed", offer));
    executeTaskNotices(offer);
    assertThat(recipients()).as("the new tasks: the union's notice, the offeror's petition")
        .containsExactly(ENTERPRISE_UNION, UNIT_UNION);
    mailServer.reset();

    now("2017-03-30T10:00");
    complete(Chain.openTask(offer, "issueRectificationNotice"), withVariables(
        "rectificationKind", "NOTICE", "rectificationPartner", "ENTERPRISE_ASSOCIATION",
        "rectificationRequirements", "限期书面应约并开展集体协商", "rectificationDays", 15));
    assertThat(offer).isWaitingAt("notifyRectificationNotice", "rectificationDeadlinePassed");
    execute(job("notifyRectificationNotice", offer));

    assertThat(recipients()).containsExactly(ENTERPRISE_UNION, MANAGER);
    MimeMessage notice = mailTo(MANAGER);
    assertThat(subject(notice)).isEqualTo("【整改意见书】要约" + offer.getBusinessKey()
        + " · 沐川县示范竹业有限公司：请于2017年04月14日前整改");
    assertThat(body(notice)).contains("沐川县总工会已会同同级企业组织发出整改意见书", "整改要求：限期书面应约并开展集体协商",
        "整改期限：2017年04月14日（当日24时届满）", "逾期仍不整改的，将提请人力资源社会保障部门责令限期改正");
    assertThat(offer).hasPassed("rectificationNoticeSent");
    mailServer.reset();

    now("2017-04-15T00:00");
    execute(job("rectificationDeadlinePassed", offer));
    executeTaskNotices(offer);
    assertThat(recipients()).containsExactly(LABOUR_BUREAU);
    mailServer.reset();
    now("2017-04-17T10:00");
    complete(Chain.openTask(offer, "orderCorrection"),
        withVariables("correctionRequirements", "责令十日内开展集体协商", "correctionDays", 10));
    execute(job("notifyCorrectionOrder", offer));

    assertThat(recipients()).containsExactly(ENTERPRISE_UNION, MANAGER);
    MimeMessage order = mailTo(ENTERPRISE_UNION);
    assertThat(subject(order)).isEqualTo("【责令限期改正】要约" + offer.getBusinessKey()
        + " · 沐川县示范竹业有限公司：改正期限2017年04月27日");
    assertThat(body(order)).contains("沐川县人力资源社会保障部门依《中华人民共和国工会法》第五十四条",
        "改正要求：责令十日内开展集体协商", "改正期限：2017年04月27日（当日24时届满）");
    assertThat(offer).hasPassed("correctionOrderNoticeSent");
    mailServer.reset();

    now("2017-04-28T00:00");
    execute(job("correctionDeadlinePassed", offer));
    executeTaskNotices(offer);
    assertThat(recipients()).as("the tripartite committee's new task").containsExactly(TRIPARTITE);
    mailServer.reset();
    execute(job("notifySanctionStage", offer));

    assertThat(recipients()).containsExactly(ENTERPRISE_UNION, MANAGER);
    assertThat(subject(mailTo(MANAGER))).isEqualTo("【进入追责阶段】要约" + offer.getBusinessKey()
        + " · 沐川县示范竹业有限公司：改正期限已届满");
    assertThat(body(mailTo(MANAGER))).contains("责令限期改正的期限（2017年04月27日）已届满",
        "已提交协调劳动关系三方（四家）决定追究行政或法律责任或媒体曝光");
    assertThat(offer).hasPassed("sanctionStageNoticeSent").isWaitingAt("decideSanction");
  }

  @Test
  @DisplayName("邮件服务器不可用 → 追责任务照常产生，通知作业按5分钟间隔重试3次后形成故障；恢复并重试 → 邮件只到一次，流程继续")
  void escalationNoticeSurvivesAMailOutage() {
    ProcessInstance offer = atTheLabourBureau();
    mailServer.stop();

    now("2017-04-28T00:00");
    execute(job("correctionDeadlinePassed", offer));

    assertThat(offer).as("the escalation does not wait for the mail server").isWaitingAt("decideSanction");
    Job notice = job("notifySanctionStage", offer);
    failsThreeTimesFiveMinutesApart(notice);
    Incident incident = runtimeService().createIncidentQuery().processInstanceId(offer.getId())
        .activityId("notifySanctionStage").singleResult();
    assertThat(incident.getActivityId()).isEqualTo("notifySanctionStage");
    assertThat(incident.getIncidentMessage()).contains("通知邮件发送失败");

    // what an operator does in Cockpit once the mail server is back: retry the failed job
    mailServer.start();
    management.setJobRetries(notice.getId(), 1);
    execute(job("notifySanctionStage", offer));

    assertThat(recipients()).containsExactly(ENTERPRISE_UNION, MANAGER);
    assertThat(mailServer.getReceivedMessages()).hasSize(2);
    assertThat(runtimeService().createIncidentQuery().processInstanceId(offer.getId()).count()).isZero();
    assertThat(offer).hasPassed("sanctionStageNoticeSent");
    complete(Chain.openTask(offer, "decideSanction"), withVariables(
        "sanctionLiability", "ADMINISTRATIVE", "mediaExposure", false, "sanctionDecision", "建议追究行政责任"));
    assertThat(offer).isEnded().hasPassed("closedSanctioned");
  }

  @Test
  @DisplayName("邮件服务器不可用时产生的新任务 → 任务照常存在，通知作业重试后在该任务上形成故障；恢复后邮件只到一次")
  void taskNoticeSurvivesAMailOutage() {
    mailServer.stop();
    ProcessInstance offer = sendOffer();

    assertThat(offer).isWaitingAt("respondToOffer");
    Job notice = single(taskNoticeJobs(offer));
    failsThreeTimesFiveMinutesApart(notice);
    Incident incident = runtimeService().createIncidentQuery().processInstanceId(offer.getId()).singleResult();
    assertThat(incident.getActivityId()).as("Cockpit shows it on the task").isEqualTo("respondToOffer");
    assertThat(incident.getIncidentMessage()).contains("通知邮件发送失败", MANAGER);

    mailServer.start();
    management.setJobRetries(notice.getId(), 1);
    management.executeJob(notice.getId());

    assertThat(mailServer.getReceivedMessages()).hasSize(1);
    assertThat(recipients()).containsExactly(MANAGER);
    assertThat(runtimeService().createIncidentQuery().processInstanceId(offer.getId()).count()).isZero();
    Chain.accept(offer, "2017-04-20");
    assertThat(offer).isWaitingAt("nameUnionRepresentatives", "nameEnterpriseRepresentatives");
  }

  @Test
  @DisplayName("整改期满时通知仍在重试 → 不等邮件，照常转人社局责令改正")
  void rectificationPeriodDoesNotWaitForItsNotice() {
    ProcessInstance offer = sendOffer();
    now("2017-03-29T00:00");
    execute(job("responseDeadlinePassed", offer));
    mailServer.stop();
    complete(Chain.openTask(offer, "issueRectificationNotice"), withVariables(
        "rectificationKind", "INTERVIEW", "interviewee", "总经理", "rectificationPartner", "INDUSTRY_COMMERCE_FEDERATION",
        "rectificationRequirements", "约谈企业负责人", "rectificationDays", 15));
    failsThreeTimesFiveMinutesApart(job("notifyRectificationNotice", offer));

    now("2017-04-15T00:00");
    execute(job("rectificationDeadlinePassed", offer));

    assertThat(offer).isWaitingAt("orderCorrection").hasNotPassed("rectificationNoticeSent");
    assertThat(job("notifyRectificationNotice", offer)).as("the stale notice went with the period").isNull();
  }

  @Test
  @DisplayName("邮件未开启（无 spring.mail.host 或 negotiation.mail.enabled=false）→ 不产生通知作业，升级通知只写日志，流程照走")
  void mailOffOnlyLogs() {
    notices.setEnabled(false);
    ProcessInstance offer = sendOffer();
    assertThat(taskNoticeJobs(offer)).isEmpty();
    now("2017-03-29T00:00");
    execute(job("responseDeadlinePassed", offer));
    complete(Chain.openTask(offer, "issueRectificationNotice"), withVariables(
        "rectificationKind", "NOTICE", "rectificationPartner", "ENTERPRISE_ASSOCIATION",
        "rectificationRequirements", "限期书面应约", "rectificationDays", 15));
    execute(job("notifyRectificationNotice", offer));

    assertThat(offer).hasPassed("rectificationNoticeSent");
    assertThat(mailServer.getReceivedMessages()).isEmpty();
  }

  @Test
  @DisplayName("合同签订后报送期限届满前2个工作日 → 企业行政收到“报送人社局审查”期限将至邮件；逾期未报送 → 上级工会收到督促报送的新任务邮件")
  void filingPeriodReminder() {
    ProcessInstance offer = signedOn("2017-03-28");
    executeTaskNotices(offer);
    assertThat(recipients()).as("报送人社局审查, to the enterprise's management").containsExactly(MANAGER);
    mailServer.reset();

    // 《集体合同规定》第四十二条: 10 days from 2017-03-28 → Friday 2017-04-07; two working days before it
    // is Wednesday 2017-04-05 (04-02..04-04 is 清明)
    now("2017-04-05T00:00");
    execute(job("filingReminder", offer));
    assertThat(mailServer.getReceivedMessages()).as("the reminder's timer does not wait for the mail").isEmpty();
    executeTaskNotices(offer);

    MimeMessage mail = deadlineNearMail(offer, MANAGER, "报送人社局审查", "2017年04月07日", 2);
    assertThat(body(mail)).contains("要约编号：" + offer.getBusinessKey(),
        "企业：沐川县示范竹业有限公司（统一社会信用代码 " + ENTERPRISE + "）",
        "http://tasklist.test/camunda/app/tasklist/default/#/?task=" + Chain.openTask(offer, "submitForFiling").getId());
    mailServer.reset();

    now("2017-04-08T00:00");
    execute(job("filingOverdue", offer));
    executeTaskNotices(offer);
    MimeMessage followUp = onlyMailTo(UNIT_UNION);
    assertThat(subject(followUp)).isEqualTo("【新任务】督促企业报送合同 · 要约" + offer.getBusinessKey()
        + " · 沐川县示范竹业有限公司");
    assertThat(body(followUp)).contains("任务：督促企业报送合同", "要约编号：" + offer.getBusinessKey());
  }

  @Test
  @DisplayName("合同报送后审查期限届满前3个工作日 → 人社局收到“审查集体合同”期限将至邮件（期满未提出异议即生效）")
  void reviewPeriodReminder() {
    ProcessInstance offer = signedOn("2017-03-28");
    now("2017-04-06T10:00");
    Chain.file(offer, "2017-04-06");
    executeTaskNotices(offer);
    assertThat(recipients()).as("审查集体合同, to the unit's labour bureau").containsExactly(LABOUR_BUREAU);
    mailServer.reset();

    // 《集体合同规定》第四十四、四十七条: 15 days from 2017-04-06 → Friday 2017-04-21; three working days
    // before it is Tuesday 2017-04-18
    assertThat(job("reviewReminder", offer).getDuedate()).isEqualTo(at("2017-04-18T00:00"));
    now("2017-04-18T00:00");
    execute(job("reviewReminder", offer));
    executeTaskNotices(offer);

    deadlineNearMail(offer, LABOUR_BUREAU, "审查集体合同", "2017年04月21日", 3);
    assertThat(offer).isWaitingAt("reviewContract").hasPassed("reviewReminded");
  }

  @Test
  @DisplayName("人社局协调处理协商争议：期满前3个工作日收到“期限将至”、期满收到“期限已届满”邮件，双方和其他单位不收到")
  void disputePeriodReminder() {
    ProcessInstance offer = sendOffer();
    Chain.accept(offer, "2017-03-15");
    Chain.nameRepresentatives(offer);
    now("2017-03-15T10:00");
    Chain.round(offer, "DISPUTE");
    executeTaskNotices(offer);
    assertThat(recipients()).as("协调处理协商争议, to the unit's labour bureau").containsExactly(LABOUR_BUREAU);
    mailServer.reset();

    // 《集体合同规定》第五十条: 30 days from 2017-03-15 → Friday 2017-04-14, 24:00; three working days before
    // it is Tuesday 2017-04-11
    now("2017-04-11T00:00");
    execute(job("disputeReminder", offer));
    executeTaskNotices(offer);
    deadlineNearMail(offer, LABOUR_BUREAU, "协调处理协商争议", "2017年04月14日", 3);
    mailServer.reset();

    now("2017-04-15T00:00");
    execute(job("disputeDeadlinePassed", offer));
    executeTaskNotices(offer);

    MimeMessage mail = onlyMailTo(LABOUR_BUREAU);
    assertThat(subject(mail)).isEqualTo("【期限已届满】协调处理协商争议 · 要约" + offer.getBusinessKey()
        + " · 沐川县示范竹业有限公司：期限已于2017年04月14日届满");
    assertThat(body(mail)).contains("以下任务的期限已经届满，请尽快办理", "任务：协调处理协商争议",
        "期限：2017年04月14日（当日24时届满）").doesNotContain("剩余天数");
  }

  /**
   * The test enterprise's offer accepted, negotiated and its contract signed on {@code signedDate}; the
   * notices of the tasks before 报送人社局审查 sent and forgotten, that task's own not yet sent.
   */
  ProcessInstance signedOn(String signedDate) {
    ProcessInstance offer = sendOffer();
    Chain.accept(offer, "2017-03-20");
    Chain.nameRepresentatives(offer);
    Chain.round(offer, "AGREED");
    now(signedDate + "T10:00");
    Chain.vote(offer, 30, 25, 20);
    executeTaskNotices(offer);
    mailServer.reset();
    Chain.sign(offer, "NEW", signedDate, 150);
    assertThat(offer).isWaitingAt("submitForFiling");
    return offer;
  }

  // --- the chain up to the labour bureau's order, every notice sent and read ---

  ProcessInstance atTheLabourBureau() {
    ProcessInstance offer = sendOffer();
    now("2017-03-29T00:00");
    execute(job("responseDeadlinePassed", offer));
    now("2017-03-30T10:00");
    complete(Chain.openTask(offer, "issueRectificationNotice"), withVariables(
        "rectificationKind", "NOTICE", "rectificationPartner", "ENTERPRISE_ASSOCIATION",
        "rectificationRequirements", "限期书面应约并开展集体协商", "rectificationDays", 15));
    execute(job("notifyRectificationNotice", offer));
    now("2017-04-15T00:00");
    execute(job("rectificationDeadlinePassed", offer));
    now("2017-04-17T10:00");
    complete(Chain.openTask(offer, "orderCorrection"),
        withVariables("correctionRequirements", "责令十日内开展集体协商", "correctionDays", 10));
    execute(job("notifyCorrectionOrder", offer));
    executeTaskNotices(offer);
    mailServer.reset();
    return offer;
  }

  /** The engine's back-off: 3 tries, 5 minutes apart (not due before), then retries 0 and an incident. */
  void failsThreeTimesFiveMinutesApart(Job job) {
    for (int left = 2; left >= 0; left--) {
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasStackTraceContaining("通知邮件发送失败");
      Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
      assertThat(failed.getRetries()).isEqualTo(left);
      if (left > 0) {
        Date due = new Date(ClockUtil.getCurrentTime().getTime() + 5 * 60_000);
        assertThat(failed.getDuedate()).isEqualTo(due);
        assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).as("waits its 5 minutes").isZero();
        ClockUtil.setCurrentTime(due);
        assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).isEqualTo(1);
      }
    }
    assertThat(management.createJobQuery().jobId(job.getId()).withException().noRetriesLeft().count()).isEqualTo(1);
    assertThat(mailServer.getReceivedMessages()).isEmpty();
  }

  List<Job> taskNoticeJobs(ProcessInstance offer) {
    return management.createJobQuery().processInstanceId(offer.getId()).list().stream()
        .filter(j -> TaskNoticeJob.TYPE.equals(((JobEntity) j).getJobHandlerType())).toList();
  }

  void executeTaskNotices(ProcessInstance offer) {
    taskNoticeJobs(offer).forEach(j -> management.executeJob(j.getId()));
  }

  static Job single(List<Job> jobs) {
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  /** Every address a received message was delivered to, in order; one delivered copy per address. */
  List<String> recipients() {
    List<String> to = new ArrayList<>();
    for (MimeMessage m : mailServer.getReceivedMessages()) {
      try {
        for (Address a : m.getRecipients(Message.RecipientType.TO)) {
          to.add(a.toString());
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    // a message names all its addressees and is delivered once to each: as many copies as addressees
    List<String> distinct = new ArrayList<>(new TreeSet<>(to));
    assertThat(mailServer.getReceivedMessages()).as("each addressee got it exactly once").hasSize(distinct.size());
    return distinct;
  }

  MimeMessage mailTo(String address) {
    return List.of(mailServer.getReceivedMessages()).stream().filter(m -> {
      try {
        return List.of(m.getRecipients(Message.RecipientType.TO)).stream().anyMatch(a -> a.toString().equals(address));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).findFirst().orElseThrow(() -> new AssertionError("no mail to " + address));
  }

  MimeMessage onlyMailTo(String address) {
    assertThat(recipients()).containsExactly(address);
    return mailTo(address);
  }

  /**
   * The one 期限将至 mail, to {@code address}, for the offer's task {@code task} whose period ends on {@code lastDay}
   * (as the mail writes it, e.g. 2017年04月21日), {@code daysLeft} days ahead.
   */
  MimeMessage deadlineNearMail(ProcessInstance offer, String address, String task, String lastDay, int daysLeft) {
    MimeMessage mail = onlyMailTo(address);
    assertThat(subject(mail)).isEqualTo("【期限将至】" + task + " · 要约" + offer.getBusinessKey()
        + " · 沐川县示范竹业有限公司：期限" + lastDay + "届满");
    assertThat(body(mail)).contains("以下任务的法定期限即将届满，请按期办理", "任务：" + task,
        "期限：" + lastDay + "（当日24时届满）", "剩余天数：" + daysLeft + "日");
    return mail;
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String body(MimeMessage m) {
    try {
      return m.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  void person(String id, String email, String group) {
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      identity.saveGroup(identity.newGroup(group));
    }
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName(id);
      user.setLastName("测试");
      user.setEmail(email);
      user.setPassword(TestUsers.password(id));
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }
}
