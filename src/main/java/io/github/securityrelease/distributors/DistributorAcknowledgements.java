package io.github.securityrelease.distributors;

import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.web.LinkToken;
import io.github.securityrelease.web.PublicUrl;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R29: the notices each distributor was sent about a case (distributor_notice), the links in
 * them (distributor_link: only the token's hash is kept) and what it said back
 * (distributor_acknowledgement, a new row each time). Each write commits on its own, as the
 * notification ledger's do: a link minted for a mail stays when the engine job that mails it
 * fails afterwards.
 */
@Repository
public class DistributorAcknowledgements {

  /** The path of the page a link opens. */
  public static final String PAGE_PATH = "/distributor/";
  /** What the notification ledger shows in place of a link's token. */
  public static final String OFF_RECORD = "(sent to the distributor alone: the link is kept nowhere)";

  /** One notice a distributor was sent. */
  record Sent(String caseId, long distributorId, NotificationKind kind, Instant sentAt) {}

  /** The distributor and case a link is of. */
  record Link(String caseId, long distributorId) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final PublicUrl publicUrl;
  private final Clock clock;

  DistributorAcknowledgements(JdbcClient jdbc, PlatformTransactionManager transactions, PublicUrl publicUrl,
      Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  /** A new token for the distributor's page of the case; only its hash is kept. */
  public String issueToken(String caseId, long distributorId) {
    String token = LinkToken.generate();
    ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
            insert into distributor_link (case_id, distributor_id, token_hash, created_at)
            values (:caseId, :distributorId, :hash, :now)""")
        .param("caseId", caseId)
        .param("distributorId", distributorId)
        .param("hash", LinkToken.hash(token))
        .param("now", utc(clock.instant()))
        .update());
    return token;
  }

  /** The address of the page {@code token} opens, under {@code security-release.public-url}. */
  public String url(String token) {
    return publicUrl.link(PAGE_PATH + token);
  }

  /**
   * The occasion of the notice that {@code kind} waits for the distributor's OpenPGP key
   * (kind {@code NOTICE_AWAITS_KEY} on record): the withheld notice's kind first, so that a
   * withheld advance notice is found as one ({@link #unacknowledgedAdvanceNotices}).
   */
  public static String awaitingKey(NotificationKind kind, String occasion) {
    return kind.name() + " " + occasion(occasion);
  }

  /** Whether the notice {@code kind} for {@code occasion} went to the distributor already. */
  public boolean told(String caseId, long distributorId, NotificationKind kind, String occasion) {
    return jdbc.sql("""
            select count(*) from distributor_notice
             where case_id = :caseId and distributor_id = :distributorId and kind = :kind and occasion = :occasion""")
        .param("caseId", caseId)
        .param("distributorId", distributorId)
        .param("kind", kind.name())
        .param("occasion", occasion(occasion))
        .query(Integer.class).single() > 0;
  }

  /** Whether the distributor was sent any notice of the case. */
  boolean toldOf(String caseId, long distributorId) {
    return jdbc.sql("select count(*) from distributor_notice where case_id = :caseId and distributor_id = :distributorId")
        .param("caseId", caseId)
        .param("distributorId", distributorId)
        .query(Integer.class).single() > 0;
  }

  /** The notice went to the distributor now; once per occasion (a second call for it changes nothing). */
  public void sent(String caseId, long distributorId, NotificationKind kind, String occasion) {
    if (told(caseId, distributorId, kind, occasion)) {
      return;
    }
    try {
      ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
              insert into distributor_notice (case_id, distributor_id, kind, occasion, sent_at)
              values (:caseId, :distributorId, :kind, :occasion, :now)""")
          .param("caseId", caseId)
          .param("distributorId", distributorId)
          .param("kind", kind.name())
          .param("occasion", occasion(occasion))
          .param("now", utc(clock.instant()))
          .update());
    } catch (DuplicateKeyException raced) {
      // another node recorded the same notice a moment ago
    }
  }

  /**
   * The first advance notice of each distributor and case sent before {@code overdue}, where the
   * distributor has said nothing about the case and was not reminded. An advance notice withheld
   * for want of a key counts: the notice that it waits for the key told the distributor of the
   * case and carried its link; it is returned with the kind {@code NOTICE_AWAITS_KEY}.
   */
  List<Sent> unacknowledgedAdvanceNotices(Instant overdue) {
    return jdbc.sql("""
            select n.case_id, n.distributor_id, min(n.sent_at) as sent_at,
                   max(case when n.kind = 'ADVANCE_NOTICE' then 1 else 0 end) as delivered
              from distributor_notice n
             where (n.kind = 'ADVANCE_NOTICE' or (n.kind = 'NOTICE_AWAITS_KEY' and n.occasion like :awaiting))
               and not exists (select 1 from distributor_acknowledgement a
                                where a.case_id = n.case_id and a.distributor_id = n.distributor_id)
               and not exists (select 1 from distributor_notice r where r.kind = 'ACKNOWLEDGEMENT_REMINDER'
                                and r.case_id = n.case_id and r.distributor_id = n.distributor_id)
             group by n.case_id, n.distributor_id
            having min(n.sent_at) <= :overdue
             order by min(n.sent_at)""")
        .param("overdue", utc(overdue))
        .param("awaiting", awaitingKey(NotificationKind.ADVANCE_NOTICE, "") + "%")
        .query((rs, row) -> new Sent(rs.getString("case_id"), rs.getLong("distributor_id"),
            rs.getInt("delivered") == 1 ? NotificationKind.ADVANCE_NOTICE : NotificationKind.NOTICE_AWAITS_KEY,
            instant(rs, "sent_at")))
        .list();
  }

  /** The distributor and case of {@code token}; empty for anything that is not a link on record. */
  Optional<Link> linkOf(String token) {
    if (!LinkToken.wellFormed(token)) {
      return Optional.empty();
    }
    return jdbc.sql("select case_id, distributor_id from distributor_link where token_hash = :hash")
        .param("hash", LinkToken.hash(token))
        .query((rs, row) -> new Link(rs.getString("case_id"), rs.getLong("distributor_id")))
        .optional();
  }

  /** What the distributor said, on record now as a new row. */
  Acknowledgement record(Link link, Acknowledgement.Said said, String source) {
    Instant now = clock.instant();
    ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
            insert into distributor_acknowledgement
              (case_id, distributor_id, recorded_at, source, status, note, reviewed, tested, issues_found)
            values (:caseId, :distributorId, :now, :source, :status, :note, :reviewed, :tested, :issuesFound)""")
        .param("caseId", link.caseId())
        .param("distributorId", link.distributorId())
        .param("now", utc(now))
        .param("source", source)
        .param("status", said.status() == null ? null : said.status().name())
        .param("note", said.note())
        .param("reviewed", said.reviewed())
        .param("tested", said.tested())
        .param("issuesFound", said.issuesFound())
        .update());
    return new Acknowledgement(now, source, said.status(), said.note(), said.reviewed(), said.tested(),
        said.issuesFound());
  }

  /** The notices of a case (or, with {@code caseId} null, of a distributor), oldest first. */
  List<Sent> notices(String caseId, Long distributorId) {
    return jdbc.sql("select case_id, distributor_id, kind, sent_at from distributor_notice where "
            + where(caseId, distributorId) + " order by sent_at, id")
        .paramSource(params(caseId, distributorId))
        .query((rs, row) -> new Sent(rs.getString("case_id"), rs.getLong("distributor_id"),
            NotificationKind.valueOf(rs.getString("kind")), instant(rs, "sent_at")))
        .list();
  }

  /** What was said about a case (or by a distributor), oldest first, with whose it is. */
  List<Said> said(String caseId, Long distributorId) {
    return jdbc.sql("select * from distributor_acknowledgement where " + where(caseId, distributorId)
            + " order by recorded_at, id")
        .paramSource(params(caseId, distributorId))
        .query((rs, row) -> new Said(rs.getString("case_id"), rs.getLong("distributor_id"), map(rs)))
        .list();
  }

  /** One row of distributor_acknowledgement with the case and distributor it is of. */
  record Said(String caseId, long distributorId, Acknowledgement acknowledgement) {}

  private static String where(String caseId, Long distributorId) {
    return caseId != null ? "case_id = :caseId" : "distributor_id = :distributorId";
  }

  private static Map<String, Object> params(String caseId, Long distributorId) {
    Map<String, Object> params = new HashMap<>();
    params.put("caseId", caseId);
    params.put("distributorId", distributorId);
    return params;
  }

  private static Acknowledgement map(ResultSet rs) throws SQLException {
    String status = rs.getString("status");
    return new Acknowledgement(instant(rs, "recorded_at"), rs.getString("source"),
        status == null ? null : DistributorStatus.valueOf(status), rs.getString("note"),
        (Boolean) rs.getObject("reviewed"), (Boolean) rs.getObject("tested"), rs.getString("issues_found"));
  }

  private static String occasion(String occasion) {
    return occasion == null ? "" : occasion;
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }
}
