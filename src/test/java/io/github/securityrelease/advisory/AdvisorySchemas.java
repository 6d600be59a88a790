package io.github.securityrelease.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * The official schemas of the advisory formats (src/test/resources/schemas and, for CSAF,
 * src/test/resources/contracts/csaf, see the READMEs there), resolved from the classpath by their own ids, with formats ({@code date-time},
 * {@code uri}) checked as assertions rather than annotations. Each schema is read in the
 * draft its {@code $schema} names: OSV and CSAF 2020-12, the CVE record and FIRST's CVSS 3.x
 * draft-07, CVSS 2.0 draft-04 (the default dialect
 * only applies to a schema that names none).
 */
final class AdvisorySchemas {

  static final String OSV_ID = "https://raw.githubusercontent.com/ossf/osv-schema/main/validation/schema.json";
  static final String CVE_ID = "https://cveproject.github.io/cve-schema/schema/docs/CVE_Record_Format_bundled.json";
  static final String CSAF_ID = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
  static final String CSAF_PROVIDER_ID = "https://docs.oasis-open.org/csaf/csaf/v2.0/provider_json_schema.json";
  /** Where CSAF's schema refers to FIRST's CVSS schemas; the copies in contracts/csaf are these. */
  static final String FIRST_CVSS = "https://www.first.org/cvss/cvss-v";

  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      builder -> builder
          .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
          .schemaIdResolvers(ids -> ids
              .mapPrefix(OSV_ID, "classpath:schemas/osv-schema.json")
              .mapPrefix(CVE_ID, "classpath:schemas/CVE_Record_Format_bundled.json")
              .mapPrefix(CSAF_ID, "classpath:contracts/csaf/csaf_json_schema.json")
              .mapPrefix(CSAF_PROVIDER_ID, "classpath:contracts/csaf/provider_json_schema.json")
              .mapPrefix(FIRST_CVSS, "classpath:contracts/csaf/cvss-v")));

  private static final Schema OSV = REGISTRY.getSchema(SchemaLocation.of(OSV_ID));
  private static final Schema CVE_RECORD = REGISTRY.getSchema(SchemaLocation.of(CVE_ID));
  private static final Schema CNA_CONTAINER = REGISTRY.getSchema(
      SchemaLocation.of(CVE_ID + "#/definitions/cnaPublishedContainer"));
  private static final Schema CSAF = REGISTRY.getSchema(SchemaLocation.of(CSAF_ID));
  private static final Schema CSAF_PROVIDER = REGISTRY.getSchema(SchemaLocation.of(CSAF_PROVIDER_ID));

  private AdvisorySchemas() {}

  static List<String> osvErrors(JsonNode document) {
    return messages(OSV.validate(document));
  }

  static List<String> cveRecordErrors(JsonNode document) {
    return messages(CVE_RECORD.validate(document));
  }

  static List<String> cnaContainerErrors(JsonNode container) {
    return messages(CNA_CONTAINER.validate(container));
  }

  /** Against the CSAF 2.0 schema (contracts/csaf, see the README there), with FIRST's CVSS 2.0, 3.0 and 3.1 schemas it refers to. */
  static List<String> csafErrors(JsonNode document) {
    return messages(CSAF.validate(document));
  }

  /** Against CSAF's provider metadata schema (contracts/csaf), whose {@code publisher} is the CSAF schema's. */
  static List<String> csafProviderErrors(JsonNode metadata) {
    return messages(CSAF_PROVIDER.validate(metadata));
  }

  private static List<String> messages(List<Error> errors) {
    return errors.stream().map(Error::toString).toList();
  }
}
