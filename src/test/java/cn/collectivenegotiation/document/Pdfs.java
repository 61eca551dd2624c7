package cn.collectivenegotiation.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a reader of a PDF gets: its text (as PDFBox extracts it, without line breaks) and its fonts. */
public final class Pdfs {

  private Pdfs() {}

  /** The document's text with all white space removed, so that a name broken over two lines reads whole. */
  public static String text(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document's text line by line, as set. */
  public static List<String> lines(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return List.of(new PDFTextStripper().getText(doc).split("\\R"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int pages(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every font the pages use. */
  public static List<PDFont> fonts(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name));
        }
      }
      return fonts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
