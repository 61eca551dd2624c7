package cn.collectivenegotiation.registry;

import java.util.List;

/**
 * An import file refused whole: every problem found, each with the spreadsheet row (the heading row is
 * row 1), the column's Chinese heading and the reason. Nothing of the file was saved.
 */
public class ImportRefusedException extends RuntimeException {

  /** One problem of a file: where the officer finds it, and what is wrong. */
  public record RowError(int row, String field, String reason) {}

  private final List<RowError> errors;

  public ImportRefusedException(List<RowError> errors) {
    super("文件有" + errors.size() + "处错误，未导入任何企业 (" + errors.size() + " problems; nothing was imported)");
    this.errors = List.copyOf(errors);
  }

  public List<RowError> errors() {
    return errors;
  }
}
