package io.github.securityrelease.distributors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What makes a distributor's details acceptable, before the registry looks at them. */
class DistributorRequestTest {

  private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
  private static final Validator validator = factory.getValidator();
  private static final Instant ACCEPTED = Instant.parse("2026-01-15T10:00:00Z");

  @AfterAll
  static void close() {
    factory.close();
  }

  @Test
  @DisplayName("R25 an active distributor has accepted the embargo policy and been vouched for")
  void activeMember() {
    assertThat(badFields(new DistributorRequest("Distro One", List.of("security@distro-one.example"), true,
        ACCEPTED, "demo-security"))).isEmpty();
    assertThat(badFields(new DistributorRequest("Distro One", List.of("security@distro-one.example"), true,
        null, " "))).containsExactlyInAnyOrder("embargoPolicyAcceptedAt", "vouchedBy");
  }

  @Test
  @DisplayName("R25 an applicant not yet active may still lack the acceptance and the voucher")
  void applicant() {
    assertThat(badFields(new DistributorRequest("Distro One", List.of("security@distro-one.example"), false,
        null, null))).isEmpty();
  }

  @Test
  @DisplayName("R25 organisation, at least one contact and active are required")
  void required() {
    assertThat(badFields(new DistributorRequest(null, null, null, null, null)))
        .containsExactlyInAnyOrder("organisation", "contacts", "active");
    assertThat(badFields(new DistributorRequest(" ", List.of(), false, null, null)))
        .containsExactlyInAnyOrder("organisation", "contacts");
  }

  @ParameterizedTest(name = "organisation {0} is refused")
  @ValueSource(strings = {"Distro\nOne", "Distro\rOne", "Distro\u2028One", "Distro\u0000One"})
  void organisationOnOneLine(String organisation) {
    assertThat(badFields(new DistributorRequest(organisation, List.of("a@distro.example"), false, null, null)))
        .containsExactly("organisation");
  }

  @Test
  @DisplayName("an organisation name has at most 200 characters")
  void organisationLength() {
    assertThat(badFields(new DistributorRequest("x".repeat(200), List.of("a@distro.example"), false, null, null)))
        .isEmpty();
    assertThat(badFields(new DistributorRequest("x".repeat(201), List.of("a@distro.example"), false, null, null)))
        .containsExactly("organisation");
  }

  @ParameterizedTest(name = "contact {0} is refused: a notice could not go there safely")
  @ValueSource(strings = {"not-an-address", "a@distro.example\r\nBcc: spy@evil.example", "a@distro.example\n",
      "\"a,b\"@distro.example", "\"a b\"@distro.example", "a b@distro.example", "a@distro.example,b@distro.example",
      "<a@distro.example>", "", " "})
  void badContact(String contact) {
    assertThat(badFields(new DistributorRequest("Distro One", List.of("ok@distro.example", contact), false,
        null, null))).containsOnly("contacts[1]");
  }

  @Test
  @DisplayName("every contact gets a notice once: no address twice, whatever its case")
  void distinctContacts() {
    assertThat(badFields(new DistributorRequest("Distro One", List.of("Sec@Distro.example", "sec@distro.example"),
        false, null, null))).containsExactly("contacts");
  }

  @Test
  @DisplayName("at most 20 contacts per distributor")
  void contactCount() {
    List<String> twenty = IntStream.range(0, 20).mapToObj(i -> "sec" + i + "@distro.example").toList();
    assertThat(badFields(new DistributorRequest("Distro One", twenty, false, null, null))).isEmpty();
    List<String> more = new ArrayList<>(twenty);
    more.add("sec20@distro.example");
    assertThat(badFields(new DistributorRequest("Distro One", more, false, null, null))).containsExactly("contacts");
    assertThat(badFields(new DistributorRequest("Distro One", Collections.singletonList(null), false, null, null)))
        .containsExactly("contacts[0]");
  }

  @ParameterizedTest(name = "voucher {0} is no user id")
  @ValueSource(strings = {"demo security", "demo--security", "-demo", "demo\nsecurity", "<script>"})
  void voucherIsAUserId(String vouchedBy) {
    assertThat(badFields(new DistributorRequest("Distro One", List.of("a@distro.example"), true, ACCEPTED,
        vouchedBy))).containsExactly("vouchedBy");
  }

  private static Set<String> badFields(DistributorRequest request) {
    Set<ConstraintViolation<DistributorRequest>> violations = validator.validate(request);
    // as Spring names them: contacts[1].<list element> is contacts[1]
    return violations.stream()
        .map(violation -> violation.getPropertyPath().toString().replace(".<list element>", ""))
        .collect(Collectors.toSet());
  }
}
