package io.github.securityrelease.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Outside the embedded default there are no demo accounts, so an admin password must be given. */
class MissingAdminPasswordException extends IllegalStateException {

  MissingAdminPasswordException(String reason) {
    super(reason);
  }

  static class Analyzer extends AbstractFailureAnalyzer<MissingAdminPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingAdminPasswordException cause) {
      return new FailureAnalysis(
          "The service refuses to start: " + cause.getMessage(),
          "Set the environment variable SECURITY_RELEASE_ADMIN_PASSWORD (at least "
              + AccountSeeder.MIN_ADMIN_PASSWORD_LENGTH + " characters). The user 'admin' of the group "
              + Groups.ADMIN + " is created with it on first start; demo accounts exist only on the"
              + " embedded default database.",
          cause);
    }
  }
}
