package cn.collectivenegotiation.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs one application in its own JVM (the product, or {@link BareCamundaApplication}) and prints
 * {@value #READY} once it is ready (context refreshed, web server listening, start-up runners done).
 */
public final class StartupProbe {

  static final String READY = "BENCH-STARTUP-READY";

  private StartupProbe() {}

  public static void main(String[] args) throws Exception {
    Class<?> application = Class.forName(args[0]);
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    ConfigurableApplicationContext context = SpringApplication.run(application, rest);
    System.out.println(READY);
    System.out.flush();
    context.close();
    System.exit(0);
  }
}
