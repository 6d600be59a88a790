package io.github.securityrelease.web;

import java.io.IOException;

/** A request body past the API's limit: answered 413, never read into memory. */
class BodyTooLargeException extends IOException {

  static final int LIMIT_BYTES = 64 * 1024;

  BodyTooLargeException() {
    super("Request body over " + LIMIT_BYTES + " bytes");
  }
}
