package io.github.securityrelease.reporter;

import io.github.securityrelease.web.LinkToken;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The links to the reporters' pages (reporter_link). Each write commits on its own: a link
 * minted for a mail must stay when the engine job that mails it fails afterwards, because the
 * notification ledger (which commits on its own too) may already hold the mail with its token.
 */
@Repository
class ReporterLinks {

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  ReporterLinks(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** A new link to the case's page: its token, which is not kept (only its hash is). */
  String issue(String caseId) {
    String token = LinkToken.generate();
    ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
            insert into reporter_link (case_id, token_hash, created_at) values (:caseId, :hash, :now)""")
        .param("caseId", caseId)
        .param("hash", LinkToken.hash(token))
        .param("now", now())
        .update());
    return token;
  }

  /** The case whose link {@code token} is, unless there is none or it was revoked. */
  Optional<String> caseOf(String token) {
    if (!LinkToken.wellFormed(token)) {
      return Optional.empty();
    }
    return jdbc.sql("select case_id from reporter_link where token_hash = :hash and revoked_at is null")
        .param("hash", LinkToken.hash(token))
        .query(String.class)
        .optional();
  }

  /** Revokes every link of the case; how many worked until now. */
  int revoke(String caseId) {
    Integer revoked = ownTransaction.execute(tx -> jdbc.sql("""
            update reporter_link set revoked_at = :now where case_id = :caseId and revoked_at is null""")
        .param("caseId", caseId)
        .param("now", now())
        .update());
    return revoked == null ? 0 : revoked;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
