package cn.collectivenegotiation.offer;

import cn.collectivenegotiation.database.Sequences;
import javax.sql.DataSource;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * 要约编号, e.g. {@code 2017-SHIZHONG-000042}: the year of the offer, its reporting unit and a number
 * from a database sequence (created by the migration), so two servers never hand out the same one.
 */
@Component
public class OfferNumbers {

  private final DataFieldMaxValueIncrementer sequence;

  public OfferNumbers(DataSource dataSource) {
    this.sequence = Sequences.of(dataSource, "offer_number_seq");
  }

  public String next(Offer offer) {
    return "%d-%s-%06d".formatted(offer.offerDate().getYear(), offer.reportingUnit().name(), sequence.nextLongValue());
  }
}
