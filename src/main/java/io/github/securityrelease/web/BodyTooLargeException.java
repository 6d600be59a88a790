package io.github.securityrelease.web;

import java.io.IOException;

/** A request body past the API's limit: answered 413, never read into memory. */
class BodyTooLargeException extends IOException {

  static final int LIMIT_BYTES = 64 * 1024;

  /** What the client is told, however the limit was found out. */
  static final String DETAIL = "The request body is larger than " + LIMIT_BYTES / 1024 + " KiB";

  BodyTooLargeException() {
    super("Request body over " + LIMIT_BYTES + " bytes");
  }
}
