package cn.collectivenegotiation.identity;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;

/**
 * The engine's password policy in words a person reads, Chinese then English: for the refusal of a weak
 * password over the API ({@link WeakPasswordRefusal}) and of a weak administrator password at start-up
 * ({@link AdminPasswordCheck}). The rules themselves are Camunda's (its default policy); Camunda Admin shows
 * the same rules with its own translations while a password is typed.
 */
public final class PasswordRules {

  /** The setting that switches the policy on (application.yaml, generic properties). */
  public static final String SETTING = "camunda.bpm.generic-properties.properties.enable-password-policy";

  private PasswordRules() {}

  /** The rules of the policy that the password breaks for this user (none: it complies). */
  public static List<PasswordPolicyRule> broken(PasswordPolicy policy, String password, User user) {
    return policy.getRules().stream().filter(rule -> !rule.execute(password, user)).toList();
  }

  /** "至少10个字符、至少1个大写字母…" */
  public static String chinese(List<PasswordPolicyRule> rules) {
    return rules.stream().map(r -> chinese(r.getPlaceholder(), r.getParameters())).collect(Collectors.joining("、"));
  }

  /** "at least 10 characters, at least 1 upper-case letter(s) …" */
  public static String english(List<PasswordPolicyRule> rules) {
    return rules.stream().map(r -> english(r.getPlaceholder(), r.getParameters())).collect(Collectors.joining(", "));
  }

  private static String chinese(String placeholder, Map<String, String> p) {
    return switch (placeholder) {
      case "PASSWORD_POLICY_LENGTH" -> "至少" + p.get("minLength") + "个字符";
      case "PASSWORD_POLICY_LOWERCASE" -> "至少" + p.get("minLowerCase") + "个小写字母";
      case "PASSWORD_POLICY_UPPERCASE" -> "至少" + p.get("minUpperCase") + "个大写字母";
      case "PASSWORD_POLICY_DIGIT" -> "至少" + p.get("minDigit") + "位数字";
      case "PASSWORD_POLICY_SPECIAL" -> "至少" + p.get("minSpecial") + "个特殊字符（如 !@#$%&*-_）";
      case "PASSWORD_POLICY_USER_DATA" -> "不得包含用户名、姓名或邮箱";
      default -> placeholder + (p == null || p.isEmpty() ? "" : " " + p);
    };
  }

  private static String english(String placeholder, Map<String, String> p) {
    return switch (placeholder) {
      case "PASSWORD_POLICY_LENGTH" -> "at least " + p.get("minLength") + " characters";
      case "PASSWORD_POLICY_LOWERCASE" -> "at least " + p.get("minLowerCase") + " lower-case letter(s)";
      case "PASSWORD_POLICY_UPPERCASE" -> "at least " + p.get("minUpperCase") + " upper-case letter(s)";
      case "PASSWORD_POLICY_DIGIT" -> "at least " + p.get("minDigit") + " digit(s)";
      case "PASSWORD_POLICY_SPECIAL" -> "at least " + p.get("minSpecial") + " special character(s)";
      case "PASSWORD_POLICY_USER_DATA" -> "not containing the user's id, names or e-mail";
      default -> placeholder + (p == null || p.isEmpty() ? "" : " " + p);
    };
  }
}
