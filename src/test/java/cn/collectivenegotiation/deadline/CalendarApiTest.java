package cn.collectivenegotiation.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.Offers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The operator's side of the calendar over HTTP: load a year, see it used, see the health warning. */
@ProductTest
class CalendarApiTest {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = TestUsers.ADMIN_PASSWORD; // application-test.yaml

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;

  @BeforeEach
  void people() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
  }

  static Map<String, Object> arrangement2033() {
    return Map.of("year", 2033, "source", "国办发明电〔2032〕X号（测试）",
        "holidays", List.of(Map.of("name", "清明节", "from", "2033-04-04", "to", "2033-04-06")),
        "workdays", List.of(Map.of("date", "2033-04-09", "note", "清明调休上班（星期六）")));
  }

  ResponseEntity<JsonNode> put(TestRestTemplate client, int year, Object body) {
    return client.exchange("/api/calendar/arrangements/" + year, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
  }

  @Test
  @DisplayName("管理员载入2033年安排 → 已载入年份列表中出现，新期限立即按其顺延；非管理员 403，无效 400")
  void administratorLoadsNextYear() {
    TestRestTemplate officer = http.withBasicAuth(TestUsers.SHIZHONG_OFFICER, TestUsers.password(TestUsers.SHIZHONG_OFFICER));
    TestRestTemplate admin = http.withBasicAuth(ADMIN, ADMIN_PASSWORD);

    JsonNode before = officer.getForObject("/api/calendar/deadline?start=2033-03-15&days=20", JsonNode.class);
    assertThat(before.get("lastDay").asText()).isEqualTo("2033-04-04"); // a Monday, as far as weekends go
    assertThat(before.get("warning").asText()).contains("2033");

    assertThat(put(officer, 2033, arrangement2033()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> bad = put(admin, 2033, Map.of("year", 2033, "source", "x",
        "holidays", List.of(), "workdays", List.of(Map.of("date", "2033-04-11", "note", "星期一"))));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("field").asText()).isEqualTo("workdays[0].date");
    assertThat(put(admin, 2034, arrangement2033()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(put(admin, 2033, arrangement2033()).getStatusCode()).isEqualTo(HttpStatus.OK);

    JsonNode after = officer.getForObject("/api/calendar/deadline?start=2033-03-15&days=20", JsonNode.class);
    assertThat(after.get("lastDay").asText()).isEqualTo("2033-04-07");
    assertThat(after.has("warning") && !after.get("warning").isNull()).isFalse();
    assertThat(officer.getForObject("/api/calendar/arrangements", JsonNode.class).findValuesAsText("year"))
        .contains("2017", "2026", "2033");
  }

  @Test
  @DisplayName("健康检查列出已载入的年份；缺少今年或明年的安排时给出警告")
  void healthShowsTheCalendar() {
    // the components are shown to the administrator (and the monitoring group), not to anyone
    JsonNode health = http.withBasicAuth(ADMIN, ADMIN_PASSWORD).getForObject("/actuator/health", JsonNode.class);
    JsonNode calendar = health.at("/components/legalCalendar");
    assertThat(calendar.get("status").asText()).isEqualTo("UP");
    assertThat(calendar.at("/details/years").toString()).contains("2017").contains("2026");
    int year = LegalTime.today().getYear();
    boolean missing = !calendar.at("/details/years").toString().contains(String.valueOf(year + 1));
    assertThat(calendar.at("/details/warning").isMissingNode()).isEqualTo(!missing);
  }
}
