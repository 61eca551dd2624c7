package cn.collectivenegotiation.e2e;

import cn.collectivenegotiation.identity.TestUsers;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Camunda Cockpit as a supervisor works in it: log in, the dashboard, the 集中要约月 view, an offer's instance. */
public final class CockpitPage {

  private static final Duration FIRST_PAGE = Duration.ofSeconds(45);

  private final Browser browser;
  private final String baseUrl;

  public CockpitPage(Browser browser, int port) {
    this.browser = browser;
    this.baseUrl = "http://localhost:" + port + "/camunda/app/cockpit/default/";
  }

  /**
   * Logs in on Cockpit's own login page and waits for the dashboard. Cockpit's first page in a fresh
   * server loads its whole application, which takes a loaded machine longer than a click does; now and
   * then (seen on a machine with a load of 30 on 2 cores) it stays on its spinner until loaded again.
   */
  public CockpitPage logIn(String user) {
    for (int attempt = 1; ; attempt++) {
      browser.driver().get(baseUrl);
      try {
        new WebDriverWait(browser.driver(), FIRST_PAGE)
            .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
        break;
      } catch (org.openqa.selenium.TimeoutException stillLoading) {
        // as a person would, load the page again; the third time it counts
        if (attempt == 3) {
          throw stillLoading;
        }
      }
    }
    browser.driver().findElement(By.cssSelector("input[ng-model=username]")).sendKeys(user);
    browser.driver().findElement(By.cssSelector("input[type=password]")).sendKeys(TestUsers.password(user));
    browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header] .navbar-nav, [cam-widget-header] ul")));
    return this;
  }

  /** The dashboard's 集中要约月 summary, once it has its figures. */
  public String dashboardSummary() {
    return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".campaign-dashboard .campaign-dashboard-figures"))).findElement(By.xpath("..")).getText();
  }

  /** The header's menu entries (流程, 决策, 人工任务, 集中要约月, ...), once drawn. */
  public List<String> menu() {
    By entries = By.cssSelector("[cam-widget-header] li[ng-repeat^='actionProvider'] view > a");
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(entries));
    return browser.driver().findElements(entries).stream().map(a -> a.getText().trim()).toList();
  }

  /** 集中要约月 in the header → the campaign view, then the campaign by its name from the list. */
  public CockpitPage openCampaign(String name) {
    browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[@cam-widget-header]//a[normalize-space(.)='集中要约月']"))));
    // the plugin renders the select again when its list of campaigns arrives: look it up afresh until choosing holds
    browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
      WebElement select = ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".campaign-plugin select.campaign-select")).apply(d);
      if (select == null) {
        return false;
      }
      new Select(select).selectByVisibleText(name);
      return true;
    });
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(".campaign-plugin .campaign-period"), "要约期间"));
    browser.waiting().until(d -> new Select(d.findElement(By.cssSelector(".campaign-plugin select.campaign-select")))
        .getFirstSelectedOption().getText().equals(name));
    return this;
  }

  public List<String> tableHeadings() {
    return browser.driver().findElements(By.cssSelector(".campaign-table thead th")).stream()
        .map(th -> th.getText().trim()).toList();
  }

  /** The table's rows by their first cell (填报单位). */
  public List<String> rowNames() {
    return browser.driver().findElements(By.cssSelector(".campaign-table tbody tr > th")).stream()
        .map(th -> th.getText().trim()).toList();
  }

  /** One unit's row as it reads, cell by cell, the unit's name first. */
  public List<String> row(String unitName) {
    return browser.driver().findElements(By.xpath("//table[contains(@class,'campaign-table')]//tr[th[normalize-space(.)='"
        + unitName + "']]/*")).stream().map(cell -> cell.getText().trim()).toList();
  }

  /** The chart's bars: one group per reporting unit, and its text (titles, legend, names, values). */
  public List<WebElement> chartRows() {
    return browser.driver().findElements(By.cssSelector("svg.campaign-chart g.unit"));
  }

  /** Every text of the chart, one per line (an SVG's text is read from its elements, not from the layout). */
  public String chartText() {
    return String.join("\n", browser.driver().findElements(By.cssSelector("svg.campaign-chart text")).stream()
        .map(t -> t.getDomProperty("textContent")).toList());
  }

  /** Clicks a figure of a unit's row (its column heading names it) and waits for the offers behind it. */
  public String openFigure(String unitName, String heading) {
    int column = tableHeadings().indexOf(heading) + 1;
    browser.click(browser.driver().findElement(By.xpath("//table[contains(@class,'campaign-table')]//tr[th[normalize-space(.)='"
        + unitName + "']]/*[" + column + "]/a")));
    return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".campaign-offers-box .offers-title"))).getText();
  }

  /** The offer numbers listed behind the figure opened. */
  public List<String> listedOffers() {
    return browser.driver().findElements(By.cssSelector(".campaign-offers a.offer-link")).stream()
        .map(a -> a.getText().trim()).toList();
  }

  /** Clicks an offer's number and waits for its process instance in Cockpit (the diagram drawn). */
  public CockpitPage openOffer(String offerNumber) {
    browser.click(browser.driver().findElement(By.xpath("//a[contains(@class,'offer-link')][normalize-space(.)='"
        + offerNumber + "']")));
    browser.waiting().until(ExpectedConditions.urlContains("/process-instance/"));
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".djs-container svg")));
    return this;
  }

  public String currentUrl() {
    return browser.driver().getCurrentUrl();
  }

  public String pageText() {
    return browser.driver().findElement(By.tagName("body")).getText();
  }
}
