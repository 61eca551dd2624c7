package cn.collectivenegotiation.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code offer_document} on PostgreSQL, the production database (the other tests run on H2). */
class DocumentStoreOnPostgresTest {

  static EmbeddedPostgres postgres;
  static DocumentStore store;

  @BeforeAll
  static void migrate() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    store = new DocumentStore(new JdbcTemplate(postgres.getPostgresDatabase()));
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  @DisplayName("PostgreSQL 上：文书原样存取（字节不变），同类文书只存一份，再次发出的替换前一份")
  void keepsThePdfAsItWas() {
    OfficialDocument letter = new NoticeTexts(OfficialDocumentPdfTest.offer()).offerLetter(Period.ofDays(20));
    byte[] pdf = new OfficialDocumentPdf().render(letter);
    Instant created = Instant.parse("2017-03-07T02:00:00Z");

    store.insert("instance-1", letter, pdf, created, "officersz");
    assertThat(store.content("instance-1", DocumentKind.OFFER_LETTER)).hasValue(pdf);
    assertThat(store.list("instance-1")).singleElement().satisfies(kept -> {
      assertThat(kept.title()).isEqualTo("集体协商要约书");
      assertThat(kept.documentNumber()).isEqualTo("市中要约〔2017〕12号");
      assertThat(kept.issuedOn()).isEqualTo(LocalDate.of(2017, 3, 7));
      assertThat(kept.created()).isEqualTo(created);
      assertThat(kept.size()).isEqualTo(pdf.length);
    });
    assertThatThrownBy(() -> store.insert("instance-1", letter, pdf, created, "officersz"))
        .isInstanceOf(DuplicateKeyException.class);

    byte[] other = new byte[] {'%', 'P', 'D', 'F'};
    store.replace("instance-1", letter, other, created.plusSeconds(60), "officersz");
    assertThat(store.content("instance-1", DocumentKind.OFFER_LETTER)).hasValue(other);
    assertThat(store.list("instance-1")).hasSize(1);
    assertThat(store.content("instance-2", DocumentKind.OFFER_LETTER)).isEmpty();
  }
}
