package dev.sessionkit.event;

import dev.sessionkit.store.ExpiryListener;
import dev.sessionkit.token.TokenCodec;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;

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
    private final SessionEndings endings;

    SessionEvents(
            SessionEndings endings,
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
        this.endings = endings;
    }

    @Override
    public void expired(String key, @Nullable String userId, long expiredAt, String detectedBy) {
        String id = TokenCodec.idOfKey(key);
        expired.publishEvent(new SessionExpiredEvent(id, userId, detectedBy));
        endings.ended(List.of(id), SessionEndings.Reason.EXPIRED);
    }

    /**
     * @param userId the user
     * @param ids the public ids of the sessions that ended
     * @param scope {@code one}, {@code others}, {@code all} or {@code evicted}
     */
    public void revoked(String userId, List<String> ids, String scope) {
        if (!ids.isEmpty()) {
            revoked.publishEvent(new SessionRevokedEvent(userId, ids, scope));
            endings.ended(ids, scope.equals("evicted") ? SessionEndings.Reason.EVICTED : SessionEndings.Reason.REVOKED);
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
        endings.ended(List.of(previousId), SessionEndings.Reason.RENEWED);
    }

    /** @param id the ended session's id */
    public void destroyed(String id) {
        destroyed.publishEvent(new SessionDestroyedEvent(id));
        endings.ended(List.of(id), SessionEndings.Reason.SIGNED_OUT);
    }

    /** @param event the rejected token's description */
    public void invalidToken(InvalidSessionTokenEvent event) {
        invalid.publishEvent(event);
    }
}
