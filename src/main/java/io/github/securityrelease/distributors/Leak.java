package io.github.securityrelease.distributors;

import java.time.Instant;

/**
 * One embargo leak on record (R26), never changed or deleted.
 *
 * @param reportedBy the member of the security team who recorded it
 */
record Leak(long id, long distributorId, String whatLeaked, String leakedTo, String stepsTaken, String caseId,
    String reportedBy, Instant reportedAt) {}
