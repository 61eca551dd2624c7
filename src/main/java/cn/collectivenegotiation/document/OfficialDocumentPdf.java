package cn.collectivenegotiation.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.springframework.stereotype.Component;

/**
 * Sets an {@link OfficialDocument} on A4 in the layout of GB/T 9704-2012 with Apache PDFBox: text area
 * 156 × 225 mm (top 37 mm, left 28 mm), body in 三号 (16 pt) on 22 lines a page, the issuing bodies in
 * red over a red rule, the title in 二号 (22 pt), page numbers in 四号 as “— 1 —”.
 *
 * <p>The font ships with the application ({@code fonts/NotoSerifSC-Regular-GB2312.ttf}, SIL Open Font
 * License) and only the glyphs a document uses are embedded in it, so the file opens the same on any
 * machine. The shipped font holds the GB 2312 characters; a character outside it prints as 〓, the
 * typesetter's mark for a missing character, rather than failing the step. Titles are set bold by
 * stroking the outline (the font has one weight).
 */
@Component
public class OfficialDocumentPdf {

  static final String FONT = "fonts/NotoSerifSC-Regular-GB2312.ttf";
  private static final String MISSING = "〓";

  private static final float MM = 72f / 25.4f;
  private static final float LEFT = 28 * MM;
  private static final float WIDTH = 156 * MM;
  private static final float TOP = PDRectangle.A4.getHeight() - 37 * MM;
  private static final float BOTTOM = 35 * MM;
  private static final float BODY = 16f;
  private static final float LINE = 225 * MM / 22;
  private static final float[] RED = {0.85f, 0.05f, 0.05f};
  private static final float[] BLACK = {0f, 0f, 0f};

  private final byte[] font;

  /**
   * The font parsed once per thread: parsing its 3 MB (the character map above all) was a third of a notice's
   * rendering in a flight recording of the campaign (51 of 151 samples, on PostgreSQL where the PDF was half of
   * what the product's steps add to the engine's). A {@link TrueTypeFont} reads its tables lazily from one stream,
   * so it is not shared between threads; each document subsets it without changing it, so one thread's
   * documents may share it one after the other.
   */
  private final ThreadLocal<TrueTypeFont> parsed = ThreadLocal.withInitial(this::parse);

