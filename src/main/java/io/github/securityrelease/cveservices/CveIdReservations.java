package io.github.securityrelease.cveservices;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What the client knows of each case's reservation of a CVE ID, so that a retry finds the ID
 * an earlier attempt reserved: the attempt is on record before the request goes out, and the ID
 * once it came back. Written outside the caller's transaction (a failed job's rollback keeps it).
 */
public interface CveIdReservations {

  /** A case's reservation: when it was first attempted, and the ID once known. */
  record Reservation(String caseId, int year, Instant attemptedAt, String cveId) {}

  Optional<Reservation> find(String caseId);

  /** Puts the attempt on record, unless the case has one already. */
  void attempt(String caseId, int year, Instant at);

  /** The ID reserved for the case. */
  void reserved(String caseId, String cveId);

  /** Which of {@code cveIds} are on record as any case's. */
  Set<String> known(Collection<String> cveIds);
}
