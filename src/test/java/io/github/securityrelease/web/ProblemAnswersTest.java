package io.github.securityrelease.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A problem answer reads the same whoever refuses: a filter, a controller or a package's own refusal. */
class ProblemAnswersTest {

  static class Taken extends ProblemException {
    Taken() {
      super(HttpStatus.CONFLICT, "A distributor named 'Distro One' is on record already");
    }
  }

  @RestController
  static class Refusing {

    @GetMapping("/refused/own")
    void own() {
      throw new Taken();
    }

    @GetMapping("/refused/controller")
    void controller() {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "A distributor named 'Distro One' is on record already");
    }

    @GetMapping("/refused/field")
    void field() {
      throw new InvalidFieldException("caseId", "names no case");
    }
  }

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Refusing())
      .setControllerAdvice(new ApiExceptionHandler())
      .build();

  @Test
  @DisplayName("a filter's 413, 429 and 401 are problem+json, to the letter as they were written by hand")
  void filterAnswers() throws Exception {
    MockHttpServletResponse tooLarge = new MockHttpServletResponse();
    ProblemResponses.write(tooLarge, HttpStatus.PAYLOAD_TOO_LARGE, BodyTooLargeException.DETAIL);
    assertThat(tooLarge.getStatus()).isEqualTo(413);
    assertThat(tooLarge.getContentType()).isEqualTo("application/problem+json");
    assertThat(tooLarge.getContentAsString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\","
        + "\"status\":413,\"detail\":\"The request body is larger than 64 KiB\"}");

    MockHttpServletResponse tooMany = new MockHttpServletResponse();
    ProblemResponses.tooManyRequests(tooMany, 42, "Too many requests from your address");
    assertThat(tooMany.getStatus()).isEqualTo(429);
    assertThat(tooMany.getHeader("Retry-After")).isEqualTo("42");
    assertThat(tooMany.getContentAsString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\","
        + "\"status\":429,\"detail\":\"Too many requests from your address: please retry in 42 seconds\"}");

    MockHttpServletResponse unauthorized = new MockHttpServletResponse();
    ProblemResponses.write(unauthorized, HttpStatus.UNAUTHORIZED, "Log in with HTTP Basic: a user of the service and its password");
    assertThat(unauthorized.getContentAsString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Unauthorized\","
        + "\"status\":401,\"detail\":\"Log in with HTTP Basic: a user of the service and its password\"}");
  }

  @Test
  @DisplayName("a package's own refusal is answered to the letter as a controller's ResponseStatusException was")
  void ownRefusal() throws Exception {
    MockHttpServletResponse own = mvc.perform(get("/refused/own")).andReturn().getResponse();
    MockHttpServletResponse controller = mvc.perform(get("/refused/controller")).andReturn().getResponse();
    assertThat(own.getStatus()).isEqualTo(409);
    assertThat(own.getContentType()).isEqualTo("application/problem+json");
    assertThat(own.getContentAsString()).isEqualTo(controller.getContentAsString()
        .replace("/refused/controller", "/refused/own"));
    assertThat(own.getContentAsString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
        + "\"detail\":\"A distributor named 'Distro One' is on record already\",\"instance\":\"/refused/own\"}");
  }

  @Test
  @DisplayName("a bad field is a 400 naming it in errors")
  void badField() throws Exception {
    MockHttpServletResponse field = mvc.perform(get("/refused/field")).andReturn().getResponse();
    assertThat(field.getStatus()).isEqualTo(400);
    assertThat(field.getContentAsString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Invalid request\","
        + "\"status\":400,\"detail\":\"Invalid field(s): caseId\",\"instance\":\"/refused/field\","
        + "\"errors\":[{\"field\":\"caseId\",\"message\":\"names no case\"}]}");
  }
}
