package cn.collectivenegotiation.database;

import javax.sql.DataSource;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;

/**
 * Numbers from a database sequence (created by a Flyway migration), so that two servers on one database
 * never hand out the same number. H2 by default, PostgreSQL in production.
 */
public final class Sequences {

  private Sequences() {}

  public static DataFieldMaxValueIncrementer of(DataSource dataSource, String sequenceName) {
    return DatabaseProduct.of(dataSource) == DatabaseProduct.POSTGRES
        ? new PostgresSequenceMaxValueIncrementer(dataSource, sequenceName)
        : new H2SequenceMaxValueIncrementer(dataSource, sequenceName);
  }
}
