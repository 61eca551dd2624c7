package cn.collectivenegotiation.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml checked by a real compose implementation where one is installed (Debian's docker-compose
 * 1.29.2, package docker-compose; `config` needs no Docker engine), and the Dockerfile checked against what the
 * build reads (pom.xml) and what the nodes run. No image is built here and nothing is started: ComposeRehearsalTest
 * runs the nodes with the file's environment.
 */
class ComposeFileTest {

  /** Dummy values for the file's required variables. */
  static final Map<String, String> VARIABLES = Map.of(
      "POSTGRES_PASSWORD", "Pg#Dummy2026x",
      "CAMUNDA_ADMIN_PASSWORD", "Admin#Dummy2026x",
      "NEGOTIATION_MONITORING_PASSWORD", "Monitor#Dummy2026x");

  static final Path DOCKER_COMPOSE = Path.of("/usr/bin/docker-compose");
  static final Path DOCKERFILE = Path.of("Dockerfile");
  static final Path DOCKERIGNORE = Path.of(".dockerignore");

  /**
   * docker-compose 1.x predates the Compose Specification's secrets taken from an environment variable
   * ({@code secrets: x: environment: NAME}, Docker Compose v2 since 2022) and refuses that one key, with this line.
   */
  static final Pattern SECRET_FROM_ENVIRONMENT_UNKNOWN =
      Pattern.compile("secrets\\.(\\w+) value 'environment' does not match any of the regexes: '\\^x-'");

  @Test
  @DisplayName("compose 要求的变量：POSTGRES_PASSWORD、CAMUNDA_ADMIN_PASSWORD、NEGOTIATION_MONITORING_PASSWORD；缺少时报错并指明变量")
  void theFileRequiresTheThreePasswordsAndNamesAMissingOne() {
    assertThat(ComposeFile.requiredVariables()).containsExactlyInAnyOrderElementsOf(VARIABLES.keySet());
    ComposeFile compose = ComposeFile.read();
    for (String variable : VARIABLES.keySet()) {
      Map<String, String> without = new HashMap<>(VARIABLES);
      without.remove(variable);
      assertThatThrownBy(() -> compose.nodes().forEach(node -> compose.environment(node, without)))
          .hasMessageContaining(variable);
    }
  }

