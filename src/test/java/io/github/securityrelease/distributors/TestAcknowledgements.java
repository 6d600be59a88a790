package io.github.securityrelease.distributors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A distributor's side of R29 for the ITs: the link in a notice, its page's form and JSON, the
 * team's table of a case, and the reminder check run now (for ITs outside this package).
 */
public final class TestAcknowledgements {

  private static final Pattern LINK = Pattern.compile("https?://\\S+(/distributor/[A-Za-z0-9_-]{43})");

  private TestAcknowledgements() {}

  /** The path of the acknowledgement link in a notice's decoded text (soft line breaks joined). */
  public static String link(String text) {
    String body = text.replace("=\r\n", "").replace("=\n", "");
    Matcher link = LINK.matcher(body);
    assertThat(link.find()).as(body).isTrue();
    return link.group(1);
  }

  /** A JSON POST to a distributor's page, as a script of the distributor sends it. */
  public static ResponseEntity<String> json(TestRestTemplate http, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  /** A form as a browser posts it, with the headers {@code extra}; redirects not followed. */
  public static ResponseEntity<String> form(TestRestTemplate http, String path, Map<String, String> fields,
      Map<String, String> extra) {
    MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
    fields.forEach(body::add);
    HttpHeaders headers = new HttpHeaders();
    extra.forEach(headers::add);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return http.withRedirects(Redirects.DONT_FOLLOW).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  /** The row of {@code organisation} in the team's table of the case (as demo-security). */
  public static Map<String, Object> row(TestRestTemplate http, String caseId, String organisation) {
    List<Map<String, Object>> rows = http.withBasicAuth("demo-security", "demo-security").exchange(
        "/api/v1/cases/" + caseId + "/distributors", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    return rows.stream().filter(row -> organisation.equals(row.get("organisation"))).findFirst().orElseThrow();
  }

  /** The reminder check, now by the engine clock: the distributors reminded, by case. */
  public static Map<String, List<String>> remindDue(ApplicationContext context) {
    return context.getBean(AcknowledgementReminders.class).remindDue();
  }
}
