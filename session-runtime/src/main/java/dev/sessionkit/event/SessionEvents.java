package dev.sessionkit.event;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;

/** Publishes session lifecycle events through Micronaut's event bus. */
@Internal
@Singleton
public final class SessionEvents {

    private final ApplicationEventPublisher<SessionCreatedEvent> created;
    private final ApplicationEventPublisher<SessionRegeneratedEvent> regenerated;
    private final ApplicationEventPublisher<SessionDestroyedEvent> destroyed;
    private final ApplicationEventPublisher<InvalidSessionTokenEvent> invalid;
    private final ApplicationEventPublisher<SessionRevokedEvent> revoked;

    SessionEvents(
            ApplicationEventPublisher<SessionCreatedEvent> created,
            ApplicationEventPublisher<SessionRegeneratedEvent> regenerated,
            ApplicationEventPublisher<SessionDestroyedEvent> destroyed,
            ApplicationEventPublisher<InvalidSessionTokenEvent> invalid,
            ApplicationEventPublisher<SessionRevokedEvent> revoked) {
        this.created = created;
        this.regenerated = regenerated;
        this.destroyed = destroyed;
        this.invalid = invalid;
        this.revoked = revoked;
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
