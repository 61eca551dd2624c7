package cn.collectivenegotiation.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as the tests read it (SnakeYAML, which also applies the file's {@code <<: *node} merge keys), and
 * compose's variable interpolation of its values: {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}},
 * {@code ${NAME:?message}}, {@code ${NAME?message}} and {@code $$}. ComposeFileTest checks this interpolation
 * against docker-compose's own where docker-compose is installed.
 */
public final class ComposeFile {

  public static final Path PATH = Path.of("docker-compose.yml");

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

  private final Map<String, Object> root;

  private ComposeFile(Map<String, Object> root) {
    this.root = root;
  }

  public static ComposeFile read() {
    try {
      return new ComposeFile(new Yaml().load(Files.readString(PATH)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> service(String name) {
    Map<String, Object> service = ((Map<String, Map<String, Object>>) root.get("services")).get(name);
    if (service == null) {
      throw new IllegalArgumentException("no service " + name + " in " + PATH);
    }
    return service;
  }

  /** The application nodes: the services built from this repository, in the file's order. */
  @SuppressWarnings("unchecked")
  public List<String> nodes() {
    List<String> nodes = new ArrayList<>();
    ((Map<String, Map<String, Object>>) root.get("services")).forEach((name, service) -> {
      if (".".equals(service.get("build"))) {
        nodes.add(name);
      }
    });
    return nodes;
  }

  /** A service's environment as its container gets it, the file's variables taken from {@code variables}. */
  @SuppressWarnings("unchecked")
  public Map<String, String> environment(String service, Map<String, String> variables) {
    Map<String, String> environment = new LinkedHashMap<>();
    Object declared = service(service).get("environment");
    if (declared instanceof Map<?, ?> map) {
      map.forEach((name, value) -> environment.put(name.toString(),
          value == null ? variables.getOrDefault(name.toString(), "") : interpolate(value.toString(), variables)));
    } else if (declared instanceof List<?> list) {
      for (Object entry : list) {
        String[] pair = interpolate(entry.toString(), variables).split("=", 2);
        environment.put(pair[0], pair.length == 2 ? pair[1] : variables.getOrDefault(pair[0], ""));
      }
    }
    return environment;
  }

  /** The services {@code service} waits for, each with its condition (service_started when the list form says none). */
  @SuppressWarnings("unchecked")
  public Map<String, String> dependsOn(String service) {
    Map<String, String> conditions = new LinkedHashMap<>();
    Object declared = service(service).get("depends_on");
    if (declared instanceof Map<?, ?> map) {
      map.forEach((name, spec) -> conditions.put(name.toString(),
          String.valueOf(((Map<String, Object>) spec).getOrDefault("condition", "service_started"))));
    } else if (declared instanceof List<?> list) {
      list.forEach(name -> conditions.put(name.toString(), "service_started"));
    }
    return conditions;
  }

  /** The {@code healthcheck.test} of a service, e.g. ["CMD-SHELL", "pg_isready ..."]. */
  @SuppressWarnings("unchecked")
  public List<String> healthcheck(String service) {
    Map<String, Object> healthcheck = (Map<String, Object>) service(service).get("healthcheck");
    return healthcheck == null ? List.of() : (List<String>) healthcheck.get("test");
  }

  /** The container side of a service's first published port, "8081:8080" → 8080. */
  @SuppressWarnings("unchecked")
  public int containerPort(String service) {
    String port = ((List<Object>) service(service).get("ports")).get(0).toString();
    return Integer.parseInt(port.substring(port.lastIndexOf(':') + 1).replaceAll("/.*", ""));
  }

  /** The variables the file requires ({@code ${NAME:?...}} or {@code ${NAME?...}}), anywhere in it. */
  public static Set<String> requiredVariables() {
    Set<String> required = new TreeSet<>();
    try {
      Matcher m = VARIABLE.matcher(Files.readString(PATH));
      while (m.find()) {
        if (m.group(2) != null && m.group(2).endsWith("?")) {
          required.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return required;
  }

  /** Compose's interpolation: a required variable that is unset (or empty, with ':?') fails with its message. */
  public static String interpolate(String value, Map<String, String> variables) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group().equals("$$")) {
        replacement = "$";
      } else {
        String name = m.group(1);
        String operator = m.group(2);
        String given = variables.get(name);
        boolean missing = given == null || (operator != null && operator.startsWith(":") && given.isEmpty());
        if (operator == null) {
          replacement = given == null ? "" : given;
        } else if (!missing) {
          replacement = given;
        } else if (operator.endsWith("-")) {
          replacement = m.group(3);
        } else {
          throw new IllegalArgumentException("required variable " + name + " is missing a value: " + m.group(3));
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