  @Test
  @DisplayName("docker-compose config（Debian 的 docker-compose 1.29.2）接受该文件，解析出的节点环境、依赖、健康检查与测试所读一致")
  void dockerComposeAcceptsTheFile() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(DOCKER_COMPOSE), "docker-compose not installed (apt-get install docker-compose)");
    boolean version1 = run(VARIABLES, "version", "--short").output().startsWith("1.");

    // the file itself: accepted, or (docker-compose 1.x only) refused for the environment secret alone
    Result asShipped = run(VARIABLES, "-f", ComposeFile.PATH.toString(), "config");
    Path checked = ComposeFile.PATH;
    if (asShipped.exitCode() != 0) {
      assertThat(version1).as(asShipped.output()).isTrue();
      List<String> complaints = asShipped.output().lines()
          .dropWhile(line -> !line.contains("is invalid because:")).skip(1).filter(line -> !line.isBlank()).toList();
      assertThat(complaints).as(asShipped.output()).isNotEmpty()
          .allSatisfy(line -> assertThat(line).matches(SECRET_FROM_ENVIRONMENT_UNKNOWN));
      // everything else, with that one secret given as a file instead (the only way 1.x knows)
      Path dir = Files.createDirectories(Path.of("target", "compose-check"));
      Files.writeString(dir.resolve("monitoring_password"), "dummy");
      String text = Files.readString(ComposeFile.PATH);
      int secrets = text.indexOf("\nsecrets:\n");
      assertThat(secrets).as("top-level secrets").isPositive();
      checked = dir.resolve("docker-compose.yml");
      Files.writeString(checked, text.substring(0, secrets) + text.substring(secrets)
          .replaceAll("(?m)^(\\s+)environment: \\w+$", "$1file: ./target/compose-check/monitoring_password"));
    }
    Result config = run(VARIABLES, "-f", checked.toString(), "--project-directory", ".", "config");
    assertThat(config.exitCode()).as(config.output()).isZero();

    // what compose made of it (interpolation, the <<: *node merge) is what ComposeRehearsalTest starts the nodes with
    Map<String, Object> resolved = new Yaml().load(config.output());
    ComposeFile compose = ComposeFile.read();
    assertThat(compose.nodes()).containsExactly("node1", "node2");
    for (String node : compose.nodes()) {
      Map<String, Object> service = PrometheusConfigTest.at(resolved, "services." + node);
      assertThat(service.get("environment")).as(node).isEqualTo(compose.environment(node, VARIABLES));
      assertThat(PrometheusConfigTest.<List<String>>at(service, "healthcheck.test")).isEqualTo(compose.healthcheck(node));
      Map<String, Map<String, String>> dependsOn = PrometheusConfigTest.at(service, "depends_on");
      dependsOn.forEach((dependency, spec) ->
          assertThat(spec.get("condition")).isEqualTo(compose.dependsOn(node).get(dependency)));
      assertThat(dependsOn.keySet()).isEqualTo(compose.dependsOn(node).keySet());
    }
    assertThat(compose.dependsOn("node2")).containsEntry("node1", "service_healthy").containsEntry("postgres", "service_healthy");
  }

  @Test
  @DisplayName("docker-compose config：缺少或为空的必需变量 → 拒绝，并指明该变量")
  void dockerComposeRefusesAMissingVariableNamingIt() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(DOCKER_COMPOSE), "docker-compose not installed (apt-get install docker-compose)");
    for (String variable : VARIABLES.keySet()) {
      Map<String, String> without = new HashMap<>(VARIABLES);
      without.remove(variable);
      Result missing = run(without, "-f", ComposeFile.PATH.toString(), "config");
      assertThat(missing.exitCode()).as(variable).isNotZero();
      assertThat(missing.output()).as(variable).contains("set " + variable);
      without.put(variable, "");
      Result empty = run(without, "-f", ComposeFile.PATH.toString(), "config");
      assertThat(empty.exitCode()).as(variable + " empty").isNotZero();
      assertThat(empty.output()).as(variable + " empty").contains("set " + variable);
    }
  }

  @Test
  @DisplayName("Dockerfile 复制构建读取的每个顶层目录（pom.xml 的资源目录 bpmn、forms 与 src），.dockerignore 不排除它们")
  void theImageBuildGetsEverythingTheBuildReads() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    Set<String> read = new LinkedHashSet<>(List.of("pom.xml", "src")); // Maven's src/main/java, src/test/java
    NodeList directories = pom.getElementsByTagName("directory");
    for (int i = 0; i < directories.getLength(); i++) {
      String directory = directories.item(i).getTextContent().trim().replace("${project.basedir}/", "");
      read.add(directory.split("/")[0]);
    }
    assertThat(read).contains("bpmn", "forms");

    List<String> build = stage(0);
    int packaging = indexOf(build, "RUN mvn .*package.*");
    Set<String> copied = new LinkedHashSet<>();
    for (String line : build.subList(0, packaging)) {
      List<String> words = List.of(line.split("\\s+"));
      if (words.get(0).equals("COPY")) {
        copied.addAll(words.subList(1, words.size() - 1).stream().map(s -> s.replaceAll("/$", "")).toList());
      }
    }
    assertThat(copied).as("copied before the package build").containsAll(read);
    for (String name : read) {
      assertThat(Path.of(name)).exists();
    }

    if (Files.exists(DOCKERIGNORE)) {
      for (String pattern : Files.readAllLines(DOCKERIGNORE)) {
        if (pattern.isBlank() || pattern.startsWith("#") || pattern.startsWith("!")) {
          continue;
        }
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replaceAll("^/|/$", ""));
        for (String name : read) {
          assertThat(matcher.matches(Path.of(name))).as(".dockerignore " + pattern + " excludes " + name).isFalse();
        }
      }
    }
  }

  @Test
  @DisplayName("镜像运行的是本项目的 jar：构件名、Java 版本、端口与 pom.xml、application.yaml、compose 一致")
  void theImageRunsThisProjectsJarOnItsPort() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    Element project = pom.getDocumentElement();
    String artifactId = child(project, "artifactId");
    String javaVersion = child((Element) project.getElementsByTagName("properties").item(0), "java.version");
    assertThat(project.getElementsByTagName("finalName").getLength()).as("the jar keeps Maven's name").isZero();

    List<String> build = stage(0);
    List<String> runtime = stage(1);
    assertThat(build.get(0)).as("build with the project's Java").contains("temurin-" + javaVersion);
    assertThat(runtime.get(0)).as("run on the project's Java").matches("FROM eclipse-temurin:" + javaVersion + "-jre\\b.*");
    String buildDir = runtime.stream().filter(l -> l.startsWith("COPY --from=build")).findFirst().orElseThrow();
    String workdir = build.get(indexOf(build, "WORKDIR .*")).split("\\s+")[1];
    Matcher jar = Pattern.compile("COPY --from=build (\\S+) (\\S+)").matcher(buildDir);
    assertThat(jar.matches()).isTrue();
    assertThat(jar.group(1)).isEqualTo(workdir + "/target/" + artifactId + "-*.jar");
    String runDir = runtime.get(indexOf(runtime, "WORKDIR .*")).split("\\s+")[1];
    assertThat(runtime.get(runtime.size() - 1))
        .isEqualTo("ENTRYPOINT [\"java\", \"-jar\", \"" + runDir + "/" + jar.group(2) + "\"]");

    int port = PrometheusConfigTest.at(PrometheusConfigTest.yaml(PrometheusConfigTest.APPLICATION), "server.port");
    assertThat(runtime).contains("EXPOSE " + port);
    ComposeFile compose = ComposeFile.read();
    for (String node : compose.nodes()) {
      assertThat(compose.containerPort(node)).as(node).isEqualTo(port);
      assertThat(String.join(" ", compose.healthcheck(node))).as(node).contains("/" + port);
    }
  }

  private static String child(Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
  }

  /** The instructions of the Dockerfile's n-th stage (comments and continuation lines joined), FROM first. */
  static List<String> stage(int n) throws IOException {
    List<List<String>> stages = new ArrayList<>();
    String joined = Files.readString(DOCKERFILE).replaceAll("\\\\\\n\\s*", " ");
    for (String line : joined.lines().map(String::trim).toList()) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("FROM ")) {
        stages.add(new ArrayList<>());
      }
      stages.get(stages.size() - 1).add(line);
    }
    assertThat(stages).hasSizeGreaterThan(n);
    return stages.get(n);
  }

  private static int indexOf(List<String> instructions, String regex) {
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).matches(regex)) {
        return i;
      }
    }
    throw new AssertionError("no " + regex + " in " + instructions);
  }

  record Result(int exitCode, String output) {}

  private static Result run(Map<String, String> variables, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(DOCKER_COMPOSE.toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    VARIABLES.keySet().forEach(builder.environment()::remove);
    builder.environment().putAll(variables);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }
}
