package io.github.securityrelease.tokens;

import io.github.securityrelease.engine.MaxCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Instant;
import java.util.List;

/**
 * A token asked for: a name, its scopes ({@code read}, {@code work}) and its expiry, either a
 * moment ({@code expiresAt}) or a number of days from now, at most a year either way.
 */
record TokenRequest(@NotBlank @MaxCharacters(PersonalTokens.MAX_NAME) String name, @NotEmpty List<String> scopes, Instant expiresAt,
    Integer days) {}
