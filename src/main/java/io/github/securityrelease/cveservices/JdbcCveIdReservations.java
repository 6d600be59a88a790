package io.github.securityrelease.cveservices;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link CveIdReservations} in {@code cve_id_reservation}, each write in a transaction of its own. */
@Repository
class JdbcCveIdReservations implements CveIdReservations {

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  JdbcCveIdReservations(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public Optional<Reservation> find(String caseId) {
    return jdbc.sql("select * from cve_id_reservation where case_id = :caseId").param("caseId", caseId)
        .query((rs, row) -> new Reservation(rs.getString("case_id"), rs.getInt("cve_year"),
            rs.getObject("attempted_at", OffsetDateTime.class).toInstant(), rs.getString("cve_id")))
        .optional();
  }

  @Override
  public void attempt(String caseId, int year, java.time.Instant at) {
    ownTransaction.executeWithoutResult(tx -> {
      if (find(caseId).isEmpty()) {
        jdbc.sql("insert into cve_id_reservation (case_id, cve_year, attempted_at) values (:caseId, :year, :at)")
            .param("caseId", caseId).param("year", year).param("at", at.atOffset(ZoneOffset.UTC)).update();
      }
    });
  }

  @Override
  public void reserved(String caseId, String cveId) {
    ownTransaction.executeWithoutResult(tx -> jdbc.sql(
            "update cve_id_reservation set cve_id = :cveId where case_id = :caseId")
        .param("cveId", cveId).param("caseId", caseId).update());
  }

  @Override
  public Set<String> known(Collection<String> cveIds) {
    if (cveIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.sql("select cve_id from cve_id_reservation where cve_id in (:ids)")
        .param("ids", cveIds).query(String.class).list());
  }
}
