package io.github.securityrelease.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.OrchestratorIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The token page in a real browser, signed in through Tasklist: a token created, its secret
 * shown once, revoked; the security team's view of everyone's.
 */
@OrchestratorIntegrationTest
@Tag(OrchestratorIntegrationTest.BROWSER)
class TokenPageBrowserIT {

  @RegisterExtension
  static Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;

  @Test
  @DisplayName("signed in to Tasklist, a user creates a token on /tokens, sees its secret once, and revokes it")
  void createSeeOnceRevoke() {
    browser.open(base() + "/tokens");
    WebElement signIn = browser.visible(By.id("signin"));
    assertThat(signIn.findElement(By.linkText("Tasklist")).getDomAttribute("href")).isEqualTo("/camunda/app/tasklist/");
    assertThat(browser.driver().findElement(By.id("create")).isDisplayed()).isFalse();
    browser.screenshot("24-tokens-sign-in-first");

    browser.logInToCamunda(base(), "tasklist", "demo-maintainer", "demo-maintainer", "25-tokens-tasklist-login");
    browser.open(base() + "/tokens");
    browser.visible(By.id("create"));
    assertThat(browser.driver().findElement(By.id("team")).isDisplayed()).as("everyone's: the team's only").isFalse();
    String name = "nightly " + System.nanoTime();
    browser.type(By.id("name"), name);
    browser.clickable(By.cssSelector("input[name=scopes][value=work]")).click();
    browser.type(By.id("days"), "90");
    browser.clickable(By.cssSelector("#create button[type=submit]")).click();

    String secret = browser.visible(By.id("secret")).getText();
    assertThat(secret).startsWith("sro_");
    assertThat(browser.driver().findElement(By.id("created")).getText()).contains("shown only this once");
    browser.clickable(By.id("copy")).click();
    assertThat(browser.visible(By.id("copied")).getText()).as("copied, or selected to copy by hand")
        .containsAnyOf("Copied.", "Selected");
    WebElement row = row(name);
    assertThat(row.getText()).contains("read, work", "never", "active");
    browser.screenshotAll("26-tokens-created-shown-once");
    assertThat(bearer(secret).getStatusCode()).as("the token works").isEqualTo(HttpStatus.OK);

    browser.clickable(By.id("done")).click();
    browser.gone(By.id("created"));
    browser.open(base() + "/tokens");
    browser.visible(By.id("create"));
    assertThat(row(name).getText()).contains("from 127.0.0.1");
    assertThat(browser.driver().getPageSource()).as("shown once: never again").doesNotContain(secret);

    row(name).findElement(By.cssSelector("button.revoke")).click();
    browser.until("the confirmation", ExpectedConditions.alertIsPresent()).accept();
    browser.until("revoked", driver -> row(name).getText().contains("revoked"));
    assertThat(row(name).getText()).contains("by demo-maintainer");
    assertThat(row(name).findElements(By.cssSelector("button.revoke"))).isEmpty();
    browser.screenshot("27-tokens-revoked");
    assertThat(bearer(secret).getStatusCode()).as("revoked").isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @DisplayName("the security team's page lists everyone's tokens and revokes another's")
  void teamSeesEveryone() {
    String name = "release bot " + System.nanoTime();
    assertThat(http.withBasicAuth("demo-release", "demo-release").postForEntity("/api/v1/tokens",
        Map.of("name", name, "scopes", List.of("read"), "days", 7), String.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    browser.logInToCamunda(base(), "tasklist", "demo-security", "demo-security", "28-tokens-team-login");
    browser.open(base() + "/tokens");
    WebElement row = browser.visible(By.xpath("//table[@id='all']//tr[td[2][normalize-space(.) = '" + name + "']]"));
    assertThat(row.getText()).startsWith("demo-release").contains("active");
    browser.screenshotAll("29-tokens-team");
    row.findElement(By.cssSelector("button.revoke")).click();
    browser.until("the confirmation", ExpectedConditions.alertIsPresent()).accept();
    browser.until("revoked by the team", driver -> driver.findElement(
        By.xpath("//table[@id='all']//tr[td[2][normalize-space(.) = '" + name + "']]")).getText()
        .contains("by demo-security"));
  }

  private WebElement row(String name) {
    return browser.visible(By.xpath("//table[@id='tokens']//tr[td[1][normalize-space(.) = '" + name + "']]"));
  }

  private ResponseEntity<String> bearer(String secret) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(secret);
    return http.exchange("/engine-rest/process-definition", HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
