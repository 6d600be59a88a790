package io.github.securityrelease.advisory;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who publishes a case's CSAF 2.0 advisory (R18): CSAF's {@code document.publisher}. Unset
 * keys fall back on the product's ({@link AdvisoryProperties}): the vendor names the publisher,
 * the repository is its namespace.
 *
 * @param publisherName {@code publisher.name}; unset: {@code security-release.advisory.vendor}
 * @param publisherNamespace {@code publisher.namespace}, the publisher's trust domain (a URL);
 *     unset: {@code security-release.advisory.repository-url}
 * @param publisherCategory {@code publisher.category}, one of CSAF's: {@code vendor} for a
 *     project that publishes its own advisories
 * @param contactDetails {@code publisher.contact_details}, how to reach the security team; unset: none
 * @param issuingAuthority {@code publisher.issuing_authority}, what the publisher answers for; unset: none
 */
@Validated
@ConfigurationProperties("security-release.advisory.csaf")
record CsafProperties(String publisherName, URI publisherNamespace,
    @DefaultValue("vendor") @NotNull @Pattern(regexp = "coordinator|discoverer|other|translator|user|vendor",
        message = "must be one of CSAF's publisher categories: coordinator, discoverer, other, translator, user, vendor")
    String publisherCategory,
    String contactDetails, String issuingAuthority) {}