  public OfficialDocumentPdf() {
    try (InputStream in = OfficialDocumentPdf.class.getClassLoader().getResourceAsStream(FONT)) {
      if (in == null) {
        throw new IllegalStateException("font " + FONT + " missing from the classpath");
      }
      font = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TrueTypeFont parse() {
    try {
      return new TTFParser().parse(new RandomAccessReadBuffer(font));
    } catch (IOException e) {
      throw new UncheckedIOException("字体读取失败 (could not read the font " + FONT + ")", e);
    }
  }

  public byte[] render(OfficialDocument document) {
    // GB/T 9704-2012 7.3.5.4: the issuing bodies and the date never stand on a page without body text;
    // where they would, the lines are set closer (up to 15 %). Closer lines are also taken where they
    // keep the closing note (版记) on the page of the text, so a short letter stays one sheet.
    Rendered signed = null;
    Rendered closest = null;
    for (float pitch : new float[] {LINE, LINE * 0.93f, LINE * 0.85f}) {
      Rendered rendered = render(document, pitch);
      closest = rendered;
      if (rendered.signedBesideText() && rendered.closedBesideText()) {
        return rendered.pdf();
      }
      if (signed == null && rendered.signedBesideText()) {
        signed = rendered;
      }
    }
    return (signed != null ? signed : closest).pdf();
  }

  private record Rendered(byte[] pdf, boolean signedBesideText, boolean closedBesideText) {}

  private Rendered render(OfficialDocument document, float pitch) {
    TrueTypeFont ttf = parsed.get();
    try (PDDocument pdf = new PDDocument()) {
      PDType0Font type0 = PDType0Font.load(pdf, ttf, true);
      Pages pages = new Pages(pdf, type0, ttf.getUnicodeCmapLookup(), pitch);
      describe(pdf, document);
      layOut(pages, document);
      pages.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      pdf.save(out);
      return new Rendered(out.toByteArray(), pages.signedBesideText, pages.bodyLinesOnPage > 0);
    } catch (IOException e) {
      throw new UncheckedIOException("文书生成失败 (could not write the PDF)", e);
    }
  }

  private static void describe(PDDocument pdf, OfficialDocument document) {
    PDDocumentInformation info = pdf.getDocumentInformation();
    info.setTitle(document.title());
    info.setAuthor(String.join("、", document.issuingBodies()));
    info.setSubject("要约编号 " + document.offerNumber() + " " + document.documentNumber());
    info.setCreator("集体协商要约工作链");
    Calendar created = GregorianCalendar.from(document.date().atStartOfDay(ZoneId.of("Asia/Shanghai")));
    created.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
    info.setCreationDate(created);
  }

  private static void layOut(Pages p, OfficialDocument d) throws IOException {
    // 版头: the issuing bodies' mark in red, one line each, then the document number and the red rule
    p.y = TOP - 5 * MM;
    for (String body : d.issuingBodies()) {
      float size = Math.min(30f, WIDTH / p.width(body, 1f));
      p.y -= size;
      p.text(body, size, Align.CENTRE, true, RED, 0);
      p.y -= size * 0.35f;
    }
    p.y -= p.line;
    p.text(d.documentNumber(), BODY, Align.CENTRE, false, BLACK, 0);
    p.y -= 4 * MM;
    p.rule(RED, 1.2f);
    // 标题 two lines under the rule, then 主送 under a blank line
    p.y -= 2 * p.line;
    for (String line : p.wrap(d.title(), 22f, WIDTH, WIDTH)) {
      p.text(line, 22f, Align.CENTRE, true, BLACK, 0);
      p.y -= 22f * 1.5f;
    }
    p.y -= p.line - 22f * 1.5f;
    if (d.addressee() != null) {
      p.paragraph(d.addressee() + "：", 0);
    }
    for (String paragraph : d.body()) {
      p.paragraph(paragraph, 2 * BODY);
    }
    // 落款: each issuing body centred over the date, which stands four characters from the right
    p.y -= p.line;
    p.keep(d.issuingBodies().size() + 1);
    p.signedBesideText = p.bodyLinesOnPage > 0;
    String date = OfficialDocument.chinese(d.date());
    float dateRight = LEFT + WIDTH - 4 * BODY;
    float dateCentre = dateRight - p.width(date, BODY) / 2;
    for (String body : d.issuingBodies()) {
      p.at(body, BODY, Math.min(dateCentre - p.width(body, BODY) / 2, LEFT + WIDTH - p.width(body, BODY)));
      p.y -= p.line;
    }
    p.at(date, BODY, dateRight - p.width(date, BODY));
    // 版记 at the foot of the last page: the offer number and the copies, between rules
    p.y -= p.line;
    p.keep(3);
    p.y = Math.min(p.y, BOTTOM + 2.5f * p.line);
    p.rule(BLACK, 0.8f);
    p.y -= p.line * 0.75f;
    p.text("要约编号：" + d.offerNumber(), 14f, Align.LEFT, false, BLACK, 14f);
    if (d.copiesTo() != null) {
      p.y -= p.line * 0.75f;
      p.text("抄送：" + d.copiesTo() + "。", 14f, Align.LEFT, false, BLACK, 14f);
    }
    p.y -= p.line * 0.4f;
    p.rule(BLACK, 0.8f);
  }

  private enum Align { LEFT, CENTRE }

  /** The pages as they fill: where the next line goes, and a new page when the text area is full. */
  private static final class Pages {
    private final PDDocument pdf;
    private final PDType0Font font;
    private final CmapLookup glyphs;
    private PDPageContentStream cs;
    private int number;
    final float line;
    float y;
    int bodyLinesOnPage;
    boolean signedBesideText;

    Pages(PDDocument pdf, PDType0Font font, CmapLookup glyphs, float line) throws IOException {
      this.pdf = pdf;
      this.font = font;
      this.glyphs = glyphs;
      this.line = line;
      newPage();
    }

    private void newPage() throws IOException {
      close();
      PDPage page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      cs = new PDPageContentStream(pdf, page);
      number++;
      bodyLinesOnPage = 0;
      y = TOP;
      // 页码: 四号, “— 1 —”, odd pages a character from the right, even pages a character from the left
      String folio = "— " + number + " —";
      float x = number % 2 == 1 ? LEFT + WIDTH - 14f - width(folio, 14f) : LEFT + 14f;
      show(folio, 14f, x, BOTTOM - 7 * MM - 14f, false, BLACK);
    }

    void close() throws IOException {
      if (cs != null) {
        cs.close();
        cs = null;
      }
    }

    /** Starts a new page unless {@code lines} more body lines fit on this one. */
    void keep(int lines) throws IOException {
      if (y - lines * line < BOTTOM) {
        newPage();
      }
    }

    void paragraph(String text, float indent) throws IOException {
      for (String row : wrap(text, BODY, WIDTH - indent, WIDTH)) {
        if (y - line < BOTTOM - line * 0.3f) {
          newPage();
        }
        y -= line;
        show(row, BODY, LEFT + indent, y, false, BLACK);
        bodyLinesOnPage++;
        indent = 0;
      }
    }

    void text(String text, float size, Align align, boolean bold, float[] colour, float indent) throws IOException {
      float x = align == Align.CENTRE ? LEFT + (WIDTH - width(text, size)) / 2 : LEFT + indent;
      show(text, size, x, y, bold, colour);
    }

    void at(String text, float size, float x) throws IOException {
      show(text, size, x, y, false, BLACK);
    }

    void rule(float[] colour, float thickness) throws IOException {
      cs.setStrokingColor(colour[0], colour[1], colour[2]);
      cs.setLineWidth(thickness);
      cs.moveTo(LEFT, y);
      cs.lineTo(LEFT + WIDTH, y);
      cs.stroke();
    }

    private void show(String text, float size, float x, float baseline, boolean bold, float[] colour)
        throws IOException {
      cs.beginText();
      cs.setFont(font, size);
      cs.setNonStrokingColor(colour[0], colour[1], colour[2]);
      if (bold) {
        cs.setStrokingColor(colour[0], colour[1], colour[2]);
        cs.setLineWidth(size / 30f);
        cs.setRenderingMode(RenderingMode.FILL_STROKE);
      } else {
        cs.setRenderingMode(RenderingMode.FILL);
      }
      cs.newLineAtOffset(x, baseline);
      cs.showText(printable(text));
      cs.endText();
    }

    float width(String text, float size) throws IOException {
      return font.getStringWidth(printable(text)) / 1000f * size;
    }

    /** The text with every character the font lacks (and every control character) as 〓. */
    String printable(String text) {
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints().forEach(c -> {
        if (c == '\t') {
          out.append(' ');
        } else if (Character.isISOControl(c) || glyphs.getGlyphId(c) == 0) {
          out.append(MISSING);
        } else {
          out.appendCodePoint(c);
        }
      });
      return out.toString();
    }

    /**
     * Breaks a paragraph into lines of at most {@code first} (then {@code rest}) points. A closing mark
     * never starts a line and an opening one never ends it (避头尾); a run of Latin letters and digits,
     * such as an offer number, is not split unless it is longer than a line.
     */
    List<String> wrap(String text, float size, float first, float rest) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      float room = first;
      float used = 0;
      for (String token : tokens(printable(text.strip()))) {
        float w = width(token, size);
        boolean closing = token.length() == 1 && "，。、；：？！）》」』”’…—％".indexOf(token.charAt(0)) >= 0;
        if (used + w > room && line.length() > 0 && !(closing && used + w <= room + size)) {
          String carried = "";
          char last = line.charAt(line.length() - 1);
          if ("（《「『“‘".indexOf(last) >= 0 && line.length() > 1) {
            carried = String.valueOf(last);
            line.setLength(line.length() - 1);
          }
          lines.add(line.toString());
          line.setLength(0);
          line.append(carried);
          used = carried.isEmpty() ? 0 : width(carried, size);
          room = rest;
        }
        if (w > room) { // longer than a line: split by character
          for (int i = 0; i < token.length(); i++) {
            String c = token.substring(i, i + 1);
            float cw = width(c, size);
            if (used + cw > room && line.length() > 0) {
              lines.add(line.toString());
              line.setLength(0);
              used = 0;
              room = rest;
            }
            line.append(c);
            used += cw;
          }
          continue;
        }
        line.append(token);
        used += w;
      }
      if (line.length() > 0 || lines.isEmpty()) {
        lines.add(line.toString());
      }
      return lines;
    }

    private static List<String> tokens(String text) {
      List<String> tokens = new ArrayList<>();
      int i = 0;
      while (i < text.length()) {
        int start = i;
        int c = text.codePointAt(i);
        if (latin(c)) {
          while (i < text.length() && latin(text.codePointAt(i))) {
            i++;
          }
        } else {
          i += Character.charCount(c);
        }
        tokens.add(text.substring(start, i));
      }
      return tokens;
    }

    private static boolean latin(int c) {
      return c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '/' || c == '_' || c == '%');
    }
  }
}
