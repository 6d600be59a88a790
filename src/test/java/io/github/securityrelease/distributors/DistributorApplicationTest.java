package io.github.securityrelease.distributors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What makes an application to the distributors list complete, before the service looks at it. */
class DistributorApplicationTest {

  private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
  private static final Validator validator = factory.getValidator();

  @AfterAll
  static void close() {
    factory.close();
  }

  @Test
  @DisplayName("R25 the eight criteria answered, the embargo policy accepted: complete")
  void complete() {
    assertThat(badFields(application(List.of("security@distro.example"), "security@distro.example", true, "demo-security")))
        .isEmpty();
  }

  @Test
  @DisplayName("R25 criterion 6: the embargo policy must be accepted, not merely answered")
  void embargoPolicyAccepted() {
    assertThat(badFields(application(List.of("security@distro.example"), "security@distro.example", false,
        "demo-security"))).containsExactly("embargoPolicyAccepted");
    assertThat(badFields(application(List.of("security@distro.example"), "security@distro.example", null,
        "demo-security"))).containsExactly("embargoPolicyAccepted");
  }

  @Test
  @DisplayName("contacts and the security alias follow the registry's address rules")
  void addresses() {
    assertThat(badFields(application(List.of("a@distro.example", "A@distro.example"), "a, b@distro.example", true,
        "demo-security"))).containsExactlyInAnyOrder("contacts", "securityAlias");
    assertThat(badFields(application(List.of(), "security@distro.example", true, "demo security")))
        .containsExactlyInAnyOrder("contacts", "vouchedBy");
  }

  @Test
  @DisplayName("R25 every criterion answered: none left blank")
  void everyAnswer() {
    DistributorApplication blank = new DistributorApplication("Distro", List.of("a@distro.example"),
        "a@distro.example", " ", "", null, " ", true, null, null);
    assertThat(badFields(blank)).containsExactlyInAnyOrder("userBase", "trackRecord", "notDownstream",
        "activeContributor", "contributeBack", "vouchedBy");
  }

  private static DistributorApplication application(List<String> contacts, String alias, Boolean accepted,
      String vouchedBy) {
    return new DistributorApplication("Distro One", contacts, alias, "users", "advisories", "our own builds",
        "two SIGs", accepted, "we test patches", vouchedBy);
  }

  private static Set<String> badFields(DistributorApplication application) {
    return validator.validate(application).stream()
        .map(violation -> violation.getPropertyPath().toString().replace(".<list element>", ""))
        .map(path -> path.replaceAll("\\[\\d+]$", ""))
        .collect(Collectors.toSet());
  }
}
