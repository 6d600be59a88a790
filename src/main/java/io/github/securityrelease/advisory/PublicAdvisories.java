package io.github.securityrelease.advisory;

import java.util.List;
import java.util.Optional;

/**
 * R18, R27: the advisories of the cases that are public, for the public advisory page and its
 * feeds; nothing of any other case: not its ID, its count or its dates.
 */
interface PublicAdvisories {

  /** Every public advisory, the most recently changed first. */
  List<Advisory> all();

  /** The public advisory of this CVE ID; empty for a case that is not public, as for no case at all. */
  Optional<Advisory> find(String cveId);
}
