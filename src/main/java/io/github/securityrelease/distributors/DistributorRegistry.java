package io.github.securityrelease.distributors;

import io.github.securityrelease.engine.TaskInput;
import io.github.securityrelease.web.InvalidFieldException;
import io.github.securityrelease.distributors.DistributorChangeLog.Change;
import io.github.securityrelease.security.EngineIdentity;
import io.github.securityrelease.team.SecurityTeam;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The private distributors list (R25): who gets the embargoed notices (R14, R16). Nothing is
 * ever deleted: a removed distributor stays on record, inactive, with when and why (R26), and
 * every change is logged with who made it and the state it left.
 */
@Component
public class DistributorRegistry {

  static final int MAX_REASON_LENGTH = 2000;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final SecurityTeam team;
  private final EngineIdentity engineIdentity;
  private final DistributorChangeLog changeLog;
  private final DistributorKeys keys;
  private final OpenPgpKeys openPgpKeys;

  DistributorRegistry(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, SecurityTeam team,
      EngineIdentity engineIdentity, DistributorChangeLog changeLog, DistributorKeys keys, OpenPgpKeys openPgpKeys) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.team = team;
    this.engineIdentity = engineIdentity;
    this.changeLog = changeLog;
    this.keys = keys;
    this.openPgpKeys = openPgpKeys;
  }

  /**
   * Where an embargoed notice goes (R14, R16): every contact address of every active
   * distributor, none removed (R26), each address once whatever its case, sorted.
   */
  public List<String> activeRecipients() {
    List<String> addresses = jdbc.sql("""
            select c.email from distributor_contact c join distributor d on d.id = c.distributor_id
            where d.active = true and d.removed_at is null
            order by c.email""")
        .query(String.class)
        .list();
    TreeSet<String> distinct = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    distinct.addAll(addresses);
    return List.copyOf(distinct);
  }

  /**
   * The distributor on the list now (not removed, R26) that has {@code address} among its
   * contacts, whatever its case; empty for any other address.
   */
  Optional<Long> withContact(String address) {
    return jdbc.sql("""
            select distinct d.id from distributor_contact c join distributor d on d.id = c.distributor_id
            where lower(c.email) = lower(:address) and d.removed_at is null""")
        .param("address", address)
        .query(Long.class)
        .list().stream().findFirst();
  }

  /** Every distributor on record, removed ones too, by organisation. */
  public List<Distributor> all() {
    return select("true", Map.of());
  }

  public Optional<Distributor> find(long id) {
    return select("d.id = :id", Map.of("id", id)).stream().findFirst();
  }

  /**
   * R25: puts an organisation on the list, as an accepted application ({@code CREATED}) or an
   * administrator's import ({@code IMPORTED}) does; the team has no way to call it. Its OpenPGP
   * keys (R14) are those the caller read and checked from the request, none when null.
   */
  Distributor register(DistributorRequest request, List<OpenPgpKey> openpgpKeys, Change change) {
    return transaction.execute(tx -> {
      String organisation = request.organisation().strip();
      refuseTakenName(organisation, null);
      checkVoucher(request.vouchedBy(), "vouchedBy");
      OffsetDateTime now = now();
      try {
        jdbc.sql("""
                insert into distributor (organisation, organisation_key, active, embargo_policy_accepted_at,
                                         vouched_by, created_at, updated_at, changed_by)
                values (:organisation, lower(:organisation), :active, :acceptedAt, :vouchedBy, :now, :now, :changedBy)""")
            .params(columns(organisation, request))
            .param("acceptedAt", utc(request.embargoPolicyAcceptedAt()))
            .param("vouchedBy", request.vouchedBy())
            .param("now", now)
            .update();
      } catch (DuplicateKeyException raced) {
        throw nameTaken(organisation);
      }
      long id = jdbc.sql("select id from distributor where organisation_key = lower(:organisation)")
          .param("organisation", organisation)
          .query(Long.class)
          .single();
      insertContacts(id, request.contacts());
      keys.replace(id, openpgpKeys == null ? List.of() : openpgpKeys);
      return logChange(id, change);
    });
  }

  /**
   * Replaces the distributor's name and contacts, and may take it off the active list; empty
   * when there is no such distributor. R25: it never makes one active, nor changes who vouched
   * or when the embargo policy was accepted: those are the record of how it joined. Keys given
   * replace those on record, each checked before anything changes (R14); none given leaves them.
   */
  Optional<Distributor> update(long id, DistributorRequest request) {
    List<OpenPgpKey> openpgpKeys = openPgpKeys.readAll(request.openpgpKeys(), "openpgpKeys");
    return transaction.execute(tx -> {
      Optional<Distributor> current = lock(id);
      if (current.isEmpty()) {
        return Optional.empty();
      }
      if (current.get().removedAt() != null) {
        throw new DistributorConflictException("Distributor " + id + " was removed at " + current.get().removedAt()
            + " and stays on record as it was");
      }
      request.refuseJoining(current.get());
      String organisation = request.organisation().strip();
      refuseTakenName(organisation, id);
      try {
        jdbc.sql("""
                update distributor set organisation = :organisation, organisation_key = lower(:organisation),
                       active = :active, updated_at = :now, changed_by = :changedBy
                where id = :id""")
            .params(columns(organisation, request))
            .param("now", now())
            .param("id", id)
            .update();
      } catch (DuplicateKeyException raced) {
        throw nameTaken(organisation);
      }
      jdbc.sql("delete from distributor_contact where distributor_id = :id").param("id", id).update();
      insertContacts(id, request.contacts());
      if (openpgpKeys != null) {
        keys.replace(id, openpgpKeys);
      }
      return Optional.of(logChange(id, Change.UPDATED));
    });
  }

  /**
   * Takes the distributor off the list for good (R26): it gets no further notice and stays on
   * record, inactive, with when and why. Removing it again changes nothing. Empty when there
   * is no such distributor.
   */
  Optional<Distributor> remove(long id, String reason) {
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why != null && TaskInput.characters(why) > MAX_REASON_LENGTH) {
      throw new InvalidFieldException("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
    }
    return transaction.execute(tx -> {
      Optional<Distributor> current = lock(id);
      if (current.isEmpty() || current.get().removedAt() != null) {
        return current;
      }
      jdbc.sql("""
              update distributor set active = false, removed_at = :now, removal_reason = :reason,
                     updated_at = :now, changed_by = :changedBy
              where id = :id""")
          .param("now", now())
          .param("reason", why)
          .param("changedBy", changedBy())
          .param("id", id)
          .update();
      return Optional.of(logChange(id, Change.REMOVED));
    });
  }

  /** The distributor, its row locked until the transaction ends, so that changes queue up. */
  Optional<Distributor> lock(long id) {
    List<Long> locked = jdbc.sql("select id from distributor where id = :id for update")
        .param("id", id)
        .query(Long.class)
        .list();
    return locked.isEmpty() ? Optional.empty() : find(id);
  }

  /** Whether {@code organisation} names a distributor on record, removed ones included, regardless of case. */
  boolean onRecord(String organisation) {
    return holder(organisation).isPresent();
  }

  /** 409 when {@code organisation} names a distributor on record (other than {@code exceptId}), removed ones included. */
  void refuseTakenName(String organisation, Long exceptId) {
    Optional<Long> holder = holder(organisation);
    if (holder.isPresent() && !holder.get().equals(exceptId)) {
      throw nameTaken(organisation);
    }
  }

  private Optional<Long> holder(String organisation) {
    return jdbc.sql("select id from distributor where organisation_key = lower(:organisation)")
        .param("organisation", organisation)
        .query(Long.class)
        .optional();
  }

  private DistributorConflictException nameTaken(String organisation) {
    // removed distributors keep their name: a leaker does not come back under a new record
    return new DistributorConflictException("A distributor named '" + organisation
        + "' is on record already (names are compared regardless of case, removed distributors included)");
  }

  /** R25: the voucher must be a member when vouching; a member who leaves later does not undo it. */
  void checkVoucher(String vouchedBy, String field) {
    // membership is a fact, whatever the caller may read of the identity service
    if (vouchedBy != null && !engineIdentity.runAsService(() -> team.isMember(vouchedBy))) {
      throw new InvalidFieldException(field, "must be a current member of the security team");
    }
  }

  private Map<String, Object> columns(String organisation, DistributorRequest request) {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("organisation", organisation);
    columns.put("active", request.activeRequested());
    columns.put("changedBy", changedBy());
    return columns;
  }

  private void insertContacts(long id, List<String> contacts) {
    for (int position = 0; position < contacts.size(); position++) {
      jdbc.sql("insert into distributor_contact (distributor_id, position, email) values (:id, :position, :email)")
          .param("id", id)
          .param("position", position)
          .param("email", contacts.get(position).strip())
          .update();
    }
  }

  private Distributor logChange(long id, Change change) {
    Distributor changed = find(id).orElseThrow();
    changeLog.record(change, changed);
    return changed;
  }

  /** The distributors that meet {@code condition} (a constant of this class, never input) with their contacts. */
  private List<Distributor> select(String condition, Map<String, ?> params) {
    Map<Long, Distributor> distributors = new LinkedHashMap<>();
    Map<Long, List<String>> contacts = new LinkedHashMap<>();
    // one statement, so that a distributor and its contacts come from the same moment
    jdbc.sql("select d.*, c.email from distributor d left join distributor_contact c on c.distributor_id = d.id"
            + " where " + condition + " order by d.organisation_key, d.id, c.position")
        .params(params)
        .query((ResultSet rs) -> {
          long id = rs.getLong("id");
          if (!distributors.containsKey(id)) {
            distributors.put(id, map(rs, List.of()));
            contacts.put(id, new ArrayList<>());
          }
          String email = rs.getString("email");
          if (email != null) {
            contacts.get(id).add(email);
          }
        });
    return distributors.values().stream()
        .map(d -> d.with(contacts.get(d.id()), keys.of(d.id()).stream().map(RegisteredKey::of).toList()))
        .toList();
  }

  private static Distributor map(ResultSet rs, List<String> contacts) throws SQLException {
    return new Distributor(
        rs.getLong("id"),
        rs.getString("organisation"),
        contacts,
        rs.getBoolean("active"),
        instant(rs, "embargo_policy_accepted_at"),
        rs.getString("vouched_by"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        rs.getString("changed_by"),
        instant(rs, "removed_at"),
        rs.getString("removal_reason"),
        List.of());
  }

  /** The user behind the request; null when the service itself changes the list (a process step). */
  private static String changedBy() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return authentication.getName();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
