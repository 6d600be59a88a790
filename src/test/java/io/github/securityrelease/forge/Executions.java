package io.github.securityrelease.forge;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.ObjectProvider;

/** A delegate's execution over a map of variables, and the forge's client as the delegates get it. */
final class Executions {

  static final String CASE_ID = "VUL-2025-0007";

  private Executions() {}

  /** {@code variables} is the case's: what the delegate sets lands in it. */
  static DelegateExecution of(Map<String, Object> variables) {
    DelegateExecution execution = mock(DelegateExecution.class);
    lenient().when(execution.getProcessBusinessKey()).thenReturn(CASE_ID);
    lenient().when(execution.getProcessInstanceId()).thenReturn("pi-7");
    lenient().when(execution.getCurrentActivityName()).thenReturn("the step");
    lenient().when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    lenient().when(execution.getVariables()).thenAnswer(call -> new HashMap<>(variables));
    lenient().doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
        .when(execution).setVariable(anyString(), any());
    return execution;
  }

  /** The forge of {@code octo/widget}: a release's tag per {@code tag}, GitHub the CNA per {@code cna}. */
  static ForgeProperties forge(String tag, boolean cna) {
    return new ForgeProperties(URI.create("https://api.github.com"), "octo/widget", "not-a-real-token",
        "https://github.com/octo/widget-private.git", "https://github.com/octo/widget.git", null, "master", null,
        "bot", "bot@localhost", tag, Duration.ofMinutes(15), cna);
  }

  @SuppressWarnings("unchecked")
  static ObjectProvider<GitHub> provider(GitHub gitHub) {
    ObjectProvider<GitHub> provider = mock(ObjectProvider.class);
    lenient().when(provider.getIfAvailable()).thenReturn(gitHub);
    return provider;
  }
}
