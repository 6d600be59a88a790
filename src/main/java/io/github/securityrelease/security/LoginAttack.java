package io.github.securityrelease.security;

/**
 * An account under attack, as the throttle saw it: never the password tried.
 *
 * @param account the user id as it was tried
 * @param address the client address of the failure that raised the alert
 */
record LoginAttack(String account, String address, Reason reason) {

  enum Reason {
    /** one address reached its failures for the account */
    ONE_ADDRESS,
    /** the account's failures from all addresses together reached the alert threshold */
    MANY_FAILURES
  }
}
