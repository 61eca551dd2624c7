package cn.collectivenegotiation.api;

import cn.collectivenegotiation.deadline.Deadline;
import cn.collectivenegotiation.deadline.HolidayArrangement;
import cn.collectivenegotiation.deadline.HolidayArrangements;
import cn.collectivenegotiation.deadline.LegalCalendar;
import cn.collectivenegotiation.identity.CurrentUser;
import cn.collectivenegotiation.input.InvalidInputException;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The legal calendar: which holiday arrangements are loaded, an operator's way to add next year's
 * (no rebuild, no restart), and a deadline computed the way the product computes it, for checking.
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  private final HolidayArrangements arrangements;
  private final LegalCalendar calendar;
  private final CurrentUsers currentUsers;

  public CalendarController(HolidayArrangements arrangements, LegalCalendar calendar, CurrentUsers currentUsers) {
    this.arrangements = arrangements;
    this.calendar = calendar;
    this.currentUsers = currentUsers;
  }

  @GetMapping("/arrangements")
  public List<Map<String, Object>> years() {
    return arrangements.years().stream().map(y -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("year", y);
      entry.put("source", arrangements.arrangement(y).source());
      return entry;
    }).toList();
  }

  @GetMapping("/arrangements/{year}")
  public ResponseEntity<HolidayArrangement> year(@PathVariable int year) {
    return ResponseEntity.ofNullable(arrangements.arrangement(year));
  }

  /** An administrator loads a year's 国务院节假日安排; every server uses it within seconds. */
  @PutMapping("/arrangements/{year}")
  public HolidayArrangement store(@PathVariable int year, @RequestBody HolidayArrangement arrangement) {
    CurrentUser user = currentUsers.current();
    if (!user.in(CurrentUser.ADMIN_GROUP)) {
      throw new AccessDeniedException("只有系统管理员可以载入节假日安排 (only administrators may load holiday arrangements)");
    }
    if (arrangement.year() != year) {
      throw new InvalidInputException("year", "年份与地址中的" + year + "不一致 (year must match the path)");
    }
    arrangements.store(arrangement, user.userId());
    return arrangements.arrangement(year);
  }

  /** The last day of a period as the product counts it, e.g. {@code ?start=2017-03-05&days=20}. */
  @GetMapping("/deadline")
  public Deadline deadline(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
      @RequestParam(required = false) Integer days, @RequestParam(required = false) Integer workingDays) {
    if ((days == null) == (workingDays == null)) {
      throw new InvalidInputException("days", "请给出 days 或 workingDays 其中之一 (give either days or workingDays)");
    }
    return days != null
        ? calendar.period(start, Period.ofDays(days), "自" + LegalCalendar.chinese(start) + "起" + days + "日")
        : calendar.workingDays(start, workingDays, "自" + LegalCalendar.chinese(start) + "起" + workingDays + "个工作日");
  }
}
