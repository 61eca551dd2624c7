package cn.collectivenegotiation.registry;

import cn.collectivenegotiation.input.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook, read as a stream (a whole-workbook model of an uploaded file
 * could take far more memory than the file, and the row limit could only be checked afterwards).
 * A date cell reads as {@code yyyy-MM-dd}, a number as the number ({@code 120}, not {@code 120.0}),
 * whatever display format the officer's spreadsheet gave it.
 */
final class XlsxFile {

  private XlsxFile() {}

  static ImportTable read(byte[] bytes) {
    ImportTable.Builder table = new ImportTable.Builder();
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
      XSSFReader reader = new XSSFReader(pkg);
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new InvalidInputException("file", "工作簿中没有工作表 (the workbook has no sheet)");
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), reader.getSharedStringsTable(),
            new Rows(table), new PlainValues(), false));
        parser.parse(new InputSource(sheet));
      }
    } catch (InvalidInputException e) {
      throw e;
    } catch (SAXException e) {
      if (e.getException() instanceof InvalidInputException cause) {
        throw cause;
      }
      throw unreadable(e);
    } catch (Exception e) {
      throw unreadable(e);
    }
    return table.build();
  }

  private static InvalidInputException unreadable(Exception e) {
    return new InvalidInputException("file", "无法读取 XLSX 文件，请用 Excel 另存为 .xlsx 或 CSV 后重试 (not a readable XLSX workbook)");
  }

  /** Numbers and dates as values, not as displayed. */
  private static final class PlainValues extends DataFormatter {

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
      }
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }

  /** Places each cell in its column; cells the file leaves out stay blank. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

    private final ImportTable.Builder table;
    private List<String> cells;

    Rows(ImportTable.Builder table) {
      this.table = table;
    }

    @Override
    public void startRow(int rowNum) {
      cells = new ArrayList<>();
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = reference == null ? cells.size() : new CellReference(reference).getCol();
      while (cells.size() < column) {
        cells.add("");
      }
      if (column < cells.size()) {
        cells.set(column, value);
      } else {
        cells.add(value);
      }
    }

    @Override
    public void endRow(int rowNum) {
      table.add(rowNum + 1, cells);
    }
  }
}
