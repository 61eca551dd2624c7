package cn.collectivenegotiation.input;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Bad input: an offer, a task form, a holiday arrangement. A {@link BadUserRequestException} so that, thrown from a
 * listener, it rolls the engine's transaction back (nothing started, nothing completed) and Camunda's
 * REST API and Tasklist answer 400 with the message.
 */
public class InvalidInputException extends BadUserRequestException {

  /** One bad field: its variable name and what is wrong with it, in Chinese with the English gist. */
  public record FieldError(String field, String message) {}

  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  /** The same errors with a field called by another name (an API field that is a variable of another name). */
  public InvalidInputException renamed(String from, String to) {
    return new InvalidInputException(errors.stream()
        .map(e -> e.field().equals(from) ? new FieldError(to, e.message().replace(from, to)) : e).toList());
  }

  public List<FieldError> errors() {
    return errors;
  }
}
