package cn.collectivenegotiation.notice;

import cn.collectivenegotiation.offer.OfferParties;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The send tasks of the supervision chain ({@code notifyRectificationNotice}, {@code notifyCorrectionOrder},
 * {@code notifySanctionStage} in collective-offer.bpmn): both sides of the offer, the offeree's group and the
 * offeror's, are told by mail. The tasks are asynchronous with {@code failedJobRetryTimeCycle}, on a branch
 * of their own: the escalation has happened before the mail is tried, and a mail server that is down
 * turns the send task's job into an incident without holding the escalation up.
 * BPMN: {@code camunda:expression="${escalationNotices.send(execution, 'CORRECTION_ORDER')}"}.
 */
@Component("escalationNotices")
public class EscalationNotices {

  private final Recipients recipients;
  private final NoticeTexts texts;
  private final MailNotices mail;
  private final NoticeProperties properties;

  public EscalationNotices(Recipients recipients, NoticeTexts texts, MailNotices mail, NoticeProperties properties) {
    this.recipients = recipients;
    this.texts = texts;
    this.mail = mail;
    this.properties = properties;
  }

  public void send(DelegateExecution execution, String stage) {
    OfferParties parties = OfferParties.of(execution);
    Set<String> groups = new LinkedHashSet<>(parties.offereeGroups());
    groups.addAll(parties.offerorGroups());
    mail.send(texts.escalation(EscalationStage.valueOf(stage), execution.getVariables(), recipients.ofGroups(groups)));
  }

  /** BPMN: {@code camunda:failedJobRetryTimeCycle="${escalationNotices.retryTimeCycle}"}. */
  public String getRetryTimeCycle() {
    return properties.getRetryTimeCycle();
  }
}
