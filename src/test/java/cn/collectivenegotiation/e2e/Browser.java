package cn.collectivenegotiation.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for one test class, as a person in Leshan has it: Chinese (zh-CN) and
 * Shanghai time. Never downloads a browser or a driver: both are named by path, so Selenium Manager is
 * not asked; when they are missing the class fails and says what to install.
 *
 * <p>Screenshots go to {@code target/e2e-screenshots/<test>-<step>.png}; when a test fails, its last
 * screen and page source are kept beside them ({@code <test>-FAILED.png}, {@code .html}).
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    TestExecutionExceptionHandler {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  // Selenium knows DevTools protocols up to its own release and Debian's Chromium may be newer; the tests
  // use none of them (held here: java.util.logging keeps its loggers only weakly)
  private static final Logger CDP_VERSIONS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private ChromeDriver driver;
  private Path profile;
  private String test = "test";
  private String clockScript;

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return new WebDriverWait(driver, PATIENCE);
  }

  /**
   * The browser's clock at the engine's time from the next page on: Tasklist counts "due in 3 days" and
   * "created 1 minute ago" from the browser's clock, so when a test moves the engine's clock the user's
   * watch moves with it. The real clock keeps ticking from there.
   */
  public void clockAt(Instant now) {
    resetClock();
    long offset = now.toEpochMilli() - System.currentTimeMillis();
    Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
        (() => {
          const RealDate = Date, offset = %d;
          function ShiftedDate(...args) {
            if (!new.target) return new RealDate(RealDate.now() + offset).toString();
            return args.length === 0 ? new RealDate(RealDate.now() + offset) : new RealDate(...args);
          }
          ShiftedDate.prototype = RealDate.prototype;
          ShiftedDate.now = () => RealDate.now() + offset;
          ShiftedDate.parse = RealDate.parse;
          ShiftedDate.UTC = RealDate.UTC;
          globalThis.Date = ShiftedDate;
        })();
        """.formatted(offset)));
    clockScript = (String) added.get("identifier");
  }

  /** The browser's clock is the real one again (from the next page on). */
  public void resetClock() {
    if (clockScript != null) {
      driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", clockScript));
      clockScript = null;
    }
  }

  /** Clicks where a person would: scrolled to the middle of the screen, clear of Tasklist's fixed footer. */
  public void click(WebElement element) {
    // a button at the very bottom of a scrolling column cannot be centred and may stay under the footer:
    // then try it scrolled to the top of the view, and at last click it the way the page's script would
    for (String block : new String[] {"center", "start"}) {
      driver.executeScript("arguments[0].scrollIntoView({block: '" + block + "'});", element);
      try {
        element.click();
        return;
      } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
        // try the next position
      }
    }
    driver.executeScript("arguments[0].click();", element);
  }

  /**
   * Keeps what the user sees now as {@code <test>-<step>.png}, the whole of it: Tasklist scrolls inside
   * its columns and dialogs, so the window is made as tall as the tallest of them for the picture.
   */
  public Path screenshot(String step) {
    Path file = SCREENSHOTS.resolve(test + "-" + step + ".png");
    Dimension normal = driver.manage().window().getSize();
    long content = ((Number) driver.executeScript("return Math.max(window.innerHeight, "
        + "...Array.from(document.querySelectorAll('body *')).map(e => e.scrollHeight + e.getBoundingClientRect().top));"))
        .longValue();
    int tall = (int) Math.min(content + (normal.getHeight() - innerHeight()), 4000);
    try {
      if (tall > normal.getHeight()) {
        driver.manage().window().setSize(new Dimension(normal.getWidth(), tall));
      }
      write(file, driver.getScreenshotAs(OutputType.BYTES));
    } finally {
      if (tall > normal.getHeight()) {
        driver.manage().window().setSize(normal);
      }
    }
    return file;
  }

  private long innerHeight() {
    return ((Number) driver.executeScript("return window.innerHeight;")).longValue();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException("The browser tests need Debian's Chromium and its driver, and " + binary
            + " is missing: apt-get install -y chromium chromium-driver (.ci/run installs them). "
            + "No browser is downloaded by the tests.");
      }
    }
    Files.createDirectories(SCREENSHOTS);
    // the driver is named below; this keeps Selenium Manager out even if a later Selenium looks for it
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    CDP_VERSIONS.setLevel(Level.OFF);

    profile = Files.createTempDirectory("e2e-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=zh-CN", "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
        .build();
    driver = new ChromeDriver(service, options);
    // Debian's chromium carries only the en-US locale (the others are in chromium-l10n), so the page's
    // Intl locale, which form-js's date fields follow, would write mm/dd/yyyy; a Chinese browser writes yyyy/mm/dd
    driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "zh-CN"));
    driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Shanghai"));
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    test = context.getRequiredTestMethod().getName();
    // this run's pictures only: an earlier run's FAILED page must not pass for this one's
    try (var earlier = Files.newDirectoryStream(SCREENSHOTS, test + "-*")) {
      for (Path file : earlier) {
        Files.delete(file);
      }
    }
    resetClock();
    driver.manage().deleteAllCookies();
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    if (driver != null) {
      try {
        write(SCREENSHOTS.resolve(test + "-FAILED.png"), driver.getScreenshotAs(OutputType.BYTES));
        write(SCREENSHOTS.resolve(test + "-FAILED.html"),
            ("<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource()).getBytes(StandardCharsets.UTF_8));
      } catch (RuntimeException unavailable) {
        failure.addSuppressed(unavailable);
      }
    }
    throw failure;
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static void write(Path file, byte[] content) {
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
