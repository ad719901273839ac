package dev.sessionkit.event;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The audit log's setting.
 *
 * @param auditSalt the salt of the audit log's session and user hashes; unset, a random one per process (hashes then differ across restarts and instances)
 */
@ConfigurationProperties("session")
public record AuditProperties(@Nullable String auditSalt) {}
