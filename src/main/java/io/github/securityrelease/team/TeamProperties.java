package io.github.securityrelease.team;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The terms of security team membership.
 *
 * @param rotation R21: how long an associate serves before the team reviews the rotation
 * @param inactivity R23: how long a member may go without task activity before a removal vote
 * @param votePeriod R23: how long the members have to vote; a vote not cast counts as not for removal
 */
@ConfigurationProperties("security-release.team")
record TeamProperties(
    @DefaultValue("P3M") Period rotation,
    @DefaultValue("P2M") Period inactivity,
    @DefaultValue("P14D") Period votePeriod) {}
