package cn.collectivenegotiation.e2e;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A Camunda Form (form-js) as Tasklist shows it, filled by the labels a person reads. form-js renders
 * again after every change, so each step finds its element afresh and retries when it went stale.
 */
public final class CamundaForm {

  private final Browser browser;

  CamundaForm(Browser browser) {
    this.browser = browser;
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.fjs-form")));
  }

  /** The form's visible text (headings, labels, the text blocks with the offer's details). */
  public String text() {
    return act(d -> d.findElement(By.cssSelector("form.fjs-form")).getText());
  }

  public CamundaForm type(String label, String value) {
    act(d -> {
      WebElement input = field(d, label);
      input.clear();
      input.sendKeys(value);
      if ("number".equals(input.getDomAttribute("type"))) {
        // form-js takes a number into the form's data a moment after typing: move on, as a person does
        input.sendKeys(Keys.TAB);
      }
      return value.equals(input.getDomProperty("value")) ? true : null;
    });
    return this;
  }

  /**
   * A date field: typed in the browser's own date format (its placeholder), as a person types it, then
   * Tab (Escape would close Tasklist's start dialog with the whole form).
   */
  public CamundaForm date(String label, LocalDate date) {
    act(d -> {
      WebElement input = field(d, label);
      String pattern = input.getDomAttribute("placeholder").replace("mm", "MM");
      String typed = date.format(DateTimeFormatter.ofPattern(pattern));
      input.clear();
      input.sendKeys(typed);
      input.sendKeys(Keys.TAB);
      // the picker writes the date back in its own way (2026/12/9 for a typed 2026/12/09)
      return digits(typed).equals(digits(field(d, label).getDomProperty("value"))) ? typed : null;
    });
    return this;
  }

  /** A date's numbers without leading zeros: 2026/12/09 and 2026/12/9 are the same day. */
  private static java.util.List<Integer> digits(String date) {
    return date == null ? java.util.List.of() : java.util.Arrays.stream(date.split("\\D+"))
        .filter(part -> !part.isEmpty()).map(Integer::valueOf).toList();
  }

  /** A select (form-js draws its own drop-down list): open it, pick the option by its text. */
  public CamundaForm select(String label, String option) {
    act(d -> {
      WebElement group = group(d, label);
      browser.click(group.findElement(By.cssSelector(".fjs-select-display")));
      return true;
    });
    act(d -> {
      browser.click(group(d, label).findElement(By.xpath(
          ".//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']")));
      return true;
    });
    browser.waiting().until(d -> option.equals(
        group(d, label).findElement(By.cssSelector(".fjs-select-display")).getText().trim()));
    return this;
  }

  /** What a select shows in its box: the chosen option, or the placeholder when none is chosen. */
  public String selectShows(String label) {
    return act(d -> group(d, label).findElement(By.cssSelector(".fjs-select-display")).getText().trim());
  }

  /** Empties a text field as a person does (select all, delete), then leaves it. */
  public CamundaForm empty(String label) {
    act(d -> {
      WebElement input = field(d, label);
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.TAB);
      return field(d, label).getDomProperty("value").isEmpty() ? true : null;
    });
    return this;
  }

  /** The messages form-js shows under a field (its validation), once there are some. */
  public java.util.List<String> errors(String label) {
    return act(d -> {
      java.util.List<String> shown = group(d, label).findElements(By.cssSelector(".fjs-form-field-error li")).stream()
          .map(WebElement::getText).map(String::trim).filter(t -> !t.isEmpty()).toList();
      return shown.isEmpty() ? null : shown;
    });
  }

  /** Opens a date field's calendar (a click in the field, as a person does) and returns the calendar. */
  public WebElement calendar(String label) {
    act(d -> {
      browser.click(field(d, label));
      return true;
    });
    return act(d -> group(d, label).findElements(By.cssSelector(".flatpickr-calendar.open")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  /** A checklist or radio group: click the option's label. */
  public CamundaForm choose(String label, String option) {
    act(d -> {
      WebElement choice = group(d, label).findElement(By.xpath(".//label[normalize-space(.)='" + option + "']"));
      browser.click(choice);
      return choice.findElement(By.tagName("input")).isSelected() ? true : null;
    });
    return this;
  }

  public boolean shows(String label) {
    return !browser.driver().findElements(labelled(label)).isEmpty();
  }

  /** The input a field's label points to. */
  private static WebElement field(WebDriver d, String label) {
    String id = d.findElement(labelled(label)).getDomAttribute("for");
    return d.findElement(By.id(id));
  }

  /** The whole field (label, options, description) around a label. */
  private static WebElement group(WebDriver d, String label) {
    return d.findElement(labelled(label)).findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]"));
  }

  /** A field label by its own text (without the asterisk of a required field). */
  private static By labelled(String label) {
    return By.xpath("//form[contains(@class,'fjs-form')]//label[contains(@class,'fjs-form-field-label')]"
        + "[normalize-space(text()[1])='" + label + "']");
  }

  private <T> T act(Function<WebDriver, T> step) {
    return browser.waiting().ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
        .until(step::apply);
  }
}
