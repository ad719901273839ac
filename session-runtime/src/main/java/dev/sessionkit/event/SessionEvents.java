package dev.sessionkit.event;

import dev.sessionkit.store.ExpiryListener;
import dev.sessionkit.token.TokenCodec;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** Publishes session lifecycle events through Micronaut's event bus. */
@Internal
@Singleton
public final class SessionEvents implements ExpiryListener {

    private final ApplicationEventPublisher<SessionCreatedEvent> created;
    private final ApplicationEventPublisher<SessionRegeneratedEvent> regenerated;
    private final ApplicationEventPublisher<SessionDestroyedEvent> destroyed;
    private final ApplicationEventPublisher<InvalidSessionTokenEvent> invalid;
    private final ApplicationEventPublisher<SessionRevokedEvent> revoked;
    private final ApplicationEventPublisher<SessionExpiredEvent> expired;

    SessionEvents(
            ApplicationEventPublisher<SessionCreatedEvent> created,
            ApplicationEventPublisher<SessionRegeneratedEvent> regenerated,
            ApplicationEventPublisher<SessionDestroyedEvent> destroyed,
            ApplicationEventPublisher<InvalidSessionTokenEvent> invalid,
            ApplicationEventPublisher<SessionRevokedEvent> revoked,
            ApplicationEventPublisher<SessionExpiredEvent> expired) {
        this.created = created;
        this.regenerated = regenerated;
        this.destroyed = destroyed;
        this.invalid = invalid;
        this.revoked = revoked;
        this.expired = expired;
    }

    @Override
    public void expired(String key, @Nullable String userId, long expiredAt, String detectedBy) {
        // A store key ends with the 43-character public id; the namespace before it is not public.
        String id = key.substring(Math.max(0, key.length() - TokenCodec.PART_LENGTH));
        expired.publishEvent(new SessionExpiredEvent(id, userId, detectedBy));
    }

    /**
     * @param userId the user
     * @param count how many sessions ended
     * @param scope {@code one}, {@code others} or {@code all}
     */
    public void revoked(String userId, int count, String scope) {
        if (count > 0) {
            revoked.publishEvent(new SessionRevokedEvent(userId, count, scope));
        }
    }

    /** @param id the new session's id */
    public void created(String id) {
        created.publishEvent(new SessionCreatedEvent(id));
    }

    /**
     * @param previousId the retired public id
     * @param id the new public id
     */
    public void regenerated(String previousId, String id) {
        regenerated.publishEvent(new SessionRegeneratedEvent(previousId, id));
    }

    /** @param id the ended session's id */
    public void destroyed(String id) {
        destroyed.publishEvent(new SessionDestroyedEvent(id));
    }

    /** @param event the rejected token's description */
    public void invalidToken(InvalidSessionTokenEvent event) {
        invalid.publishEvent(event);
    }
}
