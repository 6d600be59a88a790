package io.github.securityrelease;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port, on its own in-memory database (or PostgreSQL database:
 * {@link TestDatabase}), with mail to a local SMTP server (GreenMail on a free port,
 * {@link TestSmtp}; both set by {@link TestEnvironment}) and the job executor off: tests execute each job
 * themselves, after moving the engine clock where a timer is concerned (it is set back after
 * each test: {@link EngineClockReset}). One configuration, so that every IT shares one Spring
 * context per database, in one JVM (the tag {@value #SHARED_CONTEXT}: {@link SharedContextOnH2},
 * {@link SharedContextOnPostgres}). So a test finds the cases, mails, accounts and distributors
 * of the tests before it, and looks only at its own: by case ID, recipient or a name of its own.
 *
 * <p>A class that needs properties of its own gets a context of its own, and with it an engine
 * that must not meet another in a JVM: tag it {@value #OWN_JVM} and {@code @DirtiesContext}, so
 * that it runs before the shared context opens ({@link OwnContextsOnH2}) and closes its own
 * after its class ({@link TestEnvironment} refuses a second context while one is open).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:orchestrator-it;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=localhost",
    "security-release.calendar.zone=Europe/Berlin",
    "security-release.notification.sender=security@kurator.example",
    "security-release.announce.recipients=announce@lists.kurator.example",
    "security-release.release.branches=release-0.6,release-0.5",
    "security-release.advisory.cna-org-id=" + OrchestratorIntegrationTest.CNA_ORG_ID,
    // the ITs post hundreds of reports from one address; RateLimitIT proves the limit itself
    "security-release.rate-limit.requests-per-minute=100000",
    "security-release.rate-limit.burst=100000",
    // and open the reporters' pages and post their forms as often; RateLimitIT proves that limit too
    "security-release.reporter-page.requests-per-minute=100000",
    "security-release.reporter-page.burst=100000",
    // the figures of /actuator/prometheus fresh at every scrape (MetricsIT); ExpiringValueTest proves the cache
    "security-release.metrics.cache-ttl=PT0S",
    // the inbox reads the IMAP server TestEnvironment names when a test calls Inbox.poll(), never by itself:
    // no IDLE (it would read other ITs' mail as it comes; InboxIT idles on an Inbox of its own)
    "security-release.inbox.password=" + TestSmtp.INBOX_PASSWORD,
    "security-release.inbox.poll-interval=P1D",
    "security-release.inbox.idle=false",
    // R29: the reminders of unacknowledged notices run when a test calls AcknowledgementReminders.remindDue()
    "security-release.distributors.reminder-check-interval=P1D",
    // the webhook on (forge/GitHubWebhookIT), without a repository: the forge's delegates stay off
    "security-release.forge.webhook-secret=" + TestForge.WEBHOOK_SECRET})
// /actuator/prometheus as in production (Spring Boot's tests leave metrics export off otherwise)
@AutoConfigureObservability(tracing = false)
@Tag(OrchestratorIntegrationTest.SHARED_CONTEXT)
@ExtendWith(EngineClockReset.class)
public @interface OrchestratorIntegrationTest {

  /** The tag of the ITs that run in the one JVM with the shared context (pom.xml). */
  String SHARED_CONTEXT = "shared-context";

  /**
   * The tag of an IT that needs a context of its own (pom.xml): it runs in the suite of those
   * ({@link OwnContextsOnH2}), where each closes its context before the next starts one.
   */
  String OWN_JVM = "own-jvm";

  /** The tag of the ITs of several nodes of the packaged jar, on PostgreSQL, in a JVM of their own (pom.xml, cluster.ClusterOnPostgres). */
  String CLUSTER = "cluster";

  /**
   * The ITs with a service or context of their own, as a tag expression: those not of the shared
   * context, or tagged {@value #OWN_JVM}, but for the cluster ITs.
   */
  String OWN_CONTEXTS = "(!" + SHARED_CONTEXT + " | " + OWN_JVM + ") & !" + CLUSTER;

  /**
   * The tag of the ITs in a real browser. They check what the webapps and the service's pages
   * show and where; the data they show comes through the REST API, which the ITs check on both
   * databases: they run on H2 alone ({@link SharedContextOnPostgres}).
   */
  String BROWSER = "browser";

  /** A made-up CNA for the CVE records the tests download. */
  String CNA_ORG_ID = "5f2c8a61-3b7e-4d2a-9c41-7e0b6d9a2f13";
}
