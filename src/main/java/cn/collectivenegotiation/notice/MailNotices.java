package cn.collectivenegotiation.notice;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a {@link Notice} through Spring's {@link JavaMailSender} (Spring Boot configures it from
 * {@code spring.mail.*}). Mail is on when {@code spring.mail.host} is set and {@code negotiation.mail.enabled}
 * is not false; otherwise every notice is only logged, so a newcomer without a mail server runs the product
 * as it is. A failure is thrown, never swallowed: the notice runs in a job of its own, which the engine
 * tries again and finally turns into an incident.
 */
@Component
public class MailNotices {

  private static final Logger log = LoggerFactory.getLogger(MailNotices.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final NoticeProperties properties;

  public MailNotices(ObjectProvider<JavaMailSender> sender, NoticeProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  /** Whether notices go out by mail (otherwise they are logged). */
  public boolean on() {
    return properties.isEnabled() && sender.getIfAvailable() != null;
  }

  public void send(Notice notice) {
    if (notice.to().isEmpty()) {
      log.info("通知无收件人（相关人员均未登记邮箱），未发送: {} (no recipient with an e-mail address)", notice.subject());
      return;
    }
    if (!on()) {
      log.info("邮件通知未开启，仅记录 (mail off): to {} — {}", notice.to(), notice.subject());
      return;
    }
    JavaMailSender mail = sender.getObject();
    MimeMessage message = mail.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(properties.getFrom());
      helper.setTo(notice.to().toArray(String[]::new));
      helper.setSubject(notice.subject());
      helper.setText(notice.body(), false);
    } catch (MessagingException e) {
      throw new MailPreparationException("通知邮件无法生成 (cannot build the notice): " + notice.subject(), e);
    }
    try {
      mail.send(message);
    } catch (MailException e) {
      throw new NoticeNotSentException("通知邮件发送失败，将按 " + properties.getRetryTimeCycle() + " 重试 (mail server "
          + "refused or unreachable): " + notice.subject() + " → " + notice.to(), e);
    }
    log.debug("notice sent to {}: {}", notice.to(), notice.subject());
  }

  @EventListener(ApplicationReadyEvent.class)
  void tellWhetherMailIsOn() {
    if (on()) {
      log.info("邮件通知已开启 (mail notices on), retries {}", properties.getRetryTimeCycle());
    } else {
      log.info("邮件通知未开启：未设置 spring.mail.host（或 negotiation.mail.enabled=false），通知仅写入日志"
          + " (mail notices off: set spring.mail.host to send them)");
    }
  }
}
