package cn.collectivenegotiation.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail notices ({@code negotiation.mail.*}). The SMTP server itself is Spring Boot's {@code spring.mail.*}:
 * without {@code spring.mail.host} there is no mail sender and notices are only logged.
 */
@ConfigurationProperties("negotiation.mail")
public class NoticeProperties {

  /** Off switch for an installation that has a mail server configured but must not send (yet). */
  private boolean enabled = true;

  /** The sender of every notice. */
  private String from = "noreply@localhost";

  /** Tasklist as the people concerned reach it; a task's link is this with {@code #/?task=<id>}. */
  private String tasklistUrl = "http://localhost:8080/camunda/app/tasklist/default/";

  /**
   * How a notice that could not be sent is tried again (ISO 8601 repeat, or a list such as
   * {@code PT5M,PT30M,PT2H}); after the last try the job raises an incident in Cockpit.
   */
  private String retryTimeCycle = "R3/PT5M";

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTasklistUrl() {
    return tasklistUrl;
  }

  public void setTasklistUrl(String tasklistUrl) {
    this.tasklistUrl = tasklistUrl;
  }

  public String getRetryTimeCycle() {
    return retryTimeCycle;
  }

  public void setRetryTimeCycle(String retryTimeCycle) {
    this.retryTimeCycle = retryTimeCycle;
  }
}
