package io.github.securityrelease.forge;

/**
 * A forge step that failed and that a retry or an incident should show. Its message is built
 * from redacted text only, and it keeps no cause: JGit's messages may carry a remote's URL
 * with credentials in it, so they pass through {@link Redaction} instead of being chained.
 */
public class ForgeException extends RuntimeException {

  ForgeException(String message) {
    super(message);
  }
}
