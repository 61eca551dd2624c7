package cn.collectivenegotiation.campaign;

import cn.collectivenegotiation.campaign.StatisticsTable.Row;
import cn.collectivenegotiation.campaign.StatisticsTable.UnitTable;
import cn.collectivenegotiation.offer.ReportingUnit;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FontScheme;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * 《集体协商“集中要约月”活动情况统计表》 as an .xlsx in the notice's attachment layout: a sheet 全市 with the
 * city's sums, then one sheet per reporting unit in the notice's order; or only one unit's sheet.
 *
 * <pre>
 *      A                 B            C            D       E             F       G
 *  1   附件
 *  2                  集体协商“集中要约月”活动情况统计表
 *  3   填报单位：市中区                                    填报日期：2017年3月28日
 *  4   项目            发出要约企业数 回应约企业数 续签合同数             新签合同数
 *  5                                              企业数  覆盖职工人数  企业数  覆盖职工人数
 *  6   发出单独要约
 *  7   发出区域（行业）性要约
 *  8   总计
 *  9   活动中遇到的问题及建议  (problems, merged B:G)
 * 11   集体协商建制率 … / 逾期未应约 … / 进入整改及以上 …
 * </pre>
 */
@Component
public class StatisticsWorkbook {

  static final String CITY_SHEET = "全市";
  static final String CITY_REPORTER = "乐山市总工会（汇总）";
  static final String TITLE = "集体协商“集中要约月”活动情况统计表";

  private static final DateTimeFormatter REPORT_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final String BLANK_DATE = "      年    月    日";
  private static final String BODY_FONT = "宋体";
  private static final String TITLE_FONT = "黑体";
  private static final int COLUMNS = 7;
  // in characters of the default font; a Chinese character takes two
  private static final int[] COLUMN_WIDTHS = {26, 15, 15, 12, 14, 12, 14};

  private static final int ATTACHMENT_ROW = 0;
  private static final int TITLE_ROW = 1;
  private static final int REPORTER_ROW = 2;
  private static final int HEADER_ROW = 3;
  private static final int SINGLE_ROW = 5;
  private static final int PROBLEMS_ROW = 8;
  private static final int SUPERVISION_ROW = 10;

