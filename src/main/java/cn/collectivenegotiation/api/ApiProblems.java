package cn.collectivenegotiation.api;

import cn.collectivenegotiation.input.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of {@code /api} as RFC 7807 problem details that name the bad field. */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
public class ApiProblems {

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
