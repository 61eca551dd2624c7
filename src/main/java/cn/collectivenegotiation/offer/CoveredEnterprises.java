package cn.collectivenegotiation.offer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a regional offer's covered enterprises however they come: a Java list (API), JSON text, or a
 * Spin JSON value (Tasklist, and as stored on the instance).
 */
public final class CoveredEnterprises {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CoveredEnterprises() {}

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> parse(Object raw) {
    if (raw == null) {
      return List.of();
    }
    if (raw instanceof List<?> list) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Object o : list) {
        rows.add((Map<String, Object>) o);
      }
      return rows;
    }
    try {
      return JSON.readValue(raw.toString(), new TypeReference<List<Map<String, Object>>>() {});
    } catch (Exception e) {
      throw new IllegalArgumentException("not a list of enterprises", e);
    }
  }

  /** The credit codes of the covered enterprises, in their order. */
  public static List<String> codes(Object raw) {
    return parse(raw).stream().map(e -> String.valueOf(e.get("creditCode"))).toList();
  }

  /** As stored on the instance (JSON), for the forms and the read model. */
  public static String toJson(List<CoveredEnterprise> covered) {
    List<Map<String, Object>> rows = covered.stream().map(c -> Map.<String, Object>of("creditCode", c.creditCode(),
        "enterpriseName", c.name(), "workforce", c.workforce())).toList();
    try {
      return JSON.writeValueAsString(rows);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
