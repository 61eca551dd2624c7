package cn.collectivenegotiation.api;

import cn.collectivenegotiation.document.DocumentKind;
import cn.collectivenegotiation.document.OfferDocuments;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An offer's notices on paper: {@code GET /api/offers/{n}/documents} lists them, {@code .../{kind}.pdf}
 * hands one out ({@code offer-letter}, {@code rectification-notice}, {@code correction-order}). Who may
 * read them is who may read the offer; an unknown offer, kind or a notice not issued (yet) is 404.
 */
@RestController
@RequestMapping("/api/offers/{offerNumber}/documents")
public class DocumentController {

  private final OfferDocuments documents;
  private final CurrentUsers currentUsers;

  public DocumentController(OfferDocuments documents, CurrentUsers currentUsers) {
    this.documents = documents;
    this.currentUsers = currentUsers;
  }

  @GetMapping
  public ResponseEntity<List<OfferDocuments.Entry>> list(@PathVariable String offerNumber) {
    return ResponseEntity.of(documents.list(offerNumber, currentUsers.current()));
  }

  @GetMapping("/{kind}.pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable String offerNumber, @PathVariable String kind) {
    return DocumentKind.ofSlug(kind)
        .flatMap(k -> documents.find(offerNumber, k, currentUsers.current()))
        .map(stored -> ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                .filename(stored.entry().title() + "-" + offerNumber + ".pdf", StandardCharsets.UTF_8).build().toString())
            .body(stored.content()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
