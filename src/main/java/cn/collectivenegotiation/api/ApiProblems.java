package cn.collectivenegotiation.api;

import cn.collectivenegotiation.input.InvalidInputException;
import cn.collectivenegotiation.registry.ImportRefusedException;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Errors of {@code /api} as RFC 7807 problem details that name the bad field. */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
public class ApiProblems {

  /** Problems of one import file listed at most: enough to correct a file, small enough to read. */
  static final int LISTED_IMPORT_ERRORS = 1000;

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setTitle("输入有误 (invalid input)");
    p.setProperty("errors", e.errors());
    if (!e.errors().isEmpty()) {
      p.setProperty("field", e.errors().get(0).field());
    }
    return p;
  }

  /** A refused import file: {@code errors} lists row, column heading and reason; {@code errorCount} counts them all. */
  @ExceptionHandler(ImportRefusedException.class)
  ProblemDetail importRefused(ImportRefusedException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()
        + (e.errors().size() > LISTED_IMPORT_ERRORS ? "；仅列出前" + LISTED_IMPORT_ERRORS + "处 (first " + LISTED_IMPORT_ERRORS + " listed)" : ""));
    p.setTitle("导入文件有误 (invalid import file)");
    p.setProperty("errorCount", e.errors().size());
    p.setProperty("errors", e.errors().subList(0, Math.min(e.errors().size(), LISTED_IMPORT_ERRORS)));
    return p;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "文件太大，请分批导入 (the file is too large; split it)");
    p.setTitle("文件太大 (file too large)");
    p.setProperty("field", "file");
    return p;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "请求体不是有效的 JSON 对象 (the body must be a JSON object)");
    p.setTitle("输入有误 (invalid input)");
    return p;
  }

  @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
  ProblemDetail forbidden(RuntimeException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    p.setTitle("无权访问 (forbidden)");
    return p;
  }
}
