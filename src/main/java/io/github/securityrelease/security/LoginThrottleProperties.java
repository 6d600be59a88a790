package io.github.securityrelease.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed logins a client address may make before it is refused without a password
 * check (HTTP Basic and the webapps' login alike), and when the team hears of it.
 *
 * @param window the time in which the failures below count; each limit's failures come back
 *     one by one over it (one every {@code window / failures})
 * @param failuresPerAccount failures one address may make for one account within the window
 * @param failuresPerAddress failures one address may make for all accounts together within the window
 * @param alertFailures failures for one account, from any addresses, within the window that
 *     alert the team (as one address reaching {@code failuresPerAccount} does)
 * @param maxClients how many addresses (and address-account pairs, and accounts) are
 *     remembered, the least recently seen dropped first
 */
@ConfigurationProperties("security-release.login-throttle")
record LoginThrottleProperties(
    @DefaultValue("PT15M") Duration window,
    @DefaultValue("5") int failuresPerAccount,
    @DefaultValue("20") int failuresPerAddress,
    @DefaultValue("10") int alertFailures,
    @DefaultValue("10000") int maxClients) {}
