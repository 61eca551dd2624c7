package cn.collectivenegotiation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.collectivenegotiation.ProductTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Tasklist, Cockpit, Admin and Welcome speak Chinese by default: every English key has its Chinese text. */
@ProductTest
class ChineseWebappsTest {

  @Autowired TestRestTemplate http;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  @DisplayName("中文翻译覆盖英文的全部词条，且中文为默认语言")
  void everyKeyIsTranslated(String app) {
    String base = "/camunda/app/" + app;
    JsonNode en = http.getForObject(base + "/locales/en.json", JsonNode.class);
    JsonNode zh = http.getForObject(base + "/locales/zh.json", JsonNode.class);
    assertThat(en).as("the webjar's English").isNotNull();
    assertThat(keys(zh, "")).containsExactlyInAnyOrderElementsOf(keys(en, ""));
    assertThat(zh.toString()).containsPattern("[\\u4e00-\\u9fa5]");

    String config = http.getForObject(base + "/scripts/config.js", String.class);
    assertThat(config).contains("availableLocales: ['zh', 'en']").contains("fallbackLocale: 'zh'");
  }

  private static List<String> keys(JsonNode node, String prefix) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      JsonNode child = node.get(name);
      if (child.isObject()) {
        keys.addAll(keys(child, prefix + name + "."));
      } else {
        keys.add(prefix + name);
      }
    }
    return keys;
  }
}
