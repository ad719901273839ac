package dev.sessionkit.store;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;

/**
 * Told when a store finds or removes a session that expired by itself, so that {@link
 * dev.sessionkit.event.SessionExpiredEvent} reaches the application.
 */
@FunctionalInterface
public interface ExpiryListener {

    /** Tells nobody. */
    ExpiryListener NONE = (key, userId, expiredAt, detectedBy) -> {};

    /**
     * @param key the store key (namespace + public id)
     * @param userId the signed-in user, if known
     * @param expiredAt when it expired, epoch milliseconds
     * @param detectedBy {@code load}, {@code purge} or {@code sweep}
     */
    void expired(@NonNull String key, @Nullable String userId, long expiredAt, @NonNull String detectedBy);
}
