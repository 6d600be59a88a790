package io.github.securityrelease.notification;

import java.time.Instant;
import java.util.List;

/** One row of the notification ledger; {@code node} made its last delivery attempt. */
public record Notification(
    long id,
    String caseId,
    NotificationKind kind,
    List<String> recipients,
    String subject,
    String body,
    NotificationStatus status,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant updatedAt,
    Instant deliveredAt,
    String node) {}
