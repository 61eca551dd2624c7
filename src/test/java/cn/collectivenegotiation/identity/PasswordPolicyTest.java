package cn.collectivenegotiation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.collectivenegotiation.ProductTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The password policy is on: an administrator creating a user in Admin or over /engine-rest gets it applied. */
@ProductTest
class PasswordPolicyTest {

  static final String ADMIN = "admin";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;

  TestRestTemplate admin() {
    return http.withBasicAuth(ADMIN, TestUsers.ADMIN_PASSWORD);
  }

  ResponseEntity<JsonNode> createUser(String id, String password) {
    return admin().postForEntity("/engine-rest/user/create", Map.of(
        "profile", Map.of("id", id, "firstName", "新", "lastName", "干部", "email", id + "@example.cn"),
        "credentials", Map.of("password", password)), JsonNode.class);
  }

  @Test
  @DisplayName("弱密码新建用户 → 400，提示密码策略的各项要求，不建用户")
  void weakPasswordCreatesNoUser() {
    for (String weak : new String[] {"demo", "password123", "Abcdefghij1", "pwuser1#Long2026"}) {
      ResponseEntity<JsonNode> refused = createUser("pwuser1", weak);
      assertThat(refused.getStatusCode()).as(weak).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("message").asText()).as(weak)
          .contains("密码不符合密码策略", "至少10个字符", "至少1个大写字母", "至少1个特殊字符", "不得包含用户名")
          .contains("does not match the password policy");
      assertThat(identityService.createUserQuery().userId("pwuser1").count()).as(weak).isZero();
    }
  }

  @Test
  @DisplayName("符合策略的密码 → 用户建成，可用该密码登录")
  void compliantPasswordCreatesTheUser() {
    assertThat(createUser("pwuser2", "Jiandu#2026ok").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(identityService.checkPassword("pwuser2", "Jiandu#2026ok")).isTrue();
  }

  @Test
  @DisplayName("改为弱密码 → 400，原密码仍然有效")
  void weakNewPasswordKeepsTheOldOne() {
    assertThat(createUser("pwuser3", "Jiandu#2026ok").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<JsonNode> refused = admin().exchange("/engine-rest/user/pwuser3/credentials", HttpMethod.PUT,
        new HttpEntity<>(Map.of("password", "short1!", "authenticatedUserPassword", TestUsers.ADMIN_PASSWORD)),
        JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").asText()).contains("密码不符合密码策略");
    assertThat(identityService.checkPassword("pwuser3", "Jiandu#2026ok")).isTrue();
    assertThat(identityService.checkPassword("pwuser3", "short1!")).isFalse();
  }

  @Test
  @DisplayName("Admin 输入密码时看到的策略：10个字符、大小写字母、数字、特殊字符、不含用户信息")
  void thePolicyAdminShows() {
    JsonNode policy = admin().getForObject("/engine-rest/identity/password-policy", JsonNode.class);
    assertThat(policy.findValuesAsText("placeholder")).containsExactlyInAnyOrder("PASSWORD_POLICY_USER_DATA",
        "PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_LOWERCASE", "PASSWORD_POLICY_UPPERCASE", "PASSWORD_POLICY_DIGIT",
        "PASSWORD_POLICY_SPECIAL");
    assertThat(policy.findValue("minLength").asText()).isEqualTo("10");
  }

  @Test
  @DisplayName("程序内保存弱密码用户同样被拒绝")
  void theJavaApiRefusesToo() {
    User u = identityService.newUser("pwuser4");
    u.setPassword("weak");
    assertThatThrownBy(() -> identityService.saveUser(u)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("至少10个字符");
    assertThat(identityService.createUserQuery().userId("pwuser4").count()).isZero();
  }
}
