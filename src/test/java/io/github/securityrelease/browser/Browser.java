package io.github.securityrelease.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by Debian's ChromeDriver, for one IT class: register it
 * with {@code @RegisterExtension static Browser browser = new Browser();}. Both binaries are
 * named by path, so Selenium Manager never runs (it would try to download a browser); without
 * them the class is skipped, saying what to install. Screenshots go to
 * {@code target/browser-screenshots/} ({@code .../postgres/} on the PostgreSQL run), and a
 * failed test leaves one of the page it failed on, with the page's HTML, beside them.
 */
public final class Browser implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback {

  /** Debian's packages {@code chromium} and {@code chromium-driver}; elsewhere name them with these system properties. */
  static final Path CHROMIUM = Path.of(System.getProperty("sro.test.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("sro.test.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots")
      .resolve(TestDatabase.postgres() ? "postgres" : "");
  static final int WIDTH = 1400;
  static final int HEIGHT = 1000;

  private static final By LOGIN_USER = By.cssSelector("form[name=signinForm] input[ng-model=username]");
  private static final By ACCOUNT_MENU = By.cssSelector("[cam-widget-header] li.account > a");

  /** Long enough for a loaded two-core CI machine; a passing step takes well under a second. */
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private ChromeDriverService service;
  private ChromeDriver driver;
  private Path profile;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(path -> !Files.isExecutable(path))
        .map(Path::toString).toList();
    return missing.isEmpty()
        ? ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed")
        : ConditionEvaluationResult.disabled("Browser ITs skipped: " + String.join(" and ", missing)
            + " missing (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path profiles = Files.createDirectories(Path.of("target", "browser-profiles"));
    profile = Files.createTempDirectory(profiles, context.getRequiredTestClass().getSimpleName() + "-");
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .withLogLevel(ChromiumDriverLogLevel.WARNING)
        .withLogFile(profiles.resolve(profile.getFileName() + "-chromedriver.log").toFile())
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + profile.toAbsolutePath());
    driver = new ChromeDriver(service, options);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      if (service != null) {
        service.stop();
      }
      deleteQuietly(profile);
    }
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent() && driver != null) {
      String name = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
      try {
        screenshot(name);
        Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
      } catch (RuntimeException | IOException e) {
        context.getExecutionException().get().addSuppressed(e);
      }
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  /** Waits until {@code condition} gives something other than null or false, and gives that. */
  public <T> T until(String what, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, TIMEOUT).withMessage(what).ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  public WebElement visible(By locator) {
    return until("visible: " + locator, ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public WebElement clickable(By locator) {
    return until("clickable: " + locator, ExpectedConditions.elementToBeClickable(locator));
  }

  public void gone(By locator) {
    until("gone: " + locator, ExpectedConditions.invisibilityOfElementLocated(locator));
  }

  /**
   * The element, scrolled into view, with nothing over it: its centre and its corners show the
   * element itself. Camunda 7.24's end-of-life banner had moved Tasklist's form 20 px under the
   * footer, and with it the lower half of "Complete" (the webapps' user-styles.css).
   */
  public WebElement uncovered(By locator) {
    WebElement element = clickable(locator);
    Object covered = script("""
        const element = arguments[0];
        element.scrollIntoView({block: 'nearest'});
        const box = element.getBoundingClientRect();
        const points = [[(box.left + box.right) / 2, (box.top + box.bottom) / 2], [box.left + 2, box.top + 2],
          [box.right - 2, box.top + 2], [box.left + 2, box.bottom - 2], [box.right - 2, box.bottom - 2]];
        for (const [x, y] of points) {
          const hit = document.elementFromPoint(x, y);
          if (!hit || !(hit === element || element.contains(hit))) {
            return '(' + Math.round(x) + ', ' + Math.round(y) + ') shows ' + (hit ? hit.outerHTML.slice(0, 160) : 'nothing');
          }
        }
        return null;""", element);
    assertThat(covered).as(locator + " wholly visible").isNull();
    return element;
  }

  /**
   * The header of a Camunda webapp ({@code Tasklist}, {@code Cockpit}) names the service, in the
   * page and in the window's title, and Camunda's end-of-life banner is not shown (the webapps'
   * config.js and user-styles.css).
   */
  public void expectServiceHeader(String app) {
    String name = "Security Release Orchestrator " + app;
    until("the header names the service", driver -> name.equals(
        driver.findElement(By.cssSelector("[cam-widget-header] .navbar-brand .brand-name")).getText()));
    assertThat(driver.getTitle()).as("the window's title, with Cockpit's page after it").startsWith(name);
    assertThat(driver.findElements(By.cssSelector(".ce-eol-banner"))).as("the end-of-life banner, if any")
        .noneMatch(WebElement::isDisplayed);
  }

  /** Clears the field and types {@code text}, as a person would (key events, not a value set by script). */
  public WebElement type(By locator, String text) {
    WebElement field = clickable(locator);
    field.clear();
    field.sendKeys(text);
    return field;
  }

  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** The browser window as it is now, as {@code target/browser-screenshots/NAME.png}. */
  public Path screenshot(String name) {
    Path target = SCREENSHOTS.resolve(name + ".png");
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    assertThat(png).as("a PNG: " + target).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    try {
      Files.write(target, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /**
   * The whole page in one screenshot: the window made as tall as the document, plus what the
   * page's tallest scrolling pane (e.g. Tasklist's form) hides, then put back.
   */
  public Path screenshotAll(String name) {
    int height = ((Number) script("""
        let hidden = 0;
        for (const element of document.querySelectorAll('*')) {
          const overflow = getComputedStyle(element).overflowY;
          if ((overflow === 'auto' || overflow === 'scroll') && element.clientHeight > 0) {
            hidden = Math.max(hidden, element.scrollHeight - element.clientHeight);
          }
        }
        return Math.max(document.documentElement.scrollHeight, window.innerHeight + hidden);""")).intValue();
    Dimension before = driver.manage().window().getSize();
    int inner = ((Number) script("return window.innerHeight")).intValue();
    if (height <= inner) {
      return screenshot(name);
    }
    driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(before.getHeight() - inner + height, 8000)));
    try {
      until("the window grown to the page", webDriver -> ((Number) script("return window.innerHeight")).intValue() > inner);
      return screenshot(name);
    } finally {
      driver.manage().window().setSize(before);
      until("the window back to its size", webDriver -> ((Number) script("return window.innerHeight")).intValue() == inner);
    }
  }

  /**
   * Logs in to a Camunda webapp ({@code tasklist}, {@code cockpit}, {@code admin}) through its own
   * login form; whoever was logged in to it before (another test of the class) logs out first.
   */
  public void logInToCamunda(String baseUrl, String app, String user, String password, String screenshotName) {
    open(baseUrl + "/camunda/app/" + app + "/");
    until("the login form or a user's page", driver -> !driver.findElements(LOGIN_USER).isEmpty()
        || !driver.findElements(ACCOUNT_MENU).isEmpty());
    if (driver.findElements(LOGIN_USER).isEmpty()) {
      clickable(ACCOUNT_MENU).click();
      clickable(By.cssSelector("li.account li.logout a")).click();
    }
    type(LOGIN_USER, user);
    type(By.cssSelector("form[name=signinForm] input[ng-model=password]"), password);
    screenshot(screenshotName);
    clickable(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    visible(By.xpath("//li[contains(@class, 'account')]/a[normalize-space(.) = '" + displayName(user) + "']"));
  }

  /** The seeded demo accounts' names: {@code demo-security} is "Demo Security". */
  private static String displayName(String user) {
    StringBuilder name = new StringBuilder();
    for (String part : user.split("-")) {
      name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name.toString();
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      System.err.println("Could not delete the browser profile " + dir + ": " + e.getMessage());
    }
  }
}
