package cn.collectivenegotiation.registry;

import static cn.collectivenegotiation.registry.RegistryFiles.code;
import static cn.collectivenegotiation.registry.RegistryFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.Offers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** {@code POST /api/enterprises/import} as an officer uses it: the spreadsheet they have, over HTTP. */
@ProductTest
class EnterpriseImportTest {

  static final String LABOUR_BUREAU_OFFICER = "registrybureau";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired EnterpriseRegistry registry;

  @BeforeEach
  void people() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
    if (identityService.createUserQuery().userId(LABOUR_BUREAU_OFFICER).count() == 0) {
      User u = identityService.newUser(LABOUR_BUREAU_OFFICER);
      u.setPassword(TestUsers.password(LABOUR_BUREAU_OFFICER));
      identityService.saveUser(u);
      identityService.createMembership(LABOUR_BUREAU_OFFICER, "city-labour-bureau");
    }
  }

  TestRestTemplate as(String user) {
    return http.withBasicAuth(user, TestUsers.password(user));
  }

  ResponseEntity<JsonNode> upload(String user, String filename, byte[] bytes) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return filename;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return as(user).postForEntity("/api/enterprises/import", new HttpEntity<>(body, headers), JsonNode.class);
  }

  JsonNode enterprise(String creditCode) {
    ResponseEntity<JsonNode> read = as(TestUsers.CITY_OFFICER).getForEntity("/api/enterprises/" + creditCode, JsonNode.class);
    assertThat(read.getStatusCode()).as(creditCode).isEqualTo(HttpStatus.OK);
    return read.getBody();
  }

  static void assertImported(ResponseEntity<JsonNode> response, int created, int updated) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().get("created").asInt()).isEqualTo(created);
    assertThat(response.getBody().get("updated").asInt()).isEqualTo(updated);
    assertThat(response.getBody().get("total").asInt()).isEqualTo(created + updated);
  }

  /** The problems of a refused file as (row, field) pairs, with their reasons. */
  static List<JsonNode> errors(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    return StreamSupport.stream(response.getBody().get("errors").spliterator(), false).toList();
  }

  @Test
  @DisplayName("市总工会导入 UTF-8（带 BOM）的 CSV → 逐行建立企业，查询可见各字段")
  void goodCsvWithBom() {
    Map<String, String> first = row(code(1), "乐山市登记测试机械有限公司");
    Map<String, String> second = row(code(2), "五通桥登记测试化工有限公司");
    second.put("填报单位", "WUTONGQIAO");
    second.put("女职工人数", "");
    second.put("是否签订集体合同", "N");
    second.put("集体合同到期日", "");
    second.put("是否签订专项集体合同", "有");
    second.put("以最低工资标准作为工资支付标准", "Y");
    second.put("职业危害严重", "1");
    Map<String, String> third = row(code(3), "乐山高新登记测试电子有限公司");
    third.put("填报单位", "乐山高新区");
    third.put("职工人数", "1,200");
    third.put("集体合同到期日", LegalTime.today().getYear() + 1 + "年3月1日");
    third.put("劳资关系紧张", "true");
    third.put("改革改制", "");
    long before = registry.count();

    assertImported(upload(TestUsers.CITY_OFFICER, "企业名录.csv", RegistryFiles.utf8(List.of(first, second, third))), 3, 0);

    assertThat(registry.count()).isEqualTo(before + 3);
    JsonNode one = enterprise(code(1));
    assertThat(one.get("name").asText()).isEqualTo("乐山市登记测试机械有限公司");
    assertThat(one.get("reportingUnit").asText()).isEqualTo("SHIZHONG");
    assertThat(one.get("industry").asText()).isEqualTo("制造业");
    assertThat(one.get("workforce").asInt()).isEqualTo(120);
    assertThat(one.get("womenWorkers").asInt()).isEqualTo(40);
    assertThat(one.get("collectiveContract").asBoolean()).isTrue();
    assertThat(one.get("contractEndDate").asText()).isEqualTo(LegalTime.today().plusDays(200).toString());
    assertThat(one.get("updatedBy").asText()).isEqualTo(TestUsers.CITY_OFFICER);
    JsonNode two = enterprise(code(2));
    assertThat(two.get("reportingUnit").asText()).isEqualTo("WUTONGQIAO");
    assertThat(two.get("womenWorkers").isNull()).isTrue();
    assertThat(two.get("collectiveContract").asBoolean()).isFalse();
    assertThat(two.get("contractEndDate").isNull()).isTrue();
    assertThat(two.get("specialContract").asBoolean()).isTrue();
    assertThat(two.get("minimumWagePay").asBoolean()).isTrue();
    assertThat(two.get("severeHazards").asBoolean()).isTrue();
    assertThat(two.get("tenseRelations").asBoolean()).isFalse();
    JsonNode three = enterprise(code(3));
    assertThat(three.get("reportingUnit").asText()).isEqualTo("HIGHTECH");
    assertThat(three.get("workforce").asInt()).isEqualTo(1200);
    assertThat(three.get("contractEndDate").asText()).isEqualTo((LegalTime.today().getYear() + 1) + "-03-01");
    assertThat(three.get("tenseRelations").asBoolean()).isTrue();
    assertThat(three.get("restructuring").asBoolean()).as("blank flag is 否").isFalse();

    JsonNode shizhong = as(TestUsers.CITY_OFFICER).getForEntity("/api/enterprises?unit=SHIZHONG", JsonNode.class).getBody();
    assertThat(shizhong.findValuesAsText("creditCode")).contains(code(1)).doesNotContain(code(2), code(3));
  }

  @Test
  @DisplayName("导入 XLSX（第一个工作表，列序不同，日期单元格，数字 120.0）→ 建立企业；不认识的列原样报告")
  void goodXlsx() throws IOException {
    LocalDate end = LegalTime.today().plusDays(100);
    byte[] xlsx;
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
      Sheet sheet = workbook.createSheet("企业名录");
      List<String> headings = List.of("序号", "企业名称", "统一社会信用代码", "职工人数", "女职工人数", "集体合同到期日",
          "填报单位", "是否建立工会", "是否签订集体合同", "是否签订专项集体合同", "改革改制");
      Row heading = sheet.createRow(0);
      for (int i = 0; i < headings.size(); i++) {
        heading.createCell(i).setCellValue(headings.get(i));
      }
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue(1);
      row.createCell(1).setCellValue("乐山市登记测试食品有限公司");
      row.createCell(2).setCellValue(code(11));
      row.createCell(3).setCellValue(120.0);
      row.createCell(4).setCellValue(60);
      row.createCell(5).setCellValue(end);
      row.getCell(5).setCellStyle(dateStyle);
      row.createCell(6).setCellValue("市中区");
      row.createCell(7).setCellValue(true);
      row.createCell(8).setCellValue("是");
      row.createCell(9).setCellValue("否");
      // 改革改制 left out: a blank cell
      Row second = sheet.createRow(3); // row 3 (row 2 blank)
      second.createCell(1).setCellValue("沙湾登记测试建材有限公司");
      second.createCell(2).setCellValue(code(12));
      second.createCell(3).setCellValue(35);
      second.createCell(6).setCellValue("SHAWAN");
      second.createCell(7).setCellValue("无");
      second.createCell(8).setCellValue("否");
      second.createCell(9).setCellValue("否");
      second.createCell(10).setCellValue("是");
      workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("这一页不导入");
      workbook.write(out);
      xlsx = out.toByteArray();
    }
    long before = registry.count();

    ResponseEntity<JsonNode> response = upload(TestUsers.CITY_OFFICER, "名录.xlsx", xlsx);

    assertImported(response, 2, 0);
    assertThat(response.getBody().get("ignoredColumns").get(0).asText()).isEqualTo("序号");
    assertThat(registry.count()).isEqualTo(before + 2);
    JsonNode food = enterprise(code(11));
    assertThat(food.get("workforce").asInt()).isEqualTo(120);
    assertThat(food.get("womenWorkers").asInt()).isEqualTo(60);
    assertThat(food.get("contractEndDate").asText()).isEqualTo(end.toString());
    assertThat(food.get("unionPresent").asBoolean()).isTrue();
    assertThat(food.get("restructuring").asBoolean()).isFalse();
    JsonNode materials = enterprise(code(12));
    assertThat(materials.get("reportingUnit").asText()).isEqualTo("SHAWAN");
    assertThat(materials.get("unionPresent").asBoolean()).isFalse();
    assertThat(materials.get("restructuring").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("Excel 另存的 GBK 编码 CSV → 中文完好")
  void gbkCsv() {
    Map<String, String> row = row(code(21), "乐山市登记测试纺织有限公司");
    row.put("行业", "纺织服装、服饰业");
    byte[] gbk = RegistryFiles.csv(Charset.forName("GBK"), false, RegistryFiles.HEADINGS, List.of(row));

    assertImported(upload(TestUsers.CITY_OFFICER, "名录.csv", gbk), 1, 0);

    JsonNode read = enterprise(code(21));
    assertThat(read.get("name").asText()).isEqualTo("乐山市登记测试纺织有限公司");
    assertThat(read.get("industry").asText()).isEqualTo("纺织服装、服饰业");
  }

  @Test
  @DisplayName("再次导入修改过的文件 → 更新原有企业，不重复建立")
  void reimportUpdates() {
    Map<String, String> first = row(code(31), "乐山市登记测试钢铁有限公司");
    Map<String, String> second = row(code(32), "乐山市登记测试水泥有限公司");
    assertImported(upload(TestUsers.CITY_OFFICER, "名录.csv", RegistryFiles.utf8(List.of(first, second))), 2, 0);
    long before = registry.count();

    first.put("职工人数", "150");
    first.put("企业名称", "乐山市登记测试钢铁集团有限公司");
    second.put("劳资关系紧张", "是");
    assertImported(upload(TestUsers.CITY_OFFICER, "名录.csv", RegistryFiles.utf8(List.of(first, second))), 0, 2);

    assertThat(registry.count()).isEqualTo(before);
    JsonNode steel = enterprise(code(31));
    assertThat(steel.get("workforce").asInt()).isEqualTo(150);
    assertThat(steel.get("name").asText()).isEqualTo("乐山市登记测试钢铁集团有限公司");
    assertThat(enterprise(code(32)).get("tenseRelations").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("文件有多处错误 → 400，逐条列出行号、列名和原因；整个文件不导入")
  void badRowsAreListedAndNothingIsImported() {
    Map<String, String> good = row(code(41), "乐山市登记测试好企业有限公司");
    List<Map<String, String>> rows = new ArrayList<>();
    rows.add(good); // row 2
    rows.add(with(row(RegistryFiles.wrongCheck(code(42)), "校验位错"), Map.of())); // row 3
    rows.add(with(row(code(43), "单位错"), Map.of("填报单位", "成都市"))); // row 4
    rows.add(with(row(code(44), "人数为零"), Map.of("职工人数", "0", "女职工人数", "0"))); // row 5
    rows.add(with(row(code(45), "人数非数字"), Map.of("职工人数", "很多", "女职工人数", ""))); // row 6
    rows.add(with(row(code(46), "女职工过多"), Map.of("女职工人数", "130"))); // row 7
    rows.add(with(row(code(47), "缺到期日"), Map.of("集体合同到期日", ""))); // row 8
    rows.add(with(row(code(48), "是否错"), Map.of("是否建立工会", "也许"))); // row 9
    rows.add(with(row(code(41), "重复"), Map.of())); // row 10
    rows.add(Map.of()); // row 11: blank, skipped, still counted as the spreadsheet counts
    rows.add(with(row(code(49), "日期错"), Map.of("集体合同到期日", "2027-02-30"))); // row 12
    rows.add(with(row(code(50), "期限过长"), Map.of("集体合同到期日", LegalTime.today().plusYears(4).toString()))); // row 13
    long before = registry.count();

    ResponseEntity<JsonNode> response = upload(TestUsers.CITY_OFFICER, "名录.csv", RegistryFiles.utf8(rows));

    List<JsonNode> errors = errors(response);
    assertThat(errors).extracting(e -> e.get("row").asInt(), e -> e.get("field").asText()).containsExactly(
        tuple(3, "统一社会信用代码"),
        tuple(4, "填报单位"),
        tuple(5, "职工人数"),
        tuple(6, "职工人数"),
        tuple(7, "女职工人数"),
        tuple(8, "集体合同到期日"),
        tuple(9, "是否建立工会"),
        tuple(10, "统一社会信用代码"),
        tuple(12, "集体合同到期日"),
        tuple(13, "集体合同到期日"));
    assertThat(errors).extracting(e -> e.get("reason").asText()).satisfiesExactly(
        r -> assertThat(r).contains("校验位"),
        r -> assertThat(r).contains("成都市").contains("不是填报单位"),
        r -> assertThat(r).contains("应在1到"),
        r -> assertThat(r).contains("很多").contains("不是整数"),
        r -> assertThat(r).contains("多于职工人数"),
        r -> assertThat(r).contains("必须填写到期日"),
        r -> assertThat(r).contains("也许").contains("是").contains("否"),
        r -> assertThat(r).contains("与第2行重复"),
        r -> assertThat(r).contains("不是日期"),
        r -> assertThat(r).contains("不能晚于").contains("第三十八条"));
    assertThat(response.getBody().get("errorCount").asInt()).isEqualTo(10);
    assertThat(response.getBody().get("detail").asText()).contains("未导入");
    assertThat(registry.count()).isEqualTo(before);
    assertThat(registry.find(code(41))).as("the good row is not imported either").isEmpty();
  }

  static Map<String, String> with(Map<String, String> row, Map<String, String> changes) {
    row.putAll(changes);
    return row;
  }

  @Test
  @DisplayName("缺少必填列 → 400，指明列名（表头为第1行）")
  void missingRequiredColumn() {
    List<String> headings = RegistryFiles.HEADINGS.stream().filter(h -> !h.equals("职工人数")).toList();
    byte[] file = RegistryFiles.csv(StandardCharsets.UTF_8, true, headings, List.of(row(code(51), "缺列")));
    long before = registry.count();

    List<JsonNode> errors = errors(upload(TestUsers.CITY_OFFICER, "名录.csv", file));

    assertThat(errors).extracting(e -> e.get("row").asInt(), e -> e.get("field").asText(), e -> e.get("reason").asText())
        .containsExactly(tuple(1, "职工人数", "缺少此列 (required column workforce is missing)"));
    assertThat(registry.count()).isEqualTo(before);
  }

  @Test
  @DisplayName("英文字段名也可作表头")
  void englishHeadings() {
    List<String> english = Arrays.stream(EnterpriseColumn.values()).map(EnterpriseColumn::field).toList();
    Map<String, String> chinese = row(code(55), "乐山市登记测试英文表头有限公司");
    Map<String, String> row = new java.util.HashMap<>();
    for (EnterpriseColumn c : EnterpriseColumn.values()) {
      row.put(c.field(), chinese.get(c.heading()));
    }
    assertImported(upload(TestUsers.CITY_OFFICER, "names.csv",
        RegistryFiles.csv(StandardCharsets.UTF_8, false, english, List.of(row))), 1, 0);
    assertThat(enterprise(code(55)).get("name").asText()).isEqualTo("乐山市登记测试英文表头有限公司");
  }

  @Test
  @DisplayName("区县工会只能导入本单位企业：他单位的行、已登记在他单位的企业均为“不属于本单位”")
  void unitOfficerImportsOwnUnitOnly() {
    Map<String, String> own = row(code(61), "市中区登记测试本单位企业");
    Map<String, String> other = with(row(code(62), "五通桥登记测试他单位企业"), Map.of("填报单位", "五通桥区"));
    long before = registry.count();

    List<JsonNode> errors = errors(upload(TestUsers.SHIZHONG_OFFICER, "名录.csv", RegistryFiles.utf8(List.of(own, other))));

    assertThat(errors).extracting(e -> e.get("row").asInt(), e -> e.get("field").asText()).containsExactly(tuple(3, "填报单位"));
    assertThat(errors.get(0).get("reason").asText()).contains("不属于本单位");
    assertThat(registry.count()).isEqualTo(before);

    // an enterprise the city registered under 五通桥区 cannot be moved to 市中区 by 市中区's union
    Map<String, String> registeredElsewhere = with(row(code(63), "五通桥登记测试已登记企业"), Map.of("填报单位", "五通桥区"));
    assertImported(upload(TestUsers.CITY_OFFICER, "名录.csv", RegistryFiles.utf8(List.of(registeredElsewhere))), 1, 0);
    registeredElsewhere.put("填报单位", "市中区");
    List<JsonNode> moved = errors(upload(TestUsers.SHIZHONG_OFFICER, "名录.csv", RegistryFiles.utf8(List.of(registeredElsewhere))));
    assertThat(moved).extracting(e -> e.get("row").asInt(), e -> e.get("field").asText()).containsExactly(tuple(2, "填报单位"));
    assertThat(moved.get(0).get("reason").asText()).contains("已登记在五通桥区").contains("不属于本单位");
    assertThat(enterprise(code(63)).get("reportingUnit").asText()).isEqualTo("WUTONGQIAO");

    assertImported(upload(TestUsers.SHIZHONG_OFFICER, "名录.csv", RegistryFiles.utf8(List.of(own))), 1, 0);
    assertThat(enterprise(code(61)).get("updatedBy").asText()).isEqualTo(TestUsers.SHIZHONG_OFFICER);
  }

  @Test
  @DisplayName("企业、人社局不能导入 → 403；人社局可以查看；未登录 → 401")
  void whoMayImport() {
    byte[] file = RegistryFiles.utf8(List.of(row(code(71), "无权导入")));
    long before = registry.count();

    ResponseEntity<JsonNode> enterprise = upload(TestUsers.ENTERPRISE_MANAGER, "名录.csv", file);
    assertThat(enterprise.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(enterprise.getBody().get("detail").asText()).contains("只有市总工会或区县");
    assertThat(upload(LABOUR_BUREAU_OFFICER, "名录.csv", file).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.postForEntity("/api/enterprises/import", null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(registry.count()).isEqualTo(before);

    assertThat(as(LABOUR_BUREAU_OFFICER).getForEntity("/api/enterprises?unit=SHIZHONG", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(as(TestUsers.ENTERPRISE_MANAGER).getForEntity("/api/enterprises", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  @DisplayName("超过20000行 → 400，请分批导入；.xls 文件、没有文件 → 400；超过10MB → 413")
  void limitsAndFormats() {
    StringBuilder csv = new StringBuilder(String.join(",", RegistryFiles.HEADINGS)).append("\r\n");
    for (int i = 0; i <= 20_000; i++) {
      csv.append("x\r\n");
    }
    long before = registry.count();

    ResponseEntity<JsonNode> tooLong = upload(TestUsers.CITY_OFFICER, "名录.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLong.getBody().get("field").asText()).isEqualTo("file");
    assertThat(tooLong.getBody().get("detail").asText()).contains("超过20000行");

    byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    ResponseEntity<JsonNode> oldExcel = upload(TestUsers.CITY_OFFICER, "名录.xls", xls);
    assertThat(oldExcel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(oldExcel.getBody().get("detail").asText()).contains(".xls");

    ResponseEntity<JsonNode> notXlsx = upload(TestUsers.CITY_OFFICER, "名录.xlsx", "统一社会信用代码\r\n".getBytes(StandardCharsets.UTF_8));
    assertThat(notXlsx.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notXlsx.getBody().get("detail").asText()).contains("无法读取 XLSX");

    HttpHeaders multipart = new HttpHeaders();
    multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<JsonNode> noFile = as(TestUsers.CITY_OFFICER).postForEntity("/api/enterprises/import",
        new HttpEntity<>(new LinkedMultiValueMap<>(Map.of("other", List.of("x"))), multipart), JsonNode.class);
    assertThat(noFile.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noFile.getBody().get("field").asText()).isEqualTo("file");

    ResponseEntity<JsonNode> tooLarge = upload(TestUsers.CITY_OFFICER, "名录.csv", new byte[10 * 1024 * 1024 + 1]);
    assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(tooLarge.getBody().get("detail").asText()).contains("文件太大");

    assertThat(registry.count()).isEqualTo(before);
  }
}
