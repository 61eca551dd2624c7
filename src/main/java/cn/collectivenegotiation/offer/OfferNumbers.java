package cn.collectivenegotiation.offer;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * 要约编号, e.g. {@code 2017-SHIZHONG-000042}: the year of the offer, its reporting unit and a number
 * from a database sequence (created by the migration), so two servers never hand out the same one.
 */
@Component
public class OfferNumbers {

  private final DataFieldMaxValueIncrementer sequence;

  public OfferNumbers(DataSource dataSource) throws SQLException {
    String product;
    try (Connection c = dataSource.getConnection()) {
      product = c.getMetaData().getDatabaseProductName();
    }
    this.sequence = product.toLowerCase().contains("postgres")
        ? new PostgresSequenceMaxValueIncrementer(dataSource, "offer_number_seq")
        : new H2SequenceMaxValueIncrementer(dataSource, "offer_number_seq");
  }

  public String next(Offer offer) {
    return "%d-%s-%06d".formatted(offer.offerDate().getYear(), offer.reportingUnit().name(), sequence.nextLongValue());
  }
}
