package cn.collectivenegotiation.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.collectivenegotiation.campaign.StatisticsTable.Row;
import cn.collectivenegotiation.campaign.StatisticsTable.Tally;
import cn.collectivenegotiation.campaign.StatisticsTable.UnitTable;
import cn.collectivenegotiation.offer.ReportingUnit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The attachment table as a person opens it: sheets, headings, merged cells and the numbers in place. */
class StatisticsWorkbookTest {

  static final UnitTable SHIZHONG = new UnitTable("SHIZHONG", "市中区",
      new Row(12, 10, new Tally(6, 830), new Tally(4, 512)),
      new Row(40, 38, new Tally(15, 2100), new Tally(20, 1650)),
      new Row(52, 48, new Tally(21, 2930), new Tally(24, 2162)),
      "部分小微企业对集体协商认识不足，应约积极性不高。\n建议加强集体协商指导员队伍建设。",
      LocalDate.of(2017, 3, 28), 0.935, 2, 1, 1, 0);
  static final UnitTable SHAWAN = new UnitTable("SHAWAN", "沙湾区",
      new Row(3, 3, new Tally(1, 120), new Tally(2, 95)),
      Row.NONE,
      new Row(3, 3, new Tally(1, 120), new Tally(2, 95)),
      null, null, null, 0, 0, 0, 0);
  static final UnitTable CITY = new UnitTable("CITY", "全市",
      SHIZHONG.single().plus(SHAWAN.single()), SHIZHONG.regional().plus(SHAWAN.regional()),
      SHIZHONG.total().plus(SHAWAN.total()),
      "市中区：部分小微企业对集体协商认识不足，应约积极性不高。", LocalDate.of(2017, 3, 29), 0.921, 2, 1, 1, 0);
  static final StatisticsTable TABLE = new StatisticsTable("c-2017", "2017年集中要约月",
      LocalDate.of(2017, 2, 27), LocalDate.of(2017, 3, 27), LocalDate.of(2017, 3, 29), 0.92,
      List.of(SHIZHONG, SHAWAN), CITY);

  static Workbook all;

