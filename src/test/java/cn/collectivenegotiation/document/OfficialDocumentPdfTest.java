package cn.collectivenegotiation.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The three notices as a reader gets them: the text PDFBox extracts, the fonts it finds. Each notice's
 * first page is also left as a PNG under {@code target/documents/} for a person to look at.
 */
class OfficialDocumentPdfTest {

  static final OfficialDocumentPdf PDF = new OfficialDocumentPdf();

  /** An offer of the 市中区 union's enterprise union, delivered 2017-03-08, answer due 2017-03-28. */
  static Map<String, Object> offer() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("offerNumber", "2017-SHIZHONG-000012");
    vars.put("offerorSide", "UNION");
    vars.put("onBehalf", "NONE");
    vars.put("creditCode", "91511102MA62B0002G");
    vars.put("enterpriseName", "乐山市示范机械有限公司");
    vars.put("reportingUnit", "SHIZHONG");
    vars.put("workforce", 320);
    vars.put("topics", "[\"WAGE_ADJUSTMENT\",\"LABOUR_PROTECTION\"]");
    vars.put("offerDate", "2017-03-07");
    vars.put("deliveryDate", "2017-03-08");
    vars.put("offerKind", "SINGLE");
    vars.put("responseDeadline", "2017-03-28");
    return vars;
  }

  static Map<String, Object> rectified(String kind) {
    Map<String, Object> vars = offer();
    vars.put("rectificationKind", kind);
    vars.put("rectificationPartner", "ENTERPRISE_ASSOCIATION");
    vars.put("interviewee", "总经理赵某");
    vars.put("rectificationRequirements", "限期书面应约并开展集体协商\n确定首席代表和协商时间");
    vars.put("rectificationDays", 15);
    vars.put("rectificationDeadline", "2017-04-14");
    return vars;
  }

  static byte[] keep(String name, byte[] pdf) throws Exception {
    Path dir = Path.of("target", "documents");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (int page = 0; page < doc.getNumberOfPages(); page++) {
        ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(page, 72), "png",
            dir.resolve(name + "-" + (page + 1) + ".png").toFile());
      }
    }
    return pdf;
  }

  static void assertEmbedded(byte[] pdf) {
    List<PDFont> fonts = Pdfs.fonts(pdf);
    assertThat(fonts).isNotEmpty();
    assertThat(fonts).allSatisfy(f -> {
      assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
      // a subset carries a six-letter tag before its name (ABCDEF+NotoSerifSC-Regular)
      assertThat(f.getName()).matches("[A-Z]{6}\\+NotoSerifSC.*");
    });
  }

  @Test
  @DisplayName("要约书：要约编号、企业名称与信用代码、议题、应约期限（中文日期）、《集体合同规定》第三十二条、署名工会")
  void offerLetter() throws Exception {
    byte[] pdf = keep("offer-letter", PDF.render(new NoticeTexts(offer()).offerLetter(Period.ofDays(20))));

    String text = Pdfs.text(pdf);
    assertThat(text).contains("集体协商要约书", "市中要约〔2017〕12号", "2017-SHIZHONG-000012")
        .contains("乐山市示范机械有限公司：", "91511102MA62B0002G", "职工320人", "工资调整与收入分配、劳动保障")
        .contains("2017年3月8日送达", "即2017年3月28日前", "《集体合同规定》第三十二条")
        .contains("乐山市示范机械有限公司工会2017年3月7日")
        .contains("抄送：乐山市市中区总工会");
    assertThat(Pdfs.pages(pdf)).as("a short letter with its signature on one page").isEqualTo(1);
    assertEmbedded(pdf);
  }

  @Test
  @DisplayName("要约书：期限末日遇法定休假日 → 写明顺延；上代下由上级工会署名")
  void offerLetterOnBehalfWithDeadlineMoved() {
    Map<String, Object> vars = offer();
    vars.put("onBehalf", "UPPER_FOR_LOWER");
    vars.put("deliveryDate", "2017-01-08");
    vars.put("responseDeadline", "2017-02-03"); // 2017-01-28 falls in the Spring Festival break
    String text = Pdfs.text(PDF.render(new NoticeTexts(vars).offerLetter(Period.ofDays(20))));

    assertThat(text).contains("乐山市市中区总工会（代乐山市示范机械有限公司工会）现向你单位提出")
        .contains("即2017年2月3日前", "期限末日2017年1月28日为法定休假日，依法顺延")
        .contains("乐山市市中区总工会2017年3月7日");
  }

  @Test
  @DisplayName("整改意见书：总工会与企业家协会联合署名，写明逾期未应约、整改要求、整改期限和法律依据")
  void rectificationNotice() throws Exception {
    byte[] pdf = keep("rectification-notice",
        PDF.render(new NoticeTexts(rectified("NOTICE")).rectificationNotice(LocalDate.of(2017, 3, 30))));

    String text = Pdfs.text(pdf);
    assertThat(text).contains("乐山市市中区总工会", "乐山市市中区企业家协会", "市中工整〔2017〕12号", "整改意见书")
        .contains("乐山市示范机械有限公司：", "要约编号：2017-SHIZHONG-000012", "应当于2017年3月28日前书面回应，但逾期未予回应")
        .contains("《中华人民共和国工会法》第五十四条", "《集体合同规定》第三十二条")
        .contains("限期书面应约并开展集体协商", "确定首席代表和协商时间", "请你单位于2017年4月14日前完成整改")
        .contains("乐山市市中区企业家协会2017年3月30日");
    assertEmbedded(pdf);
  }

  @Test
  @DisplayName("约谈：标题为约谈通知书，写明约谈对象；无理拒绝的理由写入事实")
  void interviewNotice() {
    Map<String, Object> vars = rectified("INTERVIEW");
    vars.put("responseDecision", "REFUSE");
    vars.put("refusalReason", "企业经营困难，暂不协商");
    vars.put("refusalJustified", false);
    String text = Pdfs.text(PDF.render(new NoticeTexts(vars).rectificationNotice(LocalDate.of(2017, 3, 30))));

    assertThat(text).contains("约谈通知书", "市中工谈〔2017〕12号", "决定约谈你单位总经理赵某")
        .contains("以“企业经营困难，暂不协商”为由拒绝协商，经审查，该理由不属于正当理由")
        .doesNotContain("对你单位提出如下整改意见");
  }

  @Test
  @DisplayName("责令限期改正通知书：人社局署名，《工会法》第五十四条第（四）项，改正期限为法定日历算得的日期")
  void correctionOrder() throws Exception {
    Map<String, Object> vars = rectified("NOTICE");
    vars.put("correctionRequirements", "责令十日内开展集体协商");
    vars.put("correctionDeadline", "2017-04-27");
    byte[] pdf = keep("correction-order", PDF.render(new NoticeTexts(vars).correctionOrder(LocalDate.of(2017, 4, 17))));

    String text = Pdfs.text(pdf);
    assertThat(text).contains("乐山市市中区人力资源和社会保障局", "市中人社改〔2017〕12号", "责令限期改正通知书")
        .contains("经查，乐山市示范机械有限公司工会于2017年3月7日", "2017-SHIZHONG-000012")
        .contains("已向你单位发出整改意见书，整改期限至2017年4月14日，你单位逾期仍未整改")
        .contains("《中华人民共和国工会法》第五十四条第（四）项", "《集体合同规定》第三十二条")
        .contains("责令十日内开展集体协商", "请你单位于2017年4月27日前改正")
        .contains("乐山市市中区人力资源和社会保障局2017年4月17日");
    assertEmbedded(pdf);
  }

  @Test
  @DisplayName("区域（行业）性要约书：由区县总工会署名，列出覆盖的企业及职工人数合计")
  void regionalOfferLetter() throws Exception {
    Map<String, Object> vars = offer();
    vars.put("offerNumber", "2017-WUTONGQIAO-000003");
    vars.put("reportingUnit", "WUTONGQIAO");
    vars.put("offerKind", "REGIONAL");
    vars.put("enterpriseName", "乐山市五通桥区化工行业协会");
    vars.put("creditCode", "51511112MJ62000170");
    vars.put("topics", "[\"WAGE_FLOOR\",\"PIECE_RATE\"]");
    vars.put("coveredEnterprises", "[{\"creditCode\":\"91511111MA62C0003C\",\"enterpriseName\":\"五通桥示范盐化有限公司\",\"workforce\":180},"
        + "{\"creditCode\":\"91511112MA62D0004M\",\"enterpriseName\":\"五通桥示范化工有限公司\",\"workforce\":260}]");
    byte[] pdf = keep("regional-offer-letter", PDF.render(new NoticeTexts(vars).offerLetter(Period.ofDays(20))));

    assertThat(Pdfs.text(pdf)).contains("区域（行业）性集体协商要约书", "五通桥要约〔2017〕3号", "乐山市五通桥区化工行业协会：")
        .contains("乐山市五通桥区总工会现向你单位提出开展区域（行业）性集体协商的要约")
        .contains("五通桥示范盐化有限公司（统一社会信用代码：91511111MA62C0003C，职工180人）", "共2家企业、职工440人")
        .contains("工资标准底线、计件工价", "2017-WUTONGQIAO-000003");
  }

  @Test
  @DisplayName("避头尾：百分号不与数字分行，标点不居行首；要约编号不被拆开")
  void lineBreaks() {
    Map<String, Object> vars = offer();
    // with the default layout this sentence reaches the end of a line right after “6”
    vars.put("offerContent", "建议2027年度职工工资平均增长不低于6%，并建立工资正常增长机制。");
    List<String> lines = Pdfs.lines(PDF.render(new NoticeTexts(vars).offerLetter(Period.ofDays(20))));

    assertThat(String.join("", lines)).contains("不低于6%，并建立");
    assertThat(lines).noneMatch(l -> l.startsWith("%") || l.startsWith("，") || l.startsWith("。") || l.startsWith("）"));
    assertThat(lines).noneMatch(l -> l.endsWith("（") || l.endsWith("《"));
    assertThat(lines).anyMatch(l -> l.contains("2017-SHIZHONG-000012"));
  }

  @Test
  @DisplayName("企业向工会要约：主送企业工会，由企业署名")
  void enterpriseOffer() {
    Map<String, Object> vars = offer();
    vars.put("offerorSide", "ENTERPRISE");
    String text = Pdfs.text(PDF.render(new NoticeTexts(vars).offerLetter(Period.ofDays(20))));
    assertThat(text).contains("乐山市示范机械有限公司工会：", "乐山市示范机械有限公司现向你单位提出");
  }

  @Test
  @DisplayName("字库缺字的字符印为〓而不使文书失败；长文自动分页，页码连续")
  void missingCharactersAndLongText() {
    Map<String, Object> vars = rectified("NOTICE");
    vars.put("enterpriseName", "乐山市𠀀堃机械有限公司"); // 𠀀 and 堃 lie outside GB 2312
    vars.put("rectificationRequirements", "一、书面应约。".repeat(200));
    byte[] pdf = PDF.render(new NoticeTexts(vars).rectificationNotice(LocalDate.of(2017, 3, 30)));

    String text = Pdfs.text(pdf);
    assertThat(text).contains("乐山市〓〓机械有限公司：");
    assertThat(Pdfs.pages(pdf)).isGreaterThan(2);
    assertThat(text).contains("—1—", "—2—", "—3—");
  }

  @Test
  @DisplayName("同时出具多份文书：每份都完整、字体嵌入（各线程复用已读取的字体）")
  void manyNoticesAtOnceOnSeveralThreads() throws Exception {
    // a fresh renderer: its threads parse the font once each and keep it for their next documents
    OfficialDocumentPdf pdf = new OfficialDocumentPdf();
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      List<Future<byte[]>> notices = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String kind = i % 2 == 0 ? "NOTICE" : "INTERVIEW";
        notices.add(threads.submit(() -> pdf.render(new NoticeTexts(rectified(kind)).rectificationNotice(LocalDate.of(2017, 3, 30)))));
      }
      for (int i = 0; i < notices.size(); i++) {
        byte[] notice = notices.get(i).get();
        assertThat(Pdfs.text(notice)).as("notice " + i)
            .contains(i % 2 == 0 ? "整改意见书" : "约谈通知书", "乐山市示范机械有限公司：", "请你单位于2017年4月14日前");
        assertEmbedded(notice);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @AfterAll
  static void where() {
    System.out.println("documents to look at: " + Path.of("target", "documents").toAbsolutePath());
  }
}
