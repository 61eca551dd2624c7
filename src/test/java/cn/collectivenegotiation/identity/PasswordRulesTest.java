package cn.collectivenegotiation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The words a person reads when the engine's default password policy refuses a password. */
class PasswordRulesTest {

  final List<PasswordPolicyRule> every = new DefaultPasswordPolicyImpl().getRules();

  @Test
  @DisplayName("默认密码策略的每项要求，中文与英文各一句，顺序与策略相同")
  void everyRuleInBothLanguages() {
    assertThat(PasswordRules.chinese(every)).isEqualTo("不得包含用户名、姓名或邮箱、至少10个字符、至少1个小写字母、"
        + "至少1个大写字母、至少1位数字、至少1个特殊字符（如 !@#$%&*-_）");
    assertThat(PasswordRules.english(every)).isEqualTo("not containing the user's id, names or e-mail, "
        + "at least 10 characters, at least 1 lower-case letter(s), at least 1 upper-case letter(s), "
        + "at least 1 digit(s), at least 1 special character(s)");
  }

  @Test
  @DisplayName("只列出被违反的要求；策略之外的规则以其占位符和参数列出")
  void onlyTheBrokenRulesAndUnknownOnesByPlaceholder() {
    assertThat(PasswordRules.chinese(PasswordRules.broken(new DefaultPasswordPolicyImpl(), "lowercase1!", null)))
        .isEqualTo("至少1个大写字母");
    PasswordPolicyRule custom = new PasswordPolicyRule() {
      public String getPlaceholder() {
        return "CUSTOM_RULE";
      }

      public Map<String, String> getParameters() {
        return Map.of("max", "64");
      }

      public boolean execute(String password) {
        return false;
      }

      public boolean execute(String password, User user) {
        return false;
      }
    };
    assertThat(PasswordRules.english(List.of(custom))).isEqualTo("CUSTOM_RULE {max=64}");
  }
}
