package io.github.securityrelease.distributors;

import io.github.securityrelease.web.InvalidFieldException;
import io.github.securityrelease.distributors.DistributorChangeLog.Change;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R25: a project moving onto this service brings the distributors it vetted under its earlier
 * process, through camunda-admin. All of them or none: one transaction, every check before the
 * first row. The answer tells the administrator nothing of the list beyond the names it sent.
 */
@Service
class DistributorImport {

  /** Comfortably more than a project's list; a longer one comes in several imports. */
  static final int MAX_DISTRIBUTORS = 200;

  private final DistributorRegistry registry;
  private final ApplicationIntake intake;
  private final OpenPgpKeys openPgpKeys;

  DistributorImport(DistributorRegistry registry, ApplicationIntake intake, OpenPgpKeys openPgpKeys) {
    this.registry = registry;
    this.intake = intake;
    this.openPgpKeys = openPgpKeys;
  }

  /** Puts every one on the list, active, each marked as imported by the caller; the names as stored. */
  @Transactional
  public List<String> importAll(List<ImportedDistributor> distributors) {
    refuseTwice(distributors);
    refuseTaken(distributors);
    List<List<OpenPgpKey>> keys = new ArrayList<>();
    for (int i = 0; i < distributors.size(); i++) {
      registry.checkVoucher(distributors.get(i).vouchedBy(), field(i, "vouchedBy"));
      keys.add(openPgpKeys.readAll(distributors.get(i).openpgpKeys(), field(i, "openpgpKeys")));
    }
    List<String> imported = new ArrayList<>();
    for (int i = 0; i < distributors.size(); i++) {
      imported.add(registry.register(distributors.get(i).asActive(), keys.get(i), Change.IMPORTED).organisation());
    }
    return imported;
  }

  private static void refuseTwice(List<ImportedDistributor> distributors) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < distributors.size(); i++) {
      String key = distributors.get(i).organisation().strip().toLowerCase(Locale.ROOT);
      Integer first = seen.putIfAbsent(key, i);
      if (first != null) {
        throw new InvalidFieldException(field(i, "organisation"), "names the same organisation as "
            + field(first, "organisation") + " (names are compared regardless of case)");
      }
    }
  }

  /** Every entry whose name is on record or under application, named at once; which of the two stays unsaid. */
  private void refuseTaken(List<ImportedDistributor> distributors) {
    List<String> taken = new ArrayList<>();
    for (int i = 0; i < distributors.size(); i++) {
      String organisation = distributors.get(i).organisation().strip();
      if (registry.onRecord(organisation) || intake.underWay(organisation)) {
        taken.add(field(i, "organisation") + " '" + organisation + "'");
      }
    }
    if (!taken.isEmpty()) {
      throw new DistributorConflictException("Nothing was imported: on record already (removed distributors included,"
          + " names compared regardless of case) or under application: " + String.join(", ", taken));
    }
  }

  private static String field(int index, String name) {
    return "distributors[" + index + "]." + name;
  }
}
