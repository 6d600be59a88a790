package io.github.securityrelease.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Text limits count characters as a person does (code points): an emoji is one character. */
class TextLimitTest {

  private static final String EMOJI = "\uD83D\uDD25";

  record Title(@MaxCharacters(200) String title) {}

  record Answer(@MaxCharacters(TaskInput.MAX_TEXT) String answer) {}

  private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

  @Test
  @DisplayName("101 emoji in a 200-character title are 101 characters; 201 are one too many")
  void emojiAreOneCharacterEach() {
    assertThat(validator.validate(new Title(EMOJI.repeat(101)))).isEmpty();
    assertThat(validator.validate(new Title(EMOJI.repeat(200)))).isEmpty();
    assertThat(validator.validate(new Title("x".repeat(199) + EMOJI))).isEmpty();
    assertThat(validator.validate(new Title(null))).isEmpty();

    Set<ConstraintViolation<Title>> refused = validator.validate(new Title(EMOJI.repeat(201)));
    assertThat(refused).singleElement().satisfies(violation ->
        assertThat(violation.getMessage()).isEqualTo("must be at most 200 characters"));
  }

  @Test
  @DisplayName("a text within its characters but beyond what the column holds (H2 counts UTF-16 units) is refused as such")
  void beyondTheColumn() {
    assertThat(validator.validate(new Answer(EMOJI.repeat(2000)))).isEmpty();

    assertThat(validator.validate(new Answer(EMOJI.repeat(2001)))).singleElement().satisfies(violation ->
        assertThat(violation.getMessage()).isEqualTo(TaskInput.COLUMN_MESSAGE));
    assertThat(validator.validate(new Answer("x".repeat(4001)))).singleElement().satisfies(violation ->
        assertThat(violation.getMessage()).isEqualTo("must be at most 4000 characters"));
  }

  @Test
  @DisplayName("a task's text: 4000 characters with an emoji are not 'more than 4000 characters'; 4001 are")
  void taskTexts() {
    TextLimitPlugin.refuseLongText(task(EMOJI.repeat(2000)));

    assertThatThrownBy(() -> TextLimitPlugin.refuseLongText(task("x".repeat(3999) + EMOJI)))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessage("answer: " + TaskInput.COLUMN_MESSAGE);
    assertThatThrownBy(() -> TextLimitPlugin.refuseLongText(task("x".repeat(4001))))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessage("answer: must be at most 4000 characters");
  }

  @Test
  @DisplayName("an abridged text is cut between characters, never inside an emoji, and fits the column")
  void abridgedBetweenCharacters() {
    for (String text : new String[] {EMOJI.repeat(3000), "x" + EMOJI.repeat(3000), "x".repeat(3990) + EMOJI.repeat(20)}) {
      String abridged = TaskInput.abridged(text, "the rest is in the case");

      assertThat(TaskInput.storable(abridged)).as("no lone surrogate").isTrue();
      assertThat(abridged.length()).isLessThanOrEqualTo(TaskInput.COLUMN_UTF16_UNITS);
      assertThat(abridged).endsWith("\n… the rest is in the case");
    }
    assertThat(TaskInput.abridged(EMOJI.repeat(2000), "more")).isEqualTo(EMOJI.repeat(2000));
  }

  private static DelegateTask task(String answer) {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getVariables()).thenReturn(Map.of("answer", answer));
    return task;
  }
}
