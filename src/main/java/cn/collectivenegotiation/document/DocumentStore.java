package cn.collectivenegotiation.document;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code offer_document} (Flyway {@code V6}): one PDF per offer and kind. Called inside the engine's
 * command, the writes run on its connection and commit or roll back with the step that issues the notice.
 */
@Component
public class DocumentStore {

  /** A kept document without its content. */
  public record Kept(DocumentKind kind, String title, String documentNumber, LocalDate issuedOn, Instant created,
      int size) {}

  private final JdbcTemplate jdbc;

  public DocumentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Keeps a document; {@code DuplicateKeyException} if the offer already has one of its kind. */
  public void insert(String offerId, OfficialDocument document, byte[] content, Instant created, String by) {
    jdbc.update("""
        INSERT INTO offer_document (offer_id, kind, offer_number, title, document_number, issued_on, created_at,
          created_by, size_bytes, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        offerId, document.kind().name(), document.offerNumber(), document.title(), document.documentNumber(),
        Date.valueOf(document.date()), Timestamp.from(created), by, content.length, content);
  }

  /** Keeps a document in place of any earlier one of its kind. */
  public void replace(String offerId, OfficialDocument document, byte[] content, Instant created, String by) {
    jdbc.update("DELETE FROM offer_document WHERE offer_id = ? AND kind = ?", offerId, document.kind().name());
    insert(offerId, document, content, created, by);
  }

  public List<Kept> list(String offerId) {
    return jdbc.query("""
        SELECT kind, title, document_number, issued_on, created_at, size_bytes FROM offer_document
        WHERE offer_id = ? ORDER BY created_at, kind""", (rs, n) -> new Kept(DocumentKind.valueOf(rs.getString(1)),
        rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getTimestamp(5).toInstant(), rs.getInt(6)),
        offerId);
  }

  public Optional<byte[]> content(String offerId, DocumentKind kind) {
    return jdbc.query("SELECT content FROM offer_document WHERE offer_id = ? AND kind = ?",
        (rs, n) -> rs.getBytes(1), offerId, kind.name()).stream().findFirst();
  }
}
