package dev.sessionkit.event;

import dev.sessionkit.token.Sha256;
import io.micronaut.core.annotation.Internal;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the session audit trail to the {@code dev.sessionkit.audit} logger: created,
 * regenerated, destroyed, revoked and invalid-token events. Sessions and users appear only as a
 * salted hash ({@code session.audit-salt}, else random per process), so the log can correlate a
 * session's events without holding anything that opens it.
 */
@Internal
@Singleton
final class AuditLog {

    private static final Logger AUDIT = LoggerFactory.getLogger("dev.sessionkit.audit");

    private final byte[] salt;

    AuditLog(AuditProperties properties) {
        String configured = properties.auditSalt();
        if (configured != null && !configured.isEmpty()) {
            salt = configured.getBytes(StandardCharsets.UTF_8);
        } else {
            salt = new byte[16];
            new SecureRandom().nextBytes(salt);
        }
    }

    @EventListener
    void on(SessionCreatedEvent event) {
        AUDIT.info("session created id={}", hash(event.id()));
    }

    @EventListener
    void on(SessionRegeneratedEvent event) {
        AUDIT.info("session regenerated id={} previous={}", hash(event.id()), hash(event.previousId()));
    }

    @EventListener
    void on(SessionDestroyedEvent event) {
        AUDIT.info("session destroyed id={}", hash(event.id()));
    }

    @EventListener
    void on(SessionRevokedEvent event) {
        AUDIT.info("sessions revoked user={} scope={} count={}", hash(event.userId()), event.scope(), event.count());
    }

    @EventListener
    void on(InvalidSessionTokenEvent event) {
        AUDIT.warn("invalid session token reason={} from={}", event.reason(), event.remoteAddress());
    }

    String hash(String value) {
        return Sha256.of(salt, value).substring(0, 16);
    }
}