  /**
   * Writes the workbook to {@code out} (left open).
   *
   * @param unitOrNull only this unit's sheet; null for 全市 and every unit
   * @throws IllegalArgumentException when the table has no entry for {@code unitOrNull}
   */
  public void write(StatisticsTable table, ReportingUnit unitOrNull, OutputStream out) {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      workbook.getProperties().getCoreProperties()
          .setTitle(table.campaignName() == null ? TITLE : table.campaignName() + " " + TITLE);
      // the default font sets the unit of column widths and the height of unstyled rows
      XSSFFont defaultFont = workbook.getFontAt(0);
      defaultFont.setScheme(FontScheme.NONE);
      defaultFont.setFontName(BODY_FONT);
      Styles styles = new Styles(workbook);
      if (unitOrNull == null) {
        sheet(workbook, styles, CITY_SHEET, CITY_REPORTER, table.city(), table.targetRate());
        for (UnitTable unit : table.units()) {
          sheet(workbook, styles, unit.unitName(), unit.unitName(), unit, table.targetRate());
        }
      } else {
        UnitTable unit = table.units().stream().filter(u -> unitOrNull.name().equals(u.unit())).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no statistics for reporting unit " + unitOrNull));
        sheet(workbook, styles, unitOrNull.chineseName(), unitOrNull.chineseName(), unit, table.targetRate());
      }
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void sheet(Workbook workbook, Styles styles, String name, String reporter, UnitTable unit,
      double targetRate) {
    Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
    sheet.setDisplayGridlines(false);
    for (int c = 0; c < COLUMNS; c++) {
      sheet.setColumnWidth(c, COLUMN_WIDTHS[c] * 256);
    }

    text(sheet, ATTACHMENT_ROW, 0, "附件", styles.attachment);
    sheet.getRow(ATTACHMENT_ROW).setHeightInPoints(20);
    text(sheet, TITLE_ROW, 0, TITLE, styles.title);
    sheet.getRow(TITLE_ROW).setHeightInPoints(36);
    merge(sheet, TITLE_ROW, TITLE_ROW, 0, COLUMNS - 1);

    text(sheet, REPORTER_ROW, 0, "填报单位：" + reporter, styles.plain);
    merge(sheet, REPORTER_ROW, REPORTER_ROW, 0, 3);
    String date = unit.reportDate() == null ? BLANK_DATE : unit.reportDate().format(REPORT_DATE);
    text(sheet, REPORTER_ROW, 4, "填报日期：" + date, styles.right);
    merge(sheet, REPORTER_ROW, REPORTER_ROW, 4, COLUMNS - 1);
    sheet.getRow(REPORTER_ROW).setHeightInPoints(24);

    header(sheet, styles);
    row(sheet, styles, SINGLE_ROW, "发出单独要约", unit.single());
    row(sheet, styles, SINGLE_ROW + 1, "发出区域（行业）性要约", unit.regional());
    row(sheet, styles, SINGLE_ROW + 2, "总计", unit.total());
    problems(sheet, styles, unit.problems());

    String rate = unit.establishmentRate() == null ? "无名录数据" : percent(unit.establishmentRate());
    text(sheet, SUPERVISION_ROW, 0, "集体协商建制率 " + rate + "（目标 " + percent(targetRate) + "）", styles.small);
    text(sheet, SUPERVISION_ROW + 1, 0, "逾期未应约 " + unit.overdue() + " 家", styles.small);
    text(sheet, SUPERVISION_ROW + 2, 0, "进入整改及以上 " + unit.escalated() + " 家", styles.small);

    PrintSetup print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(true);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
    sheet.setAutobreaks(true);
    sheet.setFitToPage(true);
    sheet.setHorizontallyCenter(true);
  }

  /** Two rows: 项目, 发出要约企业数 and 回应约企业数 span both; 续签合同数 and 新签合同数 each span two columns. */
  private void header(Sheet sheet, Styles styles) {
    int top = HEADER_ROW;
    int bottom = HEADER_ROW + 1;
    for (int c = 0; c < COLUMNS; c++) {
      text(sheet, top, c, "", styles.header);
      text(sheet, bottom, c, "", styles.header);
    }
    text(sheet, top, 0, "项目", styles.header);
    text(sheet, top, 1, "发出要约企业数", styles.header);
    text(sheet, top, 2, "回应约企业数", styles.header);
    text(sheet, top, 3, "续签合同数", styles.header);
    text(sheet, top, 5, "新签合同数", styles.header);
    text(sheet, bottom, 3, "企业数", styles.header);
    text(sheet, bottom, 4, "覆盖职工人数", styles.header);
    text(sheet, bottom, 5, "企业数", styles.header);
    text(sheet, bottom, 6, "覆盖职工人数", styles.header);
    merge(sheet, top, bottom, 0, 0);
    merge(sheet, top, bottom, 1, 1);
    merge(sheet, top, bottom, 2, 2);
    merge(sheet, top, top, 3, 4);
    merge(sheet, top, top, 5, 6);
    sheet.getRow(top).setHeightInPoints(26);
    sheet.getRow(bottom).setHeightInPoints(26);
  }

  private void row(Sheet sheet, Styles styles, int r, String label, Row row) {
    text(sheet, r, 0, label, styles.label);
    number(sheet, r, 1, row.offered(), styles.number);
    number(sheet, r, 2, row.responded(), styles.number);
    number(sheet, r, 3, row.renewed().enterprises(), styles.number);
    number(sheet, r, 4, row.renewed().workers(), styles.number);
    number(sheet, r, 5, row.newlySigned().enterprises(), styles.number);
    number(sheet, r, 6, row.newlySigned().workers(), styles.number);
    sheet.getRow(r).setHeightInPoints(24);
  }

  private void problems(Sheet sheet, Styles styles, String problems) {
    text(sheet, PROBLEMS_ROW, 0, "活动中遇到的问题及建议", styles.label);
    for (int c = 1; c < COLUMNS; c++) {
      text(sheet, PROBLEMS_ROW, c, "", styles.problems);
    }
    String text = problems == null ? "" : problems.strip();
    text(sheet, PROBLEMS_ROW, 1, text, styles.problems);
    merge(sheet, PROBLEMS_ROW, PROBLEMS_ROW, 1, COLUMNS - 1);
    // a merged cell does not grow with its text: size the row for the lines the text wraps into
    int width = 0;
    for (int c = 1; c < COLUMNS; c++) {
      width += COLUMN_WIDTHS[c];
    }
    int lines = 0;
    for (String paragraph : text.split("\\R", -1)) {
      lines += Math.max(1, (displayWidth(paragraph) + width - 3) / (width - 2));
    }
    // Excel's maximum row height is 409 points
    sheet.getRow(PROBLEMS_ROW).setHeightInPoints(Math.min(409, Math.max(5, lines) * 16 + 8));
  }

  /** Characters of the default font a line takes: a Chinese (full-width) character takes two. */
  private static int displayWidth(String s) {
    return s.codePoints().map(cp -> cp < 0x1100 ? 1 : 2).sum();
  }

  static String percent(double fraction) {
    return BigDecimal.valueOf(fraction * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString() + "%";
  }

  private static void text(Sheet sheet, int r, int c, String value, CellStyle style) {
    Cell cell = cell(sheet, r, c);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private static void number(Sheet sheet, int r, int c, long value, CellStyle style) {
    Cell cell = cell(sheet, r, c);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private static Cell cell(Sheet sheet, int r, int c) {
    var row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
    return row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
  }

  private static void merge(Sheet sheet, int firstRow, int lastRow, int firstCol, int lastCol) {
    sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstCol, lastCol));
  }

  /** The workbook's cell styles, made once: a workbook holds at most 64,000. */
  private static final class Styles {
    final CellStyle attachment;
    final CellStyle title;
    final CellStyle plain;
    final CellStyle right;
    final CellStyle header;
    final CellStyle label;
    final CellStyle number;
    final CellStyle problems;
    final CellStyle small;

    Styles(Workbook workbook) {
      Font body = font(workbook, BODY_FONT, 11, false);
      Font bold = font(workbook, BODY_FONT, 11, true);

      attachment = style(workbook, font(workbook, TITLE_FONT, 12, false), HorizontalAlignment.LEFT, false);
      title = style(workbook, font(workbook, TITLE_FONT, 18, true), HorizontalAlignment.CENTER, false);
      plain = style(workbook, body, HorizontalAlignment.LEFT, false);
      right = style(workbook, body, HorizontalAlignment.RIGHT, false);
      small = style(workbook, font(workbook, BODY_FONT, 9, false), HorizontalAlignment.LEFT, false);

      header = style(workbook, bold, HorizontalAlignment.CENTER, true);
      header.setWrapText(true);
      label = style(workbook, body, HorizontalAlignment.CENTER, true);
      label.setWrapText(true);
      number = style(workbook, body, HorizontalAlignment.CENTER, true);
      number.setDataFormat(workbook.createDataFormat().getFormat("0"));
      problems = style(workbook, body, HorizontalAlignment.LEFT, true);
      problems.setVerticalAlignment(VerticalAlignment.TOP);
      problems.setWrapText(true);
    }

    private static Font font(Workbook workbook, String name, int points, boolean bold) {
      Font font = workbook.createFont();
      font.setFontName(name);
      font.setFontHeightInPoints((short) points);
      font.setBold(bold);
      return font;
    }

    private static CellStyle style(Workbook workbook, Font font, HorizontalAlignment alignment,
        boolean bordered) {
      CellStyle style = workbook.createCellStyle();
      style.setFont(font);
      style.setAlignment(alignment);
      style.setVerticalAlignment(VerticalAlignment.CENTER);
      if (bordered) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
      }
      return style;
    }
  }
}
