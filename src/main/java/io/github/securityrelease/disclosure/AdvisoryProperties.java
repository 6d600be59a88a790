package io.github.securityrelease.disclosure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
 */
@Validated
@ConfigurationProperties("security-release.advisory")
record AdvisoryProperties(@NotBlank String packageName, @DefaultValue("Go") @NotBlank String ecosystem,
    @NotBlank String vendor, @NotBlank String product, UUID cnaOrgId, @NotNull URI repositoryUrl) {}
