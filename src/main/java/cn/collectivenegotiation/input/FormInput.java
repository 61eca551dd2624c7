package cn.collectivenegotiation.input;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.collectivenegotiation.deadline.LegalTime;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads submitted values (a JSON body, a Camunda Form's variables) into typed values, collecting one
 * error per bad field. The same reader serves the REST API and every form, so a field is judged alike
 * wherever it comes from. Call {@link #throwIfInvalid()} before using what was read.
 */
public final class FormInput {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, ?> values;
  private final List<InvalidInputException.FieldError> errors = new ArrayList<>();

  public FormInput(Map<String, ?> values) {
    this.values = values;
  }

  public void reject(String field, String message) {
    errors.add(new InvalidInputException.FieldError(field, message));
  }

  public boolean isValid() {
    return errors.isEmpty();
  }

  public List<InvalidInputException.FieldError> errors() {
    return List.copyOf(errors);
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  public boolean has(String field) {
    Object v = values.get(field);
    return v != null && !(v instanceof String s && s.isBlank());
  }

  public String text(String field, String label, boolean required, int maxLength) {
    Object v = values.get(field);
    String s = v == null ? null : v.toString().trim();
    if (s == null || s.isEmpty()) {
      if (required) {
        reject(field, label + "不能为空 (" + field + " is required)");
      }
      return null;
    }
    if (s.length() > maxLength) {
      reject(field, label + "不能超过" + maxLength + "个字 (" + field + " is longer than " + maxLength + ")");
      return null;
    }
    return s;
  }

  public <E extends Enum<E>> E choice(String field, String label, Class<E> type, boolean required) {
    String s = text(field, label, required, 64);
    if (s == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      reject(field, label + "“" + s + "”不在可选范围内 (" + field + " must be one of " + Arrays.toString(type.getEnumConstants()) + ")");
      return null;
    }
  }

  public <E extends Enum<E>> List<E> choices(String field, String label, Class<E> type) {
    List<String> raw = stringList(values.get(field));
    if (raw == null) {
      reject(field, label + "应为列表 (" + field + " must be a list of codes)");
      return List.of();
    }
    if (raw.isEmpty()) {
      reject(field, label + "至少选择一项 (" + field + " needs at least one entry)");
      return List.of();
    }
    Set<E> result = new LinkedHashSet<>();
    for (String s : raw) {
      try {
        result.add(Enum.valueOf(type, s.trim()));
      } catch (IllegalArgumentException e) {
        reject(field, label + "“" + s + "”不在可选范围内 (" + field + " must be among " + Arrays.toString(type.getEnumConstants()) + ")");
        return List.of();
      }
    }
    return List.copyOf(result);
  }

  /** An empty value: rejected if required; either way there is nothing more to read. */
  private boolean missing(Object v, String field, String label, boolean required) {
    if (v != null && !(v instanceof String s && s.isBlank())) {
      return false;
    }
    if (required) {
      reject(field, label + "不能为空 (" + field + " is required)");
    }
    return true;
  }

  public Integer integer(String field, String label, boolean required, int min, int max) {
    Object v = values.get(field);
    if (missing(v, field, label, required)) {
      return null;
    }
    long n;
    try {
      if (v instanceof Number num) {
        if (num.doubleValue() != Math.rint(num.doubleValue())) {
          throw new NumberFormatException();
        }
        n = num.longValue();
      } else {
        n = Long.parseLong(v.toString().trim());
      }
    } catch (NumberFormatException e) {
      reject(field, label + "应为整数 (" + field + " must be a whole number)");
      return null;
    }
    if (n < min || n > max) {
      reject(field, label + "应在" + min + "到" + max + "之间 (" + field + " must be between " + min + " and " + max + ")");
      return null;
    }
    return (int) n;
  }

  /** A decimal number within [min, max], e.g. a rate such as 0.92. */
  public java.math.BigDecimal decimal(String field, String label, boolean required, String min, String max) {
    Object v = values.get(field);
    if (missing(v, field, label, required)) {
      return null;
    }
    java.math.BigDecimal n;
    try {
      n = new java.math.BigDecimal(v.toString().trim());
    } catch (NumberFormatException e) {
      reject(field, label + "应为数字 (" + field + " must be a number)");
      return null;
    }
    if (n.compareTo(new java.math.BigDecimal(min)) < 0 || n.compareTo(new java.math.BigDecimal(max)) > 0) {
      reject(field, label + "应在" + min + "到" + max + "之间 (" + field + " must be between " + min + " and " + max + ")");
      return null;
    }
    return n;
  }

  public LocalDate date(String field, String label, boolean required) {
    Object v = values.get(field);
    if (missing(v, field, label, required)) {
      return null;
    }
    if (v instanceof Date d) {
      return d.toInstant().atZone(LegalTime.zone()).toLocalDate();
    }
    try {
      String s = v.toString().trim();
      // a date picker may send a full timestamp: the day is what counts
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      reject(field, label + "应为日期 yyyy-MM-dd (" + field + " must be a date yyyy-MM-dd)");
      return null;
    }
  }

  /** A date that has happened: today or earlier, in the law's time zone on the engine's clock. */
  public LocalDate dateUpToToday(String field, String label, boolean required) {
    LocalDate date = date(field, label, required);
    LocalDate today = LegalTime.today();
    if (date != null && date.isAfter(today)) {
      reject(field, label + "不能晚于今天" + today + " (" + field + " must not be in the future)");
      return null;
    }
    return date;
  }

  public Boolean bool(String field, String label, boolean required) {
    Object v = values.get(field);
    if (v == null) {
      if (required) {
        reject(field, label + "必须选择 (" + field + " is required)");
      }
      return null;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = v.toString().trim();
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(s);
    }
    reject(field, label + "应为是或否 (" + field + " must be true or false)");
    return null;
  }

  /** A list from a JSON array, a Java collection, a Spin JSON node or a comma-separated string; null if none fits. */
  private static List<String> stringList(Object v) {
    if (v == null) {
      return List.of();
    }
    if (v instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    if (v instanceof Object[] a) {
      return Arrays.stream(a).map(String::valueOf).toList();
    }
    String s = v.toString().trim();
    if (s.isEmpty()) {
      return List.of();
    }
    if (s.startsWith("[")) {
      try {
        return JSON.readValue(s, new TypeReference<List<String>>() {});
      } catch (Exception e) {
        return null;
      }
    }
    return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
  }
}
