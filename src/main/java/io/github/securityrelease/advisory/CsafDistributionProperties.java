package io.github.securityrelease.advisory;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The CSAF 2.0 distribution of the public advisories (R18; CSAF 2.0 section 7): what the
 * {@code provider-metadata.json} says of the provider, and how long a reader may cache it all.
 *
 * @param role the role the installation claims in the provider metadata: {@code csaf_provider}
 *     where {@code security-release.public-url} is the issuing party's own https domain (the
 *     well-known URL is then requirement 9), else {@code csaf_publisher}. Not
 *     {@code csaf_trusted_provider}: that needs OpenPGP signatures (requirements 19, 20)
 * @param listOnAggregators {@code list_on_CSAF_aggregators}: whether an aggregator may list the provider
 * @param mirrorOnAggregators {@code mirror_on_CSAF_aggregators}: whether an aggregator may mirror the documents
 * @param maxAge {@code Cache-Control: public, max-age} of every file of the distribution
 */
@Validated
@ConfigurationProperties("security-release.advisory.csaf.distribution")
record CsafDistributionProperties(
    @DefaultValue("csaf_provider") @NotNull @Pattern(regexp = "csaf_publisher|csaf_provider",
        message = "must be csaf_publisher or csaf_provider: csaf_trusted_provider needs OpenPGP signatures")
    String role,
    @DefaultValue("true") boolean listOnAggregators,
    @DefaultValue("true") boolean mirrorOnAggregators,
    @DefaultValue("PT5M") @NotNull Duration maxAge) {}
