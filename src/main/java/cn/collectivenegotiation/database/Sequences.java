package cn.collectivenegotiation.database;

import java.sql.Connection;
import java.sql.SQLException;
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
    String product;
    try (Connection c = dataSource.getConnection()) {
      product = c.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new IllegalStateException("database unreachable while preparing sequence " + sequenceName, e);
    }
    return product.toLowerCase().contains("postgres")
        ? new PostgresSequenceMaxValueIncrementer(dataSource, sequenceName)
        : new H2SequenceMaxValueIncrementer(dataSource, sequenceName);
  }
}
