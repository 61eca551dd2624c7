package cn.collectivenegotiation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import cn.collectivenegotiation.identity.CurrentUser;
import cn.collectivenegotiation.identity.TestUsers;
import cn.collectivenegotiation.offer.Offers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's security instructions as an operator checks them from outside, over HTTP: cookies, headers,
 * result limits, no expressions in queries, no first-run setup, no H2 console, slowed password guessing.
 */
@ProductTest
class WebSecurityTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void people() {
    TestUsers.ensure(identityService, Offers.ENTERPRISE);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("登录 Tasklist：会话 Cookie 为 HttpOnly、SameSite=Lax；经 HTTPS 代理访问时为 Secure")
  void sessionCookieOfTheWebappLogin() throws Exception {
    List<String> plain = login(false);
    String session = cookie(plain, "JSESSIONID").orElseThrow();
    assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
        .doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");

    List<String> behindHttps = login(true);
    assertThat(cookie(behindHttps, "JSESSIONID").orElseThrow()).containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Lax").containsIgnoringCase("Secure");
  }

  @Test
  @DisplayName("Web 应用响应带安全头：CSP（禁止被嵌入、禁止插件）、nosniff、HSTS；/engine-rest 禁止嗅探、嵌入和缓存")
  void securityHeaders() throws Exception {
    HttpResponse<String> tasklist = send(get("/camunda/app/tasklist/default/").build());
    assertThat(tasklist.statusCode()).isEqualTo(200);
    String csp = tasklist.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("frame-ancestors 'none'").contains("object-src 'none'").contains("form-action 'self'");
    assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(tasklist.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=31536000");

    HttpResponse<String> rest = send(get("/engine-rest/version").header("Authorization", basic(TestUsers.SHIZHONG_OFFICER)).build());
    assertThat(rest.statusCode()).isEqualTo(200);
    assertThat(rest.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(rest.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(rest.headers().firstValue("Cache-Control").orElseThrow()).contains("no-");
  }

  @Test
  @DisplayName("/engine-rest 查询上限 2000 条：2001 条或不限条数 → 400，2000 条以内照常")
  void queryResultsAreLimited() throws Exception {
    String officer = basic(TestUsers.SHIZHONG_OFFICER);
    assertThat(send(get("/engine-rest/task?maxResults=2000").header("Authorization", officer).build()).statusCode())
        .isEqualTo(200);
    HttpResponse<String> tooMany = send(get("/engine-rest/task?maxResults=2001").header("Authorization", officer).build());
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("Max results limit of 2000 exceeded");
    HttpResponse<String> unbounded = send(get("/engine-rest/history/process-instance").header("Authorization", officer).build());
    assertThat(unbounded.statusCode()).isEqualTo(400);
    assertThat(unbounded.body()).contains("unbound number of results");
  }

  @Test
  @DisplayName("任务查询中的表达式一律拒绝：查询参数和 orQueries 分支（CVE-2026-109432）都 → 400")
  void noExpressionsInAdhocTaskQueries() throws Exception {
    String officer = basic(TestUsers.SHIZHONG_OFFICER);
    HttpResponse<String> inQuery = send(get("/engine-rest/task?maxResults=10&dueAfterExpression="
        + URLEncoder.encode("${now()}", StandardCharsets.UTF_8)).header("Authorization", officer).build());
    assertThat(inQuery.statusCode()).isEqualTo(400);
    assertThat(inQuery.body()).containsIgnoringCase("expressions are forbidden");

    HttpResponse<String> inOrQueries = send(json("/engine-rest/task?maxResults=10",
        "{\"orQueries\":[{\"dueAfterExpression\":\"${now()}\"}]}").header("Authorization", officer).build());
    assertThat(inOrQueries.statusCode()).as(inOrQueries.body()).isEqualTo(400);
    assertThat(inOrQueries.body()).contains("expressions are forbidden").contains("dueAfter");

    // the same query without expressions is fine
    assertThat(send(json("/engine-rest/task?maxResults=10", "{\"orQueries\":[{\"assignee\":\"nobody\"}]}")
        .header("Authorization", officer).build()).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("保存含表达式的任务过滤器只有管理员可以：普通用户 → 403")
  void onlyTheAdministratorSavesFilters() throws Exception {
    HttpResponse<String> created = send(json("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"mine\",\"query\":{\"dueAfterExpression\":\"${now()}\"}}")
        .header("Authorization", basic(TestUsers.SHIZHONG_OFFICER)).build());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(403);
  }

  @Test
  @DisplayName("Admin 首次安装接口关闭：匿名创建管理员 → 403，用户未创建（CVE-2026-77226）")
  void adminSetupIsClosed() throws Exception {
    // the advisory's case: the administrator's rights come from elsewhere, camunda-admin has no direct member
    String admin = "admin"; // application-test.yaml
    identityService.deleteMembership(admin, CurrentUser.ADMIN_GROUP);
    try {
      // as a browser would: open Admin, which hands out a session and its CSRF token, then post
      Csrf csrf = csrf("/camunda/app/admin/default/", false);
      HttpResponse<String> setup = send(json("/camunda/api/admin/setup/default/user/create",
          "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\"},"
              + "\"credentials\":{\"password\":\"Intruder-2026!\"}}")
          .header("X-XSRF-TOKEN", csrf.token()).header("Cookie", csrf.cookies()).build());
      assertThat(setup.statusCode()).isEqualTo(403);
      assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    } finally {
      identityService.createMembership(admin, CurrentUser.ADMIN_GROUP);
    }
  }

  @Test
  @DisplayName("没有 H2 控制台")
  void noH2Console() throws Exception {
    HttpResponse<String> console = send(get("/h2-console/").build());
    assertThat(console.statusCode()).isEqualTo(404);
    assertThat(console.body()).doesNotContain("H2 Console");
  }

  @Test
  @DisplayName("密码错误一次后 3 秒内即使密码正确也不能登录，3 秒后可以")
  void passwordGuessingIsSlowedDown() throws Exception {
    String user = "throttled1";
    TestUsers.user(identityService, user, "union-shizhong");
    Date now = new Date();
    ClockUtil.setCurrentTime(now);
    HttpRequest wrong = get("/api/calendar/arrangements").header("Authorization", basic(user, "wrong")).build();
    HttpRequest right = get("/api/calendar/arrangements").header("Authorization", basic(user)).build();
    assertThat(send(wrong).statusCode()).isEqualTo(401);
    assertThat(send(right).statusCode()).as("within the delay after a wrong password").isEqualTo(401);
    ClockUtil.setCurrentTime(new Date(now.getTime() + Duration.ofSeconds(4).toMillis()));
    assertThat(send(right).statusCode()).isEqualTo(200);
  }

  /** Logs in to Tasklist the way the browser does; the Set-Cookie headers of the login response. */
  private List<String> login(boolean behindHttps) throws Exception {
    Csrf opened = csrf("/camunda/app/tasklist/default/", behindHttps);
    String xsrf = opened.token();
    String cookies = opened.cookies();
    String form = "username=" + TestUsers.SHIZHONG_OFFICER + "&password=" + TestUsers.password(TestUsers.SHIZHONG_OFFICER);
    HttpRequest.Builder login = HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .header("Cookie", cookies).POST(HttpRequest.BodyPublishers.ofString(form));
    if (behindHttps) {
      login.header("X-Forwarded-Proto", "https");
    }
    HttpResponse<String> response = send(login.build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.headers().allValues("Set-Cookie");
  }

  /** The session cookie and CSRF token a web app page hands out, as the browser keeps them. */
  private record Csrf(String token, String cookies) {}

  private Csrf csrf(String page, boolean behindHttps) throws Exception {
    HttpRequest.Builder request = get(page);
    if (behindHttps) {
      request.header("X-Forwarded-Proto", "https");
    }
    HttpResponse<String> opened = send(request.build());
    return new Csrf(opened.headers().firstValue("X-XSRF-TOKEN").orElseThrow(), String.join("; ",
        opened.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';'))).toList()));
  }

  private static Optional<String> cookie(List<String> setCookies, String name) {
    return setCookies.stream().filter(c -> c.startsWith(name + "=")).reduce((a, b) -> b);
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET();
  }

  private HttpRequest.Builder json(String path, String body) {
    return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String basic(String user) {
    return basic(user, TestUsers.password(user));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
