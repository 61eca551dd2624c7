package cn.collectivenegotiation.deadline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The official holiday arrangements the calendar knows: the years shipped in {@code holidays/*.json},
 * overridden and extended by those an operator stored in the database. Read again at most every
 * {@link #REFRESH} (and at once on this server after a change), so every server picks up a new year
 * without a restart.
 */
@Component
public class HolidayArrangements {

  static final Duration REFRESH = Duration.ofSeconds(30);

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Map<Integer, HolidayArrangement> shipped;
  private final Clock clock = Clock.systemUTC();

  private volatile Known known;
  private volatile Instant readAt = Instant.MIN;

  /** A year's days off and 调休 working days, ready for look-up. */
  private record Year(HolidayArrangement arrangement, Set<LocalDate> daysOff, Set<LocalDate> workdays) {}

  private record Known(Map<Integer, Year> years) {}

  public HolidayArrangements(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
    this.shipped = readShipped();
  }

  /** Whether the arrangement of {@code year} is known. */
  public boolean covers(int year) {
    return current().years().containsKey(year);
  }

  /** Whether some loaded arrangement decides {@code day}: its own year's, or next year's (元旦 may start in December). */
  public boolean decides(LocalDate day) {
    Map<Integer, Year> years = current().years();
    Year next = years.get(day.getYear() + 1);
    return years.containsKey(day.getYear())
        || (next != null && (next.daysOff().contains(day) || next.workdays().contains(day)));
  }

  public Set<Integer> years() {
    return Collections.unmodifiableSet(new TreeSet<>(current().years().keySet()));
  }

  public HolidayArrangement arrangement(int year) {
    Year y = current().years().get(year);
    return y == null ? null : y.arrangement();
  }

  /**
   * Whether {@code day} is a statutory rest day (法定休假日): a day off of an arrangement, or a weekend
   * that no arrangement made a working day. A holiday range may start in the year before (元旦), so the
   * next year's arrangement is consulted too.
   */
  public boolean isRestDay(LocalDate day) {
    Map<Integer, Year> years = current().years();
    for (int y = day.getYear(); y <= day.getYear() + 1; y++) {
      Year year = years.get(y);
      if (year != null && year.workdays().contains(day)) {
        return false;
      }
      if (year != null && year.daysOff().contains(day)) {
        return true;
      }
    }
    return day.getDayOfWeek().getValue() >= 6;
  }

  /** Stores an operator's arrangement (checked first) and uses it at once. */
  public void store(HolidayArrangement arrangement, String userId) {
    arrangement.daysOff(); // checks every field
    String document;
    try {
      document = json.writeValueAsString(arrangement);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Timestamp now = Timestamp.from(clock.instant());
    int updated = jdbc.update("UPDATE holiday_arrangement SET document = ?, updated_by = ?, updated_at = ? WHERE arrangement_year = ?",
        document, userId, now, arrangement.year());
    if (updated == 0) {
      jdbc.update("INSERT INTO holiday_arrangement (arrangement_year, document, updated_by, updated_at) VALUES (?, ?, ?, ?)",
          arrangement.year(), document, userId, now);
    }
    readAt = Instant.MIN;
  }

  private Known current() {
    Known k = known;
    if (k == null || readAt.plus(REFRESH).isBefore(clock.instant())) {
      k = read();
      known = k;
      readAt = clock.instant();
    }
    return k;
  }

  private Known read() {
    Map<Integer, HolidayArrangement> all = new HashMap<>(shipped);
    for (String document : jdbc.queryForList("SELECT document FROM holiday_arrangement", String.class)) {
      HolidayArrangement a = parse(document);
      all.put(a.year(), a);
    }
    Map<Integer, Year> years = new HashMap<>();
    all.forEach((year, a) -> years.put(year, new Year(a, a.daysOff(), a.workingWeekendDays())));
    return new Known(Map.copyOf(years));
  }

  private HolidayArrangement parse(String document) {
    try {
      return json.readValue(document, HolidayArrangement.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<Integer, HolidayArrangement> readShipped() {
    Map<Integer, HolidayArrangement> result = new HashMap<>();
    Set<Integer> seen = new HashSet<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:holidays/*.json")) {
        try (InputStream in = r.getInputStream()) {
          HolidayArrangement a = json.readValue(in, HolidayArrangement.class);
          a.daysOff();
          if (!seen.add(a.year())) {
            throw new IllegalStateException("holidays/" + a.year() + ".json shipped twice");
          }
          result.put(a.year(), a);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(result);
  }
}
