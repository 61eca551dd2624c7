package cn.collectivenegotiation.registry;

import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.offer.CreditCode;
import cn.collectivenegotiation.offer.ReportingUnit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the rows of an import file into enterprises, checking every cell of every row and collecting
 * every problem, so that the officer corrects the file once rather than once per upload.
 */
final class EnterpriseRows {

  /** Above any enterprise of the city; a bigger figure is a typing mistake. */
  static final int MAX_WORKFORCE = 1_000_000;

  private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
      DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
      DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
      DateTimeFormatter.ofPattern("uuuu年M月d日").withResolverStyle(ResolverStyle.STRICT));

  private static final Set<String> YES = Set.of("是", "有", "Y", "YES", "TRUE", "1");
  private static final Set<String> NO = Set.of("否", "无", "N", "NO", "FALSE", "0");

  /** An enterprise read from a file, with the row it came from (for errors found later). */
  record Read(int row, Enterprise enterprise) {}

  /** What a file holds once every row is good, and the headings that named no column. */
  record Rows(List<Read> rows, List<String> ignoredColumns) {}

  private final ImportTable table;
  private final Map<EnterpriseColumn, Integer> positions = new EnumMap<>(EnterpriseColumn.class);
  private final List<String> ignored = new ArrayList<>();
  private final List<ImportRefusedException.RowError> errors = new ArrayList<>();

  private EnterpriseRows(ImportTable table) {
    this.table = table;
  }

  /** The file's enterprises; any problem refuses the file with all its problems. */
  static Rows read(ImportTable table) {
    EnterpriseRows reader = new EnterpriseRows(table);
    reader.headings();
    if (!reader.errors.isEmpty()) {
      throw new ImportRefusedException(reader.errors);
    }
    List<Read> rows = reader.rows();
    if (!reader.errors.isEmpty()) {
      throw new ImportRefusedException(reader.errors);
    }
    return new Rows(rows, List.copyOf(reader.ignored));
  }

  private void headings() {
    List<String> headings = table.headings();
    for (int i = 0; i < headings.size(); i++) {
      String heading = headings.get(i);
      if (heading.isEmpty()) {
        continue;
      }
      EnterpriseColumn column = EnterpriseColumn.ofHeading(heading).orElse(null);
      if (column == null) {
        ignored.add(heading);
      } else if (positions.putIfAbsent(column, i) != null) {
        error(table.headingRow(), column, "此列出现了两次 (the column appears twice)");
      }
    }
    for (EnterpriseColumn column : EnterpriseColumn.values()) {
      if (column.required() && !positions.containsKey(column)) {
        error(table.headingRow(), column, "缺少此列 (required column " + column.field() + " is missing)");
      }
    }
  }

  private List<Read> rows() {
    List<Read> result = new ArrayList<>();
    Map<String, Integer> rowOfCode = new HashMap<>();
    LocalDate today = LegalTime.today();
    for (ImportTable.Row row : table.rows()) {
      int errorsBefore = errors.size();
      String creditCode = creditCode(row);
      if (creditCode != null) {
        Integer first = rowOfCode.putIfAbsent(creditCode, row.number());
        if (first != null) {
          error(row.number(), EnterpriseColumn.CREDIT_CODE, "与第" + first + "行重复 (the same credit code as row " + first + ")");
        }
      }
      String name = text(row, EnterpriseColumn.NAME, true, 200);
      ReportingUnit unit = unit(row);
      String industry = text(row, EnterpriseColumn.INDUSTRY, false, 100);
      Integer workforce = number(row, EnterpriseColumn.WORKFORCE, true, 1, MAX_WORKFORCE);
      Integer women = number(row, EnterpriseColumn.WOMEN_WORKERS, false, 0, MAX_WORKFORCE);
      if (women != null && workforce != null && women > workforce) {
        error(row.number(), EnterpriseColumn.WOMEN_WORKERS, "女职工人数" + women + "多于职工人数" + workforce
            + " (womenWorkers must not exceed workforce)");
      }
      Boolean unionPresent = flag(row, EnterpriseColumn.UNION_PRESENT, true);
      Boolean collective = flag(row, EnterpriseColumn.COLLECTIVE_CONTRACT, true);
      Boolean special = flag(row, EnterpriseColumn.SPECIAL_CONTRACT, true);
      LocalDate contractEnd = contractEnd(row, collective, today);
      Boolean minimumWage = flag(row, EnterpriseColumn.MINIMUM_WAGE_PAY, false);
      Boolean tense = flag(row, EnterpriseColumn.TENSE_RELATIONS, false);
      Boolean difficulty = flag(row, EnterpriseColumn.IN_DIFFICULTY, false);
      Boolean restructuring = flag(row, EnterpriseColumn.RESTRUCTURING, false);
      Boolean hazards = flag(row, EnterpriseColumn.SEVERE_HAZARDS, false);
      if (errors.size() == errorsBefore) {
        result.add(new Read(row.number(), new Enterprise(creditCode, name, unit, industry, workforce, women,
            unionPresent, collective, special, contractEnd, minimumWage, tense, difficulty, restructuring, hazards,
            null, null)));
      }
    }
    return result;
  }

  private String cell(ImportTable.Row row, EnterpriseColumn column) {
    Integer position = positions.get(column);
    return position == null ? "" : row.cell(position);
  }

  private String creditCode(ImportTable.Row row) {
    String code = cell(row, EnterpriseColumn.CREDIT_CODE).toUpperCase(Locale.ROOT);
    String problem = CreditCode.problem(code);
    if (problem != null) {
      error(row.number(), EnterpriseColumn.CREDIT_CODE, problem);
      return null;
    }
    return code;
  }

  private String text(ImportTable.Row row, EnterpriseColumn column, boolean required, int maxLength) {
    String s = cell(row, column);
    if (s.isEmpty()) {
      if (required) {
        error(row.number(), column, "不能为空 (" + column.field() + " is required)");
      }
      return null;
    }
    if (s.length() > maxLength) {
      error(row.number(), column, "不能超过" + maxLength + "个字 (longer than " + maxLength + " characters)");
      return null;
    }
    return s;
  }

  private ReportingUnit unit(ImportTable.Row row) {
    String s = cell(row, EnterpriseColumn.REPORTING_UNIT);
    if (s.isEmpty()) {
      error(row.number(), EnterpriseColumn.REPORTING_UNIT, "不能为空 (reportingUnit is required)");
      return null;
    }
    for (ReportingUnit unit : ReportingUnit.values()) {
      if (unit.chineseName().equals(s) || unit.name().equalsIgnoreCase(s)) {
        return unit;
      }
    }
    error(row.number(), EnterpriseColumn.REPORTING_UNIT, "“" + s + "”不是填报单位，应为如“市中区”的单位名称或如 SHIZHONG 的代码"
        + " (not a reporting unit: give its Chinese name or its code)");
    return null;
  }

  /** A whole number; {@code 120.0} (a spreadsheet's way of writing 120) and {@code 1,200} are read too. */
  private Integer number(ImportTable.Row row, EnterpriseColumn column, boolean required, int min, int max) {
    String s = cell(row, column);
    if (s.isEmpty()) {
      if (required) {
        error(row.number(), column, "不能为空 (" + column.field() + " is required)");
      }
      return null;
    }
    BigDecimal n;
    try {
      n = new BigDecimal(s.matches("\\d{1,3}(,\\d{3})+") ? s.replace(",", "") : s);
    } catch (NumberFormatException e) {
      n = null;
    }
    if (n == null || n.stripTrailingZeros().scale() > 0) {
      error(row.number(), column, "“" + s + "”不是整数 (must be a whole number)");
      return null;
    }
    if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
      error(row.number(), column, "应在" + min + "到" + max + "之间，实为" + n.toPlainString()
          + " (must be between " + min + " and " + max + ")");
      return null;
    }
    return n.intValueExact();
  }

  /** 是/否 and its usual spellings; a blank optional flag is 否. */
  private Boolean flag(ImportTable.Row row, EnterpriseColumn column, boolean required) {
    String s = cell(row, column).toUpperCase(Locale.ROOT);
    if (s.isEmpty()) {
      if (required) {
        error(row.number(), column, "不能为空，应填“是”或“否” (" + column.field() + " is required: 是 or 否)");
        return null;
      }
      return false;
    }
    if (YES.contains(s)) {
      return true;
    }
    if (NO.contains(s)) {
      return false;
    }
    error(row.number(), column, "“" + cell(row, column) + "”应为“是”或“否”（也可填 有/无、Y/N、true/false、1/0）"
        + " (must be 是 or 否)");
    return null;
  }

  /**
   * Required with a collective contract, absent without one. A contract runs 1 to 3 years
   * (《集体合同规定》第三十八条), so an end more than 3 years ahead is a typing mistake.
   */
  private LocalDate contractEnd(ImportTable.Row row, Boolean collective, LocalDate today) {
    EnterpriseColumn column = EnterpriseColumn.CONTRACT_END_DATE;
    String s = cell(row, column);
    if (s.isEmpty()) {
      if (Boolean.TRUE.equals(collective)) {
        error(row.number(), column, "已签订集体合同，必须填写到期日 (required when collectiveContract is 是)");
      }
      return null;
    }
    LocalDate date = date(s);
    if (date == null) {
      error(row.number(), column, "“" + s + "”不是日期，应为 2027-03-31、2027/3/31 或 2027年3月31日"
          + " (must be a date: yyyy-MM-dd, yyyy/M/d or yyyy年M月d日)");
      return null;
    }
    if (Boolean.FALSE.equals(collective)) {
      error(row.number(), column, "未签订集体合同，不应填写集体合同到期日 (only with a collective contract)");
      return null;
    }
    LocalDate latest = today.plusYears(3);
    if (date.isAfter(latest)) {
      error(row.number(), column, "集体合同期限为1至3年，到期日不能晚于" + latest
          + "（《集体合同规定》第三十八条） (a contract runs at most 3 years)");
      return null;
    }
    return date;
  }

  private static LocalDate date(String s) {
    // an export may add a time of day to the date
    String day = s.split("[ T]", 2)[0];
    for (DateTimeFormatter format : DATE_FORMATS) {
      try {
        return LocalDate.parse(day, format);
      } catch (DateTimeParseException e) {
        // next format
      }
    }
    return null;
  }

  private void error(int row, EnterpriseColumn column, String reason) {
    errors.add(new ImportRefusedException.RowError(row, column.heading(), reason));
  }
}
