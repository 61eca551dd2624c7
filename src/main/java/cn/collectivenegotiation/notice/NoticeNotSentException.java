package cn.collectivenegotiation.notice;

/** The mail server did not take a notice; the job that sends it fails and is tried again. */
public class NoticeNotSentException extends RuntimeException {

  public NoticeNotSentException(String message, Throwable cause) {
    super(message, cause);
  }
}
