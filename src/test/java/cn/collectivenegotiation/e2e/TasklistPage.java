package cn.collectivenegotiation.e2e;

import cn.collectivenegotiation.identity.TestUsers;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Camunda Tasklist as a user works in it: log in, pick a filter, start a process, open and do a task. */
public final class TasklistPage {

  private final Browser browser;
  private final String baseUrl;

  public TasklistPage(Browser browser, int port) {
    this.browser = browser;
    this.baseUrl = "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  /** The login page (what an anonymous visitor gets at Tasklist's address). */
  public TasklistPage open() {
    browser.driver().get(baseUrl);
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    return this;
  }

  public String usernamePlaceholder() {
    return browser.driver().findElement(By.cssSelector("input[ng-model=username]"))
        .getDomAttribute("placeholder");
  }

  public String passwordPlaceholder() {
    return browser.driver().findElement(By.cssSelector("input[type=password]")).getDomAttribute("placeholder");
  }

  public String signInButton() {
    return browser.driver().findElement(By.cssSelector("button[type=submit]")).getText().trim();
  }

  /** Logs in with the test password and waits for the filters. */
  public TasklistPage logIn(String user) {
    open();
    browser.driver().findElement(By.cssSelector("input[ng-model=username]")).sendKeys(user);
    browser.driver().findElement(By.cssSelector("input[type=password]")).sendKeys(TestUsers.password(user));
    browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
    return this;
  }

  public TasklistPage logOut() {
    browser.driver().findElement(By.cssSelector("li.account > a.dropdown-toggle")).click();
    browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout a"))).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    return this;
  }

  /** The user's name as the header shows it. */
  public String userName() {
    return browser.driver().findElement(By.cssSelector("li.account > a.dropdown-toggle")).getText().trim();
  }

  /** The header's actions (发起流程, ...). */
  public String header() {
    return browser.driver().findElement(By.cssSelector("[cam-widget-header]")).getText();
  }

  public List<String> filters() {
    return browser.driver().findElements(By.cssSelector(".task-filter h4.name a")).stream()
        .map(a -> a.getText().replaceAll("\\s*\\d+$", "").trim()).toList();
  }

  public TasklistPage filter(String name) {
    browser.driver().findElement(By.xpath("//div[contains(@class,'task-filter')]//h4/a[contains(normalize-space(.),'"
        + name + "')]")).click();
    browser.waiting().until(ExpectedConditions.attributeContains(
        By.xpath("//div[contains(@class,'task-filter')][.//h4/a[contains(normalize-space(.),'" + name + "')]]"),
        "class", "active"));
    // the pointer leaves the filter, as a hand does, so its tooltip does not cover the next picture
    new Actions(browser.driver()).moveToElement(browser.driver().findElement(By.cssSelector("footer"))).perform();
    return this;
  }

  /**
   * 筛选任务 → 流程实例业务键 → the offer number: the list narrows to that offer's tasks, as an officer
   * with a long list finds one offer.
   */
  public TasklistPage searchOffer(String offerNumber) {
    browser.click(browser.driver().findElement(By.cssSelector("[cam-widget-search] input.main-field")));
    browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//li[contains(@class,'uib-typeahead-match')]/a[@title='流程实例业务键']"))));
    WebElement value = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("[cam-widget-search-pill] .value-field input.form-control")));
    browser.waiting().until(d -> value.equals(d.switchTo().activeElement()));
    value.sendKeys(offerNumber, Keys.ENTER);
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("[cam-widget-search] .search-container, [cam-widget-search]"), offerNumber));
    browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> d.findElements(
        By.cssSelector("ol.tasks-list > li.task")).stream().allMatch(card -> card.getText().contains(offerNumber)));
    return this;
  }

  /** 发起流程 → the process by its name → its start form. */
  public CamundaForm startProcess(String processName) {
    browser.click(browser.driver().findElement(By.cssSelector(".start-process-action a")));
    browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//div[contains(@class,'modal-content')]//a[normalize-space(.)='" + processName + "']"))));
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(".modal-title, .modal-header"), processName));
    return new CamundaForm(browser);
  }

  public String modalTitle() {
    return browser.driver().findElement(By.cssSelector(".modal-header")).getText().trim();
  }

  /**
   * 开始: submits the start form and returns Tasklist's notice: 流程已启动。 once the dialog has closed,
   * or the server's refusal (the dialog stays open with the form).
   */
  public String start() {
    browser.click(browser.driver().findElement(
        By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='开始']")));
    String notice = notice();
    if (browser.driver().findElements(By.cssSelector(".page-notifications .alert-danger")).isEmpty()) {
      browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-content")));
    }
    return notice;
  }

  /** The task in the current filter's list whose card shows {@code text} (e.g. an offer number), or null. */
  public WebElement taskCard(String taskName, String text) {
    try {
      return browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> d.findElements(
          By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')]"
              + "[.//h4//a[normalize-space(.)='" + taskName + "']][contains(.,'" + text + "')]"))
          .stream().findFirst().orElse(null));
    } catch (org.openqa.selenium.TimeoutException none) {
      return null;
    }
  }

  /** Opens the task from the list and waits for its form. */
  public CamundaForm openTask(String taskName, String text) {
    WebElement card = taskCard(taskName, text);
    if (card == null) {
      throw new NoSuchElementException("no task " + taskName + " with " + text + " in the list");
    }
    browser.click(card.findElement(By.cssSelector("h4 a")));
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(".task-card .names h2.task"), taskName));
    return new CamundaForm(browser);
  }

  /** 认领: the form can be submitted only by the task's assignee. */
  public TasklistPage claim() {
    browser.click(browser.driver().findElement(By.cssSelector("button.claim")));
    browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    return this;
  }

  /**
   * 完成: submits the task form. Tasklist says nothing when it succeeds: the task leaves the screen
   * ("请在列表中选择一个任务。"); when the server refuses, its message is shown, and returned here.
   */
  public String complete() {
    // a form that computes text from the values typed (the congress vote's 核算) grows as it settles, moving
    // 完成 down under the pointer: click once the form's text has stopped changing
    String[] before = {null};
    browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
      String now = d.findElements(By.cssSelector("form.fjs-form")).stream().map(WebElement::getText).findFirst().orElse("");
      boolean settled = now.equals(before[0]);
      before[0] = now;
      return settled;
    });
    browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//div[contains(@class,'form-actions')]//button[normalize-space(.)='完成']"))));
    return browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
      if (!d.findElements(By.cssSelector(".page-notifications .alert-danger")).isEmpty()) {
        return d.findElement(By.cssSelector(".page-notifications .alert-danger")).getText().trim();
      }
      // on a slow server the list may refresh first and say "任务已移除" over the form: close it, as a person would
      d.findElements(By.xpath("//div[contains(@class,'alert-info')][contains(.,'任务已移除')]//*[normalize-space(.)='关闭任务']"))
          .stream().filter(WebElement::isDisplayed).findFirst().ifPresent(browser::click);
      // done when Tasklist says so: its "no task selected" notice is shown (a hidden task card may stay in the page)
      return d.findElements(By.cssSelector(".no-task")).stream().filter(WebElement::isDisplayed).findFirst()
          .map(e -> e.getText().trim()).orElse(null);
    });
  }

  /** The latest of Tasklist's notices (top of the page). */
  public String notice() {
    return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".page-notifications .notifications .alert"))).getText().trim();
  }
}
