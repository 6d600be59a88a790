package io.github.securityrelease.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditTest {

  @ParameterizedTest(name = "R28 a credit: \"{0}\"")
  @ValueSource(strings = {"Ada Lovelace", "@ada", "Ада Лавлейс (Example Corp)", "🦊 fox", "  Ada  "})
  @DisplayName("R28 a name or handle is a credit, stored stripped")
  void accepted(String credit) {
    assertThat(Credit.refusal(credit)).isEmpty();
    assertThat(Credit.stored(credit)).isEqualTo(credit.strip());
  }

  @Test
  @DisplayName("R28 absent or blank is no credit: nothing stored, the reporter named nowhere")
  void none() {
    assertThat(Credit.refusal(null)).isEmpty();
    assertThat(Credit.refusal("   ")).isEmpty();
    assertThat(Credit.stored(null)).isNull();
    assertThat(Credit.stored(" \t ")).isNull();
  }

  @ParameterizedTest(name = "R28 refused: {0}")
  @ValueSource(strings = {"Ada\nLovelace", "Ada\rBcc: x@example.net", "Ada\u0000", "Ada\u007f", "Ada\u0085", "Ada\u2028",
      "Ada\ud800"})
  @DisplayName("R28 a credit is one line: line breaks and other control characters are refused")
  void notOneLine(String credit) {
    assertThat(Credit.refusal(credit)).contains(Credit.ONE_LINE_MESSAGE);
  }

  @Test
  @DisplayName("R28 a credit is at most 200 characters, counted as a person counts them (an emoji is one)")
  void length() {
    assertThat(Credit.refusal("a".repeat(200))).isEmpty();
    assertThat(Credit.refusal("🦊".repeat(200))).isEmpty();
    assertThat(Credit.refusal("a".repeat(201))).contains(Credit.TOO_LONG_MESSAGE);
  }

  @Test
  @DisplayName("R28 a credit from a mail is made one line and cut, never refused: nobody is there to correct it")
  void cleaned() {
    assertThat(Credit.cleaned("Ada\r\n Lovelace\u0000")).isEqualTo("Ada Lovelace");
    assertThat(Credit.cleaned("\n\t")).isNull();
    assertThat(Credit.cleaned(null)).isNull();
    String cut = Credit.cleaned("🦊".repeat(300));
    assertThat(cut.codePointCount(0, cut.length())).isEqualTo(Credit.MAX_CHARACTERS);
    assertThat(cut).endsWith("…");
    assertThat(Credit.refusal(cut)).isEmpty();
  }
}
