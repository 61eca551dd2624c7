package cn.collectivenegotiation.registry;

import cn.collectivenegotiation.input.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as officers receive them: UTF-8 (with or without the BOM Excel writes), or GB18030 when the
 * bytes are not UTF-8 — a CSV saved by Chinese Excel is in GBK, which GB18030 contains.
 */
final class CsvFile {

  private static final Charset GB18030 = Charset.forName("GB18030");

  /**
   * Empty lines are kept as records so that a record's number is the row Excel shows; a quoted field
   * with line breaks is still one record, one row.
   */
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

  private CsvFile() {}

  static ImportTable read(byte[] bytes) {
    ImportTable.Builder table = new ImportTable.Builder();
    try (CSVParser parser = CSVParser.parse(new StringReader(text(bytes)), FORMAT)) {
      for (CSVRecord record : parser) {
        table.add((int) record.getRecordNumber(), record.toList());
      }
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidInputException("file", "无法读取 CSV 文件 (not a readable CSV file): " + e.getMessage());
    }
    return table.build();
  }

  static String text(byte[] bytes) {
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
        ? 3 : 0;
    byte[] content = Arrays.copyOfRange(bytes, start, bytes.length);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(content, GB18030);
    }
  }
}
