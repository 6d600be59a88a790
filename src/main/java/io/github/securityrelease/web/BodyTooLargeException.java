package io.github.securityrelease.web;

import java.io.IOException;

/** A request body past its limit ({@link BodySizeLimitFilter}): answered 413, never read into memory. */
class BodyTooLargeException extends IOException {

  /** The limit of the API and of the reporter's page's forms. */
  static final int LIMIT_BYTES = 64 * 1024;

  /** What the client is told of the API's limit, however the limit was found out. */
  static final String DETAIL = detail(LIMIT_BYTES);

  private final long limitBytes;

  BodyTooLargeException(long limitBytes) {
    super("Request body over " + limitBytes + " bytes");
    this.limitBytes = limitBytes;
  }

  /** What the client is told of this limit. */
  String detail() {
    return detail(limitBytes);
  }

  static String detail(long limitBytes) {
    long kib = limitBytes / 1024;
    return "The request body is larger than " + (kib >= 1024 && kib % 1024 == 0 ? kib / 1024 + " MiB" : kib + " KiB");
  }
}
