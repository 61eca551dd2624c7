package cn.collectivenegotiation.api;

import cn.collectivenegotiation.document.OfferDocuments;
import cn.collectivenegotiation.identity.CurrentUser;
import cn.collectivenegotiation.offer.OfferReader;
import cn.collectivenegotiation.offer.OfferService;
import cn.collectivenegotiation.offer.OfferView;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The product's own API for offers (public contract: {@code POST /api/offers}, {@code GET /api/offers/{n}}). */
@RestController
@RequestMapping("/api/offers")
public class OfferController {

  private final OfferService offers;
  private final OfferReader reader;
  private final CurrentUsers currentUsers;
  private final OfferDocuments documents;

  public OfferController(OfferService offers, OfferReader reader, CurrentUsers currentUsers, OfferDocuments documents) {
    this.offers = offers;
    this.reader = reader;
    this.currentUsers = currentUsers;
    this.documents = documents;
  }

  @PostMapping
  public ResponseEntity<OfferService.Sent> send(@RequestBody Map<String, Object> body) {
    OfferService.Sent sent = offers.send(body, currentUsers.current());
    return ResponseEntity.created(URI.create("/api/offers/" + sent.offerNumber())).body(sent);
  }

  @GetMapping("/{offerNumber}")
  public ResponseEntity<OfferView> read(@PathVariable String offerNumber) {
    return ResponseEntity.of(reader.read(offerNumber, currentUsers.current()).map(documents::listedIn));
  }
}
