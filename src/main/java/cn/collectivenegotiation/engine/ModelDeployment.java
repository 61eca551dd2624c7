package cn.collectivenegotiation.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys the models and forms the starter finds ({@code camunda.bpm.deployment-resource-pattern}, the
 * {@code models/} folder of the classpath) under their names below that folder ({@code campaign.bpmn},
 * {@code embedded-forms/submit-activity-report.html}) instead of the starter's absolute file paths. An embedded form is found by that name
 * ({@code embedded:deployment:embedded-forms/...}), and a name that does not depend on where the app is
 * unpacked keeps "deploy changed only" from making new versions of unchanged models on another machine.
 */
@Component
public class ModelDeployment extends DefaultDeploymentConfiguration {

  private static final String BOOT_CLASSES = "BOOT-INF/classes/";
  /** Where the build puts {@code bpmn/} and {@code forms/} (pom.xml); not part of the deployed names. */
  static final String MODELS = "models/";

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    if (camundaBpmProperties.isAutoDeploymentEnabled()) {
      // in the packaged jar Spring finds each model twice (jar:nested:...!BOOT-INF/classes/!/x.bpmn and
      // jar:file:...!/BOOT-INF/classes/x.bpmn): one resource per name, or the engine sees duplicate keys
      Map<String, Resource> byName = new LinkedHashMap<>();
      for (Resource found : getDeploymentResources()) {
        Named named = underClasspathName(found);
        byName.putIfAbsent(named.name, named);
      }
      configuration.setDeploymentResources(byName.values().toArray(Resource[]::new));
    }
  }

  private static Named underClasspathName(Resource resource) {
    try {
      String name = classpathName(resource.getURL().toString());
      return new Named(resource.getContentAsByteArray(), name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + resource, e);
    }
  }

  /** Camunda's Spring deployment names a {@link ContextResource} by its path within the context. */
  private static final class Named extends ByteArrayResource implements ContextResource {
    private final String name;

    Named(byte[] content, String name) {
      super(content, name);
      this.name = name;
    }

    @Override
    public String getPathWithinContext() {
      return name;
    }

    @Override
    public String getFilename() {
      return name;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Named n && n.name.equals(name) && super.equals(other);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }

  /**
   * The path below the classpath root (after the jar entry separator and the fat jar's
   * {@code BOOT-INF/classes/}, or after a classes directory), and below {@code models/} there.
   */
  static String classpathName(String url) {
    String path = pathBelowClasspathRoot(url);
    return path.startsWith(MODELS) ? path.substring(MODELS.length()) : path;
  }

  private static String pathBelowClasspathRoot(String url) {
    int entry = url.lastIndexOf("!/");
    if (entry >= 0) {
      String path = url.substring(entry + 2);
      return path.startsWith(BOOT_CLASSES) ? path.substring(BOOT_CLASSES.length()) : path;
    }
    for (String root : new String[] {"/test-classes/", "/classes/"}) {
      int at = url.lastIndexOf(root);
      if (at >= 0) {
        return url.substring(at + root.length());
      }
    }
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
