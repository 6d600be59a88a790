package io.github.securityrelease.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One check for "one of these values", whether the values are a few names or an enum's constants. */
class TaskInputOneOfTest {

  enum Priority { URGENT, HIGH, NORMAL, LOW }

  @Test
  @DisplayName("a named value is taken as submitted, stripped; anything else is refused listing what would do")
  void names() {
    assertThat(TaskInput.requireOneOf(scope("decision", " ACCEPT "), "decision", "decide", "ACCEPT", "REJECT"))
        .isEqualTo("ACCEPT");
    assertThatThrownBy(() -> TaskInput.requireOneOf(scope("decision", "MAYBE"), "decision", "decide", "ACCEPT", "REJECT"))
        .isInstanceOf(BadUserRequestException.class).hasMessage("decision: must be ACCEPT or REJECT");
    assertThatThrownBy(() -> TaskInput.requireOneOf(scope("decision", " "), "decision", "decide", "ACCEPT", "REJECT"))
        .hasMessage("decision: decide");
  }

  @Test
  @DisplayName("an enum's constant is required or optional, and a wrong one is refused listing them all")
  void constants() {
    assertThat(TaskInput.requireOneOf(scope("priority", "HIGH"), "priority", "choose one", Priority.class))
        .isEqualTo(Priority.HIGH);
    assertThatThrownBy(() -> TaskInput.requireOneOf(scope("priority", "SOMEDAY"), "priority", "choose one", Priority.class))
        .hasMessage("priority: must be URGENT, HIGH, NORMAL or LOW");
    assertThatThrownBy(() -> TaskInput.requireOneOf(scope("priority", null), "priority", "choose one", Priority.class))
        .hasMessage("priority: choose one");

    assertThat(TaskInput.oneOf(scope("priority", null), "priority", Priority.class)).isNull();
    assertThat(TaskInput.oneOf(scope("priority", "LOW"), "priority", Priority.class)).isEqualTo(Priority.LOW);
    assertThatThrownBy(() -> TaskInput.oneOf(scope("priority", "low"), "priority", Priority.class))
        .hasMessage("priority: must be URGENT, HIGH, NORMAL or LOW");
  }

  private static VariableScope scope(String name, Object value) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(name, value);
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(anyString())).thenAnswer(call -> variables.get(call.getArgument(0, String.class)));
    return scope;
  }
}
