package cn.collectivenegotiation.registry;

import cn.collectivenegotiation.input.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of an import file as text, each with the row number the officer sees in the spreadsheet
 * (the heading row is row 1). Blank rows are left out; the first row that is not blank is the heading.
 */
record ImportTable(int headingRow, List<String> headings, List<Row> rows) {

  /** Rows per file: a city's registry fits several times over; a bigger file is most likely a mistake. */
  static final int MAX_ROWS = 20_000;

  /** One spreadsheet row: its number and its cells, left to right (blank cells as ""). */
  record Row(int number, List<String> cells) {

    String cell(int column) {
      return column < cells.size() ? cells.get(column) : "";
    }
  }

  /** Collects rows as a reader finds them and stops a file that is too long. */
  static final class Builder {

    private int headingRow;
    private List<String> headings;
    private final List<Row> rows = new ArrayList<>();

    void add(int number, List<String> cells) {
      List<String> trimmed = cells.stream().map(c -> c == null ? "" : c.strip()).toList();
      if (trimmed.stream().allMatch(String::isEmpty)) {
        return;
      }
      if (headings == null) {
        headingRow = number;
        headings = trimmed;
        return;
      }
      if (rows.size() == MAX_ROWS) {
        throw new InvalidInputException("file", "文件超过" + MAX_ROWS + "行，请分批导入 (at most " + MAX_ROWS
            + " rows per file; split it)");
      }
      rows.add(new Row(number, trimmed));
    }

    ImportTable build() {
      if (headings == null) {
        throw new InvalidInputException("file", "文件是空的 (the file has no rows)");
      }
      return new ImportTable(headingRow, headings, List.copyOf(rows));
    }
  }
}
