package cn.collectivenegotiation.identity;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
    return describe(rules, Rule::chinese, "、");
  }

  /** "at least 10 characters, at least 1 upper-case letter(s) …" */
  public static String english(List<PasswordPolicyRule> rules) {
    return describe(rules, Rule::english, ", ");
  }

  private static String describe(List<PasswordPolicyRule> rules, Function<Rule, String> language, String separator) {
    return rules.stream().map(r -> describe(r, language)).collect(Collectors.joining(separator));
  }

  private static String describe(PasswordPolicyRule rule, Function<Rule, String> language) {
    Map<String, String> p = rule.getParameters();
    Rule known = RULES.get(rule.getPlaceholder());
    if (known == null) {
      return rule.getPlaceholder() + (p == null || p.isEmpty() ? "" : " " + p);
    }
    String text = language.apply(known);
    return known.parameter() == null ? text : text.replace("{}", String.valueOf(p.get(known.parameter())));
  }

  /** A rule of Camunda's default policy in both languages; {@code {}} stands for its parameter's value. */
  private record Rule(String parameter, String chinese, String english) {}

  /** By placeholder, the rules of Camunda's default policy. */
  private static final Map<String, Rule> RULES = Map.of(
      "PASSWORD_POLICY_LENGTH", new Rule("minLength", "至少{}个字符", "at least {} characters"),
      "PASSWORD_POLICY_LOWERCASE", new Rule("minLowerCase", "至少{}个小写字母", "at least {} lower-case letter(s)"),
      "PASSWORD_POLICY_UPPERCASE", new Rule("minUpperCase", "至少{}个大写字母", "at least {} upper-case letter(s)"),
      "PASSWORD_POLICY_DIGIT", new Rule("minDigit", "至少{}位数字", "at least {} digit(s)"),
      "PASSWORD_POLICY_SPECIAL",
      new Rule("minSpecial", "至少{}个特殊字符（如 !@#$%&*-_）", "at least {} special character(s)"),
      "PASSWORD_POLICY_USER_DATA",
      new Rule(null, "不得包含用户名、姓名或邮箱", "not containing the user's id, names or e-mail"));
}
