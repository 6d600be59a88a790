package io.github.securityrelease.advisory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The product an advisory is about (R18), as the advisory formats name it.
 *
 * @param packageName the package in OSV's {@code affected[].package.name}, {@code github.com/kurator-dev/kurator}
 * @param ecosystem OSV's ecosystem of the package, one of OSV's list ({@code Go}, {@code npm}, ...)
 * @param vendor CVE's {@code affected[].vendor}
 * @param product CVE's {@code affected[].product}
 * @param cnaOrgId the UUID of the CNA that assigns the product's CVE IDs: the CVE record's
 *     {@code assignerOrgId} and {@code providerMetadata.orgId}; without it there is no CVE record
 * @param repositoryUrl the product's source repository: a reference of every advisory
 * @param osvIdPrefix the OSV database prefix of the project's own advisory ids, {@code <prefix>-<year>-<number>}
 *     from the CVE ID (never the case's number, R27); {@code x_} marks a database OSV.dev does not aggregate (OSV's rule for
 *     unregistered prefixes). Never {@code CVE} or {@code GHSA}: those ids are other databases'
 *     <p>Public for the forge: the repository advisory names the same package (R12).
 */
@Validated
@ConfigurationProperties("security-release.advisory")
public record AdvisoryProperties(@NotBlank String packageName, @DefaultValue("Go") @NotBlank String ecosystem,
    @NotBlank String vendor, @NotBlank String product, UUID cnaOrgId, @NotNull URI repositoryUrl,
    @DefaultValue("x_KURATOR") @NotNull @Pattern(regexp = OSV_PREFIX, message = "must be x_NAME or a prefix OSV "
        + "registers (not CVE or GHSA), letters and digits") String osvIdPrefix) {

  static final String OSV_PREFIX = "x_[A-Za-z0-9]+|(?!CVE$|GHSA$)[A-Z][A-Za-z0-9]*";
}
