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

    /** @param handle the new session's handle */
    public void created(String handle) {
        created.publishEvent(new SessionCreatedEvent(handle));
    }

    /**
     * @param previousHandle the retired handle
     * @param handle the new handle
     */
    public void regenerated(String previousHandle, String handle) {
        regenerated.publishEvent(new SessionRegeneratedEvent(previousHandle, handle));
    }

    /** @param handle the ended session's handle */
    public void destroyed(String handle) {
        destroyed.publishEvent(new SessionDestroyedEvent(handle));
    }

    /** @param event the rejected token's description */
    public void invalidToken(InvalidSessionTokenEvent event) {
        invalid.publishEvent(event);
    }
}
