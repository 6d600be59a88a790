package io.github.securityrelease.forge;

import java.time.Instant;

/**
 * One call to the forge, on the case's record: GitHub's operationId (e.g. {@code pulls/create},
 * or {@code git/push} for git), the method and path (the API's query, never a secret), the
 * answer's status (null when none came), a short redacted error, when it was made and how long
 * it took.
 */
public record ForgeCall(String caseId, String operation, String method, String path, Integer status, String error,
    Instant calledAt, long durationMillis) {}
