package io.github.securityrelease;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packages and the directions of their dependencies, as docs/architecture.md draws them.
 * Each package has a rule naming every package it may use; a package not in {@link #PACKAGES}
 * fails the build until it is placed in the picture.
 */
@AnalyzeClasses(packages = "io.github.securityrelease", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String ROOT = "io.github.securityrelease";

  /** What every capability builds on, knowing none: the case contract, engine and web plumbing, the node. */
  private static final List<String> FOUNDATION = List.of("cases", "engine", "web", "cluster");

  /** Shared by the capabilities: who is calling and what they may do, and every message sent. */
  private static final List<String> SHARED = List.of("security", "notification");

  /** What the service does, one package each; the rules below say which uses which. */
  private static final List<String> CAPABILITIES = List.of("team", "release", "assessment", "distributors",
      "disclosure", "advisory", "intake", "inbox", "tokens", "reporter",
      "conversation", "forge", "cveservices");

  /** They observe and describe the service: they may use the rest, and nothing uses them. */
  private static final List<String> OBSERVERS = List.of("metrics", "apidocs");

  private static final List<String> PACKAGES = Stream.of(FOUNDATION, SHARED, CAPABILITIES, OBSERVERS)
      .flatMap(List::stream).toList();

  @ArchTest
  static final ArchRule noCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule rootHoldsTheApplicationAlone = classes().that().resideInAPackage(ROOT)
      .should().haveSimpleName("SecurityReleaseApplication");

  @ArchTest
  static final ArchRule everyPackageIsInThePicture = classes().that().resideOutsideOfPackage(ROOT)
      .should().resideInAnyPackage(PACKAGES.stream().map(ArchitectureTest::within).toArray(String[]::new));

  @ArchTest
  static final ArchRule cases = mayUse("cases", FOUNDATION);

  @ArchTest
  static final ArchRule engine = mayUse("engine", FOUNDATION);

  @ArchTest
  static final ArchRule web = mayUse("web", FOUNDATION);

  @ArchTest
  static final ArchRule cluster = mayUse("cluster", FOUNDATION);

  @ArchTest
  static final ArchRule security = mayUse("security", FOUNDATION);

  @ArchTest
  static final ArchRule notification = mayUse("notification", FOUNDATION);

  @ArchTest
  static final ArchRule team = mayUse("team", FOUNDATION, SHARED);

  @ArchTest
  static final ArchRule release = mayUse("release", FOUNDATION, SHARED);

  /**
   * Validation and assessment (R4-R7). Rejecting an accepted case is for the case's leads, as
   * validating it is: {@code team} says who they are ({@code CaseLeads}).
   */
  @ArchTest
  static final ArchRule assessment = mayUse("assessment", FOUNDATION, SHARED, List.of("team"));

  @ArchTest
  static final ArchRule distributors = mayUse("distributors", FOUNDATION, SHARED, List.of("team"));

  @ArchTest
  static final ArchRule disclosure = mayUse("disclosure", FOUNDATION, SHARED,
      List.of("team", "release", "distributors"));

  @ArchTest
  static final ArchRule advisory = mayUse("advisory", FOUNDATION, SHARED, List.of("assessment", "disclosure"));

  @ArchTest
  static final ArchRule intake = mayUse("intake", FOUNDATION, SHARED, List.of("disclosure"));

  /**
   * The security address's mailbox: a mailed report becomes a case through {@code intake}, a
   * reply a message of its case's {@code conversation}; alerts go to {@code team}. A reply to a
   * distributor's notice is that distributor's acknowledgement (R29): {@code distributors} says
   * whose it is and records it ({@code MailedAcknowledgements}), knowing nothing of mailboxes.
   */
  @ArchTest
  static final ArchRule inbox = mayUse("inbox", FOUNDATION, SHARED,
      List.of("intake", "team", "conversation", "distributors"));

  /** The conversation with a case's reporter (R28): its messages in, the ledger's out. */
  @ArchTest
  static final ArchRule conversation = mayUse("conversation", FOUNDATION, SHARED);

  /** Personal API tokens: {@code security} takes them through its {@code BearerTokens} interface, knowing none. */
  @ArchTest
  static final ArchRule tokens = mayUse("tokens", FOUNDATION, List.of("security"));

  /**
   * The reporter's private page: the case's dates and credit through {@code cases}, its mails
   * through the ledger, the conversation it shows and answers through {@code conversation}.
   */
  @ArchTest
  static final ArchRule reporter = mayUse("reporter", FOUNDATION, SHARED, List.of("conversation"));

  /**
   * The project's forge (R12, R17, R18): release day's git (JGit) and GitHub's API, as the
   * model's delegates. A merge goes on the case's record as {@code release} keeps it; it reads
   * the case's versions and the product as the advisories do ({@code advisory}), and records a
   * CVE ID GitHub assigns as "Record assigned CVE" does ({@code disclosure}); none uses it.
   * Its record of calls is on the case ({@code cases}), which the security team reads by case;
   * a pull request changed before its merge is flagged to the team's members ({@code team}).
   */
  @ArchTest
  static final ArchRule forge = mayUse("forge", FOUNDATION, SHARED, List.of("release", "advisory", "disclosure", "team"));

  /**
   * CVE Services, for a project that is a CNA (R12, R18): the client that reserves, publishes and
   * rejects CVE IDs, and the model's delegates that use it. Its record of calls is kept as the
   * forge's is ({@code cases.OutsideCalls}). A reserved ID is recorded as "Record assigned CVE"
   * records one ({@code disclosure.CaseCves}); the record it publishes is the CNA container
   * {@code advisory} makes; a project has one CNA, so it reads whether GitHub is one
   * ({@code forge.ForgeProperties}). None of them uses it.
   */
  @ArchTest
  static final ArchRule cveservices = mayUse("cveservices", FOUNDATION, SHARED, List.of("advisory", "disclosure", "forge"));

  @ArchTest
  static final ArchRule metrics = mayUse("metrics", FOUNDATION, SHARED, CAPABILITIES);

  @ArchTest
  static final ArchRule apidocs = mayUse("apidocs", FOUNDATION, SHARED, CAPABILITIES);

  /** The rule of {@code name}: it uses no package of the service but itself and {@code allowed}. */
  @SafeVarargs
  private static ArchRule mayUse(String name, List<String>... allowed) {
    List<String> may = Stream.of(allowed).flatMap(List::stream).filter(other -> !other.equals(name)).toList();
    String[] others = Stream.concat(Stream.of(ROOT), PACKAGES.stream()
            .filter(other -> !other.equals(name) && !may.contains(other)).map(ArchitectureTest::within))
        .toArray(String[]::new);
    return noClasses().that().resideInAPackage(within(name))
        .should().dependOnClassesThat().resideInAnyPackage(others)
        .as(name + " uses " + (may.isEmpty() ? "no other package" : "only " + String.join(", ", may)));
  }

  private static String within(String name) {
    return ROOT + "." + name + "..";
  }
}
