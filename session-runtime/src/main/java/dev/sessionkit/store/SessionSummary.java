package dev.sessionkit.store;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;

/**
 * One of a user's sessions as a session list shows it. Times are epoch milliseconds.
 *
 * @param key the store key (namespace + public id)
 * @param createdAt when it was created
 * @param lastSeenAt when it was last touched
 * @param expiresAt when it ends unless used
 * @param ip the address recorded at sign-in
 * @param userAgent the User-Agent recorded at sign-in
 * @param label the user's name for it
 * @param absoluteExpiresAt when it ends however active it is
 * @param signedInAt when the user signed in, or 0 if unknown
 */
public record SessionSummary(
        @NonNull String key,
        long createdAt,
        long lastSeenAt,
        long expiresAt,
        @Nullable String ip,
        @Nullable String userAgent,
        @Nullable String label,
        long absoluteExpiresAt,
        long signedInAt) {

    /**
     * @param key the store key
     * @param meta the session's metadata
     * @return its summary
     */
    public static @NonNull SessionSummary of(@NonNull String key, @NonNull SessionMeta meta) {
        return new SessionSummary(
                key,
                meta.createdAt(),
                meta.touchedAt(),
                meta.expiresAt(),
                meta.ip(),
                meta.userAgent(),
                meta.label(),
                meta.absoluteExpiresAt(),
                meta.signedInAt());
    }
}
