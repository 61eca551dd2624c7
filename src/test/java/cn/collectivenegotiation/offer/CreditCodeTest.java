package cn.collectivenegotiation.offer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CreditCodeTest {

  @Test
  @DisplayName("GB 32100-2015 示例代码 91350100M000100Y43 校验通过")
  void acceptsPublishedExample() {
    assertThat(CreditCode.problem("91350100M000100Y43")).isNull();
    assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
  }

  @Test
  @DisplayName("校验位错误、长度不足、非法字符、区划码非数字均被拒绝并说明原因")
  void rejectsBadCodes() {
    assertThat(CreditCode.problem("91350100M000100Y44")).contains("校验位").contains("3");
    assertThat(CreditCode.problem("91350100M000100Y4")).contains("18");
    assertThat(CreditCode.problem("91350100M000100O43")).contains("第16位");
    assertThat(CreditCode.problem("9135A100M000100Y43")).contains("3–8");
    assertThat(CreditCode.problem(" ")).contains("不能为空");
  }
}
