package io.github.securityrelease;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port, on its own in-memory database (or PostgreSQL database:
 * {@link TestDatabase}), with mail to a local SMTP server (GreenMail on a free port,
 * {@link TestSmtp}; both set by {@link TestEnvironment}) and the job executor off: tests execute each job
 * themselves, after moving the engine clock where a timer is concerned. One configuration,
 * so that every IT shares one Spring context.
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
    // the figures of /actuator/prometheus fresh at every scrape (MetricsIT); ExpiringValueTest proves the cache
    "security-release.metrics.cache-ttl=PT0S"})
// /actuator/prometheus as in production (Spring Boot's tests leave metrics export off otherwise)
@AutoConfigureObservability(tracing = false)
public @interface OrchestratorIntegrationTest {

  /** A made-up CNA for the CVE records the tests download. */
  String CNA_ORG_ID = "5f2c8a61-3b7e-4d2a-9c41-7e0b6d9a2f13";
}
