package io.github.securityrelease.cases;

import java.time.Instant;

/**
 * One call to a service outside, on the case's record: the operation as the outside API's
 * description names it (e.g. GitHub's {@code pulls/create}, CVE Services' {@code cveIdReserve}),
 * the method and path (the API's query, never a secret), the answer's status (null when none
 * came), a short redacted error, when it was made and how long it took.
 */
public record OutsideCall(String caseId, String operation, String method, String path, Integer status, String error,
    Instant calledAt, long durationMillis) {}
