package cn.collectivenegotiation.registry;

import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.offer.CreditCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Import files as officers send them: rows by Chinese heading, written as CSV in a given encoding. */
final class RegistryFiles {

  /** Every heading, in the order of the registry's template. */
  static final List<String> HEADINGS = List.of("统一社会信用代码", "企业名称", "填报单位", "行业", "职工人数", "女职工人数",
      "是否建立工会", "是否签订集体合同", "是否签订专项集体合同", "集体合同到期日", "以最低工资标准作为工资支付标准",
      "劳资关系紧张", "生产经营困难", "改革改制", "职业危害严重");

  private RegistryFiles() {}

  /**
   * A credit code with a valid GB 32100-2015 check character, unique to the registry tests ({@code MARG}
   * in positions 9–12) so that no other test's enterprise shares it.
   */
  static String code(int n) {
    String first17 = "91511102MARG" + String.format("%05d", n);
    return first17 + CreditCode.checkCharacter(first17);
  }

  /** The same code with a wrong check character. */
  static String wrongCheck(String code) {
    char bad = code.charAt(17) == '0' ? '1' : '0';
    return code.substring(0, 17) + bad;
  }

  /** A good row for 市中区: collective contract ending in 200 days, no situation flags. */
  static Map<String, String> row(String code, String name) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("统一社会信用代码", code);
    row.put("企业名称", name);
    row.put("填报单位", "市中区");
    row.put("行业", "制造业");
    row.put("职工人数", "120");
    row.put("女职工人数", "40");
    row.put("是否建立工会", "是");
    row.put("是否签订集体合同", "是");
    row.put("是否签订专项集体合同", "否");
    row.put("集体合同到期日", LegalTime.today().plusDays(200).toString());
    row.put("以最低工资标准作为工资支付标准", "否");
    row.put("劳资关系紧张", "否");
    row.put("生产经营困难", "否");
    row.put("改革改制", "否");
    row.put("职业危害严重", "否");
    return row;
  }

  static String csvText(List<String> headings, List<Map<String, String>> rows) {
    StringBuilder text = new StringBuilder(line(headings));
    for (Map<String, String> row : rows) {
      text.append(line(headings.stream().map(h -> row.getOrDefault(h, "")).toList()));
    }
    return text.toString();
  }

  static byte[] csv(Charset charset, boolean bom, List<String> headings, List<Map<String, String>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (bom) {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
      out.write(csvText(headings, rows).getBytes(charset));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] utf8(List<Map<String, String>> rows) {
    return csv(StandardCharsets.UTF_8, true, HEADINGS, rows);
  }

  /** One CSV line as Excel writes it: CRLF, quotes only where needed. */
  private static String line(List<String> cells) {
    return cells.stream().map(c -> c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
        .collect(Collectors.joining(",")) + "\r\n";
  }
}
