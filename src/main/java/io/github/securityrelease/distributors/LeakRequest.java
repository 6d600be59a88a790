package io.github.securityrelease.distributors;

import io.github.securityrelease.engine.MaxCharacters;
import io.github.securityrelease.engine.TaskInput;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * R26: what the embargo policy asks of a distributor that leaked: exactly what leaked, to
 * whom, and the steps taken to prevent another; the case, where one is concerned.
 */
record LeakRequest(
    @NotBlank @MaxCharacters(TaskInput.MAX_TEXT) @Pattern(regexp = DistributorApplication.NO_NUL,
        message = DistributorApplication.NUL_MESSAGE) String whatLeaked,
    @NotBlank @MaxCharacters(2000) @Pattern(regexp = DistributorApplication.NO_NUL,
        message = DistributorApplication.NUL_MESSAGE) String leakedTo,
    @NotBlank @MaxCharacters(TaskInput.MAX_TEXT) @Pattern(regexp = DistributorApplication.NO_NUL,
        message = DistributorApplication.NUL_MESSAGE) String stepsTaken,
    @Pattern(regexp = "^SEC-\\d{4}-\\d{4,}$", message = "must be a case ID, SEC-<year>-<number>") String caseId) {}