  @BeforeAll
  static void writeAll() throws IOException {
    byte[] bytes = write(null);
    // for a person to open
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "statistics-sample.xlsx"), bytes);
    all = new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  @AfterAll
  static void close() throws IOException {
    all.close();
  }

  @Test
  @DisplayName("全市在前，各填报单位按通知顺序各一张表，表名为单位中文名")
  void sheetsInOrder() {
    List<String> names = new ArrayList<>();
    all.sheetIterator().forEachRemaining(sheet -> names.add(sheet.getSheetName()));
    assertThat(names).containsExactly("全市", "市中区", "沙湾区");
  }

  @Test
  @DisplayName("标题、表头文字与附件一致")
  void headings() {
    Sheet sheet = all.getSheet("市中区");
    assertThat(text(sheet, "A1")).isEqualTo("附件");
    assertThat(text(sheet, "A2")).isEqualTo("集体协商“集中要约月”活动情况统计表");
    assertThat(all.getFontAt(sheet.getRow(1).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
    assertThat(text(sheet, "A4")).isEqualTo("项目");
    assertThat(text(sheet, "B4")).isEqualTo("发出要约企业数");
    assertThat(text(sheet, "C4")).isEqualTo("回应约企业数");
    assertThat(text(sheet, "D4")).isEqualTo("续签合同数");
    assertThat(text(sheet, "F4")).isEqualTo("新签合同数");
    assertThat(List.of(text(sheet, "D5"), text(sheet, "E5"), text(sheet, "F5"), text(sheet, "G5")))
        .containsExactly("企业数", "覆盖职工人数", "企业数", "覆盖职工人数");
    assertThat(List.of(text(sheet, "A6"), text(sheet, "A7"), text(sheet, "A8"), text(sheet, "A9")))
        .containsExactly("发出单独要约", "发出区域（行业）性要约", "总计", "活动中遇到的问题及建议");
  }

  @Test
  @DisplayName("合并单元格：项目等三列跨两行，续签、新签合同数各跨两列，标题与问题栏横跨表宽")
  void mergedCells() {
    for (Sheet sheet : all) {
      assertThat(sheet.getMergedRegions()).as(sheet.getSheetName()).extracting(CellRangeAddress::formatAsString)
          .contains("A2:G2", "A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:G4", "B9:G9");
    }
  }

  @Test
  @DisplayName("各行数字在各自的列，为数值单元格")
  void numbers() {
    Sheet shizhong = all.getSheet("市中区");
    assertRow(shizhong, 6, 12, 10, 6, 830, 4, 512);
    assertRow(shizhong, 7, 40, 38, 15, 2100, 20, 1650);
    assertRow(shizhong, 8, 52, 48, 21, 2930, 24, 2162);
    Sheet shawan = all.getSheet("沙湾区");
    assertRow(shawan, 6, 3, 3, 1, 120, 2, 95);
    assertRow(shawan, 7, 0, 0, 0, 0, 0, 0);
    assertRow(shawan, 8, 3, 3, 1, 120, 2, 95);
    Sheet city = all.getSheet("全市");
    assertRow(city, 6, 15, 13, 7, 950, 6, 607);
    assertRow(city, 7, 40, 38, 15, 2100, 20, 1650);
    assertRow(city, 8, 55, 51, 22, 3050, 26, 2257);
  }

  @Test
  @DisplayName("填报单位与填报日期；未填报的日期留空白的年月日")
  void reporterAndDate() {
    assertThat(text(all.getSheet("市中区"), "A3")).isEqualTo("填报单位：市中区");
    assertThat(text(all.getSheet("市中区"), "E3")).isEqualTo("填报日期：2017年3月28日");
    assertThat(text(all.getSheet("沙湾区"), "A3")).isEqualTo("填报单位：沙湾区");
    assertThat(text(all.getSheet("沙湾区"), "E3")).matches("填报日期：\\s+年\\s+月\\s+日");
    assertThat(text(all.getSheet("全市"), "A3")).isEqualTo("填报单位：乐山市总工会（汇总）");
    assertThat(text(all.getSheet("全市"), "E3")).isEqualTo("填报日期：2017年3月29日");
  }

  @Test
  @DisplayName("问题及建议：原文照录、自动换行、行高足以阅读；未填报时为空")
  void problems() {
    Sheet shizhong = all.getSheet("市中区");
    Cell cell = cell(shizhong, "B9");
    assertThat(cell.getStringCellValue()).isEqualTo(SHIZHONG.problems());
    assertThat(cell.getCellStyle().getWrapText()).isTrue();
    assertThat(shizhong.getRow(8).getHeightInPoints()).isGreaterThanOrEqualTo(3 * 14);
    assertThat(text(all.getSheet("沙湾区"), "B9")).isEmpty();
    assertThat(text(all.getSheet("全市"), "B9")).isEqualTo(CITY.problems());
  }

  @Test
  @DisplayName("表下小字：建制率对目标、逾期未应约、进入整改及以上；无名录时注明")
  void supervision() {
    Sheet shizhong = all.getSheet("市中区");
    assertThat(text(shizhong, "A11")).isEqualTo("集体协商建制率 93.5%（目标 92%）");
    assertThat(text(shizhong, "A12")).isEqualTo("逾期未应约 2 家");
    assertThat(text(shizhong, "A13")).isEqualTo("进入整改及以上 1 家");
    assertThat(text(all.getSheet("沙湾区"), "A11")).isEqualTo("集体协商建制率 无名录数据（目标 92%）");
  }

  @Test
  @DisplayName("表格细边框，A4 横向打印，一页宽")
  void bordersAndPrint() {
    for (Sheet sheet : all) {
      for (String ref : List.of("A4", "C5", "E4", "G8", "A9", "G9")) {
        assertThat(cell(sheet, ref).getCellStyle().getBorderBottom()).as(ref).isEqualTo(BorderStyle.THIN);
        assertThat(cell(sheet, ref).getCellStyle().getBorderRight()).as(ref).isEqualTo(BorderStyle.THIN);
      }
      PrintSetup print = sheet.getPrintSetup();
      assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
      assertThat(print.getLandscape()).isTrue();
      assertThat(sheet.getFitToPage()).isTrue();
      assertThat(print.getFitWidth()).isEqualTo((short) 1);
      assertThat(print.getFitHeight()).isZero();
    }
  }

  @Test
  @DisplayName("?unit=SHIZHONG：只有该单位一张表")
  void oneUnit() throws IOException {
    try (Workbook one = new XSSFWorkbook(new ByteArrayInputStream(write(ReportingUnit.SHIZHONG)))) {
      assertThat(one.getNumberOfSheets()).isEqualTo(1);
      Sheet sheet = one.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("市中区");
      assertThat(text(sheet, "A3")).isEqualTo("填报单位：市中区");
      assertRow(sheet, 8, 52, 48, 21, 2930, 24, 2162);
    }
  }

  @Test
  @DisplayName("统计表中没有的单位：不输出半张表")
  void unknownUnit() {
    assertThatThrownBy(() -> write(ReportingUnit.TRANSPORT)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TRANSPORT");
  }

  private static byte[] write(ReportingUnit unit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new StatisticsWorkbook().write(TABLE, unit, out);
    return out.toByteArray();
  }

  /** Row {@code excelRow} (1-based, as Excel shows it), columns B to G. */
  private static void assertRow(Sheet sheet, int excelRow, long... values) {
    for (int i = 0; i < values.length; i++) {
      String ref = (char) ('B' + i) + String.valueOf(excelRow);
      Cell cell = cell(sheet, ref);
      assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + ref).isEqualTo(CellType.NUMERIC);
      assertThat(cell.getNumericCellValue()).as(sheet.getSheetName() + "!" + ref).isEqualTo(values[i]);
    }
  }

  private static String text(Sheet sheet, String ref) {
    return cell(sheet, ref).getStringCellValue();
  }

  private static Cell cell(Sheet sheet, String ref) {
    CellReference at = new CellReference(ref);
    var row = sheet.getRow(at.getRow());
    assertThat(row).as(sheet.getSheetName() + "!" + ref).isNotNull();
    Cell cell = row.getCell(at.getCol());
    assertThat(cell).as(sheet.getSheetName() + "!" + ref).isNotNull();
    return cell;
  }
}
