package cn.collectivenegotiation.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One 集中要约月 (2017: 2017-02-27 to 2017-03-27, tables due 2017-03-29, establishment rate kept at 92%).
 * Offers whose offer date falls in the period count for it.
 */
public record Campaign(String id, String name, LocalDate startDate, LocalDate endDate, LocalDate reportDeadline,
    BigDecimal targetRate, String processInstanceId) {

  public boolean covers(LocalDate offerDate) {
    return !offerDate.isBefore(startDate) && !offerDate.isAfter(endDate);
  }
}
