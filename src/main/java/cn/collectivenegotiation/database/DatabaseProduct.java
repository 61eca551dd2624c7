package cn.collectivenegotiation.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The database the product runs on, as its JDBC driver names it: H2 by default, PostgreSQL in production (profile
 * {@code postgres}). For the few statements the two write differently.
 */
public enum DatabaseProduct {
  H2,
  POSTGRES;

  public static DatabaseProduct of(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres") ? POSTGRES : H2;
    } catch (SQLException e) {
      throw new IllegalStateException("database unreachable while asking which one it is", e);
    }
  }
}
