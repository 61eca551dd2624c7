package cn.collectivenegotiation.offer;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z),
 * positions 3–8 the administrative division code, the last one a check character over the first 17.
 */
public final class CreditCode {

  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private CreditCode() {}

  /** Why {@code code} is not a credit code, in Chinese, or {@code null} when it is one. */
  public static String problem(String code) {
    if (code == null || code.isBlank()) {
      return "统一社会信用代码不能为空 (creditCode is required)";
    }
    if (code.length() != 18) {
      return "统一社会信用代码应为18位 (creditCode must have 18 characters), 实际为" + code.length() + "位";
    }
    for (int i = 0; i < 18; i++) {
      char c = code.charAt(i);
      if (ALPHABET.indexOf(c) < 0) {
        return "统一社会信用代码第" + (i + 1) + "位“" + c + "”不是允许的字符 (allowed: digits and capital letters except I, O, S, V, Z)";
      }
      if (i >= 2 && i <= 7 && !Character.isDigit(c)) {
        return "统一社会信用代码第3–8位应为行政区划码数字 (positions 3–8 must be digits)";
      }
    }
    char expected = checkCharacter(code.substring(0, 17));
    if (code.charAt(17) != expected) {
      return "统一社会信用代码校验位错误: 应为“" + expected + "” (check character must be " + expected + ")";
    }
    return null;
  }

  /** The GB 32100-2015 check character for the first 17 characters of a code. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }
}
